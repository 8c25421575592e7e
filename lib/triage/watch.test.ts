import { effect } from '@preact/signals';
import { Dexie, type ObservabilitySet } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import type { AppDB } from '../db/app-db';
import type { Creator, SampleRequest } from '../domain/types';
import { loadQueue, type QueueData } from './queue';
import { queueSignal, touchesQueue } from './watch';

const SHOP = 'US:7495000000000000001';
const OTHER = 'GB:1';
const NOW = Date.UTC(2025, 5, 1, 12);
const H = 3_600_000;
const source = { endpoint: 'test', page: 'https://affiliate-us.tiktok.com/product/sample-request' };

const request = (applyId: string, handle: string, o: Partial<SampleRequest> = {}): SampleRequest => ({
  applyId,
  shopKey: SHOP,
  creatorHandle: handle,
  productId: 'P1',
  status: 'PENDING',
  statusRaw: 'PENDING',
  statusSeenAt: NOW,
  firstSeenAt: NOW - H,
  lastSeenAt: NOW - H,
  source,
  ...o,
});
const creator = (handle: string, fulfilment = 5000): Creator => ({ handle, aliases: [], fulfillmentBps: { value: fulfilment, seenAt: NOW - H, source }, firstSeenAt: NOW - H, lastSeenAt: NOW - H });

async function seeded() {
  const db = freshDb();
  await db.sampleRequests.bulkPut([request('101', 'ann'), request('102', 'ann', { status: 'COMPLETED', statusRaw: 'COMPLETED' }), request('201', 'ben'), { ...request('901', 'zed'), shopKey: OTHER, productId: 'P9' }]);
  await db.creators.bulkPut([creator('ann'), creator('ben'), creator('zed')]);
  return db;
}

const listeners: ((parts: ObservabilitySet) => void)[] = [];
afterEach(() => {
  for (const l of listeners.splice(0)) Dexie.on.storagemutated.unsubscribe(l);
});

/** What Dexie broadcast about the writes `write` made. */
async function changesOf(write: () => Promise<unknown>): Promise<ObservabilitySet[]> {
  const seen: ObservabilitySet[] = [];
  const listener = (parts: ObservabilitySet) => void seen.push(parts);
  listeners.push(listener);
  Dexie.on('storagemutated', listener);
  await write();
  Dexie.on.storagemutated.unsubscribe(listener);
  return seen;
}

async function touches(db: AppDB, data: QueueData | undefined, write: () => Promise<unknown>): Promise<boolean> {
  const changes = await changesOf(write);
  expect(changes.length).toBeGreaterThan(0);
  return changes.some((parts) => touchesQueue(parts, db.name, SHOP, data));
}

describe('touchesQueue', () => {
  it('is touched by the shop’s requests, the loaded creators and products, the shop’s costs and the seller’s creator marks', async () => {
    const db = await seeded();
    const data = await loadQueue(db, SHOP);
    expect(await touches(db, data, () => db.sampleRequests.put(request('301', 'cy')))).toBe(true);
    expect(await touches(db, data, () => db.sampleRequests.update('102', { status: 'UNFULFILL_CANCELLED' }))).toBe(true);
    expect(await touches(db, data, () => db.sampleRequests.delete('201'))).toBe(true);
    expect(await touches(db, data, () => db.creators.put(creator('ann', 9000)))).toBe(true);
    expect(await touches(db, data, () => db.products.put({ productId: 'P1', shopKey: SHOP, title: 'Serum', firstSeenAt: NOW, lastSeenAt: NOW, source }))).toBe(true);
    expect(
      await touches(db, data, () =>
        db.costs.put({ key: `${SHOP}|S1`, shopKey: SHOP, productId: 'P1', skuId: 'S1', costOfGoods: { minor: 100, currency: 'USD' }, updatedAt: NOW }),
      ),
    ).toBe(true);
    expect(await touches(db, data, () => db.creatorMarks.put({ handle: 'ben', tags: ['late'], watch: 0, blocked: 1, updatedAt: NOW }))).toBe(true);
  });

  it('is not touched by another shop’s requests, creators and products it did not read, or other tables', async () => {
    const db = await seeded();
    const data = await loadQueue(db, SHOP);
    expect(await touches(db, data, () => db.sampleRequests.put({ ...request('902', 'zed'), shopKey: OTHER, productId: 'P9' }))).toBe(false);
    expect(await touches(db, data, () => db.creators.put(creator('zed', 9000)))).toBe(false);
    expect(await touches(db, data, () => db.products.put({ productId: 'P9', shopKey: OTHER, title: 'Other', firstSeenAt: NOW, lastSeenAt: NOW, source }))).toBe(false);
    expect(await touches(db, data, () => db.triageMarks.put({ applyId: '101', shopKey: SHOP, mark: 'approve', markedAt: NOW }))).toBe(false);
  });

  it('counts a bulk write that Dexie reports as a whole range, and a creator the queue looked for but did not find', async () => {
    const db = await seeded();
    await db.sampleRequests.put(request('401', 'dee'));
    const data = await loadQueue(db, SHOP);
    expect(data.creators.has('dee')).toBe(false);
    expect(await touches(db, data, () => db.creators.put(creator('dee')))).toBe(true);
    const many = Array.from({ length: 60 }, (_, i) => creator(`other.${i}`));
    expect(await touches(db, data, () => db.creators.bulkPut([...many, creator('ben', 100)]))).toBe(true);
  });

  it('while the queue loads, is touched by any change to the tables it reads, and by nothing else', async () => {
    const db = await seeded();
    expect(await touches(db, undefined, () => db.creators.put(creator('zed', 1)))).toBe(true);
    expect(await touches(db, undefined, () => db.triageMarks.put({ applyId: '101', shopKey: SHOP, mark: 'skip', markedAt: NOW }))).toBe(false);
  });
});

/** The values a queue signal takes while an effect renders it. */
function watch(db: AppDB, shopKey: string | undefined) {
  const values: (QueueData | null | undefined)[] = [];
  const stop = effect(() => void values.push(queueSignal(db, shopKey).value));
  return { values, stop };
}

describe('queueSignal', () => {
  it('holds null without a shop', () => {
    const { values, stop } = watch(freshDb(), undefined);
    expect(values).toEqual([null]);
    stop();
  });

  it('loads the queue, reloads it when a change touches it, and stops following when nothing renders it', async () => {
    const db = await seeded();
    const s = queueSignal(db, SHOP);
    const seen: (QueueData | null | undefined)[] = [];
    const stop = effect(() => void seen.push(s.value));
    await expect.poll(() => s.value?.pending.map((r) => r.applyId).sort()).toEqual(['101', '201']);
    await db.sampleRequests.put(request('301', 'cy'));
    await expect.poll(() => s.value?.pending.map((r) => r.applyId).sort()).toEqual(['101', '201', '301']);
    await db.creators.put(creator('ben', 1234));
    await expect.poll(() => s.value?.creators.get('ben')?.fulfillmentBps?.value).toBe(1234);
    const count = seen.length;
    await db.triageMarks.put({ applyId: '101', shopKey: SHOP, mark: 'approve', markedAt: NOW });
    await db.sampleRequests.put({ ...request('903', 'zed'), shopKey: OTHER });
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.length).toBe(count);
    stop();
    await db.sampleRequests.put(request('302', 'cy'));
    await new Promise((r) => setTimeout(r, 50));
    expect(s.value?.pending.map((r) => r.applyId).sort()).toEqual(['101', '201', '301']);
  });

  it('reloads after a load that a change overtook, so the value is never older than the last write', async () => {
    const db = await seeded();
    const s = queueSignal(db, SHOP);
    const stop = effect(() => void s.value);
    // Written while the first load is under way.
    await db.sampleRequests.put(request('301', 'cy'));
    await expect.poll(() => s.value?.pending.map((r) => r.applyId).sort()).toEqual(['101', '201', '301']);
    stop();
  });
});
