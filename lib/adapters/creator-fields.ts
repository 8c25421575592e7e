import { z } from 'zod';
import { currencyOfRegion } from '../domain/currency';
import { money, type Money } from '../domain/money';
import type { AudienceShare, CreatorMetrics, ValueRange } from '../domain/types';
import { bps, handle, id, nonNegativeInt, percentBps, text } from './values';

/**
 * The creator profile as the marketplace endpoints send it (find/search/recommendation, profile, rankings, auth
 * profiles; research/domain.md §0.6, §1.7, §3.1): every field may come bare, wrapped as `{value}` (with
 * `is_authorized`), or as the placeholder `{is_authorized: false, status: 0}` a creator who has not authorised precise
 * data gets. Money comes as `{value: "1.20", symbol: "EUR"}`, with the amount wrapped once more, or with a currency
 * glyph (`"$"`, `"₫"`) that the creator's `selection_region` resolves. Ranges shown instead of precise values go into
 * `gmvRange` / `unitsSoldRange` with the label as displayed; a money range's `min`/`max` are minor units of its
 * `currency`, like `Money`.
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

const categoryName = z.union([
  text(100),
  z.object({ name: text(100) }).transform((o) => o.name),
  z.object({ value: text(100) }).transform((o) => o.value),
]);
const categoryList = z.array(categoryName).max(50);

const shares = z.array(z.object({ key: z.union([text(64), z.number().finite().transform(String)]), value: decimal })).max(300);

const region = z
  .string()
  .regex(/^[A-Za-z]{2}$/)
  .transform((s) => s.toUpperCase());

/** Every profile field Collab Lens reads, with the names the pages use for it (list first, detail after). */
export const profileFields = {
  creator_oecuid: field(id),
  handle: field(handle),
  nickname: field(text(200)),
  selection_region: field(region),
  follower_cnt: field(nonNegativeInt),
  category: field(categoryList),
  content_category_list: field(categoryList),
  main_industry: field(categoryName),
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
  ec_video_gpm: field(moneyOrRange),
  ec_live_gpm: field(moneyOrRange),
  ec_video_avg_view_cnt: field(nonNegativeInt),
  ec_video_play_cnt_med: field(nonNegativeInt),
  ec_live_avg_uv: field(nonNegativeInt),
  ec_video_engagement: field(rateBps),
  creator_fulfillment_score_90d: field(rateBps),
  sample_fulfillment_rate: field(rateBps),
  med_commission_rate: field(rateBps),
  ec_video_publish_cnt_30d: field(nonNegativeInt),
  ec_live_streaming_cnt_30d: field(nonNegativeInt),
  follower_genders_v2: field(shares),
  follower_gender: field(shares),
  follower_ages_v2: field(shares),
  follower_age: field(shares),
  follower_state_location: field(shares),
  follower_location: field(shares),
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
  /** Only the metrics the response showed; undefined when it showed none. */
  metrics?: CreatorMetrics;
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
  const candidates = GLYPHS[unitSent];
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

/** The profile fields a response carried, as a creator's identity and metrics. */
export function readProfile(p: Partial<ProfileFields>): ProfileRead {
  const regionCode = p.selection_region;
  const gmv = p.gmv ?? p.med_gmv_revenue;
  const gmvRangeParts = p.gmv_level ?? p.med_gmv_revenue_range ?? p.gmv_range ?? (gmv && 'range' in gmv ? gmv.range : undefined);
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
  const audience = nonEmpty({
    gender: audienceOf(p.follower_genders_v2 ?? p.follower_gender),
    age: audienceOf(p.follower_ages_v2 ?? p.follower_age),
    location: audienceOf(p.follower_state_location ?? p.follower_location),
  });
  const metrics = nonEmpty<CreatorMetrics>({
    followers: p.follower_cnt,
    gmv: gmv && 'money' in gmv ? moneyOf(gmv.money, regionCode) : undefined,
    gmvRange: gmvRangeParts ? moneyRange(gmvRangeParts, regionCode) : undefined,
    videoGmv: p.video_gmv ? moneyOf(p.video_gmv, regionCode) : undefined,
    liveGmv: p.live_gmv ? moneyOf(p.live_gmv, regionCode) : undefined,
    unitsSold: p.units_sold ?? p.items_sold,
    unitsSoldRange: unitsRange ? countRange(unitsRange) : undefined,
    avgVideoViews: p.ec_video_avg_view_cnt,
    medianVideoViews: p.ec_video_play_cnt_med,
    avgLiveViewers: p.ec_live_avg_uv,
    videoGpm: videoGpm.value,
    videoGpmRange: videoGpm.range,
    liveGpm: liveGpm.value,
    liveGpmRange: liveGpm.range,
    engagementBps: p.ec_video_engagement,
    fulfillmentBps: p.creator_fulfillment_score_90d,
    postRateBps: p.sample_fulfillment_rate,
    avgCommissionBps: p.med_commission_rate,
    videoCount: p.ec_video_publish_cnt_30d,
    liveCount: p.ec_live_streaming_cnt_30d,
    audience,
  });
  const categories = (p.category ?? p.content_category_list ?? (p.main_industry ? [p.main_industry] : undefined))
    ?.map((c) => c.trim())
    .filter(Boolean);
  return definedOnly({
    handle: p.handle,
    oecuid: p.creator_oecuid,
    nickname: p.nickname,
    region: regionCode,
    categories: categories?.length ? categories : undefined,
    metrics,
  });
}
