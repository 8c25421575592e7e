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
