import type { Capture } from '../../../lib/capture/schema';
import { AppDB } from '../../../lib/db/app-db';
import { ingestCaptures } from '../../../lib/ingest/ingest';
import * as creators from '../../fixtures/creators';
import * as orders from '../../fixtures/orders';

/**
 * Bundled into a bench page (a plain https page in Chromium, no extension): the extension's own ingest code on the
 * browser's real IndexedDB, against the same final rows written straight into IndexedDB in one transaction.
 */

const pad = (n: number, width = 6) => String(n).padStart(width, '0');
const id19 = (prefix: string, n: number) => `${prefix}${pad(n, 19 - prefix.length)}`;
const handleOf = (n: number) => `bench.creator.${pad(n, 5)}`;

function capture(url: string, pageUrl: string, body: unknown, json: unknown, seenAt: number, n: number): Capture {
  return { v: 1, id: `bench-${pad(n, 8)}`, url, method: 'POST', status: 200, requestBody: JSON.stringify(body), responseText: JSON.stringify(json), pageUrl, seenAt };
}

/** `rows` SKU rows in pages of 100 (50 orders of 2 SKUs), creators and products drawn from pools. */
function orderCaptures(rows: number, creatorsPool: number, start: number): Capture[] {
  const out: Capture[] = [];
  const perPage = 100;
  for (let p = 0; p * perPage < rows; p++) {
    const list = [];
    for (let o = 0; o < perPage / 2; o++) {
      const i = p * perPage + o * 2;
      const skus = [0, 1].map((k) =>
        orders.skuRow({
          sku_id: id19('17296', (i + k) % 5000),
          product_id: id19('17295', ((i + k) % 5000) >> 2),
          creator_username: handleOf((i + k) % creatorsPool),
          content_id: id19('7431', i + k),
          estimated_cos_fee: ((i % 997) / 10).toFixed(2),
          settlement_status: ['To-SETTLE', 'SETTLED', 'AWAITING PAYMENT', 'INELIGIBLE'][i % 4],
        }),
      );
      list.push(orders.order({ main_order_id: id19('577', i), create_time: String(orders.NOW - (i % 90) * orders.DAY) }, skus));
    }
    const json = { code: 0, message: 'success', data: { orders: list, total: rows, has_more: true } };
    out.push(capture(orders.API_URL, orders.PAGE_URL, orders.requestBody(), json, start + out.length, out.length));
  }
  return out;
}

/** `count` creators from the marketplace list, 20 per page. */
function creatorCaptures(count: number, start: number, offset: number): Capture[] {
  const out: Capture[] = [];
  for (let p = 0; p * 20 < count; p++) {
    const list = Array.from({ length: 20 }, (_, k) => {
      const n = p * 20 + k;
      const w = <T>(value: T) => ({ value, is_authorized: true });
      return creators.mayaListed({
        creator_oecuid: w(id19('74941', n)),
        handle: w(handleOf(n)),
        nickname: w(`Bench Creator ${n}`),
        follower_cnt: w(String(1000 + n * 7)),
        gmv: w({ value: (n * 3.5).toFixed(2), symbol: 'USD', format: '' }),
      });
    });
    out.push(
      capture(creators.apiUrl(creators.FIND_PATH), creators.PAGE_URL, creators.listBody(p + 1), creators.listPage(list), start + p, offset + p),
    );
  }
  return out;
}

/** A database with the same object stores as `like`; with its indexes too when `indexed`. */
function openRaw(name: string, like: AppDB, indexed: boolean): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      for (const t of like.tables) {
        const pk = t.schema.primKey;
        const store = req.result.createObjectStore(t.name, { keyPath: pk.keyPath ?? undefined, autoIncrement: pk.auto });
        if (!indexed) continue;
        for (const ix of t.schema.indexes) store.createIndex(ix.name, ix.keyPath ?? ix.name, { unique: ix.unique, multiEntry: ix.multi });
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Every row of `tables` put into a fresh database in one transaction: the time it takes. */
async function rawPut(name: string, like: AppDB, tables: Record<string, unknown[]>, indexed: boolean): Promise<number> {
  const raw = await openRaw(name, like, indexed);
  const names = Object.keys(tables).filter((n) => (tables[n]?.length ?? 0) > 0);
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = raw.transaction(names, 'readwrite');
    for (const n of names) {
      const store = tx.objectStore(n);
      for (const row of tables[n] ?? []) store.put(row);
    }
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    // An abort (the origin's storage quota reached) fires no error on the transaction: without this it would hang.
    tx.onabort = () => reject(tx.error ?? new Error(`the transaction on ${name} was aborted`));
  });
  const ms = performance.now() - t0;
  raw.close();
  await deleteDatabase(name);
  return ms;
}

/** Frees what a measured database took: three copies of the same rows can exceed an in-memory profile's quota. */
function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
  });
}

export interface IngestBenchResult {
  ingestMs: number;
  /** The same final rows put into the same stores and indexes, in one transaction. */
  rawMs: number;
  /** The same, into object stores without indexes. */
  bareMs: number;
  captures: number;
  rows: Record<string, number>;
}

async function run(orderRows: number, creatorCount: number): Promise<IngestBenchResult> {
  const t = Date.now();
  const captures = [...creatorCaptures(creatorCount, t, 0), ...orderCaptures(orderRows, creatorCount, t + 10_000)];
  const db = new AppDB(`bench-ingest-${t}`);
  await db.open();
  const t0 = performance.now();
  for (let i = 0; i < captures.length; i += 50) await ingestCaptures(db, captures.slice(i, i + 50));
  const ingestMs = performance.now() - t0;

  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  db.close();
  await deleteDatabase(db.name);
  // The same final rows into the same schema (the extension's indexes), and into bare object stores.
  const rawMs = await rawPut(`bench-raw-${t}`, db, tables, true);
  const bareMs = await rawPut(`bench-bare-${t}`, db, tables, false);
  return { ingestMs, rawMs, bareMs, captures: captures.length, rows: Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, v.length])) };
}

(globalThis as unknown as { benchIngest: typeof run }).benchIngest = run;
