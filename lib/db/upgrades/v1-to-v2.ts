import type { Transaction } from 'dexie';
import type { SourceRef, Transition } from '../../domain/types';

/** The v1 row shape of `statusHistory` (one observed status change of a sample request). */
interface StatusChangeV1 {
  id?: number;
  applyId: string;
  status: string;
  statusRaw: string;
  seenAt: number;
  source: SourceRef;
}

/**
 * v1 → v2: every sample-request status change moves from `statusHistory` to the generic `transitions`, in the order it
 * was seen, with the status it came from. Dexie removes the old table only after this has run.
 */
export async function upgradeV1toV2(tx: Transaction): Promise<void> {
  const rows = (await tx.table('statusHistory').toArray()) as StatusChangeV1[];
  rows.sort((a, b) => a.applyId.localeCompare(b.applyId) || a.seenAt - b.seenAt || (a.id ?? 0) - (b.id ?? 0));
  const out: Transition[] = [];
  let previous: StatusChangeV1 | undefined;
  for (const r of rows) {
    const from = previous?.applyId === r.applyId ? previous.status : undefined;
    out.push({ entity: 'sampleRequest', key: r.applyId, from, to: r.status, raw: r.statusRaw, seenAt: r.seenAt, source: r.source });
    previous = r;
  }
  await tx.table('transitions').bulkAdd(out);
}
