import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { DAY, fillsMessage, NOW, SHOP } from '../../test/fixtures/rule-entities';
import { affectedBy, loadInputs } from '../../test/fixtures/rule-inputs';
import type { AppDB } from '../db/app-db';
import type { Invitation, InvitationCreator, Order, OrderSku } from '../domain/types';
import { rankCreators, topCreatorsNotThanked as rule, WINDOW_DAYS, type CreatorStanding, type TopCreatorInput } from './top-creators-not-thanked';

const OTHER = 'US:7495000000000000009';
const ORDERS_SOURCE = { endpoint: 'orders.list', page: 'https://affiliate-id.tokopedia.com/product/order' };
const INVITATION_SOURCE = { endpoint: 'invitations.search', page: 'https://affiliate-id.tokopedia.com/connection/target-invitation' };

let seq = 0;
const sku = (handle: string | undefined, minor: number, over: Partial<OrderSku> = {}): OrderSku => {
  seq += 1;
  return {
    key: `o${seq}|s1`,
    orderId: `o${seq}`,
    shopKey: SHOP,
    createdAt: NOW - DAY,
    skuId: 's1',
    quantity: 1,
    price: { minor, currency: 'IDR' },
    creatorHandle: handle,
    settlement: 'TO_SETTLE',
    settlementRaw: 'To-SETTLE',
    refunded: 0,
    firstSeenAt: NOW - DAY,
    lastSeenAt: NOW - DAY,
    source: ORDERS_SOURCE,
    ...over,
  };
};

const standing = (over: Partial<CreatorStanding> = {}): CreatorStanding => ({
  shopKey: SHOP,
  rank: 1,
  gmv: { minor: 500_000, currency: 'IDR' },
  settled: { minor: 200_000, currency: 'IDR' },
  skuOrders: 7,
  orders: 6,
  latestRow: { key: 'o1|s1', lastSeenAt: NOW - DAY, source: ORDERS_SOURCE },
  ...over,
});

const check = (input: TopCreatorInput, thresholds = { topCount: 10, quietDays: 14 }) => rule.check(input, { thresholds, now: NOW });

describe('top-creators-not-thanked: ranking', () => {
  it('ranks by SKU price × quantity, counting SKU orders and orders apart, and the settled part', () => {
    const rows = [
      sku('ayu', 10_000, { quantity: 3, orderId: 'x1', key: 'x1|a' }),
      sku('ayu', 5_000, { quantity: undefined, orderId: 'x1', key: 'x1|b', settlement: 'SETTLED' }),
      sku('budi', 20_000),
    ];
    const ranked = rankCreators(SHOP, rows);
    expect(ranked.map((c) => [c.handle, c.tally.gmv, c.tally.settled, c.tally.skuOrders, c.tally.orders.size, c.currency])).toEqual([
      ['ayu', 35_000, 5_000, 2, 1, 'IDR'],
      ['budi', 20_000, 0, 1, 1, 'IDR'],
    ]);
  });

  it('ranks lines sent without a price (the Affiliate orders page) by their commission ÷ rate, settled once their actual amounts are in', () => {
    const line = (handle: string, commission: number, over: Partial<OrderSku> = {}) =>
      sku(handle, 0, { price: undefined, quantity: undefined, skuId: undefined, commissionBps: 1000, estimatedCommission: { minor: commission, currency: 'IDR' }, settlement: 'UNKNOWN', settlementRaw: '', ...over });
    const ranked = rankCreators(SHOP, [
      line('ayu', 3_000, { key: 'x1|#1', orderId: 'x1' }),
      line('budi', 5_000, { key: 'x2|#1', orderId: 'x2', actualCommission: { minor: 5_000, currency: 'IDR' } }),
      line('citra', 9_000, { key: 'x3|#1', orderId: 'x3', commissionBps: 0 }),
    ]);
    expect(ranked.map((c) => [c.handle, c.tally.gmv, c.tally.settled])).toEqual([
      ['budi', 50_000, 50_000],
      ['ayu', 30_000, 0],
    ]);
  });

  it('leaves out fully returned rows, rows without a creator or price, and rows in another currency', () => {
    const rows = [
      sku('ayu', 1_000),
      sku('ayu', 90_000, { refunded: 1 }),
      sku(undefined, 90_000),
      sku('budi', 90_000, { price: undefined }),
      sku('citra', 90_000, { price: { minor: 90_000, currency: 'USD' } }),
      sku('dewi', 0),
    ];
    expect(rankCreators(SHOP, rows).map((c) => [c.handle, c.tally.gmv])).toEqual([['ayu', 1_000]]);
  });

  it('breaks ties by handle, and counts a shop of an unknown region in the currency most of its rows use', () => {
    expect(rankCreators(SHOP, [sku('zara', 100), sku('adi', 100)]).map((c) => c.handle)).toEqual(['adi', 'zara']);
    const eur = (h: string, minor: number) => sku(h, minor, { price: { minor, currency: 'EUR' } });
    const ranked = rankCreators('XX:-', [eur('a', 100), eur('b', 50), sku('c', 900)]);
    expect(ranked.map((c) => [c.handle, c.currency])).toEqual([
      ['a', 'EUR'],
      ['b', 'EUR'],
    ]);
  });
});

describe('top-creators-not-thanked: check', () => {
  it('fires for a top creator with no message from the seller, saying how much is settled and how it was counted', () => {
    const [f, ...rest] = check({ key: 'ayu', standings: [standing({ rank: 3 })] });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      subject: 'creator',
      subjectKey: 'ayu',
      shopKey: SHOP,
      variant: SHOP,
      params: {
        handle: 'ayu',
        rank: 3,
        windowDays: WINDOW_DAYS,
        gmv: { money: { minor: 500_000, currency: 'IDR' } },
        settled: { money: { minor: 200_000, currency: 'IDR' } },
        skuOrders: 7,
        orders: 6,
        quietDays: 14,
      },
      evidence: [{ entity: 'orderSku', key: 'o1|s1', seenAt: NOW - DAY, source: ORDERS_SOURCE, basis: 'estimated' }],
    });
    expect(fillsMessage(rule, f)).toBe(true);
  });

  it('says the GMV is actual when every row is settled', () => {
    const [f] = check({ key: 'ayu', standings: [standing({ settled: { minor: 500_000, currency: 'IDR' } })] });
    expect(f?.evidence[0]?.basis).toBe('actual');
  });

  it('fires for the last place of the top count and not below it', () => {
    expect(check({ key: 'ayu', standings: [standing({ rank: 10 })] })).toHaveLength(1);
    expect(check({ key: 'ayu', standings: [standing({ rank: 11 })] })).toEqual([]);
    expect(check({ key: 'ayu', standings: [standing({ rank: 2 })] }, { topCount: 1, quietDays: 14 })).toEqual([]);
  });

  it('fires when the last invitation is exactly N days old and not when it is more recent', () => {
    const message = (at: number) => ({ invitationId: 'inv1', name: 'June launch', at, lastSeenAt: NOW - 2 * DAY, source: INVITATION_SOURCE });
    const [f] = check({ key: 'ayu', standings: [standing({ lastMessage: message(NOW - 14 * DAY) })] });
    expect(f?.params).toMatchObject({ lastMessageAt: { at: NOW - 14 * DAY }, lastInvitation: 'June launch' });
    expect(f?.evidence[1]).toEqual({ entity: 'invitation', key: 'inv1', seenAt: NOW - 2 * DAY, source: INVITATION_SOURCE });
    expect(check({ key: 'ayu', standings: [standing({ lastMessage: message(NOW - 14 * DAY + 1) })] })).toEqual([]);
    expect(check({ key: 'ayu', standings: [standing({ lastMessage: message(NOW - 3 * DAY) })] }, { topCount: 10, quietDays: 2 })).toHaveLength(1);
  });

  it('gives one finding per shop the creator is a top creator of', () => {
    const out = check({ key: 'ayu', standings: [standing(), standing({ shopKey: OTHER, gmv: { minor: 900, currency: 'USD' }, settled: { minor: 0, currency: 'USD' } })] });
    expect(out.map((f) => [f.shopKey, f.variant])).toEqual([
      [SHOP, SHOP],
      [OTHER, OTHER],
    ]);
  });
});

describe('top-creators-not-thanked: load and affected', () => {
  let db: AppDB;
  const order = (shopKey: string, orderId: string): Order => ({ orderId, shopKey, createdAt: NOW, skuRows: 1, firstSeenAt: NOW, lastSeenAt: NOW, source: ORDERS_SOURCE });
  const invitation = (id: string, over: Partial<Invitation> = {}): Invitation => ({
    id,
    shopKey: SHOP,
    name: `Invitation ${id}`,
    status: 'ONGOING',
    statusRaw: '1',
    counts: {},
    contactChannels: [],
    startAt: NOW - 5 * DAY,
    firstSeenAt: NOW - 4 * DAY,
    lastSeenAt: NOW - 4 * DAY,
    source: INVITATION_SOURCE,
    ...over,
  });
  const invited = (invitationId: string, handle: string, shopKey = SHOP): InvitationCreator => ({ invitationId, handle, shopKey, accepted: 0, statusRaw: '1', lastSeenAt: NOW });

  beforeEach(async () => {
    db = freshDb();
    const rows = [
      sku('ayu', 50_000, { createdAt: NOW - WINDOW_DAYS * DAY }),
      sku('budi', 40_000),
      sku('citra', 30_000),
      // Older than the window: does not count.
      sku('dewi', 900_000, { createdAt: NOW - WINDOW_DAYS * DAY - 1 }),
      sku('budi', 25_000, { shopKey: OTHER, price: { minor: 25_000, currency: 'USD' } }),
    ];
    await db.orderSkus.bulkPut(rows);
    await db.orders.bulkPut(rows.map((r) => order(r.shopKey, r.orderId)));
    await db.invitations.bulkPut([
      invitation('recent', { startAt: NOW - 2 * DAY }),
      invitation('old', { startAt: NOW - 40 * DAY }),
      invitation('unstarted', { startAt: undefined, firstSeenAt: NOW - 20 * DAY }),
      invitation('future', { startAt: NOW + DAY }),
      invitation('us', { shopKey: OTHER, startAt: NOW - DAY }),
    ]);
    await db.invitationCreators.bulkPut([
      invited('recent', 'budi'),
      invited('old', 'ayu'),
      invited('unstarted', 'ayu'),
      invited('future', 'citra'),
      invited('us', 'citra', OTHER),
    ]);
  });
  afterEach(() => db.close());

  it('ranks each shop’s creators over the last 30 days and finds the latest invitation of each from that shop', async () => {
    const inputs = await loadInputs(rule, db, undefined, NOW);
    const view = Object.fromEntries(inputs.map((i) => [i.key, i.standings.map((s) => [s.shopKey, s.rank, s.gmv.minor, s.lastMessage?.invitationId])]));
    expect(view).toEqual({
      ayu: [[SHOP, 1, 50_000, 'unstarted']],
      budi: [
        [SHOP, 2, 40_000, 'recent'],
        [OTHER, 1, 25_000, undefined],
      ],
      citra: [[SHOP, 3, 30_000, undefined]],
    });
    const ayu = inputs.find((i) => i.key === 'ayu')?.standings[0];
    expect(ayu?.lastMessage?.at).toBe(NOW - 20 * DAY);
    const findings = inputs.flatMap((i) => check(i));
    expect(findings.map((f) => [f.subjectKey, f.shopKey]).sort()).toEqual([
      ['ayu', SHOP],
      ['budi', OTHER],
      ['citra', SHOP],
    ]);
  });

  it('loads only the creators asked for', async () => {
    const inputs = await loadInputs(rule, db, ['citra', 'dewi'], NOW);
    expect(inputs.map((i) => i.key)).toEqual(['citra']);
  });

  it('re-ranks everything when an order changes, and re-checks the creators of a changed invitation', async () => {
    expect(await affectedBy(rule, db, { orderSkus: ['o1|s1'] })).toBe('all');
    expect(await affectedBy(rule, db, { orders: ['o1'] })).toBe('all');
    expect(await affectedBy(rule, db, { invitationCreators: ['recent|budi'] })).toEqual(['budi']);
    expect(((await affectedBy(rule, db, { invitations: ['unstarted', 'future'] })) as string[]).sort()).toEqual(['ayu', 'citra']);
    expect(await affectedBy(rule, db, { invitations: ['none'] })).toEqual([]);
  });
});
