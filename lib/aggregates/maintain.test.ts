import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { DAY, NOW, campaign, content, creator, invitation, invitationProduct, openCollab, product, registration, request } from '../../test/fixtures/rule-entities';
import type { AppDB } from '../db/app-db';
import type { SampleStatus } from '../domain/sample-status';
import type { Shop } from '../domain/types';
import type { ChangeSet } from '../rules/types';
import { rebuildAggregates, updateAggregates } from './maintain';
import { AGGREGATES_VERSION, aggregateKey } from './model';

const SHOPS = ['ID:1', 'ID:2', 'US:3'];
const HANDLES = ['ana', 'budi', 'citra'];
const shopRow = (key: string, lastSeenAt = NOW): Shop => ({
  key,
  region: key.slice(0, 2),
  sellerId: key.slice(3),
  host: key.startsWith('US') ? 'affiliate-us.tiktok.com' : 'affiliate-id.tokopedia.com',
  firstSeenAt: NOW - 30 * DAY,
  lastSeenAt,
});

/** Every aggregate row without its write time (and the meta row's build time): what must not depend on the path taken. */
async function contents(db: AppDB) {
  return (await db.aggregates.toArray()).map(({ updatedAt: _u, ...row }) =>
    row.kind === 'meta' ? { ...row, values: { ...row.values, builtAt: 0 } } : row,
  );
}

let db: AppDB;
beforeEach(async () => {
  db = freshDb();
  await db.shops.bulkPut(SHOPS.map((s) => shopRow(s)));
});
afterEach(() => db.close());

describe('rebuildAggregates', () => {
  it('writes every kind a shop has data for, with a meta row, and removes the rows of shops that are gone', async () => {
    const shop = 'ID:1';
    await db.products.bulkPut(Array.from({ length: 3 }, (_, i) => product({ productId: `p${i}`, shopKey: shop, categoryId: 'beauty' })));
    await db.openCollabs.bulkPut(Array.from({ length: 3 }, (_, i) => openCollab({ productId: `p${i}`, shopKey: shop, commissionBps: 1000 + i })));
    await db.invitations.put(invitation({ shopKey: shop, startAt: NOW - DAY, message: 'Hi' }));
    await db.invitationCreators.put({ invitationId: 'inv1', handle: 'ana', shopKey: shop, accepted: 0, statusRaw: '1', state: 'INVITED', lastSeenAt: NOW });
    await db.sampleRequests.put(request({ shopKey: shop, creatorHandle: 'ana', productId: 'p0' }));
    await db.aggregates.put({ key: aggregateKey('XX:9', 'summary'), shopKey: 'XX:9', kind: 'summary', values: {}, updatedAt: 1 });

    await rebuildAggregates(db, { now: NOW });
    const rows = await db.aggregates.where('shopKey').equals(shop).toArray();
    expect(rows.map((r) => r.kind).sort()).toEqual(['benchmark', 'invitation', 'message', 'meta', 'summary', 'tiers', 'week']);
    expect(rows.find((r) => r.kind === 'summary')?.values).toEqual({ requests: 1, creators: 1, products: 3, byStatus: { PENDING: 1 } });
    expect(rows.find((r) => r.kind === 'meta')?.values).toEqual({ version: AGGREGATES_VERSION, builtAt: NOW });
    expect(await db.aggregates.get(aggregateKey('XX:9', 'summary'))).toBeUndefined();
    // Shops without data still get a summary and a meta row, so the popup knows they are built.
    expect((await db.aggregates.where('shopKey').equals('US:3').toArray()).map((r) => r.kind).sort()).toEqual(['meta', 'summary']);
  });

  it('rewrites only rows whose values changed', async () => {
    await rebuildAggregates(db, { now: NOW });
    await db.sampleRequests.put(request({ shopKey: 'ID:2' }));
    await rebuildAggregates(db, { now: NOW + 1 });
    const rows = await db.aggregates.toArray();
    const written = rows.filter((r) => r.updatedAt === NOW + 1).map((r) => r.key).sort();
    expect(written).toEqual([...SHOPS.map((s) => aggregateKey(s, 'meta')), aggregateKey('ID:2', 'summary')].sort());
  });
});

describe('updateAggregates', () => {
  it('rebuilds a shop that has no aggregates yet instead of patching it', async () => {
    await db.invitations.put(invitation({ shopKey: 'ID:1', startAt: NOW - DAY }));
    await db.invitationCreators.put({ invitationId: 'inv1', handle: 'ana', shopKey: 'ID:1', accepted: 0, statusRaw: '1', state: 'INVITED', lastSeenAt: NOW });
    // Only the shop row changed, yet the invitation seen before aggregates existed is counted.
    await updateAggregates(db, { shops: ['ID:1'] }, NOW);
    expect((await db.aggregates.get(aggregateKey('ID:1', 'week', '2025-W24')))?.values).toMatchObject({ invitations: 1, funnel: { invited: 1 } });
    expect(await db.aggregates.get(aggregateKey('ID:1', 'meta'))).toBeDefined();
    expect(await db.aggregates.get(aggregateKey('ID:2', 'meta'))).toBeUndefined();
  });

  /**
   * Any sequence of writes to the tables aggregates read, each followed by an incremental update with the keys it
   * wrote, leaves the same aggregates as a rebuild. A record's shop, creator and product are fixed by its number (as on
   * Affiliate Center, where they do not change); everything else varies.
   */
  it('moves the market side of a benchmark when a marketplace shows a creator', async () => {
    await db.products.put(product({ productId: 'p0', shopKey: 'ID:1', categoryId: 'beauty', categoryName: 'Beauty' }));
    await rebuildAggregates(db, { now: NOW });
    const source = { endpoint: 'creators.find', page: 'https://affiliate-id.tokopedia.com/connection/creator?shop_region=ID' };
    await db.shopCreators.put({
      shopKey: 'ID:2',
      handle: 'ana',
      medianCommission: { bps: 1200, form: 'label', firstSeenAt: NOW, lastSeenAt: NOW, source },
      categories: { value: [{ name: 'Beauty' }], seenAt: NOW, source },
      firstSeenAt: NOW,
      lastSeenAt: NOW,
    });
    await updateAggregates(db, { shopCreators: ['ID:2|ana'] }, NOW + 1);
    const incremental = await contents(db);
    expect(incremental.find((r) => r.key === aggregateKey('ID:1', 'benchmark', 'beauty'))?.values).toMatchObject({ count: 0, market: { count: 1 } });
    await rebuildAggregates(db, { now: NOW + 1 });
    expect(await contents(db)).toEqual(incremental);
  });

  it('after any sequence of changes equals a rebuild (property)', async () => {
    const STATUSES: SampleStatus[] = ['PENDING', 'AWAITING_SHIPMENT', 'SHIPPED', 'COMPLETED', 'REJECT_CANCELLED'];
    const nat = (max: number) => fc.nat(max);
    const day = fc.integer({ min: -20, max: 0 });
    const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
    const write = fc.oneof(
      w(3, fc.record({ t: fc.constant('product' as const), n: nat(5), category: fc.constantFrom('beauty', 'home', undefined), title: fc.constantFrom('A', 'B') })),
      w(3, fc.record({ t: fc.constant('collab' as const), n: nat(5), bps: fc.integer({ min: 0, max: 3000 }) })),
      w(2, fc.record({ t: fc.constant('invitation' as const), n: nat(2), start: fc.option(day, { nil: undefined }), message: fc.constantFrom('Hi', ' Hi ', 'Halo', undefined) })),
      w(4, fc.record({ t: fc.constant('invited' as const), n: nat(2), h: nat(2), state: fc.constantFrom('INVITED' as const, 'ACCEPTED' as const, 'POSTED' as const) })),
      w(3, fc.record({ t: fc.constant('invitedProduct' as const), n: nat(2), p: nat(3), bps: fc.integer({ min: 100, max: 3000 }) })),
      w(3, fc.record({ t: fc.constant('request' as const), n: nat(7), status: fc.constantFrom(...STATUSES), bps: fc.integer({ min: 0, max: 3000 }), applied: day })),
      w(2, fc.record({ t: fc.constant('content' as const), n: nat(5), posted: day })),
      w(3, fc.record({ t: fc.constant('order' as const), n: nat(7), created: day })),
      w(3, fc.record({ t: fc.constant('creator' as const), h: nat(2), followers: fc.option(fc.constantFrom(500, 5000, 50_000, 2_000_000), { nil: undefined }) })),
      w(1, fc.record({ t: fc.constant('campaign' as const), n: nat(1), bps: fc.integer({ min: 0, max: 3000 }) })),
      w(1, fc.record({ t: fc.constant('registration' as const), n: nat(1), p: nat(5), bps: fc.integer({ min: 0, max: 3000 }) })),
      w(1, fc.record({ t: fc.constant('shop' as const), n: nat(2) })),
    );
    type Write = typeof write extends fc.Arbitrary<infer W> ? W : never;
    /** Products are spread over the three shops; outreach records mostly belong to the first shop, so they meet. */
    const shopOf = (n: number) => SHOPS[n % SHOPS.length] as string;
    const outreachShop = (n: number, first: number) => (n < first ? 'ID:1' : 'ID:2');
    const handleOf = (n: number) => HANDLES[n % 3] as string;

    async function apply(w: Write, changes: Record<string, string[]>) {
      const add = (table: string, key: string) => (changes[table] ??= []).push(key);
      switch (w.t) {
        case 'product':
          await db.products.put(product({ productId: `p${w.n}`, shopKey: shopOf(w.n), title: w.title, categoryId: w.category, categoryName: w.category }));
          return add('products', `p${w.n}`);
        case 'collab':
          await db.openCollabs.put(openCollab({ productId: `p${w.n}`, shopKey: shopOf(w.n), commissionBps: w.bps }));
          return add('openCollabs', `${shopOf(w.n)}|p${w.n}`);
        case 'invitation':
          await db.invitations.put(invitation({ id: `i${w.n}`, shopKey: outreachShop(w.n, 2), startAt: w.start === undefined ? undefined : NOW + w.start * DAY, message: w.message }));
          return add('invitations', `i${w.n}`);
        case 'invited':
          await db.invitationCreators.put({ invitationId: `i${w.n}`, handle: handleOf(w.h), shopKey: outreachShop(w.n, 2), accepted: w.state === 'INVITED' ? 0 : 1, statusRaw: w.state, state: w.state, lastSeenAt: NOW });
          return add('invitationCreators', `i${w.n}|${handleOf(w.h)}`);
        case 'invitedProduct':
          await db.invitationProducts.put(invitationProduct({ invitationId: `i${w.n}`, productId: `p${w.p}`, shopKey: outreachShop(w.n, 2), targetCommissionBps: w.bps }));
          return add('invitationProducts', `i${w.n}|p${w.p}`);
        case 'request':
          await db.sampleRequests.put(
            request({ applyId: `r${w.n}`, shopKey: outreachShop(w.n, 5), creatorHandle: handleOf(w.n), productId: `p${w.n % 4}`, status: w.status, commissionBps: w.bps || undefined, appliedAt: NOW + w.applied * DAY }),
          );
          return add('sampleRequests', `r${w.n}`);
        case 'content':
          await db.sampleContents.put(content({ contentId: `v${w.n}`, shopKey: outreachShop(w.n, 4), creatorHandle: handleOf(w.n + 1), productId: `p${w.n % 4}`, postedAt: NOW + w.posted * DAY }));
          return add('sampleContents', `v${w.n}`);
        case 'order': {
          const key = `o${w.n}|s1`;
          await db.orderSkus.put({
            key,
            orderId: `o${w.n}`,
            shopKey: outreachShop(w.n, 5),
            createdAt: NOW + w.created * DAY,
            productId: `p${(w.n + 1) % 4}`,
            skuId: 's1',
            creatorHandle: handleOf(w.n + 2),
            settlement: 'TO_SETTLE',
            settlementRaw: 'to_settle',
            refunded: 0,
            firstSeenAt: NOW,
            lastSeenAt: NOW,
            source: { endpoint: 'orders', page: 'p' },
          });
          return add('orderSkus', key);
        }
        case 'creator':
          await db.creators.put(creator({ handle: handleOf(w.h), ...(w.followers === undefined ? {} : { followerCount: { value: w.followers, seenAt: NOW, source: { endpoint: 'e', page: 'p' } } }) }));
          return add('creators', handleOf(w.h));
        case 'campaign':
          await db.campaigns.put(campaign({ id: `c${w.n}`, shopKey: shopOf(w.n), commissionRequirementBps: w.bps || undefined }));
          return add('campaigns', `c${w.n}`);
        case 'registration':
          await db.registrations.put(registration({ key: `c${w.n}|p${w.p}`, campaignId: `c${w.n}`, productId: `p${w.p}`, shopKey: shopOf(w.p), totalCommissionBps: w.bps || undefined }));
          return add('registrations', `c${w.n}|p${w.p}`);
        case 'shop':
          await db.shops.put(shopRow(shopOf(w.n), NOW + 1));
          return add('shops', shopOf(w.n));
      }
    }

    const steps = fc.array(fc.array(write, { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 20, maxLength: 40 }), steps, async (base, steps) => {
        await Promise.all(db.tables.filter((t) => t.name !== 'shops').map((t) => t.clear()));
        for (const w of base) await apply(w, {});
        await rebuildAggregates(db, { now: NOW });
        for (const writes of steps) {
          const changes: Record<string, string[]> = {};
          for (const w of writes) await apply(w, changes);
          await updateAggregates(db, changes as ChangeSet, NOW);
          const incremental = await contents(db);
          await rebuildAggregates(db, { now: NOW });
          expect(incremental).toEqual(await contents(db));
        }
      }),
      { numRuns: 80 },
    );
  }, 120_000);
});
