import type { PageSummary } from '../ingest/ingest';
import type { IngestAck } from '../messaging/protocol';
import type { Capture, CaptureBatch } from './schema';

export interface OutboxOptions {
  send(batch: CaptureBatch): Promise<IngestAck>;
  onAck(summary: PageSummary): void;
  signal: AbortSignal;
  /** Wait this long after a capture for others to join its batch. */
  batchDelayMs?: number;
  maxBatch?: number;
  /** Response text per batch; a single larger capture still goes alone. */
  maxBatchChars?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** How often a batch the background could not store is tried before it is dropped. */
  maxStoreAttempts?: number;
}

/**
 * Holds captures until the background acknowledges them. A batch that cannot be delivered (the service worker was
 * stopped, or is starting) is sent again with backoff, for as long as the page lives; ingest is idempotent, so a batch
 * stored but acknowledged too late does no harm when it comes again. A batch the background refuses as invalid is
 * dropped at once, and one it fails to store is dropped after a few attempts, so no batch blocks the ones after it.
 */
export class Outbox {
  private readonly queue: Capture[] = [];
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
    this.schedule(this.o.batchDelayMs ?? 100);
  }

  /** Send what is waiting now (the page is going away: a batch sent during unload still reaches the background). */
  flushNow(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    void this.flush();
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
        this.done(batch.length);
        this.o.onAck(ack);
      } else if (!ack.retry || ++this.storeAttempts >= (this.o.maxStoreAttempts ?? 3)) {
        console.warn(`[collab-lens] ${batch.length} capture(s) dropped: ${ack.reason}`);
        this.done(batch.length);
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

  private done(count: number) {
    this.queue.splice(0, count);
    this.storeAttempts = 0;
  }
}
