import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/db';
import { fillEveryTable } from '../../../test/fixtures/every-table';
import { AppDB, DB_NAME, V1, V2, V3 } from '../app-db';

describe('upgrade v3 → v4', () => {
  it('keeps every v3 row and adds an empty shape watch and shop-relative creator view', async () => {
    const indexedDB = new IDBFactory();
    const source = freshDb();
    await fillEveryTable(source);
    const v3 = new Dexie(DB_NAME, { indexedDB, IDBKeyRange });
    v3.version(1).stores(V1);
    v3.version(2).stores(V2);
    v3.version(3).stores(V3);
    await v3.open();
    const before: Record<string, unknown[]> = {};
    for (const t of v3.tables) before[t.name] = await source.table(t.name).toArray();
    await v3.transaction('rw', v3.tables, async () => {
      for (const t of v3.tables) await t.bulkAdd(before[t.name] as object[]);
    });
    source.close();
    v3.close();
    for (const [table, rows] of Object.entries(before)) expect(rows.length, table).toBeGreaterThan(0);

    const db = new AppDB(DB_NAME, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(4);
    for (const [table, rows] of Object.entries(before)) expect(await db.table(table).toArray(), table).toEqual(rows);
    expect(await db.shapes.count()).toBe(0);
    expect(await db.shopCreators.count()).toBe(0);
    await db.shapes.put({ key: 'orders.list', endpoint: 'orders.list', answers: 1, firstSeenAt: 1, lastSeenAt: 1, paths: {}, truncated: 0 });
    expect(await db.shapes.where('endpoint').equals('orders.list').primaryKeys()).toEqual(['orders.list']);
    db.close();
  });
});
