import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import type { AppDB } from '../db/app-db';
import type { Money } from '../domain/money';
import type { SampleStatus } from '../domain/sample-status';
import type { Shop } from '../domain/types';
import type { ChangeSet } from '../rules/types';
import { rebuildAggregates } from '../aggregates/maintain';
import { CREATOR_AGGREGATE_KINDS, DAY_MS, headlineKey, readHeadline, rowsMetaKey } from './figures';
import { freshness, rebuildCreatorRows, refreshStale, updateCreatorRows, type CreatorRowsOptions } from './maintain';
import { setCreatorMarks } from './marks';

const NOW = Date.UTC(2025, 5, 15, 12);
const DAY = DAY_MS;
const SHOPS = ['US:1', 'ID:2'];
const HANDLES = ['ana', 'budi', 'citra', 'dewi'];
/** The region each creator sells in (a creator's region does not change). */
const REGION: Record<string, string | undefined> = { ana: 'US', budi: 'ID', citra: undefined, dewi: 'US' };
const SRC = { endpoint: 'e', page: 'https://affiliate-us.tiktok.com/product/sample-request' };
const shopRow = (key: string): Shop => ({ key, region: key.slice(0, 2), sellerId: key.slice(3), host: 'affiliate-us.tiktok.com', firstSeenAt: NOW - 300 * DAY, lastSeenAt: NOW });
const money = (shopKey: string, minor: number): Money => ({ minor, currency: shopKey.startsWith('US') ? 'USD' : 'IDR' });

/** Every creator row and creators-view aggregate without its write time: what must not depend on the path taken. */
async function contents(db: AppDB) {
  const rows = (await db.creatorRows.toArray()).map(({ updatedAt: _u, ...r }) => r);
  const aggregates = (await db.aggregates.toArray())
    .filter((a) => CREATOR_AGGREGATE_KINDS.has(a.kind))
    .map(({ updatedAt: _u, ...a }) => (a.kind === 'creatorRows' ? { ...a, values: { ...a.values, builtAt: 0 } } : a));
  return { rows, aggregates };
}

let db: AppDB;
beforeEach(async () => {
  db = freshDb();
  await db.shops.bulkPut(SHOPS.map(shopRow));
});
afterEach(() => db.close());

const request = (applyId: string, handle: string, status: SampleStatus, seen: number) => ({
  applyId,
  shopKey: 'US:1',
  creatorHandle: handle,
  productId: 'p1',
  status,
  statusRaw: status,
  statusSeenAt: seen,
  appliedAt: NOW - 5 * DAY,
  firstSeenAt: NOW - 5 * DAY,
  lastSeenAt: seen,
  source: SRC,
});

describe('rebuildCreatorRows', () => {
  it('rewrites only rows whose figures changed, and removes rows no longer produced', async () => {
    await db.sampleRequests.bulkPut([request('1', 'ana', 'SHIPPED', NOW), request('2', 'budi', 'PENDING', NOW)]);
    await rebuildCreatorRows(db, { now: NOW });
    const first = await db.creatorRows.toArray();
    expect(first.map((r) => `${r.period}|${r.handle}`).sort()).toEqual(['all|ana', 'all|budi', 'd30|ana', 'd30|budi', 'd90|ana', 'd90|budi']);

    await db.sampleRequests.put(request('2', 'budi', 'SHIPPED', NOW + 1));
    await rebuildCreatorRows(db, { now: NOW + 1000 });
    const again = await db.creatorRows.toArray();
    const updated = (handle: string) => again.filter((r) => r.handle === handle).map((r) => r.updatedAt);
    expect(updated('ana')).toEqual([NOW, NOW, NOW]);
    expect(updated('budi')).toEqual([NOW + 1000, NOW + 1000, NOW + 1000]);

    await db.sampleRequests.delete('1');
    await rebuildCreatorRows(db, { now: NOW + 2000 });
    expect((await db.creatorRows.toArray()).map((r) => r.handle)).toEqual(['budi', 'budi', 'budi']);
    expect(await readHeadline(db, 'US:1', 'all')).toMatchObject({ creators: 1, samplesSent: 1 });
  });

  it('removes the rows and headlines of a shop that is gone, and an aggregates rebuild leaves the headlines alone', async () => {
    await db.sampleRequests.put(request('1', 'ana', 'SHIPPED', NOW));
    await rebuildCreatorRows(db, { now: NOW });
    await rebuildAggregates(db, { now: NOW });
    expect(await db.aggregates.get(headlineKey('US:1', 'd30'))).toBeDefined();
    expect(await db.aggregates.get(rowsMetaKey('US:1'))).toBeDefined();

    await db.shops.delete('US:1');
    await rebuildCreatorRows(db, { now: NOW });
    expect(await db.creatorRows.count()).toBe(0);
    expect(await db.aggregates.get(headlineKey('US:1', 'd30'))).toBeUndefined();
    expect(await db.aggregates.get(headlineKey('ID:2', 'd30'))).toBeDefined();
  });

  it('is stale on a new UTC day, a new flat cost, a shop’s first order line or a new import; fresh otherwise', async () => {
    await db.sampleRequests.put(request('1', 'ana', 'SHIPPED', NOW));
    expect(await freshness(db, 'US:1', { now: NOW })).toEqual({ stale: 'missing' });
    await rebuildCreatorRows(db, { now: NOW });
    expect((await freshness(db, 'US:1', { now: NOW + 1000 })).stale).toBeUndefined();
    expect(await freshness(db, 'US:1', { now: NOW + DAY })).toEqual({ stale: 'day' });
    expect(await freshness(db, 'US:1', { now: NOW, flatCosts: { 'US:1': money('US:1', 500) } })).toEqual({ stale: 'flat cost' });
    await db.orderSkus.put({ key: 'o1|s1', orderId: 'o1', shopKey: 'US:1', createdAt: NOW, creatorHandle: 'ana', settlement: 'UNKNOWN', settlementRaw: '', refunded: 0, firstSeenAt: NOW, lastSeenAt: NOW, source: SRC });
    expect(await freshness(db, 'US:1', { now: NOW })).toEqual({ stale: 'coverage' });
    await rebuildCreatorRows(db, { now: NOW });
    await db.imports.put({ id: 'imp', kind: 'creator-analysis', fileName: 'a.csv', shopKey: 'US:1', period: { start: NOW - 30 * DAY, end: NOW }, rows: 0, importedAt: NOW });
    expect(await freshness(db, 'US:1', { now: NOW })).toEqual({ stale: 'periods' });
    expect(await refreshStale(db, SHOPS, { now: NOW })).toEqual(['US:1']);
    expect(await refreshStale(db, SHOPS, { now: NOW })).toEqual([]);
    expect(await db.aggregates.get(headlineKey('US:1', 'import:imp'))).toBeDefined();
  });
});

describe('updateCreatorRows', () => {
  it('after any sequence of changes equals a rebuild (property)', async () => {
    /**
     * What ingest writes, as it writes it: a record's own times (when a request was made, an order created, content
     * posted, an invitation started) never change once known, sightings only move forward, and a request's status only
     * moves on (a sample once sent stays sent). A request can first be seen without the time it was made (it then
     * counts from when it was first seen), and an invitation's creators before the invitation itself: either can move
     * a creator out of a window.
     */
    const FORWARD: SampleStatus[] = ['PENDING', 'AWAITING_SHIPMENT', 'SHIPPED', 'CONTENT_PENDING', 'UNFULFILL_CANCELLED', 'COMPLETED'];
    const nat = (max: number) => fc.nat(max);
    const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
    const write = fc.oneof(
      w(4, fc.record({ t: fc.constant('request' as const), n: nat(7), step: nat(5), dated: fc.boolean() })),
      w(2, fc.record({ t: fc.constant('content' as const), n: nat(5) })),
      w(4, fc.record({ t: fc.constant('order' as const), n: nat(9), price: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }), commission: nat(900), refunded: fc.boolean() })),
      w(2, fc.record({ t: fc.constant('invited' as const), n: nat(2), h: nat(3), withInvitation: fc.boolean() })),
      w(1, fc.record({ t: fc.constant('application' as const), n: nat(3) })),
      w(2, fc.record({ t: fc.constant('shopCreator' as const), shop: nat(1), h: nat(3), ago: nat(120) })),
      w(3, fc.record({ t: fc.constant('creator' as const), h: nat(3), ago: nat(120), fulfilment: fc.option(nat(10_000), { nil: undefined }), nickname: fc.constantFrom('A', 'B', undefined) })),
      w(2, fc.record({ t: fc.constant('marks' as const), h: nat(3), blocked: fc.boolean(), tags: fc.constantFrom([], ['vip'], ['vip', 'Skincare']) })),
      w(1, fc.record({ t: fc.constant('flat' as const), minor: fc.option(fc.constantFrom(0, 500, 750), { nil: undefined }) })),
      w(1, fc.record({ t: fc.constant('cost' as const), sku: nat(2), minor: fc.option(fc.constantFrom(300, 1200), { nil: undefined }) })),
      w(1, fc.record({ t: fc.constant('shop' as const), n: nat(1) })),
    );
    type Write = typeof write extends fc.Arbitrary<infer W> ? W : never;
    const shopOf = (n: number) => SHOPS[n % 3 === 2 ? 1 : 0] as string;
    const handleOf = (n: number) => HANDLES[n % HANDLES.length] as string;
    /** Fixed times per record, spread over the windows: 0 to 120 days ago. */
    const eventAt = (n: number) => NOW - ((n * 37) % 121) * DAY;

    let clock = 0;
    let flat: Money | undefined;
    const seen = () => NOW - DAY + ++clock;
    const options = (): CreatorRowsOptions => ({ now: NOW, flatCosts: flat ? { 'US:1': flat } : {} });

    async function apply(w: Write, changes: Record<string, string[]>) {
      const add = (table: string, key: string) => (changes[table] ??= []).push(key);
      switch (w.t) {
        case 'request': {
          const applyId = `r${w.n}`;
          const before = await db.sampleRequests.get(applyId);
          const status = FORWARD[Math.max(FORWARD.indexOf(before?.status ?? 'PENDING'), w.step)] as SampleStatus;
          const shopKey = shopOf(w.n);
          const at = seen();
          const appliedAt = before?.appliedAt ?? (w.dated ? eventAt(w.n) : undefined);
          await db.sampleRequests.put({ ...request(applyId, handleOf(w.n), status, at), shopKey, appliedAt, firstSeenAt: before?.firstSeenAt ?? at, skuId: `s${w.n % 3}` });
          return add('sampleRequests', applyId);
        }
        case 'content': {
          const at = eventAt(w.n + 3);
          await db.sampleContents.put({ contentId: `v${w.n}`, applyId: `r${w.n}`, shopKey: shopOf(w.n), creatorHandle: handleOf(w.n), format: 'VIDEO', postedAt: at, firstSeenAt: at, lastSeenAt: seen(), source: SRC });
          return add('sampleContents', `v${w.n}`);
        }
        case 'order': {
          const key = `o${w.n}|s1`;
          const shopKey = shopOf(w.n);
          const before = await db.orderSkus.get(key);
          await db.orderSkus.put({
            key,
            orderId: `o${w.n % 6}`,
            shopKey,
            createdAt: eventAt(w.n + 1),
            skuId: 's1',
            ...(w.price === undefined ? {} : { price: money(shopKey, w.price) }),
            commissionBps: 1000,
            estimatedCommission: money(shopKey, w.commission),
            creatorHandle: handleOf(w.n + 1),
            settlement: 'TO_SETTLE',
            settlementRaw: 'to_settle',
            refunded: before?.refunded || w.refunded ? 1 : 0,
            firstSeenAt: NOW - 200 * DAY,
            lastSeenAt: seen(),
            source: SRC,
          });
          return add('orderSkus', key);
        }
        case 'invited': {
          const id = `i${w.n}`;
          const shopKey = shopOf(w.n);
          if (w.withInvitation && !(await db.invitations.get(id))) {
            await db.invitations.put({ id, shopKey, name: id, status: 'ONGOING', statusRaw: '1', startAt: eventAt(w.n + 2), counts: {}, contactChannels: [], firstSeenAt: NOW - 200 * DAY, lastSeenAt: seen(), source: SRC });
            add('invitations', id);
          }
          await db.invitationCreators.put({ invitationId: id, handle: handleOf(w.h), shopKey, accepted: 0, statusRaw: '1', lastSeenAt: seen() });
          return add('invitationCreators', `${id}|${handleOf(w.h)}`);
        }
        case 'application': {
          const at = eventAt(w.n + 4);
          await db.creatorApplications.put({ id: `a${w.n}`, shopKey: shopOf(w.n), productId: 'p1', creatorHandle: handleOf(w.n + 2), status: 'PENDING', appliedAt: at, firstSeenAt: at, lastSeenAt: seen(), source: SRC });
          return add('creatorApplications', `a${w.n}`);
        }
        case 'shopCreator': {
          const shopKey = SHOPS[w.shop] as string;
          const handle = handleOf(w.h);
          const before = await db.shopCreators.get([shopKey, handle]);
          const at = Math.max(before?.lastSeenAt ?? 0, NOW - w.ago * DAY);
          await db.shopCreators.put({ shopKey, handle, firstSeenAt: before?.firstSeenAt ?? at, lastSeenAt: at });
          return add('shopCreators', `${shopKey}|${handle}`);
        }
        case 'creator': {
          const handle = handleOf(w.h);
          const before = await db.creators.get(handle);
          const at = Math.max(before?.lastSeenAt ?? 0, NOW - w.ago * DAY);
          const region = REGION[handle];
          await db.creators.put({
            handle,
            aliases: [],
            ...(w.nickname ? { nickname: w.nickname } : {}),
            ...(region ? { region } : {}),
            ...(w.fulfilment === undefined ? {} : { fulfillmentBps: { value: w.fulfilment, seenAt: seen(), source: SRC } }),
            firstSeenAt: before?.firstSeenAt ?? at,
            lastSeenAt: at,
          });
          return add('creators', handle);
        }
        case 'marks':
          return void (await setCreatorMarks(db, { handle: handleOf(w.h), blocked: w.blocked, tags: w.tags }, NOW));
        case 'cost': {
          // The seller saved a SKU's cost: as with the flat cost, the background rebuilds the shop.
          const key = `US:1|s${w.sku}`;
          if (w.minor === undefined) await db.costs.delete(key);
          else await db.costs.put({ key, shopKey: 'US:1', productId: 'p1', skuId: `s${w.sku}`, costOfGoods: money('US:1', w.minor), updatedAt: NOW });
          return add('flatCost', 'US:1');
        }
        case 'flat':
          // The seller saved a flat cost: the background rebuilds the shop after this step's update (below), and an
          // update that comes first finds the shop's rows built with another flat cost.
          flat = w.minor === undefined ? undefined : money('US:1', w.minor);
          return add('flatCost', 'US:1');
        case 'shop':
          await db.shops.put({ ...shopRow(SHOPS[w.n] as string), lastSeenAt: NOW + ++clock });
          return add('shops', SHOPS[w.n] as string);
      }
    }

    const steps = fc.array(fc.array(write, { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 10, maxLength: 30 }), fc.boolean(), steps, async (base, withImport, steps) => {
        await Promise.all(db.tables.filter((t) => t.name !== 'shops').map((t) => t.clear()));
        clock = 0;
        flat = undefined;
        for (const w of base) await apply(w, {});
        if (withImport) {
          const period = { start: NOW - 60 * DAY, end: NOW - 30 * DAY };
          await db.imports.put({ id: 'imp', kind: 'creator-analysis', fileName: 'May.xlsx', shopKey: 'US:1', period, rows: 2, importedAt: NOW - DAY });
          await db.creatorPerformance.bulkPut(
            ['ana', 'citra'].map((handle, i) => ({ key: `US:1|${handle}|${period.start}|${period.end}`, shopKey: 'US:1', handle, period, gmv: money('US:1', 1000 * i), samplesShipped: i + 1, importId: 'imp' })),
          );
        }
        await rebuildCreatorRows(db, options());
        for (const writes of steps) {
          const changes: Record<string, string[]> = {};
          for (const w of writes) await apply(w, changes);
          const { flatCost, ...ingested } = changes;
          await updateCreatorRows(db, ingested as ChangeSet, options());
          if (flatCost) await rebuildCreatorRows(db, { ...options(), shopKeys: flatCost });
          const incremental = await contents(db);
          await rebuildCreatorRows(db, options());
          expect(incremental).toEqual(await contents(db));
        }
      }),
      { numRuns: 60 },
    );
  }, 180_000);

  it('touches only the creators a change is about', async () => {
    await db.sampleRequests.bulkPut([request('1', 'ana', 'SHIPPED', NOW), request('2', 'budi', 'PENDING', NOW)]);
    await rebuildCreatorRows(db, { now: NOW });
    await db.sampleRequests.put(request('2', 'budi', 'SHIPPED', NOW + 5));
    await updateCreatorRows(db, { sampleRequests: ['2'] }, { now: NOW + 100 });
    const rows = await db.creatorRows.toArray();
    expect(rows.filter((r) => r.handle === 'ana').map((r) => r.updatedAt)).toEqual([NOW, NOW, NOW]);
    expect(rows.filter((r) => r.handle === 'budi').map((r) => [r.samplesSent, r.updatedAt])).toEqual([
      [1, NOW + 100],
      [1, NOW + 100],
      [1, NOW + 100],
    ]);
    expect(await readHeadline(db, 'US:1', 'd30')).toMatchObject({ creators: 2, samplesSent: 2 });
  });

  it('rebuilds a shop whose rows were never built', async () => {
    await db.sampleRequests.put(request('1', 'ana', 'SHIPPED', NOW));
    await updateCreatorRows(db, { sampleRequests: ['1'] }, { now: NOW });
    expect(await db.creatorRows.count()).toBe(3);
    expect(await db.aggregates.get(rowsMetaKey('US:1'))).toBeDefined();
  });
});
