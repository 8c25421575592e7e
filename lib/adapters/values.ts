import { z } from 'zod';
import type { Rejection } from './types';

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

/** Turn a zod error into diagnostics: the path (indices folded) and the issue code, never the value. */
export function rejectionsOf(prefix: string, error: z.ZodError): Rejection[] {
  return error.issues.map((issue) => ({
    path: [...(prefix ? [prefix] : []), ...issue.path.map((p) => (typeof p === 'number' ? '[]' : String(p)))].join('.').replace(/\.\[\]/g, '[]'),
    code: issue.code,
  }));
}
