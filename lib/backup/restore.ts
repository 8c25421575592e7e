import { Dexie } from 'dexie';
import { AppDB } from '../db/app-db';
import { parseBackup, rowCount, SCHEMAS, type Backup, type Tables } from './format';
import type { RestoreAck, RestoreInbox } from './transfer';

/** Every row of every table, read in one transaction so the copy is consistent. */
export async function readAllTables(db: Dexie): Promise<Tables> {
  return db.transaction('r', db.tables, async () => {
    const entries = await Promise.all(db.tables.map(async (t) => [t.name, (await t.toArray()) as Tables[string]] as const));
    return Object.fromEntries(entries);
  });
}

/**
 * The rows of a backup from an older schema version, brought to the current one by the same tested upgrades a user's
 * database goes through: they are written into a scratch database of that version, which is then opened (and so
 * upgraded) as the current schema, read back and deleted. The seller's database is not touched here.
 */
async function upgradeTables(db: AppDB, backup: Backup): Promise<Tables> {
  const options = { indexedDB: db._options.indexedDB, IDBKeyRange: db._options.IDBKeyRange };
  const name = `${db.name}-restore-scratch`;
  await new Dexie(name, options).delete();
  try {
    const old = new Dexie(name, options);
    old.version(backup.schemaVersion).stores({ ...SCHEMAS[backup.schemaVersion] });
    await old.transaction('rw', old.tables, async () => {
      for (const t of old.tables) await t.bulkAdd(backup.tables[t.name] ?? []);
    });
    old.close();
    const upgraded = new AppDB(name, options);
    try {
      return await readAllTables(upgraded);
    } finally {
      upgraded.close();
    }
  } finally {
    await new Dexie(name, options).delete();
  }
}

/**
 * Replace the whole database with a validated backup: every table is cleared and refilled in ONE transaction, so either
 * the backup is all there or the database is as it was. Rows keep their primary keys, auto-increment ids included.
 * Returns the number of rows restored.
 */
export async function restoreBackup(db: AppDB, backup: Backup): Promise<number> {
  const tables = backup.schemaVersion === db.verno ? backup.tables : await upgradeTables(db, backup);
  await db.transaction('rw', db.tables, async () => {
    for (const t of db.tables) await t.clear();
    for (const t of db.tables) {
      const rows = tables[t.name];
      if (rows?.length) await t.bulkAdd(rows);
    }
  });
  return rowCount(tables);
}

/** The background's handling of one restore message: collect it, and restore once the last part is in. */
export async function receiveRestorePart(db: AppDB, inbox: RestoreInbox, message: unknown): Promise<RestoreAck> {
  const step = inbox.receive(message);
  if (step.status === 'pending') return { ok: true, done: false };
  if (step.status === 'problem') return { ok: false, problem: step.problem };
  const checked = parseBackup(step.value, db.verno);
  if (!checked.ok) return { ok: false, problem: checked.problem };
  try {
    return { ok: true, done: true, rows: await restoreBackup(db, checked.backup) };
  } catch (error) {
    console.error('[collab-lens] restore failed', error);
    return { ok: false, problem: { code: 'failed' } };
  }
}
