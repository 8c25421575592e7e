import { browser } from '#imports';
import { readSampleCosts, saveSampleCost, type SaveSampleCostAck } from '../costs/sample-cost';
import { DEFAULT_DEPS, type RuleEffects } from '../background/rules';
import type { AppDB } from '../db/app-db';
import { aggregatesQuery, onMessage } from '../messaging/protocol';
import type { ChangeSet } from '../rules/types';
import { rowsMetaKey } from './figures';
import { rebuildCreatorRows, refreshStale, updateCreatorRows, type CreatorRowsOptions } from './maintain';
import { setCreatorMarks, type CreatorMarksAck } from './marks';

/**
 * The background's side of the creators view: every write to its rows runs in one queue (each reads the model, then
 * writes), so an update, a rebuild and a change of marks never interleave. Ingest batches are followed without holding
 * their acknowledgement; imports, restores and cost changes rebuild the shops they touch; an hourly alarm rebuilds the
 * shops whose rolling windows ended on an earlier UTC day.
 */

export const CREATORS_ALARM = 'collab-lens-creators';
const ALARM_MINUTES = 60;

let queue: Promise<unknown> = Promise.resolve();

function serial<T>(run: () => Promise<T>): Promise<T> {
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

/** A failed write leaves the shops' rows unknown to be current: their state rows go, so the next touch rebuilds them. */
async function markStale(db: AppDB, shopKeys?: readonly string[]): Promise<void> {
  const shops = shopKeys ?? ((await db.shops.toCollection().primaryKeys()) as string[]);
  await db.aggregates.bulkDelete(shops.map(rowsMetaKey));
}

async function options(): Promise<CreatorRowsOptions> {
  return { flatCosts: await readSampleCosts() };
}

function guarded(db: AppDB, what: string, run: (o: CreatorRowsOptions) => Promise<unknown>, shopKeys?: readonly string[]): Promise<void> {
  return serial(async () => {
    try {
      await run(await options());
    } catch (error) {
      console.error(`[collab-lens] ${what} failed`, error);
      await markStale(db, shopKeys).catch((e: unknown) => console.error('[collab-lens] marking creator rows stale failed', e));
    }
  });
}

/**
 * Ingest batches come in bursts while the seller scrolls a list; their updates wait until the burst pauses (at most
 * `BURST_MAX_MS`), merged into one, so the background's reads and writes do not compete with the page the seller is
 * using, batch after batch.
 */
const BURST_QUIET_MS = 1_000;
const BURST_MAX_MS = 5_000;
let burst: { changes: Map<string, Set<string>>; since: number; timer?: ReturnType<typeof setTimeout>; done: Promise<void>; resolve(): void } | undefined;

/** An ingest batch was stored: update the creators it touched, once its burst pauses. Never throws. */
export function keepCreatorRows(db: AppDB, changes: ChangeSet): Promise<void> {
  const now = Date.now();
  if (!burst) {
    let resolve = () => {};
    const done = new Promise<void>((r) => (resolve = r));
    burst = { changes: new Map(), since: now, done, resolve };
  }
  const b = burst;
  for (const [table, keys] of Object.entries(changes)) {
    const set = b.changes.get(table) ?? new Set<string>();
    for (const k of keys ?? []) set.add(k);
    b.changes.set(table, set);
  }
  clearTimeout(b.timer);
  b.timer = setTimeout(() => {
    burst = undefined;
    const merged: ChangeSet = Object.fromEntries([...b.changes].map(([table, keys]) => [table, [...keys]]));
    void guarded(db, 'updating creator rows', (o) => updateCreatorRows(db, merged, o)).then(b.resolve);
  }, Math.max(0, Math.min(BURST_QUIET_MS, b.since + BURST_MAX_MS - now)));
  return b.done;
}

/** An import, a restore or a change of costs replaced what rows rest on: rebuild those shops (every shop by default). */
export function rebuildCreatorRowsOf(db: AppDB, shopKeys?: readonly string[]): Promise<void> {
  return guarded(db, 'rebuilding creator rows', (o) => rebuildCreatorRows(db, { ...o, shopKeys }), shopKeys);
}

/** Rebuild the shops whose rows are missing or out of date (a restore, the alarm, the creators view opening). */
export function refreshStaleCreatorRows(db: AppDB, shopKeys?: readonly string[]): Promise<void> {
  return guarded(
    db,
    'rebuilding creator rows',
    async (o) => refreshStale(db, shopKeys ?? ((await db.shops.toCollection().primaryKeys()) as string[]), o),
    shopKeys,
  );
}

/**
 * Set a creator's marks (validated), in the queue so a rebuild reading the old ones cannot write them back; then the
 * Affiliate Center tabs are told, so their badges and cards show the marks at once.
 */
export async function setMarks(db: AppDB, data: unknown, effects: Pick<RuleEffects, 'broadcast'> = DEFAULT_DEPS.effects): Promise<CreatorMarksAck> {
  const ack = await serial(() => setCreatorMarks(db, data, Date.now()));
  if (ack.ok) {
    const shops = (await db.shops.toCollection().primaryKeys()) as string[];
    await effects.broadcast(shops).catch((error: unknown) => console.error('[collab-lens] telling tabs about marks failed', error));
  }
  return ack;
}

async function ensureAlarm(): Promise<void> {
  if (await browser.alarms.get(CREATORS_ALARM)) return;
  await browser.alarms.create(CREATORS_ALARM, { delayInMinutes: 1, periodInMinutes: ALARM_MINUTES });
}

/** The messages and the alarm. Listeners are added synchronously, so a message or alarm that wakes the worker finds them. */
export function registerCreatorRows(db: AppDB): void {
  onMessage('setCreatorMarks', ({ data }) => setMarks(db, data));
  onMessage('saveSampleCost', async ({ data }): Promise<SaveSampleCostAck> => {
    const ack = await saveSampleCost(data);
    if (ack.ok) void rebuildCreatorRowsOf(db, [(data as { shopKey: string }).shopKey]);
    return ack;
  });
  onMessage('ensureCreatorRows', async ({ data }) => {
    const q = aggregatesQuery.safeParse(data);
    if (!q.success) return { ok: false };
    await refreshStaleCreatorRows(db, [q.data.shopKey]);
    return { ok: true };
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === CREATORS_ALARM) void refreshStaleCreatorRows(db);
  });
  ensureAlarm().catch((error: unknown) => console.error('[collab-lens] creators alarm failed', error));
}
