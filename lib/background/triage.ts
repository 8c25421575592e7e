import type { AppDB } from '../db/app-db';
import type { TriageMark } from '../domain/types';
import { onMessage, triageMarksChange, type TriageMarksAck } from '../messaging/protocol';
import { DEFAULT_DEPS } from './rules';

export interface TriageDeps {
  now: () => number;
  /** Tell the shop's Affiliate Center tabs that what they show changed (the badges show the marks). */
  broadcast(shopKeys: readonly string[]): Promise<void>;
}

const DEFAULT_TRIAGE_DEPS: TriageDeps = { now: Date.now, broadcast: (shopKeys) => DEFAULT_DEPS.effects.broadcast(shopKeys) };

/**
 * The `setTriageMarks` message: mark (or, with `null`, unmark) some of a shop's sample requests, in one transaction.
 * Nothing is written unless every request exists and belongs to that shop. The marks are the seller's own notes of
 * a decision: the seller still approves or rejects on the page.
 */
export async function setTriageMarks(db: AppDB, data: unknown, deps: TriageDeps = DEFAULT_TRIAGE_DEPS): Promise<TriageMarksAck> {
  const parsed = triageMarksChange.safeParse(data);
  if (!parsed.success) return { ok: false };
  const { shopKey, mark } = parsed.data;
  const applyIds = [...new Set(parsed.data.applyIds)];
  const markedAt = deps.now();
  const changed = await db.transaction('rw', db.sampleRequests, db.triageMarks, async () => {
    const requests = await db.sampleRequests.bulkGet(applyIds);
    if (requests.some((r) => r?.shopKey !== shopKey)) return undefined;
    if (mark === null) await db.triageMarks.bulkDelete(applyIds);
    else await db.triageMarks.bulkPut(applyIds.map((applyId): TriageMark => ({ applyId, shopKey, mark, markedAt })));
    return applyIds.length;
  });
  if (changed === undefined) return { ok: false };
  await deps.broadcast([shopKey]).catch((error: unknown) => console.error('[collab-lens] telling tabs about marks failed', error));
  return { ok: true, changed };
}

/** The triage messages. */
export function registerTriage(db: AppDB, deps: TriageDeps = DEFAULT_TRIAGE_DEPS): () => void {
  return onMessage('setTriageMarks', ({ data }) => setTriageMarks(db, data, deps));
}
