import type { AnyRule } from './types';
import { campaignRegistrationClosing } from './campaign-registration-closing';
import { campaignStartingSoon } from './campaign-starting-soon';
import { commissionBelowBenchmark } from './commission-below-benchmark';
import { contentOverdue } from './content-overdue';
import { contentReminderDue } from './content-reminder-due';
import { creatorNoContent } from './creator-no-content';
import { creatorReliability } from './creator-reliability';
import { duplicateSample } from './duplicate-sample';
import { refundableSampleProgress } from './refundable-sample-progress';
import { registrationBelowRequirement } from './registration-below-requirement';
import { sampleReviewDeadline } from './sample-review-deadline';
import { sampleShipDeadline } from './sample-ship-deadline';
import { targetCommissionBelowBenchmark } from './target-commission-below-benchmark';
import { campaignSampleQuantity } from './campaign-sample-quantity';
import { invitationExpiringUnaccepted } from './invitation-expiring-unaccepted';
import { orderCommissionSanity } from './order-commission-sanity';
import { registrationRejected } from './registration-rejected';
import { showcaseAccountLimits } from './showcase-account-limits';
import { topCreatorsNotThanked } from './top-creators-not-thanked';
import { weeklyAnalyticsReview } from './weekly-analytics-review';

/** Every built-in rule, in the order the options page lists them. rules.test.ts checks each file here is listed. */
export const RULES: readonly AnyRule[] = [
  commissionBelowBenchmark,
  targetCommissionBelowBenchmark,
  sampleReviewDeadline,
  sampleShipDeadline,
  contentReminderDue,
  contentOverdue,
  refundableSampleProgress,
  creatorReliability,
  creatorNoContent,
  duplicateSample,
  campaignRegistrationClosing,
  campaignStartingSoon,
  registrationBelowRequirement,
  campaignSampleQuantity,
  registrationRejected,
  showcaseAccountLimits,
  weeklyAnalyticsReview,
  topCreatorsNotThanked,
  invitationExpiringUnaccepted,
  orderCommissionSanity,
];
