import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import type { AppDB } from '../db/app-db';
import { CREATOR_ROWS_VERSION, headlineKey, tallyOf } from './figures';
import { SORT_KEYS, SORT_MISSING, type CreatorMarks, type CreatorRow, type PeriodKey, type SortKey } from './model';
import { creatorTags, listCreators, readAllCreators, readCreators, segmentsOf, type CreatorFilter, type CreatorsQuery } from './queries';

const SHOP = 'US:7001';
const OTHER_SHOP = 'GB:7002';
const NOW = Date.UTC(2025, 5, 1);
const usd = (minor: number) => ({ minor, currency: 'USD' });

/** A deterministic pseudo-random sequence (mulberry32), so the seeded rows are the same on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A row as the background builds it: each figure, and its sort key (the figure, or SORT_MISSING when unknown). */
function row(shopKey: string, period: PeriodKey, handle: string, f: Partial<Record<SortKey, number>>, nickname?: string): CreatorRow {
  const sort = Object.fromEntries(SORT_KEYS.map((k) => [k, f[k] ?? SORT_MISSING])) as Record<SortKey, number>;
  return {
    shopKey,
    period,
    handle,
    ...(nickname === undefined ? {} : { nickname }),
    ...(f.gmv === undefined ? {} : { gmv: usd(f.gmv) }),
    ...(f.orders === undefined ? {} : { orders: f.orders }),
    ...(f.commission === undefined ? {} : { commission: usd(f.commission) }),
    ...(f.samplesSent === undefined ? {} : { samplesSent: f.samplesSent }),
    ...(f.lastSeen === undefined ? {} : { lastSeenAt: f.lastSeen }),
    tags: [],
    watch: 0,
    blocked: 0,
    sources: {},
    sort,
    updatedAt: NOW,
  };
}

/**
 * 300 creators of the shop for `d30`: figures drawn at random with many ties (GMV from 8 values, zero among them) and
 * many unknowns; nicknames on every third. The same handles for another period and another shop, with other figures.
 */
function seedRows(): CreatorRow[] {
  const next = random(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T;
  const maybe = (v: number) => (next() < 0.25 ? undefined : v);
  const rows: CreatorRow[] = [];
  for (let i = 0; i < 300; i++) {
    const handle = `creator.${String(i).padStart(3, '0')}`;
    rows.push(
      row(
        SHOP,
        'd30',
        handle,
        {
          gmv: maybe(pick([0, 0, 0, 1500, 2500, 99_00, 123_456, 7_000_000])),
          orders: maybe(pick([0, 1, 2, 3, 10])),
          commission: maybe(Math.floor(next() * 50_000)),
          samplesSent: maybe(pick([0, 1, 2])),
          lastSeen: maybe(NOW - Math.floor(next() * 90) * 86_400_000),
        },
        i % 3 === 0 ? `Maya Glow ${i}` : undefined,
      ),
    );
    rows.push(row(SHOP, 'd90', handle, { gmv: 1 }), row(OTHER_SHOP, 'd30', handle, { gmv: 2 }));
  }
  return rows;
}

const MARKS: CreatorMarks[] = [
  { handle: 'creator.001', tags: ['beauty', 'vip'], watch: 1, blocked: 0, updatedAt: NOW },
  { handle: 'creator.002', tags: ['beauty'], watch: 0, blocked: 1, note: 'never posted', updatedAt: NOW },
  { handle: 'creator.010', tags: [], watch: 1, blocked: 1, updatedAt: NOW },
  { handle: 'creator.150', tags: ['vip'], watch: 0, blocked: 0, updatedAt: NOW },
  { handle: 'someone.else', tags: ['beauty', 'home'], watch: 1, blocked: 1, updatedAt: NOW },
];

/** The view's order and filters, worked out over plain arrays: what the index queries must give. */
function expected(rows: readonly CreatorRow[], q: CreatorsQuery): string[] {
  const marks = new Map(MARKS.map((m) => [m.handle, m]));
  const f: CreatorFilter = q.filter;
  const text = f.text?.trim().toLowerCase().replace(/^@/, '');
  const kept = rows.filter((r) => {
    if (r.shopKey !== q.shopKey || r.period !== q.period) return false;
    const m = marks.get(r.handle);
    if (text && !r.handle.includes(text) && !r.nickname?.toLowerCase().includes(text)) return false;
    if (f.tag !== undefined && !m?.tags.includes(f.tag)) return false;
    if (f.watch && m?.watch !== 1) return false;
    if (f.blocked === 'only' && m?.blocked !== 1) return false;
    if (f.blocked === 'hide' && m?.blocked === 1) return false;
    if (f.zeroGmv && r.sort.gmv > 0) return false;
    if (f.min && r.sort[f.min.key] < f.min.value) return false;
    return true;
  });
  const known = kept.filter((r) => r.sort[q.sort] !== SORT_MISSING);
  const unknown = kept.filter((r) => r.sort[q.sort] === SORT_MISSING).sort((a, b) => a.handle.localeCompare(b.handle));
  const sign = q.dir === 'asc' ? 1 : -1;
  known.sort((a, b) => sign * (a.sort[q.sort] - b.sort[q.sort] || a.handle.localeCompare(b.handle)));
  return [...known, ...unknown].map((r) => r.handle);
}

let db: AppDB;
let rows: CreatorRow[];
beforeEach(async () => {
  db = freshDb();
  rows = seedRows();
  await db.creatorRows.bulkPut(rows);
  await db.creatorMarks.bulkPut(MARKS);
});

const query = (sort: SortKey, dir: 'asc' | 'desc', filter: CreatorFilter = {}): CreatorsQuery => ({ shopKey: SHOP, period: 'd30', sort, dir, filter });

/** Every handle of a query, read page by page as the view scrolls. */
async function pages(q: CreatorsQuery, size: number): Promise<{ kind: string; total: number; handles: string[] }> {
  const listing = await listCreators(db, q);
  const handles: string[] = [];
  for (let offset = 0; offset < listing.total; offset += size) {
    const page = await readCreators(db, q, listing, offset, size);
    expect(page.length).toBe(Math.min(size, listing.total - offset));
    handles.push(...page.map((r) => r.handle));
  }
  return { kind: listing.kind, total: listing.total, handles };
}

describe('paging through a sort index', () => {
  it.each(SORT_KEYS.flatMap((k) => [[k, 'desc'] as const, [k, 'asc'] as const]))('by %s %s: every creator of the shop and period once, unknown figures last', async (key, dir) => {
    const q = query(key, dir);
    const got = await pages(q, 37);
    expect(got.kind).toBe('index');
    expect(got.total).toBe(300);
    expect(got.handles).toEqual(expected(rows, q));
  });

  it('reads a page from the middle without reading the ones before it, across the known and unknown runs', async () => {
    const q = query('gmv', 'desc');
    const all = expected(rows, q);
    const listing = await listCreators(db, q);
    const knownCount = rows.filter((r) => r.shopKey === SHOP && r.period === 'd30' && r.sort.gmv !== SORT_MISSING).length;
    const page = await readCreators(db, q, listing, knownCount - 5, 10);
    expect(page.map((r) => r.handle)).toEqual(all.slice(knownCount - 5, knownCount + 5));
    expect(await readCreators(db, q, listing, 300, 10)).toEqual([]);
  });

  it('the largest GMV first by default order, with its row whole', async () => {
    const [top] = await readCreators(db, query('gmv', 'desc'), await listCreators(db, query('gmv', 'desc')), 0, 1);
    expect(top?.gmv).toEqual(usd(7_000_000));
    expect(top).toEqual(rows.find((r) => r.handle === top?.handle && r.period === 'd30' && r.shopKey === SHOP));
  });

  it('keeps another period and another shop apart', async () => {
    const d90: CreatorsQuery = { ...query('gmv', 'desc'), period: 'd90' };
    expect((await listCreators(db, d90)).total).toBe(300);
    expect((await pages(d90, 100)).handles.every((h) => h.startsWith('creator.'))).toBe(true);
    expect((await readCreators(db, d90, await listCreators(db, d90), 0, 300)).every((r) => r.period === 'd90' && r.shopKey === SHOP)).toBe(true);
    expect((await listCreators(db, { ...d90, shopKey: 'ID:9' })).total).toBe(0);
  });
});

describe('counts from the period\'s tally', () => {
  it('lists the same runs as counting the index, for every sort both ways, and pages the same', async () => {
    const counted = await Promise.all(SORT_KEYS.flatMap((k) => [query(k, 'desc'), query(k, 'asc')]).map((q) => listCreators(db, q)));
    const period = rows.filter((r) => r.shopKey === SHOP && r.period === 'd30');
    const tally = tallyOf(period);
    // The headline row as the background stores it (lib/creators/maintain.ts): only its tally is read here.
    await db.aggregates.put({ key: headlineKey(SHOP, 'd30'), shopKey: SHOP, kind: 'creatorHeadline', values: { version: CREATOR_ROWS_VERSION, headline: {}, tally }, updatedAt: 0 });
    const fromTally = await Promise.all(SORT_KEYS.flatMap((k) => [query(k, 'desc'), query(k, 'asc')]).map((q) => listCreators(db, q)));
    expect(fromTally).toEqual(counted);
    expect(tally.creators).toBe(300);
    // Not vacuous: the tally really is what the listing used.
    await db.aggregates.put({ key: headlineKey(SHOP, 'd30'), shopKey: SHOP, kind: 'creatorHeadline', values: { version: CREATOR_ROWS_VERSION, headline: {}, tally: { ...tally, creators: 301 } }, updatedAt: 0 });
    expect((await listCreators(db, query('gmv', 'desc'))).total).toBe(301);
    // A filter the tally cannot answer is still counted from the index.
    expect((await listCreators(db, query('gmv', 'desc', { min: { key: 'gmv', value: 1 } }))).total).toBeLessThan(300);
  });
});

describe('filters', () => {
  const cases: [string, SortKey, CreatorFilter, 'index' | 'list'][] = [
    ['a minimum of the sorted figure', 'gmv', { min: { key: 'gmv', value: 2500 } }, 'index'],
    ['no GMV while sorting by GMV', 'gmv', { zeroGmv: true }, 'index'],
    ['no GMV while sorting by orders', 'orders', { zeroGmv: true }, 'list'],
    ['a minimum of another figure', 'commission', { min: { key: 'orders', value: 2 } }, 'list'],
    ['a minimum of the last time seen', 'gmv', { min: { key: 'lastSeen', value: NOW - 30 * 86_400_000 } }, 'list'],
    ['a handle part', 'gmv', { text: '.00' }, 'list'],
    ['an @handle', 'orders', { text: '@creator.15' }, 'list'],
    ['a nickname part in another case', 'gmv', { text: 'maya GLOW 1' }, 'list'],
    ['a tag', 'gmv', { tag: 'beauty' }, 'list'],
    ['watched', 'lastSeen', { watch: true }, 'list'],
    ['blocked only', 'gmv', { blocked: 'only' }, 'list'],
    ['blocked hidden', 'gmv', { blocked: 'hide' }, 'list'],
    ['everything at once', 'commission', { text: 'creator', tag: 'vip', blocked: 'hide', zeroGmv: false, min: { key: 'commission', value: 0 } }, 'list'],
    ['no GMV and a minimum of orders', 'gmv', { zeroGmv: true, min: { key: 'orders', value: 1 } }, 'list'],
    ['a minimum above every value', 'gmv', { min: { key: 'gmv', value: 1e12 } }, 'index'],
  ];

  it.each(cases)('%s', async (_name, sort, filter, kind) => {
    for (const dir of ['desc', 'asc'] as const) {
      const q = query(sort, dir, filter);
      const got = await pages(q, 25);
      expect(got.kind).toBe(kind);
      expect(got.handles).toEqual(expected(rows, q));
    }
  });

  it('find what they should: the filters are not vacuous on these rows', async () => {
    const count = async (filter: CreatorFilter) => (await listCreators(db, query('gmv', 'desc', filter))).total;
    expect(await count({ tag: 'beauty' })).toBe(2);
    expect(await count({ watch: true })).toBe(2);
    expect(await count({ blocked: 'only' })).toBe(2);
    expect(await count({ blocked: 'hide' })).toBe(298);
    expect(await count({ text: 'maya glow 15' })).toBe(5); // 15, 150, 153, 156, 159
    const zero = await count({ zeroGmv: true });
    expect(zero).toBeGreaterThan(50);
    expect(zero).toBeLessThan(250);
  });

  it('a minimum leaves out the creators whose figure is unknown; no GMV keeps them', () => {
    expect(segmentsOf({ sort: 'gmv', dir: 'desc', filter: { min: { key: 'gmv', value: 0 } } })).toEqual([{ lower: 0, lowerOpen: false, upper: Infinity, reverse: true }]);
    expect(segmentsOf({ sort: 'gmv', dir: 'asc', filter: { zeroGmv: true } })).toEqual([
      { lower: SORT_MISSING, lowerOpen: true, upper: 0, reverse: false },
      { lower: SORT_MISSING, lowerOpen: false, upper: SORT_MISSING, reverse: false },
    ]);
    expect(segmentsOf({ sort: 'gmv', dir: 'asc', filter: { zeroGmv: true, min: { key: 'gmv', value: 5 } } })).toEqual([]);
  });
});

describe('readAllCreators', () => {
  it('gives every row of what the view shows, in its order', async () => {
    for (const q of [query('orders', 'asc'), query('gmv', 'desc', { blocked: 'hide', text: 'creator.1' })]) {
      const all = await readAllCreators(db, q, await listCreators(db, q));
      expect(all.map((r) => r.handle)).toEqual(expected(rows, q));
    }
  });
});

describe('creatorTags', () => {
  it('gives every tag once, in order', async () => {
    expect(await creatorTags(db)).toEqual(['beauty', 'home', 'vip']);
  });
});
