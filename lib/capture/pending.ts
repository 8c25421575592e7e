import { browser } from '#imports';
import type { CaptureBatch } from './schema';

/**
 * Captures the background has not yet stored, kept in `storage.local` under keys with this prefix. The browser itself
 * writes storage.local (no worker has to run), it outlives the page and the worker, and a write wakes a stopped
 * worker through `storage.onChanged`; the background then stores each batch and removes it
 * (`lib/background/pending-captures.ts`).
 */
export const PENDING_PREFIX = 'pendingCaptures:';

export const pendingKey = (captureId: string) => `${PENDING_PREFIX}${captureId}`;

/** Where the content script keeps captures until the background has them. */
export interface PendingStore {
  save(key: string, batch: CaptureBatch): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export const localPendingStore: PendingStore = {
  save: (key, batch) => browser.storage.local.set({ [key]: batch }),
  remove: (keys) => browser.storage.local.remove(keys),
};
