import { liveQuery } from 'dexie';

/**
 * Follow a Dexie live query: `next` gets its first result and every later one (writes by the service worker reach
 * extension pages through Dexie's change broadcast). Returns the unsubscribe, for an effect's cleanup.
 */
export function follow<T>(query: () => Promise<T>, next: (value: T) => void): () => void {
  const subscription = liveQuery(query).subscribe({
    next,
    error: (error: unknown) => console.error('[collab-lens] live query failed', error),
  });
  return () => subscription.unsubscribe();
}
