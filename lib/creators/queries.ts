import { Dexie, type Collection } from 'dexie';
import type { AppDB } from '../db/app-db';
import { readTally } from './figures';
import { SORT_MISSING, type CreatorRow, type PeriodKey, type SortKey } from './model';

/**
 * The creators view's reads: one shop's rows for one period, in the order of one sort index
 * (`[shopKey+period+sort.<key>]`), a page at a time. A view with no filter, or only filters the sort index itself
 * answers (a minimum of the sorted figure, no GMV when sorting by GMV), pages through that index with offset and limit
 * and never reads a row it does not show. Any other filter first collects the matching handles in order (index keys,
 * the seller's marks, and for a text search the rows' names), then reads the rows of a page by key.
 */

export type SortDir = 'asc' | 'desc';

export interface CreatorFilter {
  /** Part of the handle or nickname, in any case. */
  text?: string;
  /** One of the seller's tags. */
  tag?: string;
  /** Only the creators the seller watches. */
  watch?: boolean;
  /** Leave out the blocked creators, or show only them. */
  blocked?: 'hide' | 'only';
  /** Only creators with no GMV in the period: zero, or none known. */
  zeroGmv?: boolean;
  /** A figure at least this value, in its sort units (money in minor units, rates in bps, times in epoch ms). */
  min?: { key: SortKey; value: number };
}

export interface CreatorsQuery {
  shopKey: string;
  period: PeriodKey;
  sort: SortKey;
  dir: SortDir;
  filter: CreatorFilter;
}

/** A run of one sort index: values within `[lower, upper]` (`lowerOpen`: above `lower`), read in `reverse` or not. */
interface Segment {
  lower: number;
  lowerOpen: boolean;
  upper: number;
  reverse: boolean;
}

/** What a query matches: counted runs of the sort index to page through, or the matching handles in order. */
export type Listing = { kind: 'index'; total: number; runs: { segment: Segment; count: number }[] } | { kind: 'list'; total: number; handles: string[] };

export const sortIndex = (key: SortKey) => `[shopKey+period+sort.${key}]`;

/**
 * The runs of the sort index a query reads, in display order: the known values in the chosen direction, then the
 * unknown ones (by handle), which sort last both ways. A minimum of the sorted figure bounds the known values and
 * leaves the unknown out; no GMV, when sorting by GMV, keeps values up to zero and the unknown.
 */
export function segmentsOf(q: Pick<CreatorsQuery, 'sort' | 'dir' | 'filter'>): Segment[] {
  const reverse = q.dir === 'desc';
  const min = q.filter.min?.key === q.sort ? q.filter.min.value : undefined;
  const upper = q.filter.zeroGmv && q.sort === 'gmv' ? 0 : Infinity;
  const known: Segment = min === undefined ? { lower: SORT_MISSING, lowerOpen: true, upper, reverse } : { lower: min, lowerOpen: false, upper, reverse };
  const runs = known.lower < known.upper || (known.lower === known.upper && !known.lowerOpen) ? [known] : [];
  return min === undefined ? [...runs, { lower: SORT_MISSING, lowerOpen: false, upper: SORT_MISSING, reverse: false }] : runs;
}

function collection(db: AppDB, q: CreatorsQuery, s: Segment): Collection<CreatorRow, [string, string, string]> {
  const c = db.creatorRows.where(sortIndex(q.sort)).between([q.shopKey, q.period, s.lower], [q.shopKey, q.period, s.upper], !s.lowerOpen, true);
  return s.reverse ? c.reverse() : c;
}

/** Whether the sort index alone answers the filter (nothing else to check row by row). */
export function indexOnly(q: Pick<CreatorsQuery, 'sort' | 'filter'>): boolean {
  const f = q.filter;
  return !f.text?.trim() && f.tag === undefined && !f.watch && f.blocked === undefined && (!f.zeroGmv || q.sort === 'gmv') && (f.min === undefined || f.min.key === q.sort);
}

const handleOf = (key: unknown) => (key as [string, string, string])[2];

/** A test a handle must pass, from one filter. */
type Check = (handle: string) => boolean;

/** Rows read at a time by a text search: a bounded slice, so a search over 50,000 rows never holds them all. */
const SCAN_CHUNK = 2_000;

async function textMatches(db: AppDB, q: CreatorsQuery, text: string): Promise<Set<string>> {
  const needle = text.toLowerCase().replace(/^@/, '');
  const found = new Set<string>();
  let after: string | number = Dexie.minKey as number;
  for (;;) {
    const rows: CreatorRow[] = await db.creatorRows
      .where('[shopKey+period+handle]')
      .between([q.shopKey, q.period, after], [q.shopKey, q.period, Dexie.maxKey], false, true)
      .limit(SCAN_CHUNK)
      .toArray();
    for (const r of rows) if (r.handle.includes(needle) || r.nickname?.toLowerCase().includes(needle)) found.add(r.handle);
    const last = rows.at(-1);
    if (!last || rows.length < SCAN_CHUNK) return found;
    after = last.handle;
  }
}

/** The handles with a figure inside `[lower, upper]` of its index. */
async function inRange(db: AppDB, q: CreatorsQuery, key: SortKey, lower: number, upper: number): Promise<Set<string>> {
  const keys = await db.creatorRows.where(sortIndex(key)).between([q.shopKey, q.period, lower], [q.shopKey, q.period, upper], true, true).primaryKeys();
  return new Set(keys.map(handleOf));
}

async function checksOf(db: AppDB, q: CreatorsQuery): Promise<Check[]> {
  const f = q.filter;
  const checks: Check[] = [];
  const has = (set: ReadonlySet<string>): Check => (h) => set.has(h);
  if (f.zeroGmv && q.sort !== 'gmv') checks.push(has(await inRange(db, q, 'gmv', SORT_MISSING, 0)));
  if (f.min && f.min.key !== q.sort) checks.push(has(await inRange(db, q, f.min.key, f.min.value, Infinity)));
  if (f.tag !== undefined) checks.push(has(new Set((await db.creatorMarks.where('tags').equals(f.tag).primaryKeys()) as string[])));
  if (f.watch || f.blocked) {
    // The seller's marks are few (only the creators they marked): read whole.
    const marks = await db.creatorMarks.toArray();
    if (f.watch) checks.push(has(new Set(marks.filter((m) => m.watch === 1).map((m) => m.handle))));
    const blocked = new Set(marks.filter((m) => m.blocked === 1).map((m) => m.handle));
    if (f.blocked === 'only') checks.push(has(blocked));
    if (f.blocked === 'hide') checks.push((h) => !blocked.has(h));
  }
  const text = f.text?.trim();
  if (text) checks.push(has(await textMatches(db, q, text)));
  return checks;
}

/** What a query matches, counted: the runs of its sort index, or (with filters the index cannot answer) its handles in order. */
export async function listCreators(db: AppDB, q: CreatorsQuery): Promise<Listing> {
  const segments = segmentsOf(q);
  if (indexOnly(q) && q.filter.min === undefined && !q.filter.zeroGmv) {
    // The whole period, known values then unknown: counted by the period's tally (one get), not by the index.
    const tally = await readTally(db, q.shopKey, q.period);
    const [known, unknown] = segments;
    if (tally && known && unknown) {
      const count = tally.known[q.sort];
      return { kind: 'index', total: tally.creators, runs: [{ segment: known, count }, { segment: unknown, count: tally.creators - count }] };
    }
  }
  if (indexOnly(q)) {
    const runs = await Promise.all(segments.map(async (segment) => ({ segment, count: await collection(db, q, segment).count() })));
    return { kind: 'index', total: runs.reduce((n, r) => n + r.count, 0), runs };
  }
  const [checks, ordered] = await Promise.all([checksOf(db, q), Promise.all(segments.map((s) => collection(db, q, s).primaryKeys()))]);
  const handles = ordered.flat().map(handleOf).filter((h) => checks.every((check) => check(h)));
  return { kind: 'list', total: handles.length, handles };
}

/** The rows at positions `[offset, offset + limit)` of a listing. */
export async function readCreators(db: AppDB, q: CreatorsQuery, listing: Listing, offset: number, limit: number): Promise<CreatorRow[]> {
  if (listing.kind === 'list') {
    const rows = await db.creatorRows.bulkGet(listing.handles.slice(offset, offset + limit).map((h): [string, string, string] => [q.shopKey, q.period, h]));
    return rows.filter((r): r is CreatorRow => r !== undefined);
  }
  const out: CreatorRow[] = [];
  let skip = offset;
  for (const { segment, count } of listing.runs) {
    const want = limit - out.length;
    if (want <= 0) break;
    if (skip >= count) {
      skip -= count;
      continue;
    }
    out.push(...(await collection(db, q, segment).offset(skip).limit(want).toArray()));
    skip = 0;
  }
  return out;
}

/** Rows read at a time for an export of the whole listing. */
const EXPORT_CHUNK = 5_000;

/** Every row of a listing, in its order (an export of what the view shows). */
export async function readAllCreators(db: AppDB, q: CreatorsQuery, listing: Listing): Promise<CreatorRow[]> {
  const out: CreatorRow[] = [];
  for (let offset = 0; offset < listing.total; offset += EXPORT_CHUNK) out.push(...(await readCreators(db, q, listing, offset, EXPORT_CHUNK)));
  return out;
}

/** Every tag the seller has given any creator, in order. */
export async function creatorTags(db: AppDB): Promise<string[]> {
  return (await db.creatorMarks.orderBy('tags').uniqueKeys()) as string[];
}
