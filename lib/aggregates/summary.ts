import { Dexie } from 'dexie';
import type { AppDB } from '../db/app-db';
import { SAMPLE_STATUSES } from '../domain/sample-status';
import type { SummaryAggregate } from './model';

/**
 * What the popup's sample-request view shows for one shop: requests by status, distinct creators who sent them, and
 * products seen. Counted through the `[shopKey+status]`, `[shopKey+creatorHandle]` and `shopKey` indexes, so no request
 * or product row is read.
 */
export async function summaryOf(db: AppDB, shopKey: string): Promise<SummaryAggregate> {
  const [counts, creators, products] = await Promise.all([
    Promise.all(SAMPLE_STATUSES.map((s) => db.sampleRequests.where('[shopKey+status]').equals([shopKey, s]).count())),
    db.sampleRequests.where('[shopKey+creatorHandle]').between([shopKey, Dexie.minKey], [shopKey, Dexie.maxKey], true, true).uniqueKeys(),
    db.products.where('shopKey').equals(shopKey).count(),
  ]);
  const byStatus: Record<string, number> = {};
  SAMPLE_STATUSES.forEach((s, i) => {
    if (counts[i]) byStatus[s] = counts[i] as number;
  });
  return { requests: counts.reduce((a, b) => a + b, 0), creators: creators.length, products, byStatus };
}
