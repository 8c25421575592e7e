import type { SubjectKind } from '../rules/types';
import type { FindingView } from '../rules/view';
import type { PageState } from './page-state';

/** What the seller can do with a finding from its annotation. */
export type FindingAction = 'dismiss' | 'snooze';

/** A snooze from an annotation lasts a day; the alarm brings the finding back after it. */
export const SNOOZE_MS = 86_400_000;

export interface FindingsSource {
  fetch(shopKey: string): Promise<FindingView[]>;
  setState(id: string, action: FindingAction, until?: number): Promise<unknown>;
}

/**
 * The shop's findings as the overlay shows them, for every feature of the page: fetched once per page-state revision
 * (a stored capture batch, or the background's notice that findings changed) and shared; only the active ones (not
 * dismissed, not snoozed). A finding the seller dismisses or snoozes from the page is hidden at once and stays hidden
 * until a later answer from the background confirms it has that state.
 */
export class FindingsFeed {
  private cached: { key: string; promise: Promise<FindingView[]> } | undefined;
  private readonly pending = new Map<string, FindingAction>();

  constructor(
    private readonly state: PageState,
    private readonly source: FindingsSource,
    private readonly now: () => number = Date.now,
  ) {}

  /** The active findings of the page's shop about `subjects`. */
  async active(subjects: ReadonlySet<SubjectKind>): Promise<FindingView[]> {
    const shopKey = this.state.shopKey;
    if (!shopKey) return [];
    const key = `${shopKey}@${this.state.revision}`;
    if (this.cached?.key !== key) this.cached = { key, promise: this.source.fetch(shopKey).catch(() => []) };
    const all = await this.cached.promise;
    for (const f of all) if (this.pending.has(f.id) && f.state !== 'active') this.pending.delete(f.id);
    return all.filter((f) => f.state === 'active' && !this.pending.has(f.id) && subjects.has(f.subject));
  }

  /** Dismiss or snooze (for `SNOOZE_MS`) a finding; hidden on the page at once. */
  async act(id: string, action: FindingAction): Promise<void> {
    this.pending.set(id, action);
    try {
      await this.source.setState(id, action, action === 'snooze' ? this.now() + SNOOZE_MS : undefined);
    } catch (error) {
      this.pending.delete(id);
      throw error;
    }
  }
}
