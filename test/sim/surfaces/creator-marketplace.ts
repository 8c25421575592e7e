/**
 * The creator marketplace behind Find creators, Creator rankings and Creator detail (research/domain.md §3.1, §1.7).
 *
 * Every shop's marketplace is the world's own creators (the ones who request samples), so identities join across the
 * simulated pages: the same handle, the same follower count, the same fulfilment rate, and the world's `creatorId` as
 * both `creator_oecuid` (the list) and `creator_oec_id` / `cid` (the detail), as public captures show them to be.
 * Creators who have not authorised precise data (an empty fulfilment rate in the world) show ranges and placeholders.
 * Everything else about a creator is drawn from `seededRandom(world.seed, 'creators:<sellerId>:<creatorId>')`.
 */
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

export type MoneyWire = 'iso' | 'nested' | 'glyph';

export interface MarketCreator {
  creator: SimCreator;
  /** `creator_oecuid` on the list, `creator_oec_id` on the detail, `cid` in the detail URL. */
  oecId: string;
  /** Shared precise data (the world's fulfilment rate is not empty). */
  authorised: boolean;
  categories: string[];
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
  commissionBps: number;
  postRateBps: number;
  videos30d: number;
  lives30d: number;
  brands: number;
  promotedProducts: number;
  hasCollaborated: boolean;
  invitedBefore: boolean;
  /** Follower shares as decimal fractions (research/domain.md §0: "0.2500"). */
  audience: { gender: [string, number][]; age: [string, number][]; location: [string, number][] };
  contacts: { email?: string; whatsapp?: { code: string; number: string } };
  bio: string;
  wire: { money: MoneyWire; countsAsString: boolean };
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
    categories: picked,
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
    commissionBps: [500, 800, 1000, 1200, 1500, 2000][int(0, 5)]!,
    postRateBps: int(4500, 9900),
    videos30d: int(0, 45),
    lives30d,
    brands: int(0, 60),
    promotedProducts: int(0, 80),
    hasCollaborated: rand() < 0.2,
    invitedBefore: rand() < 0.3,
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
    wire: { money: (['iso', 'nested', 'glyph'] as const)[int(0, 2)]!, countsAsString: rand() < 0.4 },
  };
}

export function marketCreator(world: World, shop: SimShop, oecId: string): MarketCreator | undefined {
  return marketOf(world, shop).get(oecId);
}

// ---------------------------------------------------------------------------------------------------------------
// Wire format

const wrap = <T>(value: T) => ({ value, is_authorized: true });
/** What a field looks like when the creator has not authorised it. */
export const HIDDEN = { is_authorized: false, status: 0 } as const;

const fixed = (shop: SimShop, amount: number) => (shop.currency === 'IDR' ? String(Math.round(amount)) : amount.toFixed(2));

/** Displayed form of an amount: `$12.8K`, `Rp1.5M`. */
export function compactMoney(shop: SimShop, amount: number): string {
  const g = GLYPH[shop.currency] ?? shop.currency;
  const abs = Math.abs(amount);
  const short = (n: number, unit: string) => `${(Math.round(n * 10) / 10).toString()}${unit}`;
  const body = abs >= 1e6 ? short(amount / 1e6, 'M') : abs >= 1e3 ? short(amount / 1e3, 'K') : Number.isInteger(amount) ? String(amount) : fixed(shop, amount);
  return `${g}${body}`;
}

/** A money value in one of the wire forms the marketplace sends. */
export function moneyJson(shop: SimShop, amount: number, form: MoneyWire): Record<string, unknown> {
  const value = fixed(shop, amount);
  if (form === 'nested') return { value: { value }, symbol: shop.currency };
  if (form === 'glyph') return { value, symbol: GLYPH[shop.currency] ?? shop.currency, format: compactMoney(shop, amount) };
  return { value, symbol: shop.currency, format: compactMoney(shop, amount) };
}

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

const count = (m: MarketCreator, n: number) => (m.wire.countsAsString ? String(n) : n);

/** Fields every profile carries: who the creator is. */
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

const categoryJson = (m: MarketCreator) => wrap(m.categories.map((name) => ({ name, starling_key: `magellan_${name.toLowerCase().replace(/\W+/g, '_')}` })));

/** One `creator_profile_list` element of Find creators. */
export function listItemJson(shop: SimShop, m: MarketCreator): Record<string, unknown> {
  const money = (n: number) => wrap(moneyJson(shop, n, m.wire.money));
  return {
    ...baseJson(shop, m),
    category: categoryJson(m),
    gmv: m.authorised ? money(m.gmv) : HIDDEN,
    ...(m.authorised ? {} : { gmv_level: wrap(gmvRangeLabel(shop, m.gmv)) }),
    units_sold: m.authorised ? wrap(count(m, m.unitsSold)) : HIDDEN,
    ...(m.authorised ? {} : { items_sold_range: wrap(unitsRangeLabel(m.unitsSold)) }),
    video_gmv: m.authorised ? money(m.videoGmv) : HIDDEN,
    ec_video_gpm: m.authorised ? money(m.videoGpm) : HIDDEN,
    ec_live_gpm: m.authorised && m.lives30d ? money(m.liveGpm) : HIDDEN,
    ec_live_avg_uv: wrap(count(m, m.avgLiveViewers)),
    ec_video_avg_view_cnt: wrap(count(m, m.avgVideoViews)),
    ec_video_engagement: wrap(m.engagementBps),
    creator_fulfillment_score_90d: m.authorised ? wrap(m.creator.fulfillmentPercentage) : HIDDEN,
    has_collaborated: wrap(m.hasCollaborated),
    has_invited_before_90d: wrap(m.invitedBefore),
    is_creator_blocked_by_shop: wrap(false),
    invoice_available: wrap(false),
    is_high_sample_dispatch_rate: wrap(m.postRateBps > 8500),
  };
}

/** A GPM as the detail page sends it: a `{minimal, maximum}` range (both ends equal when precise). */
function gpmRangeJson(shop: SimShop, amount: number): Record<string, unknown> {
  const value = fixed(shop, amount);
  const shown = compactMoney(shop, amount);
  return { minimal: value, maximum: value, minimal_format: shown, maximum_format: shown, symbol: GLYPH[shop.currency] ?? shop.currency };
}

export const PROFILE_TYPES = [1, 2, 3, 4, 5, 6] as const;

/** The fields of one `profile_types` part of the detail (see lib/adapters/creators.ts for the split). */
export function profilePartJson(shop: SimShop, m: MarketCreator, type: number): Record<string, unknown> {
  const money = (n: number) => wrap(moneyJson(shop, n, m.wire.money));
  const shares = (list: [string, number][]) => wrap(list.map(([key, v]) => ({ key, value: v.toFixed(4) })));
  switch (type) {
    case 1:
      return {
        med_gmv_revenue: m.authorised ? money(m.gmv) : HIDDEN,
        ...(m.authorised ? {} : { med_gmv_revenue_range: wrap(gmvRangeLabel(shop, m.gmv)) }),
        units_sold: m.authorised ? wrap(count(m, m.unitsSold)) : HIDDEN,
        ...(m.authorised ? {} : { units_sold_range: wrap(unitsRangeLabel(m.unitsSold)) }),
        video_gmv: m.authorised ? money(m.videoGmv) : HIDDEN,
        live_gmv: m.authorised ? money(m.liveGmv) : HIDDEN,
        industry_groups: wrap(m.categories.map((name, i) => ({ key: String(601450 + i), name, value: (1 / m.categories.length).toFixed(4) }))),
      };
    case 2:
      return {
        med_commission_rate: wrap(m.commissionBps),
        sample_fulfillment_rate: m.authorised ? wrap(m.postRateBps) : HIDDEN,
        creator_fulfillment_score_90d: m.authorised ? wrap(m.creator.fulfillmentPercentage) : HIDDEN,
        collaborated_brands_num: wrap(m.brands),
        promoted_product_num: wrap(String(m.promotedProducts)),
        has_collaborated: wrap(m.hasCollaborated),
        has_invited_before_90d: wrap(m.invitedBefore),
      };
    case 3:
      return {
        ec_video_avg_view_cnt: wrap(count(m, m.avgVideoViews)),
        ec_video_play_cnt_med: wrap(String(m.medianVideoViews)),
        ec_video_engagement: wrap(m.engagementBps),
        ec_video_gpm: m.authorised ? wrap(gpmRangeJson(shop, m.videoGpm)) : HIDDEN,
        ec_video_publish_cnt_30d: wrap(String(m.videos30d)),
      };
    case 4:
      return {
        ec_live_avg_uv: wrap(count(m, m.avgLiveViewers)),
        ec_live_gpm: m.authorised && m.lives30d ? wrap(gpmRangeJson(shop, m.liveGpm)) : HIDDEN,
        ec_live_streaming_cnt_30d: wrap(String(m.lives30d)),
      };
    case 5:
      return {
        follower_genders_v2: shares(m.audience.gender),
        follower_ages_v2: shares(m.audience.age),
        follower_state_location: shares(m.audience.location),
      };
    default:
      return { bio: wrap(m.bio), category: categoryJson(m) };
  }
}

export function connectInfoJson(m: MarketCreator): Record<string, unknown> {
  const list: Record<string, unknown>[] = [];
  if (m.contacts.email) list.push({ field: 7, value: m.contacts.email });
  if (m.contacts.whatsapp) list.push({ field: 6, value: m.contacts.whatsapp.number, country_code: m.contacts.whatsapp.code });
  return { creator_id: m.oecId, contact_info_available: list.length > 0, contact_info: list };
}

/** The detail response for the asked profile types: `creator_profile` (base + parts) and `creator_connect_info`. */
export function profileJson(shop: SimShop, m: MarketCreator, types: readonly number[]): Record<string, unknown> {
  const parts = types.reduce<Record<string, unknown>>((acc, t) => ({ ...acc, ...profilePartJson(shop, m, t) }), {});
  return { creator_profile: { ...baseJson(shop, m), ...parts }, creator_connect_info: connectInfoJson(m) };
}

/** What `lux/creator/auth_profiles` returns for one authorised creator (plain fields). */
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
