import { describe, expect, it } from 'vitest';
import { handleApi } from '../api';
import { CODE_INVALID_PARAMS } from '../surface';
import { HOSTILE, SAMPLE_TABS, generateWorld, shopByKey, skuOf, type SimShop } from '../world';
import {
  PERFORMANCE_PATH,
  REFUNDABLE_LIST_PATH,
  REFUNDABLE_TABS_PATH,
  REFUNDABLE_WINDOW_MS,
  advanceRequest,
  contentsOf,
  refundableFaultPlan,
  refundableOf,
  refundableTabRequests,
} from './sample-lifecycle';
import { sampleRefundableList } from '../../../lib/adapters/sample-refundable-list';
import { samplePerformance } from '../../../lib/adapters/sample-performance';
import { outcome } from '../../adapter-harness';
import { infosOf, requestsOf } from './sample-wire';

const NOW = Date.UTC(2025, 10, 20, 9, 30);
const world = generateWorld({ seed: 1, now: NOW });
const us = shopByKey(world, 'us');

type Json = Record<string, any>;

function call(shop: SimShop, path: string, body: unknown, opts: { fault?: boolean; w?: typeof world; variant?: string } = {}): Json {
  const url = new URL(
    `https://${shop.host}${path}?user_language=en&aid=4331&app_name=i18n_ecom_alliance&device_platform=web&shop_region=${shop.region}&oec_seller_id=${shop.sellerId}${opts.fault ? '&cl_fault=shape' : ''}${opts.variant ? `&cl_variant=${opts.variant}` : ''}`,
  );
  const res = handleApi(opts.w ?? world, { url, method: 'POST', body: body === null ? null : JSON.stringify(body), now: NOW });
  expect(res?.status).toBe(200);
  return res!.json as Json;
}
const data = (json: Json): Json => {
  expect(json.code).toBe(0);
  return json.data as Json;
};
/** A page of the refundable list: at the top level, as the group list sends its own. */
const refundableList = (shop: SimShop, tab: number, page = 1, pageSize = 50, fault = false): Json => {
  const json = call(shop, REFUNDABLE_LIST_PATH, { tab, cur_page: page, page_size: pageSize, search_params: [], order_params: [] }, { fault });
  expect(json.code).toBe(0);
  expect(json).not.toHaveProperty('data');
  return json;
};
const refundableRequests = (d: Json): Json[] => (d.agg_info as Json[]).flatMap((el) => requestsOf(el));
const performance = (shop: SimShop, applyId: string, contentType: 1 | 2, opts: { fault?: boolean; w?: typeof world; variant?: string } = {}) =>
  call(shop, PERFORMANCE_PATH, { apply_id: applyId, content_type: contentType, cur_page: 1, page_size: 10 }, opts);

describe('POST /api/v1/affiliate/sample/refundable/tab/list', () => {
  it('counts the refundable requests of every tab', () => {
    for (const shop of world.shops) {
      const tabs = data(call(shop, REFUNDABLE_TABS_PATH, {})).tab_list as Json[];
      expect(tabs.map((t) => t.tab)).toEqual(SAMPLE_TABS.map((t) => t.code));
      for (const t of tabs) expect(t.count).toBe(refundableTabRequests(shop, t.tab).length);
      expect(tabs.reduce((n, t) => n + t.count, 0)).toBe(shop.requests.filter((r) => r.sampleType === 'REFUNDABLE_SAMPLE').length);
    }
  });
});

describe('POST /api/v1/affiliate/sample/refundable/apply/list', () => {
  it('pages through exactly the refundable requests of each tab, in list order', () => {
    for (const tab of SAMPLE_TABS) {
      const expected = refundableTabRequests(us, tab.code).map((r) => r.applyId);
      const seen: string[] = [];
      for (let page = 1; ; page++) {
        const d = refundableList(us, tab.code, page, 10);
        expect(d.total_count).toBe(expected.length);
        seen.push(...refundableRequests(d).map((i) => i.apply_id as string));
        if (!d.has_more) break;
      }
      expect(seen).toEqual(expected);
    }
  });

  it('sends the refundable terms in real units, the deposit in the shop currency', () => {
    for (const shop of world.shops) {
      for (const tab of SAMPLE_TABS) {
        const page = refundableList(shop, tab.code);
        for (const info of refundableRequests(page)) {
          const r = shop.requests.find((x) => x.applyId === info.apply_id)!;
          const p = refundableOf(world, shop, r);
          expect(r.sampleType).toBe('REFUNDABLE_SAMPLE');
          expect(Number(info.refundable_info.sales_target)).toBe(p.goalUnits);
          expect(Number(info.refundable_info.sales_count)).toBe(p.soldUnits);
          expect(info.refundable_info.end_time).toBe(String(r.applyTime + REFUNDABLE_WINDOW_MS));
          const deposit = info.refundable_info.deposit;
          expect(deposit.currency ?? deposit.symbol).toBe(shop.currency);
          expect(Number(deposit.amount ?? deposit.value)).toBeCloseTo(skuOf(shop, r.skuId).price, 2);
        }
      }
    }
  });

  it('shows progress that follows the request’s stage: nothing sold before posting, short of the goal while in progress, the goal reached once completed', () => {
    for (const shop of world.shops) {
      for (const r of shop.requests.filter((x) => x.sampleType === 'REFUNDABLE_SAMPLE')) {
        const p = refundableOf(world, shop, r);
        if (['PENDING', 'AWAITING_SHIPMENT', 'SHIPPED'].includes(r.status)) expect(p.soldUnits).toBe(0);
        if (r.status === 'CONTENT_PENDING') expect(p.soldUnits).toBeLessThan(p.goalUnits);
        if (r.status === 'COMPLETED' || r.status === 'OPS_COMPLETED') expect(p.soldUnits).toBeGreaterThanOrEqual(p.goalUnits);
      }
    }
  });

  it('varies the wire format: counts as numbers and strings, money as {value, symbol} and {amount, currency}', () => {
    const infos = SAMPLE_TABS.flatMap((t) => refundableRequests(refundableList(us, t.code))).map((i) => i.refundable_info);
    expect(infos.some((r) => typeof r.sales_target === 'string')).toBe(true);
    expect(infos.some((r) => typeof r.sales_target === 'number')).toBe(true);
    expect(infos.some((r) => typeof r.sales_count === 'string')).toBe(true);
    expect(infos.some((r) => 'symbol' in r.deposit)).toBe(true);
    expect(infos.some((r) => 'amount' in r.deposit)).toBe(true);
  });

  it('breaks the planned records in fault mode and nothing else', () => {
    const plan = refundableFaultPlan(us, 10, 1, 50);
    expect(plan.brokenApplyIds).toHaveLength(2);
    const broken = refundableList(us, 10, 1, 50, true);
    const infos = (broken.agg_info as Json[]).flatMap((el) => infosOf(el) as Json[]);
    expect([...new Set(infos.filter((i) => i.refundable_info.sales_count === 'lots').map((i) => i.apply_id))]).toEqual([plan.salesText]);
    expect([...new Set(infos.filter((i) => i.refundable_info.deposit?.symbol === '$').map((i) => i.apply_id))]).toEqual([plan.depositSymbol]);
    const clean = (refundableList(us, 10).agg_info as Json[]).flatMap((el) => infosOf(el) as Json[]);
    expect(clean.every((i) => /^\d+$/.test(String(i.refundable_info.sales_count)))).toBe(true);
    const r = sampleRefundableList.parse(broken, { tab: 10 }, { region: 'US' });
    expect(r.rejections).toHaveLength(2);
    expect(r.accepted).toBe(refundableRequests(broken).length - 2);
  });

  it('is read whole by Collab Lens’s adapter, in every shop and tab, in the real form and under data', () => {
    for (const shop of world.shops) {
      for (const tab of SAMPLE_TABS) {
        for (const variant of [undefined, 'sample-request.list-under-data']) {
          const json = call(shop, REFUNDABLE_LIST_PATH, { tab: tab.code, cur_page: 1, page_size: 50 }, { variant });
          const r = outcome(sampleRefundableList, json, { tab: tab.code });
          expect(r.rejections, `${shop.key} ${tab.code} ${variant}`).toEqual([]);
          expect(r.accepted).toBe(refundableTabRequests(shop, tab.code).slice(0, 50).length);
        }
      }
    }
  });

  it('answers a malformed body with 98001004', () => {
    expect(call(us, REFUNDABLE_LIST_PATH, { tab: 15, cur_page: 1, page_size: 50 }).code).toBe(CODE_INVALID_PARAMS);
    expect(call(us, REFUNDABLE_TABS_PATH, null).code).toBe(CODE_INVALID_PARAMS);
  });
});

describe('POST /api/v1/affiliate/sample/performance', () => {
  const byStatus = (shop: SimShop, ...statuses: string[]) => shop.requests.filter((r) => statuses.includes(r.status));

  it('gives every completed request 1–3 posts, some in-progress requests one, and no other request any', () => {
    for (const shop of world.shops) {
      for (const r of byStatus(shop, 'COMPLETED', 'OPS_COMPLETED')) expect(contentsOf(world, shop, r).length).toBeGreaterThanOrEqual(1);
      for (const r of byStatus(shop, 'COMPLETED', 'OPS_COMPLETED')) expect(contentsOf(world, shop, r).length).toBeLessThanOrEqual(3);
      for (const r of byStatus(shop, 'CONTENT_PENDING')) expect(contentsOf(world, shop, r).length).toBeLessThanOrEqual(1);
      for (const r of byStatus(shop, 'PENDING', 'AWAITING_SHIPMENT', 'SHIPPED', 'REJECT_CANCELLED', 'UNFULFILL_CANCELLED')) expect(contentsOf(world, shop, r)).toEqual([]);
    }
    expect(byStatus(us, 'CONTENT_PENDING').some((r) => contentsOf(world, us, r).length === 1)).toBe(true);
    const all = world.shops.flatMap((shop) => shop.requests.flatMap((r) => contentsOf(world, shop, r)));
    expect(new Set(all.map((c) => c.contentId)).size).toBe(all.length);
    expect(all.some((c) => c.format === 'LIVE')).toBe(true);
    expect(all.some((c) => c.format === 'VIDEO')).toBe(true);
  });

  it('serves videos for content_type 2 and LIVE streams for 1, in real units, tied to the request and its creator', () => {
    for (const r of byStatus(us, 'COMPLETED')) {
      const expected = contentsOf(world, us, r);
      for (const [type, format] of [[2, 'VIDEO'], [1, 'LIVE']] as const) {
        const d = data(performance(us, r.applyId, type));
        expect(d.apply_id).toBe(r.applyId);
        expect(d.creator_info.creator_id).toBe(r.creatorId);
        const want = expected.filter((c) => c.format === format);
        expect(d.total_count).toBe(want.length);
        expect((d.content_list as Json[]).map((el) => el.content.id)).toEqual(want.map((c) => c.contentId));
        for (const el of d.content_list as Json[]) {
          const c = want.find((x) => x.contentId === el.content.id)!;
          expect([format, type]).toContain(el.content.format);
          expect(el.content.create_time).toBe(String(c.createTime));
          expect(Number(el.content.view_count)).toBe(c.views);
          expect(Number(el.content.paid_order_count)).toBe(c.paidOrders);
          expect(el.product.id).toBe(r.productId);
          if (format === 'VIDEO') expect(el.content.url).toMatch(/^https:\/\/www\.tiktok\.com\/@[a-z0-9._]+\/video\/\d{19}$/);
          else expect(Number(el.content.live_end_time)).toBeGreaterThan(c.createTime);
          expect(c.createTime).toBeLessThan(NOW);
        }
      }
    }
  });

  it('sends the creator as the sample list does, and is read whole by Collab Lens’s adapter, under data or at the top level', () => {
    const r = byStatus(us, 'COMPLETED').find((x) => contentsOf(world, us, x).some((c) => c.format === 'VIDEO'))!;
    const under = performance(us, r.applyId, 2);
    expect(under.data.creator_info).toMatchObject({ creator_id: r.creatorId, follower_num: expect.stringMatching(/^[\d,]+$/) });
    const top = performance(us, r.applyId, 2, { variant: 'sample-request.content-top-level' });
    expect(top).toEqual({ code: 0, message: '', ...under.data });
    for (const json of [under, top]) {
      const read = outcome(samplePerformance, json, { apply_id: r.applyId, content_type: 2 });
      expect(read.rejections).toEqual([]);
      expect(read.accepted).toBe(contentsOf(world, us, r).filter((c) => c.format === 'VIDEO').length);
    }
  });

  it('puts a hostile caption on one US post', () => {
    const captions = byStatus(us, 'COMPLETED').flatMap((r) => contentsOf(world, us, r).map((c) => c.description));
    expect(captions.filter((d) => d === HOSTILE.nickname)).toHaveLength(1);
  });

  it('is deterministic: the same world gives the same content', () => {
    const again = generateWorld({ seed: 1, now: NOW });
    const r = byStatus(us, 'COMPLETED')[0]!;
    expect(performance(us, r.applyId, 2)).toEqual(performance(shopByKey(again, 'us'), r.applyId, 2, { w: again }));
  });

  it('breaks the first post of a page in fault mode', () => {
    const r = byStatus(us, 'COMPLETED').find((x) => contentsOf(world, us, x).some((c) => c.format === 'VIDEO'))!;
    const list = data(performance(us, r.applyId, 2, { fault: true })).content_list as Json[];
    expect(list[0]!.content.view_count).toBe('18.4K');
    expect(list.slice(1).every((el) => /^\d+$/.test(String(el.content.view_count)))).toBe(true);
  });

  it.each([
    ['no body', null],
    ['unknown content type', { apply_id: '1', content_type: 3 }],
    ['apply id as a number', { apply_id: 1, content_type: 2 }],
    ['unknown apply id', { apply_id: '7300000000000000000', content_type: 2 }],
  ])('answers %s with 98001004', (_name, body) => {
    expect(call(us, PERFORMANCE_PATH, body).code).toBe(CODE_INVALID_PARAMS);
  });
});

describe('advanceRequest', () => {
  it('moves a request through its life, each stage with its deadline, and the content and progress follow', () => {
    const w = generateWorld({ seed: 1, now: NOW });
    const shop = shopByKey(w, 'us');
    const r = shop.requests.find((x) => x.status === 'PENDING' && x.sampleType === 'REFUNDABLE_SAMPLE')!;
    const stages = [advanceRequest(r, NOW), advanceRequest(r, NOW), advanceRequest(r, NOW)];
    expect(stages).toEqual(['AWAITING_SHIPMENT', 'SHIPPED', 'CONTENT_PENDING']);
    expect(r.deadline).toBe(NOW + 30 * 86_400_000);
    expect(refundableOf(w, shop, r).soldUnits).toBeLessThan(refundableOf(w, shop, r).goalUnits);
    expect(advanceRequest(r, NOW)).toBe('COMPLETED');
    expect(r.deadline).toBeNull();
    expect(contentsOf(w, shop, r).length).toBeGreaterThanOrEqual(1);
    expect(refundableOf(w, shop, r).soldUnits).toBeGreaterThanOrEqual(refundableOf(w, shop, r).goalUnits);
    expect(advanceRequest(r, NOW)).toBe('COMPLETED');
  });
});
