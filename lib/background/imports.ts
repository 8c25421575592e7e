import type { AppDB } from '../db/app-db';
import { importIdOfHashes, rowHashOf } from '../import/identity';
import { cancelRequest, dropRequest, importRequest, stageChunk, type ImportRequest, type ImportResponse, type StageResponse } from '../import/message';
import { StageDB, STALE_STAGE_MS } from '../import/stage';
import { storeImport, type StoreRequest } from '../import/store';
import { MAX_ROWS } from '../import/types';
import { onMessage } from '../messaging/protocol';
import { evaluateAfterReplace } from './rules';
import { refreshAggregates } from '../aggregates/background'; // [section:popup]
import { rebuildCreatorRowsOf } from '../creators/background';

/**
 * Imports of Affiliate Center exports: the options page sends the validated rows in chunks, which are validated again
 * here and staged (`lib/import/stage.ts`); the commit checks the whole stage (every chunk there, no duplicate row, the
 * identity what the rows say) and writes it in one transaction. A cancel for an import being saved aborts that
 * transaction. A committed, refused or cancelled stage is dropped; so is one its page left behind, a day later.
 */
export class ImportDesk {
  private readonly running = new Map<string, { cancelled: boolean; committing: boolean }>();

  constructor(
    private readonly db: AppDB,
    private readonly now: () => number = Date.now,
    private readonly stages: StageDB = new StageDB(),
  ) {}

  /** Validates and stages one chunk of rows; the first chunk of a stage also drops stages left behind. */
  async stage(data: unknown): Promise<StageResponse> {
    const parsed = stageChunk.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, reason: issue ? `${issue.path.join('.')}: ${issue.code}` : 'invalid' };
    }
    const chunk = parsed.data;
    const now = this.now();
    if (chunk.seq === 0) await this.stages.dropStale(now - STALE_STAGE_MS);
    const hashes = chunk.kind === 'creator-analysis' ? chunk.rows.map((r) => rowHashOf(chunk.kind, r)) : chunk.rows.map((r) => rowHashOf(chunk.kind, r));
    const keys = chunk.kind === 'creator-analysis' ? chunk.rows.map((r) => r.handle) : chunk.rows.map((r) => `${r.orderId}|${r.skuId}`);
    await this.stages.put({ stage: chunk.stage, seq: chunk.seq, kind: chunk.kind, hashes, keys, stagedAt: now }, { stage: chunk.stage, seq: chunk.seq, rows: chunk.rows });
    return { ok: true };
  }

  async drop(data: unknown): Promise<void> {
    const parsed = dropRequest.safeParse(data);
    if (parsed.success) await this.stages.drop(parsed.data.stage);
  }

  /** Checks and stores one staged import. The import is registered before the first await, so a cancel sent after it finds it. */
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
      const refused = await this.check(req);
      if (refused) return { ok: false, status: 'invalid', reason: refused };
      if (state.cancelled) return { ok: false, status: 'cancelled' };
      const { stage: _stage, chunks: count, ...meta } = req;
      const chunks = { count, read: (seq: number) => this.stages.rowsOf(req.stage, seq) };
      const request = (req.kind === 'creator-analysis' ? { ...meta, kind: req.kind, chunks } : { ...meta, kind: req.kind, chunks }) as StoreRequest;
      return await storeImport(this.db, request, {
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
      await this.stages.drop(req.stage).catch((error: unknown) => console.error('[collab-lens] dropping a stage failed', error));
    }
  }

  /** Why the staged import cannot be committed as the request says, or undefined when it can. */
  private async check(req: ImportRequest): Promise<string | undefined> {
    const heads = await this.stages.headsOf(req.stage);
    if (heads.length !== req.chunks || heads.some((h, i) => h.seq !== i || h.kind !== req.kind)) return 'stage: not the chunks the request names';
    const hashes: string[] = [];
    const keys = new Set<string>();
    for (const h of heads) {
      for (const key of h.keys) {
        if (keys.has(key)) return 'rows: duplicate row key';
        keys.add(key);
      }
      for (const hash of h.hashes) hashes.push(hash);
    }
    if (hashes.length !== req.rowCount || hashes.length > MAX_ROWS) return 'rowCount: not the rows staged';
    if ((await importIdOfHashes(req, hashes)) !== req.id) return 'id: not the identity of these rows';
    return undefined;
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
  onMessage('stageImportRows', ({ data }) => desk.stage(data));
  onMessage('dropStagedImport', ({ data }) => desk.drop(data));
  onMessage('importRows', async ({ data }) => {
    const response = await desk.importRows(data);
    if (response.ok && response.status === 'imported') await evaluateAfterReplace(db);
    if (response.ok && response.status === 'imported') await refreshAggregates(db); // [section:popup]
    if (response.ok && response.status === 'imported') void rebuildCreatorRowsOf(db, [response.record.shopKey]);
    return response;
  });
  onMessage('cancelImport', ({ data }) => desk.cancel(data));
}
