/**
 * Creator rankings (research/domain.md §2.2, §3.1; research/real-shapes.md §6: no public evidence of the answer).
 *
 *   legacy   /connection/creator/rankings          (global selling: /affiliate/connection/creator/rankings)
 *   migrated /affiliate/creator/rankings?route_migration=1
 *   POST /api/v1/oec/affiliate/cmp/creator/rank/list/get
 *        body `{rank_list_meta: {rank_type, rank_period, rank_date, indus_cate, content_type}, size, page}` [M]
 *        (a missing meta field is 98001004, as public captures report); response [L] `data{total, rank_list_meta,
 *        creator_rank_info_list[{rank_position, rank_score, follower_cnt, creator_handle, creator_nickname,
 *        creator_oecuid, avatar}]}`. The server moves `rank_date` to the latest day it has (yesterday) when asked
 *        for a later one, and echoes the date it used. The variant `creator-rankings.list-top` answers with the same
 *        fields at the top level instead of under `data` [unknown].
 *
 * The meaning of the numeric selectors is our assumption [L]: rank type 1 overall / 2 GMV / 3 rising; period 1 daily /
 * 2 weekly / 3 monthly; content type 1 all / 2 video / 3 LIVE. `cl_fault=shape` gives the third entry of a page a
 * rank position in words.
 */
import { categoryOf } from '../catalog';
import { invalid, jsonObjectBody, methodNotAllowed, ok, wireVariants, type ApiRequest, type ApiResponse, type SimSurface } from '../surface';
import { resolveShop, seededRandom, type SimShop, type World } from '../world';
import { marketOf, RANK_PATH, type MarketCreator } from './creator-marketplace';

export const RANK_TYPES = [
  { code: 1, label: 'Overall' },
  { code: 2, label: 'GMV' },
  { code: 3, label: 'Rising stars' },
] as const;
export const RANK_PERIODS = [
  { code: 1, label: 'Daily' },
  { code: 2, label: 'Weekly' },
  { code: 3, label: 'Monthly' },
] as const;
export const CONTENT_TYPES = [
  { code: 1, label: 'All content' },
  { code: 2, label: 'Video' },
  { code: 3, label: 'LIVE' },
] as const;

/** Rankings list at most this many creators. */
export const RANK_LIMIT = 200;
export const RANK_FAULT_POSITION = 2;

const DAY = 86_400_000;

export interface RankingsBoot {
  types: { code: number; label: string }[];
  periods: { code: number; label: string }[];
  contentTypes: { code: number; label: string }[];
  categories: string[];
  /** The newest date with a ranking (`YYYY-MM-DD`). */
  latestDate: string;
  pageSize: number;
}

export const latestRankDate = (world: World) => new Date(world.now - DAY).toISOString().slice(0, 10);
/** The shop's first-level categories, as its region names them. */
export const categoriesOf = (shop: SimShop) => [...new Set(shop.products.map((p) => categoryOf(p.category, shop.region).name))].sort();

export const creatorRankings: SimSurface = {
  route: 'creator-rankings',
  nav: { label: 'Creator rankings', group: 'Creators', icon: '♛' },
  paths: { legacy: '/connection/creator/rankings', migrated: '/affiliate/creator/rankings' },
  client: 'creator-rankings.js',
  api: rankApi,
  variants: { 'creator-rankings.list-top': '[unknown] the ranking fields at the top level, not under `data` (no public evidence of either)' },
  boot: (world, shop): RankingsBoot => ({
    types: RANK_TYPES.map((t) => ({ ...t })),
    periods: RANK_PERIODS.map((t) => ({ ...t })),
    contentTypes: CONTENT_TYPES.map((t) => ({ ...t })),
    categories: categoriesOf(shop),
    latestDate: latestRankDate(world),
    pageSize: 20,
  }),
  css: `
.rk-filters{display:flex;flex-wrap:wrap;gap:16px;padding:14px 20px;border-bottom:1px solid #e5e6eb}
.rk-filters label{display:flex;flex-direction:column;gap:4px;font-size:12px;color:#4e5969}
.rk-filters select,.rk-filters input{padding:6px 10px;border:1px solid #e5e6eb;border-radius:4px;font:inherit;min-width:150px}
.rk-rank{font-size:18px;font-weight:700;color:#86909c;width:56px}
.rk-rank.top{color:#fe2c55}
.rk-date{padding:10px 20px;color:#86909c}
.rk-body{position:relative;min-height:160px}
`,
};

export interface RankMeta {
  rankType: number;
  rankPeriod: number;
  rankDate: string;
  indusCate: string;
  contentType: number;
}

export interface RankBody {
  meta: RankMeta;
  size: number;
  page: number;
}

const codeIn = (list: readonly { code: number }[], v: unknown): v is number => typeof v === 'number' && list.some((x) => x.code === v);

/** Validates the body; `undefined` means the real API would answer 98001004. */
export function parseRankBody(raw: string | null, shop: SimShop): RankBody | undefined {
  const o = jsonObjectBody(raw);
  const m = o?.rank_list_meta;
  if (!o || typeof m !== 'object' || m === null || Array.isArray(m)) return undefined;
  const meta = m as Record<string, unknown>;
  if (!codeIn(RANK_TYPES, meta.rank_type) || !codeIn(RANK_PERIODS, meta.rank_period) || !codeIn(CONTENT_TYPES, meta.content_type)) return undefined;
  if (typeof meta.rank_date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(meta.rank_date)) return undefined;
  if (typeof meta.indus_cate !== 'string' || (meta.indus_cate !== 'All' && !categoriesOf(shop).includes(meta.indus_cate))) return undefined;
  const int = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
  if (!int(o.size) || o.size < 1 || o.size > 50 || !int(o.page) || o.page < 1) return undefined;
  return {
    meta: { rankType: meta.rank_type, rankPeriod: meta.rank_period, rankDate: meta.rank_date, indusCate: meta.indus_cate, contentType: meta.content_type },
    size: o.size,
    page: o.page,
  };
}

/** The date a ranking is served for: the one asked, or the latest when a later one is asked. */
export const servedDate = (world: World, asked: string) => (asked > latestRankDate(world) ? latestRankDate(world) : asked);

export interface Ranked {
  rank: number;
  score: number;
  m: MarketCreator;
}

/** The whole ranking list for a meta (and the date actually served), best first. */
export function rankingOf(world: World, shop: SimShop, meta: RankMeta): Ranked[] {
  const date = servedDate(world, meta.rankDate);
  const rand = seededRandom(world.seed, `rank:${shop.sellerId}:${meta.rankType}|${meta.rankPeriod}|${meta.indusCate}|${meta.contentType}|${date}`);
  const pool = [...marketOf(world, shop).values()].filter(
    (m) => (meta.indusCate === 'All' || m.categories.includes(meta.indusCate)) && (meta.contentType !== 3 || m.lives30d > 0),
  );
  const base = (m: MarketCreator) =>
    meta.rankType === 2 ? m.gmv : meta.rankType === 3 ? 1 : Math.log10(1 + m.gmv) * Math.log10(10 + m.creator.followers);
  const scored = pool.map((m) => ({ m, raw: base(m) * (0.6 + rand() * 0.8) }));
  scored.sort((a, b) => b.raw - a.raw || a.m.oecId.localeCompare(b.m.oecId));
  const top = scored[0]?.raw ?? 1;
  return scored.slice(0, RANK_LIMIT).map((s, i) => ({ rank: i + 1, score: Math.round((s.raw / top) * 10_000) / 100, m: s.m }));
}

export function rankPage(world: World, shop: SimShop, body: RankBody, fault = false): Record<string, unknown> {
  const all = rankingOf(world, shop, body.meta);
  const slice = all.slice((body.page - 1) * body.size, body.page * body.size);
  return {
    total: all.length,
    rank_list_meta: {
      rank_type: body.meta.rankType,
      rank_period: body.meta.rankPeriod,
      rank_date: servedDate(world, body.meta.rankDate),
      indus_cate: body.meta.indusCate,
      content_type: body.meta.contentType,
    },
    creator_rank_info_list: slice.map((r, i) => ({
      rank_position: fault && i === RANK_FAULT_POSITION ? 'third' : r.rank,
      rank_score: r.score.toFixed(2),
      follower_cnt: String(r.m.creator.followers),
      creator_handle: r.m.creator.handle,
      creator_nickname: r.m.creator.nickname,
      creator_oecuid: r.m.oecId,
      avatar: { url_list: [r.m.creator.avatarUrl] },
    })),
  };
}

function rankApi(world: World, req: ApiRequest): ApiResponse | undefined {
  if (req.url.pathname !== RANK_PATH) return undefined;
  if (req.method !== 'POST') return methodNotAllowed();
  const shop = resolveShop(world, req.url);
  const body = shop && parseRankBody(req.body, shop);
  if (!shop || !body) return invalid();
  const page = rankPage(world, shop, body, req.url.searchParams.get('cl_fault') === 'shape');
  return wireVariants(req).has('creator-rankings.list-top') ? { status: 200, json: { code: 0, message: 'success', ...page } } : ok(page);
}
