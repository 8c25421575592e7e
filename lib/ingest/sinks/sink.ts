import type { IndexableType } from 'dexie';
import type { RecordKind, RecordsMap } from '../../adapters/types';
import type { AppDB } from '../../db/app-db';
import type { ContactChannel } from '../../domain/types';
import { History } from '../history';
import type { Sighting } from '../merge';
import type { Stage, StagedTables } from '../stage';

export interface SinkContext {
  /** The batch's staged tables: reads see what earlier captures of the batch wrote. */
  tables: StagedTables;
  /** A query by index (or a delete by generated key) on the database, after everything staged is written. */
  query<R>(run: (db: AppDB) => PromiseLike<R>): Promise<R>;
  sighting: Sighting;
  history: History;
  /** Keep a personal contact value apart from the facts (scrubbed after the configured days). */
  contact(entity: string, key: string, channel: ContactChannel, value: string): void;
}

/** Where one kind of fact goes: its key (for provenance, pure) and how it merges into its table. */
export interface Sink<F> {
  keyOf(fact: F): string;
  /** The table `keyOf` is the primary key of, when it is: the batch then reads all its keys in one request. */
  table?: keyof StagedTables;
  /** Runs inside the ingest transaction: only Dexie calls, no other awaits. */
  apply(ctx: SinkContext, facts: readonly F[]): Promise<void>;
}

/** The context sinks run in for one sighting, over a batch's stage. */
export function sinkContext(stage: Stage, sighting: Sighting, contact: SinkContext['contact']): SinkContext {
  return { tables: stage.tables, query: (run) => stage.query(run), sighting, history: new History(sighting, stage), contact };
}

export type Sinks = { [K in RecordKind]: Sink<RecordsMap[K]> };

/** The common shape of a sink: read what is stored under the facts' keys, merge, write back in bulk. */
export interface BulkTable<T> {
  bulkGet(keys: IndexableType[]): PromiseLike<(T | undefined)[]>;
  bulkPut(items: readonly T[]): PromiseLike<unknown>;
}

export async function mergeAll<T, F>(
  table: BulkTable<T>,
  facts: readonly F[],
  keyOf: (fact: F) => IndexableType,
  merge: (prev: T | undefined, fact: F) => T,
): Promise<T[]> {
  const prev = await table.bulkGet(facts.map(keyOf));
  const next = facts.map((f, i) => merge(prev[i], f));
  await table.bulkPut(next);
  return next;
}
