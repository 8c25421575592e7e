import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/db';
import { fillEveryTable } from '../../../test/fixtures/every-table';
import { AppDB, DB_NAME, ingestTables, V1, V2 } from '../app-db';

/** A v2 database as 0.2 left it, with rows in every v2 table (the same rows the current fixture writes). */
async function v2WithEveryTable(indexedDB: IDBFactory): Promise<Record<string, unknown[]>> {
  const source = freshDb();
  await fillEveryTable(source);
  const v2 = new Dexie(DB_NAME, { indexedDB, IDBKeyRange });
  v2.version(1).stores(V1);
  v2.version(2).stores(V2);
  await v2.open();
  const rows: Record<string, unknown[]> = {};
  for (const t of v2.tables) rows[t.name] = await source.table(t.name).toArray();
  await v2.transaction('rw', v2.tables, async () => {
    for (const t of v2.tables) await t.bulkAdd(rows[t.name] as object[]);
  });
  source.close();
  v2.close();
  return rows;
}

describe('upgrade v2 → v3', () => {
  it('keeps every v2 row and adds empty findings, findingStates and costs', async () => {
    const indexedDB = new IDBFactory();
    const before = await v2WithEveryTable(indexedDB);
    expect(Object.keys(before).sort()).toEqual(
      Object.entries(V2)
        .filter(([, spec]) => spec !== null)
        .map(([name]) => name)
        .sort(),
    );
    for (const [table, rows] of Object.entries(before)) expect(rows.length, table).toBeGreaterThan(0);

    const db = new AppDB(DB_NAME, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);
    for (const [table, rows] of Object.entries(before)) expect(await db.table(table).toArray(), table).toEqual(rows);
    expect(await db.findings.count()).toBe(0);
    expect(await db.findingStates.count()).toBe(0);
    expect(await db.costs.count()).toBe(0);
    // The new indexes work on the upgraded database.
    await db.findings.put({ id: 'r|k', ruleId: 'r', subject: 'shop', subjectKey: 'k', shopKey: 'US:1', severity: 'low', params: {}, evidence: [], dueAt: 5, firstSeenAt: 1, evaluatedAt: 1 });
    expect(await db.findings.where('[shopKey+subject]').equals(['US:1', 'shop']).primaryKeys()).toEqual(['r|k']);
    expect(await db.findings.where('dueAt').below(10).primaryKeys()).toEqual(['r|k']);
    db.close();
  });

  it('an ingest transaction does not lock the seller’s and the engine’s tables', async () => {
    const db = freshDb();
    const names = ingestTables(db).map((t) => t.name);
    for (const name of ['findings', 'findingStates', 'costs', 'imports']) expect(names).not.toContain(name);
    expect(names).toContain('sampleRequests');
    db.close();
  });
});
