import type { OrderFact, OrderSkuFact } from '../adapters/orders';
import type { AppDB } from '../db/app-db';
import type { CreatorPerformance, ImportRecord } from '../domain/types';
import type { Sighting } from '../ingest/merge';
import { ordersSink, orderSkusSink } from '../ingest/sinks/orders';
import { sinkContext, type Sink } from '../ingest/sinks/sink';
import { Stage } from '../ingest/stage';
import type { CreatorRow, ImportRequest, ImportResponse, OrderRow } from './message';

/**
 * The background's half of an import: every row of one validated request in one Dexie transaction, or nothing. A
 * file already imported (same bytes, same id) changes nothing. The transaction checks `cancelled()` between chunks
 * and aborts when it says so, so a cancel while saving leaves the model as it was.
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

export const performanceKey = (shopKey: string, handle: string, period: { start: number; end: number }) =>
  `${shopKey}|${handle}|${period.start}|${period.end}`;

function performanceOf(req: ImportRequest, row: CreatorRow): CreatorPerformance {
  const { handle, matchedBy, name, ...figures } = row;
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

/** The orders surface's facts for an imported row; a missing refund column keeps what is stored. */
function skuFactOf(row: OrderRow, stored: 0 | 1 | undefined): OrderSkuFact {
  const { refunded, ...rest } = row;
  return { ...rest, refunded: refunded ?? stored ?? 0, settlementField: row.settlementRaw ? 'export' : undefined, refundedField: refunded === undefined ? undefined : 'export' };
}

function orderFactsOf(rows: readonly OrderRow[]): OrderFact[] {
  const byOrder = new Map<string, OrderFact>();
  for (const r of rows) {
    const o = byOrder.get(r.orderId);
    if (o) {
      o.skuRows += 1;
      o.createdAt = Math.min(o.createdAt, r.createdAt);
    } else byOrder.set(r.orderId, { orderId: r.orderId, createdAt: r.createdAt, skuRows: 1 });
  }
  return [...byOrder.values()];
}

export async function storeImport(db: AppDB, req: ImportRequest, control: StoreControl): Promise<ImportResponse> {
  const record: ImportRecord = {
    id: req.id,
    kind: req.kind,
    fileName: req.fileName,
    shopKey: req.shopKey,
    period: req.period,
    rows: req.rows.length,
    ...(req.skippedRows ? { skippedRows: req.skippedRows } : {}),
    importedAt: control.now,
  };
  const check = () => {
    if (control.cancelled()) throw new ImportCancelled();
  };
  try {
    return await db.transaction('rw', [db.imports, db.creatorPerformance, db.orders, db.orderSkus, db.snapshots, db.transitions], async () => {
      const earlier = await db.imports.get(req.id);
      if (earlier) return { ok: true, status: 'already', record: earlier } as const;
      check();
      if (req.kind === 'creator-analysis') {
        for (const part of chunks(req.rows)) {
          await db.creatorPerformance.bulkPut(part.map((row) => performanceOf(req, row)));
          check();
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
        const needStored = req.rows.some((r) => r.refunded === undefined);
        for (const part of chunks(req.rows)) {
          await apply(orderSkusSink, async (stage) => {
            const stored = needStored ? await stage.tables.orderSkus.bulkGet(part.map((r) => `${r.orderId}|${r.skuId}`)) : [];
            return part.map((r, i) => skuFactOf(r, stored[i]?.refunded));
          });
        }
        for (const part of chunks(orderFactsOf(req.rows))) await apply(ordersSink, async () => part);
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
