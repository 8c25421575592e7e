import Dexie from 'dexie';
import type { ImportKind } from './types';
import type { CreatorRow, OrderRow } from './message';

/**
 * Where the background keeps an import's validated rows between their chunks and the commit: a database of its own, so
 * nothing staged is part of the seller's data (a backup, a live query, a rule never sees it) until the commit writes
 * it in one transaction. Each chunk keeps its rows, and apart from them the rows' hashes (the import's identity) and
 * keys (duplicates across chunks), so a commit checks the whole import before it reads a row.
 */

export interface StagedHead {
  stage: string;
  seq: number;
  kind: ImportKind;
  hashes: string[];
  keys: string[];
  /** When the chunk was staged: a stage its page left behind is dropped a day later. */
  stagedAt: number;
}

export interface StagedRows {
  stage: string;
  seq: number;
  rows: CreatorRow[] | OrderRow[];
}

/** A stage older than this was left by a page that closed before committing or dropping it. */
export const STALE_STAGE_MS = 24 * 3_600_000;

export class StageDB extends Dexie {
  heads!: Dexie.Table<StagedHead, [string, number]>;
  rows!: Dexie.Table<StagedRows, [string, number]>;

  constructor(name = 'collab-lens-import-stage') {
    super(name);
    this.version(1).stores({ heads: '[stage+seq], stagedAt', rows: '[stage+seq]' });
  }

  private range<T>(table: Dexie.Table<T, [string, number]>, stage: string) {
    return table.where('[stage+seq]').between([stage, Dexie.minKey], [stage, Dexie.maxKey]);
  }

  /** A stage's chunk heads, in order. */
  headsOf(stage: string): Promise<StagedHead[]> {
    return this.range(this.heads, stage).toArray();
  }

  /** One chunk's rows; read outside any transaction of the seller's database (the commit's is not this database's). */
  async rowsOf(stage: string, seq: number): Promise<StagedRows['rows']> {
    const chunk = await Dexie.ignoreTransaction(() => this.rows.get([stage, seq]));
    if (!chunk) throw new Error(`chunk ${seq} of the stage is gone`);
    return chunk.rows;
  }

  async put(head: StagedHead, rows: StagedRows): Promise<void> {
    await this.transaction('rw', this.heads, this.rows, async () => {
      await this.heads.put(head);
      await this.rows.put(rows);
    });
  }

  async drop(stage: string): Promise<void> {
    await this.transaction('rw', this.heads, this.rows, async () => {
      await this.range(this.heads, stage).delete();
      await this.range(this.rows, stage).delete();
    });
  }

  /** Drops the stages with a chunk staged before `before`. */
  async dropStale(before: number): Promise<void> {
    const stale = new Set((await this.heads.where('stagedAt').below(before).toArray()).map((h) => h.stage));
    for (const stage of stale) await this.drop(stage);
  }
}
