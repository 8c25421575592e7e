import { describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import type { Money } from '../domain/money';
import type { SampleStatus } from '../domain/sample-status';
import type { Creator, OrderSku, Product, ProductCost, SampleContent, SampleRequest, Snapshot } from '../domain/types';
import { autoApprovalRule, dayKey, dryRun, loadDryRun, sellerDecision, type AutoApprovalRule, type DryRunData } from './dry-run';

const SHOP = 'US:7495000000000000001';
const source = { endpoint: 'test', page: 'https://affiliate-us.tiktok.com/product/sample-request' };
const H = 3_600_000;
const at = (day: number, hour: number, minute = 0) => Date.UTC(2025, 5, day, hour, minute);
const usd = (minor: number): Money => ({ minor, currency: 'USD' });

function creator(handle: string, o: { followers?: [number, number]; fulfilment?: [number, number]; gmv?: [Money, number] }): Creator {
  return {
    handle,
    aliases: [],
    ...(o.followers ? { followerCount: { value: o.followers[0], seenAt: o.followers[1], source } } : {}),
    ...(o.fulfilment ? { fulfillmentBps: { value: o.fulfilment[0], seenAt: o.fulfilment[1], source } } : {}),
    ...(o.gmv ? { metrics: { value: { gmv: o.gmv[0] }, seenAt: o.gmv[1], source } } : {}),
    firstSeenAt: at(1, 0),
    lastSeenAt: at(9, 0),
  };
}

function request(applyId: string, handle: string, productId: string, appliedAt: number | undefined, status: SampleStatus, skuId?: string): SampleRequest {
  return {
    applyId,
    shopKey: SHOP,
    creatorHandle: handle,
    productId,
    ...(skuId ? { skuId } : {}),
    status,
    statusRaw: status,
    statusSeenAt: at(9, 0),
    ...(appliedAt === undefined ? {} : { appliedAt }),
    firstSeenAt: at(1, 0),
    lastSeenAt: at(9, 0),
    source,
  };
}

const product = (productId: string, price?: Money): Product => ({ productId, shopKey: SHOP, title: productId, ...(price ? { price } : {}), firstSeenAt: 0, lastSeenAt: 0, source });

function order(n: number, handle: string, productId: string, createdAt: number, o: { qty?: number; est: number; actual?: number; refunded?: boolean }): OrderSku {
  return {
    key: `o${n}|S1`,
    orderId: `o${n}`,
    shopKey: SHOP,
    createdAt,
    productId,
    skuId: 'S1',
    quantity: o.qty ?? 1,
    price: usd(2000),
    creatorHandle: handle,
    estimatedCommission: usd(o.est),
    ...(o.actual === undefined ? {} : { actualCommission: usd(o.actual) }),
    settlement: o.actual === undefined ? 'TO_SETTLE' : 'SETTLED',
    settlementRaw: '',
    refunded: o.refunded ? 1 : 0,
    firstSeenAt: createdAt,
    lastSeenAt: createdAt,
    source,
  };
}

const content = (contentId: string, applyId: string, format: 'VIDEO' | 'LIVE'): SampleContent => ({
  contentId,
  applyId,
  shopKey: SHOP,
  creatorHandle: 'alice',
  format,
  firstSeenAt: at(7, 0),
  lastSeenAt: at(7, 0),
  source,
});

const cost: ProductCost = { key: `${SHOP}|S1`, shopKey: SHOP, productId: 'P1', skuId: 'S1', costOfGoods: usd(600), shipping: usd(200), updatedAt: at(1, 0) };

/**
 * A hand-checkable history. Rule: at least 1,000 followers, $1,000 GMV, 50% fulfilment, price up to $30, 2 a day.
 * alice qualifies; fay too, on figures first seen on 8 June (after her applications); bob has 500 followers; cara's GMV
 * was never seen; dan fulfils 40%; eve's GMV was $500 on 20 May and $5,000 only from 5 June. P1 costs $20, P2 $50, P3
 * has no price seen.
 */
function world(): DryRunData {
  const creators = [
    creator('alice', { followers: [5000, at(1, 0)], fulfilment: [8000, at(1, 0)], gmv: [usd(200_000), at(1, 0) - 2 * 24 * H] }),
    creator('bob', { followers: [500, at(1, 0)], fulfilment: [9000, at(1, 0)], gmv: [usd(900_000), at(1, 0)] }),
    creator('cara', { followers: [20_000, at(1, 0)], fulfilment: [9000, at(1, 0)] }),
    creator('dan', { followers: [3000, at(1, 0)], fulfilment: [4000, at(1, 0)], gmv: [usd(500_000), at(1, 0)] }),
    creator('eve', { followers: [8000, at(1, 0)], fulfilment: [7000, at(1, 0)], gmv: [usd(500_000), at(5, 0)] }),
    creator('fay', { followers: [4000, at(8, 0)], fulfilment: [6000, at(8, 0)], gmv: [usd(300_000), at(8, 0)] }),
  ];
  const snapshots: Snapshot[] = [{ id: 1, entity: 'creator', key: 'eve', seenAt: Date.UTC(2025, 4, 20), at: Date.UTC(2025, 4, 20), values: { gmv: usd(50_000) }, source }];
  return {
    requests: [
      request('r01', 'alice', 'P1', at(1, 9), 'COMPLETED', 'S1'),
      request('r02', 'fay', 'P1', at(1, 10), 'REJECT_CANCELLED', 'S1'),
      request('r03', 'alice', 'P1', at(1, 11), 'AWAITING_SHIPMENT', 'S1'),
      request('r04', 'bob', 'P1', at(1, 12), 'REJECT_CANCELLED', 'S1'),
      request('r05', 'eve', 'P1', at(2, 8), 'PENDING', 'S1'),
      request('r06', 'cara', 'P1', at(2, 9), 'OVERDUE_CANCELLED', 'S1'),
      request('r07', 'dan', 'P1', at(2, 10), 'COMPLETED', 'S1'),
      request('r08', 'alice', 'P2', at(2, 11), 'PENDING'),
      request('r09', 'alice', 'P3', at(2, 12), 'PENDING'),
      request('r10', 'fay', 'P1', at(2, 13), 'UNFULFILL_CANCELLED', 'S2'),
      request('r11', 'alice', 'P1', at(3, 23, 30), 'SHIPPED', 'S1'),
      request('r12', 'alice', 'P1', at(4, 1), 'PENDING', 'S1'),
      request('r13', 'alice', 'P1', undefined, 'PENDING', 'S1'),
    ],
    creators: new Map(creators.map((c) => [c.handle, c])),
    snapshots: new Map([['eve', snapshots]]),
    products: new Map([product('P1', usd(2000)), product('P2', usd(5000)), product('P3')].map((p) => [p.productId, p])),
    contents: [content('c1', 'r01', 'VIDEO'), content('c2', 'r01', 'LIVE'), content('c3', 'r07', 'VIDEO')],
    orderSkus: [
      order(1, 'alice', 'P1', at(1, 8), { est: 999 }),
      order(2, 'alice', 'P1', at(5, 0), { qty: 2, est: 400, actual: 350 }),
      order(3, 'alice', 'P1', at(6, 0), { est: 200 }),
      order(4, 'alice', 'P1', at(7, 0), { est: 999, refunded: true }),
      order(5, 'fay', 'P1', at(2, 12), { est: 999 }),
      order(6, 'fay', 'P1', at(9, 0), { est: 300 }),
      order(7, 'bob', 'P1', at(5, 0), { est: 999 }),
      order(8, 'alice', 'P2', at(5, 0), { est: 999 }),
    ],
    costs: [cost],
  };
}

const RULE: AutoApprovalRule = { minFollowers: 1000, minGmv: usd(100_000), minFulfilmentBps: 5000, maxPrice: usd(3000), dailyQuota: 2 };
const JUNE_1_TO_4 = { from: at(1, 0), to: at(4, 0), timeZone: 'UTC' };

describe('dryRun', () => {
  it('approves in order of application time, at most the quota a day, and says why the others were not', () => {
    const r = dryRun(world(), RULE, JUNE_1_TO_4);
    expect(r.considered).toBe(11);
    expect(r.withoutTime).toBe(1);
    expect(r.decisions.filter((d) => d.outcome === 'approved').map((d) => d.applyId)).toEqual(['r01', 'r02', 'r10', 'r11']);
    expect(r.decisions.filter((d) => d.outcome === 'over-quota').map((d) => d.applyId)).toEqual(['r03']);
    expect(r.approved).toBe(4);
    expect(r.overQuota).toBe(1);
    expect(r.notMet).toEqual({
      followers: { failed: 1, unknown: 0 },
      gmv: { failed: 1, unknown: 1 },
      fulfilment: { failed: 1, unknown: 0 },
      price: { failed: 1, unknown: 1 },
    });
    expect(r.days).toEqual([
      { day: '2025-06-01', qualified: 3, approved: 2 },
      { day: '2025-06-02', qualified: 1, approved: 1 },
      { day: '2025-06-03', qualified: 1, approved: 1 },
    ]);
  });

  it('judges a creator on the figures seen at or before the application, and counts those only seen later', () => {
    const r = dryRun(world(), RULE, JUNE_1_TO_4);
    // eve's $5,000 was first seen on 5 June; on 2 June the last sighting was 20 May's $500.
    expect(r.decisions.find((d) => d.applyId === 'r05')).toMatchObject({ outcome: 'not-met', failed: { criterion: 'gmv', unknown: false } });
    expect(r.decisions.find((d) => d.applyId === 'r06')).toMatchObject({ failed: { criterion: 'gmv', unknown: true } });
    // fay's two approvals rest on figures first seen on 8 June.
    expect(r.decisions.filter((d) => d.laterFigures).map((d) => d.applyId)).toEqual(['r02', 'r10']);
    expect(r.laterFigures).toBe(2);
  });

  it('compares with what the seller did and what the approved creators delivered: posts, SKU orders after the application, estimated and actual commission', () => {
    const r = dryRun(world(), RULE, JUNE_1_TO_4);
    // r01, r10, r11 were approved by the seller too; r02 was rejected. r03 and r07 were approved only by the seller.
    expect(r.seller).toEqual({ approved: 3, rejected: 1, other: 0 });
    expect(r.sellerOnly).toBe(2);
    // Sent: r01 (posted a video and a LIVE), r10 (no content), r11 (shipped). r07's video is not the rule's.
    // Orders: alice's P1 from 1 June 09:00 (o2: 2 × $20, o3: $20; o1 earlier, o4 refunded), fay's P1 from 2 June 13:00
    // (o6: $20; o5 earlier); bob and alice's P2 were not approved.
    expect(r.delivered).toEqual({
      sent: 3,
      posted: 1,
      videos: 1,
      lives: 1,
      skuOrders: 3,
      withActual: 1,
      gmv: [usd(8000)],
      estimatedCommission: [usd(900)],
      actualCommission: [usd(350)],
    });
  });

  it('costs the approved samples from the costs entered and names the SKUs that have none', () => {
    const r = dryRun(world(), RULE, JUNE_1_TO_4);
    // r01, r02, r11: S1 at $6 + $2 shipping each; r10's S2 has no cost.
    expect(r.cost).toEqual({ total: [usd(2400)], withCost: 3, missing: 1, missingSkus: ['S2'] });
  });

  it('counts the quota in the seller’s day: in Jakarta (UTC+7), 23:30 UTC on 3 June is 4 June', () => {
    const r = dryRun(world(), RULE, { ...JUNE_1_TO_4, timeZone: 'Asia/Jakarta' });
    expect(r.decisions.find((d) => d.applyId === 'r11')?.day).toBe('2025-06-04');
    expect(r.decisions.find((d) => d.applyId === 'r01')?.day).toBe('2025-06-01');
    expect(dayKey(at(3, 23, 30), 'America/New_York')).toBe('2025-06-03');
  });

  it('a rule with only a quota approves the first requests of each day', () => {
    const r = dryRun(world(), { dailyQuota: 1 }, JUNE_1_TO_4);
    expect(r.decisions.filter((d) => d.outcome === 'approved').map((d) => d.applyId)).toEqual(['r01', 'r05', 'r11']);
    expect(r.overQuota).toBe(8);
  });

  it('an empty period approves nothing and costs nothing', () => {
    const r = dryRun(world(), RULE, { from: at(20, 0), to: at(21, 0), timeZone: 'UTC' });
    expect(r).toMatchObject({ considered: 0, approved: 0, days: [], cost: { total: [], withCost: 0, missing: 0, missingSkus: [] } });
    expect(r.delivered.gmv).toEqual([]);
  });
});

describe('sellerDecision', () => {
  it('reads what the seller did from the status', () => {
    expect(sellerDecision('AWAITING_SHIPMENT')).toBe('approved');
    expect(sellerDecision('UNFULFILL_CANCELLED')).toBe('approved');
    expect(sellerDecision('OVERDUE_CANCELLED')).toBe('rejected');
    expect(sellerDecision('WITHDRAW_CANCELLED')).toBe('other');
    expect(sellerDecision('PENDING')).toBe('other');
  });
});

describe('autoApprovalRule', () => {
  it('accepts a quota of 1 to 100 and rejects anything else or a bad amount', () => {
    expect(autoApprovalRule.safeParse(RULE).success).toBe(true);
    expect(autoApprovalRule.safeParse({ dailyQuota: 0 }).success).toBe(false);
    expect(autoApprovalRule.safeParse({ dailyQuota: 101 }).success).toBe(false);
    expect(autoApprovalRule.safeParse({ dailyQuota: 5, minFulfilmentBps: 10_001 }).success).toBe(false);
    expect(autoApprovalRule.safeParse({ dailyQuota: 5, maxPrice: { minor: -1, currency: 'USD' } }).success).toBe(false);
    expect(autoApprovalRule.safeParse({ dailyQuota: 5, minGmv: { minor: 1, currency: 'usd' } }).success).toBe(false);
  });
});

describe('loadDryRun', () => {
  it('loads the shop’s requests, their creators’ snapshots, contents, orders and costs, and nothing of other shops', async () => {
    const db = freshDb();
    const w = world();
    const other = 'GB:1';
    await db.transaction('rw', db.tables, async () => {
      await db.sampleRequests.bulkPut([...w.requests, { ...request('x1', 'alice', 'P1', at(1, 9), 'COMPLETED', 'S1'), shopKey: other }]);
      await db.creators.bulkPut([...w.creators.values(), creator('zed', {})]);
      await db.snapshots.bulkPut([...(w.snapshots.get('eve') ?? []), { entity: 'creator', key: 'zed', seenAt: 1, at: 1, values: { followers: 1 }, source }]);
      await db.products.bulkPut([...w.products.values()]);
      await db.sampleContents.bulkPut(w.contents);
      await db.orderSkus.bulkPut([...w.orderSkus, { ...order(99, 'alice', 'P1', at(5, 0), { est: 1 }), shopKey: other }]);
      await db.costs.bulkPut([...w.costs, { ...cost, key: `${other}|S1`, shopKey: other }]);
    });
    const loaded = await loadDryRun(db, SHOP);
    expect(loaded.requests.map((r) => r.applyId).sort()).toEqual(w.requests.map((r) => r.applyId).sort());
    expect([...loaded.snapshots.keys()]).toEqual(['eve']);
    expect(loaded.orderSkus.map((o) => o.orderId).sort()).toEqual(w.orderSkus.map((o) => o.orderId).sort());
    expect(loaded.costs).toEqual(w.costs);
    expect(dryRun(loaded, RULE, JUNE_1_TO_4)).toEqual(dryRun(w, RULE, JUNE_1_TO_4));
  });
});
