import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { DAY, NOW, SHOP, OTHER_SHOP, content, creator, invitation, invitationProduct, request } from '../../test/fixtures/rule-entities';
import type { AppDB } from '../db/app-db';
import type { InvitationCreator, OrderSku } from '../domain/types';
import { emptyFunnel, isoWeek } from './model';
import { channelWeek, channelWeeks, invitationAggregate, invitationAggregates, messageAggregate, messageOf, orderCurrency, tiersAggregate, weekAggregate, type InvitationInput } from './outreach';

const START = NOW - 10 * DAY;

const invited = (handle: string, over: Partial<InvitationCreator> = {}): InvitationCreator => ({
  invitationId: 'inv1',
  handle,
  shopKey: SHOP,
  accepted: 0,
  statusRaw: '1',
  state: 'INVITED',
  lastSeenAt: NOW,
  ...over,
});

const order = (n: number, handle: string, over: Partial<OrderSku> = {}): OrderSku => ({
  key: `o${n}|s1`,
  orderId: `o${n}`,
  shopKey: SHOP,
  createdAt: NOW - DAY,
  productId: 'p1',
  skuId: 's1',
  creatorHandle: handle,
  settlement: 'TO_SETTLE',
  settlementRaw: 'to_settle',
  refunded: 0,
  firstSeenAt: NOW,
  lastSeenAt: NOW,
  source: { endpoint: 'orders', page: 'https://affiliate-id.tokopedia.com/affiliate/product/order' },
  ...over,
});

const input = (over: Partial<InvitationInput> = {}): InvitationInput => ({
  invitation: invitation({ startAt: START, message: 'Halo kak,\n coba  serum kami!' }),
  creators: [],
  productIds: new Set(['p1']),
  requestsOf: () => [],
  contentsOf: () => [],
  ordersOf: () => [],
  followersOf: () => undefined,
  ...over,
});

describe('invitationAggregate', () => {
  it('counts each invited creator at every stage they reached, by hand', () => {
    // ana: invited only. budi: accepted, requested p1 after the start, shipped, and ordered twice.
    // citra: posted (Affiliate Center says so), requested p2 (not in the invitation) and ordered p1 before the start.
    // dewi: accepted by products added; a completed request for p1 counts as shipped and posted; one post seen for p1.
    const requests: Record<string, ReturnType<typeof request>[]> = {
      budi: [request({ applyId: 'r1', creatorHandle: 'budi', status: 'SHIPPED', appliedAt: START + DAY })],
      citra: [request({ applyId: 'r2', creatorHandle: 'citra', productId: 'p2', status: 'SHIPPED', appliedAt: START + DAY })],
      dewi: [request({ applyId: 'r3', creatorHandle: 'dewi', status: 'COMPLETED', appliedAt: START + 2 * DAY })],
    };
    const orders: Record<string, OrderSku[]> = {
      budi: [order(1, 'budi'), order(2, 'budi')],
      citra: [order(3, 'citra', { createdAt: START - DAY })],
    };
    const a = invitationAggregate(
      input({
        creators: [
          invited('ana'),
          invited('budi', { accepted: 1, state: 'ACCEPTED' }),
          invited('citra', { accepted: 1, state: 'POSTED' }),
          invited('dewi', { productsAdded: 1 }),
        ],
        requestsOf: (h) => requests[h] ?? [],
        ordersOf: (h) => orders[h] ?? [],
        contentsOf: (h) => (h === 'dewi' ? [content({ creatorHandle: 'dewi', postedAt: START + 3 * DAY })] : []),
        followersOf: (h) => ({ ana: 500, budi: 25_000, citra: 25_000 })[h],
      }),
    );
    expect(a.funnel).toEqual({ invited: 4, accepted: 3, requested: 2, shipped: 2, posted: 2, ordered: 1, skuOrders: 2 });
    expect(a.tiers['under-1k']).toEqual({ ...emptyFunnel(), invited: 1 });
    expect(a.tiers['10k-100k']).toEqual({ invited: 2, accepted: 2, requested: 1, shipped: 1, posted: 1, ordered: 1, skuOrders: 2 });
    expect(a.tiers.unknown).toEqual({ invited: 1, accepted: 1, requested: 1, shipped: 1, posted: 1, ordered: 0, skuOrders: 0 });
    expect(a.week).toBe(isoWeek(START));
    expect(a.message).toBe('Halo kak, coba serum kami!');
    expect(a.products).toBe(1);
    // Four invited creators are too few for a rate.
    expect(a.rates.accepted).toEqual({ n: 4, tooFew: true });
  });

  it('gives rates from ten invited creators on', () => {
    const creators = Array.from({ length: 10 }, (_, i) => invited(`c${i}`, i < 3 ? { accepted: 1, state: 'ACCEPTED' } : {}));
    const a = invitationAggregate(input({ creators }));
    expect(a.rates.accepted).toEqual({ n: 10, bps: 3000 });
    expect(a.rates.ordered).toEqual({ n: 10, bps: 0 });
  });

  it('matches nothing downstream when the invitation’s products are not known, and has no time limit without a start', () => {
    const withRequest = { requestsOf: () => [request({ appliedAt: START - 100 * DAY })] };
    expect(invitationAggregate(input({ creators: [invited('maya')], productIds: new Set(), ...withRequest })).funnel.requested).toBe(0);
    const noStart = invitation({ firstSeenAt: NOW - 2 * DAY });
    const a = invitationAggregate(input({ invitation: noStart, creators: [invited('maya')], ...withRequest }));
    expect(a.funnel.requested).toBe(1);
    expect(a.week).toBe(isoWeek(NOW - 2 * DAY));
    expect(a.startAt).toBeUndefined();
  });
});

describe('rollups', () => {
  const row = (id: string, week: string, message: string | undefined, accepted: number, invitedN: number) => ({
    ...invitationAggregate(
      input({
        invitation: invitation({ id, startAt: START, message }),
        creators: Array.from({ length: invitedN }, (_, i) => invited(`${id}-${i}`, { invitationId: id, ...(i < accepted ? { accepted: 1, state: 'ACCEPTED' } : {}) })),
      }),
    ),
    week,
  });

  it('adds up the invitations of a week and of a message text (whitespace does not make another message)', () => {
    const a = row('a', '2025-W24', 'Hi!  Try it', 2, 6);
    const b = row('b', '2025-W24', 'Hi! Try it', 4, 6);
    expect(a.messageKey).toBe(b.messageKey);
    expect(weekAggregate('2025-W24', [a, b])).toEqual({
      week: '2025-W24',
      invitations: 2,
      funnel: { ...emptyFunnel(), invited: 12, accepted: 6 },
      rates: { accepted: { n: 12, bps: 5000 }, requested: { n: 12, bps: 0 }, shipped: { n: 12, bps: 0 }, posted: { n: 12, bps: 0 }, ordered: { n: 12, bps: 0 } },
    });
    expect(messageAggregate(a.messageKey, [a, b])).toMatchObject({ text: 'Hi! Try it', invitations: 2, funnel: { invited: 12, accepted: 6 } });
    expect(messageOf(undefined)).toEqual({ key: 'none', text: '' });
    expect(messageOf('  \n ')).toEqual({ key: 'none', text: '' });
  });

  it('gives response (accepted ÷ invited) and posting (posted ÷ accepted) rates per tier, or says there are too few', () => {
    const a = row('a', '2025-W24', undefined, 5, 12);
    const t = tiersAggregate([a]);
    expect(t.tiers.unknown.response).toEqual({ n: 12, bps: 4167 });
    expect(t.tiers.unknown.posting).toEqual({ n: 5, tooFew: true });
    expect(t.tiers['1m-plus'].response).toEqual({ n: 0, tooFew: true });
  });
});

describe('invitationAggregates (through the indexes)', () => {
  let db: AppDB;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(() => db.close());

  it('reads one shop’s invitations with their creators’ requests, posts, orders and follower counts', async () => {
    await db.invitations.bulkPut([invitation({ startAt: START }), invitation({ id: 'inv2', startAt: START }), invitation({ id: 'inv3', shopKey: OTHER_SHOP })]);
    await db.invitationProducts.bulkPut([invitationProduct(), invitationProduct({ invitationId: 'inv2', productId: 'p2' })]);
    await db.invitationCreators.bulkPut([invited('maya', { accepted: 1, state: 'ACCEPTED' }), invited('lee', { invitationId: 'inv2' }), invited('maya', { invitationId: 'inv3', shopKey: OTHER_SHOP })]);
    await db.creators.bulkPut([creator({ handle: 'maya', followerCount: { value: 120_000, seenAt: NOW, source: { endpoint: 'e', page: 'p' } } })]);
    await db.sampleRequests.bulkPut([
      request({ applyId: 'r1', creatorHandle: 'maya', status: 'AWAITING_SHIPMENT', appliedAt: START + DAY }),
      request({ applyId: 'r2', creatorHandle: 'maya', shopKey: OTHER_SHOP, status: 'SHIPPED', appliedAt: START + DAY }),
    ]);
    await db.orderSkus.bulkPut([order(1, 'maya'), order(2, 'maya', { shopKey: OTHER_SHOP })]);

    const all = await invitationAggregates(db, SHOP);
    expect([...all.keys()].sort()).toEqual(['inv1', 'inv2']);
    expect(all.get('inv1')?.funnel).toEqual({ invited: 1, accepted: 1, requested: 1, shipped: 0, posted: 0, ordered: 1, skuOrders: 1 });
    expect(all.get('inv1')?.tiers['100k-1m'].invited).toBe(1);
    expect(all.get('inv2')?.funnel).toEqual({ ...emptyFunnel(), invited: 1 });
    const some = await invitationAggregates(db, SHOP, ['inv1', 'inv3', 'gone']);
    expect([...some.keys()]).toEqual(['inv1']);
    expect(some.get('inv1')).toEqual(all.get('inv1'));
  });
});

describe('order channels', () => {
  const idr = (minor: number) => ({ minor, currency: 'IDR' });
  /** A line of the Affiliate orders page: no SKU, no price, 10% creator commission. */
  const line = (n: number, over: Partial<OrderSku> = {}): OrderSku =>
    order(n, 'maya', { key: `o${n}|#1`, skuId: undefined, productId: undefined, line: 1, commissionBps: 1000, settlement: 'UNKNOWN', settlementRaw: '', ...over });

  it('counts lines and distinct orders per channel, with estimated and actual GMV and what each rests on', () => {
    const week = isoWeek(NOW - DAY);
    const c = channelWeek(
      week,
      [
        line(1, { contentType: 'VIDEO', estimatedCommission: idr(1_000) }),
        line(1, { key: 'o1|#2', line: 2, contentType: 'VIDEO', estimatedCommission: idr(2_000), actualCommission: idr(1_500) }),
        line(2, { contentType: 'LIVE', estimatedCommission: idr(500), createdAt: NOW - 2 * DAY }),
        // Priced (an imported export): price × quantity; settled, so its actual GMV is the same.
        order(3, 'lee', { contentType: 'SHOP', price: idr(30_000), quantity: 2, settlement: 'SETTLED', source: { endpoint: 'import:orders', page: 'import:1' } }),
        // No rate, no price: an SKU order without GMV.
        line(4, { contentType: 'SHOP', commissionBps: undefined, estimatedCommission: idr(700) }),
        line(5, { contentType: 'PROMOTION_PAGE', estimatedCommission: idr(100), lastSeenAt: NOW + 5 }),
        line(6, { estimatedCommission: { minor: 100, currency: 'USD' } }),
      ],
      'IDR',
    );
    expect(c).toEqual({
      week,
      currency: 'IDR',
      channels: {
        video: { skuOrders: 2, orders: 1, gmv: 30_000, gmvLines: 2, fromCommission: 2, actualGmv: 15_000, actualLines: 1 },
        live: { skuOrders: 1, orders: 1, gmv: 5_000, gmvLines: 1, fromCommission: 1, actualGmv: 0, actualLines: 0 },
        showcase: { skuOrders: 2, orders: 2, gmv: 60_000, gmvLines: 1, fromCommission: 0, actualGmv: 60_000, actualLines: 1 },
        other: { skuOrders: 1, orders: 1, gmv: 1_000, gmvLines: 1, fromCommission: 1, actualGmv: 0, actualLines: 0 },
        unknown: { skuOrders: 1, orders: 1, gmv: 0, gmvLines: 0, fromCommission: 0, actualGmv: 0, actualLines: 0 },
      },
      otherCurrency: 1,
      imported: 1,
      from: NOW - 2 * DAY,
      to: NOW - DAY,
      seenAt: NOW + 5,
    });
  });

  it('gives a full return no actual GMV', () => {
    const c = channelWeek('w', [order(1, 'maya', { contentType: 'LIVE', price: idr(10_000), refunded: 1, settlement: 'INELIGIBLE', actualCommission: idr(0) })], 'IDR');
    expect(c.channels.live).toMatchObject({ gmv: 10_000, actualGmv: 0, actualLines: 1 });
  });

  it('reads one shop’s lines per ISO week, in the shop’s currency', async () => {
    const db = freshDb();
    await db.orderSkus.bulkPut([
      line(1, { contentType: 'VIDEO', estimatedCommission: idr(1_000) }),
      line(2, { contentType: 'LIVE', estimatedCommission: idr(1_000), createdAt: NOW - 8 * DAY }),
      line(3, { contentType: 'LIVE', shopKey: OTHER_SHOP, estimatedCommission: idr(1_000) }),
    ]);
    const weeks = await channelWeeks(db, SHOP);
    expect(weeks.map((w) => [w.week, w.channels.video.skuOrders, w.channels.live.skuOrders])).toEqual([
      [isoWeek(NOW - 8 * DAY), 0, 1],
      [isoWeek(NOW - DAY), 1, 0],
    ]);
    expect(weeks[0]?.currency).toBe(orderCurrency(SHOP, []));
    db.close();
  });

  it('counts a shop of an unknown region in the currency most of its lines use', () => {
    expect(orderCurrency('XX:-', [line(1, { estimatedCommission: { minor: 1, currency: 'EUR' } }), line(2, { estimatedCommission: { minor: 1, currency: 'EUR' } }), line(3, { estimatedCommission: idr(1) })])).toBe('EUR');
    expect(orderCurrency('XX:-', [])).toBeUndefined();
  });
});

