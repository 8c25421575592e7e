import type { IndexableType } from 'dexie';
import type { RecordKind, RecordsMap } from '../../adapters/types';
import type { AppDB } from '../../db/app-db';
import type { ContactChannel } from '../../domain/types';
import type { History } from '../history';
import type { Sighting } from '../merge';

export interface SinkContext {
  db: AppDB;
  sighting: Sighting;
  history: History;
  /** Keep a personal contact value apart from the facts (scrubbed after the configured days). */
  contact(entity: string, key: string, channel: ContactChannel, value: string): void;
}

/** Where one kind of fact goes: its key (for provenance, pure) and how it merges into its table. */
export interface Sink<F> {
  keyOf(fact: F): string;
  /** Runs inside the ingest transaction: only Dexie calls, no other awaits. */
  apply(ctx: SinkContext, facts: readonly F[]): Promise<void>;
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
