import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { AppDB, DB_NAME, V1 } from '../app-db';

const source = { endpoint: 'sample.group.list', page: 'https://affiliate-us.tiktok.com/product/sample-request?shop_region=US' };
const T = 1_763_700_000_000;

describe('upgrade v1 → v2', () => {
  it('keeps every v1 row and moves status history into transitions, in order, with where each came from', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie(DB_NAME, { indexedDB, IDBKeyRange });
    v1.version(1).stores(V1);
    await v1.table('shops').put({ key: 'US:1', region: 'US', sellerId: '1', host: 'affiliate-us.tiktok.com', firstSeenAt: T, lastSeenAt: T });
    await v1.table('creators').put({ handle: 'maya', aliases: ['cid:1'], firstSeenAt: T, lastSeenAt: T });
    await v1.table('sampleRequests').bulkPut([
      { applyId: '11', shopKey: 'US:1', creatorHandle: 'maya', productId: '5', status: 'SHIPPED', statusRaw: 'SHIPPED', statusSeenAt: T + 2, firstSeenAt: T, lastSeenAt: T + 2, source },
      { applyId: '12', shopKey: 'US:1', creatorHandle: 'maya', productId: '6', status: 'PENDING', statusRaw: 'PENDING', statusSeenAt: T, firstSeenAt: T, lastSeenAt: T, source },
    ]);
    await v1.table('statusHistory').bulkAdd([
      { applyId: '11', status: 'AWAITING_SHIPMENT', statusRaw: 'AWAITING_SHIPMENT', seenAt: T + 1, source },
      { applyId: '12', status: 'PENDING', statusRaw: 'PENDING', seenAt: T, source },
      { applyId: '11', status: 'PENDING', statusRaw: 'PENDING', seenAt: T, source },
      { applyId: '11', status: 'SHIPPED', statusRaw: 'SHIPPED', seenAt: T + 2, source },
    ]);
    await v1.table('observations').put({ id: 'o1', endpoint: 'sample.group.list', shopKey: 'US:1', page: source.page, recordKeys: ['11', '12'], firstSeenAt: T, lastSeenAt: T });
    await v1.table('endpointStats').put({ endpoint: 'sample.group.list', accepted: 2, rejected: 0, failures: {}, lastSeenAt: T });
    const before = Object.fromEntries(await Promise.all(['shops', 'creators', 'sampleRequests', 'observations', 'endpointStats'].map(async (t) => [t, await v1.table(t).toArray()] as const)));
    v1.close();

    const db = new AppDB(DB_NAME, { indexedDB, IDBKeyRange });
    await db.open();
    // Opened as the current schema: v1 goes through every upgrade since.
    expect(db.verno).toBeGreaterThanOrEqual(2);
    for (const [table, rows] of Object.entries(before)) expect(await db.table(table).toArray(), table).toEqual(rows);
    expect(db.tables.map((t) => t.name)).not.toContain('statusHistory');
    const transitions = await db.transitions.orderBy('id').toArray();
    expect(transitions.map(({ key, from, to, seenAt }) => [key, from, to, seenAt])).toEqual([
      ['11', undefined, 'PENDING', T],
      ['11', 'PENDING', 'AWAITING_SHIPMENT', T + 1],
      ['11', 'AWAITING_SHIPMENT', 'SHIPPED', T + 2],
      ['12', undefined, 'PENDING', T],
    ]);
    expect(transitions.every((t) => t.entity === 'sampleRequest' && t.source.endpoint === 'sample.group.list')).toBe(true);
    db.close();
  });

  it('opens an empty v1 database', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie(DB_NAME, { indexedDB, IDBKeyRange });
    v1.version(1).stores(V1);
    await v1.open();
    v1.close();
    const db = new AppDB(DB_NAME, { indexedDB, IDBKeyRange });
    expect(await db.transitions.count()).toBe(0);
    db.close();
  });
});
