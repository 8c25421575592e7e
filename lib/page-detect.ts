import { affiliateHost } from './hosts';

/**
 * Pure page predicates over a URL, matched on the path *suffix* so both route generations (`/product/sample-request`,
 * `/affiliate/sample/sample-request`) and the `/affiliate` prefix of the global-selling hosts all match.
 * Each predicate has example URLs in page-detect.test.ts.
 */

export type PageKind = 'sample-requests' | 'home' | 'other';

export const isAffiliateCenter = (url: URL): boolean => url.protocol === 'https:' && affiliateHost(url.hostname) !== undefined;

export const isSampleRequests = (url: URL): boolean => isAffiliateCenter(url) && /\/sample-request\/?$/.test(url.pathname);

export const isHome = (url: URL): boolean => isAffiliateCenter(url) && /\/platform\/homepage\/?$/.test(url.pathname);

export function pageKind(url: URL): PageKind {
  if (isSampleRequests(url)) return 'sample-requests';
  if (isHome(url)) return 'home';
  return 'other';
}

export function pageKindOf(href: string): PageKind {
  try {
    return pageKind(new URL(href));
  } catch {
    return 'other';
  }
}
