import { browser } from '#imports';
import { PENDING_PREFIX } from '../capture/pending';
import type { IngestAck } from '../messaging/protocol';

/**
 * Drains the captures pages keep in `storage.local` (`lib/capture/pending.ts`) until the background has them: at every
 * start of the worker, and whenever a page writes one (that write is what wakes a stopped worker). Each batch goes
 * through the same validated ingest as a sent one and is removed only once stored, or once refused as invalid (it never
 * will be stored); a batch whose storing failed stays for the next drain. A live page sends its captures and removes
 * them itself within moments, so the drain waits `graceMs` first and then finds only what no page will send; ingest is
 * idempotent, so a capture also sent by its page does no harm.
 */
export function registerPendingCaptures(ingest: (data: unknown) => Promise<IngestAck>, graceMs = 2_000): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  const run = async () => {
    timer = undefined;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await drainOnce(ingest);
      } while (again);
    } catch (error) {
      console.error('[collab-lens] draining pending captures failed', error);
    } finally {
      running = false;
    }
  };
  // A later write does not postpone a drain already due: a page writing without pause cannot starve it.
  const schedule = () => {
    timer ??= setTimeout(() => void run(), graceMs);
  };
  // Registered synchronously at start-up, so that the event which woke the worker is delivered to it.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && Object.entries(changes).some(([key, change]) => key.startsWith(PENDING_PREFIX) && change.newValue != null)) {
      schedule();
    }
  });
  schedule();
}

async function drainOnce(ingest: (data: unknown) => Promise<IngestAck>): Promise<void> {
  const all = await browser.storage.local.get(null);
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(PENDING_PREFIX)) continue;
    const ack = await ingest(value);
    if (!ack.ok && ack.retry) continue;
    if (!ack.ok) console.warn(`[collab-lens] pending captures dropped: ${ack.reason}`);
    await browser.storage.local.remove(key);
  }
}
