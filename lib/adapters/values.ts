import { z } from 'zod';
import type { Rejection } from './types';
import { money } from '../domain/money';
import { safeKey } from '../shapes/shape';

/**
 * Value schemas for Affiliate Center's internal JSON: ids are 64-bit and sent as strings, numbers often arrive as strings,
 * times are epoch milliseconds (often strings), rates are basis points.
 */

/** A 64-bit id. Numbers are accepted only when they are exact (a JSON number loses digits past 2^53). */
export const id = z.union([
  z.string().regex(/^\d{1,24}$/),
  z.number().int().nonnegative().refine(Number.isSafeInteger).transform(String),
]);

/** An integer sent as a number or a numeric string. */
export const int = z.union([z.number().int(), z.string().regex(/^-?\d{1,16}$/).transform(Number)]);

export const nonNegativeInt = int.pipe(z.number().int().nonnegative());

/** Epoch milliseconds (13 digits), as a number or a string. */
export const epochMs = int.pipe(z.number().int().min(1e12).max(1e13));

/** Basis points, 0–10,000 (0–100%). */
export const bps = int.pipe(z.number().int().min(0).max(10_000));

/** A display text: any characters (it is only ever rendered as text), bounded in length. */
export const text = (max: number) => z.string().max(max);

/** `"60.85%"` → 6085 bps; `""` (not authorised) → undefined. */
export const percentBps = z.union([
  z.literal('').transform(() => undefined),
  z
    .string()
    .regex(/^\d{1,3}(\.\d{1,4})?%$/)
    .transform((s) => Math.round(Number.parseFloat(s) * 100))
    .pipe(z.number().int().min(0).max(10_000)),
]);

/** A TikTok handle, with or without `@`, normalised to lower case. */
export const handle = z
  .string()
  .transform((s) => s.trim().replace(/^@/, '').toLowerCase())
  .pipe(z.string().regex(/^[a-z0-9._]{1,64}$/));

const NO_VALUES: ReadonlySet<string> = new Set();

/**
 * Turn a zod error into diagnostics: the path (indices folded, a key that is no field name, such as a record's key,
 * folded to `{key}`) and the issue code, never the value.
 */
export function rejectionsOf(prefix: string, error: z.ZodError): Rejection[] {
  return error.issues.map((issue) => ({
    path: [...(prefix ? [prefix] : []), ...issue.path.map((p) => (typeof p === 'number' ? '[]' : safeKey(String(p), NO_VALUES, false)))]
      .join('.')
      .replace(/\.\[\]/g, '[]'),
    code: issue.code,
  }));
}

/** A field as the newer internal APIs wrap it (`{ value: x }`, other keys such as `is_authorized` ignored), or bare. */
export const wrapped = <T extends z.ZodType>(inner: T) =>
  z.union([inner, z.object({ value: inner }).transform((o) => (o as { value: z.output<T> }).value)]);

const decimalAmount = z.union([z.string().trim().regex(/^-?\d{1,15}(\.\d{1,6})?$/), z.number().finite().transform(String)]);
const currencyCode = z.string().regex(/^[A-Z]{3}$/);

/**
 * A money object to `Money` (minor units): `{value: "1.20", symbol: "EUR"}`, `{amount: "1.20", currency: "EUR"}` (or
 * `currency_code`), or with the amount wrapped once more (`{value: {value: "1.20"}, symbol: "EUR"}`). The currency must
 * be an ISO code: a bare `$` does not say which dollar.
 */
export const moneyObject = z
  .object({
    value: z.union([decimalAmount, z.object({ value: decimalAmount })]).nullish(),
    amount: decimalAmount.nullish(),
    currency: currencyCode.nullish(),
    currency_code: currencyCode.nullish(),
    symbol: z.string().max(8).nullish(),
  })
  .transform((o, ctx) => {
    const amount = o.amount ?? (typeof o.value === 'object' && o.value !== null ? o.value.value : o.value) ?? undefined;
    const currency = o.currency ?? o.currency_code ?? (o.symbol && /^[A-Z]{3}$/.test(o.symbol) ? o.symbol : undefined);
    if (amount === undefined || currency === undefined) {
      ctx.addIssue({ code: 'custom', message: 'no amount or no currency', path: [amount === undefined ? 'amount' : 'currency'] });
      return z.NEVER;
    }
    const m = money(amount, currency);
    if (!m) {
      ctx.addIssue({ code: 'custom', message: 'amount out of range', path: ['amount'] });
      return z.NEVER;
    }
    return m;
  });

/** Epoch milliseconds, or "none" as the internal APIs spell it (`"0"`, `0`, `""`) → undefined. */
export const epochMsOrNone = z.union([z.union([z.literal('0'), z.literal(0), z.literal('')]).transform(() => undefined), epochMs]);

/** A 64-bit id, or a blank one (`""`) as some bodies and responses send for "not set" → undefined. */
export const idOrBlank = z.union([z.literal('').transform(() => undefined), id]);

/** A yes/no flag sent as a boolean, 0/1, or "true"/"false". */
export const flag = z.union([
  z.boolean(),
  z.union([z.literal(0), z.literal('0'), z.literal('false')]).transform(() => false),
  z.union([z.literal(1), z.literal('1'), z.literal('true')]).transform(() => true),
]);

/** The open-API price range (`{currency, minimum_amount, maximum_amount}`): the minimum as Money. */
const priceRange = z
  .object({ currency: currencyCode, minimum_amount: decimalAmount, maximum_amount: decimalAmount.nullish() })
  .transform((o, ctx) => {
    const m = money(o.minimum_amount, o.currency);
    if (!m) {
      ctx.addIssue({ code: 'custom', message: 'amount out of range', path: ['minimum_amount'] });
      return z.NEVER;
    }
    return m;
  });

/** A price shown only as display text (`{min_price: {format_price: "$12.99"}}`, `{format_price}`): seen, but not a Money. */
const displayOnlyPrice = z.union([z.object({ format_price: z.string().max(64) }), z.object({ min_price: z.object({ format_price: z.string().max(64) }) })]);

/**
 * A product price as the collaboration pages send it, to Money where it can be: a money object (`moneyObject`), the
 * open-API range (`{currency, minimum_amount, maximum_amount}`, its minimum), either one under `min_price`. A price
 * given only as display text or as a bare decimal (no currency) is accepted as not machine-readable (undefined);
 * anything else is a changed shape.
 */
export const priceValue = z.union([
  priceRange,
  moneyObject,
  z.object({ min_price: z.union([priceRange, moneyObject]) }).transform((o) => o.min_price),
  displayOnlyPrice.transform(() => undefined),
  decimalAmount.transform(() => undefined),
]);

/**
 * A product's category as pages send it: `category{id, name}` (partner-campaign products), `category_chains[]` (open API
 * product search: every level, the first-level one without a parent), or `category_id`/`category_name`. Only the first
 * level is kept: commission benchmarks compare products within top-level categories, as Affiliate Center's filters do.
 */
export const productCategory = {
  category: z.object({ id, name: text(200).nullish() }).nullish(),
  category_chains: z
    .array(z.object({ id, parent_id: idOrBlank.nullish(), local_name: text(200).nullish() }))
    .max(10)
    .nullish(),
  category_id: id.nullish(),
  category_name: text(200).nullish(),
};

type CategoryJson = { [K in keyof typeof productCategory]?: z.output<(typeof productCategory)[K]> };

export function categoryOf(p: CategoryJson): { categoryId?: string; categoryName?: string } {
  const chain = p.category_chains ?? [];
  const top = chain.find((c) => !c.parent_id || c.parent_id === '0') ?? chain[0];
  const categoryId = top?.id ?? p.category?.id ?? p.category_id ?? undefined;
  const categoryName = top?.local_name ?? p.category?.name ?? p.category_name ?? undefined;
  return { ...(categoryId !== undefined && { categoryId }), ...(categoryId !== undefined && categoryName && { categoryName }) };
}
