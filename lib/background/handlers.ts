import { receiveRestorePart } from '../backup/restore';
import { RestoreInbox } from '../backup/transfer';
import { captureBatch } from '../capture/schema';
import type { AppDB } from '../db/app-db';
import { ingestCaptures } from '../ingest/ingest';
import { figuresQuery, onMessage, type IngestAck } from '../messaging/protocol';
import { creatorFigures } from '../queries/figures';
import { settingsSchema, writeSettings } from '../settings';
import { registerImportHandlers } from './imports';
import { runMaintenance } from './maintenance';
// [section:language]
import { writeLanguage } from '../i18n/preference';
// [section:costs]
import { saveCosts } from '../costs/costs';
// [section:rules]
import { evaluateAfterReplace, evaluateIngest, registerRules } from './rules';
// [section:annotations]
import { creatorCards } from '../queries/creator-card';
// [section:popup]
import { keepAggregates, refreshStaleAggregates, registerAggregates } from '../aggregates/background';
// [section:triage]
import { registerTriage } from './triage';
import { keepCreatorRows, rebuildCreatorRowsOf, refreshStaleCreatorRows, registerCreatorRows } from '../creators/background';
import { openCreatorPage } from '../creators/open';
import { readSampleCost } from '../costs/sample-cost';

/**
 * Validate and store a batch of captures, with everything that follows a write. The one path for captures, whether a
 * page sent them or left them in storage for the worker to drain (`pending-captures.ts`).
 */
export async function ingestBatch(db: AppDB, data: unknown): Promise<IngestAck> {
  const batch = captureBatch.safeParse(data);
  if (!batch.success) return { ok: false, retry: false, reason: 'invalid batch' };
  try {
    const { changes, ...summary } = await ingestCaptures(db, batch.data.captures);
    // [section:rules] acknowledged after the incremental evaluation, so the page's refresh sees current findings
    await evaluateIngest(db, changes);
    // [section:popup] the popup's aggregates follow the same changes before the batch is acknowledged
    await keepAggregates(db, changes);
    // The creators view's rows follow in their own queue, without holding the acknowledgement.
    void keepCreatorRows(db, changes);
    return { ok: true, ...summary };
  } catch (error) {
    console.error('[collab-lens] ingest failed', error);
    return { ok: false, retry: true, reason: error instanceof Error ? error.name : 'error' };
  }
}

/** Every message the background answers. Inputs are validated here: the types are only compile-time. */
export function registerHandlers(db: AppDB): void {
  onMessage('ingestCaptures', ({ data }) => ingestBatch(db, data));
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
  // [section:rules] a restore replaced the model: every rule runs again before the options page hears it is done
  onMessage('restoreBackup', async ({ data }) => {
    const ack = await receiveRestorePart(db, restores, data);
    if (ack.ok && ack.done) await evaluateAfterReplace(db);
    if (ack.ok && ack.done) await refreshStaleAggregates(db); // [section:popup]
    if (ack.ok && ack.done) void refreshStaleCreatorRows(db);
    return ack;
  });
  registerRules(db);
  // [section:language]
  onMessage('saveLanguage', ({ data }) =>
    writeLanguage(data?.language).then(
      () => ({ ok: true }),
      () => ({ ok: false }),
    ),
  );
  // [section:costs]
  onMessage('saveCosts', async ({ data }) => {
    const ack = await saveCosts(db, data, Date.now());
    if (ack.ok) void rebuildCreatorRowsOf(db, [(data as { shopKey: string }).shopKey]);
    return ack;
  });
  // [section:annotations]
  onMessage('getCreatorCards', ({ data }) => {
    const q = figuresQuery.safeParse(data);
    return q.success ? readSampleCost(q.data.shopKey).then((flat) => creatorCards(db, q.data.shopKey, q.data.handles, flat)) : [];
  });
  // [section:popup]
  registerAggregates(db);
  // [section:triage]
  registerTriage(db);
  registerCreatorRows(db);
  onMessage('openCreatorPage', ({ data }) => openCreatorPage(data));
}
