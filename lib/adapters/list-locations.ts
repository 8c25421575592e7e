import { z } from 'zod';
import { int } from './values';

/**
 * Where the list of an answer whose shape nobody has published may be (research real-shapes.md §6): each plausible
 * name under `data` and at the top level beside `code` (as the orders endpoint sends `orders`). An adapter reads every
 * location it finds, so a list TikTok moves from one of them to another is still read; a list at none of them is
 * reported by the shape watch as unread, never taken for an empty page.
 */

const list = z.array(z.unknown()).nullish();

/** The keys `names` as nullable lists, to spread into an object schema. */
const listsNamed = <N extends string>(names: readonly N[]) => Object.fromEntries(names.map((n) => [n, list])) as Record<N, typeof list>;

/**
 * An envelope with the lists `names` under `data` and at the top level, and `fields` (paging, ids) at both places.
 * `code` is the application status: anything but 0 is an error envelope.
 */
export function listEnvelope<N extends string, F extends Record<string, z.ZodType>>(names: readonly N[], fields: F) {
  const at = { ...listsNamed(names), ...fields };
  return z.object({ code: int.optional(), data: z.object(at).nullish(), ...at });
}

/** Paging fields every list answer may carry; read (understood as paging), stored nowhere. */
export const paging = { total: z.unknown().optional(), total_num: z.unknown().optional(), has_more: z.unknown().optional() };

export interface FoundList {
  /** Where the list is (`data.campaign`, `campaign_list`…): rejections name their path from it (`data.campaign[].name`). */
  path: string;
  items: unknown[];
}

/** The lists `names` an envelope parsed by `listEnvelope` carries, under `data` first, then at the top level. */
export function listsIn<N extends string>(env: Partial<Record<N, unknown>> & { data?: Partial<Record<N, unknown>> | null }, names: readonly N[]): FoundList[] {
  const out: FoundList[] = [];
  for (const [prefix, holder] of [['data.', env.data], ['', env]] as const) {
    if (!holder) continue;
    for (const name of names) {
      const items = holder[name];
      if (Array.isArray(items)) out.push({ path: `${prefix}${name}`, items });
    }
  }
  return out;
}

/** `schema` mounted at every location of the list `names` (`data.n[]`, `n[]`), for `readsOf`. */
export function mountedAtLists(names: readonly string[], schema: z.ZodType, below = ''): Record<string, z.ZodType> {
  const suffix = below ? `.${below}` : '';
  return Object.fromEntries(names.flatMap((n) => [[`data.${n}[]${suffix}`, schema], [`${n}[]${suffix}`, schema]]));
}

/** An integer enum of the request body as a short code for `variantOf` (`query:1`), or undefined when it is not one. */
export function enumCode(body: unknown, key: string, label: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const v = (body as Record<string, unknown>)[key];
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 100 ? `${label}:${v}` : undefined;
}
