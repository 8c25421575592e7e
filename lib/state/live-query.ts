import { signal, type ReadonlySignal } from '@preact/signals';
import { liveQuery } from 'dexie';

/**
 * A signal that holds the latest result of a Dexie live query, subscribed only while something renders it.
 * Writes by the service worker reach extension pages through Dexie's cross-context change broadcast.
 */
export function liveQuerySignal<T>(query: () => Promise<T>): ReadonlySignal<T | undefined> {
  let subscription: { unsubscribe(): void } | undefined;
  const s = signal<T | undefined>(undefined, {
    watched() {
      subscription = liveQuery(query).subscribe({
        next: (value) => {
          s.value = value;
        },
        error: (error: unknown) => console.error('[collab-lens] live query failed', error),
      });
    },
    unwatched() {
      subscription?.unsubscribe();
      subscription = undefined;
    },
  });
  return s;
}
