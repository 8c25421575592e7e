import type { AppDB } from '../db/app-db';
import { aggregatesQuery, onMessage } from '../messaging/protocol';
import type { ChangeSet } from '../rules/types';
import { rebuildAggregates, staleShops, updateAggregates } from './maintain';
import { aggregateKey } from './model';
import { saveOutreachSettings } from './settings';

/**
 * The background's side of the popup's aggregates: updates run one at a time (an update reads the model, then writes),
 * after every ingest batch, import and restore; the popup asks for a rebuild when a shop's aggregates are missing.
 */

let queue: Promise<unknown> = Promise.resolve();

function serial<T>(run: () => Promise<T>): Promise<T> {
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

/**
 * After a failed update the aggregates may be behind the model: every shop's `meta` row is removed, so the next update
 * touching a shop, or the popup opening on it, rebuilds it.
 */
async function markStale(db: AppDB): Promise<void> {
  const shops = (await db.shops.toCollection().primaryKeys()) as string[];
  await db.aggregates.bulkDelete(shops.map((s) => aggregateKey(s, 'meta')));
}

async function guarded(db: AppDB, what: string, run: () => Promise<void>): Promise<void> {
  try {
    await serial(run);
  } catch (error) {
    console.error(`[collab-lens] ${what} failed`, error);
    await markStale(db).catch((e: unknown) => console.error('[collab-lens] marking aggregates stale failed', e));
  }
}

/** An ingest batch was stored: update what it changed. Never throws (the facts are stored either way). */
export function keepAggregates(db: AppDB, changes: ChangeSet): Promise<void> {
  return guarded(db, 'updating aggregates', () => updateAggregates(db, changes));
}

/** An import or restore replaced part or all of the model: rebuild every shop's aggregates. Never throws. */
export function refreshAggregates(db: AppDB, shopKeys?: readonly string[]): Promise<void> {
  return guarded(db, 'rebuilding aggregates', () => rebuildAggregates(db, { shopKeys }));
}

/**
 * A restore put back the aggregates the backup held: only shops without current ones (a backup from before v3) are
 * rebuilt, so a restore stays exact. Never throws.
 */
export function refreshStaleAggregates(db: AppDB): Promise<void> {
  return guarded(db, 'rebuilding aggregates', async () => {
    const stale = await staleShops(db, (await db.shops.toCollection().primaryKeys()) as string[]);
    if (stale.length) await rebuildAggregates(db, { shopKeys: stale });
  });
}

export function registerAggregates(db: AppDB): void {
  onMessage('rebuildAggregates', async ({ data }) => {
    const q = aggregatesQuery.safeParse(data);
    if (!q.success) return { ok: false };
    await refreshAggregates(db, [q.data.shopKey]);
    return { ok: true };
  });
  onMessage('saveOutreachSettings', ({ data }) => saveOutreachSettings(data));
}
