import type { EndpointId } from '../capture/endpoints';
import { sampleGroupList } from './sample-group-list';
import type { EndpointAdapter } from './types';
// [imports:orders]
import { ordersList } from './orders';
// [imports:creators]
import { creatorAuthProfiles, creatorMarketplaceList, creatorProfile, creatorRankList } from './creators';
// [imports:collaborations]
import { invitationsDetail, invitationsSearch } from './invitations';
import { commissionHistoryList, creatorApplicationSearch, openPlanList } from './open-collaboration';
// [imports:campaigns]
import { campaignDetail, campaignRegistered, campaignSearch } from './campaigns';
import { outreachInsights, sampleInsights, transactionInsights } from './insights';
import { linkedAccounts } from './shop-accounts';
// [imports:samples]
import { samplePerformance } from './sample-performance';
import { sampleRefundableList } from './sample-refundable-list';

/** One adapter per captured endpoint; the type makes a missing one a compile error. */
export const ADAPTERS: Readonly<Record<EndpointId, EndpointAdapter>> = {
  'sample.group.list': sampleGroupList,
  // [section:orders]
  'orders.list': ordersList,
  // [section:creators]
  'creators.find': creatorMarketplaceList,
  'creators.search': creatorMarketplaceList,
  'creators.recommendation': creatorMarketplaceList,
  'creators.aiFind': creatorMarketplaceList,
  'creators.rankings': creatorRankList,
  'creators.profile': creatorProfile,
  'creators.authProfiles': creatorAuthProfiles,
  // [section:collaborations]
  'invitations.search': invitationsSearch,
  'invitations.detail': invitationsDetail,
  'openCollab.plans': openPlanList,
  'openCollab.applications': creatorApplicationSearch,
  'openCollab.commissionHistory': commissionHistoryList,
  // [section:campaigns]
  'campaign.search': campaignSearch,
  'campaign.detail': campaignDetail,
  'campaign.registered': campaignRegistered,
  'insights.transaction': transactionInsights,
  'insights.sample': sampleInsights,
  'insights.outreach': outreachInsights,
  'accounts.linked': linkedAccounts,
  // [section:samples]
  'sample.refundable.list': sampleRefundableList,
  'sample.performance': samplePerformance,
};
