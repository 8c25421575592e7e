/**
 * The internal endpoints Collab Lens reads, by adapter id. The page-world hook imports this to decide, per request,
 * whether to look at a response at all, so it stays a plain table of path patterns with no dependencies.
 */
export const CAPTURED_ENDPOINTS = {
  'sample.group.list': /\/api\/v1\/affiliate\/sample\/group\/list$/,
  // [section:orders]
  // [section:creators]
  // [section:collaborations]
  // [section:campaigns]
  // [section:samples]
} as const satisfies Record<string, RegExp>;

export type EndpointId = keyof typeof CAPTURED_ENDPOINTS;

const PATTERNS = Object.values(CAPTURED_ENDPOINTS);

/** Path of an absolute or page-relative URL, without building a URL object for the common case. */
export function pathOf(url: string): string {
  const q = url.search(/[?#]/);
  const noQuery = q === -1 ? url : url.slice(0, q);
  const scheme = noQuery.indexOf('://');
  if (scheme === -1) return noQuery.startsWith('/') ? noQuery : `/${noQuery}`;
  const slash = noQuery.indexOf('/', scheme + 3);
  return slash === -1 ? '/' : noQuery.slice(slash);
}

/** Cheap test the page-world hook runs on every request: most requests fail the first `includes`. */
export function isCapturedUrl(url: string): boolean {
  if (!url.includes('/api/')) return false;
  const path = pathOf(url);
  return PATTERNS.some((p) => p.test(path));
}

export function endpointOf(url: string): EndpointId | undefined {
  const path = pathOf(url);
  return (Object.keys(CAPTURED_ENDPOINTS) as EndpointId[]).find((k) => CAPTURED_ENDPOINTS[k].test(path));
}
