import type { ReadonlySignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import type { AppDB } from '../../lib/db/app-db';
import { aggregateKey, kindRange, parseValues, type AggregateKind, type AggregateValues } from '../../lib/aggregates/model';
import { liveQuerySignal } from '../../lib/state/live-query';

/** Every aggregate of one kind of a shop, in key order; rows of another shape are left out. */
export async function readAggregates<K extends AggregateKind>(db: AppDB, shopKey: string, kind: K): Promise<AggregateValues[K][]> {
  const [from, to] = kindRange(shopKey, kind);
  const rows = await db.aggregates.where(':id').between(from, to, true, true).toArray();
  return rows.flatMap((r) => parseValues(kind, r.values) ?? []);
}

/** One aggregate row of a shop: `null` when it is missing or not of the kind's shape. */
export async function readAggregate<K extends AggregateKind>(db: AppDB, shopKey: string, kind: K, bucket = '-'): Promise<AggregateValues[K] | null> {
  return parseValues(kind, (await db.aggregates.get(aggregateKey(shopKey, kind, bucket)))?.values) ?? null;
}

/** `readAggregates`, live. */
export function useAggregates<K extends AggregateKind>(db: AppDB, shopKey: string, kind: K): ReadonlySignal<AggregateValues[K][] | undefined> {
  return useMemo(() => liveQuerySignal(() => readAggregates(db, shopKey, kind)), [db, shopKey, kind]);
}

/** `readAggregate`, live. */
export function useAggregate<K extends AggregateKind>(db: AppDB, shopKey: string, kind: K, bucket = '-'): ReadonlySignal<AggregateValues[K] | null | undefined> {
  return useMemo(() => liveQuerySignal(() => readAggregate(db, shopKey, kind, bucket)), [db, shopKey, kind, bucket]);
}
