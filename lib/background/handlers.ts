import { receiveRestorePart } from '../backup/restore';
import { RestoreInbox } from '../backup/transfer';
import { captureBatch } from '../capture/schema';
import type { AppDB } from '../db/app-db';
import { ingestCaptures } from '../ingest/ingest';
import { figuresQuery, onMessage } from '../messaging/protocol';
import { creatorFigures } from '../queries/figures';
import { settingsSchema, writeSettings } from '../settings';
import { registerImportHandlers } from './imports';
import { runMaintenance } from './maintenance';

/** Every message the background answers. Inputs are validated here: the types are only compile-time. */
export function registerHandlers(db: AppDB): void {
  onMessage('ingestCaptures', async ({ data }) => {
    const batch = captureBatch.safeParse(data);
    if (!batch.success) return { ok: false, retry: false, reason: 'invalid batch' };
    try {
      const { changes: _changes, ...summary } = await ingestCaptures(db, batch.data.captures);
      return { ok: true, ...summary };
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
  registerImportHandlers(db);
  // [section:backup]
  onMessage('saveSettings', async ({ data }) => {
    const parsed = settingsSchema.safeParse(data);
    if (!parsed.success) return { ok: false };
    const settings = await writeSettings(parsed.data);
    return { ok: true, settings, removed: await runMaintenance(db, settings) };
  });
  const restores = new RestoreInbox();
  onMessage('restoreBackup', ({ data }) => receiveRestorePart(db, restores, data));
}
