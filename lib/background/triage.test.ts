import { describe, expect, it } from 'vitest';
import { dump, freshDb } from '../../test/db';
import type { SampleRequest } from '../domain/types';
import { setTriageMarks, type TriageDeps } from './triage';

const SHOP = 'US:7495000000000000001';
const NOW = Date.UTC(2025, 5, 1, 12);
const source = { endpoint: 'test', page: 'https://affiliate-us.tiktok.com/product/sample-request' };
const request = (applyId: string, shopKey = SHOP): SampleRequest => ({
  applyId,
  shopKey,
  creatorHandle: 'ann',
  productId: '1',
  status: 'PENDING',
  statusRaw: 'PENDING',
  statusSeenAt: NOW,
  firstSeenAt: NOW,
  lastSeenAt: NOW,
  source,
});

function setup() {
  const db = freshDb();
  const told: string[][] = [];
  const deps: TriageDeps = {
    now: () => NOW,
    broadcast: async (shops) => {
      told.push([...shops]);
    },
  };
  return { db, told, deps };
}

describe('setTriageMarks', () => {
  it('marks requests of the shop, re-marks, clears with null, and tells the shop’s tabs each time', async () => {
    const { db, told, deps } = setup();
    await db.sampleRequests.bulkPut([request('11'), request('12'), request('13')]);
    expect(await setTriageMarks(db, { shopKey: SHOP, applyIds: ['11', '12', '11'], mark: 'approve' }, deps)).toEqual({ ok: true, changed: 2 });
    expect(await db.triageMarks.toArray()).toEqual([
      { applyId: '11', shopKey: SHOP, mark: 'approve', markedAt: NOW },
      { applyId: '12', shopKey: SHOP, mark: 'approve', markedAt: NOW },
    ]);
    expect(await setTriageMarks(db, { shopKey: SHOP, applyIds: ['12'], mark: 'skip' }, deps)).toEqual({ ok: true, changed: 1 });
    expect((await db.triageMarks.get('12'))?.mark).toBe('skip');
    expect(await setTriageMarks(db, { shopKey: SHOP, applyIds: ['11', '12'], mark: null }, deps)).toEqual({ ok: true, changed: 2 });
    expect(await db.triageMarks.count()).toBe(0);
    expect(told).toEqual([[SHOP], [SHOP], [SHOP]]);
  });

  it('writes nothing when one request is unknown or of another shop, or the message is malformed', async () => {
    const { db, told, deps } = setup();
    await db.sampleRequests.bulkPut([request('11'), request('21', 'GB:1')]);
    const before = await dump(db);
    const bad: unknown[] = [
      { shopKey: SHOP, applyIds: ['11', '99'], mark: 'approve' },
      { shopKey: SHOP, applyIds: ['11', '21'], mark: 'reject' },
      { shopKey: SHOP, applyIds: [], mark: 'approve' },
      { shopKey: SHOP, applyIds: ['11'], mark: 'maybe' },
      { shopKey: SHOP, applyIds: ['11'] },
      { shopKey: 'nope', applyIds: ['11'], mark: 'skip' },
      { shopKey: SHOP, applyIds: ['<img src=x>'], mark: 'skip' },
      { shopKey: SHOP, applyIds: Array.from({ length: 10_001 }, (_, i) => String(i)), mark: 'skip' },
      null,
    ];
    for (const data of bad) expect(await setTriageMarks(db, data, deps)).toEqual({ ok: false });
    expect(await dump(db)).toEqual(before);
    expect(told).toEqual([]);
  });
});
