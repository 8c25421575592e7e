import { describe, expect, it } from 'vitest';
import { isAffiliateCenter, isHome, isSampleRequests } from './page-detect';

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
};

describe.each(Object.entries(EXAMPLES))('%s', (_name, { predicate, yes, no }) => {
  it('has examples both ways', () => {
    expect(yes.length).toBeGreaterThan(0);
    expect(no.length).toBeGreaterThan(0);
  });
  it.each(yes)('matches %s', (url) => expect(predicate(new URL(url))).toBe(true));
  it.each(no)('does not match %s', (url) => expect(predicate(new URL(url))).toBe(false));
});
