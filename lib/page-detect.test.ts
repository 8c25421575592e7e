import { describe, expect, it } from 'vitest';
import * as detect from './page-detect';

const { isAffiliateCenter, isHome, isSampleRequests } = detect;

/** Example URLs per predicate, both route generations and every Affiliate Center host (domain.md §2). */
const EXAMPLES: Record<string, { yes: string[]; no: string[]; predicate: (u: URL) => boolean }> = {
  isSampleRequests: {
    predicate: isSampleRequests,
    yes: [
      'https://affiliate-us.tiktok.com/product/sample-request?shop_region=US',
      'https://affiliate.tiktok.com/affiliate/sample/sample-request?tab=10&shop_region=GB&route_migration=1',
      'https://affiliate-id.tokopedia.com/product/sample-request?shop_region=ID',
      'https://affiliate.tiktokshopglobalselling.com/affiliate/product/sample-request',
      'https://affiliate.tiktokglobalshop.com/affiliate/product/sample-request/',
    ],
    no: [
      'https://affiliate-us.tiktok.com/product/sample-settings',
      'https://affiliate-us.tiktok.com/product/sample-request/detail',
      'http://affiliate-us.tiktok.com/product/sample-request',
      'https://example.com/product/sample-request',
      'https://seller-us.tiktok.com/product/sample-request',
    ],
  },
  isHome: {
    predicate: isHome,
    yes: ['https://affiliate.tiktok.com/platform/homepage?shop_region=VN', 'https://affiliate-us.tiktok.com/affiliate/platform/homepage'],
    no: ['https://affiliate.tiktok.com/product/sample-request'],
  },
  isAffiliateCenter: {
    predicate: isAffiliateCenter,
    yes: ['https://affiliate.tiktok.com/connection/creator', 'https://affiliate-id.tokopedia.com/insights/transaction-analysis'],
    no: ['https://www.tiktok.com/@someone', 'https://partner.tiktokshop.com/affiliate-cmp/creator-marketplace'],
  },
  isFindCreators: {
    predicate: detect.isFindCreators,
    yes: ['https://affiliate.tiktok.com/connection/creator?shop_region=GB', 'https://affiliate-us.tiktok.com/affiliate/creator/search', 'https://affiliate-us.tiktok.com/affiliate/creator'],
    no: ['https://affiliate.tiktok.com/connection/creator/detail?cid=1', 'https://affiliate.tiktok.com/connection/creator-management'],
  },
  isCreatorDetail: {
    predicate: detect.isCreatorDetail,
    yes: ['https://affiliate.tiktok.com/connection/creator/detail?cid=7494', 'https://affiliate.tiktokshopglobalselling.com/affiliate/creator/detail?cid=1&pair_source=authorized'],
    no: ['https://affiliate.tiktok.com/connection/creator'],
  },
  isCreatorRankings: {
    predicate: detect.isCreatorRankings,
    yes: ['https://affiliate.tiktok.com/connection/creator/rankings', 'https://affiliate-us.tiktok.com/affiliate/creator/rankings'],
    no: ['https://affiliate.tiktok.com/connection/creator'],
  },
  isTargetInvitations: {
    predicate: detect.isTargetInvitations,
    yes: ['https://affiliate.tiktok.com/connection/target-invitation?tab=1', 'https://affiliate-us.tiktok.com/affiliate/collaboration/target-invitation/detail?id=1'],
    no: ['https://affiliate.tiktok.com/connection/target-invitation/share'],
  },
  isOpenCollaboration: {
    predicate: detect.isOpenCollaboration,
    yes: ['https://affiliate.tiktok.com/product/open-collaboration', 'https://affiliate-us.tiktok.com/affiliate/collaboration/open-collaboration/creator-applications'],
    no: ['https://affiliate.tiktok.com/product/open-collaboration/settings/x'],
  },
  isOrders: {
    predicate: detect.isOrders,
    yes: ['https://affiliate.tiktok.com/product/order?shop_region=TH', 'https://affiliate.tiktokglobalshop.com/affiliate/product/order'],
    no: ['https://affiliate.tiktok.com/product/order-detail'],
  },
  isPartnerCampaigns: {
    predicate: detect.isPartnerCampaigns,
    yes: ['https://affiliate.tiktok.com/product/partner-campaign/partner-collabs', 'https://affiliate-us.tiktok.com/affiliate/partner/marketplace', 'https://affiliate-us.tiktok.com/affiliate/partner/registered'],
    no: ['https://affiliate.tiktok.com/product/partner'],
  },
  isInsights: {
    predicate: detect.isInsights,
    yes: ['https://affiliate-id.tokopedia.com/insights/transaction-analysis', 'https://affiliate.tiktok.com/insights/creator-outreach', 'https://affiliate.tiktok.com/data/creator-analysis'],
    no: ['https://affiliate.tiktok.com/insights'],
  },
  isShopAccounts: {
    predicate: detect.isShopAccounts,
    yes: ['https://affiliate.tiktok.com/platform/linked-accounts?shop_region=GB', 'https://affiliate-us.tiktok.com/affiliate/platform/linked-accounts'],
    no: ['https://affiliate.tiktok.com/platform/homepage'],
  },
};

describe.each(Object.entries(EXAMPLES))('%s', (_name, { predicate, yes, no }) => {
  it('has examples both ways', () => {
    expect(yes.length).toBeGreaterThan(0);
    expect(no.length).toBeGreaterThan(0);
  });
  it.each(yes)('matches %s', (url) => expect(predicate(new URL(url))).toBe(true));
  it.each(no)('does not match %s', (url) => expect(predicate(new URL(url))).toBe(false));
});
