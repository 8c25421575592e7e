import { describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import type { SampleRequest } from '../domain/types';
import { creatorFigures } from './figures';

const SHOP = 'US:7495000000000000001';
const NOW = Date.UTC(2025, 5, 1, 12);
const source = { endpoint: 'test', page: 'https://affiliate-us.tiktok.com/product/sample-request' };
const request = (applyId: string): SampleRequest => ({
  applyId,
  shopKey: SHOP,
  creatorHandle: 'ann',
  productId: '1',
  status: 'PENDING',
  statusRaw: 'PENDING',
  statusSeenAt: NOW,
  firstSeenAt: NOW,
  lastSeenAt: NOW,
  source,
});

async function seeded() {
  const db = freshDb();
  await db.creators.put({ handle: 'ann', aliases: [], firstSeenAt: NOW, lastSeenAt: NOW });
  await db.sampleRequests.bulkPut([request('11'), request('12')]);
  await db.triageMarks.put({ applyId: '11', shopKey: SHOP, mark: 'reject', markedAt: NOW });
  return db;
}

describe('creatorFigures: the seller’s triage marks', () => {
  it('carries each request’s mark, for the sample badge', async () => {
    const db = await seeded();
    const [ann] = await creatorFigures(db, SHOP, ['ann']);
    expect(ann?.requests.map((r) => [r.applyId, r.mark])).toEqual([
      ['11', 'reject'],
      ['12', undefined],
    ]);
  });

  it('inside a caller’s transaction that does not cover the marks, answers without them instead of failing', async () => {
    const db = await seeded();
    const figures = await db.transaction('r', [db.creators, db.sampleRequests, db.products], () => creatorFigures(db, SHOP, ['ann']));
    expect(figures[0]?.requests.map((r) => r.mark)).toEqual([undefined, undefined]);
  });
});
