import type { AppDB } from '../db/app-db';
import { importIdOf } from '../import/identity';
import { cancelRequest, importRequest, type ImportResponse } from '../import/message';
import { storeImport } from '../import/store';
import { onMessage } from '../messaging/protocol';
import { evaluateAfterReplace } from './rules';
import { refreshAggregates } from '../aggregates/background'; // [section:popup]
import { rebuildCreatorRowsOf } from '../creators/background';

/**
 * Imports of Affiliate Center exports: the options page sends the validated rows in one message; they are validated
 * again here (the import's identity too: it must be what the rows say) and written in one transaction. A cancel for an
 * import being saved aborts that transaction.
 */
export class ImportDesk {
  private readonly running = new Map<string, { cancelled: boolean; committing: boolean }>();

  constructor(
    private readonly db: AppDB,
    private readonly now: () => number = Date.now,
  ) {}

  /** Validates and stores one import. The import is registered before the first await, so a cancel sent after it finds it. */
  async importRows(data: unknown): Promise<ImportResponse> {
    const parsed = importRequest.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, status: 'invalid', reason: issue ? `${issue.path.join('.')}: ${issue.code}` : 'invalid' };
    }
    const req = parsed.data;
    if (this.running.has(req.id)) return { ok: false, status: 'failed', reason: 'this file is already being imported' };
    const state = { cancelled: false, committing: false };
    this.running.set(req.id, state);
    try {
      if ((await importIdOf(req)) !== req.id) return { ok: false, status: 'invalid', reason: 'id: not the identity of these rows' };
      if (state.cancelled) return { ok: false, status: 'cancelled' };
      return await storeImport(this.db, req, {
        now: this.now(),
        cancelled: () => state.cancelled,
        committing: () => {
          state.committing = true;
        },
      });
    } catch (error) {
      console.error('[collab-lens] import failed', error);
      return { ok: false, status: 'failed', reason: error instanceof Error ? error.name : 'error' };
    } finally {
      this.running.delete(req.id);
    }
  }

  /** True when the import was still being saved and will now store nothing; false when it was not running or had committed. */
  cancel(data: unknown): { cancelled: boolean } {
    const parsed = cancelRequest.safeParse(data);
    const state = parsed.success ? this.running.get(parsed.data.id) : undefined;
    if (!state || state.committing) return { cancelled: false };
    state.cancelled = true;
    return { cancelled: true };
  }
}

export function registerImportHandlers(db: AppDB): void {
  const desk = new ImportDesk(db);
  onMessage('importRows', async ({ data }) => {
    const response = await desk.importRows(data);
    if (response.ok && response.status === 'imported') await evaluateAfterReplace(db);
    if (response.ok && response.status === 'imported') await refreshAggregates(db); // [section:popup]
    if (response.ok && response.status === 'imported') void rebuildCreatorRowsOf(db, [response.record.shopKey]);
    return response;
  });
  onMessage('cancelImport', ({ data }) => desk.cancel(data));
}
