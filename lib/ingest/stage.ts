import { Dexie, type IndexableType, type Table } from 'dexie';
import type { AppDB } from '../db/app-db';
import type { Snapshot, Transition } from '../domain/types';
import type { ChangeSet } from '../rules/types';
import { repeats } from './repeat';

/**
 * The unit of work of one ingest batch, inside its transaction. Each table's rows are read once (all the batch's keys in
 * one `bulkGet`), merged in memory capture after capture, and written back once; snapshots and transitions are appended
 * once. Reads through a stage see its own unwritten rows, so applying captures one by one through it gives exactly what
 * writing each capture straight to the database would. A query by index sees only written rows: `Stage.query` writes
 * everything staged first.
 */

/** A primary key as one string: compound keys joined with `|` (the form `ChangeSet` uses). */
export const keyString = (key: IndexableType): string => (Array.isArray(key) ? key.map(String).join('|') : String(key));

/** The part of a table a sink may use through a stage. */
export class StagedTable<T> {
  /** What the batch knows of each key: the stored row, a row staged over it, or `undefined` for none. */
  private readonly rows = new Map<string, T | undefined>();
  private readonly dirty = new Map<string, T>();
  private readonly deleted = new Map<string, IndexableType>();
  private readonly changed = new Set<string>();

  /** `coalesce`: a row that only repeats the known one within the seen-time resolution is not staged again. */
  constructor(
    private readonly table: Table<T, IndexableType>,
    private readonly coalesce = true,
  ) {}

  private keyOf(row: T): IndexableType {
    return Dexie.getByKeyPath(row as object, this.table.schema.primKey.keyPath as string | string[]) as IndexableType;
  }

  async bulkGet(keys: readonly IndexableType[]): Promise<(T | undefined)[]> {
    const missing = new Map<string, IndexableType>();
    for (const k of keys) {
      const s = keyString(k);
      if (!this.rows.has(s)) missing.set(s, k);
    }
    if (missing.size) {
      const stored = await this.table.bulkGet([...missing.values()]);
      [...missing.keys()].forEach((s, i) => this.rows.set(s, stored[i]));
    }
    return keys.map((k) => this.rows.get(keyString(k)));
  }

  async get(key: IndexableType): Promise<T | undefined> {
    return (await this.bulkGet([key]))[0];
  }

  /**
   * Stages the rows: later reads in the batch see them; the database gets them on `flush`. A row that only repeats the
   * one the batch knows (see `repeats`) is left as it is, unless the table keeps every sighting's time.
   */
  bulkPut(rows: readonly T[]): Promise<void> {
    for (const row of rows) {
      const s = keyString(this.keyOf(row));
      if (this.coalesce && repeats(this.rows.get(s), row)) continue;
      this.rows.set(s, row);
      this.dirty.set(s, row);
      this.deleted.delete(s);
    }
    return Promise.resolve();
  }

  put(row: T): Promise<void> {
    return this.bulkPut([row]);
  }

  bulkDelete(keys: readonly IndexableType[]): Promise<void> {
    for (const k of keys) {
      const s = keyString(k);
      this.rows.set(s, undefined);
      this.dirty.delete(s);
      this.deleted.set(s, k);
    }
    return Promise.resolve();
  }

  /** Writes what is staged; the rows stay known to the batch. */
  async flush(): Promise<void> {
    const deletes = [...this.deleted.values()];
    const puts = [...this.dirty.values()];
    for (const s of [...this.deleted.keys(), ...this.dirty.keys()]) this.changed.add(s);
    this.deleted.clear();
    this.dirty.clear();
    if (deletes.length) await this.table.bulkDelete(deletes);
    if (puts.length) await this.table.bulkPut(puts);
  }

  /** Every key this stage wrote or deleted so far. */
  changedKeys(): string[] {
    return [...this.changed];
  }
}

type TableNames = { [K in keyof AppDB]: AppDB[K] extends Table ? K : never }[keyof AppDB];
/** Tables with generated keys are appended to through `Stage.snapshot`/`Stage.transition`, never staged by key. */
type StagedNames = Exclude<TableNames, 'snapshots' | 'transitions'>;
export type StagedTables = { [K in StagedNames]: AppDB[K] extends Table<infer T, infer _K, infer _I> ? StagedTable<T> : never };

/** Tables that keep every sighting's time to the moment: the diagnostics say when each endpoint was last answered. */
const EXACT_SEEN: ReadonlySet<string> = new Set(['endpointStats']);

export class Stage {
  private readonly staged = new Map<string, StagedTable<unknown>>();
  private snapshots: Snapshot[] = [];
  private transitions: Transition[] = [];
  private readonly history = { snapshots: new Set<string>(), transitions: new Set<string>() };
  /** The tables, staged: `stage.tables.creators.bulkGet(…)`. */
  readonly tables: StagedTables;

  constructor(private readonly db: AppDB) {
    this.tables = new Proxy({} as StagedTables, { get: (_, name) => this.table(String(name)) });
  }

  private table(name: string): StagedTable<unknown> {
    let t = this.staged.get(name);
    if (!t) {
      if (name === 'snapshots' || name === 'transitions') throw new Error(`${name} are appended, not staged`);
      t = new StagedTable(this.db.table(name), !EXACT_SEEN.has(name));
      this.staged.set(name, t);
    }
    return t;
  }

  /** Reads every key of a table the batch will need in one request, so the captures find them staged. */
  async prefetch(keys: ReadonlyMap<StagedNames, readonly IndexableType[]>): Promise<void> {
    await Promise.all([...keys].map(([name, ks]) => this.table(name).bulkGet(ks)));
  }

  snapshot(s: Snapshot): void {
    this.snapshots.push(s);
  }

  transition(t: Transition): void {
    this.transitions.push(t);
  }

  async flush(): Promise<void> {
    for (const t of this.staged.values()) await t.flush();
    const [snapshots, transitions] = [this.snapshots, this.transitions];
    this.snapshots = [];
    this.transitions = [];
    for (const s of snapshots) this.history.snapshots.add(`${s.entity}|${s.key}`);
    for (const t of transitions) this.history.transitions.add(`${t.entity}|${t.key}`);
    if (snapshots.length) await this.db.snapshots.bulkAdd(snapshots);
    if (transitions.length) await this.db.transitions.bulkAdd(transitions);
  }

  /** An index query (or a write by generated key) on the database, after everything staged so far is written. */
  async query<R>(run: (db: AppDB) => PromiseLike<R>): Promise<R> {
    await this.flush();
    return run(this.db);
  }

  /** What the batch wrote: primary keys per table; for snapshots and transitions, the `entity|key` they are about. */
  changes(): ChangeSet {
    const out: Record<string, string[]> = {};
    for (const [name, t] of this.staged) {
      const keys = t.changedKeys();
      if (keys.length) out[name] = keys;
    }
    if (this.history.snapshots.size) out.snapshots = [...this.history.snapshots];
    if (this.history.transitions.size) out.transitions = [...this.history.transitions];
    return out;
  }
}
