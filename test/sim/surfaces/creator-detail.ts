/**
 * Creator detail (research/real-shapes.md §3; paths and bodies domain.md §2.2, §3.1).
 *
 *   legacy   /connection/creator/detail?cid=<creator_oec_id>          (global selling: /affiliate/connection/…)
 *   migrated /affiliate/creator/detail?cid=…&pair_source=authorized&route_migration=1
 *   POST /api/v1/oec/affiliate/creator/marketplace/profile   `{creator_oec_id, profile_types: [N]}`: the page asks for
 *        each part separately [fixture]; each answer holds only its part (see `profilePartJson`)
 *   POST /api/v1/affiliate/lux/creator/auth_profiles         `{creator_oec_ids: [...]}` → `data[]` [unknown]
 *
 * An unknown `creator_oec_id` is 98001004. `cl_fault=shape` sends part 1 with a GMV that is not a number.
 */
import { invalid, jsonObjectBody, methodNotAllowed, ok, wireVariants, type ApiRequest, type ApiResponse, type SimSurface } from '../surface';
import { resolveShop, type World } from '../world';
import { AUTH_PROFILES_PATH, authProfileJson, marketCreator, PROFILE_PATH, PROFILE_TYPES, profilePartJson } from './creator-marketplace';

export interface CreatorDetailBoot {
  profileTypes: number[];
}

/** The part broken in fault mode. */
export const PROFILE_FAULT_TYPE = 1;

export const creatorDetail: SimSurface = {
  route: 'creator-detail',
  paths: { legacy: '/connection/creator/detail', migrated: '/affiliate/creator/detail' },
  client: 'creator-detail.js',
  api: detailApi,
  boot: (): CreatorDetailBoot => ({ profileTypes: [...PROFILE_TYPES] }),
  variants: {
    'creator-detail.trend-flat':
      '[unknown] trend points straight in `creator_profile_trend_data[]`, not in `{filter, stats[]}` blocks (the two parsers and the raw sample show blocks)',
    'creator-detail.trend-map': '[parser, one source] the trend blocks as an object of blocks (one parser reads them with Object.values)',
    'creator-detail.auth-list': '[unknown] auth_profiles with its list under `data.list` instead of `data[]`',
  },
  css: `
.cd-head{display:flex;gap:16px;align-items:center;padding:20px}
.cd-avatar{width:72px;height:72px;border-radius:50%;background:#f2f3f5;flex:none}
.cd-nick{margin:0;font-size:20px;overflow-wrap:anywhere}
.cd-handle{color:#86909c}
.cd-bio{margin:6px 0 0;color:#4e5969;overflow-wrap:anywhere}
.cd-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:16px;margin-top:16px}
.cd-part{padding:16px 20px;min-height:120px}
.cd-part h2{margin:0 0 10px;font-size:15px}
.cd-part dl{display:grid;grid-template-columns:auto 1fr;gap:4px 12px;margin:0;font-size:13px}
.cd-part dt{color:#86909c}
.cd-part dd{margin:0;font-weight:600}
.cd-part .sim-error{padding:12px 0;text-align:left}
.cd-actions{margin-left:auto}
.cd-table{width:100%;margin-top:16px;border-collapse:collapse;font-size:13px}
.cd-table th,.cd-table td{text-align:left;padding:6px 20px;border-top:1px solid #f2f3f5}
.cd-table th[scope=rowgroup]{font-size:15px;padding-top:14px;border-top:0}
.cd-table th[scope=row]{color:#86909c;font-weight:400;width:200px}
`,
};

function detailApi(world: World, req: ApiRequest): ApiResponse | undefined {
  const path = req.url.pathname;
  if (path !== PROFILE_PATH && path !== AUTH_PROFILES_PATH) return undefined;
  if (req.method !== 'POST') return methodNotAllowed();
  const shop = resolveShop(world, req.url);
  const body = jsonObjectBody(req.body);
  if (!shop || !body) return invalid();

  const variants = wireVariants(req);
  if (path === AUTH_PROFILES_PATH) {
    const ids = body.creator_oec_ids;
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > 50 || !ids.every((x) => typeof x === 'string')) return invalid();
    const data = (ids as string[]).flatMap((cid) => {
      const m = marketCreator(world, shop, cid);
      return m?.authorised ? [authProfileJson(m)] : [];
    });
    return ok(variants.has('creator-detail.auth-list') ? { list: data } : data);
  }

  const types = body.profile_types;
  const cid = body.creator_oec_id;
  if (typeof cid !== 'string' || !Array.isArray(types) || types.length !== 1) return invalid();
  const type = types[0];
  if (typeof type !== 'number' || !(PROFILE_TYPES as readonly number[]).includes(type)) return invalid();
  const m = marketCreator(world, shop, cid);
  if (!m) return invalid();
  const json = profilePartJson(world, shop, m, type, { trendFlat: variants.has('creator-detail.trend-flat'), trendMap: variants.has('creator-detail.trend-map') });
  if (req.url.searchParams.get('cl_fault') === 'shape' && type === PROFILE_FAULT_TYPE) {
    (json.creator_profile as Record<string, unknown>).med_gmv_revenue = { is_authorized: true, status: 0, value: { value: 'n/a', format: 'n/a', symbol: shop.currency } };
  }
  return { status: 200, json: { code: 0, message: 'success', ...json } };
}
