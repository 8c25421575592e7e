import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { AppDB } from '../lib/db/app-db';

/** A database of its own for each test: a fresh fake IndexedDB, so no state leaks between tests. */
export function freshDb(): AppDB {
  return new AppDB('collab-lens-test', { indexedDB: new IDBFactory(), IDBKeyRange });
}

/** Every row of every table, for "nothing changed" comparisons. */
export async function dump(db: AppDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

/** Rows with the "when last seen" times removed: what must not change when the same page is seen again. */
export const withoutSeenTimes = (rows: Record<string, unknown[]>) =>
  JSON.parse(JSON.stringify(rows, (k, v: unknown) => (k === 'lastSeenAt' || k === 'seenAt' ? undefined : v))) as unknown;
