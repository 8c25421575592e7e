import { z } from 'zod';
import { currencyOfRegion } from '../domain/currency';
import { money, type Money } from '../domain/money';
import type { AudienceShare, CreatorCategory, CreatorMetrics, ShopCreatorFlags, ValueRange } from '../domain/types';
import { bps, flag, handle, id, nonNegativeInt, percentBps, text } from './values';

/**
 * The creator profile as the marketplace endpoints send it (find/search/recommendation, profile, rankings, auth
 * profiles; research/real-shapes.md §3–4, domain.md §1.7): every field may come bare, wrapped as
 * `{is_authorized, status, value}` [fixture], or as the placeholder `{is_authorized: false}` (with or without `status`)
 * a creator who has not authorised precise data gets [fixture]. Money comes as `{value, format, symbol}` [fixture],
 * with the amount wrapped once more (`{value: {value, format}, symbol}`, Find creators [parser]), with an ISO code, or
 * with a glyph (`"$"`, `"₫"`) that the creator's `selection_region`, else the shop's region, resolves. A GPM may come
 * as `{minimal, minimal_format, maximum, maximum_format, symbol}` [fixture]. Ranges shown instead of precise values go
 * into `*Range` with the label as displayed (`1M₫+`, `0₫-127.8K₫` [parser]); a money range's `min`/`max` are minor
 * units of its `currency`, like `Money`.
 */

const WRAPPER_KEYS = new Set(['value', 'is_authorized', 'status']);

/**
 * Unwraps `{value, is_authorized?, status?}` (an object with no other keys) to its value, and the not-authorised
 * placeholder `{is_authorized: false, status: 0}` to undefined. Anything else (a bare value, a money object
 * `{value, symbol}`, `{}`) is left for the field's own schema to judge.
 */
function unwrapField(v: unknown): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v ?? undefined;
  const keys = Object.keys(v);
  if (keys.length === 0 || !keys.every((k) => WRAPPER_KEYS.has(k))) return v;
  return 'value' in v ? ((v as { value: unknown }).value ?? undefined) : undefined;
}

/** A field bare, wrapped (`{value}`), or the not-authorised placeholder (→ undefined); null → undefined. */
export const field = <T extends z.ZodType>(inner: T) => z.preprocess(unwrapField, inner.optional());

/** A decimal amount in major units: at most 12 integer digits, so every amount is an exact integer in minor units. */
const DECIMAL = /^-?\d{1,12}(\.\d{1,6})?$/;
const decimal = z.union([
  z.string().trim().regex(DECIMAL),
  z
    .number()
    .finite()
    .transform((n) => (Number.isInteger(n) ? String(n) : n.toFixed(6).replace(/0+$/, '')))
    .pipe(z.string().regex(DECIMAL)),
]);
const unit = z.string().trim().max(8);

/** A money value before its currency is known: the amount in major units and the code or glyph it came with. */
interface MoneyParts {
  amount: string;
  unit?: string;
}

const moneyParts = z.union([
  z
    .object({
      value: z.union([decimal, z.object({ value: decimal, symbol: unit.nullish(), currency: unit.nullish() })]),
      symbol: unit.nullish(),
      currency: unit.nullish(),
    })
    .transform((o): MoneyParts => {
      if (typeof o.value === 'string') return { amount: o.value, unit: o.currency ?? o.symbol ?? undefined };
      return { amount: o.value.value, unit: o.currency ?? o.symbol ?? o.value.currency ?? o.value.symbol ?? undefined };
    }),
  z
    .object({ amount: decimal, currency: unit.nullish(), currency_code: unit.nullish() })
    .transform((o): MoneyParts => ({ amount: o.amount, unit: o.currency ?? o.currency_code ?? undefined })),
  decimal.transform((amount): MoneyParts => ({ amount })),
]);

/** A range as sent: the label alone, or its ends in major units. */
interface RangeParts {
  label?: string;
  min?: string;
  max?: string;
  unit?: string;
}

const rangeParts = z.union([
  // A label names at least one figure (`$1K-$10K`, `1K+`, `Top 10%`); other text is not a range.
  text(64)
    .regex(/\d/)
    .transform((label): RangeParts => ({ label: label.trim() })),
  z
    .object({
      minimal: decimal,
      maximum: decimal.nullish(),
      symbol: unit.nullish(),
      minimal_format: text(32).nullish(),
      maximum_format: text(32).nullish(),
    })
    .transform(
      (o): RangeParts => ({
        min: o.minimal,
        max: o.maximum ?? undefined,
        unit: o.symbol ?? undefined,
        label: o.minimal_format && o.maximum_format ? `${o.minimal_format}-${o.maximum_format}` : undefined,
      }),
    ),
  z
    .object({
      minimum_amount: decimal,
      maximum_amount: decimal.nullish(),
      currency: unit.nullish(),
      formatted_range: text(64).nullish(),
    })
    .transform(
      (o): RangeParts => ({
        min: o.minimum_amount,
        max: o.maximum_amount ?? undefined,
        unit: o.currency ?? undefined,
        label: o.formatted_range ?? undefined,
      }),
    ),
]);

const moneyOrRange = z.union([moneyParts.transform((m) => ({ money: m })), rangeParts.transform((r) => ({ range: r }))]);

/** A rate in basis points, or a percent string (`"92.5%"`; `""` → undefined). */
const rateBps = z.union([bps, percentBps]);

/** `magellan_601450` → `601450`: the category id inside a category's translation key. */
const idOfStarlingKey = (key: string | null | undefined) => (key ? /^magellan_(\d{1,24})$/.exec(key)?.[1] : undefined);

/**
 * A creator category: a name, `{name, starling_key}` (Find creators, detail [parser]), `{value}`, or an
 * `industry_groups` share `{key, name?, value}` (detail types 1–3 [fixture]: `key` is the first-level category id,
 * `"-1"` the rest).
 */
const categoryEntry = z.union([
  text(100).transform((name): CreatorCategory => ({ name })),
  z
    .object({ name: text(100), starling_key: text(100).nullish() })
    .transform((o): CreatorCategory => definedOnly({ name: o.name, id: idOfStarlingKey(o.starling_key) })),
  z.object({ value: text(100) }).transform((o): CreatorCategory => ({ name: o.value })),
]);
const categoryList = z.array(categoryEntry).max(50);
const industryGroups = z
  .array(z.object({ key: z.union([text(32), z.number().int().transform(String)]), name: text(100).nullish(), value: z.unknown().optional() }))
  .max(50)
  .transform((list) => list.flatMap((g): CreatorCategory[] => (g.key === '-1' ? [] : [definedOnly({ id: /^\d{1,24}$/.test(g.key) ? g.key : undefined, name: g.name ?? undefined })])));

const shares = z.array(z.object({ key: z.union([text(64), z.number().finite().transform(String)]), value: decimal })).max(300);

const region = z
  .string()
  .regex(/^[A-Za-z]{2}$/)
  .transform((s) => s.toUpperCase());

/** A count sent as a number, a numeric string, or a list (counted). */
const countOrList = z.union([nonNegativeInt, z.array(z.unknown()).max(10_000).transform((l) => l.length)]);

/**
 * The creator's median commission range (`med_commission_rate_range`): the form is [conflict] (one parser reads a
 * string, another documents a number, the one raw sample has `null`). Accepted: a percent label (`10%-15%`, `10-15%`,
 * `15%+`, `>15%`, `<5%`, `10%`) and a number in basis points, as its sibling `med_commission_rate` (`1000` = 10%).
 */
export const commissionRange = z.union([
  bps.transform((v): CommissionRead => ({ minBps: v, maxBps: v, form: 'bps' })),
  text(32).transform((label, ctx): CommissionRead => {
    const parsed = parseCommissionLabel(label);
    if (!parsed) {
      ctx.addIssue({ code: 'custom', message: 'not a commission range' });
      return z.NEVER;
    }
    return { ...parsed, label: label.trim(), form: 'label' };
  }),
]);

/** The commission range as read, before a single rate is taken from it. */
export interface CommissionRead {
  minBps?: number;
  maxBps?: number;
  label?: string;
  form: 'label' | 'bps';
}

const PERCENT = String.raw`(\d{1,3}(?:[.,]\d{1,2})?)`;
const COMMISSION_LABEL = new RegExp(String.raw`^([<>≤≥]?)\s*${PERCENT}\s*(%?)\s*(?:[-–~]\s*${PERCENT}\s*(%?))?\s*(\+?)$`);

/** `10%-15%` → 1000–1500 bps; `15%+` / `>15%` → from 1500; `<5%` → up to 500. A label names a percent sign. */
export function parseCommissionLabel(label: string): { minBps?: number; maxBps?: number } | undefined {
  const m = COMMISSION_LABEL.exec(label.trim());
  if (!m || !(m[3] || m[5])) return undefined;
  const toBps = (v: string) => Math.round(Number(v.replace(',', '.')) * 100);
  const first = toBps(m[2] as string);
  const second = m[4] === undefined ? undefined : toBps(m[4]);
  if (first > 10_000 || (second !== undefined && (second > 10_000 || second < first))) return undefined;
  if (m[1] === '<' || m[1] === '≤') return second === undefined && !m[6] ? { maxBps: first } : undefined;
  if (m[1] || m[6]) return second === undefined ? { minBps: first } : undefined;
  return { minBps: first, maxBps: second ?? first };
}

/** Every profile field Collab Lens reads, with the names the pages use for it (list first, detail after). */
export const profileFields = {
  creator_oecuid: field(id),
  handle: field(handle),
  nickname: field(text(200)),
  selection_region: field(region),
  follower_cnt: field(nonNegativeInt),
  category: field(categoryList),
  content_category_list: field(categoryList),
  main_industry: field(categoryEntry),
  industry_groups: field(industryGroups),
  gmv: field(moneyOrRange),
  med_gmv_revenue: field(moneyOrRange),
  gmv_level: field(rangeParts),
  med_gmv_revenue_range: field(rangeParts),
  gmv_range: field(rangeParts),
  units_sold: field(nonNegativeInt),
  items_sold: field(nonNegativeInt),
  items_sold_range: field(rangeParts),
  units_sold_range: field(rangeParts),
  video_gmv: field(moneyParts),
  live_gmv: field(moneyParts),
  gpm: field(moneyOrRange),
  gpm_range: field(rangeParts),
  ec_video_gpm: field(moneyOrRange),
  ec_live_gpm: field(moneyOrRange),
  ec_video_avg_view_cnt: field(nonNegativeInt),
  ec_video_play_cnt_med: field(nonNegativeInt),
  ec_video_med_view_cnt: field(nonNegativeInt),
  ec_live_med_view_cnt: field(nonNegativeInt),
  video_med_view_cnt: field(nonNegativeInt),
  live_med_view_cnt: field(nonNegativeInt),
  ec_live_avg_uv: field(nonNegativeInt),
  ec_video_engagement: field(rateBps),
  ec_live_engagement: field(rateBps),
  video_engagement: field(rateBps),
  live_engagement: field(rateBps),
  avg_revenue_per_buyer: field(moneyOrRange),
  avg_revenue_per_buyer_range: field(rangeParts),
  collaborated_brands_num: field(nonNegativeInt),
  creator_fulfillment_score_90d: field(rateBps),
  creator_fulfillment_reviews: field(countOrList),
  sample_fulfillment_rate: field(rateBps),
  med_commission_rate: field(rateBps),
  med_commission_rate_range: field(commissionRange),
  product_price_range: field(rangeParts),
  ec_video_publish_cnt_30d: field(nonNegativeInt),
  ec_live_streaming_cnt_30d: field(nonNegativeInt),
  follower_genders_v2: field(shares),
  follower_gender: field(shares),
  follower_ages_v2: field(shares),
  follower_age: field(shares),
  follower_state_location: field(shares),
  follower_location: field(shares),
  has_collaborated: field(flag),
  has_invited_before_90d: field(flag),
  is_creator_blocked_by_shop: field(flag),
  is_high_sample_dispatch_rate: field(flag),
};

export const profileObject = z.object(profileFields);
export type ProfileFields = z.output<typeof profileObject>;

/** What one sighting of a creator profile says, ready to become a `CreatorFact`. */
export interface ProfileRead {
  handle?: string;
  oecuid?: string;
  nickname?: string;
  region?: string;
  categories?: string[];
  /** The categories with their ids where sent (the market benchmark's join with products' categories). */
  categoryList?: CreatorCategory[];
  /** Only the metrics the response showed; undefined when it showed none. */
  metrics?: CreatorMetrics;
  /** Flags relative to the shop that asked (Find creators): stored per shop, never on the creator. */
  flags?: ShopCreatorFlags;
  /** The creator's median commission (exact, or the range's ends), when shown. */
  commission?: { bps: number; minBps?: number; maxBps?: number; label?: string; form: 'exact' | 'label' | 'bps' };
}

/** Currency glyphs as the marketplace formats them, and the currencies each can mean. */
const GLYPHS: Readonly<Record<string, readonly string[]>> = {
  $: ['USD', 'SGD', 'MXN', 'CAD', 'AUD'],
  US$: ['USD'],
  S$: ['SGD'],
  R$: ['BRL'],
  '£': ['GBP'],
  '€': ['EUR'],
  '₫': ['VND'],
  Rp: ['IDR'],
  RM: ['MYR'],
  '฿': ['THB'],
  '₱': ['PHP'],
  '¥': ['JPY'],
  zł: ['PLN'],
  Kč: ['CZK'],
  Ft: ['HUF'],
};

/**
 * The ISO currency of a money value: its code when it names one, else what its glyph means in the creator's region,
 * else the region's currency when no unit was sent. A glyph the region does not use gives none (nothing is stored).
 */
export function currencyOf(unitSent: string | undefined, regionCode: string | undefined): string | undefined {
  if (unitSent && /^[A-Z]{3}$/.test(unitSent)) return unitSent;
  const local = regionCode ? currencyOfRegion(regionCode) : undefined;
  if (!unitSent) return local;
  // An own key only: a unit such as `valueOf` must not find the object's prototype.
  const candidates = Object.hasOwn(GLYPHS, unitSent) ? GLYPHS[unitSent] : undefined;
  if (!candidates) return undefined;
  if (local && candidates.includes(local)) return local;
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** `"127.8"` × 10^3 → `"127800"`, exactly (no binary floating point). */
function shiftDecimal(value: string, places: number): string {
  const negative = value.startsWith('-');
  const [intPart = '0', frac = ''] = value.replace(/^-/, '').split('.');
  const padded = frac.padEnd(places, '0');
  const whole = `${intPart}${padded.slice(0, places)}`.replace(/^0+(?=\d)/, '');
  const rest = padded.slice(places);
  return `${negative ? '-' : ''}${whole}${rest ? `.${rest}` : ''}`;
}

const SUFFIX: Readonly<Record<string, number>> = { k: 3, rb: 3, m: 6, jt: 6, b: 9 };

/** One end of a range label (`$1.5K`, `1M₫`, `Rp1,5jt`, `100`) as a plain decimal in major units. */
function labelNumber(token: string): string | undefined {
  const m = /^[^\d]*?(\d{1,15}(?:[.,]\d{1,6})?)\s*(k|rb|m|jt|b)?[^\d]*$/i.exec(token.trim());
  if (!m?.[1]) return undefined;
  // A comma followed by exactly three digits groups thousands; any other comma is a decimal comma.
  const digits = /,\d{3}$/.test(m[1]) ? m[1].replace(',', '') : m[1].replace(',', '.');
  return shiftDecimal(digits, SUFFIX[(m[2] ?? '').toLowerCase()] ?? 0);
}

function parseLabel(label: string): { min?: string; max?: string } {
  const s = label.replace(/\s+/g, '');
  if (s.endsWith('+')) return { min: labelNumber(s.slice(0, -1)) };
  const parts = s.split(/[-–~]/).filter(Boolean);
  if (parts.length === 2) return { min: labelNumber(parts[0]!), max: labelNumber(parts[1]!) };
  return {};
}

function moneyOf(parts: MoneyParts, regionCode: string | undefined): Money | undefined {
  const currency = currencyOf(parts.unit, regionCode);
  return currency ? money(parts.amount, currency) : undefined;
}

/** The currency glyph of a range label's first end (`$1K-$10K` → `$`, `1M₫+` → `₫`, `Rp1,5jt` → `Rp`), if any. */
function glyphOfLabel(label: string): string | undefined {
  const first = label.trim().split(/[-–~+]/)[0] ?? '';
  const glyph = first
    .replace(/(\d)\s*(k|rb|m|jt|b)(?![a-z])/i, '$1')
    .replace(/[\d.,\s]/g, '');
  return glyph || undefined;
}

/** A money range: ends in minor units of the currency the label or object names (or the region's). */
function moneyRange(parts: RangeParts, regionCode: string | undefined): ValueRange {
  const unitSent = parts.unit ?? (parts.label ? glyphOfLabel(parts.label) : undefined);
  const currency = currencyOf(unitSent, regionCode);
  const ends = parts.min === undefined && parts.label ? parseLabel(parts.label) : { min: parts.min, max: parts.max };
  const minor = (v: string | undefined) => {
    const m = v !== undefined && currency ? money(v, currency) : undefined;
    return m && Number.isSafeInteger(m.minor) ? m.minor : undefined;
  };
  return definedOnly({ min: minor(ends.min), max: minor(ends.max), label: parts.label, currency });
}

/** A count range (`100-1K`, `1K+`). */
function countRange(parts: RangeParts): ValueRange {
  const ends = parts.min === undefined && parts.label ? parseLabel(parts.label) : { min: parts.min, max: parts.max };
  const whole = (v: string | undefined) => (v !== undefined && /^\d{1,15}$/.test(v) ? Number(v) : undefined);
  return definedOnly({ min: whole(ends.min), max: whole(ends.max), label: parts.label });
}

function audienceOf(list: { key: string; value: string }[] | undefined): AudienceShare[] | undefined {
  if (!list) return undefined;
  const fractions = list.every((s) => Number(s.value) <= 1);
  return list.map((s) =>
    fractions ? { key: s.key, bps: Math.round(Number(s.value) * 10_000) } : { key: s.key, count: Math.round(Number(s.value)) },
  );
}

function definedOnly<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function nonEmpty<T extends object>(o: T): T | undefined {
  const d = definedOnly(o);
  return Object.keys(d).length ? d : undefined;
}

/** The one rate a commission stands for: the exact median, else the middle of its range, else its one end. */
function commissionOf(exact: number | undefined, range: CommissionRead | undefined): ProfileRead['commission'] {
  if (exact !== undefined) return definedOnly({ bps: exact, minBps: range?.minBps, maxBps: range?.maxBps, label: range?.label, form: 'exact' as const });
  if (!range) return undefined;
  const { minBps, maxBps } = range;
  const bpsOf = minBps !== undefined && maxBps !== undefined ? Math.round((minBps + maxBps) / 2) : (minBps ?? maxBps);
  return bpsOf === undefined ? undefined : definedOnly({ bps: bpsOf, minBps, maxBps, label: range.label, form: range.form });
}

/**
 * The profile fields a response carried, as a creator's identity and metrics. Money without a region of its own is
 * priced in the shop's region (`shopRegion`, from the page): a creator detail part carries no `selection_region`.
 */
export function readProfile(p: Partial<ProfileFields>, shopRegion?: string): ProfileRead {
  const regionCode = p.selection_region ?? shopRegion;
  const moneyOrRangeOf = (v: z.output<typeof moneyOrRange> | undefined, rangeField?: RangeParts) => {
    const rangeOf = rangeField ?? (v && 'range' in v ? v.range : undefined);
    return { value: v && 'money' in v ? moneyOf(v.money, regionCode) : undefined, range: rangeOf ? moneyRange(rangeOf, regionCode) : undefined };
  };
  const gmv = moneyOrRangeOf(p.gmv ?? p.med_gmv_revenue, p.gmv_level ?? p.med_gmv_revenue_range ?? p.gmv_range);
  const unitsRange = p.items_sold_range ?? p.units_sold_range;
  const gpm = (v: typeof p.ec_video_gpm) => {
    if (!v) return { value: undefined, range: undefined };
    if ('money' in v) return { value: moneyOf(v.money, regionCode), range: undefined };
    const range = moneyRange(v.range, regionCode);
    const same = range.min !== undefined && range.min === range.max && range.currency;
    return { value: same ? { minor: range.min!, currency: range.currency! } : undefined, range };
  };
  const videoGpm = gpm(p.ec_video_gpm);
  const liveGpm = gpm(p.ec_live_gpm);
  const allGpm = p.gpm_range && !p.gpm ? { value: undefined, range: moneyRange(p.gpm_range, regionCode) } : gpm(p.gpm);
  const perBuyer = moneyOrRangeOf(p.avg_revenue_per_buyer, p.avg_revenue_per_buyer_range);
  const audience = nonEmpty({
    gender: audienceOf(p.follower_genders_v2 ?? p.follower_gender),
    age: audienceOf(p.follower_ages_v2 ?? p.follower_age),
    location: audienceOf(p.follower_state_location ?? p.follower_location),
  });
  const metrics = nonEmpty<CreatorMetrics>({
    followers: p.follower_cnt,
    gmv: gmv.value,
    gmvRange: gmv.range,
    videoGmv: p.video_gmv ? moneyOf(p.video_gmv, regionCode) : undefined,
    liveGmv: p.live_gmv ? moneyOf(p.live_gmv, regionCode) : undefined,
    unitsSold: p.units_sold ?? p.items_sold,
    unitsSoldRange: unitsRange ? countRange(unitsRange) : undefined,
    avgVideoViews: p.ec_video_avg_view_cnt,
    medianVideoViews: p.ec_video_med_view_cnt ?? p.ec_video_play_cnt_med,
    medianLiveViews: p.ec_live_med_view_cnt,
    allVideoMedianViews: p.video_med_view_cnt,
    allLiveMedianViews: p.live_med_view_cnt,
    avgLiveViewers: p.ec_live_avg_uv,
    videoGpm: videoGpm.value,
    videoGpmRange: videoGpm.range,
    liveGpm: liveGpm.value,
    liveGpmRange: liveGpm.range,
    gpm: allGpm.value,
    gpmRange: allGpm.range,
    engagementBps: p.ec_video_engagement,
    liveEngagementBps: p.ec_live_engagement,
    allVideoEngagementBps: p.video_engagement,
    allLiveEngagementBps: p.live_engagement,
    avgRevenuePerBuyer: perBuyer.value,
    avgRevenuePerBuyerRange: perBuyer.range,
    collaboratedBrands: p.collaborated_brands_num,
    fulfillmentBps: p.creator_fulfillment_score_90d,
    fulfillmentReviews: p.creator_fulfillment_reviews,
    postRateBps: p.sample_fulfillment_rate,
    avgCommissionBps: p.med_commission_rate,
    productPriceRange: p.product_price_range ? moneyRange(p.product_price_range, regionCode) : undefined,
    videoCount: p.ec_video_publish_cnt_30d,
    liveCount: p.ec_live_streaming_cnt_30d,
    audience,
  });
  const categoryList = (p.category ?? p.content_category_list ?? p.industry_groups ?? (p.main_industry ? [p.main_industry] : undefined))
    ?.map((c) => definedOnly({ id: c.id, name: c.name?.trim() || undefined }))
    .filter((c) => c.id !== undefined || c.name !== undefined);
  const names = categoryList?.flatMap((c) => (c.name ? [c.name] : []));
  return definedOnly({
    handle: p.handle,
    oecuid: p.creator_oecuid,
    nickname: p.nickname,
    region: p.selection_region,
    categories: names?.length ? names : undefined,
    categoryList: categoryList?.length ? categoryList : undefined,
    metrics,
    flags: nonEmpty<ShopCreatorFlags>({
      hasCollaborated: p.has_collaborated,
      invitedWithin90d: p.has_invited_before_90d,
      blockedByShop: p.is_creator_blocked_by_shop,
      highSampleDispatchRate: p.is_high_sample_dispatch_rate,
    }),
    commission: commissionOf(p.med_commission_rate, p.med_commission_rate_range),
  });
}
