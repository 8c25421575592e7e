import { signal, type ReadonlySignal } from '@preact/signals';
import { liveQuery } from 'dexie';

/**
 * Follow a Dexie live query: `next` gets its first result and every later one (writes by the service worker reach
 * extension pages through Dexie's cross-context change broadcast). Returns the unsubscribe, for an effect's cleanup.
 */
export function follow<T>(query: () => Promise<T>, next: (value: T) => void): () => void {
  const subscription = liveQuery(query).subscribe({
    next,
    error: (error: unknown) => console.error('[collab-lens] live query failed', error),
  });
  return () => subscription.unsubscribe();
}

/** A signal that holds the latest result of a Dexie live query, subscribed only while something renders it. */
export function liveQuerySignal<T>(query: () => Promise<T>): ReadonlySignal<T | undefined> {
  let stop: (() => void) | undefined;
  const s = signal<T | undefined>(undefined, {
    watched() {
      stop = follow(query, (value) => {
        s.value = value;
      });
    },
    unwatched() {
      stop?.();
      stop = undefined;
    },
  });
  return s;
}
