import type { PageSummary } from '../ingest/ingest';
import type { IngestAck } from '../messaging/protocol';
import { pendingKey, type PendingStore } from './pending';
import type { Capture, CaptureBatch } from './schema';

export interface OutboxOptions {
  send(batch: CaptureBatch): Promise<IngestAck>;
  onAck(summary: PageSummary): void;
  signal: AbortSignal;
  /** Where each capture is kept until the background has it, for the background to drain if this page cannot send it. */
  store: PendingStore;
  /** Wait this long after a capture for others to join its batch. */
  batchDelayMs?: number;
  maxBatch?: number;
  /** Response text per batch; a single larger capture still goes alone. */
  maxBatchChars?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** How often a batch the background could not store is tried before this page leaves it to the background's drain. */
  maxStoreAttempts?: number;
}

/**
 * Holds captures until the background acknowledges them. Each capture is first written to storage the background
 * drains (write-ahead): a page that is closed or left right after an answer cannot send it (a message cannot wake a
 * stopped worker for a frame that is gone), and waiting for `pagehide` to write it loses it when the tab is closed.
 * A batch that cannot be delivered (the service worker was stopped, or is starting) is sent again with backoff, for as
 * long as the page lives; ingest is idempotent, so a batch stored twice does no harm. A batch the background refuses as
 * invalid is dropped at once, and one it fails to store is left to the drain after a few attempts, so no batch blocks
 * the ones after it. A capture leaves storage once the background has answered for it.
 */
export class Outbox {
  private readonly queue: Capture[] = [];
  /** The write of each capture still in storage: its removal must not overtake it. */
  private readonly kept = new Map<string, Promise<unknown>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight = false;
  private attempt = 0;
  private storeAttempts = 0;

  constructor(private readonly o: OutboxOptions) {
    o.signal.addEventListener('abort', () => clearTimeout(this.timer), { once: true });
  }

  get pending(): number {
    return this.queue.length;
  }

  push(capture: Capture): void {
    this.queue.push(capture);
    this.kept.set(
      capture.id,
      this.o.store.save(pendingKey(capture.id), { captures: [capture] }).catch((error: unknown) => console.warn('[collab-lens] capture not kept', error)),
    );
    this.schedule(this.o.batchDelayMs ?? 100);
  }

  private schedule(delay: number) {
    if (this.timer !== undefined || this.inFlight || this.o.signal.aborted) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delay);
  }

  private nextBatch(): Capture[] {
    const maxCount = this.o.maxBatch ?? 50;
    const maxChars = this.o.maxBatchChars ?? 8 * 1024 * 1024;
    let chars = 0;
    let n = 0;
    for (const c of this.queue) {
      if (n >= maxCount || (n > 0 && chars + c.responseText.length > maxChars)) break;
      chars += c.responseText.length;
      n += 1;
    }
    return this.queue.slice(0, n);
  }

  private backoff(attempt: number) {
    return Math.min((this.o.retryBaseMs ?? 200) * 2 ** (attempt - 1), this.o.retryMaxMs ?? 5_000);
  }

  private async flush() {
    if (this.inFlight || this.queue.length === 0 || this.o.signal.aborted) return;
    this.inFlight = true;
    const batch = this.nextBatch();
    let delay = 0;
    try {
      const ack = await this.o.send({ captures: batch });
      this.attempt = 0;
      if (ack.ok) {
        this.done(batch, true);
        this.o.onAck(ack);
      } else if (!ack.retry) {
        console.warn(`[collab-lens] ${batch.length} capture(s) dropped: ${ack.reason}`);
        this.done(batch, true);
      } else if (++this.storeAttempts >= (this.o.maxStoreAttempts ?? 3)) {
        console.warn(`[collab-lens] ${batch.length} capture(s) left to the background: ${ack.reason}`);
        this.done(batch, false);
      } else {
        delay = this.backoff(this.storeAttempts);
      }
    } catch {
      this.attempt += 1;
      delay = this.backoff(this.attempt);
    } finally {
      this.inFlight = false;
    }
    if (this.queue.length) this.schedule(delay);
  }

  /** The batch leaves the queue; it leaves storage too once the background has answered for it for good. */
  private done(batch: Capture[], answered: boolean) {
    this.queue.splice(0, batch.length);
    this.storeAttempts = 0;
    const writes = batch.map((c) => this.kept.get(c.id));
    for (const c of batch) this.kept.delete(c.id);
    if (!answered) return;
    void Promise.all(writes).then(() =>
      this.o.store.remove(batch.map((c) => pendingKey(c.id))).catch((error: unknown) => console.warn('[collab-lens] kept captures not removed', error)),
    );
  }
}
