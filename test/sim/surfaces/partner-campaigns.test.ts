import { describe, expect, it } from 'vitest';
import { campaignDetail, campaignRegistered, campaignSearch } from '../../../lib/adapters/campaigns';
import { handleApi } from '../api';
import { CODE_INVALID_PARAMS } from '../surface';
import { generateWorld, HOSTILE, shopByKey, type SimShop } from '../world';
import {
  brokenRegisteredRecords,
  brokenSearchRecords,
  CAMPAIGN_DETAIL_PATH,
  CAMPAIGN_REGISTERED_PATH,
  CAMPAIGN_SEARCH_PATH,
  listCampaigns,
  CAMPAIGN_VARIANTS,
  REG,
  REG_NAME,
  registeredFor,
  shopCampaigns,
  statusOf,
  STATUS_TABS,
} from './partner-campaigns';

const NOW = Date.UTC(2025, 10, 20, 9, 30);
const world = generateWorld({ seed: 1, now: NOW });
const us = shopByKey(world, 'us');
const HOUR = 3_600_000;

type Json = Record<string, any>;

function call(shop: SimShop, path: string, body: unknown, opts: { fault?: boolean; method?: string; variant?: string } = {}) {
  const url = new URL(
    `https://${shop.host}${path}?aid=4331&shop_region=${shop.region}&oec_seller_id=${shop.sellerId}${opts.fault ? '&cl_fault=shape' : ''}${opts.variant ? `&cl_variant=${opts.variant}` : ''}`,
  );
  return handleApi(world, { url, method: opts.method ?? 'POST', body: body === null ? null : JSON.stringify(body), now: NOW });
}
function data(shop: SimShop, path: string, body: unknown, fault = false): Json {
  const res = call(shop, path, body, { fault });
  expect(res?.status).toBe(200);
  expect((res!.json as Json).code).toBe(0);
  return (res!.json as Json).data as Json;
}
const search = (shop: SimShop, body: Json, fault = false) => data(shop, CAMPAIGN_SEARCH_PATH, { cur_page: 1, page_size: 10, ...body }, fault);

describe('partner campaigns data', () => {
  it.each(['us', 'gb', 'id', 'global'] as const)('gives the %s shop every registration state, campaigns closing within 48 h with nothing registered, and a large sample quantity', (key) => {
    const shop = shopByKey(world, key);
    const { campaigns } = shopCampaigns(world, shop);
    const regs = campaigns.flatMap((c) => c.registrations);
    expect(new Set(regs.map((r) => r.state))).toEqual(new Set(Object.values(REG)));
    expect(regs.some((r) => r.state === REG.REJECTED && r.canReRegister === true && r.rejectText)).toBe(true);
    expect(regs.some((r) => r.state === REG.REJECTED && r.canReRegister === false)).toBe(true);
    const closing = campaigns.filter((c) => c.inMarketplace && c.registrationEnd > NOW && c.registrationEnd < NOW + 48 * HOUR && c.registrations.length === 0);
    expect(closing.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...regs.map((r) => r.sampleQuantity))).toBeGreaterThanOrEqual(1000);
    expect(new Set(campaigns.filter((c) => c.inMarketplace).map((c) => c.scope))).toEqual(new Set(['all', 'targeted', 'local']));
    expect(campaigns.some((c) => c.source === 'seller' && c.registrations.length > 0)).toBe(true);
    // Registered products are the shop's own, so identities join with the other surfaces.
    for (const r of regs) expect(shop.products.some((p) => p.productId === r.productId)).toBe(true);
    // A live product belongs to a campaign that has started.
    for (const c of campaigns) if (c.registrations.some((r) => r.state === REG.LIVE)) expect(statusOf(c, NOW)).toBe('ONGOING');
  });

  it('is deterministic for a seed and differs between shops', () => {
    const again = generateWorld({ seed: 1, now: NOW });
    expect(shopCampaigns(again, shopByKey(again, 'us'))).toEqual(shopCampaigns(world, us));
    expect(shopCampaigns(world, shopByKey(world, 'gb')).campaigns[0]?.campaignId).not.toBe(shopCampaigns(world, us).campaigns[0]?.campaignId);
  });
});

describe('POST /api/v1/affiliate/campaign/search', () => {
  it('pages every marketplace campaign once, soonest registration close first', () => {
    const expected = listCampaigns(shopCampaigns(world, us), { source: 1, queryType: 1, scope: 0 }).map((c) => c.campaignId);
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const d = search(us, { campaign_source: 1, query_type: 1, campaign_scope: 0, cur_page: page });
      expect(d.total_num).toBe(expected.length);
      seen.push(...(d.campaign as Json[]).map((c) => c.campaign_id as string));
      if (!d.has_more) break;
    }
    expect(seen).toEqual(expected);
    expect(expected.length).toBeGreaterThan(20);
    const ends = (search(us, { campaign_source: 1, query_type: 1 }).campaign as Json[]).map((c) => Number(c.registration_end_time));
    expect([...ends].sort((a, b) => a - b)).toEqual(ends);
    expect(ends[0]! - NOW).toBeLessThan(48 * HOUR);
  });

  it('filters the marketplace by scope and lists My campaigns by kind', () => {
    const target = search(us, { campaign_source: 1, query_type: 1, campaign_scope: 2, page_size: 50 }).campaign as Json[];
    expect(target.length).toBeGreaterThan(0);
    expect(target.every((c) => c.campaign_scope === 2)).toBe(true);
    const local = search(us, { campaign_source: 1, query_type: 1, campaign_scope: 3, page_size: 50 }).campaign as Json[];
    expect(local.length).toBeGreaterThan(0);
    // Local-agency campaigns do not state their scope in the list: the tab says it.
    expect(local.every((c) => !('campaign_scope' in c) && c.partner_info.is_local === true)).toBe(true);
    const joined = search(us, { campaign_source: 1, query_type: 2, page_size: 50 }).campaign as Json[];
    expect(joined.every((c) => c.campaign_source === 1 && c.registered_product_cnt > 0)).toBe(true);
    expect(joined.some((c) => c.status === 'CLOSED')).toBe(true);
    const seller = search(us, { campaign_source: 2, query_type: 2, page_size: 50 }).campaign as Json[];
    expect(seller.length).toBe(3);
    expect(seller.every((c) => c.campaign_source === 2 && !('partner_info' in c) && typeof c.joined_partner_cnt === 'number')).toBe(true);
  });

  it('sends ids, times and rates in the internal style, with no contact in the list', () => {
    for (const c of search(us, { campaign_source: 1, query_type: 1, page_size: 50 }).campaign as Json[]) {
      expect(c.campaign_id).toMatch(/^\d{19}$/);
      for (const k of ['registration_start_time', 'registration_end_time', 'campaign_start_time', 'campaign_end_time']) expect(c[k]).toMatch(/^\d{13}$/);
      expect(Number(c.commission_rate)).toBeGreaterThanOrEqual(100);
      expect(['READY', 'UPCOMING', 'ONGOING', 'CLOSED']).toContain(c.status);
      expect(c.region).toBe('US');
      expect(c).not.toHaveProperty('contact_info');
    }
    const rates = (search(us, { campaign_source: 1, query_type: 1, page_size: 50 }).campaign as Json[]).map((c) => typeof c.commission_rate);
    expect(new Set(rates)).toEqual(new Set(['string', 'number']));
  });

  it('carries a hostile campaign name in the US shop', () => {
    const all = search(us, { campaign_source: 1, query_type: 1, page_size: 50 }).campaign as Json[];
    expect(all.some((c) => c.name === HOSTILE.nickname && c.description === HOSTILE.productTitle)).toBe(true);
  });

  it.each([
    ['no body', null],
    ['not JSON', '{'],
    ['unknown source', { campaign_source: 3, query_type: 1, cur_page: 1, page_size: 10 }],
    ['unknown scope', { campaign_source: 1, query_type: 1, campaign_scope: 1, cur_page: 1, page_size: 10 }],
    ['page 0', { campaign_source: 1, query_type: 1, cur_page: 0, page_size: 10 }],
    ['page size as text', { campaign_source: 1, query_type: 1, cur_page: 1, page_size: '10' }],
  ])('answers a malformed body (%s) with 98001004', (_name, body) => {
    const res = handleApi(world, {
      url: new URL(`https://${us.host}${CAMPAIGN_SEARCH_PATH}?shop_region=US&oec_seller_id=${us.sellerId}`),
      method: 'POST',
      body: typeof body === 'string' || body === null ? body : JSON.stringify(body),
      now: NOW,
    });
    expect(res).toEqual({ status: 200, json: { code: CODE_INVALID_PARAMS, message: 'invalid parameters' } });
  });

  it('answers GET with 405', () => {
    expect(call(us, CAMPAIGN_SEARCH_PATH, null, { method: 'GET' })?.status).toBe(405);
  });
});

describe('POST /api/v1/affiliate/campaign/detail/get', () => {
  it('sends the campaign with its status name, message and the partner contact', () => {
    const c = shopCampaigns(world, us).campaigns.find((x) => x.inMarketplace)!;
    const d = data(us, CAMPAIGN_DETAIL_PATH, { campaign_id: c.campaignId }).campaign as Json;
    expect(d).toMatchObject({ campaign_id: c.campaignId, status: statusOf(c, NOW), campaign_scope: expect.any(Number), message: c.message });
    expect(d.contact_info.email).toMatch(/@[a-z]+\.example$/);
    expect(Object.keys(d.contact_info).sort()).toEqual(['email', 'line', 'phone', 'viber', 'whatsapp', 'zalo']);
  });

  it('refuses an unknown campaign', () => {
    expect((call(us, CAMPAIGN_DETAIL_PATH, { campaign_id: '7440000000000000000' })?.json as Json).code).toBe(CODE_INVALID_PARAMS);
  });
});

describe('POST /api/v1/affiliate/campaign/registered_products/get', () => {
  const paged = shopCampaigns(world, us).campaigns.find((c) => c.registrations.length > 20)!;

  it('pages a campaign’s registrations and filters them by status tab', () => {
    const first = data(us, CAMPAIGN_REGISTERED_PATH, { campaign_id: paged.campaignId, status_tab: 0, cur_page: 1, page_size: 20 });
    const second = data(us, CAMPAIGN_REGISTERED_PATH, { campaign_id: paged.campaignId, status_tab: 0, cur_page: 2, page_size: 20 });
    expect(first).toMatchObject({ campaign_id: paged.campaignId, total: paged.registrations.length, has_more: true });
    expect([...first.product_list, ...second.product_list].map((p: Json) => p.product_id)).toEqual(paged.registrations.map((r) => r.productId));
    for (const c of shopCampaigns(world, us).campaigns) {
      for (const tab of STATUS_TABS) {
        const list = data(us, CAMPAIGN_REGISTERED_PATH, { campaign_id: c.campaignId, status_tab: tab.code, cur_page: 1, page_size: 50 }).product_list as Json[];
        expect(list.length).toBe(registeredFor(c, tab.code).length);
        for (const p of list) expect(tab.states.map((code) => REG_NAME[code])).toContain(p.status);
      }
    }
  });

  it('sends the terms in bps, the sample quantity, the seller contact and the partner’s reason', () => {
    const regs = shopCampaigns(world, us).campaigns.flatMap((c) => data(us, CAMPAIGN_REGISTERED_PATH, { campaign_id: c.campaignId, cur_page: 1, page_size: 50 }).product_list as Json[]);
    for (const r of regs) {
      expect(r.product_id).toMatch(/^\d{19}$/);
      expect(Number(r.total_commission_rate)).toBe(Number(r.creator_commission_rate) + Number(r.partner_commission_rate));
      expect(r.register_time).toMatch(/^\d{13}$/);
      expect(r.contact_info.email).toMatch(/@brightwellessentials\.example$/);
    }
    const rejected = regs.filter((r) => r.status === 'REJECTED' || r.status === 'REJECT_FOREVER');
    expect(rejected.every((r) => r.reject_reasons.length === 1 && typeof r.reject_reason_text === 'string')).toBe(true);
    expect(regs.some((r) => r.status === 'REJECTED' && r.can_re_register === false)).toBe(true);
    expect(regs.some((r) => 'whatsapp' in r.contact_info)).toBe(true);
  });
});

describe('what the adapters read from the simulated responses', () => {
  const searchBodies = [
    { campaign_source: 1, query_type: 1, campaign_scope: 0 },
    { campaign_source: 1, query_type: 1, campaign_scope: 2 },
    { campaign_source: 1, query_type: 1, campaign_scope: 3 },
    { campaign_source: 1, query_type: 2, campaign_scope: 0 },
    { campaign_source: 2, query_type: 2, campaign_scope: 0 },
  ];

  it.each(['us', 'gb', 'id', 'global'] as const)('%s: every campaign, detail and registration, without a rejection', (key) => {
    const shop = shopByKey(world, key);
    const { campaigns } = shopCampaigns(world, shop);
    for (const b of searchBodies) {
      const body = { ...b, cur_page: 1, page_size: 50 };
      const r = campaignSearch.parse({ code: 0, data: search(shop, body) }, body);
      expect(r.rejections).toEqual([]);
      expect(r.accepted).toBe(listCampaigns(shopCampaigns(world, shop), { source: b.campaign_source as 1 | 2, queryType: b.query_type as 1 | 2, scope: b.campaign_scope as 0 }).length);
    }
    for (const c of campaigns) {
      const d = campaignDetail.parse({ code: 0, data: data(shop, CAMPAIGN_DETAIL_PATH, { campaign_id: c.campaignId }) }, {});
      expect(d.records.campaigns?.[0]).toMatchObject({ id: c.campaignId, kind: c.source, scope: c.scope, commissionRequirementBps: c.commissionBps });
      const body = { campaign_id: c.campaignId, status_tab: 0, cur_page: 1, page_size: 50 };
      const g = campaignRegistered.parse({ code: 0, data: data(shop, CAMPAIGN_REGISTERED_PATH, body) }, body);
      expect(g.rejections).toEqual([]);
      expect((g.records.registrations ?? []).map((x) => x.sampleQuantity)).toEqual(c.registrations.map((x) => x.sampleQuantity));
    }
  });

  it('fault mode breaks exactly the planned records, and the adapters refuse exactly those', () => {
    const body = { campaign_source: 1, query_type: 1, campaign_scope: 0, cur_page: 1, page_size: 10 };
    const s = campaignSearch.parse({ code: 0, data: search(us, body, true) }, body);
    expect(s.accepted).toBe(10 - brokenSearchRecords(10));
    expect(s.rejections.map((r) => r.path)).toEqual(['data.campaign[].commission_rate', 'data.campaign[].campaign_id']);
    const c = shopCampaigns(world, us).campaigns.find((x) => x.registrations.length > 20)!;
    const rb = { campaign_id: c.campaignId, status_tab: 0, cur_page: 1, page_size: 20 };
    const g = campaignRegistered.parse({ code: 0, data: data(us, CAMPAIGN_REGISTERED_PATH, rb, true) }, rb);
    expect(g.accepted).toBe(20 - brokenRegisteredRecords(20));
    expect(g.rejections.map((r) => r.path)).toEqual(['data.product_list[].status', 'data.product_list[].sample_quantity']);
    const d = campaignDetail.parse({ code: 0, data: data(us, CAMPAIGN_DETAIL_PATH, { campaign_id: c.campaignId }, true) }, {});
    expect(d.rejections).toEqual([{ path: 'campaign.name', code: 'custom' }]);
  });
});

describe('wire variants', () => {
  const raw = (shop: SimShop, path: string, body: unknown, variant: string) => call(shop, path, body, { variant })!.json as Json;
  const VARIANTS = Object.keys(CAMPAIGN_VARIANTS);

  it('puts the list where each variant says, with msg beside or instead of message', () => {
    const body = { campaign_source: 1, query_type: 1, campaign_scope: 0, cur_page: 1, page_size: 10 };
    expect(Object.keys(raw(us, CAMPAIGN_SEARCH_PATH, body, '')).sort()).toEqual(['code', 'data', 'message', 'msg']);
    expect(Object.keys(raw(us, CAMPAIGN_SEARCH_PATH, body, 'partner-campaigns.list-campaign-list').data).sort()).toEqual(['campaign_list', 'has_more', 'total']);
    expect(Object.keys(raw(us, CAMPAIGN_SEARCH_PATH, body, 'partner-campaigns.list-top-level,partner-campaigns.msg')).sort()).toEqual(['campaign_list', 'code', 'has_more', 'msg', 'total']);
  });

  it('sends numeric statuses, times as numbers or seconds, and the partner side’s names when asked', () => {
    const body = { campaign_source: 1, query_type: 2, campaign_scope: 0, cur_page: 1, page_size: 50 };
    const first = (variant: string) => (raw(us, CAMPAIGN_SEARCH_PATH, body, variant).data.campaign as Json[])[0]!;
    expect(typeof first('partner-campaigns.numeric-status').status).toBe('number');
    expect(typeof first('partner-campaigns.times-number').registration_end_time).toBe('number');
    expect(first('partner-campaigns.times-seconds').registration_end_time).toMatch(/^\d{10}$/);
    expect(first('partner-campaigns.partner-names')).toMatchObject({ promotion_start_time: expect.any(String), seller_campaign_extra: { min_commission_rate: expect.anything() }, campaign_statistics: { registered_product_num: expect.any(Number) } });
    expect(first('partner-campaigns.partner-names')).not.toHaveProperty('commission_rate');
  });

  it.each(VARIANTS)('%s: the adapters read every campaign, detail and registration as on the default', (variant) => {
    for (const shop of [us, shopByKey(world, 'id')]) {
      const { campaigns } = shopCampaigns(world, shop);
      for (const b of [{ campaign_source: 1, query_type: 1, campaign_scope: 0 }, { campaign_source: 2, query_type: 2, campaign_scope: 0 }]) {
        const body = { ...b, cur_page: 1, page_size: 50 };
        const base = campaignSearch.parse(raw(shop, CAMPAIGN_SEARCH_PATH, body, ''), body);
        const r = campaignSearch.parse(raw(shop, CAMPAIGN_SEARCH_PATH, body, variant), body);
        expect(r.rejections).toEqual([]);
        const numeric = variant === 'partner-campaigns.numeric-status';
        const comparable = (x: typeof r) => x.records.campaigns?.map((c) => ({ ...c, status: numeric ? 'UNKNOWN' : c.status, statusRaw: undefined }));
        expect(comparable(r)).toEqual(comparable(base));
      }
      for (const c of campaigns.filter((x) => x.registrations.length)) {
        const d = campaignDetail.parse(raw(shop, CAMPAIGN_DETAIL_PATH, { campaign_id: c.campaignId }, variant), {});
        expect(d.records.campaigns?.[0]).toMatchObject({ id: c.campaignId, commissionRequirementBps: c.commissionBps, campaignStartAt: c.campaignStart, registrationEndAt: c.registrationEnd });
        const body = { campaign_id: c.campaignId, status_tab: 0, cur_page: 1, page_size: 50 };
        const g = campaignRegistered.parse(raw(shop, CAMPAIGN_REGISTERED_PATH, body, variant), body);
        expect(g.rejections).toEqual([]);
        expect((g.records.registrations ?? []).map((x) => [x.productId, x.totalCommissionBps, x.registeredAt])).toEqual(c.registrations.map((x) => [x.productId, x.totalBps, x.registeredAt]));
        if (variant === 'partner-campaigns.numeric-status') expect(new Set(g.records.registrations?.map((x) => x.state))).toEqual(new Set(['UNKNOWN']));
      }
    }
  });
});
