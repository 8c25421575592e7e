/**
 * The simulated Affiliate Center's internal JSON API, as a pure function of the world.
 *
 * General endpoints every page calls are served here (same origin as the pages, on every Affiliate Center host):
 *   GET  /api/v1/affiliate/menu                 left-menu config (legacy paths), not captured
 *   POST /api/v1/affiliate/account/info         shop name and region, not captured
 * Everything else is asked of the surfaces in registry order (`surfaces/index.ts`), e.g.
 *   POST /api/v1/affiliate/sample/group/list   served by `surfaces/sample-requests.ts`
 *
 * Like the real site, application errors come back as HTTP 200 with a non-zero `code`.
 */
import { SURFACES } from './surfaces';
import { invalid, methodNotAllowed, ok, wireVariants, type ApiRequest, type ApiResponse } from './surface';
import { resolveShop, type SimShop, type World } from './world';

export { CODE_INVALID_PARAMS, CODE_OK, type ApiRequest, type ApiResponse } from './surface';
// The sample list moved to its surface; these re-exports keep existing imports (`test/e2e`) working.
export {
  FAULT_BROKEN_APPLY_COUNT,
  SAMPLE_LIST_PATH,
  brokenApplyCount,
  faultPlan,
  parseListBody,
  type FaultKind,
  type FaultPlan,
  type ListBody,
} from './surfaces/sample-requests';

export const MENU_PATH = '/api/v1/affiliate/menu';
export const ACCOUNT_INFO_PATH = '/api/v1/affiliate/account/info';

/** Every wire variant a surface declares (names are global: `<surface>.<form>`). */
const KNOWN_VARIANTS = new Set(SURFACES.flatMap((s) => Object.keys(s.variants ?? {})));

export function handleApi(world: World, req: ApiRequest): ApiResponse | undefined {
  // A variant no surface serves is a mistake in the test that asked for it: answer so that it fails loudly.
  const unknown = [...wireVariants(req)].filter((v) => !KNOWN_VARIANTS.has(v));
  if (unknown.length) return { status: 400, json: { code: 400, message: `unknown wire variant: ${unknown.join(',')}` } };
  const res = generalApi(world, req) ?? SURFACES.reduce<ApiResponse | undefined>((found, s) => found ?? s.api?.(world, req), undefined);
  const probe = req.url.searchParams.get('cl_probe');
  return res && probe ? { ...res, json: probeAnswer(res.json, probe) } : res;
}

/** The field `add-field` puts into every object of an answer: a field no adapter reads. */
export const PROBE_FIELD = 'cl_probe_new_field';

/**
 * A deliberate shape change, as TikTok might make one day, for the shape watch's tests: `add-field` puts
 * `PROBE_FIELD` (a string) into every object of the answer; `drop:<key>[,<key>…]` removes those keys wherever they
 * are; both together as `add-field|drop:<key>`. The answer is copied, never changed in place.
 */
export function probeAnswer(json: unknown, probe: string): unknown {
  const parts = probe.split('|');
  const dropPart = parts.find((p) => p.startsWith('drop:'));
  const drop = dropPart ? new Set(dropPart.slice(5).split(',')) : undefined;
  const add = parts.includes('add-field');
  if (parts.some((p) => p !== 'add-field' && !p.startsWith('drop:'))) throw new Error(`unknown probe: ${probe}`);
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v !== 'object' || v === null) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (!drop?.has(k)) out[k] = walk(x);
    if (add) out[PROBE_FIELD] = 'probe';
    return out;
  };
  return walk(json);
}

function generalApi(world: World, req: ApiRequest): ApiResponse | undefined {
  const path = req.url.pathname;
  if (path === MENU_PATH) {
    if (req.method !== 'GET') return methodNotAllowed();
    return ok(menu());
  }
  if (path === ACCOUNT_INFO_PATH) {
    if (req.method !== 'POST') return methodNotAllowed();
    const shop = resolveShop(world, req.url);
    if (!shop) return invalid();
    return ok(accountInfo(shop));
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Uncaptured endpoints

function menu(): unknown {
  // Legacy paths, as the real menu API returns them (research/domain.md §2.2).
  return {
    menu_list: [
      { id: 'home', name: 'Home', path: '/platform/homepage' },
      {
        id: 'collaboration',
        name: 'Collaborations',
        children: [
          { id: 'open_collaboration', name: 'Open collaboration', path: '/product/open-collaboration' },
          { id: 'target_collaboration', name: 'Target collaboration', path: '/connection/target-invitation?tab=1' },
        ],
      },
      { id: 'sample_request', name: 'Sample requests', path: '/product/sample-request' },
      { id: 'find_creators_creator_marketplace', name: 'Find creators', path: '/connection/creator' },
      { id: 'affiliate_crm', name: 'Creator management', path: '/connection/creator-management' },
      { id: 'order', name: 'Affiliate orders', path: '/product/order' },
    ],
  };
}

function accountInfo(shop: SimShop): unknown {
  return {
    shop_name: shop.name,
    shop_region: shop.region,
    oec_seller_id: shop.sellerId,
    currency: shop.currency,
    seller_type: shop.key === 'global' ? 'CROSS_BORDER' : 'LOCAL',
    shop_logo: { url_list: [] },
  };
}
