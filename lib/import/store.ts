import type { OrderFact, OrderSkuFact } from '../adapters/orders';
import type { AppDB } from '../db/app-db';
import type { Creator, CreatorPerformance, ImportRecord, OrderSku } from '../domain/types';
import type { Sighting } from '../ingest/merge';
import { ordersSink, orderSkusSink } from '../ingest/sinks/orders';
import { sinkContext, type Sink } from '../ingest/sinks/sink';
import { Stage } from '../ingest/stage';
import { isHandle } from './creators';
import type { CreatorRow, ImportRequest, ImportResponse, OrderRow } from './message';

/**
 * The background's half of an import: every row of one validated, staged import in one Dexie transaction, or nothing.
 * The staged chunks are read first (the stage is another database), then written chunk by chunk. The same data imported before
 * (same identity) changes nothing. The transaction checks `cancelled()` between chunks and
 * aborts when it says so, so a cancel while saving leaves the model as it was.
 *
 * The creators an import names join the identities captured pages built: the page matched each name (handle, platform
 * id, nickname); a username no known creator has becomes a known creator, marked as known from this import. A known
 * creator keeps everything pages said of them (an import only adds a platform id it names), and `lastSeenAt` stays a
 * page's sighting: an export says what a creator did in its period, not that Collab Lens saw them now.
 */

class ImportCancelled extends Error {
  override name = 'ImportCancelled';
}

export interface StoreControl {
  now: number;
  cancelled(): boolean;
  /** Called once the last write is queued and no cancel can stop the commit any more. */
  committing?(): void;
}

const CHUNK = 2_000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** An import's rows, read one chunk at a time. */
export interface RowChunks<R> {
  count: number;
  read(seq: number): Promise<R[]>;
}

/** A commit with its rows: what `ImportRequest` says of the import, and its staged chunks. */
export type StoreRequest = Omit<ImportRequest, 'kind' | 'stage' | 'chunks'> &
  ({ kind: 'creator-analysis'; chunks: RowChunks<CreatorRow> } | { kind: 'orders'; chunks: RowChunks<OrderRow> });

export const performanceKey = (shopKey: string, handle: string, period: { start: number; end: number }) =>
  `${shopKey}|${handle}|${period.start}|${period.end}`;

function performanceOf(req: StoreRequest, row: CreatorRow): CreatorPerformance {
  const { handle, matchedBy, name, ambiguous: _ambiguous, creatorId: _creatorId, ...figures } = row;
  return {
    key: performanceKey(req.shopKey, handle, req.period),
    shopKey: req.shopKey,
    handle,
    period: req.period,
    ...figures,
    importId: req.id,
    ...(name === undefined ? {} : { name }),
    ...(matchedBy === undefined ? {} : { matchedBy }),
  };
}

type RateForms = NonNullable<ImportRequest['rateForms']>;

/** How the file wrote the rates this row has, in the orders surface's terms. */
function rateFormsOf(row: OrderRow, forms: RateForms | undefined): OrderSku['rateForms'] {
  const pick = (bps: number | undefined, field: string) => (bps === undefined ? undefined : forms?.[field]);
  const out = {
    commission: pick(row.commissionBps, 'commissionRate'),
    ads: pick(row.adsCommissionBps, 'adsCommissionRate'),
    partner: pick(row.partnerCommissionBps, 'partnerCommissionRate'),
  };
  const given = Object.entries(out).filter(([, v]) => v !== undefined);
  return given.length ? (Object.fromEntries(given) as OrderSku['rateForms']) : undefined;
}

/** The orders surface's facts for an imported row; a missing refund column keeps what is stored. */
function skuFactOf(row: OrderRow, stored: 0 | 1 | undefined, forms: RateForms | undefined): OrderSkuFact {
  const { refunded, statusRaw: _status, deliveredAt: _delivered, ...rest } = row;
  return {
    ...rest,
    rateForms: rateFormsOf(row, forms),
    refunded: refunded ?? stored ?? 0,
    settlementField: row.settlementRaw ? 'export' : undefined,
    refundedField: refunded === undefined ? undefined : 'export',
  };
}

/** Adds the orders of these rows to `byOrder`: the rows of one order may come in several chunks. */
function addOrderFacts(byOrder: Map<string, OrderFact>, rows: readonly OrderRow[]): void {
  for (const r of rows) {
    const o = byOrder.get(r.orderId);
    if (o) {
      o.skuRows += 1;
      o.createdAt = Math.min(o.createdAt, r.createdAt);
      o.statusRaw ??= r.statusRaw;
      o.deliveredAt ??= r.deliveredAt;
    } else byOrder.set(r.orderId, { orderId: r.orderId, createdAt: r.createdAt, skuRows: 1, statusRaw: r.statusRaw, deliveredAt: r.deliveredAt });
  }
}

/** A creator the import names: by the handle its row joined, with the platform id the file gave. */
interface NamedCreator {
  handle: string;
  alias?: string;
}

/** The creators a creator analysis names that may be known: matched ones, and usernames no known creator has. */
function namedInCreatorAnalysis(rows: readonly CreatorRow[]): NamedCreator[] {
  return rows
    .filter((r) => r.matchedBy !== undefined || (!r.ambiguous && isHandle(r.handle)))
    .map((r) => ({ handle: r.handle, alias: r.creatorId === undefined ? undefined : `cid:${r.creatorId}` }));
}

/**
 * Make the named creators known: a new one is a `creators` row seen at the import's time and marked with it; a known
 * one only gains the platform id the file gave, if new. Nothing else of a known creator changes.
 */
async function joinCreators(db: AppDB, named: readonly NamedCreator[], importId: string, now: number, check: () => void): Promise<void> {
  for (const part of chunks(named)) {
    const stored = await db.creators.bulkGet(part.map((n) => n.handle));
    const writes: Creator[] = [];
    part.forEach((n, i) => {
      const prev = stored[i];
      if (!prev) writes.push({ handle: n.handle, aliases: n.alias ? [n.alias] : [], importedFrom: importId, firstSeenAt: now, lastSeenAt: now });
      else if (n.alias && !prev.aliases.includes(n.alias)) writes.push({ ...prev, aliases: [...prev.aliases, n.alias].sort() });
    });
    if (writes.length) await db.creators.bulkPut(writes);
    check();
  }
}

async function readChunks<R>(staged: RowChunks<R>): Promise<R[][]> {
  const out: R[][] = [];
  for (let seq = 0; seq < staged.count; seq++) out.push(await staged.read(seq));
  return out;
}

export async function storeImport(db: AppDB, req: StoreRequest, control: StoreControl): Promise<ImportResponse> {
  const record: ImportRecord = {
    id: req.id,
    kind: req.kind,
    fileName: req.fileName,
    shopKey: req.shopKey,
    period: req.period,
    rows: req.rowCount,
    ...(req.skippedRows ? { skippedRows: req.skippedRows } : {}),
    ...(req.rateForms && { rateForms: req.rateForms }),
    importedAt: control.now,
  };
  const check = () => {
    if (control.cancelled()) throw new ImportCancelled();
  };
  // The stage is another database: its chunks are read before the transaction opens, as a transaction of this one
  // cannot wait on it (Dexie.waitFor there ended in PrematureCommitError on the orders path in Chromium).
  const creatorChunks = req.kind === 'creator-analysis' ? await readChunks(req.chunks) : [];
  const orderChunks = req.kind === 'orders' ? await readChunks(req.chunks) : [];
  try {
    return await db.transaction('rw', [db.imports, db.creatorPerformance, db.creators, db.orders, db.orderSkus, db.snapshots, db.transitions], async () => {
      const earlier = await db.imports.get(req.id);
      if (earlier) return { ok: true, status: 'already', record: earlier } as const;
      check();
      if (req.kind === 'creator-analysis') {
        for (const rows of creatorChunks) {
          for (const part of chunks(rows)) {
            await db.creatorPerformance.bulkPut(part.map((row) => performanceOf(req, row)));
            check();
          }
          await joinCreators(db, namedInCreatorAnalysis(rows), req.id, control.now, check);
        }
      } else {
        const sighting: Sighting = { seenAt: control.now, shopKey: req.shopKey, source: { endpoint: `import:${req.kind}`, page: `import:${req.id}` } };
        // Each chunk goes through a stage of its own, written before the next: memory stays bounded by a chunk.
        const apply = async <F>(sink: Sink<F>, facts: (stage: Stage) => Promise<F[]>) => {
          const stage = new Stage(db);
          // Orders carry no personal contact data: nothing is ever handed to `contact`.
          await sink.apply(sinkContext(stage, sighting, () => undefined), await facts(stage));
          await stage.flush();
          check();
        };
        const byOrder = new Map<string, OrderFact>();
        const handles = new Set<string>();
        for (const rows of orderChunks) {
          addOrderFacts(byOrder, rows);
          for (const r of rows) if (r.creatorHandle) handles.add(r.creatorHandle);
          for (const part of chunks(rows)) {
            await apply(orderSkusSink, async (stage) => {
              const needStored = part.some((r) => r.refunded === undefined);
              const stored = needStored ? await stage.tables.orderSkus.bulkGet(part.map((r) => `${r.orderId}|${r.skuId}`)) : [];
              return part.map((r, i) => skuFactOf(r, stored[i]?.refunded, req.rateForms));
            });
          }
        }
        for (const part of chunks([...byOrder.values()])) await apply(ordersSink, async () => part);
        await joinCreators(db, [...handles].map((handle) => ({ handle })), req.id, control.now, check);
      }
      await db.imports.put(record);
      check();
      control.committing?.();
      return { ok: true, status: 'imported', record } as const;
    });
  } catch (error) {
    if (error instanceof ImportCancelled) return { ok: false, status: 'cancelled' };
    throw error;
  }
}
