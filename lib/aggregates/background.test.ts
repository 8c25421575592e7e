import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDb } from '../../test/db';
import { NOW, request } from '../../test/fixtures/rule-entities';
import type { AppDB } from '../db/app-db';
import type { ChangeSet } from '../rules/types';
import { keepAggregates, refreshAggregates } from './background';
import { aggregateKey } from './model';

const SHOP = 'ID:7495000000000000001';
let db: AppDB;
beforeEach(async () => {
  db = freshDb();
  await db.shops.put({ key: SHOP, region: 'ID', host: 'affiliate-id.tokopedia.com', firstSeenAt: NOW, lastSeenAt: NOW });
});
afterEach(() => db.close());

describe('the background’s aggregate upkeep', () => {
  it('rebuilds after an import or restore, then follows ingest batches', async () => {
    await refreshAggregates(db);
    expect(await db.aggregates.get(aggregateKey(SHOP, 'meta'))).toBeDefined();
    await db.sampleRequests.put(request({ shopKey: SHOP }));
    await keepAggregates(db, { sampleRequests: ['a1'] });
    expect((await db.aggregates.get(aggregateKey(SHOP, 'summary')))?.values).toMatchObject({ requests: 1, byStatus: { PENDING: 1 } });
  });

  it('never fails the batch: an update that throws marks every shop for a rebuild instead', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await refreshAggregates(db);
    // A key IndexedDB refuses makes the update throw half-way.
    await expect(keepAggregates(db, { sampleRequests: [{}] } as unknown as ChangeSet)).resolves.toBeUndefined();
    expect(logged).toHaveBeenCalled();
    expect(await db.aggregates.get(aggregateKey(SHOP, 'meta'))).toBeUndefined();
    // The next batch touching the shop rebuilds it.
    await keepAggregates(db, { shops: [SHOP] });
    expect(await db.aggregates.get(aggregateKey(SHOP, 'meta'))).toBeDefined();
  });
});
