/**
 * The creator marketplace behind Find creators, Creator rankings and Creator detail, in the shapes of
 * research/real-shapes.md §3, §4 (§6 for rankings and authorised profiles, which have no public evidence).
 *
 * Every shop's marketplace is the world's own creators (the ones who request samples), so identities join across the
 * simulated pages: the same handle, the same follower count, the same fulfilment rate, and the world's `creatorId` as
 * both `creator_oecuid` (the list) and `creator_oec_id` / `cid` (the detail), as public captures show them to be.
 * Creators who have not authorised precise data (an empty fulfilment rate in the world) show range labels and the
 * `{is_authorized: false}` placeholder. A creator's categories are the shop's products' first-level categories, named
 * in the shop's language with their ids (`magellan_<id>`, `industry_groups[].key`) as the real pages send them.
 * Everything else about a creator is drawn from `seededRandom(world.seed, 'creators:<sellerId>:<creatorId>')`.
 */
import { categoryOf } from '../catalog';
import { HOSTILE, seededRandom, type SimCreator, type SimShop, type World } from '../world';

export const FIND_PATH = '/api/v1/oec/affiliate/creator/marketplace/find';
export const SEARCH_PATH = '/api/v1/oec/affiliate/creator/marketplace/search';
export const RECOMMENDATION_PATH = '/api/v1/oec/affiliate/creator/marketplace/recommendation';
export const AI_FIND_PATH = '/api/v1/oec/affiliate/creator/marketplace/ai/find';
export const RANK_PATH = '/api/v1/oec/affiliate/cmp/creator/rank/list/get';
export const PROFILE_PATH = '/api/v1/oec/affiliate/creator/marketplace/profile';
export const AUTH_PROFILES_PATH = '/api/v1/affiliate/lux/creator/auth_profiles';

/** A creator's bio on the detail page, hostile for the world's hostile creator. */
export const HOSTILE_BIO = '<img src=x onerror=alert(1)> "><script>window.__pwned=1</script>';

export interface MarketCreator {
  creator: SimCreator;
  /** `creator_oecuid` on the list, `creator_oec_id` on the detail, `cid` in the detail URL. */
  oecId: string;
  /** Shared precise data (the world's fulfilment rate is not empty). */
  authorised: boolean;
  /** First-level categories as the shop's region names them, and their ids (the products' categories). */
  categories: string[];
  categoryIds: string[];
  /** Money in the shop currency, major units. */
  gmv: number;
  videoGmv: number;
  liveGmv: number;
  videoGpm: number;
  liveGpm: number;
  unitsSold: number;
  avgVideoViews: number;
  medianVideoViews: number;
  avgLiveViewers: number;
  engagementBps: number;
  /** The creator's median commission (exact, bps); the list shows the 5-point band it falls in. */
  commissionBps: number;
  postRateBps: number;
  videos30d: number;
  lives30d: number;
  brands: number;
  promotedProducts: number;
  hasCollaborated: boolean;
  invitedBefore: boolean;
  highSampleDispatch: boolean;
  fulfillmentReviews: number;
  /** Price range of the products the creator promotes, major units. */
  priceRange: [number, number];
  /** Follower shares as decimal fractions (research/domain.md §0: "0.2500"). */
  audience: { gender: [string, number][]; age: [string, number][]; location: [string, number][] };
  contacts: { email?: string; whatsapp?: { code: string; number: string } };
  bio: string;
  wire: { countsAsString: boolean };
}

const GLYPH: Readonly<Record<string, string>> = { USD: '$', GBP: '£', IDR: 'Rp', MYR: 'RM' };
const DIAL: Readonly<Record<string, string>> = { US: '+1', GB: '+44', ID: '+62', MY: '+60' };
const LOCATIONS: Readonly<Record<string, string[]>> = {
  US: ['CA', 'TX', 'FL', 'NY', 'IL'],
  GB: ['London', 'Manchester', 'Birmingham', 'Leeds', 'Glasgow'],
  ID: ['DKI JAKARTA', 'JAWA BARAT', 'JAWA TIMUR', 'BANTEN', 'SUMATERA UTARA'],
  MY: ['Selangor', 'Kuala Lumpur', 'Johor', 'Penang', 'Sabah'],
};
const AGES = ['18-24', '25-34', '35-44', '45-54', '55+'];

/** The shop's amounts are scaled like its prices (rupiah amounts are in thousands). */
const scaleOf = (shop: SimShop) => (shop.currency === 'IDR' ? 15_000 : 1);

function fractions(rand: () => number, keys: string[]): [string, number][] {
  const weights = keys.map(() => 0.2 + rand());
  const total = weights.reduce((a, b) => a + b, 0) / 0.97;
  return keys.map((k, i) => [k, Math.floor((weights[i]! / total) * 10_000) / 10_000]);
}

/** Fisher–Yates with the given random source. */
export function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const cache = new WeakMap<SimShop, Map<string, MarketCreator>>();

/** The marketplace profile of every creator of a shop, by creator id (deterministic, computed once per shop). */
export function marketOf(world: World, shop: SimShop): Map<string, MarketCreator> {
  let m = cache.get(shop);
  if (m) return m;
  m = new Map(shop.creators.map((c) => [c.creatorId, profileOf(world, shop, c)]));
  cache.set(shop, m);
  return m;
}

/** One creator's marketplace profile, drawn from `seededRandom(world.seed, 'creators:<sellerId>:<creatorId>')`. */
export function profileOf(world: World, shop: SimShop, c: SimCreator): MarketCreator {
  const categories = [...new Set(shop.products.map((p) => p.category))];
  const named = (key: string) => categoryOf(key, shop.region);
  const rand = seededRandom(world.seed, `creators:${shop.sellerId}:${c.creatorId}`);
  const int = (min: number, max: number) => Math.floor(min + rand() * (max - min + 1));
  const scale = scaleOf(shop);
  const reach = Math.log10(Math.max(10, c.followers));
  const gmv = Math.round(Math.pow(10, reach - 1.2 + rand() * 1.6) * scale * 100) / 100;
  const videoShare = 0.55 + rand() * 0.4;
  const lives30d = rand() < 0.35 ? int(1, 12) : 0;
  const liveGmv = lives30d ? Math.round(gmv * (1 - videoShare) * 100) / 100 : 0;
  const picked = shuffled(categories, rand).slice(0, int(1, Math.min(3, categories.length)));
  const hasEmail = rand() < 0.7;
  const hasWhatsapp = rand() < 0.45;
  return {
    creator: c,
    oecId: c.creatorId,
    authorised: c.fulfillmentPercentage !== '',
    categories: picked.map((k) => named(k).name),
    categoryIds: picked.map((k) => named(k).id),
    gmv,
    videoGmv: Math.round(gmv * videoShare * 100) / 100,
    liveGmv,
    videoGpm: Math.round((8 + rand() * 60) * scale * 100) / 100,
    liveGpm: lives30d ? Math.round((5 + rand() * 40) * scale * 100) / 100 : 0,
    unitsSold: Math.max(1, Math.round(gmv / scale / (8 + rand() * 30))),
    avgVideoViews: Math.round(c.followers * (0.02 + rand() * 0.2)),
    medianVideoViews: Math.round(c.followers * (0.01 + rand() * 0.12)),
    avgLiveViewers: lives30d ? int(20, 4000) : 0,
    engagementBps: int(40, 1200),
    commissionBps: [500, 800, 1000, 1200, 1500, 2000, 2500][int(0, 6)]!,
    postRateBps: int(4500, 9900),
    videos30d: int(0, 45),
    lives30d,
    brands: int(0, 60),
    promotedProducts: int(0, 80),
    hasCollaborated: rand() < 0.2,
    invitedBefore: rand() < 0.3,
    highSampleDispatch: rand() < 0.4,
    fulfillmentReviews: int(0, 120),
    priceRange: ((lo: number) => [lo, Math.round(lo * (2 + rand() * 6) * 10) / 10] as [number, number])(Math.round((3 + rand() * 20) * scale * 10) / 10),
    audience: {
      gender: fractions(rand, ['female', 'male']),
      age: fractions(rand, AGES),
      location: fractions(rand, LOCATIONS[shop.region] ?? ['Other']),
    },
    contacts: {
      email: hasEmail ? `${c.handle}@example.com` : undefined,
      whatsapp: hasWhatsapp ? { code: DIAL[shop.region] ?? '+1', number: `55501${String(int(0, 99_999)).padStart(5, '0')}` } : undefined,
    },
    bio: c.creatorId === HOSTILE.creatorId ? HOSTILE_BIO : `${picked[0] ?? 'Shopping'} finds every week · collabs open`,
    wire: { countsAsString: rand() < 0.4 },
  };
}

export function marketCreator(world: World, shop: SimShop, oecId: string): MarketCreator | undefined {
  return marketOf(world, shop).get(oecId);
}

// ---------------------------------------------------------------------------------------------------------------
// Wire format

/** A wrapped field, as every marketplace field comes [fixture]. */
const wrap = <T>(value: T) => ({ is_authorized: true, status: 0, value });
/** What a field looks like when the creator has not authorised it: no value [fixture]. */
export const HIDDEN = { is_authorized: false } as const;

const fixed = (shop: SimShop, amount: number) => (shop.currency === 'IDR' ? String(Math.round(amount)) : amount.toFixed(2));
const glyphOf = (shop: SimShop) => GLYPH[shop.currency] ?? shop.currency;

/** Displayed form of an amount: `$12.8K`, `Rp1.5M`. */
export function compactMoney(shop: SimShop, amount: number): string {
  const abs = Math.abs(amount);
  const short = (n: number, unit: string) => `${(Math.round(n * 10) / 10).toString()}${unit}`;
  const body = abs >= 1e6 ? short(amount / 1e6, 'M') : abs >= 1e3 ? short(amount / 1e3, 'K') : Number.isInteger(amount) ? String(amount) : fixed(shop, amount);
  return `${glyphOf(shop)}${body}`;
}

/** Money in Find creators: wrapped twice, the currency's glyph beside [parser]. */
export const listMoneyJson = (shop: SimShop, amount: number) => ({ value: { value: fixed(shop, amount), format: compactMoney(shop, amount) }, symbol: glyphOf(shop) });
/** Money in a creator detail part: `{value, format, symbol}` with the glyph [fixture]. */
export const detailMoneyJson = (shop: SimShop, amount: number) => ({ value: fixed(shop, amount), format: compactMoney(shop, amount), symbol: glyphOf(shop) });

/** A range GMV label for a creator who has not authorised precise data, in the shop's currency. */
export function gmvRangeLabel(shop: SimShop, gmv: number): string {
  const scale = scaleOf(shop);
  const steps = [100, 1_000, 10_000].map((s) => s * scale);
  const c = (n: number) => compactMoney(shop, n);
  if (gmv < steps[0]!) return `${c(0)}-${c(steps[0]!)}`;
  if (gmv < steps[1]!) return `${c(steps[0]!)}-${c(steps[1]!)}`;
  if (gmv < steps[2]!) return `${c(steps[1]!)}-${c(steps[2]!)}`;
  return `${c(steps[2]!)}+`;
}

export function unitsRangeLabel(units: number): string {
  if (units < 10) return '0-10';
  if (units < 100) return '10-100';
  if (units < 1000) return '100-1K';
  return '1K+';
}

/** The 5-point band a median commission falls in, as Find creators labels it (`10%-15%`; `20%+` from 20%). */
export function commissionBand(bps: number): { label: string; minBps: number; maxBps?: number } {
  const lo = Math.floor(bps / 500) * 5;
  return lo >= 20 ? { label: '20%+', minBps: 2000 } : { label: `${lo}%-${lo + 5}%`, minBps: lo * 100, maxBps: (lo + 5) * 100 };
}

/** The rate the market benchmark counts for a band: its middle, or its lower end when open. */
export const bandRate = (b: { minBps: number; maxBps?: number }) => (b.maxBps === undefined ? b.minBps : Math.round((b.minBps + b.maxBps) / 2));

const count = (m: MarketCreator, n: number) => (m.wire.countsAsString ? String(n) : n);

/** Fields that name the creator (Find creators, and the overview part of the detail). */
function baseJson(shop: SimShop, m: MarketCreator): Record<string, unknown> {
  return {
    creator_oecuid: wrap(m.oecId),
    handle: wrap(m.creator.handle),
    nickname: wrap(m.creator.nickname),
    avatar: wrap({ url_list: [m.creator.avatarUrl] }),
    selection_region: wrap(shop.region),
    follower_cnt: wrap(count(m, m.creator.followers)),
  };
}

const categoryJson = (m: MarketCreator) => wrap(m.categories.map((name, i) => ({ name, starling_key: `magellan_${m.categoryIds[i]}` })));

/** A GPM as the pages send it: a `{minimal, maximum}` range (both ends equal when precise) [fixture]. */
function gpmRangeJson(shop: SimShop, amount: number): Record<string, unknown> {
  const value = fixed(shop, amount);
  const shown = compactMoney(shop, amount);
  return { minimal: value, maximum: value, minimal_format: shown, maximum_format: shown, symbol: glyphOf(shop) };
}

/** Wire forms Find creators may answer in where the evidence conflicts (research/real-shapes.md §4). */
export interface ListWire {
  /** `med_commission_rate_range` as a number of basis points instead of a percent label. */
  commissionBps?: boolean;
}

/** One `creator_profile_list` element of Find creators [parser]. */
export function listItemJson(shop: SimShop, m: MarketCreator, wire: ListWire = {}): Record<string, unknown> {
  const money = (n: number) => wrap(listMoneyJson(shop, n));
  const band = commissionBand(m.commissionBps);
  return {
    ...baseJson(shop, m),
    category: categoryJson(m),
    med_gmv_revenue: m.authorised ? money(m.gmv) : HIDDEN,
    ...(m.authorised ? {} : { med_gmv_revenue_range: wrap(gmvRangeLabel(shop, m.gmv)) }),
    units_sold: m.authorised ? wrap(count(m, m.unitsSold)) : HIDDEN,
    ...(m.authorised ? {} : { units_sold_range: wrap(unitsRangeLabel(m.unitsSold)) }),
    video_gmv: m.authorised ? money(m.videoGmv) : HIDDEN,
    gpm: m.authorised ? money(m.videoGpm) : HIDDEN,
    ec_video_gpm: m.authorised ? wrap(gpmRangeJson(shop, m.videoGpm)) : HIDDEN,
    ec_live_gpm: m.authorised && m.lives30d ? wrap(gpmRangeJson(shop, m.liveGpm)) : HIDDEN,
    ec_live_avg_uv: wrap(count(m, m.avgLiveViewers)),
    ec_video_avg_view_cnt: wrap(count(m, m.avgVideoViews)),
    ec_video_engagement: wrap(m.engagementBps),
    creator_fulfillment_score_90d: m.authorised ? wrap(m.creator.fulfillmentPercentage) : HIDDEN,
    creator_fulfillment_reviews: wrap(m.fulfillmentReviews),
    med_commission_rate_range: wrap(wire.commissionBps ? bandRate(band) : band.label),
    product_price_range: wrap(`${compactMoney(shop, m.priceRange[0])} - ${compactMoney(shop, m.priceRange[1])}`),
    has_collaborated: wrap(m.hasCollaborated),
    has_invited_before_90d: wrap(m.invitedBefore),
    is_creator_blocked_by_shop: wrap(false),
    invoice_available: wrap(false),
    is_high_sample_dispatch_rate: wrap(m.highSampleDispatch),
  };
}

/** The profile types the detail page asks for, one request each [fixture]: 1 overview, 2 performance, 3 audience, 4 trend, 5 top videos. */
export const PROFILE_TYPES = [1, 2, 3, 4, 5] as const;

/** Days of trend a type-4 answer holds. */
export const TREND_DAYS = 7;
const DAY_S = 86_400;

/** Wire forms of the creator detail where the evidence is thin (research/real-shapes.md §3). */
export interface DetailWire {
  /** Trend points straight in the list, not in `{filter, stats[]}` blocks. */
  trendFlat?: boolean;
  /** Trend blocks as an object of blocks (one parser reads them so), not a list. */
  trendMap?: boolean;
}

/** One daily trend point as two parsers read it: `{start_timestamp, end_timestamp, profile{trend_*}}` (epoch seconds). */
export function trendPoints(world: World, shop: SimShop, m: MarketCreator): Record<string, unknown>[] {
  const today = Math.floor(world.now / 1000 / DAY_S) * DAY_S;
  return Array.from({ length: TREND_DAYS }, (_, i) => {
    const start = today - (TREND_DAYS - i) * DAY_S;
    const followers = m.creator.followers - (TREND_DAYS - 1 - i) * Math.max(1, Math.round(m.creator.followers / 2000));
    const gmv = Math.round((m.gmv / 30) * (0.6 + ((i * 37) % 10) / 12) * 100) / 100;
    return {
      start_timestamp: start,
      end_timestamp: start + DAY_S,
      profile: {
        trend_follower: String(followers),
        trend_gmv: { format: compactMoney(shop, gmv), symbol: glyphOf(shop), value: fixed(shop, gmv) },
        trend_units_sold: String(Math.max(0, Math.round(m.unitsSold / 30) + (i % 3))),
        trend_ec_video_play_cnt: String(Math.round(m.avgVideoViews * (0.8 + (i % 4) / 10))),
        trend_video_play_cnt: String(Math.round(m.avgVideoViews * (2 + (i % 3) / 10))),
        trend_ec_video_engagement_rate: m.engagementBps,
        trend_video_engagement_rate: m.engagementBps + 100,
      },
      stats: null,
    };
  });
}

/** The top shoppable videos (type 5): figures, a title and the product shown; the shop's products. */
function topVideosJson(shop: SimShop, m: MarketCreator): Record<string, unknown>[] {
  const n = Math.min(3, m.videos30d);
  return Array.from({ length: n }, (_, i) => {
    const product = shop.products[(Number(m.oecId.slice(-4)) + i) % shop.products.length]!;
    return {
      item_id: `74${m.oecId.slice(-8)}${String(i).padStart(9, '0')}`,
      name: `${product.title.slice(0, 40)} #review`,
      play_cnt: Math.round(m.avgVideoViews * (3 - i)),
      like_cnt: Math.round(m.avgVideoViews * (3 - i) * 0.05),
      comment_cnt: i,
      release_date: String(Math.floor(m.creator.followers % 1_000_000) + 1_760_000_000 - i * DAY_S),
      video_products: [{ product_id: product.productId, name: product.title }],
    };
  });
}

/**
 * One `profile_types` part of the detail: only its part, as the real pages answer [fixture]; the overview (1) names the
 * creator, the others do not (no handle, no region: money in the shop's currency). Type 4 holds only
 * `creator_profile_trend_data`, and only its envelope for a creator who has not authorised precise data.
 */
export function profilePartJson(world: World, shop: SimShop, m: MarketCreator, type: number, wire: DetailWire = {}): Record<string, unknown> {
  const money = (n: number) => wrap(detailMoneyJson(shop, n));
  const shares = (list: [string, number][]) => wrap(list.map(([key, v]) => ({ key, value: v })));
  switch (type) {
    case 1:
      return {
        creator_profile: {
          ...baseJson(shop, m),
          bio: wrap(m.bio),
          category: categoryJson(m),
          industry_groups: wrap(m.categories.map((name, i) => ({ key: m.categoryIds[i], name, value: (1 / m.categories.length).toFixed(4) }))),
          collaborated_brands_num: wrap(m.brands),
          creator_fulfillment_score_90d: m.authorised ? wrap(m.creator.fulfillmentPercentage) : HIDDEN,
          med_gmv_revenue: m.authorised ? money(m.gmv) : HIDDEN,
          ...(m.authorised ? {} : { med_gmv_revenue_range: wrap(gmvRangeLabel(shop, m.gmv)) }),
          units_sold: m.authorised ? wrap(count(m, m.unitsSold)) : HIDDEN,
          ...(m.authorised ? {} : { units_sold_range: wrap(unitsRangeLabel(m.unitsSold)) }),
          video_gmv: m.authorised ? money(m.videoGmv) : HIDDEN,
          live_gmv: m.authorised ? money(m.liveGmv) : HIDDEN,
          med_commission_rate: wrap(m.commissionBps),
          med_commission_rate_range: wrap(commissionBand(m.commissionBps).label),
        },
        creator_connect_info: connectInfoJson(m),
      };
    case 2:
      return {
        creator_profile: {
          ec_video_gpm: m.authorised ? wrap(gpmRangeJson(shop, m.videoGpm)) : HIDDEN,
          ec_live_gpm: m.authorised ? wrap(gpmRangeJson(shop, m.liveGpm)) : HIDDEN,
          gpm: m.authorised ? money(m.videoGpm) : HIDDEN,
          ec_video_med_view_cnt: wrap(String(m.medianVideoViews)),
          ec_live_med_view_cnt: wrap(String(m.avgLiveViewers)),
          video_med_view_cnt: wrap(String(m.medianVideoViews * 2)),
          live_med_view_cnt: wrap(String(m.avgLiveViewers * 2)),
          ec_video_engagement: wrap(m.engagementBps),
          ec_live_engagement: wrap(m.lives30d ? m.engagementBps + 300 : 0),
          video_engagement: wrap(m.engagementBps + 100),
          live_engagement: wrap(m.lives30d ? m.engagementBps + 400 : 0),
          sample_fulfillment_rate: m.authorised ? wrap(m.postRateBps) : HIDDEN,
          avg_revenue_per_buyer: m.authorised ? money(Math.round((m.gmv / Math.max(1, m.unitsSold)) * 100) / 100) : HIDDEN,
        },
      };
    case 3:
      return {
        creator_profile: {
          follower_genders_v2: shares(m.audience.gender),
          follower_ages_v2: shares(m.audience.age),
          follower_state_location: shares(m.audience.location),
        },
      };
    case 4: {
      if (!m.authorised) return {};
      const points = trendPoints(world, shop, m);
      const block = { filter: null, stats: points };
      return { creator_profile_trend_data: wire.trendFlat ? points : wire.trendMap ? { 0: block } : [block] };
    }
    default:
      return { creator_profile: { ec_top_video_data: wrap(topVideosJson(shop, m)) } };
  }
}

export function connectInfoJson(m: MarketCreator): Record<string, unknown> {
  const list: Record<string, unknown>[] = [];
  if (m.contacts.email) list.push({ field: 7, value: m.contacts.email });
  if (m.contacts.whatsapp) list.push({ field: 6, value: m.contacts.whatsapp.number, country_code: m.contacts.whatsapp.code });
  return { creator_id: m.oecId, contact_info_available: list.length > 0, contact_info: list };
}

/** What `lux/creator/auth_profiles` returns for one authorised creator (plain fields) [unknown]. */
export function authProfileJson(m: MarketCreator): Record<string, unknown> {
  return {
    creator_oec_id: m.oecId,
    handle: m.creator.handle,
    nickname: m.creator.nickname,
    avatar: { url_list: [m.creator.avatarUrl] },
    follower_cnt: String(m.creator.followers),
    main_industry: m.categories[0] ?? '',
  };
}
