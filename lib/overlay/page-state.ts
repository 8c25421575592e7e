import type { IngestSummary } from '../ingest/ingest';
import type { RevealQuery } from '../messaging/protocol';

/**
 * What this tab's captures have told the overlay: which shop the page belongs to and which creators it has shown.
 * The capture bridge feeds it after each acknowledged batch; features subscribe for the life of their signal.
 */
export class PageState {
  shopKey: string | undefined;
  readonly handles = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private revealer: ((q: RevealQuery) => boolean) | undefined;

  record(summary: Pick<IngestSummary, 'shops' | 'handles'>): void {
    const shop = summary.shops.at(-1);
    if (shop) this.shopKey = shop;
    for (const h of summary.handles) this.handles.add(h);
    for (const l of this.listeners) l();
  }

  subscribe(listener: () => void, signal: AbortSignal): void {
    this.listeners.add(listener);
    signal.addEventListener('abort', () => this.listeners.delete(listener), { once: true });
  }

  /** The feature that owns the badges answers "show this request" from the side panel. */
  setRevealer(reveal: (q: RevealQuery) => boolean, signal: AbortSignal): void {
    this.revealer = reveal;
    signal.addEventListener('abort', () => {
      if (this.revealer === reveal) this.revealer = undefined;
    });
  }

  reveal(q: RevealQuery): boolean {
    return this.revealer?.(q) ?? false;
  }
}
