import { Dexie } from 'dexie';
import type { AppDB } from '../db/app-db';
import { currencyOfRegion, regionOfShopKey } from '../domain/currency';
import type { Money } from '../domain/money';
import { lineGmv } from '../domain/order-line';
import { lineCommission } from '../domain/settlement';
import type {
  Creator,
  CreatorApplication,
  CreatorPerformance,
  ImportRecord,
  OrderSku,
  SampleContent,
  SampleRequest,
  ShopCreator,
  SourceRef,
} from '../domain/types';
import { costIndex, type CostIndex } from '../triage/costs';
import {
  SORT_KEYS,
  SORT_MISSING,
  type CapturedPeriod,
  type CreatorFiguresRow,
  type CreatorMarks,
  type CreatorRow,
  type FigureSource,
  type Headline,
  type PeriodInfo,
  type PeriodKey,
  type SortKey,
} from './model';
import {
  cashRoi,
  commissionOf,
  fullCostRoi,
  gmvOf,
  importedCommission,
  importedSampleCost,
  ordersOf,
  postingRateBps,
  refundsOf,
  samplePosted,
  sampleCostOf,
  sentSamples,
  zeroGmvShareBps,
} from './terms';

/**
 * The creators view's rows and headline (lib/creators/model.ts), computed from what Collab Lens holds about each
 * creator for one shop. Everything here but the loaders is pure; lib/creators/maintain.ts keeps the stored rows current.
 *
 * A creator belongs to a captured period when the shop worked with them in it (a sample request made, content posted,
 * an order line created, an invitation started or an application made in the period: `engaged`), or when the shop's
 * creator marketplace showed them in it (Find creators, creator detail: their last sighting falls in the period). A
 * creator belongs to an import period when the export has a row for them. Figures of a captured period count the
 * records whose time falls in it; figures the shop never captured a record of (no order line, no sample request at
 * all) are unknown, not zero.
 */

export const DAY_MS = 86_400_000;
export const CAPTURED_PERIODS: readonly CapturedPeriod[] = ['d30', 'd90', 'all'];
const WINDOW_DAYS: Readonly<Record<Exclude<CapturedPeriod, 'all'>, number>> = { d30: 30, d90: 90 };

/** The UTC day (days since the epoch) `ms` falls in: the rolling windows end with it. */
export const dayOf = (ms: number): number => Math.floor(ms / DAY_MS);

/** The captured periods for rows built on UTC day `day`: the last 30 and 90 days up to and including it, and everything. */
export function capturedPeriods(day: number): PeriodInfo[] {
  const end = (day + 1) * DAY_MS;
  return CAPTURED_PERIODS.map((key) => (key === 'all' ? { key, source: 'capture', end } : { key, source: 'capture', start: end - WINDOW_DAYS[key] * DAY_MS, end }));
}

export const importPeriodKey = (importId: string): PeriodKey => `import:${importId}`;

export function importPeriod(record: ImportRecord): PeriodInfo {
  return { key: importPeriodKey(record.id), source: 'import', start: record.period.start, end: record.period.end, fileName: record.fileName };
}

const within = (period: PeriodInfo, at: number) => period.key === 'all' || ((period.start === undefined || at >= period.start) && at < period.end);

// ── Inputs ──────────────────────────────────────────────────────────────────────────────────────────────────────────

/** What a shop's rows share: its currency, the seller's costs, and which kinds of records it ever captured. */
export interface ShopFacts {
  shopKey: string;
  /** The shop's currency (from its region); without one, money figures are unknown. */
  currency?: string;
  costs: CostIndex;
  /** The seller's flat cost per sample, when set. */
  flat?: Money;
  /** Whether any order line / sample request (or posted content) of the shop was ever stored. */
  coverage: { orders: boolean; samples: boolean };
}

/** An invitation of the shop the creator was invited in: when it started (or was first seen). */
export interface Invited {
  invitationId: string;
  at: number;
  seenAt: number;
}

/** Everything stored about one creator for one shop. */
export interface CreatorFacts {
  handle: string;
  creator?: Creator;
  marks?: CreatorMarks;
  shopCreator?: ShopCreator;
  /** The creator sells in the shop's region: its Find creators lists them. */
  inRegion: boolean;
  requests: SampleRequest[];
  contents: SampleContent[];
  lines: OrderSku[];
  invitations: Invited[];
  applications: CreatorApplication[];
  performance: CreatorPerformance[];
}

const emptyFacts = (handle: string): CreatorFacts => ({ handle, inRegion: false, requests: [], contents: [], lines: [], invitations: [], applications: [], performance: [] });

export const requestTime = (r: Pick<SampleRequest, 'appliedAt' | 'firstSeenAt'>) => r.appliedAt ?? r.firstSeenAt;
export const contentTime = (c: Pick<SampleContent, 'postedAt' | 'firstSeenAt'>) => c.postedAt ?? c.firstSeenAt;
const applicationTime = (a: CreatorApplication) => a.appliedAt ?? a.firstSeenAt;

// ── Rows ────────────────────────────────────────────────────────────────────────────────────────────────────────────

type Sources = CreatorRow['sources'];

/** The record seen last among `rows`, as a figure's source. */
function newest(period: PeriodInfo, rows: readonly { lastSeenAt: number; source: SourceRef }[]): FigureSource {
  let top: { lastSeenAt: number; source: SourceRef } | undefined;
  for (const r of rows) if (!top || r.lastSeenAt > top.lastSeenAt) top = r;
  return { source: period.source, period: period.key, ...(top && { seenAt: top.lastSeenAt, ref: top.source }) };
}

/** A figure computed from others: the newest of their sightings, without a page of its own. */
function derived(period: PeriodInfo, from: readonly (FigureSource | undefined)[]): FigureSource {
  const seen = from.flatMap((s) => (s?.seenAt === undefined ? [] : [s.seenAt]));
  return { source: period.source, period: period.key, ...(seen.length && { seenAt: Math.max(...seen) }) };
}

/** Sort keys of a row: each figure as a number, `SORT_MISSING` when unknown. */
export function sortKeysOf(row: CreatorFiguresRow & { lastSeenAt?: number }): Record<SortKey, number> {
  const values: Record<SortKey, number | undefined> = {
    gmv: row.gmv?.minor,
    orders: row.orders,
    commission: row.commission?.minor,
    samplesSent: row.samplesSent,
    contentPosted: row.contentPosted,
    postingRate: row.postingRateBps,
    fulfilment: row.fulfilmentBps,
    cashRoi: row.cashRoi,
    fullCostRoi: row.fullCostRoi,
    lastSeen: row.lastSeenAt,
  };
  return Object.fromEntries(SORT_KEYS.map((k) => [k, values[k] ?? SORT_MISSING])) as Record<SortKey, number>;
}

/** An object without its undefined fields (IndexedDB would store them; comparisons would see them). */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function latestSighting(f: CreatorFacts): number | undefined {
  if (f.creator) return f.creator.lastSeenAt;
  const times = [...f.requests, ...f.contents, ...f.lines, ...f.applications, ...(f.shopCreator ? [f.shopCreator] : [])].map((r) => r.lastSeenAt);
  return times.length ? Math.max(...times) : undefined;
}

function rowOf(shopKey: string, period: PeriodInfo, f: CreatorFacts, figures: CreatorFiguresRow, sources: Sources, engaged: boolean, now: number, nickname?: string): CreatorRow {
  const lastSeenAt = latestSighting(f);
  const row = compact({ ...figures, lastSeenAt });
  return compact({
    shopKey,
    period: period.key,
    handle: f.handle,
    nickname: f.creator?.nickname ?? nickname,
    lastSeenAt,
    engaged: engaged ? 1 : 0,
    ...figures,
    tags: f.marks?.tags ?? [],
    watch: f.marks?.watch ?? 0,
    blocked: f.marks?.blocked ?? 0,
    sources: compact(sources),
    sort: sortKeysOf(row),
    updatedAt: now,
  }) as CreatorRow;
}

/** Whether the line carries an amount in another currency than `currency` (or any amount, without a currency). */
function foreign(line: OrderSku, currency: string | undefined): boolean {
  const amounts = [lineGmv(line, 'estimated')?.amount, lineCommission(line)?.amount];
  return amounts.some((m) => m !== undefined && m.currency !== currency);
}

/** One creator's row for a captured period, or undefined when the creator does not belong to it. */
export function capturedRow(f: CreatorFacts, shop: ShopFacts, period: PeriodInfo, now: number): CreatorRow | undefined {
  const inPeriod = (at: number) => within(period, at);
  const requests = f.requests.filter((r) => inPeriod(requestTime(r)));
  const contents = f.contents.filter((c) => inPeriod(contentTime(c)));
  const lines = f.lines.filter((l) => inPeriod(l.createdAt));
  const engaged =
    requests.length > 0 ||
    contents.length > 0 ||
    lines.length > 0 ||
    f.invitations.some((i) => inPeriod(i.at)) ||
    f.applications.some((a) => inPeriod(applicationTime(a)));
  const shown = (f.shopCreator !== undefined && inPeriod(f.shopCreator.lastSeenAt)) || (f.inRegion && f.creator !== undefined && inPeriod(f.creator.lastSeenAt));
  if (!engaged && !shown) return undefined;

  const cur = shop.currency;
  const figures: CreatorFiguresRow = {};
  const sources: Sources = {};
  if (shop.coverage.orders) {
    const src = newest(period, lines);
    figures.orders = ordersOf(lines);
    figures.skuOrders = lines.length;
    sources.orders = src;
    sources.skuOrders = src;
    if (cur) {
      figures.gmv = gmvOf(lines, cur).amount;
      figures.commission = commissionOf(lines, cur).amount;
      figures.refunds = refundsOf(lines, cur).amount;
      sources.gmv = src;
      sources.commission = src;
      sources.refunds = src;
    }
    const other = lines.filter((l) => foreign(l, cur)).length;
    if (other) figures.otherCurrency = other;
  }
  if (shop.coverage.samples) {
    const sent = sentSamples(requests);
    const postedFor = new Set(f.contents.flatMap((c) => (c.applyId === undefined ? [] : [c.applyId])));
    figures.samplesSent = sent.length;
    figures.contentPosted = contents.length;
    sources.samplesSent = newest(period, sent);
    sources.contentPosted = newest(period, contents);
    const rate = postingRateBps(sent.filter((r) => samplePosted(r, postedFor)).length, sent.length);
    if (rate !== undefined) {
      figures.postingRateBps = rate;
      sources.postingRateBps = derived(period, [sources.samplesSent, sources.contentPosted]);
    }
    const cost = cur === undefined ? undefined : sampleCostOf(sent, shop.costs, shop.flat, cur);
    if (cost) {
      figures.sampleCost = cost;
      sources.sampleCost = derived(period, [sources.samplesSent]);
    }
  }
  const fulfilment = f.creator?.fulfillmentBps;
  if (fulfilment) {
    figures.fulfilmentBps = fulfilment.value;
    sources.fulfilmentBps = { source: period.source, period: period.key, seenAt: fulfilment.seenAt, ref: fulfilment.source };
  }
  withRois(figures, sources, period);
  return rowOf(shop.shopKey, period, f, figures, sources, engaged, now);
}

function withRois(figures: CreatorFiguresRow, sources: Sources, period: PeriodInfo): void {
  const cash = cashRoi(figures.gmv, figures.commission);
  if (cash !== undefined) {
    figures.cashRoi = cash;
    sources.cashRoi = derived(period, [sources.gmv, sources.commission]);
  }
  const full = fullCostRoi(figures.gmv, figures.commission, figures.sampleCost);
  if (full !== undefined) {
    figures.fullCostRoi = full;
    sources.fullCostRoi = derived(period, [sources.gmv, sources.commission, sources.sampleCost]);
  }
}

/** One creator's row for an import period, from the export's row: the export's own figures, never captured ones. */
export function importRow(p: CreatorPerformance, f: CreatorFacts, shop: ShopFacts, period: PeriodInfo, importedAt: number, now: number): CreatorRow {
  const cur = shop.currency;
  const src: FigureSource = { source: 'import', period: period.key, seenAt: importedAt };
  const figures: CreatorFiguresRow = {};
  const sources: Sources = {};
  let other = 0;
  const money = (key: 'gmv' | 'refunds', m: Money | undefined) => {
    if (!m) return;
    if (m.currency === cur) {
      figures[key] = m;
      sources[key] = src;
    } else other += 1;
  };
  const count = (key: 'orders' | 'samplesSent' | 'contentPosted', n: number | undefined) => {
    if (n === undefined) return;
    figures[key] = n;
    sources[key] = src;
  };
  money('gmv', p.gmv);
  money('refunds', p.refunds);
  const commission = cur === undefined ? undefined : importedCommission(p, cur);
  if (commission) {
    figures.commission = commission.amount;
    sources.commission = src;
  }
  other += [p.estCommission, p.estFlatFee].filter((m) => m !== undefined && m.currency !== cur).length;
  count('orders', p.orders);
  count('samplesSent', p.samplesShipped);
  count('contentPosted', p.sampleContent);
  const rate = p.sampleContent === undefined || p.samplesShipped === undefined ? undefined : postingRateBps(p.sampleContent, p.samplesShipped);
  if (rate !== undefined) {
    figures.postingRateBps = rate;
    sources.postingRateBps = src;
  }
  const cost = cur === undefined ? undefined : importedSampleCost(p.samplesShipped, shop.flat, cur);
  if (cost) {
    figures.sampleCost = cost;
    sources.sampleCost = src;
  }
  if (other) figures.otherCurrency = other;
  withRois(figures, sources, period);
  return rowOf(shop.shopKey, period, f, figures, sources, true, now, p.name);
}

/** The rows of `period` for the creators among `facts`, by handle. */
export function rowsOfPeriod(
  facts: ReadonlyMap<string, CreatorFacts>,
  shop: ShopFacts,
  period: PeriodInfo,
  imports: ReadonlyMap<string, ImportRecord>,
  now: number,
): Map<string, CreatorRow> {
  const out = new Map<string, CreatorRow>();
  if (period.source === 'capture') {
    for (const f of facts.values()) {
      const row = capturedRow(f, shop, period, now);
      if (row) out.set(f.handle, row);
    }
    return out;
  }
  const importId = period.key.slice('import:'.length);
  const record = imports.get(importId);
  if (!record) return out;
  for (const f of facts.values()) {
    const p = f.performance.find((x) => x.importId === importId);
    if (p) out.set(f.handle, importRow(p, f, shop, period, record.importedAt, now));
  }
  return out;
}

// ── Headline ────────────────────────────────────────────────────────────────────────────────────────────────────────

const SUMMED = ['gmv', 'commission', 'refunds', 'sampleCost', 'orders', 'skuOrders', 'samplesSent', 'contentPosted', 'otherCurrency'] as const;
type Summed = (typeof SUMMED)[number];

/**
 * What a period's headline adds up, kept beside it so a changed row moves it by its difference (no read of the
 * period's other rows). `sums` in minor units of the shop's currency for money; `rows` counts the rows where the
 * figure is known; `seen` holds each figure's newest sighting (a maximum, which a difference cannot lower: when the row
 * holding it goes, lib/creators/maintain.ts counts the period again).
 */
export interface Tally {
  creators: number;
  engaged: number;
  /** Engaged creators whose GMV is known, and those of them with none. */
  gmvKnown: number;
  zeroGmv: number;
  /** Rows with samples sent whose sample cost is not known. */
  sampleCostMissing: number;
  sums: Record<Summed, number>;
  rows: Record<Summed, number>;
  /**
   * Rows with a known value of each sort key (the rest sort last): the creators view's list counts come from here, as
   * counting a range of an IndexedDB index reads every entry in it.
   */
  known: Record<SortKey, number>;
  /** The newest sighting behind each summed figure: the derived ones (ROIs, shares) take theirs from these. */
  seen: Partial<Record<Summed, number>>;
}

const zeroes = () => Object.fromEntries(SUMMED.map((k) => [k, 0])) as Record<Summed, number>;
export const emptyTally = (): Tally => ({
  creators: 0,
  engaged: 0,
  gmvKnown: 0,
  zeroGmv: 0,
  sampleCostMissing: 0,
  sums: zeroes(),
  rows: zeroes(),
  known: Object.fromEntries(SORT_KEYS.map((k) => [k, 0])) as Record<SortKey, number>,
  seen: {},
});

const valueOf = (row: CreatorFiguresRow, key: Summed): number | undefined => {
  const v = row[key];
  return typeof v === 'object' ? v.minor : v;
};

/** Add (`sign` 1) or take away (`sign` -1) one row's part of a tally. */
export function addRow(t: Tally, row: CreatorRow, sign: 1 | -1): Tally {
  t.creators += sign;
  if (row.engaged === 1) {
    t.engaged += sign;
    if (row.gmv) {
      t.gmvKnown += sign;
      if (row.gmv.minor === 0) t.zeroGmv += sign;
    }
  }
  if (row.samplesSent && row.sampleCost === undefined) t.sampleCostMissing += sign;
  for (const k of SORT_KEYS) if (row.sort[k] !== SORT_MISSING) t.known[k] += sign;
  for (const k of SUMMED) {
    const v = valueOf(row, k);
    if (v === undefined) continue;
    t.sums[k] += sign * v;
    t.rows[k] += sign;
  }
  if (sign === 1) {
    for (const k of SUMMED) {
      const at = row.sources[k]?.seenAt;
      if (at !== undefined && at > (t.seen[k] ?? -Infinity)) t.seen[k] = at;
    }
  }
  return t;
}

export function tallyOf(rows: Iterable<CreatorRow>): Tally {
  const t = emptyTally();
  for (const r of rows) addRow(t, r, 1);
  return t;
}

/** The headline figures of a period from its tally, each with its source and, on hover, its term's formula. */
export function headlineOf(shopKey: string, period: PeriodInfo, t: Tally, currency: string | undefined): Headline {
  const src = (...keys: Summed[]): FigureSource => {
    const seen = keys.flatMap((k) => (t.seen[k] === undefined ? [] : [t.seen[k] as number]));
    return { source: period.source, period: period.key, ...(seen.length && { seenAt: Math.max(...seen) }) };
  };
  const money = (k: Summed): Money | undefined => (currency !== undefined && t.rows[k] > 0 ? { minor: t.sums[k], currency } : undefined);
  const count = (k: Summed): number | undefined => (t.rows[k] > 0 ? t.sums[k] : undefined);
  const gmv = money('gmv');
  const commission = money('commission');
  const refunds = money('refunds');
  const sampleCost = t.sampleCostMissing === 0 ? money('sampleCost') : undefined;
  const cash = cashRoi(gmv, commission);
  const full = fullCostRoi(gmv, commission, sampleCost);
  const zero = zeroGmvShareBps(t.zeroGmv, t.gmvKnown);
  const sources: Headline['sources'] = {};
  const figures = { gmv, commission, refunds, sampleCost };
  for (const [k, v] of Object.entries(figures)) if (v) sources[k as keyof typeof figures] = src(k as Summed);
  const counts = { orders: count('orders'), skuOrders: count('skuOrders'), samplesSent: count('samplesSent'), contentPosted: count('contentPosted') };
  for (const [k, v] of Object.entries(counts)) if (v !== undefined) sources[k as keyof typeof counts] = src(k as Summed);
  if (cash !== undefined) sources.cashRoi = src('gmv', 'commission');
  if (full !== undefined) sources.fullCostRoi = src('gmv', 'commission', 'sampleCost');
  if (zero !== undefined) sources.zeroGmvShare = src('gmv');
  return compact({
    shopKey,
    period: period.key,
    creators: t.creators,
    engaged: t.engaged,
    ...compact(figures),
    ...compact(counts),
    cashRoi: cash,
    fullCostRoi: full,
    needsSampleCost: full === undefined && t.sampleCostMissing > 0 ? (true as const) : undefined,
    zeroGmvShareBps: zero,
    otherCurrency: t.sums.otherCurrency || undefined,
    sources,
    periodInfo: period,
  });
}

// ── Stored form ─────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Where the background keeps the creators view's shop-level rows, in the `aggregates` table: one headline per shop and
 * period (`shopKey|creatorHeadline|period`: one get) and one state row per shop (`shopKey|creatorRows|-`: which
 * periods exist, and what the rows were built with).
 */
export const HEADLINE_KIND = 'creatorHeadline';
export const ROWS_META_KIND = 'creatorRows';
export const CREATOR_AGGREGATE_KINDS: ReadonlySet<string> = new Set([HEADLINE_KIND, ROWS_META_KIND]);
export const headlineKey = (shopKey: string, period: PeriodKey) => `${shopKey}|${HEADLINE_KIND}|${period}`;
export const rowsMetaKey = (shopKey: string) => `${shopKey}|${ROWS_META_KIND}|-`;

/** Bumped whenever the rows' shape or meaning changes: rows built by another version are rebuilt. */
export const CREATOR_ROWS_VERSION = 2;

export interface StoredHeadline {
  version: number;
  headline: Headline;
  tally: Tally;
  currency?: string;
}

export interface RowsMeta {
  version: number;
  /** The UTC day the rolling windows end with. */
  day: number;
  builtAt: number;
  currency?: string;
  flat?: Money;
  coverage: ShopFacts['coverage'];
  /** Every period of the shop: the captured ones, then one per imported creator analysis export, oldest first. */
  periods: PeriodInfo[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A stored headline of the current version, or undefined. */
export function storedHeadline(values: unknown): StoredHeadline | undefined {
  return isRecord(values) && values.version === CREATOR_ROWS_VERSION && isRecord(values.headline) && isRecord(values.tally) ? (values as unknown as StoredHeadline) : undefined;
}

/** The stored tally of a shop's period (one get); undefined until the background has built it. */
export async function readTally(db: AppDB, shopKey: string, period: PeriodKey): Promise<Tally | undefined> {
  return storedHeadline((await db.aggregates.get(headlineKey(shopKey, period)))?.values)?.tally;
}

export function storedMeta(values: unknown): RowsMeta | undefined {
  return isRecord(values) && values.version === CREATOR_ROWS_VERSION && Array.isArray(values.periods) ? (values as unknown as RowsMeta) : undefined;
}

/** The headline of a shop's period as stored (one get); undefined until the background has built it. */
export async function readHeadline(db: AppDB, shopKey: string, period: PeriodKey): Promise<Headline | undefined> {
  return storedHeadline((await db.aggregates.get(headlineKey(shopKey, period)))?.values)?.headline;
}

/** The periods the creators view offers for a shop (one get); undefined until the background has built its rows. */
export async function readPeriods(db: AppDB, shopKey: string): Promise<PeriodInfo[] | undefined> {
  return storedMeta((await db.aggregates.get(rowsMetaKey(shopKey)))?.values)?.periods;
}

// ── Loading ─────────────────────────────────────────────────────────────────────────────────────────────────────────

/** A shop's currency, costs, flat cost per sample and coverage. */
export async function shopFacts(db: AppDB, shopKey: string, flat: Money | undefined): Promise<ShopFacts> {
  const [costs, line, request, content] = await Promise.all([
    db.costs.where('shopKey').equals(shopKey).toArray(),
    db.orderSkus.where('[shopKey+createdAt]').between([shopKey, Dexie.minKey], [shopKey, Dexie.maxKey]).first(),
    db.sampleRequests.where('shopKey').equals(shopKey).first(),
    db.sampleContents.where('[shopKey+creatorHandle]').between([shopKey, Dexie.minKey], [shopKey, Dexie.maxKey]).first(),
  ]);
  const currency = currencyOfRegion(regionOfShopKey(shopKey));
  return {
    shopKey,
    ...(currency && { currency }),
    costs: costIndex(costs),
    ...(flat && { flat }),
    coverage: { orders: line !== undefined, samples: request !== undefined || content !== undefined },
  };
}

/** The shop's creator analysis imports, by id. */
export async function shopImports(db: AppDB, shopKey: string): Promise<Map<string, ImportRecord>> {
  const all = await db.imports.toArray();
  return new Map(all.filter((i) => i.shopKey === shopKey && i.kind === 'creator-analysis').map((i) => [i.id, i]));
}

/** Every period of a shop for rows built on `day`: captured ones, then its imports oldest first. */
export function periodsOf(day: number, imports: ReadonlyMap<string, ImportRecord>): PeriodInfo[] {
  const byTime = [...imports.values()].sort((a, b) => a.importedAt - b.importedAt || a.id.localeCompare(b.id));
  return [...capturedPeriods(day), ...byTime.map(importPeriod)];
}

/**
 * What Collab Lens holds for a shop about the creators among `handles` (every creator it knows for the shop when
 * `handles` is undefined), by handle. Handles with nothing stored for the shop get no entry.
 */
export async function loadFacts(db: AppDB, shopKey: string, handles?: readonly string[]): Promise<Map<string, CreatorFacts>> {
  const region = regionOfShopKey(shopKey).toUpperCase();
  const some = handles !== undefined;
  const pairs = some ? handles.map((h) => [shopKey, h]) : [];
  const ofShop = <T extends { shopKey: string }>(rows: T[]) => rows.filter((r) => r.shopKey === shopKey);
  const range = [
    [shopKey, Dexie.minKey],
    [shopKey, Dexie.maxKey],
  ] as const;
  const [requests, contents, lines, invited, applications, shopCreators, performance] = await Promise.all([
    some ? db.sampleRequests.where('[shopKey+creatorHandle]').anyOf(pairs).toArray() : db.sampleRequests.where('shopKey').equals(shopKey).toArray(),
    some ? db.sampleContents.where('[shopKey+creatorHandle]').anyOf(pairs).toArray() : db.sampleContents.where('[shopKey+creatorHandle]').between(...range).toArray(),
    some ? db.orderSkus.where('creatorHandle').anyOf(handles).toArray().then(ofShop) : db.orderSkus.where('[shopKey+createdAt]').between(...range).toArray(),
    some ? db.invitationCreators.where('handle').anyOf(handles).toArray().then(ofShop) : db.invitationCreators.where('shopKey').equals(shopKey).toArray(),
    some ? db.creatorApplications.where('creatorHandle').anyOf(handles).toArray().then(ofShop) : db.creatorApplications.where('shopKey').equals(shopKey).toArray(),
    some ? db.shopCreators.bulkGet(pairs as [string, string][]).then((rows) => rows.filter((r): r is ShopCreator => r !== undefined)) : db.shopCreators.where('shopKey').equals(shopKey).toArray(),
    some ? db.creatorPerformance.where('handle').anyOf(handles).toArray().then(ofShop) : db.creatorPerformance.where('shopKey').equals(shopKey).toArray(),
  ]);
  const invitations = await db.invitations.bulkGet([...new Set(invited.map((i) => i.invitationId))]);
  const invitationAt = new Map(invitations.flatMap((i) => (i ? [[i.id, i.startAt ?? i.firstSeenAt] as const] : [])));

  const facts = new Map<string, CreatorFacts>();
  const of = (handle: string) => {
    let f = facts.get(handle);
    if (!f) facts.set(handle, (f = emptyFacts(handle)));
    return f;
  };
  for (const r of requests) of(r.creatorHandle).requests.push(r);
  for (const c of contents) of(c.creatorHandle).contents.push(c);
  for (const l of lines) if (l.creatorHandle !== undefined) of(l.creatorHandle).lines.push(l);
  for (const i of invited) of(i.handle).invitations.push({ invitationId: i.invitationId, at: invitationAt.get(i.invitationId) ?? i.lastSeenAt, seenAt: i.lastSeenAt });
  for (const a of applications) of(a.creatorHandle).applications.push(a);
  for (const s of shopCreators) of(s.handle).shopCreator = s;
  for (const p of performance) of(p.handle).performance.push(p);

  const creators = some ? (await db.creators.bulkGet([...handles])).filter((c): c is Creator => c !== undefined) : await db.creators.toArray();
  for (const c of creators) {
    const inRegion = c.region !== undefined && c.region.toUpperCase() === region;
    if (!inRegion && !facts.has(c.handle)) continue;
    const f = of(c.handle);
    f.creator = c;
    f.inRegion = inRegion;
  }
  const marks = await db.creatorMarks.bulkGet([...facts.keys()]);
  for (const m of marks) if (m) of(m.handle).marks = m;
  return facts;
}
