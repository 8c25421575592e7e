import { affiliateHost } from './hosts';

/**
 * Pure page predicates over a URL, matched on the path *suffix* so both route generations (`/product/sample-request`,
 * `/affiliate/sample/sample-request`) and the `/affiliate` prefix of the global-selling hosts all match.
 * Each predicate has example URLs in page-detect.test.ts.
 */

/** Every Affiliate Center page Collab Lens knows, each with the path suffixes of both route generations. */
export const PAGE_PATTERNS = {
  'sample-requests': /\/sample-request\/?$/,
  home: /\/platform\/homepage\/?$/,
  'find-creators': /\/(connection\/creator|affiliate\/creator(\/search|\/marketplace)?)\/?$/,
  'creator-detail': /\/creator\/detail\/?$/,
  'creator-rankings': /\/creator\/rankings\/?$/,
  'target-invitations': /\/target-invitation(\/(create|detail))?\/?$/,
  'open-collaboration': /\/open-collaboration(\/(bulk-edit|creator-applications))?\/?$/,
  orders: /\/product\/order\/?$/,
  'partner-campaigns': /\/(product\/partner-campaign|affiliate\/partner)(\/[\w-]+)*\/?$/,
  insights: /\/(insights\/[\w-]+|data\/(product-performance|creator-analysis))\/?$/,
  /** [L] Where the simulated Affiliate Center lists the shop's linked TikTok accounts; domain.md names no route. */
  'shop-accounts': /\/platform\/linked-accounts\/?$/,
} as const satisfies Record<string, RegExp>;

export type PageKind = keyof typeof PAGE_PATTERNS | 'other';

export const isAffiliateCenter = (url: URL): boolean => url.protocol === 'https:' && affiliateHost(url.hostname) !== undefined;

const on = (kind: keyof typeof PAGE_PATTERNS) => (url: URL) => isAffiliateCenter(url) && PAGE_PATTERNS[kind].test(url.pathname);

export const isSampleRequests = on('sample-requests');
export const isHome = on('home');
export const isFindCreators = on('find-creators');
export const isCreatorDetail = on('creator-detail');
export const isCreatorRankings = on('creator-rankings');
export const isTargetInvitations = on('target-invitations');
export const isOpenCollaboration = on('open-collaboration');
export const isOrders = on('orders');
export const isPartnerCampaigns = on('partner-campaigns');
export const isInsights = on('insights');
export const isShopAccounts = on('shop-accounts');

export function pageKind(url: URL): PageKind {
  if (!isAffiliateCenter(url)) return 'other';
  const kinds = Object.keys(PAGE_PATTERNS) as (keyof typeof PAGE_PATTERNS)[];
  return kinds.find((k) => PAGE_PATTERNS[k].test(url.pathname)) ?? 'other';
}

export function pageKindOf(href: string): PageKind {
  try {
    return pageKind(new URL(href));
  } catch {
    return 'other';
  }
}
