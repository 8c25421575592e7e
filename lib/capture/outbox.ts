import type { IngestSummary } from '../ingest/ingest';
import type { Capture, CaptureBatch } from './schema';

export interface OutboxOptions {
  send(batch: CaptureBatch): Promise<IngestSummary>;
  onAck(summary: IngestSummary): void;
  signal: AbortSignal;
  /** Wait this long after a capture for others to join its batch. */
  batchDelayMs?: number;
  maxBatch?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
}

/**
 * Holds captures until the background acknowledges them. A batch that fails (the service worker was stopped, or is
 * starting) is sent again with backoff; ingest is idempotent, so a batch acknowledged late and re-sent does no harm.
 */
export class Outbox {
  private readonly queue: Capture[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight = false;
  private attempt = 0;

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

  private schedule(delay: number) {
    if (this.timer !== undefined || this.inFlight || this.o.signal.aborted) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delay);
  }

  private async flush() {
    if (this.inFlight || this.queue.length === 0 || this.o.signal.aborted) return;
    this.inFlight = true;
    const batch = this.queue.slice(0, this.o.maxBatch ?? 50);
    let delay = 0;
    try {
      const summary = await this.o.send({ captures: batch });
      this.queue.splice(0, batch.length);
      this.attempt = 0;
      this.o.onAck(summary);
    } catch {
      this.attempt += 1;
      delay = Math.min((this.o.retryBaseMs ?? 200) * 2 ** (this.attempt - 1), this.o.retryMaxMs ?? 5_000);
    } finally {
      this.inFlight = false;
    }
    if (this.queue.length) this.schedule(delay);
  }
}
