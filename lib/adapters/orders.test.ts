import fc from 'fast-check';
import { anyJson } from '../../test/arbitraries';
import { describe, expect, it } from 'vitest';
import { expectNoSilentDrop, expectReadsCover, outcome } from '../../test/adapter-harness';
import {
  agency,
  DAY,
  NOW,
  openApiOrder,
  order,
  ordersPage,
  realLine,
  realOrder,
  realOrdersPage,
  requestBody,
  skuRow,
  withRateForm,
  writeRate,
  type RateWriting,
} from '../../test/fixtures/orders';
import { orderSkuKey, ordersList, type MoneyFact } from './orders';

const body = JSON.parse(requestBody()) as unknown;
const parse = (json: unknown) => ordersList.parse(json, body);
const rowsOf = (json: unknown) => parse(json).records.orderSkus ?? [];
const one = (row: Record<string, unknown>, head: Record<string, unknown> = {}) => rowsOf({ code: 0, data: { orders: [order(head, [skuRow(row)])] } })[0];
const real = (...lines: Record<string, unknown>[]) => ({ code: 0, message: 'success', orders: [realOrder({}, lines)] });
const usd = (minor: number) => ({ minor, currency: 'USD' });
const dec = (decimal: string) => ({ decimal });

describe('orders.list adapter: the real shape (real-shapes.md §2)', () => {
  it('reads every line of every order at the top level, keyed by order and position, with the order it belongs to', () => {
    const r = parse(realOrdersPage());
    expect(r.rejections).toEqual([]);
    expect(r.accepted).toBe(5);
    const rows = r.records.orderSkus ?? [];
    expect(rows.map((s) => [orderSkuKey(s), s.skuId, s.line, s.productId])).toEqual([
      ['5770000000000000101|#1', undefined, 1, undefined],
      ['5770000000000000101|#2', undefined, 2, undefined],
      ['5770000000000000102|#1', undefined, 1, undefined],
      ['5770000000000000103|#1', undefined, 1, undefined],
      ['5770000000000000104|#1', undefined, 1, undefined],
    ]);
    expect(r.records.orders).toEqual([
      { orderId: '5770000000000000101', createdAt: NOW - 2 * DAY, skuRows: 2, deliveredAt: undefined, statusRaw: undefined },
      { orderId: '5770000000000000102', createdAt: NOW - 3 * DAY, skuRows: 1, deliveredAt: undefined, statusRaw: undefined },
      { orderId: '5770000000000000103', createdAt: NOW - 20 * DAY, skuRows: 1, deliveredAt: undefined, statusRaw: undefined },
      { orderId: '5770000000000000104', createdAt: NOW - 4 * DAY, skuRows: 1, deliveredAt: undefined, statusRaw: undefined },
    ]);
    expect(r.records.creators?.map((c) => c.handle)).toEqual(['glowwithmaya', 'glowwithmaya', 'lee.reviews', 'glowwithmaya', 'glowwithmaya']);
    // No product id: nothing to say about products or SKUs.
    expect(r.records.products).toBeUndefined();
    expect(r.records.skus).toBeUndefined();
  });

  it('reads the channel codes 1 showcase, 2 video, 3 LIVE and keeps the code; an unknown code is OTHER with its code', () => {
    const rows = rowsOf(realOrdersPage());
    expect(rows.map((s) => [s.contentType, s.contentTypeRaw])).toEqual([
      ['VIDEO', '2'],
      ['LIVE', '3'],
      ['SHOP', '1'],
      ['VIDEO', '2'],
      ['VIDEO', '2'],
    ]);
    expect(rowsOf(real(realLine({ promotion_position: { promotion_position_type: 7 } }))).map((s) => [s.contentType, s.contentTypeRaw])).toEqual([['OTHER', '7']]);
    expect(rowsOf(real(realLine({ promotion_position: { promotion_position_type: '3' } })))[0]?.contentType).toBe('LIVE');
    expect(rowsOf(real(realLine({ promotion_position: null })))[0]?.contentType).toBeUndefined();
  });

  it('stores the agency (sponsor) as the partner, with its rate and fees; other orders have none', () => {
    const [, , viaAgency, settled, ads] = rowsOf(realOrdersPage());
    expect(viaAgency).toMatchObject({
      partner: { id: '7260000000000000001', name: 'Glow Partners Agency' },
      partnerCommissionBps: 500,
      estimatedPartnerCommission: dec('1.25'),
      actualPartnerCommission: undefined,
      rateForms: { commission: 'bps', partner: 'bps', ads: 'bps' },
    });
    expect(settled).toMatchObject({ partnerCommissionBps: 1000, estimatedPartnerCommission: dec('4.00'), actualPartnerCommission: dec('3.60'), actualCommission: dec('3.60') });
    expect(ads?.partner).toBeUndefined();
    expect(ads?.partnerCommissionBps).toBeUndefined();
    expect(rowsOf(real(realLine(agency({ sponsor_id: '0', sponsor_name: 'Solo Agency' }))))[0]?.partner).toEqual({ name: 'Solo Agency' });
    expect(rowsOf(real(realLine(agency({ sponsor_id: '', sponsor_name: ' ' }))))[0]?.partner).toBeUndefined();
  });

  it('keeps amounts as decimals of the shop currency for the sink to price, from strings or numbers; blank is not yet known', () => {
    const [first] = rowsOf(realOrdersPage());
    expect(first).toMatchObject({ commissionBps: 1000, estimatedCommission: dec('2.50'), adsCommissionBps: 0, estimatedAdsCommission: dec('0.00') });
    expect(first?.actualCommission).toBeUndefined();
    expect(rowsOf(real(realLine({ estimated_cos_fee: 2.5, actual_cos_fee: 2 })))[0]).toMatchObject({ estimatedCommission: dec('2.5'), actualCommission: dec('2') });
  });

  it('says nothing about settlement or returns that the answer does not send', () => {
    const [first] = rowsOf(realOrdersPage());
    expect(first).toMatchObject({ settlement: 'UNKNOWN', settlementRaw: '', refunded: 0 });
    expect(first?.settlementField).toBeUndefined();
    expect(first?.refundedField).toBeUndefined();
    expect(one({ fully_return: 'no' })?.refundedField).toBe('fully_return');
  });

  it('reads create_time as a number or a string, in ms or seconds', () => {
    const at = (create_time: unknown) => parse({ orders: [realOrder({ create_time })] }).records.orders?.[0]?.createdAt;
    expect(at(NOW)).toBe(NOW);
    expect(at(String(NOW))).toBe(NOW);
    expect(at(Math.floor(NOW / 1000))).toBe(Math.floor(NOW / 1000) * 1000);
  });

  it('reads SKU and product ids when a line has them, and a product name to join by when it has only that', () => {
    const [withIds, titled] = rowsOf(real(realLine({ sku_id: '1729600000000000001', product_id: '1729500000000000001' }), realLine({ product_name: ' Rose Serum ' })));
    expect(withIds).toMatchObject({ skuId: '1729600000000000001', productId: '1729500000000000001', line: 1 });
    expect(orderSkuKey(withIds!)).toBe('5770000000000000101|1729600000000000001');
    expect(titled).toMatchObject({ productTitle: 'Rose Serum', line: 2 });
    expect(titled?.productId).toBeUndefined();
    expect(orderSkuKey(titled!)).toBe('5770000000000000101|#2');
    // "0" and "" are no id.
    expect(orderSkuKey(rowsOf(real(realLine({ sku_id: '0', product_id: '' })))[0]!)).toBe('5770000000000000101|#1');
  });

  it('declares every path it reads, on the real shape, each rate form and the first map’s forms', () => {
    expectReadsCover(ordersList, realOrdersPage(), body);
    for (const form of ['bps', 'bps-string', 'percent', 'percent-sign', 'fraction'] as const) expectReadsCover(ordersList, withRateForm(realOrdersPage(), form), body);
    expectReadsCover(ordersList, real(realLine({ sku_id: '1', product_id: '2', product_name: 'x', sku_name: 'y' })), body);
    expectReadsCover(ordersList, ordersPage(), body);
    expectReadsCover(ordersList, { code: 0, data: { orders: [openApiOrder()] } }, body);
  });

  it('drops nothing silently: every order and every line alone, and without each of its keys, gives a record or a rejection', () => {
    expectNoSilentDrop(ordersList, realOrdersPage(), 'orders', body);
    for (const o of realOrdersPage().orders) expectNoSilentDrop(ordersList, { code: 0, orders: [o] }, 'orders.0.sku_detail', body);
    for (const form of ['percent', 'fraction'] as const) expectNoSilentDrop(ordersList, withRateForm(realOrdersPage(), form), 'orders', body);
    expectNoSilentDrop(ordersList, ordersPage(), 'data.orders', body);
  });

  it('counts an answer whose lines carry nothing it knows as a failure', () => {
    const r = outcome(ordersList, { code: 0, orders: [realOrder({}, [{ zz_renamed: 1 }])] }, body);
    expect(r.accepted).toBe(0);
    expect(r.rejections).toEqual([{ path: 'orders[].sku_detail[]', code: 'custom' }]);
  });
});

describe('orders.list adapter: rates in every form (units unknown)', () => {
  const rates = (json: unknown) => rowsOf(json).map((s) => [s.commissionBps, s.adsCommissionBps, s.partnerCommissionBps, s.rateForms]);

  it.each([
    ['bps', 'bps'],
    ['bps-string', 'bps'],
    ['percent', 'percent'],
    ['percent-sign', 'percent'],
    ['fraction', 'fraction'],
  ] as const)('reads the real page with rates written as %s, the same in basis points, with the form recorded', (writing: RateWriting, form) => {
    const r = parse(withRateForm(realOrdersPage(), writing));
    expect(r.rejections).toEqual([]);
    expect(rates(withRateForm(realOrdersPage(), writing))).toEqual([
      [1000, 0, undefined, { commission: form, ads: form }],
      [1500, 0, undefined, { commission: form, ads: form }],
      [800, 0, 500, { commission: form, ads: form, partner: form }],
      [1000, 0, 1000, { commission: form, ads: form, partner: form }],
      [1000, 500, undefined, { commission: form, ads: form }],
    ]);
  });

  it('reads a small percent as a percent, never as basis points, in an answer that writes percents', () => {
    expect(rates(real(realLine({ cos_ratio: '10.00', shop_ads_commission_ratio: '0.50' })))).toEqual([[1000, 50, undefined, { commission: 'percent', ads: 'percent' }]]);
    expect(rates(real(realLine({ cos_ratio: '12.5%', shop_ads_commission_ratio: 0.5 })))).toEqual([[1250, 50, undefined, { commission: 'percent', ads: 'percent' }]]);
    // An integer up to 100 beside percents could be a percent: rejected with its path, never read as basis points.
    const r = parse(real(realLine({ cos_ratio: '10.00' }), realLine({ cos_ratio: 10 })));
    expect(r.accepted).toBe(1);
    expect(r.rejections).toEqual([{ path: 'orders[].sku_detail[].cos_ratio', code: 'ambiguous_rate' }]);
    // Above 100 it can only be basis points.
    expect(rates(real(realLine({ cos_ratio: '10.00' }), realLine({ cos_ratio: 1200 })))[1]).toEqual([1200, 0, undefined, { commission: 'bps', ads: 'percent' }]);
  });

  it('rejects what is ambiguous or out of range with its path, never its value', () => {
    const cases: [Record<string, unknown>[], string, string][] = [
      // A small decimal in an answer that counts in basis points: a fraction or a percent?
      [[realLine({ cos_ratio: 1000, shop_ads_commission_ratio: '0.5' })], 'orders[].sku_detail[].shop_ads_commission_ratio', 'ambiguous_rate'],
      // `1` beside fractions: 1 basis point or 100%?
      [[realLine({ cos_ratio: '0.1' }), realLine({ cos_ratio: 1 })], 'orders[].sku_detail[].cos_ratio', 'ambiguous_rate'],
      [[realLine({ cos_ratio: '150%' })], 'orders[].sku_detail[].cos_ratio', 'too_big'],
      [[realLine({ cos_ratio: '150.00' })], 'orders[].sku_detail[].cos_ratio', 'too_big'],
      [[realLine({ cos_ratio: 15_000 })], 'orders[].sku_detail[].cos_ratio', 'too_big'],
      [[realLine({ ...agency({ sponsor_service_ratio: '-5' }) })], 'orders[].sku_detail[].sponsor_service_ratio', 'invalid_format'],
      [[realLine({ cos_ratio: { value: '10%' } })], 'orders[].sku_detail[].cos_ratio', 'invalid_union'],
      [[realLine({ cos_ratio: '10 percent' })], 'orders[].sku_detail[].cos_ratio', 'invalid_format'],
    ];
    for (const [lines, path, code] of cases) {
      const r = parse(real(...lines));
      expect(r.rejections, JSON.stringify(lines)).toContainEqual({ path, code });
      expect(r.records.orderSkus?.length ?? 0).toBe(lines.length - 1);
      for (const x of r.rejections) expect(JSON.stringify(x)).not.toMatch(/150|15000|0\.5|10 percent/);
    }
  });

  it('records a zero in the form of the answer’s other rates', () => {
    expect(rowsOf(withRateForm(realOrdersPage(), 'fraction'))[0]?.rateForms?.ads).toBe('fraction');
    expect(rowsOf(real(realLine({ cos_ratio: '0.00', shop_ads_commission_ratio: '0' })))[0]).toMatchObject({ commissionBps: 0, adsCommissionBps: 0, rateForms: { commission: 'bps', ads: 'bps' } });
  });

  it('writes every rate the same way in each form (the fixture helper the simulator tests share)', () => {
    expect(['bps', 'bps-string', 'percent', 'percent-sign', 'fraction'].map((f) => writeRate(1250, f as RateWriting))).toEqual([1250, '1250', '12.50', '12.5%', '0.125']);
  });
});

describe('orders.list adapter: mutations of the real shape', () => {
  it('never throws and only yields well-formed lines, whatever a field of an order or a line turns into', () => {
    const lineFields = [...Object.keys(realLine()), ...Object.keys(agency()), 'sku_id', 'product_id', 'product_name'];
    const headFields = ['main_order_id', 'create_time', 'sku_detail'];
    const money = (m: MoneyFact | undefined) =>
      m === undefined || ('minor' in m ? Number.isSafeInteger(m.minor) && /^[A-Z]{3}$/.test(m.currency) : /^-?\d{1,15}(\.\d{1,6})?$/.test(m.decimal));
    fc.assert(
      fc.property(fc.constantFrom(...lineFields), anyJson, fc.constantFrom(...headFields), anyJson, fc.boolean(), (field, value, hField, hValue, mutateHead) => {
        const line = realLine({ ...agency(), [field]: value });
        const json = { code: 0, orders: [realOrder(mutateHead ? { [hField]: hValue } : {}, [line])] };
        const r = parse(json);
        for (const s of r.records.orderSkus ?? []) {
          expect(s.orderId).toMatch(/^\d{1,24}$/);
          expect(orderSkuKey(s)).toMatch(/^\d{1,24}\|(#1|\d{1,24})$/);
          expect(s.createdAt >= 1e12 && s.createdAt < 1e13).toBe(true);
          if (s.creatorHandle !== undefined) expect(s.creatorHandle).toMatch(/^[a-z0-9._]{1,64}$/);
          for (const b of [s.commissionBps, s.adsCommissionBps, s.partnerCommissionBps]) if (b !== undefined) expect(Number.isInteger(b) && b >= 0 && b <= 10_000).toBe(true);
          for (const m of [s.estimatedCommission, s.actualCommission, s.estimatedAdsCommission, s.actualAdsCommission, s.estimatedPartnerCommission, s.actualPartnerCommission]) expect(money(m)).toBe(true);
          if (s.contentType !== undefined) expect(['SHOP', 'VIDEO', 'LIVE', 'OTHER']).toContain(s.contentType);
        }
        for (const x of r.rejections) expect(x.path).toMatch(/^orders(\[\](\.[a-z_]+(\[\](\.[a-z_]+)*)?)?)?$/);
        // One line in: one line out or rejected (an order that lost its lines is rejected itself).
        expect(r.accepted + (r.rejections.length ? 1 : 0)).toBe(1);
      }),
      { numRuns: 500 },
    );
  });
});

describe('orders.list adapter: the first map’s forms, still accepted', () => {
  it('reads every SKU row of `data.orders`, keyed by order and SKU', () => {
    const r = parse(ordersPage());
    expect(r.rejections).toEqual([]);
    expect(r.accepted).toBe(5);
    expect((r.records.orderSkus ?? []).map((s) => [orderSkuKey(s), s.line])).toEqual([
      ['5770000000000000001|1729600000000000001', 1],
      ['5770000000000000002|1729600000000000002', 1],
      ['5770000000000000002|1729600000000000003', 2],
      ['5770000000000000003|1729600000000000004', 1],
      ['5770000000000000004|1729600000000000005', 1],
    ]);
    expect(r.records.orders?.map((o) => [o.orderId, o.createdAt, o.skuRows])).toEqual([
      ['5770000000000000001', NOW - 2 * DAY, 1],
      ['5770000000000000002', NOW - 3 * DAY, 2],
      ['5770000000000000003', NOW - 2 * DAY, 1],
      ['5770000000000000004', NOW - 2 * DAY, 1],
    ]);
  });

  it('keeps units: rates in bps from strings or numbers, times in ms, money in minor units of the row currency', () => {
    const [first, settled, awaiting] = rowsOf(ordersPage());
    expect(first).toMatchObject({
      createdAt: NOW - 2 * DAY,
      quantity: 1,
      price: usd(2499),
      productTitle: 'Rose Hydrating Serum 30ml',
      commissionBps: 1500,
      adsCommissionBps: 0,
      rateForms: { commission: 'bps', ads: 'bps' },
      estimatedCommission: usd(375),
      actualCommission: undefined,
      estimatedAdsCommission: usd(0),
    });
    expect(first?.partnerCommissionBps).toBeUndefined();
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
    expect(refunded).toMatchObject({ refunded: 1, refundedField: 'fully_return', estimatedCommission: usd(375), actualCommission: usd(0), settlement: 'INELIGIBLE' });
    expect(one({ fully_return: true, estimated_shop_ads_commission: '0.40' })).toMatchObject({ refunded: 1, actualCommission: usd(0), actualAdsCommission: usd(0) });
    expect(one({ fully_return: 'no' })?.refunded).toBe(0);
    expect(one({ fully_return: undefined })?.refunded).toBe(0);
  });

  it('keeps a zero commission as zero, not as unknown', () => {
    expect(rowsOf(ordersPage())[4]).toMatchObject({ commissionBps: 0, estimatedCommission: usd(0), contentType: 'SHOP', contentId: undefined });
  });

  it('prefers the content type name to the channel code, and keeps a name it does not know as OTHER', () => {
    const rows = rowsOf(ordersPage());
    expect(rows.slice(0, 2).map((s) => [s.contentType, s.contentTypeRaw, s.contentId])).toEqual([
      ['VIDEO', undefined, '7431000000000000001'],
      ['LIVE', undefined, '7431000000000000002'],
    ]);
    expect(one({ content_type: undefined })).toMatchObject({ contentType: 'VIDEO', contentTypeRaw: '2' });
    expect(one({ content_type: 'Hologram' })).toMatchObject({ contentType: 'OTHER', contentTypeRaw: 'Hologram' });
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
    expect(r.records.orders).toEqual([{ orderId: '5770000000000000009', createdAt: NOW - DAY, skuRows: 1, deliveredAt: NOW, statusRaw: undefined }]);
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
      estimatedCommission: idr(9600),
      actualCommission: idr(9600),
      estimatedPartnerCommission: idr(14_400),
      actualPartnerCommission: idr(14_000),
      settlement: 'SETTLED',
    });
    // `shop_ads_commission_rate: ""`: Shop Ads did not drive the order.
    expect(r.records.orderSkus?.[0]?.adsCommissionBps).toBeUndefined();
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
      { path: 'data.orders[].sku_detail[].cos_ratio', code: 'invalid_union' },
      { path: 'data.orders[].sku_detail[].estimated_cos_fee', code: 'invalid_union' },
    ]);
    // The order whose every row broke is not stored either.
    expect(r.records.orders?.map((o) => o.orderId)).not.toContain('5770000000000000002');
  });

  it('keeps a row without a SKU id as a line; rejects a rate above 100% or a handle that is not a handle, never echoing values', () => {
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
    expect(r.rejections).toEqual([
      { path: 'data.orders[].sku_detail[].creator_username', code: 'invalid_format' },
      { path: 'data.orders[].sku_detail[].cos_ratio', code: 'too_big' },
    ]);
    expect(r.records.orderSkus?.map(orderSkuKey)).toEqual(['5770000000000000001|#1', '5770000000000000001|4']);
    expect(JSON.stringify(r.rejections)).not.toContain('img');
    expect(r.records.creators?.map((c) => c.nickname)).toEqual(['Maya ✨ Skincare', '<img src=x onerror=alert(1)>']);
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
          order({ main_order_id: '5770000000000000010' }, []),
          7,
        ],
      },
    });
    expect(r.accepted).toBe(0);
    expect(r.records).toEqual({});
    expect(r.rejections.map((x) => x.path)).toEqual([
      'data.orders[].main_order_id',
      'data.orders[].create_time',
      'data.orders[].main_order_id',
      'data.orders[].create_time',
      'data.orders[].sku_detail',
      'data.orders[].sku_detail',
      'data.orders[]',
    ]);
  });

  it('ignores error envelopes (captcha, quota) without calling them a changed shape', () => {
    expect(parse({ code: 10000, message: 'captcha' })).toEqual({ records: {}, accepted: 0, rejections: [], skipped: true });
  });

  it('reads an empty range as empty, and reports orders that are not a list', () => {
    expect(parse({ code: 0, message: 'success', orders: [] })).toEqual({ records: {}, accepted: 0, rejections: [] });
    expect(parse({ code: 0, data: { orders: null, total_count: 0 } })).toEqual({ records: {}, accepted: 0, rejections: [] });
    expect(parse({ code: 0, data: { orders: [] } })).toEqual({ records: {}, accepted: 0, rejections: [] });
    expect(parse({ code: 0, orders: 'soon' }).rejections).toEqual([{ path: 'orders', code: 'invalid_type' }]);
    expect(parse({ code: 0, data: { orders: 'soon' } }).rejections).toEqual([{ path: 'data.orders', code: 'invalid_type' }]);
    expect(parse('not an object').rejections[0]?.code).toBe('invalid_type');
    // An order without lines is not an empty order but a changed shape.
    expect(parse({ code: 0, orders: [realOrder({}, [])] }).rejections).toEqual([{ path: 'orders[].sku_detail', code: 'custom' }]);
  });
});
