import type { InputLoader } from '../types';
import { openCollabBenchmarks, targetBenchmarks } from './benchmarks';
import { campaignApprovals, campaignRegistrations, registrations } from './campaigns';
import { expiringInvitations } from './invitations';
import { orderSkus, topCreators } from './orders';
import { creatorHistory, deliveredSamples, duplicateHistory, requestCreators, requests } from './requests';
import { analyticsReviews, shopAccounts } from './shops';

/**
 * The shared inputs of the built-in rules, by the name a rule gives in `input`: each written once, with the tables it
 * reads, how a change maps to the subjects it affects, and how to load them. Background only: they read Dexie, and the
 * screens import the rules' texts from lib/rules/catalogue.ts instead.
 */
export const LOADERS: Readonly<Record<string, InputLoader<any>>> = {
  requests,
  deliveredSamples,
  duplicateHistory,
  creatorHistory,
  requestCreators,
  openCollabBenchmarks,
  targetBenchmarks,
  registrations,
  campaignRegistrations,
  campaignApprovals,
  expiringInvitations,
  shopAccounts,
  analyticsReviews,
  orderSkus,
  topCreators,
};
