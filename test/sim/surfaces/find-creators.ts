/**
 * Find creators (research/real-shapes.md §4 [parser]; paths and bodies domain.md §2.2, §3.1): the creator marketplace list.
 *
 *   legacy   /connection/creator          (global selling: /affiliate/connection/creator)
 *   migrated /affiliate/creator?route_migration=1
 *   POST /api/v1/oec/affiliate/creator/marketplace/find             the list (the "Find creators" tab)
 *   POST /api/v1/oec/affiliate/creator/marketplace/search           the same list narrowed by `query`
 *   POST /api/v1/oec/affiliate/creator/marketplace/recommendation   the "Recommended" tab
 *   POST /api/v1/oec/affiliate/creator/marketplace/ai/find          the AI search box
 *
 * Body `{query, query_type, pagination: {size (12 or 20), page, search_key}, filter_params, algorithm}`; response at the
 * top level (not under `data`): `creator_profile_list[]` of wrapped fields (`listItemJson`: money wrapped twice, range
 * labels, the shop-relative flags, `med_commission_rate_range`) + `next_pagination{has_more, next_page, search_key,
 * next_item_cursor}`. `med_commission_rate_range` is a percent label by default; the variant
 * `find-creators.commission-bps` sends it as a number of basis points (its form is [conflict]). Pages after the first must echo the `search_key` of the first (a server-signed cursor
 * on the real site): anything else is 98001004. `cl_fault=shape` breaks the records at `FIND_FAULT_POSITIONS`.
 *
 * Simulator-only variant for the overlay bench (`?scroll=infinite`, sent to the API as `cl_scroll=infinite`): the
 * Find creators list of `SCROLL_FIRST` creators in one response, then `SCROLL_STEP` more each time the seller scrolls
 * to the end (`pagination.cursor` is the offset). The shop's own creators come first, then made-up ones
 * (`scrollListing`), so the list is long enough whatever the shop.
 */
import { invalid, jsonObjectBody, methodNotAllowed, wireVariants, type ApiRequest, type ApiResponse, type SimSurface } from '../surface';
import { HOSTILE, resolveShop, seededRandom, type SimCreator, type SimShop, type World } from '../world';
import {
  AI_FIND_PATH,
  FIND_PATH,
  listItemJson,
  marketOf,
  profileOf,
  RECOMMENDATION_PATH,
  SEARCH_PATH,
  shuffled,
  type ListWire,
  type MarketCreator,
} from './creator-marketplace';

export type ListKind = 'find' | 'search' | 'recommendation' | 'ai';

const KIND_OF_PATH: Readonly<Record<string, ListKind>> = {
  [FIND_PATH]: 'find',
  [SEARCH_PATH]: 'search',
  [RECOMMENDATION_PATH]: 'recommendation',
  [AI_FIND_PATH]: 'ai',
};

export const PAGE_SIZES = [12, 20] as const;

export interface FindCreatorsBoot {
  pageSize: number;
  paths: Record<ListKind, string>;
}

export const findCreators: SimSurface = {
  route: 'find-creators',
  nav: { label: 'Find creators', group: 'Creators', icon: '⌕' },
  paths: { legacy: '/connection/creator', migrated: '/affiliate/creator' },
  client: 'find-creators.js',
  api: findApi,
  boot: (): FindCreatorsBoot => ({ pageSize: 20, paths: { find: FIND_PATH, search: SEARCH_PATH, recommendation: RECOMMENDATION_PATH, ai: AI_FIND_PATH } }),
  variants: {
    'find-creators.commission-bps':
      '[conflict] `med_commission_rate_range` as a number (one schema note documents a number; one parser reads a string, served by default)',
  },
  css: `
.fc-tabs{display:flex;gap:28px;padding:0 20px;border-bottom:1px solid #e5e6eb}
.fc-tabs [role=tab]{background:none;border:0;padding:14px 0 12px;color:#4e5969;border-bottom:2px solid transparent;margin-bottom:-1px}
.fc-tabs [role=tab][aria-selected=true]{color:#fe2c55;border-bottom-color:#fe2c55;font-weight:600}
.fc-toolbar{display:flex;flex-wrap:wrap;align-items:center;gap:10px;padding:14px 20px}
.fc-search{width:280px;padding:7px 12px;border:1px solid #e5e6eb;border-radius:4px}
.fc-ai{flex:1;min-width:260px;height:36px;padding:7px 12px;border:1px solid #e5e6eb;border-radius:4px;resize:none;font:inherit}
.fc-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:14px;padding:4px 20px 12px}
.fc-card{border:1px solid #e5e6eb;border-radius:10px;padding:14px;display:flex;flex-direction:column;gap:8px}
.fc-card__who{display:flex;gap:10px;align-items:center;min-width:0}
.fc-card__avatar{width:48px;height:48px;border-radius:50%;background:#f2f3f5;flex:none}
.fc-card__nick{margin:0;font-size:15px;overflow-wrap:anywhere}
.fc-card__handle{color:#86909c;font-size:12px}
.fc-card__stats{display:grid;grid-template-columns:1fr 1fr;gap:4px 10px;margin:0;font-size:12px}
.fc-card__stats dt{color:#86909c}
.fc-card__stats dd{margin:0;font-weight:600}
.fc-card__tags{display:flex;flex-wrap:wrap;gap:4px}
.fc-tag{font-size:11px;padding:1px 6px;border-radius:8px;background:#f2f3f5;color:#4e5969}
.fc-range{color:#86909c;font-weight:400}
.fc-body{position:relative;min-height:160px}
`,
};

// ---------------------------------------------------------------------------------------------------------------
// Listings

function words(q: string): string[] {
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3);
}

/** Every creator of a listing, in the order the marketplace shows them. */
export function listingOf(world: World, shop: SimShop, kind: ListKind, query = ''): MarketCreator[] {
  const all = [...marketOf(world, shop).values()];
  const relevance = shuffled(all, seededRandom(world.seed, `find:${shop.sellerId}`));
  // The hostile creator sits on the first page, so every test of the list meets it.
  const hostile = relevance.findIndex((m) => m.creator.creatorId === HOSTILE.creatorId);
  if (hostile > 2) relevance.splice(2, 0, ...relevance.splice(hostile, 1));
  const q = query.trim().toLowerCase();
  switch (kind) {
    case 'find':
      return relevance;
    case 'search':
      return q ? relevance.filter((m) => m.creator.handle.includes(q) || m.creator.nickname.toLowerCase().includes(q)) : relevance;
    case 'recommendation': {
      const rec = shuffled(all, seededRandom(world.seed, `recommend:${shop.sellerId}`));
      return rec.slice(0, Math.ceil(rec.length * 0.6));
    }
    case 'ai': {
      const ws = words(q);
      const hit = (m: MarketCreator) => ws.some((w) => m.categories.some((c) => c.toLowerCase().includes(w)) || m.creator.nickname.toLowerCase().includes(w));
      const found = relevance.filter(hit);
      return found.length ? found : listingOf(world, shop, 'recommendation');
    }
  }
}

/** The cursor key of a listing: the same for all its pages, different for every listing. */
export function searchKeyOf(world: World, shop: SimShop, kind: ListKind, query = ''): string {
  const r = seededRandom(world.seed, `search_key:${shop.sellerId}:${kind}:${query.trim().toLowerCase()}`);
  return `sk_${Math.floor(r() * 2 ** 32).toString(16).padStart(8, '0')}${Math.floor(r() * 2 ** 32).toString(16).padStart(8, '0')}`;
}

export interface FindBody {
  query: string;
  size: number;
  page: number;
  searchKey?: string;
  /** Infinite scroll: the offset to continue from. */
  cursor?: number;
}

/** Validates the list body; `undefined` means the real API would answer 98001004. */
export function parseFindBody(raw: string | null, infinite = false): FindBody | undefined {
  const o = jsonObjectBody(raw);
  if (!o) return undefined;
  const p = o.pagination;
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return undefined;
  const pg = p as Record<string, unknown>;
  if (infinite) return parseScroll(o, pg);
  if (!PAGE_SIZES.includes(pg.size as 12 | 20)) return undefined;
  if (typeof pg.page !== 'number' || !Number.isInteger(pg.page) || pg.page < 1) return undefined;
  if (o.query !== undefined && (typeof o.query !== 'string' || o.query.length > 500)) return undefined;
  if (pg.search_key !== undefined && typeof pg.search_key !== 'string') return undefined;
  if (o.filter_params !== undefined && (typeof o.filter_params !== 'object' || o.filter_params === null)) return undefined;
  return { query: (o.query as string | undefined) ?? '', size: pg.size as number, page: pg.page, searchKey: pg.search_key as string | undefined };
}

// ---------------------------------------------------------------------------------------------------------------
// Infinite scroll (simulator only, for the overlay bench)

export const SCROLL_FIRST = 1000;
export const SCROLL_STEP = 50;
/** How many rows the infinite list holds: the first load and twenty appends. */
export const SCROLL_TOTAL = SCROLL_FIRST + 20 * SCROLL_STEP;

function parseScroll(o: Record<string, unknown>, pg: Record<string, unknown>): FindBody | undefined {
  if (pg.size !== SCROLL_FIRST && pg.size !== SCROLL_STEP) return undefined;
  const cursor = pg.cursor === undefined ? 0 : typeof pg.cursor === 'string' && /^\d{1,6}$/.test(pg.cursor) ? Number(pg.cursor) : undefined;
  if (cursor === undefined || (o.query !== undefined && o.query !== '')) return undefined;
  return { query: '', size: pg.size, page: 1, cursor };
}

const scrollCache = new WeakMap<SimShop, MarketCreator[]>();

/** The infinite list: the shop's Find creators listing, then made-up creators (`scroll.creator.NNNN`) up to `SCROLL_TOTAL`. */
export function scrollListing(world: World, shop: SimShop): MarketCreator[] {
  let list = scrollCache.get(shop);
  if (list) return list;
  const own = listingOf(world, shop, 'find');
  const rand = seededRandom(world.seed, `scroll:${shop.sellerId}`);
  const extra = Array.from({ length: Math.max(0, SCROLL_TOTAL - own.length) }, (_, i): MarketCreator => {
    const like = shop.creators[i % shop.creators.length]!;
    const creator: SimCreator = {
      creatorId: `79${String(i).padStart(17, '0')}`,
      handle: `scroll.creator.${String(i).padStart(4, '0')}`,
      nickname: `Scroll Creator ${i}`,
      avatarUrl: like.avatarUrl,
      followers: 1_000 + Math.floor(rand() * 500_000),
      fulfillmentPercentage: rand() < 0.8 ? `${(40 + rand() * 59).toFixed(2)}%` : '',
      wire: { followerCountAsString: rand() < 0.3 },
    };
    return profileOf(world, shop, creator);
  });
  list = [...own, ...extra].slice(0, SCROLL_TOTAL);
  scrollCache.set(shop, list);
  return list;
}

function scrollPage(world: World, shop: SimShop, body: FindBody): Record<string, unknown> {
  const all = scrollListing(world, shop);
  const from = body.cursor ?? 0;
  const list = all.slice(from, from + body.size).map((m) => listItemJson(shop, m));
  const next = from + list.length;
  return {
    code: 0,
    message: 'success',
    creator_profile_list: list,
    next_pagination: { has_more: next < all.length, next_page: 1, search_key: searchKeyOf(world, shop, 'find'), next_item_cursor: String(next) },
  };
}

/** Records broken in fault mode, by position on the page: a follower count in words, no handle, a GMV with a comma. */
export const FIND_FAULT_POSITIONS = [1, 4, 7] as const;

function breakRecord(shop: SimShop, json: Record<string, unknown>, position: number): void {
  if (position === FIND_FAULT_POSITIONS[0]) json.follower_cnt = { value: 'lots', is_authorized: true };
  if (position === FIND_FAULT_POSITIONS[1]) delete json.handle;
  if (position === FIND_FAULT_POSITIONS[2]) json.med_gmv_revenue = { is_authorized: true, status: 0, value: { value: { value: '1,234.00', format: '1,234' }, symbol: shop.currency } };
}

/** One page of a listing, as the API answers it. */
export function findPage(world: World, shop: SimShop, kind: ListKind, body: FindBody, fault = false, wire: ListWire = {}): Record<string, unknown> {
  const all = listingOf(world, shop, kind, body.query);
  const slice = all.slice((body.page - 1) * body.size, body.page * body.size);
  const list = slice.map((m, i) => {
    const json = listItemJson(shop, m, wire);
    if (fault) breakRecord(shop, json, i);
    return json;
  });
  const hasMore = body.page * body.size < all.length;
  return {
    code: 0,
    message: 'success',
    creator_profile_list: list,
    next_pagination: {
      has_more: hasMore,
      next_page: hasMore ? body.page + 1 : body.page,
      search_key: searchKeyOf(world, shop, kind, body.query),
      next_item_cursor: String(body.page * body.size),
    },
  };
}

function findApi(world: World, req: ApiRequest): ApiResponse | undefined {
  const kind = KIND_OF_PATH[req.url.pathname];
  if (!kind) return undefined;
  if (req.method !== 'POST') return methodNotAllowed();
  const shop = resolveShop(world, req.url);
  const infinite = kind === 'find' && req.url.searchParams.get('cl_scroll') === 'infinite';
  const body = parseFindBody(req.body, infinite);
  if (!shop || !body) return invalid();
  if (infinite) return { status: 200, json: scrollPage(world, shop, body) };
  if (body.page > 1 && body.searchKey !== searchKeyOf(world, shop, kind, body.query)) return invalid();
  const wire = { commissionBps: wireVariants(req).has('find-creators.commission-bps') };
  return { status: 200, json: findPage(world, shop, kind, body, req.url.searchParams.get('cl_fault') === 'shape', wire) };
}
