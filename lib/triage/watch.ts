import { signal, type ReadonlySignal } from '@preact/signals';
import { cmp, Dexie, type IntervalTree, type IntervalTreeNode, type ObservabilitySet } from 'dexie';
import type { AppDB } from '../db/app-db';
import { loadQueue, type QueueData } from './queue';

/**
 * The triage queue kept current without a Dexie live query. A live query records every key it reads in an interval
 * tree, one insertion per key: for a queue of 5,000 pending requests (8,000 rows read, 2,000 creators) that cost more
 * than reading the rows themselves, before the first row could show. Here the queue is read plainly and Dexie's change
 * broadcast (`storagemutated`, which also carries the service worker's writes) is checked against the loaded keys
 * with plain sets: the same changes reload it.
 */

/** The tables a queue is read from (lib/triage/queue.ts `loadQueue`). */
const TABLES = ['sampleRequests', 'creators', 'products', 'costs', 'creatorMarks'] as const;

/** Every range of an interval tree, as the change broadcast carries it (a plain object once it crossed contexts). */
function* rangesOf(tree: IntervalTree | undefined): Generator<IntervalTreeNode> {
  if (!tree || !('from' in tree)) return;
  const stack: IntervalTreeNode[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    yield node;
    if (node.l) stack.push(node.l);
    if (node.r) stack.push(node.r);
  }
}

/** Does the tree hold any of `keys`? A single key is looked up; a wider range (a bulk write) is compared key by key. */
function holdsAny(tree: IntervalTree | undefined, keys: ReadonlySet<string>): boolean {
  for (const { from, to } of rangesOf(tree)) {
    if (cmp(from, to) === 0) {
      if (typeof from === 'string' && keys.has(from)) return true;
    } else {
      for (const k of keys) if (cmp(from, k) <= 0 && cmp(k, to) <= 0) return true;
    }
  }
  return false;
}

const isEmpty = (tree: IntervalTree | undefined) => rangesOf(tree).next().done === true;

/**
 * Pure: can a change touch the shop's queue as loaded in `data` (undefined while it loads: then any change to its
 * tables can)? A request of the shop written or one of the loaded requests deleted, a loaded creator or product, the
 * shop's costs, or the seller's creator marks.
 */
export function touchesQueue(parts: ObservabilitySet, dbName: string, shopKey: string, data: QueueData | undefined): boolean {
  const part = (table: (typeof TABLES)[number], index = '') => parts[`idb://${dbName}/${table}/${index}`];
  if (!data) return TABLES.some((t) => !isEmpty(part(t)) || !isEmpty(part(t, ':dels')));
  const shop = new Set([shopKey]);
  return (
    holdsAny(part('sampleRequests', 'shopKey'), shop) ||
    holdsAny(part('sampleRequests'), data.keys.applyIds) ||
    holdsAny(part('sampleRequests', ':dels'), data.keys.applyIds) ||
    holdsAny(part('creators'), data.keys.handles) ||
    holdsAny(part('products'), data.keys.productIds) ||
    holdsAny(part('costs', 'shopKey'), shop) ||
    !isEmpty(part('costs', ':dels')) ||
    !isEmpty(part('creatorMarks')) ||
    !isEmpty(part('creatorMarks', ':dels'))
  );
}

/**
 * A signal holding the shop's queue (null without a shop), loaded while something renders it and reloaded when a
 * change touches it; a change during a load reloads once that load ends, so the last value read is never stale.
 */
export function queueSignal(db: AppDB, shopKey: string | undefined): ReadonlySignal<QueueData | null | undefined> {
  let stop: (() => void) | undefined;
  const s = signal<QueueData | null | undefined>(shopKey ? undefined : null, {
    watched() {
      if (!shopKey) return;
      let loaded: QueueData | undefined;
      let loading = false;
      let dirty = false;
      let stopped = false;
      const load = () => {
        loading = true;
        dirty = false;
        loadQueue(db, shopKey).then(
          (data) => {
            loading = false;
            if (stopped) return;
            if (dirty) return load();
            loaded = data;
            s.value = data;
          },
          (error: unknown) => {
            loading = false;
            console.error('[collab-lens] loading the triage queue failed', error);
          },
        );
      };
      const onChange = (parts: ObservabilitySet) => {
        if (!touchesQueue(parts, db.name, shopKey, loading ? undefined : loaded)) return;
        if (loading) dirty = true;
        else load();
      };
      Dexie.on('storagemutated', onChange);
      stop = () => {
        stopped = true;
        Dexie.on.storagemutated.unsubscribe(onChange);
      };
      load();
    },
    unwatched() {
      stop?.();
      stop = undefined;
    },
  });
  return s;
}
