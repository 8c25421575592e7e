import { describe, expect, it } from 'vitest';
import { handleApi } from '../api';
import { CODE_INVALID_PARAMS } from '../surface';
import { HOSTILE, SAMPLE_TABS, generateWorld, shopByKey, tabRequests, type SimShop } from '../world';
import { FAULT_BROKEN_APPLY_COUNT, brokenApplyCount, faultPlan } from './sample-requests';

const NOW = Date.UTC(2025, 10, 20, 9, 30);
const world = generateWorld({ seed: 1, now: NOW });
const us = shopByKey(world, 'us');

type Json = Record<string, any>;

function listUrl(shop: SimShop, extra = ''): URL {
  return new URL(
    `https://${shop.host}/api/v1/affiliate/sample/group/list?user_language=en&aid=4331&app_name=i18n_ecom_alliance&device_platform=web` +
      `&shop_region=${shop.region}&oec_seller_id=${shop.sellerId}${extra}&msToken=abc&X-Bogus=DFSx`,
  );
}

function list(shop: SimShop, tab: number, page = 1, pageSize = 50, opts: { fault?: boolean; now?: number } = {}): Json {
  const res = handleApi(world, {
    url: listUrl(shop, opts.fault ? '&cl_fault=shape' : ''),
    method: 'POST',
    body: JSON.stringify({ tab, cur_page: page, page_size: pageSize, search_params: [], order_params: [] }),
    now: opts.now ?? NOW,
  });
  expect(res?.status).toBe(200);
  const json = res!.json as Json;
  expect(json.code).toBe(0);
  expect(json.message).toBe('success');
  return json.data as Json;
}

/** Flattens an `agg_info` element into `{ creator, infos, kind }`. */
function unpack(el: Json): { creator: Json; infos: Json[]; kind: 'group-beside' | 'group-inside' | 'apply_deatil' | 'apply_detail' } {
  if (el.apply_group) {
    if (el.apply_infos) return { creator: el.apply_group.creator_info, infos: el.apply_infos, kind: 'group-beside' };
    return { creator: el.apply_group.creator_info, infos: el.apply_group.apply_infos, kind: 'group-inside' };
  }
  if (el.apply_deatil) return { creator: el.apply_deatil.creator_info, infos: [el.apply_deatil.apply_info], kind: 'apply_deatil' };
  return { creator: el.apply_detail.creator_info, infos: [el.apply_detail.apply_info], kind: 'apply_detail' };
}

describe('POST /api/v1/affiliate/sample/group/list', () => {
  it('pages by requests and returns every request of the tab exactly once, in order', () => {
    for (const tab of SAMPLE_TABS) {
      const expected = tabRequests(us, tab.code).map((r) => r.applyId);
      const seen: string[] = [];
      for (let page = 1; ; page++) {
        const data = list(us, tab.code, page, 20);
        expect(data.total_count).toBe(expected.length);
        const ids = (data.agg_info as Json[]).flatMap((el) => unpack(el).infos.map((i) => i.apply_id as string));
        expect(ids.length).toBe(Math.min(20, expected.length - (page - 1) * 20));
        seen.push(...ids);
        expect(data.has_more).toBe(page * 20 < expected.length);
        if (!data.has_more) break;
      }
      expect(seen).toEqual(expected);
    }
  });

  it('returns an empty page past the end', () => {
    const data = list(us, 10, 99);
    expect(data).toEqual({ agg_info: [], has_more: false, total_count: 120 });
  });

  it('filters by tab', () => {
    for (const tab of SAMPLE_TABS) {
      const data = list(us, tab.code, 1, 100);
      for (const el of data.agg_info as Json[]) for (const info of unpack(el).infos) expect(tab.statuses).toContain(info.status);
    }
  });

  it('aggregates a creator’s requests on a page into one element', () => {
    const data = list(us, 10);
    const creators = (data.agg_info as Json[]).map((el) => unpack(el).creator.creator_id as string);
    expect(new Set(creators).size).toBe(creators.length);
    for (const el of data.agg_info as Json[]) {
      const u = unpack(el);
      if (u.kind.startsWith('group')) {
        expect(u.infos.length).toBeGreaterThanOrEqual(2);
        expect(el.apply_group.group_id).toMatch(/^\d{19}$/);
      } else expect(u.infos).toHaveLength(1);
    }
  });

  it('shows every wire variant on page 1 of To review', () => {
    const els = (list(us, 10).agg_info as Json[]).map(unpack);
    const kinds = new Set(els.map((e) => e.kind));
    expect(kinds).toEqual(new Set(['group-beside', 'group-inside', 'apply_deatil', 'apply_detail']));
    const creators = els.map((e) => e.creator);
    const infos = els.flatMap((e) => e.infos);
    expect(creators.some((c) => typeof c.follower_cnt === 'string')).toBe(true);
    expect(creators.some((c) => typeof c.follower_cnt === 'number')).toBe(true);
    expect(creators.some((c) => c.fulfillment_percentage === '')).toBe(true);
    expect(creators.some((c) => /^\d+\.\d{2}%$/.test(c.fulfillment_percentage))).toBe(true);
    expect(infos.some((i) => typeof i.commission_rate === 'string')).toBe(true);
    expect(infos.some((i) => typeof i.commission_rate === 'number')).toBe(true);
    expect(infos.some((i) => !('sku_desc' in i))).toBe(true);
    expect(infos.some((i) => i.sample_type === 'REFUNDABLE_SAMPLE')).toBe(true);
    const left = infos.map((i) => Number(i.expired_in));
    expect(left.some((ms) => ms > 0 && ms < 2 * 3_600_000)).toBe(true);
    expect(left.some((ms) => ms >= 2 * 3_600_000 && ms < 24 * 3_600_000)).toBe(true);
  });

  it('sends records in the real units and types', () => {
    const el = (list(us, 10).agg_info as Json[]).map(unpack).find((e) => e.creator.creator_id === HOSTILE.creatorId)!;
    expect(el.creator).toMatchObject({ name: HOSTILE.handle, nick_name: '<img src=x onerror=alert(1)>' });
    expect(el.creator.avatar.url_list[0]).toMatch(/^https:\/\/p16-sign-va\.tiktokcdn\.com\//);
    const info = el.infos[0]!;
    expect(info.product_id).toBe(HOSTILE.productId);
    expect(info.product_title).toBe('"><script>window.__pwned=1</script>');
    expect(Object.keys(info)).toEqual([
      'apply_id', 'product_id', 'product_title', 'sku_id', 'sku_desc', 'sku_image', 'sku_stock', 'commission_rate',
      'region', 'status', 'sample_type', 'apply_time', 'expired_in',
    ]);
    expect(info.apply_id).toMatch(/^\d{19}$/);
    expect(info.sku_id).toMatch(/^\d{19}$/);
    expect(info.sku_image).toMatch(/^https:\/\/p16-oec-va\.ibyteimg\.com\//);
    expect(info.region).toBe('US');
    expect(info.status).toBe('PENDING');
    expect(info.apply_time).toMatch(/^\d{13}$/);
    const r = us.requests.find((x) => x.applyId === info.apply_id)!;
    expect(info.expired_in).toBe(String(r.deadline! - NOW));
    expect(Number(info.commission_rate)).toBe(r.commissionBps);
  });

  it('computes expired_in at serve time and sends "0" for statuses without a deadline', () => {
    const first = unpack((list(us, 10).agg_info as Json[])[0]!).infos[0]!;
    const later = unpack((list(us, 10, 1, 50, { now: NOW + 60_000 }).agg_info as Json[])[0]!).infos[0]!;
    expect(Number(first.expired_in) - Number(later.expired_in)).toBe(60_000);
    for (const tab of [30, 50, 60]) {
      for (const el of list(us, tab).agg_info as Json[]) for (const i of unpack(el).infos) expect(i.expired_in).toBe('0');
    }
    for (const tab of [20, 40]) {
      for (const el of list(us, tab).agg_info as Json[]) for (const i of unpack(el).infos) expect(Number(i.expired_in)).toBeGreaterThan(0);
    }
  });

  it('serves the other shops in their region', () => {
    for (const key of ['gb', 'id', 'global'] as const) {
      const shop = shopByKey(world, key);
      const data = list(shop, 10);
      expect(data.total_count).toBe(tabRequests(shop, 10).length);
      expect(unpack((data.agg_info as Json[])[0]!).infos[0]!.region).toBe(shop.region);
    }
  });

  it.each([
    ['no body', null],
    ['not JSON', '{tab:10'],
    ['array', '[]'],
    ['missing tab', JSON.stringify({ cur_page: 1, page_size: 50 })],
    ['unknown tab', JSON.stringify({ tab: 15, cur_page: 1, page_size: 50 })],
    ['page 0', JSON.stringify({ tab: 10, cur_page: 0, page_size: 50 })],
    ['string page size', JSON.stringify({ tab: 10, cur_page: 1, page_size: '50' })],
    ['search_params not a list', JSON.stringify({ tab: 10, cur_page: 1, page_size: 50, search_params: {} })],
  ])('answers a malformed body (%s) with 98001004 over HTTP 200', (_name, body) => {
    const res = handleApi(world, { url: listUrl(us), method: 'POST', body, now: NOW });
    expect(res).toEqual({ status: 200, json: { code: CODE_INVALID_PARAMS, message: 'invalid parameters' } });
  });

  it('rejects an unknown shop', () => {
    const res = handleApi(world, {
      url: new URL('https://affiliate.tiktok.com/api/v1/affiliate/sample/group/list?shop_region=DE'),
      method: 'POST',
      body: JSON.stringify({ tab: 10, cur_page: 1, page_size: 50 }),
    });
    expect((res?.json as Json).code).toBe(CODE_INVALID_PARAMS);
  });
});

describe('fault mode (cl_fault=shape)', () => {
  it(`breaks ${FAULT_BROKEN_APPLY_COUNT} APPLY records on page 1 of To review`, () => {
    for (const shop of world.shops) expect(brokenApplyCount(shop)).toBe(FAULT_BROKEN_APPLY_COUNT);
  });

  it('changes exactly the planned records and keeps the envelope', () => {
    const plan = faultPlan(us, 10, 1, 50);
    const clean = list(us, 10);
    const broken = list(us, 10, 1, 50, { fault: true });
    expect(broken.total_count).toBe(clean.total_count);
    expect(broken.has_more).toBe(clean.has_more);
    expect(broken.agg_info).toHaveLength(clean.agg_info.length);

    const els = (broken.agg_info as Json[]).map(unpack);
    const infos = els.flatMap((e) => e.infos);
    expect(infos.filter((i) => typeof i.commission_rate === 'object')).toEqual([expect.objectContaining({ apply_id: plan.commissionObject })]);
    const commission = infos.find((i) => i.apply_id === plan.commissionObject)!.commission_rate;
    expect(commission).toEqual({ value: expect.stringMatching(/^\d+(\.\d+)?%$/) });
    expect(infos.filter((i) => !('apply_id' in i))).toHaveLength(1);
    expect(infos.filter((i) => i.expired_in === 'soon')).toEqual([expect.objectContaining({ apply_id: plan.expiredInText })]);
    const nameless = els.filter((e) => e.creator.name === null);
    expect(nameless).toHaveLength(1);
    expect(nameless[0]!.infos.map((i) => i.apply_id)).toEqual([plan.creatorNameNull!.applyId]);

    const brokenCount =
      infos.filter((i) => typeof i.commission_rate === 'object' || !('apply_id' in i) || !/^\d+$/.test(i.expired_in)).length +
      nameless.reduce((n, e) => n + e.infos.length, 0);
    expect(brokenCount).toBe(FAULT_BROKEN_APPLY_COUNT);
    expect(plan.brokenApplyIds).toHaveLength(FAULT_BROKEN_APPLY_COUNT);
    expect(plan.brokenApplyIds).not.toContain(us.requests.find((r) => r.creatorId === HOSTILE.creatorId)!.applyId);
  });

  it('is off unless asked for', () => {
    const infos = (list(us, 10).agg_info as Json[]).flatMap((el) => unpack(el).infos);
    expect(infos.every((i) => typeof i.apply_id === 'string' && /^\d+$/.test(i.expired_in))).toBe(true);
  });
});
