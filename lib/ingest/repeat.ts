/**
 * How finely a row remembers when it was last seen. A row seen again unchanged within this of its `lastSeenAt` is not
 * rewritten: paging through the orders list re-names the same creators, SKUs and products on every page, and rewriting
 * each of them for a newer `lastSeenAt` would double the writes of a browse without telling the seller anything. An
 * observed value seen again unchanged within it keeps the time and page it was first seen on. The cost: a capture that
 * arrives late (re-sent after a service worker restart) is taken as newer than a row whose seen time it repeats within
 * the resolution; it can only matter when a value changed and changed back within it.
 */
export const SEEN_RESOLUTION_MS = 10 * 60_000;

type Row = Record<string, unknown>;
const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null;

/** Structural equality of stored values (a missing property equals one set to `undefined`), ignoring key `skip`. */
export function same(a: unknown, b: unknown, skip?: string): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => same(v, b[i]));
  }
  if (!isRow(a) || !isRow(b)) return false;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if (k !== skip && !same(a[k], b[k])) return false;
  return true;
}

/** Whether a sighting at `now` comes soon enough after one at `was` to keep the earlier time for an unchanged value. */
export const withinResolution = (was: number, now: number): boolean => now >= was && now - was < SEEN_RESOLUTION_MS;

/** Whether `next` only repeats `prev`: equal, but for a `lastSeenAt` that moved forward less than the resolution. */
export function repeats(prev: unknown, next: unknown): boolean {
  if (!isRow(prev) || !isRow(next)) return false;
  const [was, now] = [prev.lastSeenAt, next.lastSeenAt];
  if (was !== now && !(typeof was === 'number' && typeof now === 'number' && withinResolution(was, now))) return false;
  return same(prev, next, 'lastSeenAt');
}
