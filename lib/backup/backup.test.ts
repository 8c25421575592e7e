import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dump, freshDb } from '../../test/db';
import { fillEveryTable } from '../../test/fixtures/every-table';
import { NOW } from '../../test/fixtures/sample-group-list';
import { AppDB, DB_NAME, V1 } from '../db/app-db';
import { BACKUP_FORMAT, buildBackup, parseBackup, parseBackupText, primaryKeyOf, SCHEMAS, tablesOf, type Backup } from './format';
import { readAllTables, receiveRestorePart, restoreBackup } from './restore';
import { joinParts, RestoreInbox, splitBackup } from './transfer';

let db: AppDB;
beforeEach(async () => {
  db = freshDb();
  await fillEveryTable(db);
});
afterEach(() => db.close());

const backupOf = async (from: AppDB) => buildBackup(await readAllTables(from), from.verno, NOW);
/** Through the file: what the seller downloads is JSON text. */
const viaFile = (b: Backup) => {
  const checked = parseBackupText(JSON.stringify(b), db.verno);
  if (!checked.ok) throw new Error(`backup refused: ${checked.problem.code}`);
  return checked.backup;
};
/** Send a backup as the options page does, part by part, and return the last answer. */
async function send(into: AppDB, backup: unknown, maxRows = 4, inbox = new RestoreInbox()) {
  const parts = splitBackup(backup as Backup, maxRows);
  let ack;
  for (const [index, part] of parts.entries()) ack = await receiveRestorePart(into, inbox, { restoreId: 'r1', index, count: parts.length, part });
  return ack;
}

describe('backup format', () => {
  it('knows the live schema: the newest entry of SCHEMAS has exactly the database tables and primary keys', () => {
    const known = tablesOf(db.verno);
    const live = new Map(db.tables.map((t) => [t.name, { path: t.schema.primKey.keyPath, auto: t.schema.primKey.auto }]));
    expect(known).toEqual(live);
    expect(Math.max(...Object.keys(SCHEMAS).map(Number))).toBe(db.verno);
  });

  it('reads primary keys from store specs', () => {
    expect(primaryKeyOf('key, lastSeenAt')).toEqual({ path: 'key', auto: false });
    expect(primaryKeyOf('++id, [entity+key]')).toEqual({ path: 'id', auto: true });
    expect(primaryKeyOf('[invitationId+productId], productId')).toEqual({ path: ['invitationId', 'productId'], auto: false });
  });

  it('holds every table, with the schema version and an ISO export time', async () => {
    const b = await backupOf(db);
    expect(b.format).toBe(BACKUP_FORMAT);
    expect(b.schemaVersion).toBe(4);
    expect(b.exportedAt).toBe(new Date(NOW).toISOString());
    expect(Object.keys(b.tables).sort()).toEqual(db.tables.map((t) => t.name).sort());
    // The fixture really fills every table, so the round trip below proves something for each of them.
    for (const [name, rows] of Object.entries(b.tables)) expect(rows.length, name).toBeGreaterThan(0);
  });

  it('splits into parts of bounded size that join back to the same backup, empty tables included', async () => {
    const b = await backupOf(db);
    b.tables.imports = [];
    const parts = splitBackup(b, 3);
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) expect(Object.values(p.tables).reduce((n, r) => n + r.length, 0)).toBeLessThanOrEqual(3);
    expect(joinParts(parts)).toEqual(b);
  });
});

describe('restore', () => {
  it('reproduces the database exactly in a fresh one, auto-increment ids included', async () => {
    const before = await dump(db);
    const fresh = freshDb();
    const ack = await send(fresh, viaFile(await backupOf(db)));
    expect(ack).toEqual({ ok: true, done: true, rows: Object.values(before).reduce((n, r) => n + r.length, 0) });
    expect(await dump(fresh)).toEqual(before);
    // The gap left by a deleted snapshot is kept, and new rows are numbered after the restored ones.
    const ids = (await fresh.snapshots.toArray()).map((s) => s.id as number);
    expect(ids).toEqual((before.snapshots as { id: number }[]).map((s) => s.id));
    expect(ids.at(-1)).toBeGreaterThan(ids.length);
    const next = await fresh.snapshots.add({ entity: 'creator', key: 'x', seenAt: NOW, at: NOW, values: {}, source: { endpoint: 'e', page: 'p' } });
    expect(next).toBe(Math.max(...ids) + 1);
    fresh.close();
  });

  it('replaces what was there: rows the backup does not have are gone', async () => {
    const b = viaFile(await backupOf(db));
    const before = await dump(db);
    await db.creators.put({ handle: 'added.later', aliases: [], firstSeenAt: NOW, lastSeenAt: NOW });
    await db.transitions.clear();
    await restoreBackup(db, b);
    expect(await dump(db)).toEqual(before);
  });

  it('restores an older schema version through the same upgrades the database goes through, leaving no scratch database', async () => {
    const indexedDB = new IDBFactory();
    const target = new AppDB(DB_NAME, { indexedDB, IDBKeyRange });
    const source = { endpoint: 'sample.group.list', page: 'https://affiliate-us.tiktok.com/product/sample-request' };
    const v1: Backup = {
      format: BACKUP_FORMAT,
      schemaVersion: 1,
      exportedAt: new Date(NOW).toISOString(),
      tables: {
        shops: [{ key: 'US:1', region: 'US', sellerId: '1', host: 'affiliate-us.tiktok.com', firstSeenAt: NOW, lastSeenAt: NOW }],
        creators: [{ handle: 'maya', aliases: ['cid:1'], firstSeenAt: NOW, lastSeenAt: NOW }],
        products: [],
        skus: [],
        sampleRequests: [{ applyId: '11', shopKey: 'US:1', creatorHandle: 'maya', productId: '5', status: 'SHIPPED', statusRaw: 'SHIPPED', statusSeenAt: NOW + 1, firstSeenAt: NOW, lastSeenAt: NOW + 1, source }],
        statusHistory: [
          { id: 1, applyId: '11', status: 'PENDING', statusRaw: 'PENDING', seenAt: NOW, source },
          { id: 2, applyId: '11', status: 'SHIPPED', statusRaw: 'SHIPPED', seenAt: NOW + 1, source },
        ],
        observations: [],
        endpointStats: [],
      },
    };
    expect(Object.keys(v1.tables).sort()).toEqual(Object.keys(V1).sort());
    expect(await send(target, viaFile(v1))).toEqual({ ok: true, done: true, rows: 5 });
    expect(await target.shops.toArray()).toEqual(v1.tables.shops);
    expect(await target.sampleRequests.toArray()).toEqual(v1.tables.sampleRequests);
    expect((await target.transitions.toArray()).map(({ key, from, to }) => [key, from, to])).toEqual([
      ['11', undefined, 'PENDING'],
      ['11', 'PENDING', 'SHIPPED'],
    ]);
    expect((await indexedDB.databases()).map((d) => d.name)).toEqual([DB_NAME]);
    target.close();
  });
});

describe('restore refuses a bad file and leaves the database untouched', () => {
  const good = async () => JSON.parse(JSON.stringify(await backupOf(db))) as Backup & { tables: Record<string, unknown[]> };
  const cases: [string, (b: Backup & { tables: Record<string, unknown[]> }) => unknown, object][] = [
    ['another format', (b) => ({ ...b, format: 'something-else' }), { code: 'not-backup' }],
    ['no tables', ({ tables: _t, ...rest }) => rest, { code: 'not-backup' }],
    ['a newer schema version', (b) => ({ ...b, schemaVersion: 5 }), { code: 'newer', version: 5, supported: 4 }],
    ['an unknown table', (b) => ({ ...b, tables: { ...b.tables, secrets: [] } }), { code: 'unknown-table', table: 'secrets' }],
    ['a missing table', ({ tables: { contacts: _c, ...tables }, ...rest }) => ({ ...rest, tables }), { code: 'missing-table', table: 'contacts' }],
    ['a row that is not an object', (b) => ({ ...b, tables: { ...b.tables, creators: [...b.tables.creators!, 'x'] } }), { code: 'bad-row', table: 'creators' }],
    ['a row that is an array', (b) => ({ ...b, tables: { ...b.tables, shops: [[1, 2]] } }), { code: 'bad-row', table: 'shops', row: 1 }],
    ['a row without its key', (b) => ({ ...b, tables: { ...b.tables, orders: [{ shopKey: 'US:1' }] } }), { code: 'bad-row', table: 'orders', row: 1 }],
    ['half a compound key', (b) => ({ ...b, tables: { ...b.tables, invitationProducts: [{ invitationId: 'inv1' }] } }), { code: 'bad-row', table: 'invitationProducts', row: 1 }],
    ['an auto-increment row without its id', (b) => ({ ...b, tables: { ...b.tables, transitions: [{ entity: 'x', key: 'y', to: 'A' }] } }), { code: 'bad-row', table: 'transitions', row: 1 }],
    ['a key used twice', (b) => ({ ...b, tables: { ...b.tables, campaigns: [...b.tables.campaigns!, b.tables.campaigns![0]] } }), { code: 'duplicate-key', table: 'campaigns' }],
  ];

  it.each(cases)('%s', async (_name, corrupt, problem) => {
    const before = await dump(db);
    const bad = corrupt(await good());
    expect(parseBackup(bad, db.verno)).toMatchObject({ ok: false, problem });
    expect(await receiveRestorePart(db, new RestoreInbox(), { restoreId: 'r', index: 0, count: 1, part: bad })).toMatchObject({ ok: false, problem });
    expect(await dump(db)).toEqual(before);
  });

  it('text that is not JSON', () => {
    expect(parseBackupText('{"format":', 4)).toEqual({ ok: false, problem: { code: 'not-json' } });
  });

  it('a schema version that never shipped', async () => {
    expect(parseBackup({ ...(await good()), schemaVersion: 5 }, 6)).toEqual({ ok: false, problem: { code: 'unknown-version', version: 5 } });
  });

  it('a transfer cut short or out of order', async () => {
    const before = await dump(db);
    const parts = splitBackup(await backupOf(freshDb()), 1);
    const inbox = new RestoreInbox();
    expect(await receiveRestorePart(db, inbox, { restoreId: 'r', index: 0, count: 3, part: parts[0] })).toEqual({ ok: true, done: false });
    expect(await receiveRestorePart(db, inbox, { restoreId: 'r', index: 2, count: 3, part: parts[0] })).toEqual({ ok: false, problem: { code: 'incomplete' } });
    expect(await receiveRestorePart(db, inbox, { restoreId: 'other', index: 1, count: 3, part: parts[0] })).toEqual({ ok: false, problem: { code: 'incomplete' } });
    expect(await receiveRestorePart(db, inbox, { restoreId: 'r', index: 3, count: 3, part: parts[0] })).toEqual({ ok: false, problem: { code: 'not-backup' } });
    expect(await dump(db)).toEqual(before);
  });

  it('a failure while writing: the clear is rolled back with the rest', async () => {
    const before = await dump(db);
    const b = await backupOf(db);
    b.tables.creators = [{ handle: 'someone.else', aliases: [], firstSeenAt: NOW, lastSeenAt: NOW }];
    vi.spyOn(db.table('registrations'), 'bulkAdd').mockRejectedValue(new Dexie.QuotaExceededError('disk full'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await send(db, b, 1000)).toEqual({ ok: false, problem: { code: 'failed' } });
    expect(await dump(db)).toEqual(before);
  });
});
