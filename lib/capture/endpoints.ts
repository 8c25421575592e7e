/**
 * The internal endpoints Collab Lens reads, by adapter id. The page-world hook imports this to decide, per request,
 * whether to look at a response at all, so it stays a plain table of path patterns with no dependencies.
 */
export const CAPTURED_ENDPOINTS = {
  'sample.group.list': /\/api\/v1\/affiliate\/sample\/group\/list$/,
  // [section:orders]
  'orders.list': /\/api\/v1\/affiliate\/orders$/,
  // [section:creators]
  'creators.find': /\/api\/v1\/oec\/affiliate\/creator\/marketplace\/find$/,
  'creators.search': /\/api\/v1\/oec\/affiliate\/creator\/marketplace\/search$/,
  'creators.recommendation': /\/api\/v1\/oec\/affiliate\/creator\/marketplace\/recommendation$/,
  'creators.aiFind': /\/api\/v1\/oec\/affiliate\/creator\/marketplace\/ai\/find$/,
  'creators.rankings': /\/api\/v1\/oec\/affiliate\/cmp\/creator\/rank\/list\/get$/,
  'creators.profile': /\/api\/v1\/oec\/affiliate\/creator\/marketplace\/profile$/,
  'creators.authProfiles': /\/api\/v1\/affiliate\/lux\/creator\/auth_profiles$/,
  // [section:collaborations]
  'invitations.search': /\/api\/v1\/oec\/affiliate\/seller\/invitation_group\/search$/,
  'invitations.detail': /\/api\/v1\/oec\/affiliate\/seller\/invitation_group\/detail$/,
  'openCollab.plans': /\/api\/v2\/affiliate\/open_plan\/list$/,
  'openCollab.applications': /\/api\/v1\/affiliate\/open_collaboration\/creator_application\/search$/,
  'openCollab.commissionHistory': /\/api\/v1\/affiliate\/open_collaboration\/commission_history\/list$/,
  // [section:campaigns]
  'campaign.search': /\/api\/v1\/affiliate\/campaign\/search$/,
  'campaign.detail': /\/api\/v1\/affiliate\/campaign\/detail\/get$/,
  'campaign.registered': /\/api\/v1\/affiliate\/campaign\/registered_products\/get$/,
  'insights.transaction': /\/api\/v1\/oec\/affiliate\/compass\/transaction\/[\w/]+\/get$/,
  'insights.sample': /\/api\/v1\/oec\/affiliate\/compass\/sample\/[\w/]+\/get$/,
  'insights.outreach': /\/api\/v1\/oec\/affiliate\/compass\/outreach\/[\w/]+\/get$/,
  'accounts.linked': /\/api\/v1\/affiliate\/seller\/linked_accounts$/,
  // [section:samples]
  'sample.refundable.list': /\/api\/v1\/affiliate\/sample\/refundable\/apply\/list$/,
  'sample.performance': /\/api\/v1\/affiliate\/sample\/performance$/,
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
