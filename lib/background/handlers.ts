import { captureBatch } from '../capture/schema';
import type { AppDB } from '../db/app-db';
import { ingestCaptures } from '../ingest/ingest';
import { figuresQuery, onMessage } from '../messaging/protocol';
import { creatorFigures } from '../queries/figures';

/** Every message the background answers. Inputs are validated here: the types are only compile-time. */
export function registerHandlers(db: AppDB): void {
  onMessage('ingestCaptures', async ({ data }) => {
    const batch = captureBatch.safeParse(data);
    if (!batch.success) return { ok: false, retry: false, reason: 'invalid batch' };
    try {
      return { ok: true, ...(await ingestCaptures(db, batch.data.captures)) };
    } catch (error) {
      console.error('[collab-lens] ingest failed', error);
      return { ok: false, retry: true, reason: error instanceof Error ? error.name : 'error' };
    }
  });
  onMessage('getCreatorFigures', ({ data }) => {
    const q = figuresQuery.parse(data);
    return creatorFigures(db, q.shopKey, q.handles);
  });
  // [section:imports]
  // [section:backup]
}
