import { z } from 'zod';
import { money, type Money } from '../domain/money';
import type { ContactChannel, CreatorCategory, ShopCreatorFlags } from '../domain/types';
import { readsOf, unionReads } from '../shapes/reads';
import { currencyOf, field, profileFields, profileObject, readProfile, type ProfileRead } from './creator-fields';
import { add, type AdapterResult, type CreatorFact, type EndpointAdapter, type ParseContext, type Records, type Rejection } from './types';
import { handle, id, int, nonNegativeInt, rejectionsOf, text } from './values';

/**
 * The creator marketplace (research/real-shapes.md §3, §4, §6; domain.md §3.1 for paths and bodies):
 *
 *   POST /api/v1/oec/affiliate/creator/marketplace/{find,search,recommendation,ai/find}   [parser] one response shape:
 *        `creator_profile_list[]` at the top level (`data.` accepted too) + `next_pagination{has_more, next_page,
 *        search_key, next_item_cursor}`; wrapped fields, money wrapped twice, range labels for unauthorised data, and the
 *        shop-relative flags `has_collaborated`, `has_invited_before_90d`, `is_creator_blocked_by_shop`,
 *        `is_high_sample_dispatch_rate`, with `creator_fulfillment_reviews` [unknown form], `med_commission_rate_range`
 *        [conflict: string or number] and `product_price_range` (a label, one raw sample).
 *   POST /api/v1/oec/affiliate/creator/marketplace/profile                                 [fixture][parser] body
 *        `{creator_oec_id, profile_types: [N]}`: one request per type, each answer holding only its part. Types 1–3
 *        `creator_profile` (overview, sales, collaboration: `bio`, `industry_groups`, `collaborated_brands_num`,
 *        `creator_fulfillment_score_90d`, `med_gmv_revenue`, `units_sold`, `video_gmv`, `live_gmv`; type 2 GPM, views and
 *        engagement of video and LIVE, `sample_fulfillment_rate` in bps, `avg_revenue_per_buyer`, `gpm`), type 3 the
 *        audience, type 4 `creator_profile_trend_data[]` only, type 5 `creator_profile.ec_top_video_data`. A part may name
 *        neither handle nor region: the creator is the request's `creator_oec_id`, money the shop's currency.
 *   POST /api/v1/oec/affiliate/cmp/creator/rank/list/get                                   [unknown] body
 *        `rank_list_meta`, `size`, `page`; the list found wherever it is (`data.creator_rank_info_list`, at the top level,
 *        or under another list name).
 *   POST /api/v1/affiliate/lux/creator/auth_profiles                                       [unknown] body
 *        `{creator_oec_ids}`; the list as `data[]` or under `data.{list, profiles, auth_profiles}`.
 *
 * Trend points [parser, two independent parsers and one raw sample]: `creator_profile_trend_data[]{filter,
 * stats[]{start_timestamp, end_timestamp (epoch seconds), profile{trend_follower, trend_gmv, trend_units_sold,
 * trend_ec_video_play_cnt, trend_video_play_cnt, trend_ec_video_engagement_rate, trend_video_engagement_rate}}}`; a
 * parser also takes the blocks as an object of blocks. Accepted besides [unknown]: points straight in the list (no
 * block), times in ms or as strings. Each point is kept as a dated snapshot of the creator (`at` = its start).
 *
 * Identity: the list's `creator_oecuid` becomes the alias `oecuid:`, the detail's `creator_oec_id` (the page's `cid`)
 * the alias `cid:`. Public automation code sends the list's `creator_oecuid` as the detail's `creator_oec_id`, so both
 * hold the same number; a detail part without a handle is tied to a creator stored under either alias.
 *
 * Not stored: avatars, bios (free text that often carries phone numbers), video titles and links.
 */

// ---------------------------------------------------------------------------------------------------------------
// Facts

/** What a shop's marketplace showed about a creator, relative to that shop: stored per shop (`shopCreators`). */
export interface ShopCreatorRead {
  flags?: ShopCreatorFlags;
  commission?: ProfileRead['commission'];
  categories?: CreatorCategory[];
}

export interface ShopCreatorFact extends ShopCreatorRead {
  handle: string;
}

/** One dated point of a creator's trend (creator detail type 4). */
export interface TrendPoint {
  /** Start of the period the point covers (epoch ms UTC). */
  at: number;
  followers?: number;
  gmv?: Money;
  unitsSold?: number;
  videoViews?: number;
  allVideoViews?: number;
  engagementBps?: number;
  allVideoEngagementBps?: number;
  /** The block's filter where it names one (a string or number as sent). */
  series?: string;
}

/** One of the creator's top shoppable videos (creator detail type 5): figures and product ids, no titles or links. */
export interface TopVideo {
  itemId: string;
  views?: number;
  likes?: number;
  comments?: number;
  releasedAt?: number;
  productIds?: string[];
}

/** A creator detail part: identity by handle when the part names one, else by `cid` (resolved in the sink). */
export interface CreatorDetailFact {
  handle?: string;
  cid?: string;
  /** The profile types the part answered (`"1"`, or `"1,2"` when asked for several): each part is its own sighting. */
  part: string;
  creator: Omit<CreatorFact, 'handle'>;
  /** Contact values from `creator_connect_info`: stored apart from the creator (`contacts`), never on it. */
  contacts: { channel: ContactChannel; value: string }[];
  shop?: ShopCreatorRead;
  trend?: TrendPoint[];
  topVideos?: TopVideo[];
}

/** One page of a creator ranking, in rank order. */
export interface CreatorRankingFact {
  /** `<rank_type>|<rank_period>|<indus_cate>|<content_type>` */
  list: string;
  /** The ranking's date (`YYYY-MM-DD`) as the response or, failing that, the request names it. */
  date?: string;
  /** Rank of the first handle (pages after the first start further down). */
  firstRank: number;
  handles: string[];
}

declare module './types' {
  interface RecordsMap {
    creatorDetails: CreatorDetailFact;
    creatorRankings: CreatorRankingFact;
    shopCreators: ShopCreatorFact;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Shared pieces

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const skipped = (): AdapterResult => ({ records: {}, accepted: 0, rejections: [], skipped: true });
const errorCode = z.object({ code: int.optional() });

/** An error envelope (captcha, quota, bad parameters): nothing was shown, nothing is recorded. */
function isError(json: unknown): boolean {
  const env = errorCode.safeParse(json);
  return env.success && env.data.code !== undefined && env.data.code !== 0;
}

/** The first of `paths` (dotted, from the root) that the answer carries, with its value. */
function firstAt(json: unknown, paths: readonly string[]): { path: string; value: unknown } | undefined {
  for (const path of paths) {
    let node: unknown = json;
    for (const k of path.split('.')) node = isObject(node) && k in node ? node[k] : undefined;
    if (node !== undefined) return { path, value: node };
  }
  return undefined;
}

/** A shop-relative read worth storing, or nothing. */
function shopRead(p: ProfileRead): ShopCreatorRead | undefined {
  const r: ShopCreatorRead = {
    ...(p.flags && { flags: p.flags }),
    ...(p.commission && { commission: p.commission }),
    ...(p.categoryList && { categories: p.categoryList }),
  };
  return Object.keys(r).length ? r : undefined;
}

function creatorFact(p: ProfileRead & { handle: string }, aliases: string[]): CreatorFact {
  return {
    handle: p.handle,
    nickname: p.nickname,
    aliases: [...new Set(aliases)].sort(),
    metrics: p.metrics,
    categories: p.categories,
    region: p.region,
  };
}

const withHandle = <T extends { handle?: string | undefined }>(o: T) => o.handle !== undefined;
const listArray = z.array(z.unknown()).nullish();

// ---------------------------------------------------------------------------------------------------------------
// Find creators: find, search, recommendation, AI find

const listRecord = profileObject.refine(withHandle, { message: 'no handle', path: ['handle'] });
const LIST_PATHS = ['creator_profile_list', 'data.creator_profile_list'] as const;
/** Paging: what the page follows to the next page; read for the shape watch, nothing of it is stored. */
const PAGING = ['has_more', 'next_page', 'search_key', 'next_item_cursor'];

function parseMarketplaceList(json: unknown, context?: ParseContext): AdapterResult {
  if (isError(json)) return skipped();
  const found = firstAt(json, LIST_PATHS);
  const list = listArray.safeParse(found?.value);
  if (!list.success) return { records: {}, accepted: 0, rejections: rejectionsOf(found?.path ?? LIST_PATHS[0], list.error) };
  const records: Records = {};
  const rejections: Rejection[] = [];
  let accepted = 0;
  for (const raw of list.data ?? []) {
    const parsed = listRecord.safeParse(raw);
    if (!parsed.success) {
      rejections.push(...rejectionsOf(`${found?.path ?? LIST_PATHS[0]}[]`, parsed.error));
      continue;
    }
    const p = readProfile(parsed.data, context?.region) as ProfileRead & { handle: string };
    accepted += 1;
    add(records, 'creators', creatorFact(p, p.oecuid ? [`oecuid:${p.oecuid}`] : []));
    const shop = shopRead(p);
    if (shop) add(records, 'shopCreators', { handle: p.handle, ...shop });
  }
  return { records, accepted, rejections };
}

export const creatorMarketplaceList: EndpointAdapter = {
  parse: (json, _body, context) => parseMarketplaceList(json, context),
  reads: readsOf(
    { '': errorCode, ...Object.fromEntries(LIST_PATHS.map((p) => [`${p}[]`, profileObject])) },
    ['next_pagination', 'data.next_pagination'].flatMap((base) => [base, ...PAGING.map((k) => `${base}.${k}`)]),
  ),
};

// ---------------------------------------------------------------------------------------------------------------
// Creator rankings

const rankEntry = z
  .object({
    rank_position: field(int.pipe(z.number().int().min(1).max(1_000_000))),
    creator_handle: field(handle),
    handle: profileFields.handle,
    creator_nickname: field(text(200)),
    nickname: profileFields.nickname,
    creator_oecuid: profileFields.creator_oecuid,
    follower_cnt: profileFields.follower_cnt,
    selection_region: profileFields.selection_region,
  })
  .refine((e) => e.creator_handle !== undefined || e.handle !== undefined, { message: 'no handle', path: ['creator_handle'] })
  .refine((e) => e.rank_position !== undefined, { message: 'no rank', path: ['rank_position'] });

/** Where a ranking list may be [unknown]: the one public source's place first, then the plausible others. */
const RANK_LIST_PATHS = ['data.creator_rank_info_list', 'creator_rank_info_list', 'data.rank_info_list', 'data.creator_list', 'data.list', 'rank_info_list', 'list'] as const;

const metaPart = z.union([text(64), z.number().finite().transform(String)]);
const rankDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const rankBody = z.object({
  rank_list_meta: z.object({
    rank_type: metaPart,
    rank_period: metaPart,
    rank_date: rankDate.nullish(),
    indus_cate: metaPart,
    content_type: metaPart,
  }),
});
const rankResponseDate = z
  .object({ rank_date: rankDate.nullish(), rank_list_meta: z.object({ rank_date: rankDate.nullish() }).nullish() })
  .transform((o) => o.rank_date ?? o.rank_list_meta?.rank_date ?? undefined);

function parseRankList(json: unknown, requestBody: unknown): AdapterResult {
  if (isError(json)) return skipped();
  const found = firstAt(json, RANK_LIST_PATHS);
  const at = found?.path ?? RANK_LIST_PATHS[0];
  const list = listArray.safeParse(found?.value);
  if (!list.success) return { records: {}, accepted: 0, rejections: rejectionsOf(at, list.error) };
  const records: Records = {};
  const rejections: Rejection[] = [];
  const ranked: { rank: number; handle: string }[] = [];
  for (const raw of list.data ?? []) {
    const parsed = rankEntry.safeParse(raw);
    if (!parsed.success) {
      rejections.push(...rejectionsOf(`${at}[]`, parsed.error));
      continue;
    }
    const e = parsed.data;
    const creatorHandle = (e.creator_handle ?? e.handle) as string;
    ranked.push({ rank: e.rank_position as number, handle: creatorHandle });
    add(records, 'creators', {
      handle: creatorHandle,
      nickname: e.creator_nickname ?? e.nickname,
      aliases: e.creator_oecuid ? [`oecuid:${e.creator_oecuid}`] : [],
      metrics: e.follower_cnt === undefined ? undefined : { followers: e.follower_cnt },
      region: e.selection_region,
    });
  }
  // A list with a record we could not read is incomplete: its creators are kept, its order is not.
  const body = rankBody.safeParse(requestBody);
  if (body.success && ranked.length > 0 && rejections.length === 0) {
    const m = body.data.rank_list_meta;
    const holder = at.startsWith('data.') && isObject(json) && isObject(json.data) ? json.data : json;
    const fromResponse = rankResponseDate.safeParse(holder);
    ranked.sort((a, b) => a.rank - b.rank);
    add(records, 'creatorRankings', {
      list: [m.rank_type, m.rank_period, m.indus_cate, m.content_type].join('|'),
      date: (fromResponse.success ? fromResponse.data : undefined) ?? m.rank_date ?? undefined,
      firstRank: ranked[0]!.rank,
      handles: ranked.map((r) => r.handle),
    });
  }
  return { records, accepted: ranked.length, rejections };
}

export const creatorRankList: EndpointAdapter = {
  parse: parseRankList,
  reads: readsOf(
    {
      ...Object.fromEntries(RANK_LIST_PATHS.map((p) => [`${p}[]`, rankEntry])),
      data: rankResponseDate,
      '': rankResponseDate.and(errorCode),
    },
    ['data.total', 'total'],
  ),
};

// ---------------------------------------------------------------------------------------------------------------
// Creator detail: marketplace/profile (one call per profile type)

/** Contact field codes, as the invitation detail numbers them (research/domain.md §3.1). */
const CONTACT_FIELD: Readonly<Record<number, ContactChannel>> = {
  6: 'whatsapp',
  7: 'email',
  41: 'line',
  42: 'zalo',
  44: 'facebook',
  45: 'telegram',
  46: 'phone',
};

const contactValue = z
  .string()
  .max(320)
  .transform((s) => s.trim());
const contactEntry = z.object({
  field: int,
  value: contactValue,
  country_code: z.string().max(8).nullish(),
});

const connectInfo = z.object({
  creator_id: field(id),
  creator_oec_id: field(id),
  email: field(contactValue),
  whatsapp: field(contactValue),
  phone: field(contactValue),
  phone_number: field(contactValue),
  line: field(contactValue),
  zalo: field(contactValue),
  telegram: field(contactValue),
  facebook: field(contactValue),
  viber: field(contactValue),
  contact_info: z.array(contactEntry).max(50).nullish(),
  contacts_info: z.array(contactEntry).max(50).nullish(),
});
type ConnectInfo = z.output<typeof connectInfo>;

function contactsOf(c: ConnectInfo): { channel: ContactChannel; value: string }[] {
  const named: [ContactChannel, string | undefined][] = [
    ['email', c.email],
    ['whatsapp', c.whatsapp],
    ['phone', c.phone ?? c.phone_number],
    ['line', c.line],
    ['zalo', c.zalo],
    ['telegram', c.telegram],
    ['facebook', c.facebook],
    ['viber', c.viber],
  ];
  const listed = [...(c.contact_info ?? []), ...(c.contacts_info ?? [])].flatMap((e): [ContactChannel, string][] => {
    const channel = CONTACT_FIELD[e.field];
    if (!channel) return [];
    const withCode = e.country_code && !e.value.startsWith('+') ? `${e.country_code.trim()} ${e.value}` : e.value;
    return [[channel, withCode]];
  });
  const byChannel = new Map<ContactChannel, string>();
  for (const [channel, value] of [...named, ...listed]) if (value && !byChannel.has(channel)) byChannel.set(channel, value);
  return [...byChannel].map(([channel, value]) => ({ channel, value }));
}

/** Epoch seconds or ms, as a number or a numeric string, to ms (a plausible date: 2000–2100). */
const epoch = int.transform((n) => (n < 1e11 ? n * 1000 : n)).pipe(z.number().int().min(946_684_800_000).max(4_102_444_800_000));

const trendMoney = z.union([
  z.object({ value: z.union([z.string(), z.number()]), symbol: text(8).nullish(), format: text(64).nullish() }),
  z.object({ value: z.object({ value: z.union([z.string(), z.number()]), format: text(64).nullish() }), symbol: text(8).nullish() }),
]);

/** The figures of one trend point (`profile` of a point, or the point itself). */
const trendFigures = z.object({
  trend_follower: field(nonNegativeInt),
  trend_gmv: field(trendMoney),
  trend_units_sold: field(nonNegativeInt),
  trend_ec_video_play_cnt: field(nonNegativeInt),
  trend_video_play_cnt: field(nonNegativeInt),
  trend_ec_video_engagement_rate: profileFields.ec_video_engagement,
  trend_video_engagement_rate: profileFields.video_engagement,
});

const trendPoint = z
  .object({ start_timestamp: epoch.nullish(), end_timestamp: epoch.nullish(), profile: trendFigures.nullish(), stats: z.null().optional() })
  .and(trendFigures)
  .refine((p) => p.start_timestamp != null || p.end_timestamp != null, { message: 'no date', path: ['start_timestamp'] });
const trendBlock = z.object({ filter: z.unknown().optional(), stats: z.array(z.unknown()).max(1000).nullish() });
const trendList = z.union([z.array(z.unknown()).max(1000), z.record(z.string(), z.unknown())]);

type TrendPointJson = z.output<typeof trendPoint>;

function trendOf(p: TrendPointJson, shopRegion: string | undefined, series: string | undefined): TrendPoint {
  const f = { ...p, ...p.profile };
  const gmvJson = f.trend_gmv;
  const amount = gmvJson ? (typeof gmvJson.value === 'object' ? gmvJson.value.value : gmvJson.value) : undefined;
  const currency = gmvJson ? currencyOf(gmvJson.symbol ?? undefined, shopRegion) : undefined;
  const gmv = amount !== undefined && currency ? money(String(amount), currency) : undefined;
  const point: TrendPoint = {
    at: (p.start_timestamp ?? p.end_timestamp) as number,
    followers: f.trend_follower,
    gmv: gmv && Number.isSafeInteger(gmv.minor) ? gmv : undefined,
    unitsSold: f.trend_units_sold,
    videoViews: f.trend_ec_video_play_cnt,
    allVideoViews: f.trend_video_play_cnt,
    engagementBps: f.trend_ec_video_engagement_rate,
    allVideoEngagementBps: f.trend_video_engagement_rate,
    series,
  };
  return Object.fromEntries(Object.entries(point).filter(([, v]) => v !== undefined)) as unknown as TrendPoint;
}

/** Every point of `creator_profile_trend_data`, in blocks (`{filter, stats[]}`) or straight in the list. */
function readTrend(raw: unknown, path: string, shopRegion: string | undefined): { points: TrendPoint[]; rejections: Rejection[] } {
  const list = trendList.safeParse(raw);
  if (!list.success) return { points: [], rejections: rejectionsOf(path, list.error) };
  const points: TrendPoint[] = [];
  const rejections: Rejection[] = [];
  const point = (x: unknown, at: string, series: string | undefined) => {
    const parsed = trendPoint.safeParse(x);
    if (parsed.success) points.push(trendOf(parsed.data, shopRegion, series));
    else rejections.push(...rejectionsOf(at, parsed.error));
  };
  for (const item of Array.isArray(list.data) ? list.data : Object.values(list.data)) {
    if (isObject(item) && 'stats' in item && !('profile' in item)) {
      const block = trendBlock.safeParse(item);
      if (!block.success) {
        rejections.push(...rejectionsOf(`${path}[]`, block.error));
        continue;
      }
      const f = block.data.filter;
      const series = typeof f === 'string' || typeof f === 'number' ? String(f).slice(0, 32) : undefined;
      for (const x of block.data.stats ?? []) point(x, `${path}[].stats[]`, series);
    } else point(item, `${path}[]`, undefined);
  }
  return { points, rejections };
}

const topVideo = z.object({
  item_id: id,
  play_cnt: nonNegativeInt.nullish(),
  like_cnt: nonNegativeInt.nullish(),
  comment_cnt: nonNegativeInt.nullish(),
  release_date: epoch.nullish(),
  video_products: z
    .array(z.object({ product_id: id }))
    .max(50)
    .nullish(),
});
const topVideos = z.array(topVideo).max(50);

const detailProfile = profileObject.extend({ ec_top_video_data: field(topVideos) });

function topVideosOf(list: z.output<typeof topVideos>): TopVideo[] {
  return list.map((v) => {
    const out: TopVideo = { itemId: v.item_id };
    if (v.play_cnt != null) out.views = v.play_cnt;
    if (v.like_cnt != null) out.likes = v.like_cnt;
    if (v.comment_cnt != null) out.comments = v.comment_cnt;
    if (v.release_date != null) out.releasedAt = v.release_date;
    if (v.video_products?.length) out.productIds = v.video_products.map((p) => p.product_id);
    return out;
  });
}

const profileBody = z.object({ creator_oec_id: id.optional(), profile_types: z.array(int).max(20).optional() });

/** The profile types asked for, ascending and distinct. */
function typesOf(requestBody: unknown): number[] {
  const body = profileBody.safeParse(requestBody);
  return body.success ? [...new Set(body.data.profile_types ?? [])].sort((a, b) => a - b) : [];
}

const PROFILE_PATHS = ['creator_profile', 'data.creator_profile'] as const;
const TREND_PATHS = ['creator_profile_trend_data', 'data.creator_profile_trend_data'] as const;
const CONNECT_PATHS = ['creator_connect_info', 'data.creator_connect_info'] as const;

function parseProfile(json: unknown, requestBody: unknown, context?: ParseContext): AdapterResult {
  if (isError(json)) return skipped();
  const rawProfile = firstAt(json, PROFILE_PATHS);
  const rawTrend = firstAt(json, TREND_PATHS);
  const rawConnect = firstAt(json, CONNECT_PATHS);
  // An answer with only its envelope (a type-4 part with no trend, say) is a part with nothing to show.
  if ([rawProfile, rawTrend, rawConnect].every((x) => x === undefined || x.value === null)) return { records: {}, accepted: 0, rejections: [] };
  const parsed = detailProfile.nullish().safeParse(rawProfile?.value);
  if (!parsed.success) return { records: {}, accepted: 0, rejections: rejectionsOf(rawProfile?.path ?? PROFILE_PATHS[0], parsed.error) };
  const connect = connectInfo.nullish().safeParse(rawConnect?.value);
  if (!connect.success) return { records: {}, accepted: 0, rejections: rejectionsOf(rawConnect?.path ?? CONNECT_PATHS[0], connect.error) };
  const trend = rawTrend && rawTrend.value !== null ? readTrend(rawTrend.value, rawTrend.path, context?.region) : undefined;
  const body = profileBody.safeParse(requestBody);
  const c = connect.data ?? undefined;
  const cid = (body.success ? body.data.creator_oec_id : undefined) ?? c?.creator_oec_id ?? c?.creator_id;
  const profile = parsed.data ?? {};
  const p = readProfile(profile, context?.region);
  if (p.handle === undefined && cid === undefined) {
    return { records: {}, accepted: 0, rejections: [{ path: `${rawProfile?.path ?? PROFILE_PATHS[0]}.handle`, code: 'custom' }] };
  }
  const contacts = c ? contactsOf(c) : [];
  const aliases = [...(cid ? [`cid:${cid}`] : []), ...(p.oecuid ? [`oecuid:${p.oecuid}`] : [])];
  const records: Records = {};
  const shop = shopRead(p);
  add(records, 'creatorDetails', {
    handle: p.handle,
    cid,
    part: typesOf(requestBody).join(','),
    creator: {
      nickname: p.nickname,
      aliases: [...new Set(aliases)].sort(),
      metrics: p.metrics,
      categories: p.categories,
      region: p.region,
      contactChannels: c ? contacts.map((x) => x.channel) : undefined,
    },
    contacts,
    ...(shop && { shop }),
    ...(trend && { trend: trend.points }),
    ...(profile.ec_top_video_data && { topVideos: topVideosOf(profile.ec_top_video_data) }),
  });
  return { records, accepted: 1, rejections: trend?.rejections ?? [] };
}

export const creatorProfile: EndpointAdapter = {
  parse: parseProfile,
  reads: unionReads(
    readsOf({
      '': errorCode,
      ...Object.fromEntries(PROFILE_PATHS.map((p) => [p, detailProfile])),
      ...Object.fromEntries(CONNECT_PATHS.map((p) => [p, connectInfo])),
    }),
    ...TREND_PATHS.map((p) =>
      readsOf({ [`${p}[]`]: trendBlock.and(trendPoint), [`${p}[].stats[]`]: trendPoint, [`${p}.{key}`]: trendBlock, [`${p}.{key}.stats[]`]: trendPoint }, [p]),
    ),
  ),
  variantOf: (body) => {
    const types = typesOf(body);
    return types.length ? `types:${types.join(',')}` : undefined;
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Authorised creators' profiles: lux/creator/auth_profiles

const authEntry = z
  .object({
    creator_oec_id: field(id),
    creator_id: field(id),
    creator_oecuid: field(id),
    handle: profileFields.handle,
    nickname: profileFields.nickname,
    follower_cnt: profileFields.follower_cnt,
    selection_region: profileFields.selection_region,
    category: profileFields.category,
    main_industry: profileFields.main_industry,
  })
  .refine(withHandle, { message: 'no handle', path: ['handle'] });

/** Where the list may be [unknown]: `data[]` (domain.md) first, then the plausible others. */
const AUTH_LIST_PATHS = ['data', 'data.list', 'data.profiles', 'data.auth_profiles', 'data.creator_profile_list', 'profiles', 'list'] as const;

const authBody = z.object({ creator_oec_ids: z.array(id).max(500) });

function parseAuthProfiles(json: unknown, requestBody: unknown, context?: ParseContext): AdapterResult {
  if (isError(json)) return skipped();
  const found = firstAt(json, AUTH_LIST_PATHS.filter((p) => p !== 'data' || !isObject(isObject(json) ? json.data : undefined)));
  const at = found?.path ?? AUTH_LIST_PATHS[0];
  const list = listArray.safeParse(found?.value);
  if (!list.success) return { records: {}, accepted: 0, rejections: rejectionsOf(at, list.error) };
  const body = authBody.safeParse(requestBody);
  const entries = list.data ?? [];
  // Entries that do not name their creator id can be tied to it only when one creator was asked for.
  const onlyAsked = body.success && body.data.creator_oec_ids.length === 1 && entries.length === 1 ? body.data.creator_oec_ids[0] : undefined;
  const records: Records = {};
  const rejections: Rejection[] = [];
  let accepted = 0;
  for (const raw of entries) {
    const parsed = authEntry.safeParse(raw);
    if (!parsed.success) {
      rejections.push(...rejectionsOf(`${at}[]`, parsed.error));
      continue;
    }
    const e = parsed.data;
    const cid = e.creator_oec_id ?? e.creator_id ?? onlyAsked;
    const p = readProfile(e, context?.region) as ProfileRead & { handle: string };
    accepted += 1;
    add(records, 'creators', creatorFact(p, [...(cid ? [`cid:${cid}`] : []), ...(e.creator_oecuid ? [`oecuid:${e.creator_oecuid}`] : [])]));
  }
  return { records, accepted, rejections };
}

export const creatorAuthProfiles: EndpointAdapter = {
  parse: parseAuthProfiles,
  reads: readsOf({ '': errorCode, ...Object.fromEntries(AUTH_LIST_PATHS.map((p) => [`${p}[]`, authEntry])) }),
};
