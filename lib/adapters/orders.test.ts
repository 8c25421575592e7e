import fc from 'fast-check';
import { anyJson } from '../../test/arbitraries';
import { describe, expect, it } from 'vitest';
import { DAY, NOW, openApiOrder, order, ordersPage, requestBody, skuRow } from '../../test/fixtures/orders';
import { ordersList, type MoneyFact } from './orders';

const parse = (json: unknown) => ordersList.parse(json, JSON.parse(requestBody()));
const rowsOf = (json: unknown) => parse(json).records.orderSkus ?? [];
const one = (row: Record<string, unknown>, head: Record<string, unknown> = {}) => rowsOf({ code: 0, data: { orders: [order(head, [skuRow(row)])] } })[0];
const usd = (minor: number) => ({ minor, currency: 'USD' });

describe('orders.list adapter', () => {
  it('reads every SKU row of every order, keyed by order and SKU, with the order it belongs to', () => {
    const r = parse(ordersPage());
    expect(r.rejections).toEqual([]);
    expect(r.accepted).toBe(5);
    expect((r.records.orderSkus ?? []).map((s) => [s.orderId, s.skuId])).toEqual([
      ['5770000000000000001', '1729600000000000001'],
      ['5770000000000000002', '1729600000000000002'],
      ['5770000000000000002', '1729600000000000003'],
      ['5770000000000000003', '1729600000000000004'],
      ['5770000000000000004', '1729600000000000005'],
    ]);
    expect(r.records.orders).toEqual([
      { orderId: '5770000000000000001', createdAt: NOW - 2 * DAY, skuRows: 1, deliveredAt: undefined, statusRaw: undefined },
      { orderId: '5770000000000000002', createdAt: NOW - 3 * DAY, skuRows: 2, deliveredAt: undefined, statusRaw: undefined },
      { orderId: '5770000000000000003', createdAt: NOW - 2 * DAY, skuRows: 1, deliveredAt: undefined, statusRaw: undefined },
      { orderId: '5770000000000000004', createdAt: NOW - 2 * DAY, skuRows: 1, deliveredAt: undefined, statusRaw: undefined },
    ]);
  });

  it('keeps units: rates in bps from strings or numbers, times in ms, money in minor units of the row currency', () => {
    const [first, settled, awaiting] = rowsOf(ordersPage());
    expect(first).toMatchObject({
      createdAt: NOW - 2 * DAY,
      quantity: 1,
      price: usd(2499),
      commissionBps: 1500,
      adsCommissionBps: 0,
      partnerCommissionBps: undefined,
      estimatedCommission: usd(375),
      actualCommission: undefined,
      estimatedAdsCommission: usd(0),
    });
    expect(settled).toMatchObject({ commissionBps: 1000, adsCommissionBps: 500, estimatedCommission: usd(200), actualCommission: usd(180), actualAdsCommission: usd(90) });
    expect(awaiting?.quantity).toBe(2);
  });

  it('normalises the odd settlement spellings and keeps what was sent, and which field sent it', () => {
    expect(rowsOf(ordersPage()).map((s) => [s.settlement, s.settlementRaw, s.settlementField])).toEqual([
      ['TO_SETTLE', 'To-SETTLE', 'settlement_status'],
      ['SETTLED', 'SETTLED', 'settlement_status'],
      ['AWAITING_PAYMENT', 'AWAITING PAYMENT', 'settlement_status'],
      ['INELIGIBLE', 'INELIGIBLE', 'settlement_status'],
      ['UNKNOWN', 'Unknown', 'settlement_status'],
    ]);
    expect(one({ settlement_status: undefined, settle_status: 'to settle' })).toMatchObject({ settlement: 'TO_SETTLE', settlementRaw: 'to settle', settlementField: 'settle_status' });
    expect(one({ settlement_status: '', status: 'Awaiting_Payment' })).toMatchObject({ settlement: 'AWAITING_PAYMENT', settlementField: 'status' });
    expect(one({ settlement_status: 3 })).toMatchObject({ settlement: 'UNKNOWN', settlementRaw: '3', settlementField: 'settlement_status' });
    expect(one({ settlement_status: 'FROZEN' })).toMatchObject({ settlement: 'UNKNOWN', settlementRaw: 'FROZEN' });
    const none = one({ settlement_status: null });
    expect(none).toMatchObject({ settlement: 'UNKNOWN', settlementRaw: '' });
    expect(none?.settlementField).toBeUndefined();
  });

  it('reads a full return as refunded with no commission paid, whatever the estimate said', () => {
    const refunded = rowsOf(ordersPage())[3];
    expect(refunded).toMatchObject({ refunded: 1, estimatedCommission: usd(375), actualCommission: usd(0), settlement: 'INELIGIBLE' });
    expect(one({ fully_return: true, estimated_shop_ads_commission: '0.40' })).toMatchObject({ refunded: 1, actualCommission: usd(0), actualAdsCommission: usd(0) });
    expect(one({ fully_return: 'no' })?.refunded).toBe(0);
    expect(one({ fully_return: undefined })?.refunded).toBe(0);
  });

  it('keeps a zero commission as zero, not as unknown', () => {
    expect(rowsOf(ordersPage())[4]).toMatchObject({ commissionBps: 0, estimatedCommission: usd(0), contentType: 'SHOP', contentId: undefined });
  });

  it('reads content type and id, and keeps a content type it does not know as OTHER with the raw value', () => {
    const rows = rowsOf(ordersPage());
    expect(rows.slice(0, 2).map((s) => [s.contentType, s.contentId])).toEqual([
      ['VIDEO', '7431000000000000001'],
      ['LIVE', '7431000000000000002'],
    ]);
    expect(one({ content_type: undefined })).toMatchObject({ contentType: 'OTHER', contentTypeRaw: '1' });
    const preLive = one({ content_type: 'pre_live' });
    expect(preLive?.contentType).toBe('PRE_LIVE');
    expect(preLive?.contentTypeRaw).toBeUndefined();
    expect(one({ content_type: null, promotion_position: null })?.contentType).toBeUndefined();
  });

  it('attributes a row to its open or target collaboration or TAP campaign; blank and "0" ids are none', () => {
    const rows = rowsOf(ordersPage());
    expect(rows[0]?.collaboration).toEqual({ kind: 'target', id: '7300000000000000001' });
    expect(rows[1]?.collaboration).toEqual({ kind: 'open', id: '7310000000000000001' });
    expect(one({ target_collaboration_id: '0' })?.collaboration).toBeUndefined();
  });

  it('emits creators (handle as the join key), products and SKUs the rows name', () => {
    const r = parse(ordersPage());
    expect(r.records.creators?.map((c) => [c.handle, c.nickname])).toContainEqual(['lee.reviews', 'Lee']);
    expect(r.records.creators?.[0]).toEqual({ handle: 'glowwithmaya', nickname: 'Maya ✨ Skincare', aliases: [] });
    expect(r.records.products).toContainEqual({ productId: '1729500000000000002', title: 'Vitamin C Glow Cream' });
    expect(r.records.skus).toContainEqual({ skuId: '1729600000000000003', productId: '1729500000000000002', description: 'Travel size' });
    expect(r.records.skus).toContainEqual({ skuId: '1729600000000000002', productId: '1729500000000000002', description: undefined });
    // A row without a creator (a TAP-only or shop order) yields no creator.
    expect(parse({ data: { orders: [order({}, [skuRow({ creator_username: '', creator_nickname: null })])] } }).records.creators).toBeUndefined();
  });

  it('reads the open-API names: id, seconds, skus[], money objects, campaign and partner commission', () => {
    const r = parse({ code: 0, data: { orders: [openApiOrder()] } });
    expect(r.rejections).toEqual([]);
    expect(r.records.orders).toEqual([
      { orderId: '5770000000000000009', createdAt: NOW - DAY, skuRows: 1, deliveredAt: NOW, statusRaw: undefined },
    ]);
    // Rupiah has no minor unit in the browser's Intl (CLDR), so minor units are whole rupiah.
    const idr = (minor: number) => ({ minor, currency: 'IDR' });
    expect(r.records.orderSkus?.[0]).toMatchObject({
      createdAt: NOW - DAY,
      price: idr(120_000),
      contentType: 'PROMOTION_PAGE',
      contentId: '0',
      collaboration: { kind: 'campaign', id: '7320000000000000001' },
      commissionBps: 800,
      partnerCommissionBps: 1200,
      adsCommissionBps: undefined,
      estimatedCommission: idr(9600),
      actualCommission: idr(9600),
      estimatedPartnerCommission: idr(14_400),
      actualPartnerCommission: idr(14_000),
      settlement: 'SETTLED',
    });
  });

  it('prices bare decimals in the currency the row, the order or the page names, else leaves them to the shop', () => {
    const bare = { price: undefined, estimated_cos_fee: '12.5' };
    expect(one(bare)?.estimatedCommission).toEqual({ decimal: '12.5' });
    expect(one({ ...bare, currency: 'GBP' })?.estimatedCommission).toEqual({ minor: 1250, currency: 'GBP' });
    expect(one(bare, { currency: 'MYR' })?.estimatedCommission).toEqual({ minor: 1250, currency: 'MYR' });
    const page = { data: { currency: 'SGD', orders: [order({}, [skuRow(bare)])] } };
    expect(rowsOf(page)[0]?.estimatedCommission).toEqual({ minor: 1250, currency: 'SGD' });
    // `$` does not say which dollar: not a currency.
    expect(one({ ...bare, currency: '$' })?.estimatedCommission).toEqual({ decimal: '12.5' });
  });

  it('keeps the order status as sent, since its internal name is not known', () => {
    const r = parse({ data: { orders: [order({ order_status: 'COMPLETED' }), order({ main_order_id: '5770000000000000005', status: 122 })] } });
    expect(r.records.orders?.map((o) => o.statusRaw)).toEqual(['COMPLETED', '122']);
  });

  it('rejects rows of the wrong type with the path that broke, and keeps the rest', () => {
    const page = ordersPage();
    const rows = page.data.orders[1]!.sku_detail as Record<string, unknown>[];
    rows[0] = { ...rows[0], cos_ratio: { value: '10%' } };
    rows[1] = { ...rows[1], estimated_cos_fee: '$3.00' };
    const r = parse(page);
    expect(r.accepted).toBe(3);
    expect(r.rejections).toEqual([
      { path: 'orders[].sku_detail[].cos_ratio', code: 'invalid_union' },
      { path: 'orders[].sku_detail[].estimated_cos_fee', code: 'invalid_union' },
    ]);
    // The order whose every row broke is not stored either.
    expect(r.records.orders?.map((o) => o.orderId)).not.toContain('5770000000000000002');
  });

  it('rejects a row without a SKU id, or with a rate above 100%, or a handle that is not a handle, never echoing values', () => {
    const page = {
      data: {
        orders: [
          order({}, [
            skuRow({ sku_id: undefined }),
            skuRow({ sku_id: '2', cos_ratio: '15000' }),
            skuRow({ sku_id: '3', creator_username: '<img src=x onerror=alert(1)>' }),
            skuRow({ sku_id: '4', creator_nickname: '<img src=x onerror=alert(1)>' }),
          ]),
        ],
      },
    };
    const r = parse(page);
    expect(r.rejections.map((x) => x.path)).toEqual(['orders[].sku_detail[].sku_id', 'orders[].sku_detail[].cos_ratio', 'orders[].sku_detail[].creator_username']);
    expect(JSON.stringify(r.rejections)).not.toContain('img');
    expect(r.records.creators).toEqual([{ handle: 'glowwithmaya', nickname: '<img src=x onerror=alert(1)>', aliases: [] }]);
  });

  it('rejects a whole order without an id or a readable time, and ids sent as unsafe numbers', () => {
    const r = parse({
      data: {
        orders: [
          order({ main_order_id: undefined }),
          order({ main_order_id: '5770000000000000006', create_time: 'yesterday' }),
          order({ main_order_id: 5770000000000000007 }),
          order({ main_order_id: '5770000000000000008', create_time: '17637' }),
          order({ main_order_id: '5770000000000000009', sku_detail: { sku_id: '1' } }),
          7,
        ],
      },
    });
    expect(r.accepted).toBe(0);
    expect(r.records).toEqual({});
    expect(r.rejections.map((x) => x.path)).toEqual([
      'orders[].main_order_id',
      'orders[].create_time',
      'orders[].main_order_id',
      'orders[].create_time',
      'orders[].sku_detail',
      'orders[]',
    ]);
  });

  it('ignores error envelopes (captcha, quota) without calling them a changed shape', () => {
    expect(parse({ code: 10000, message: 'captcha' })).toEqual({ records: {}, accepted: 0, rejections: [], skipped: true });
  });

  it('reads an empty range as empty, and reports orders that are not a list', () => {
    expect(parse({ code: 0, data: { orders: null, total_count: 0 } })).toEqual({ records: {}, accepted: 0, rejections: [] });
    expect(parse({ code: 0, data: { orders: [] } })).toEqual({ records: {}, accepted: 0, rejections: [] });
    expect(parse({ code: 0, data: { orders: 'soon' } }).rejections).toEqual([{ path: 'data.orders', code: 'invalid_type' }]);
    expect(parse('not an object').rejections[0]?.code).toBe('invalid_type');
    expect(parse({ code: 0, data: { orders: [order({}, [])] } })).toEqual({ records: {}, accepted: 0, rejections: [] });
  });

  it('never throws and only yields well-formed records, whatever the response turns into', () => {
    const mutate = anyJson;
    const rowFields = [
      'sku_id', 'product_id', 'product_name', 'quantity', 'price', 'creator_username', 'creator_nickname', 'content_type', 'content_id',
      'target_collaboration_id', 'cos_ratio', 'shop_ads_commission_ratio', 'estimated_cos_fee', 'actual_cos_fee', 'settlement_status', 'fully_return', 'currency',
    ];
    const headFields = ['main_order_id', 'create_time', 'delivery_time', 'order_status', 'currency', 'sku_detail'];
    const money = (m: MoneyFact | undefined) =>
      m === undefined || ('minor' in m ? Number.isSafeInteger(m.minor) && /^[A-Z]{3}$/.test(m.currency) : /^-?\d{1,15}(\.\d{1,6})?$/.test(m.decimal));
    fc.assert(
      fc.property(fc.constantFrom(...rowFields), mutate, fc.constantFrom(...headFields), mutate, (field, value, hField, hValue) => {
        const r = parse({ code: 0, data: { orders: [order({ [hField]: hValue }, [skuRow({ [field]: value })])] } });
        for (const s of r.records.orderSkus ?? []) {
          expect(s.orderId).toMatch(/^\d{1,24}$/);
          expect(s.skuId).toMatch(/^\d{1,24}$/);
          expect(s.createdAt >= 1e12 && s.createdAt < 1e13).toBe(true);
          if (s.creatorHandle !== undefined) expect(s.creatorHandle).toMatch(/^[a-z0-9._]{1,64}$/);
          for (const b of [s.commissionBps, s.adsCommissionBps, s.partnerCommissionBps]) {
            if (b !== undefined) expect(Number.isInteger(b) && b >= 0 && b <= 10_000).toBe(true);
          }
          for (const m of [s.price, s.estimatedCommission, s.actualCommission, s.estimatedAdsCommission, s.actualAdsCommission]) expect(money(m)).toBe(true);
          expect(['UNKNOWN', 'AWAITING_PAYMENT', 'TO_SETTLE', 'SETTLED', 'INELIGIBLE']).toContain(s.settlement);
          expect(s.settlementRaw.length).toBeLessThanOrEqual(64);
          expect([0, 1]).toContain(s.refunded);
        }
        // One row in, so one row out or one row rejected; unless the order lost its row list (then there is nothing to read).
        const rowListGone = hField === 'sku_detail' && (hValue === null || hValue === undefined || (Array.isArray(hValue) && hValue.length === 0));
        expect(r.accepted + (r.rejections.length ? 1 : 0)).toBe(rowListGone ? 0 : 1);
      }),
      { numRuns: 500 },
    );
  });
});
