import { findingAnnotations, type FeatureDeps } from '../overlay/annotations';
import type { Feature } from '../overlay/manager';
import { isPartnerCampaigns } from '../page-detect';

/**
 * Partner campaigns: deadlines (registration closing with nothing registered, a campaign starting soon) on the
 * campaign's name, and registration findings (rejected, blocked, cancellation pending, commission under the campaign's
 * requirement, a sample quantity above the seller's limit) on the registered product's row, or on the campaign's name
 * where the page lists campaigns.
 */
export const campaignFindings = (deps: FeatureDeps): Feature =>
  findingAnnotations(deps, { id: 'campaign-findings', include: [isPartnerCampaigns], subjects: ['campaign', 'registration'] });

/* Test pages: test/sim (Partner campaigns: marketplace, My campaigns, campaign details, registered products; markups `table` and `cards`); test/e2e/annotations.test.ts */
