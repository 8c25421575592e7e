import type { PageSummary } from '../ingest/ingest';
import type { RevealQuery } from '../messaging/protocol';

/**
 * What this tab's captures have told the overlay: which shop the page belongs to and which creators it has shown.
 * The capture bridge feeds it after each acknowledged batch, and the background's "findings changed" notice marks it
 * changed too; features subscribe for the life of their signal. `revision` grows with every change, so data derived
 * from the state (findings, creator cards) can be fetched once per revision and shared by the features.
 */
export class PageState {
  shopKey: string | undefined;
  readonly handles = new Set<string>();
  revision = 0;
  private readonly listeners = new Set<(change: StateChange) => void>();
  private revealer: ((q: RevealQuery) => boolean) | undefined;

  record(summary: Pick<PageSummary, 'shops' | 'handles'>): void {
    const shop = summary.shops.at(-1);
    if (shop) this.shopKey = shop;
    for (const h of summary.handles) this.handles.add(h);
    this.emit({ kind: 'captured', handles: summary.handles });
  }

  /** Something the page shows was derived again in the background (findings, their states) for `shopKey`. */
  changed(shopKey: string): void {
    if (shopKey === this.shopKey) this.emit({ kind: 'derived' });
  }

  subscribe(listener: (change: StateChange) => void, signal: AbortSignal): void {
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

  private emit(change: StateChange): void {
    this.revision += 1;
    for (const l of this.listeners) l(change);
  }
}

/** A batch of captures was stored (with the creators it showed), or data derived from the model changed. */
export type StateChange = { kind: 'captured'; handles: readonly string[] } | { kind: 'derived' };
