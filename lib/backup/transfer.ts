import * as z from 'zod/mini';
import type { Backup, BackupProblem, Tables } from './format';

/**
 * A backup travels from the options page to the background in parts (one extension message is limited in size), and
 * the background restores it only once every part has arrived: a transfer cut short writes nothing.
 */
export const ROWS_PER_PART = 5000;

/** One message of a restore: part `index` of `count` of the backup `restoreId`. */
export const restorePart = z.object({
  restoreId: z.string().check(z.regex(/^[\w-]{1,64}$/)),
  index: z.int().check(z.gte(0)),
  count: z.int().check(z.gte(1), z.lte(1_000_000)),
  part: z.unknown(),
});
export type RestorePart = z.infer<typeof restorePart>;

export type RestoreAck = { ok: true; done: false } | { ok: true; done: true; rows: number } | { ok: false; problem: BackupProblem };

/**
 * Split a backup into parts of at most `maxRows` rows, each with the backup's envelope. The first part names every
 * table (an empty table is still a table of the backup); rows keep their order.
 */
export function splitBackup(backup: Backup, maxRows = ROWS_PER_PART): Backup[] {
  const { tables, ...envelope } = backup;
  const parts: Tables[] = [Object.fromEntries(Object.keys(tables).map((name) => [name, []]))];
  let room = maxRows;
  for (const [name, rows] of Object.entries(tables)) {
    for (let i = 0; i < rows.length; ) {
      if (room === 0) {
        parts.push({});
        room = maxRows;
      }
      const current = parts[parts.length - 1] as Tables;
      const take = Math.min(room, rows.length - i);
      current[name] = [...(current[name] ?? []), ...rows.slice(i, i + take)];
      room -= take;
      i += take;
    }
  }
  return parts.map((t) => ({ ...envelope, tables: t }));
}

const partShape = z.object({ tables: z.record(z.string(), z.array(z.unknown())) });

/** The backup the parts make up (envelope of the first part, rows concatenated in order); undefined if a part is not one. */
export function joinParts(parts: readonly unknown[]): unknown {
  const tables: Record<string, unknown[]> = {};
  for (const p of parts) {
    const parsed = partShape.safeParse(p);
    if (!parsed.success) return undefined;
    for (const [name, rows] of Object.entries(parsed.data.tables)) {
      const into = (tables[name] ??= []);
      for (const r of rows) into.push(r);
    }
  }
  const first = parts[0];
  return first && typeof first === 'object' ? { ...first, tables } : undefined;
}

export type InboxStep = { status: 'pending' } | { status: 'complete'; value: unknown } | { status: 'problem'; problem: BackupProblem };

/**
 * Collects the parts of one restore at a time, in order. Part 0 starts a restore (dropping any unfinished one); a part
 * out of order or of another restore drops the restore. The last part yields the joined, still unvalidated, backup.
 */
export class RestoreInbox {
  private current: { id: string; count: number; parts: unknown[] } | undefined;

  receive(message: unknown): InboxStep {
    const parsed = restorePart.safeParse(message);
    if (!parsed.success || parsed.data.index >= parsed.data.count) {
      this.current = undefined;
      return { status: 'problem', problem: { code: 'not-backup' } };
    }
    const { restoreId, index, count, part } = parsed.data;
    if (index === 0) this.current = { id: restoreId, count, parts: [] };
    const current = this.current;
    if (!current || current.id !== restoreId || current.count !== count || current.parts.length !== index) {
      this.current = undefined;
      return { status: 'problem', problem: { code: 'incomplete' } };
    }
    current.parts.push(part);
    if (current.parts.length < count) return { status: 'pending' };
    this.current = undefined;
    const value = joinParts(current.parts);
    return value === undefined ? { status: 'problem', problem: { code: 'not-backup' } } : { status: 'complete', value };
  }
}
