import { describe, expect, it } from 'vitest';
import { sampleGroupList } from '../../../lib/adapters/sample-group-list';
import { outcome } from '../../adapter-harness';
import { handleApi } from '../api';
import { CODE_INVALID_PARAMS } from '../surface';
import { HOSTILE, SAMPLE_TABS, generateWorld, productOf, shopByKey, tabRequests, type SimShop } from '../world';
import { FAULT_BROKEN_APPLY_COUNT, brokenApplyCount, faultPlan, sampleRequests } from './sample-requests';
import { END_TAB_CODES, SAMPLE_VARIANTS, creatorsOf, currStatusOf, detailOf, requestsOf, sampleCreatorFigures, scoresOf } from './sample-wire';

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

interface Opts {
  fault?: boolean;
  now?: number;
  variant?: string;
}

/** The whole answer. */
function answer(shop: SimShop, tab: number, page = 1, pageSize = 50, opts: Opts = {}): Json {
  const extra = `${opts.fault ? '&cl_fault=shape' : ''}${opts.variant ? `&cl_variant=${opts.variant}` : ''}`;
  const res = handleApi(world, {
    url: listUrl(shop, extra),
    method: 'POST',
    body: JSON.stringify({ tab, cur_page: page, page_size: pageSize, search_params: [], order_params: [] }),
    now: opts.now ?? NOW,
  });
  expect(res?.status).toBe(200);
  expect((res!.json as Json).code).toBe(0);
  return res!.json as Json;
}

/** The page: at the top level of the answer, as the real list sends it. */
function list(shop: SimShop, tab: number, page = 1, pageSize = 50, opts: Opts = {}): Json {
  const json = answer(shop, tab, page, pageSize, opts);
  expect(json.message).toBe('');
  expect(json).not.toHaveProperty('data');
  return json;
}

const requests = (data: Json): Json[] => (data.agg_info as Json[]).flatMap((el) => requestsOf(el));

describe('POST /api/v1/affiliate/sample/group/list, in the real shape (real-shapes.md §1)', () => {
  it('pages by requests and returns every request of the tab exactly once, in order', () => {
    for (const tab of SAMPLE_TABS) {
      const expected = tabRequests(us, tab.code).map((r) => r.applyId);
      const seen: string[] = [];
      for (let page = 1; ; page++) {
        const data = list(us, tab.code, page, 20);
        expect(data.total_count).toBe(expected.length);
        const ids = requests(data).map((i) => i.apply_id as string);
        expect(ids.length).toBe(Math.min(20, expected.length - (page - 1) * 20));
        seen.push(...ids);
        expect(data.has_more).toBe(page * 20 < expected.length);
        if (!data.has_more) break;
      }
      expect(seen).toEqual(expected);
    }
  });

  it('returns an empty page past the end, with the real envelope', () => {
    expect(list(us, 10, 99)).toEqual({ code: 0, message: '', agg_info: [], has_more: false, total_count: 120, view_type: 1, is_predict_fulfillment_rate: true });
  });

  it('sends each request’s state as curr_status, the code of its tab', () => {
    for (const tab of SAMPLE_TABS) {
      for (const info of requests(list(us, tab.code, 1, 100))) expect(info.curr_status).toBe(tab.code);
    }
  });

  it('gives every element both objects: the group with its request ids and creator, the detail with the row’s request and all of them', () => {
    const data = list(us, 10);
    const creators = (data.agg_info as Json[]).map((el) => el.apply_group.creator_info.creator_id as string);
    expect(new Set(creators).size).toBe(creators.length);
    let groups = 0;
    for (const el of data.agg_info as Json[]) {
      expect(Object.keys(el)).toEqual(['apply_group', 'apply_deatil']);
      const { apply_group: g, apply_deatil: d } = el;
      expect(g.group_id).toMatch(/^\d{19}$/);
      expect(g.apply_ids).toEqual((d.apply_infos as Json[]).map((i) => i.apply_id));
      expect(g.apply_count).toBe(g.apply_ids.length);
      expect(d.apply_info).toEqual(d.apply_infos[0]);
      expect(d.creator_info).toEqual(g.creator_info);
      expect(d.has_more).toBe(false);
      if (g.apply_ids.length > 1) groups += 1;
    }
    expect(groups).toBeGreaterThan(0);
  });

  it('shows every per-record quirk on page 1 of To review', () => {
    const data = list(us, 10);
    const infos = requests(data);
    const creators = (data.agg_info as Json[]).map((el) => el.apply_group.creator_info as Json);
    expect(creators.some((c) => /^\d+$/.test(c.follower_num))).toBe(true);
    expect(creators.some((c) => /^\d{1,3}(,\d{3})+$/.test(c.follower_num))).toBe(true);
    expect(creators.some((c) => c.fulfillment_rate === '' && c.gmv === '' && c.item_sold === '')).toBe(true);
    expect(creators.some((c) => /^\d+\.\d{2}%$/.test(c.fulfillment_rate) && /^\$[\d,]+\.\d{2}$/.test(c.gmv))).toBe(true);
    expect(infos.some((i) => i.can_be_approved === false && i.operable === false)).toBe(true);
    expect(infos.some((i) => i.can_be_approved === true)).toBe(true);
    expect(infos.some((i) => /^\d\.\d{4}$/.test(i.predict_roi))).toBe(true);
    expect(infos.some((i) => !('predict_roi' in i))).toBe(true);
    expect(infos.some((i) => !('commission_rate' in i) && /^\d+$/.test(i.standard_commission.fixed_commission_rate))).toBe(true);
    expect(infos.some((i) => !('sku_desc' in i))).toBe(true);
    const left = infos.map((i) => i.expired_in as number);
    expect(left.some((ms) => ms > 0 && ms < 2 * 3_600_000)).toBe(true);
    expect(left.some((ms) => ms >= 2 * 3_600_000 && ms < 24 * 3_600_000)).toBe(true);
    // The first group's first request: TikTok lets the seller approve it and scores it (the e2e tests read it).
    const lead = (data.agg_info as Json[]).find((el) => el.apply_group.apply_ids.length > 1 && el.apply_group.creator_info.creator_id !== HOSTILE.creatorId);
    expect(lead?.apply_deatil.apply_info).toMatchObject({ can_be_approved: true, predict_roi: expect.stringMatching(/^\d\.\d{4}$/) });
  });

  it('sends records in the real units and types', () => {
    const el = (list(us, 10).agg_info as Json[]).find((e) => e.apply_group.creator_info.creator_id === HOSTILE.creatorId)!;
    const creator = el.apply_group.creator_info;
    expect(creator).toMatchObject({ name: HOSTILE.handle, nick_name: '<img src=x onerror=alert(1)>', fulfillment_rate: '72.40%' });
    expect(creator.avatar_url).toMatch(/^https:\/\/p16-sign-va\.tiktokcdn\.com\//);
    expect(Object.keys(creator)).toEqual([
      'creator_id', 'tt_uid', 'name', 'nick_name', 'avatar_url', 'follower_num', 'gmv', 'item_sold', 'fulfillment_rate',
      'content_video_views', 'ecom_level', 'pps_score', 'categories', 'top_follower_gender', 'top_follower_ages',
    ]);
    const info = el.apply_deatil.apply_info;
    expect(info.product_id).toBe(HOSTILE.productId);
    expect(info.product_title).toBe('"><script>window.__pwned=1</script>');
    expect(Object.keys(info)).toEqual([
      'apply_id', 'product_id', 'product_title', 'sku_id', 'sku_desc', 'sku_image', 'sku_stock', 'sku_price', 'commission_rate',
      'standard_commission', 'curr_status', 'review_status', 'create_time', 'expired_in', 'can_be_approved', 'operable',
      'fulfill_unit_ids', 'predict_roi', 'final_score', 'exposure_score',
    ]);
    const r = us.requests.find((x) => x.applyId === info.apply_id)!;
    expect(info).toMatchObject({
      apply_id: expect.stringMatching(/^\d{19}$/),
      sku_id: expect.stringMatching(/^\d{19}$/),
      sku_image: expect.stringMatching(/^https:\/\/p16-oec-va\.ibyteimg\.com\//),
      sku_price: { formatted_price: expect.stringMatching(/^\$\d+\.\d{2}$/) },
      commission_rate: String(r.commissionBps),
      standard_commission: { fixed_commission_rate: String(productOf(us, r.productId).commissionBps) },
      curr_status: 10,
      review_status: 10,
      create_time: String(r.applyTime),
      expired_in: r.deadline! - NOW,
      can_be_approved: true,
      operable: true,
    });
    const scores = scoresOf(world, r)!;
    expect(info).toMatchObject({ predict_roi: scores.predictRoi, final_score: scores.finalScore, exposure_score: scores.exposureScore });
  });

  it('sends an approved request’s order id, and no deadline left for statuses without one', () => {
    const first = requests(list(us, 10))[0]!;
    const later = requests(list(us, 10, 1, 50, { now: NOW + 60_000 }))[0]!;
    expect(first.expired_in - later.expired_in).toBe(60_000);
    expect(first).not.toHaveProperty('main_order_id');
    for (const tab of [30, 50, 60]) for (const i of requests(list(us, tab))) expect(i.expired_in).toBe(0);
    for (const tab of [20, 40]) for (const i of requests(list(us, tab))) expect(i.expired_in).toBeGreaterThan(0);
    for (const i of requests(list(us, 30))) expect(i.main_order_id).toMatch(/^576\d{15}$/);
  });

  it('writes the figures in each shop’s locale and currency', () => {
    const pattern: Record<string, RegExp> = { gb: /^£[\d,]+\.\d{2}$/, id: /^Rp\d{1,3}(\.\d{3})*$/, global: /^RM[\d,]+\.\d{2}$/ };
    for (const key of ['gb', 'id', 'global'] as const) {
      const shop = shopByKey(world, key);
      const data = list(shop, 10);
      expect(data.total_count).toBe(tabRequests(shop, 10).length);
      for (const info of requests(data)) expect(info.sku_price.formatted_price).toMatch(pattern[key]!);
      const figures = (data.agg_info as Json[]).map((el) => el.apply_group.creator_info.gmv as string).filter(Boolean);
      expect(figures.length).toBeGreaterThan(0);
      for (const gmv of figures) expect(gmv).toMatch(pattern[key]!);
    }
    const id = shopByKey(world, 'id');
    const grouped = (list(id, 10).agg_info as Json[]).map((el) => el.apply_group.creator_info.follower_num as string).filter((n) => n.length > 3 && /\D/.test(n));
    for (const n of grouped) expect(n).toMatch(/^\d{1,3}(\.\d{3})+$/);
  });

  it('is read whole by Collab Lens’s adapter: every request of every tab and shop, no rejection, the creator’s figures in the shop’s currency', () => {
    for (const shop of world.shops) {
      for (const tab of SAMPLE_TABS) {
        const data = list(shop, tab.code);
        const r = sampleGroupList.parse(data, { tab: tab.code }, { region: shop.region });
        expect(r.rejections, `${shop.key} tab ${tab.code}`).toEqual([]);
        expect(r.accepted).toBe(requests(data).length);
        for (const c of r.records.creators ?? []) if (c.metrics?.gmv) expect(c.metrics.gmv.currency).toBe(shop.currency);
      }
    }
    const c = us.creators.find((x) => x.fulfillmentPercentage !== '')!;
    const f = sampleCreatorFigures(world, us, c);
    expect(f.gmv).toBeGreaterThan(0);
    expect(f.categories).toHaveLength(1);
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

describe('wire variants', () => {
  it('declares each with its evidence', () => {
    expect(sampleRequests.variants).toBe(SAMPLE_VARIANTS);
  });

  it('list-under-data: the list and its paging under data', () => {
    const json = answer(us, 10, 1, 50, { variant: 'sample-request.list-under-data' });
    expect(Object.keys(json)).toEqual(['code', 'message', 'data']);
    expect(json.data.agg_info).toEqual(list(us, 10).agg_info);
    expect(json.data).toMatchObject({ total_count: 120, has_more: true });
  });

  it('apply-detail-spelling: the detail spelled apply_detail', () => {
    const els = answer(us, 10, 1, 50, { variant: 'sample-request.apply-detail-spelling' }).agg_info as Json[];
    for (const el of els) expect(Object.keys(el)).toEqual(['apply_group', 'apply_detail']);
    expect(els.flatMap((el) => requestsOf(el))).toEqual(requests(list(us, 10)));
  });

  it('apply-infos-ids-only: apply_infos names the requests by their ids alone, the row’s request whole', () => {
    const els = answer(us, 10, 1, 50, { variant: 'sample-request.apply-infos-ids-only' }).agg_info as Json[];
    for (const el of els) {
      for (const info of el.apply_deatil.apply_infos as Json[]) expect(Object.keys(info)).toEqual(['apply_id', 'product_id']);
      expect(el.apply_deatil.apply_info.product_title).toBeTypeOf('string');
    }
  });

  it('status-names: the state’s name and the sample type beside the code', () => {
    for (const tab of SAMPLE_TABS) {
      for (const info of requests(answer(us, tab.code, 1, 100, { variant: 'sample-request.status-names' }))) {
        expect(tab.statuses).toContain(info.status);
        expect(['FREE_SAMPLE', 'REFUNDABLE_SAMPLE']).toContain(info.sample_type);
      }
    }
  });

  it('end-status-codes: each ending its own code, none of them the tab’s', () => {
    const codes = new Set(requests(answer(us, 60, 1, 100, { variant: 'sample-request.end-status-codes' })).map((i) => i.curr_status as number));
    expect(codes.size).toBeGreaterThan(3);
    for (const code of codes) expect(code).toBeGreaterThanOrEqual(100);
    expect(currStatusOf('COMPLETED', new Set(['sample-request.end-status-codes']))).toBe(100);
    expect(currStatusOf('PENDING', new Set(['sample-request.end-status-codes']))).toBe(10);
  });

  it('end-tab-codes: the Completed and Cancelled tabs answer to their other codes only', () => {
    const variant = 'sample-request.end-tab-codes';
    for (const [ours, theirs] of Object.entries(END_TAB_CODES)) {
      const other = answer(us, theirs, 1, 50, { variant });
      expect(requests(other).map((i) => i.apply_id)).toEqual(tabRequests(us, Number(ours)).slice(0, 50).map((r) => r.applyId));
      const res = handleApi(world, { url: listUrl(us, `&cl_variant=${variant}`), method: 'POST', body: JSON.stringify({ tab: Number(ours), cur_page: 1, page_size: 50 }), now: NOW });
      expect((res?.json as Json).code).toBe(CODE_INVALID_PARAMS);
    }
    expect(requests(answer(us, 10, 1, 50, { variant }))).toEqual(requests(list(us, 10)));
  });

  it.each(Object.keys(SAMPLE_VARIANTS).filter((v) => v !== 'sample-request.content-top-level'))('%s is read by Collab Lens’s adapter without a rejection', (variant) => {
    for (const code of [10, 30, variant === 'sample-request.end-tab-codes' ? 80 : 60]) {
      const json = answer(us, code, 1, 50, { variant });
      const r = outcome(sampleGroupList, json, { tab: code });
      expect(r.rejections).toEqual([]);
      expect(r.accepted).toBe(Math.min(50, tabRequests(us, code === 80 ? 60 : code).length));
    }
  });
});

describe('fault mode (cl_fault=shape)', () => {
  it(`breaks ${FAULT_BROKEN_APPLY_COUNT} APPLY records on page 1 of To review`, () => {
    for (const shop of world.shops) expect(brokenApplyCount(shop)).toBe(FAULT_BROKEN_APPLY_COUNT);
  });

  it('changes exactly the planned records, each in every place it is sent, and keeps the envelope', () => {
    const plan = faultPlan(us, 10, 1, 50);
    const clean = list(us, 10);
    const broken = list(us, 10, 1, 50, { fault: true });
    expect(broken.total_count).toBe(clean.total_count);
    expect(broken.has_more).toBe(clean.has_more);
    expect(broken.agg_info).toHaveLength(clean.agg_info.length);

    const els = broken.agg_info as Json[];
    const occurrences = els.flatMap((el) => [detailOf(el).apply_info as Json, ...(detailOf(el).apply_infos as Json[])]);
    expect(new Set(occurrences.filter((i) => typeof i.commission_rate === 'object').map((i) => i.apply_id))).toEqual(new Set([plan.commissionObject]));
    const commission = occurrences.find((i) => i.apply_id === plan.commissionObject)!.commission_rate;
    expect(commission).toEqual({ value: expect.stringMatching(/^\d+(\.\d+)?%$/) });
    expect(new Set(occurrences.filter((i) => !('apply_id' in i)))).toHaveProperty('size', 1);
    expect(els.flatMap((el) => el.apply_group.apply_ids)).not.toContain(plan.missingApplyId);
    expect(new Set(occurrences.filter((i) => i.expired_in === 'soon').map((i) => i.apply_id))).toEqual(new Set([plan.expiredInText]));
    const nameless = els.filter((e) => creatorsOf(e).every((c) => c.name === null));
    expect(nameless).toHaveLength(1);
    expect(nameless[0]!.apply_group.apply_ids).toEqual([plan.creatorNameNull!.applyId]);
    expect(plan.brokenApplyIds).toHaveLength(FAULT_BROKEN_APPLY_COUNT);
    expect(plan.brokenApplyIds).not.toContain(us.requests.find((r) => r.creatorId === HOSTILE.creatorId)!.applyId);

    // The adapter rejects each broken record once and keeps every other.
    const r = sampleGroupList.parse(broken, { tab: 10 }, { region: 'US' });
    expect(r.rejections).toHaveLength(FAULT_BROKEN_APPLY_COUNT);
    expect(r.accepted).toBe(requests(clean).length - FAULT_BROKEN_APPLY_COUNT);
  });

  it('is off unless asked for', () => {
    const infos = requests(list(us, 10));
    expect(infos.every((i) => typeof i.apply_id === 'string' && typeof i.expired_in === 'number')).toBe(true);
  });
});
