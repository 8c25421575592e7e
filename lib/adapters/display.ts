import { currencyOfRegion } from '../domain/currency';
import { money, type Money } from '../domain/money';
import { currencyOf } from './creator-fields';

/**
 * Figures Affiliate Center sends as display text in the shop's locale (research/real-shapes.md §1 [raw][fixture]): the
 * sample list's `follower_num` `"4726"`, `gmv` `"Rp130.973.930"` or `"$2,400"`, `fulfillment_rate` `"100.00%"` or
 * `"91%"`, `sku_price.formatted_price` `"Rp455.000"`.
 *
 * A text is read only when it means one thing. Its own structure decides first: several identical separators group
 * thousands (`130.973.930`), two kinds put the decimal last (`1.234,5`), one separator followed by other than three
 * digits is a decimal (`100.00`, `1,5`). Only one separator followed by exactly three digits (`2,400`, `455.000`) needs
 * the region: ID, VN and most of Europe group with `.` and write decimals with `,`, the US, UK and most of Asia the
 * reverse; in a region we do not know it is not read. A currency glyph must name the region's own currency (`$` in an
 * ID shop is not read). What cannot be read is never guessed: the caller stores nothing for it.
 */

/** Why a text was not read: nothing to read, two readings (or a currency the region does not use), or not a figure at all. */
export type Unread = 'blank' | 'ambiguous' | 'malformed';
export type DisplayRead<T> = { ok: true; value: T } | { ok: false; why: Unread };

const fail = (why: Unread): { ok: false; why: Unread } => ({ ok: false, why });

/** Regions writing decimals with a comma and grouping with `.` (or a space). */
const DECIMAL_COMMA = new Set(['ID', 'VN', 'DE', 'FR', 'IT', 'ES', 'NL', 'BE', 'AT', 'GR', 'PT', 'PL', 'CZ', 'HU', 'BR', 'TR']);
/** Regions writing decimals with a point and grouping with `,`. */
const DECIMAL_POINT = new Set(['US', 'GB', 'IE', 'SG', 'MY', 'PH', 'TH', 'JP', 'MX', 'SA', 'CA', 'AU']);

/** The decimal separator a region writes, if we know it. */
export function decimalSeparatorOf(region: string | undefined): ',' | '.' | undefined {
  const r = region?.toUpperCase() ?? '';
  return DECIMAL_COMMA.has(r) ? ',' : DECIMAL_POINT.has(r) ? '.' : undefined;
}

/** Compact suffixes as the pages abbreviate: thousand (`K`, Indonesian `rb`), million (`M`, `jt`), billion (`B`). */
const SUFFIX_PLACES: Readonly<Record<string, number>> = { k: 3, rb: 3, m: 6, jt: 6, b: 9 };

const SPACES = /[\s\u00a0\u202f\u2009]+/g;
const isBlank = (s: string) => /^[\s\u00a0\u202f\u2009\-–—]*$/.test(s);

/** `"127.8"` × 10^places → `"127800"`, exactly (no binary floating point). */
function shift(decimal: string, places: number): string {
  if (places === 0) return decimal;
  const [whole = '0', frac = ''] = decimal.split('.');
  const padded = frac.padEnd(places, '0');
  const int = `${whole}${padded.slice(0, places)}`.replace(/^0+(?=\d)/, '');
  const rest = padded.slice(places);
  return rest ? `${int}.${rest}` : int;
}

/** Digit groups after the first are three digits long; the first one to three. */
const grouped = (runs: readonly string[]) => runs.length > 1 && runs[0]!.length >= 1 && runs[0]!.length <= 3 && runs.slice(1).every((r) => r.length === 3);

/**
 * The digits and separators of a number (`130.973.930`, `2,400`, `1 234,56`) as a plain decimal (`"130973930"`,
 * `"2400"`, `"1234.56"`). `count`: the figure is a whole count, so a lone separator before three digits can only group.
 */
function plainDecimal(body: string, region: string | undefined, count: boolean): DisplayRead<string> {
  if (!/^\d[\d., ]*$/.test(body) || !/\d$/.test(body)) return fail('malformed');
  const runs = body.split(/[., ]/);
  if (runs.some((r) => r === '')) return fail('malformed');
  const seps = body.replace(/\d/g, '');
  if (seps === '') return { ok: true, value: body.replace(/^0+(?=\d)/, '') };
  const kinds = [...new Set(seps)];
  const join = (int: readonly string[], frac?: string) => {
    const whole = int.join('').replace(/^0+(?=\d)/, '');
    return frac === undefined ? whole : `${whole}.${frac}`;
  };
  if (kinds.length > 2) return fail('malformed');
  if (kinds.length === 2) {
    // The last separator is the decimal one; it occurs once, and it is not a space.
    const decimal = seps.at(-1) as string;
    if (decimal === ' ' || seps.indexOf(decimal) !== seps.length - 1) return fail('malformed');
    const int = runs.slice(0, -1);
    return grouped(int) ? { ok: true, value: join(int, runs.at(-1)) } : fail('malformed');
  }
  const sep = kinds[0] as string;
  if (sep === ' ' || seps.length > 1) return grouped(runs) ? { ok: true, value: join(runs) } : fail('malformed');
  const [int = '', frac = ''] = runs;
  if (frac.length !== 3 || int.length > 3) return { ok: true, value: join([int], frac) };
  // `2,400`: two readings by shape alone.
  if (count) return { ok: true, value: join(runs) };
  const decimal = decimalSeparatorOf(region);
  if (decimal === undefined) return fail('ambiguous');
  return { ok: true, value: sep === decimal ? join([int], frac) : join(runs) };
}

interface Parts {
  negative: boolean;
  body: string;
  suffix?: string;
  unit?: string;
}

/** Splits `-Rp1,2jt`, `1M₫`, `12,50 €`, `USD 2,400` into sign, number, compact suffix and currency or `%`. */
function partsOf(text: string): Parts | undefined {
  const s = text.replace(SPACES, ' ').trim();
  const m = /^(-)?\s?([^\d\s.,-]*)\s?(-)?(\d[\d., ]*?)\s?(?:(k|rb|jt|m|b)(?!\p{L}))?\s?([^\d\s.,]*)$/iu.exec(s);
  if (!m) return undefined;
  const [, sign1, before, sign2, body, suffix, after] = m;
  if ((before && after) || (sign1 && sign2)) return undefined;
  const unit = before || after || undefined;
  // Currency glyphs and codes are short (`$`, `Rp`, `US$`, `USD`, `zł`): longer letters are words, not a unit.
  if (unit && unit.length > 3) return undefined;
  return { negative: Boolean(sign1 ?? sign2), body: (body as string).trim(), ...(suffix && { suffix: suffix.toLowerCase() }), ...(unit && { unit }) };
}

function decimalOf(p: Parts, region: string | undefined, count: boolean): DisplayRead<string> {
  const plain = plainDecimal(p.body, region, count && !p.suffix);
  if (!plain.ok) return plain;
  const value = shift(plain.value, p.suffix ? (SUFFIX_PLACES[p.suffix] ?? 0) : 0);
  return { ok: true, value: p.negative ? `-${value}` : value };
}

/** A whole, non-negative count (`"4726"`, `"4,726"`, `"4.726"`, `"12.5K"`, `"1,2jt"`), or a JSON number that is one. */
export function readCount(v: string | number, region?: string): DisplayRead<number> {
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? { ok: true, value: v } : fail('malformed');
  if (isBlank(v)) return fail('blank');
  const p = partsOf(v);
  if (!p || p.unit || p.negative) return fail('malformed');
  const d = decimalOf(p, region, true);
  if (!d.ok) return d;
  // A compact figure may carry decimals below its unit (`12.55K`): a count is whole.
  if (!/^\d{1,15}$/.test(d.value)) return fail('malformed');
  return { ok: true, value: Number(d.value) };
}

/**
 * An amount with the currency the shop sells in (`"Rp130.973.930"`, `"$2,400"`, `"1.234.000₫"`, `"RM 12.50"`,
 * `"USD 2,400"`), as Money. A bare number is in the region's currency.
 */
export function readMoney(v: string, region?: string): DisplayRead<Money> {
  if (isBlank(v)) return fail('blank');
  const p = partsOf(v);
  if (!p || p.unit === '%') return fail('malformed');
  const local = region ? currencyOfRegion(region) : undefined;
  const currency = currencyOf(p.unit, region);
  // An unknown glyph, a glyph several currencies share outside their region, or one the shop does not sell in.
  if (!currency || (local && currency !== local)) return fail('ambiguous');
  const d = decimalOf(p, region, false);
  if (!d.ok) return d;
  const m = money(d.value, currency);
  return m ? { ok: true, value: m } : fail('malformed');
}

/** A percentage (`"100.00%"`, `"91%"`, `"91,5%"`) in basis points, 0–100%. */
export function readPercent(v: string, region?: string): DisplayRead<number> {
  if (isBlank(v)) return fail('blank');
  const p = partsOf(v);
  if (!p || p.unit !== '%' || p.suffix || p.negative) return fail('malformed');
  const d = decimalOf(p, region, false);
  if (!d.ok) return d;
  return bpsOf(d.value, 2);
}

/** `value` × 10^places rounded to a whole number of basis points, within 0–10,000. */
function bpsOf(decimal: string, places: number): DisplayRead<number> {
  const bps = Math.round(Number(shift(decimal, places)));
  return Number.isFinite(bps) && bps >= 0 && bps <= 10_000 ? { ok: true, value: bps } : fail('malformed');
}

/** A share as a fraction (`"0.68"`, `0.68`) or a percentage (`"68%"`), in basis points. */
export function readShare(v: string | number, region?: string): DisplayRead<number> {
  if (typeof v === 'number') return Number.isFinite(v) ? bpsOf(String(v), 4) : fail('malformed');
  if (isBlank(v)) return fail('blank');
  if (v.trim().endsWith('%')) return readPercent(v, region);
  const p = partsOf(v);
  if (!p || p.unit || p.suffix || p.negative) return fail('malformed');
  const d = decimalOf(p, region, false);
  if (!d.ok) return d;
  return bpsOf(d.value, 4);
}

/** A machine decimal such as TikTok's scores (`"0.3000"`, `"1.25"`): never localised, so only `.` is a decimal point. */
export function readScore(v: string | number): DisplayRead<number> {
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: v } : fail('malformed');
  if (isBlank(v)) return fail('blank');
  const s = v.trim();
  return /^-?\d{1,9}(\.\d{1,9})?$/.test(s) ? { ok: true, value: Number(s) } : fail('malformed');
}
