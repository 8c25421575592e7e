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
import { invalid, methodNotAllowed, ok, type ApiRequest, type ApiResponse } from './surface';
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

export function handleApi(world: World, req: ApiRequest): ApiResponse | undefined {
  const general = generalApi(world, req);
  if (general) return general;
  for (const surface of SURFACES) {
    const res = surface.api?.(world, req);
    if (res) return res;
  }
  return undefined;
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
