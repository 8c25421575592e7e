import * as z from 'zod/mini';
import { V1, V2, V3, V4 } from '../db/app-db';

/**
 * The backup file: every table of the database, as rows, with the schema version they were written in. Pure functions
 * only; reading and writing the database is in restore.ts.
 */
export const BACKUP_FORMAT = 'collab-lens-backup';

export type Row = Record<string, unknown>;
export type Tables = Record<string, Row[]>;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number;
  /** ISO 8601, UTC. */
  exportedAt: string;
  tables: Tables;
}

/**
 * Every shipped schema by version, as declared in app-db.ts (a table mapped to `null` was removed in that version). A
 * new schema version must be added here too; a test compares the newest entry with the live database.
 */
export const SCHEMAS: Readonly<Record<number, Readonly<Record<string, string | null>>>> = { 1: V1, 2: V2, 3: V3, 4: V4 };

export interface PrimaryKey {
  /** A property name, or the property names of a compound key. */
  path: string | string[];
  /** `++id`: the database generated it. */
  auto: boolean;
}

/** The primary key of a Dexie store spec: its first entry (`key`, `++id`, `[invitationId+productId]`). */
export function primaryKeyOf(spec: string): PrimaryKey {
  const first = (spec.split(',')[0] ?? '').trim();
  const auto = first.startsWith('++');
  const name = auto ? first.slice(2) : first;
  const compound = /^\[(.+)\]$/.exec(name);
  return { path: compound?.[1] ? compound[1].split('+') : name, auto };
}

/** The tables of a schema version and their primary keys; undefined for a version never shipped. */
export function tablesOf(version: number): Map<string, PrimaryKey> | undefined {
  const schema = SCHEMAS[version];
  if (!schema) return undefined;
  const out = new Map<string, PrimaryKey>();
  for (const [name, spec] of Object.entries(schema)) if (spec !== null) out.set(name, primaryKeyOf(spec));
  return out;
}

export function buildBackup(tables: Tables, schemaVersion: number, now: number): Backup {
  return { format: BACKUP_FORMAT, schemaVersion, exportedAt: new Date(now).toISOString(), tables };
}

/** Why a file cannot be restored; each has a message in the UI. Row numbers count from 1. */
export type BackupProblem =
  | { code: 'not-json' }
  | { code: 'not-backup' }
  | { code: 'newer'; version: number; supported: number }
  | { code: 'unknown-version'; version: number }
  | { code: 'unknown-table'; table: string }
  | { code: 'missing-table'; table: string }
  | { code: 'bad-row'; table: string; row: number }
  | { code: 'duplicate-key'; table: string; row: number }
  | { code: 'incomplete' }
  | { code: 'failed' };

export type BackupCheck = { ok: true; backup: Backup } | { ok: false; problem: BackupProblem };

/** The envelope of a backup: its format, schema version, export time and tables of rows (each row checked below). */
const backupEnvelope = z.object({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.int().check(z.gte(1)),
  exportedAt: z.iso.datetime(),
  tables: z.record(z.string(), z.array(z.unknown())),
});

const row = z.record(z.string(), z.unknown());

/** A valid IndexedDB key as JSON can carry it: a string, a finite number, or an array of those. */
function isKey(v: unknown): boolean {
  if (typeof v === 'string') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  return Array.isArray(v) && v.every(isKey);
}

/** The row's primary key as a string to detect duplicates, or undefined when it is missing or invalid. */
function keyOf(r: Row, pk: PrimaryKey): string | undefined {
  const parts = (Array.isArray(pk.path) ? pk.path : [pk.path]).map((p) => r[p]);
  if (pk.auto && !(typeof parts[0] === 'number' && Number.isSafeInteger(parts[0]) && parts[0] > 0)) return undefined;
  return parts.every(isKey) ? JSON.stringify(parts) : undefined;
}

/**
 * Check that `value` is a backup this version can restore: the format, a schema version no newer than the database's
 * and one that shipped, exactly the tables of that version, and rows that are objects carrying their table's primary
 * key, each key once. Never throws.
 */
export function parseBackup(value: unknown, currentVersion: number): BackupCheck {
  const envelope = backupEnvelope.safeParse(value);
  if (!envelope.success) return { ok: false, problem: { code: 'not-backup' } };
  const { schemaVersion, tables } = envelope.data;
  if (schemaVersion > currentVersion) return { ok: false, problem: { code: 'newer', version: schemaVersion, supported: currentVersion } };
  const known = tablesOf(schemaVersion);
  if (!known) return { ok: false, problem: { code: 'unknown-version', version: schemaVersion } };
  for (const table of Object.keys(tables)) if (!known.has(table)) return { ok: false, problem: { code: 'unknown-table', table } };
  for (const [table, pk] of known) {
    const rows = tables[table];
    if (!rows) return { ok: false, problem: { code: 'missing-table', table } };
    const seen = new Set<string>();
    for (const [i, r] of rows.entries()) {
      const parsed = row.safeParse(r);
      const key = parsed.success ? keyOf(parsed.data, pk) : undefined;
      if (key === undefined) return { ok: false, problem: { code: 'bad-row', table, row: i + 1 } };
      if (seen.has(key)) return { ok: false, problem: { code: 'duplicate-key', table, row: i + 1 } };
      seen.add(key);
    }
  }
  return { ok: true, backup: { ...envelope.data, tables: tables as Tables } };
}

/** Parse the text of a backup file. */
export function parseBackupText(text: string, currentVersion: number): BackupCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: { code: 'not-json' } };
  }
  return parseBackup(value, currentVersion);
}

export const rowCount = (tables: Tables) => Object.values(tables).reduce((n, rows) => n + rows.length, 0);
