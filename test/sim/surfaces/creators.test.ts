import { describe, expect, it } from 'vitest';
import { creatorAuthProfiles, creatorMarketplaceList, creatorProfile, creatorRankList } from '../../../lib/adapters/creators';
import { money } from '../../../lib/domain/money';
import { handleApi } from '../api';
import { categoryOf } from '../catalog';
import { CODE_INVALID_PARAMS } from '../surface';
import { generateWorld, HOSTILE, shopByKey, type SimShop } from '../world';
import {
  AI_FIND_PATH,
  AUTH_PROFILES_PATH,
  bandRate,
  commissionBand,
  FIND_PATH,
  gmvRangeLabel,
  HIDDEN,
  HOSTILE_BIO,
  marketOf,
  PROFILE_PATH,
  RANK_PATH,
  RECOMMENDATION_PATH,
  SEARCH_PATH,
  TREND_DAYS,
} from './creator-marketplace';
import { PROFILE_FAULT_TYPE } from './creator-detail';
import { latestRankDate, RANK_FAULT_POSITION, rankingOf } from './creator-rankings';
import { FIND_FAULT_POSITIONS, listingOf, scrollListing, SCROLL_FIRST, SCROLL_STEP, SCROLL_TOTAL, searchKeyOf } from './find-creators';

const NOW = Date.UTC(2025, 10, 20, 9, 30);
const world = generateWorld({ seed: 1, now: NOW });
const us = shopByKey(world, 'us');

type Json = Record<string, any>;

function call(shop: SimShop, path: string, body: unknown, fault = false, extra = '') {
  const url = new URL(`https://${shop.host}${path}?aid=4331&shop_region=${shop.region}&oec_seller_id=${shop.sellerId}${fault ? '&cl_fault=shape' : ''}${extra}`);
  const res = handleApi(world, { url, method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), now: NOW });
  expect(res?.status).toBe(200);
  return res!.json as Json;
}

const listBody = (page = 1, searchKey?: string, query = '', size = 20) => ({
  query,
  query_type: 1,
  pagination: { size, page, ...(searchKey ? { search_key: searchKey } : {}) },
  filter_params: {},
  algorithm: 1,
});

/** Every page of a listing, following next_pagination as the page does. */
function allPages(shop: SimShop, path: string, query = '', fault = false): Json[] {
  const pages: Json[] = [];
  let body = listBody(1, undefined, query);
  for (;;) {
    const json = call(shop, path, body, fault);
    expect(json.code).toBe(0);
    pages.push(json);
    if (!json.next_pagination.has_more) return pages;
    body = listBody(json.next_pagination.next_page, json.next_pagination.search_key, query);
  }
}

const handles = (pages: Json[]) => pages.flatMap((p) => (p.creator_profile_list as Json[]).map((c) => c.handle.value as string));

describe('Find creators, infinite scroll (the overlay bench)', () => {
  const scroll = (size: number, cursor?: string) =>
    call(us, FIND_PATH, { query: '', query_type: 1, pagination: { size, page: 1, ...(cursor ? { cursor } : {}) }, filter_params: {}, algorithm: 1 }, false, '&cl_scroll=infinite');

  it('serves 1,000 creators, then 50 at a time from the cursor, the shop’s own creators first and every handle once', () => {
    const first = scroll(SCROLL_FIRST);
    expect(first.creator_profile_list).toHaveLength(SCROLL_FIRST);
    expect(first.next_pagination).toMatchObject({ has_more: true, next_item_cursor: String(SCROLL_FIRST) });
    const next = scroll(SCROLL_STEP, first.next_pagination.next_item_cursor);
    expect(next.creator_profile_list).toHaveLength(SCROLL_STEP);
    expect(next.next_pagination.next_item_cursor).toBe(String(SCROLL_FIRST + SCROLL_STEP));
    const all = handles([first, next]);
    expect(new Set(all).size).toBe(all.length);
    expect(all.slice(0, us.creators.length)).toEqual(listingOf(world, us, 'find').map((m) => m.creator.handle));
    expect(all.every((h) => /^[a-z0-9._]{1,64}$/.test(h))).toBe(true);
    expect(scrollListing(world, us)).toHaveLength(SCROLL_TOTAL);
    const last = scroll(SCROLL_STEP, String(SCROLL_TOTAL - SCROLL_STEP));
    expect(last.next_pagination.has_more).toBe(false);
  });

  it('keeps the real page sizes outside the variant, and takes only its two sizes and a numeric cursor inside it', () => {
    expect(call(us, FIND_PATH, listBody(1, undefined, '', SCROLL_STEP)).code).toBe(CODE_INVALID_PARAMS);
    expect(scroll(20).code).toBe(CODE_INVALID_PARAMS);
    expect(scroll(SCROLL_STEP, 'x').code).toBe(CODE_INVALID_PARAMS);
  });
});

describe('Find creators API', () => {
  it('pages through the whole marketplace by search_key, every world creator exactly once', () => {
    const pages = allPages(us, FIND_PATH);
    expect(handles(pages)).toEqual(listingOf(world, us, 'find').map((m) => m.creator.handle));
    expect(new Set(handles(pages))).toEqual(new Set(us.creators.map((c) => c.handle)));
    expect(pages[0]!.creator_profile_list).toHaveLength(20);
    expect(pages.every((p) => p.next_pagination.search_key === searchKeyOf(world, us, 'find'))).toBe(true);
  });

  it('answers a later page without the listing’s search_key, or a page size other than 12 or 20, with 98001004', () => {
    expect(call(us, FIND_PATH, listBody(2)).code).toBe(CODE_INVALID_PARAMS);
    expect(call(us, FIND_PATH, listBody(2, searchKeyOf(world, us, 'recommendation'))).code).toBe(CODE_INVALID_PARAMS);
    expect(call(us, FIND_PATH, listBody(1, undefined, '', 15)).code).toBe(CODE_INVALID_PARAMS);
    expect(call(us, FIND_PATH, listBody(1, undefined, '', 12)).creator_profile_list).toHaveLength(12);
    expect(call(us, FIND_PATH, '{').code).toBe(CODE_INVALID_PARAMS);
  });

  it('searches, recommends and AI-finds from the same creators', () => {
    const target = us.creators[5]!;
    const found = handles(allPages(us, SEARCH_PATH, target.handle));
    expect(found).toContain(target.handle);
    expect(found.every((h) => h.includes(target.handle) || us.creators.some((c) => c.handle === h && c.nickname.toLowerCase().includes(target.handle)))).toBe(true);
    const rec = handles(allPages(us, RECOMMENDATION_PATH));
    expect(rec.length).toBe(Math.ceil(us.creators.length * 0.6));
    expect(rec).not.toEqual(handles(allPages(us, FIND_PATH)).slice(0, rec.length));
    const category = [...marketOf(world, us).values()][0]!.categories[0]!;
    const ai = handles(allPages(us, AI_FIND_PATH, `creators for ${category}`));
    expect(ai.length).toBeGreaterThan(0);
    expect(ai.every((h) => [...marketOf(world, us).values()].some((m) => m.creator.handle === h && (m.categories.includes(category) || m.creator.nickname.toLowerCase().includes(category.toLowerCase()))))).toBe(true);
  });

  it('sends the world’s identities and units: same ids and follower counts as Sample requests, ranges when not authorised', () => {
    const list = allPages(us, FIND_PATH).flatMap((p) => p.creator_profile_list as Json[]);
    const worldById = new Map(us.creators.map((c) => [c.creatorId, c]));
    for (const item of list) {
      const c = worldById.get(item.creator_oecuid.value)!;
      expect(item.handle.value).toBe(c.handle);
      expect(Number(item.follower_cnt.value)).toBe(c.followers);
      const m = marketOf(world, us).get(c.creatorId)!;
      if (c.fulfillmentPercentage === '') {
        expect(item.med_gmv_revenue).toEqual(HIDDEN);
        expect(item.med_gmv_revenue_range.value).toBe(gmvRangeLabel(us, m.gmv));
        expect(item.creator_fulfillment_score_90d).toEqual(HIDDEN);
      } else {
        expect(item.med_gmv_revenue_range).toBeUndefined();
        // Money wrapped twice, the glyph beside (research/real-shapes.md §4).
        expect(item.med_gmv_revenue).toMatchObject({ is_authorized: true, status: 0, value: { value: { value: m.gmv.toFixed(2) }, symbol: '$' } });
        expect(item.creator_fulfillment_score_90d.value).toBe(c.fulfillmentPercentage);
      }
      expect(item.med_commission_rate_range.value).toBe(commissionBand(m.commissionBps).label);
      expect(item.has_collaborated.value).toBe(m.hasCollaborated);
      expect(item.category.value.map((x: Json) => x.starling_key)).toEqual(m.categoryIds.map((id) => `magellan_${id}`));
    }
    expect(list.some((i) => typeof i.follower_cnt.value === 'string')).toBe(true);
    expect(list.some((i) => typeof i.follower_cnt.value === 'number')).toBe(true);
    expect((call(us, FIND_PATH, listBody()).creator_profile_list as Json[]).some((i) => i.creator_oecuid.value === HOSTILE.creatorId)).toBe(true);
  });

  it('reads cleanly through the adapter, in every shop and its currency, with the world’s figures', () => {
    for (const shop of world.shops) {
      const pages = allPages(shop, FIND_PATH);
      const results = pages.map((p) => creatorMarketplaceList.parse(p, listBody(), { region: shop.region }));
      expect(results.flatMap((r) => r.rejections)).toEqual([]);
      const facts = results.flatMap((r) => r.records.creators ?? []);
      expect(facts).toHaveLength(shop.creators.length);
      for (const s of results.flatMap((r) => r.records.shopCreators ?? [])) {
        const m = [...marketOf(world, shop).values()].find((x) => x.creator.handle === s.handle)!;
        expect(s.commission?.bps).toBe(bandRate(commissionBand(m.commissionBps)));
        expect(s.flags).toEqual({ hasCollaborated: m.hasCollaborated, invitedWithin90d: m.invitedBefore, blockedByShop: false, highSampleDispatchRate: m.highSampleDispatch });
        expect(s.categories).toEqual(m.categories.map((name, i) => ({ id: m.categoryIds[i], name })));
      }
      for (const f of facts) {
        const m = [...marketOf(world, shop).values()].find((x) => x.creator.handle === f.handle)!;
        expect(f.aliases).toEqual([`oecuid:${m.oecId}`]);
        expect(f.region).toBe(shop.region);
        if (m.authorised) expect(f.metrics?.gmv).toEqual(money(shop.currency === 'IDR' ? String(Math.round(m.gmv)) : m.gmv.toFixed(2), shop.currency));
        else expect(f.metrics?.gmvRange).toMatchObject({ label: gmvRangeLabel(shop, m.gmv), currency: shop.currency });
      }
    }
  }, 30_000);

  it(`breaks the records at positions ${FIND_FAULT_POSITIONS.join(', ')} of a page in fault mode, and nothing else`, () => {
    const clean = call(us, FIND_PATH, listBody());
    const broken = call(us, FIND_PATH, listBody(), true);
    const r = creatorMarketplaceList.parse(broken, listBody(), { region: 'US' });
    expect(r.accepted).toBe(20 - FIND_FAULT_POSITIONS.length);
    expect(r.rejections.map((x) => x.path)).toEqual([
      'creator_profile_list[].follower_cnt',
      'creator_profile_list[].handle',
      'creator_profile_list[].med_gmv_revenue',
    ]);
    const ok = (clean.creator_profile_list as Json[]).filter((_, i) => !(FIND_FAULT_POSITIONS as readonly number[]).includes(i)).map((c) => c.handle.value);
    expect((r.records.creators ?? []).map((c) => c.handle)).toEqual(ok);
  });
});

describe('Find creators, variant find-creators.commission-bps', () => {
  it('sends the median commission range as a number of basis points, which the adapter reads as such', () => {
    const page = call(us, FIND_PATH, listBody(), false, '&cl_variant=find-creators.commission-bps');
    const first = (page.creator_profile_list as Json[])[0]!;
    const m = marketOf(world, us).get(first.creator_oecuid.value)!;
    expect(first.med_commission_rate_range.value).toBe(bandRate(commissionBand(m.commissionBps)));
    const r = creatorMarketplaceList.parse(page, listBody(), { region: 'US' });
    expect(r.rejections).toEqual([]);
    expect(r.records.shopCreators?.[0]?.commission).toMatchObject({ form: 'bps', bps: bandRate(commissionBand(m.commissionBps)) });
  });
});

describe('Creator rankings API', () => {
  const meta = (o: Record<string, unknown> = {}) => ({ rank_type: 1, rank_period: 1, rank_date: '2030-01-01', indus_cate: 'All', content_type: 1, ...o });
  const rank = (shop: SimShop, m: Record<string, unknown>, page = 1, fault = false) => call(shop, RANK_PATH, { rank_list_meta: m, size: 20, page }, fault);

  it('ranks the shop’s creators, pages by size and page, and serves the latest date it has', () => {
    const first = rank(us, meta());
    expect(first.code).toBe(0);
    expect(first.data.total).toBe(us.creators.length);
    expect(first.data.rank_list_meta.rank_date).toBe(latestRankDate(world));
    const list = first.data.creator_rank_info_list as Json[];
    expect(list.map((e) => e.rank_position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(list[0]).toMatchObject({ rank_score: '100.00', creator_handle: expect.any(String), creator_oecuid: expect.stringMatching(/^\d{19}$/) });
    const second = rank(us, meta(), 2).data.creator_rank_info_list as Json[];
    expect(second[0]?.rank_position).toBe(21);
    const whole = rankingOf(world, us, { rankType: 1, rankPeriod: 1, rankDate: '2030-01-01', indusCate: 'All', contentType: 1 });
    expect([...list, ...second].map((e) => e.creator_handle)).toEqual(whole.slice(0, 40).map((r) => r.m.creator.handle));
  });

  it('gives another order for another list or an earlier date, and narrows by category and LIVE', () => {
    const order = (m: Record<string, unknown>) => (rank(us, m).data.creator_rank_info_list as Json[]).map((e) => e.creator_handle);
    expect(order(meta({ rank_type: 2 }))).not.toEqual(order(meta()));
    expect(order(meta({ rank_date: '2025-11-01' }))).not.toEqual(order(meta()));
    expect(rank(us, meta({ rank_date: '2025-11-01' })).data.rank_list_meta.rank_date).toBe('2025-11-01');
    const category = categoryOf(us.products[0]!.category, us.region).name;
    const inCategory = rank(us, meta({ indus_cate: category }));
    for (const e of inCategory.data.creator_rank_info_list as Json[]) {
      expect([...marketOf(world, us).values()].find((m) => m.creator.handle === e.creator_handle)?.categories).toContain(category);
    }
    const live = rank(us, meta({ content_type: 3 }));
    expect(live.data.total).toBe([...marketOf(world, us).values()].filter((m) => m.lives30d > 0).length);
  });

  it.each([
    ['no meta', { size: 20, page: 1 }],
    ['meta without rank_date', { rank_list_meta: { rank_type: 1, rank_period: 1, indus_cate: 'All', content_type: 1 }, size: 20, page: 1 }],
    ['unknown rank type', { rank_list_meta: { rank_type: 9, rank_period: 1, rank_date: '2025-11-19', indus_cate: 'All', content_type: 1 }, size: 20, page: 1 }],
    ['unknown category', { rank_list_meta: { rank_type: 1, rank_period: 1, rank_date: '2025-11-19', indus_cate: 'Cars', content_type: 1 }, size: 20, page: 1 }],
    ['page 0', { rank_list_meta: { rank_type: 1, rank_period: 1, rank_date: '2025-11-19', indus_cate: 'All', content_type: 1 }, size: 20, page: 0 }],
  ])('answers a malformed body (%s) with 98001004', (_name, body) => {
    expect(call(us, RANK_PATH, body).code).toBe(CODE_INVALID_PARAMS);
  });

  it('answers at the top level under the variant creator-rankings.list-top, and the adapter finds the list there', () => {
    const body = { rank_list_meta: meta(), size: 20, page: 1 };
    const top = call(us, RANK_PATH, body, false, '&cl_variant=creator-rankings.list-top');
    expect(top.data).toBeUndefined();
    expect(top.creator_rank_info_list).toHaveLength(20);
    const r = creatorRankList.parse(top, body);
    expect(r.rejections).toEqual([]);
    expect(r.records.creatorRankings?.[0]).toMatchObject({ list: '1|1|All|1', date: latestRankDate(world), firstRank: 1 });
  });

  it('reads through the adapter as one ranking page, and breaks one entry in fault mode', () => {
    const body = { rank_list_meta: meta(), size: 20, page: 1 };
    const clean = creatorRankList.parse(rank(us, meta()), body);
    expect(clean.rejections).toEqual([]);
    expect(clean.records.creatorRankings?.[0]).toMatchObject({ list: '1|1|All|1', date: latestRankDate(world), firstRank: 1 });
    const broken = creatorRankList.parse(rank(us, meta(), 1, true), body);
    expect(broken.rejections).toEqual([{ path: 'data.creator_rank_info_list[].rank_position', code: 'invalid_union' }]);
    expect(broken.records.creatorRankings).toBeUndefined();
    expect(broken.records.creators).toHaveLength(19);
    expect(RANK_FAULT_POSITION).toBe(2);
  });
});

describe('Creator detail API', () => {
  const m = [...marketOf(world, us).values()].find((x) => x.authorised && x.lives30d > 0 && x.videos30d > 0 && x.contacts.email && x.contacts.whatsapp)!;
  const hidden = [...marketOf(world, us).values()].find((x) => !x.authorised)!;
  const profile = (cid: string, types: number[], fault = false, variant = '') => call(us, PROFILE_PATH, { creator_oec_id: cid, profile_types: types }, fault, variant && `&cl_variant=${variant}`);
  const parse = (json: unknown, cid: string, type: number, region = 'US') => creatorProfile.parse(json, { creator_oec_id: cid, profile_types: [type] }, { region });

  it('answers each profile type with only its part: the overview names the creator, the trend has no creator_profile', () => {
    const parts = [1, 2, 3, 4, 5].map((t) => profile(m.oecId, [t]));
    for (const p of parts) expect(p.code).toBe(0);
    expect(Object.keys(parts[0]!.creator_profile)).toEqual(expect.arrayContaining(['handle', 'creator_oecuid', 'bio', 'industry_groups', 'med_commission_rate', 'med_commission_rate_range']));
    expect(parts[0]!.creator_connect_info).toEqual({
      creator_id: m.oecId,
      contact_info_available: true,
      contact_info: [
        { field: 7, value: m.contacts.email },
        { field: 6, value: m.contacts.whatsapp!.number, country_code: m.contacts.whatsapp!.code },
      ],
    });
    for (const p of parts.slice(1)) {
      expect(p.creator_profile?.handle).toBeUndefined();
      expect(p.creator_profile?.selection_region).toBeUndefined();
      expect(p.creator_connect_info).toBeUndefined();
    }
    expect(Object.keys(parts[1]!.creator_profile)).toEqual(expect.arrayContaining(['gpm', 'ec_live_gpm', 'ec_live_med_view_cnt', 'sample_fulfillment_rate', 'avg_revenue_per_buyer']));
    expect(Object.keys(parts[2]!.creator_profile)).toEqual(['follower_genders_v2', 'follower_ages_v2', 'follower_state_location']);
    expect(Object.keys(parts[3]!)).toEqual(['code', 'message', 'creator_profile_trend_data']);
    expect(parts[3]!.creator_profile_trend_data[0].stats).toHaveLength(TREND_DAYS);
    expect(Object.keys(parts[4]!.creator_profile)).toEqual(['ec_top_video_data']);
    // A creator who shares no precise data has no trend: the answer is its envelope alone.
    expect(profile(hidden.oecId, [4])).toEqual({ code: 0, message: 'success' });
  });

  it('reads through the adapter, every part without a rejection, with the same figures as the list', () => {
    const listed = creatorMarketplaceList.parse(call(us, FIND_PATH, listBody(1, undefined, m.creator.handle)), {}, { region: 'US' }).records.creators?.find((c) => c.handle === m.creator.handle);
    for (const t of [1, 2, 3, 4, 5]) {
      const r = parse(profile(m.oecId, [t]), m.oecId, t);
      expect(r.rejections, `type ${t}`).toEqual([]);
      const d = r.records.creatorDetails![0]!;
      expect(d.handle).toBe(t === 1 ? m.creator.handle : undefined);
      expect(d.cid).toBe(m.oecId);
      for (const [k, v] of Object.entries(d.creator.metrics ?? {})) {
        if (k in (listed?.metrics ?? {})) expect(v, `${k} of part ${t}`).toEqual((listed?.metrics as Record<string, unknown>)[k]);
      }
    }
    const overview = parse(profile(m.oecId, [1]), m.oecId, 1).records.creatorDetails![0]!;
    expect(overview.shop?.commission).toMatchObject({ bps: m.commissionBps, form: 'exact', label: commissionBand(m.commissionBps).label });
    expect(overview.shop?.categories).toEqual(m.categories.map((name, i) => ({ id: m.categoryIds[i], name })));
    const trend = parse(profile(m.oecId, [4]), m.oecId, 4).records.creatorDetails![0]!.trend!;
    expect(trend).toHaveLength(TREND_DAYS);
    expect(trend.at(-1)?.followers).toBe(m.creator.followers);
    expect(trend.at(-1)?.at).toBe(Math.floor(NOW / 86_400_000) * 86_400_000 - 86_400_000);
    const unauthorised = parse(profile(hidden.oecId, [1]), hidden.oecId, 1).records.creatorDetails![0]!;
    expect(unauthorised.creator.metrics?.gmv).toBeUndefined();
    expect(unauthorised.creator.metrics?.gmvRange?.label).toBe(gmvRangeLabel(us, hidden.gmv));
  });

  it.each(['creator-detail.trend-flat', 'creator-detail.trend-map'])('serves the trend in the form of variant %s, which reads into the same points', (variant) => {
    const json = profile(m.oecId, [4], false, variant);
    expect(Array.isArray(json.creator_profile_trend_data)).toBe(variant === 'creator-detail.trend-flat');
    const points = parse(json, m.oecId, 4).records.creatorDetails![0]!.trend;
    expect(points).toEqual(parse(profile(m.oecId, [4]), m.oecId, 4).records.creatorDetails![0]!.trend);
  });

  it('gives the hostile creator a hostile bio, answers only authorised creators in auth_profiles, and rejects unknown ids and types', () => {
    expect(profile(HOSTILE.creatorId, [1]).creator_profile.bio.value).toBe(HOSTILE_BIO);
    const auth = call(us, AUTH_PROFILES_PATH, { creator_oec_ids: [m.oecId, hidden.oecId] });
    expect(auth.data.map((e: Json) => e.creator_oec_id)).toEqual([m.oecId]);
    const listed = call(us, AUTH_PROFILES_PATH, { creator_oec_ids: [m.oecId] }, false, '&cl_variant=creator-detail.auth-list');
    expect(listed.data.list.map((e: Json) => e.creator_oec_id)).toEqual([m.oecId]);
    expect(creatorAuthProfiles.parse(listed, { creator_oec_ids: [m.oecId] }).records.creators?.map((c) => c.handle)).toEqual([m.creator.handle]);
    expect(profile('7400000000000000000', [1]).code).toBe(CODE_INVALID_PARAMS);
    expect(profile(m.oecId, [6]).code).toBe(CODE_INVALID_PARAMS);
    expect(profile(m.oecId, [1, 2]).code).toBe(CODE_INVALID_PARAMS);
    expect(call(us, AUTH_PROFILES_PATH, { creator_oec_ids: 'x' }).code).toBe(CODE_INVALID_PARAMS);
  });

  it(`breaks profile type ${PROFILE_FAULT_TYPE} in fault mode`, () => {
    expect(parse(profile(m.oecId, [PROFILE_FAULT_TYPE], true), m.oecId, PROFILE_FAULT_TYPE).rejections).toEqual([{ path: 'creator_profile.med_gmv_revenue', code: 'invalid_union' }]);
    expect(parse(profile(m.oecId, [2], true), m.oecId, 2).rejections).toEqual([]);
  });

  it('serves every region’s shop in its currency, priced by the shop’s region where a part names none', () => {
    for (const key of ['gb', 'id', 'global'] as const) {
      const shop = shopByKey(world, key);
      const c = [...marketOf(world, shop).values()].find((x) => x.authorised)!;
      const overview = parse(call(shop, PROFILE_PATH, { creator_oec_id: c.oecId, profile_types: [1] }), c.oecId, 1, shop.region).records.creatorDetails?.[0];
      expect(overview?.creator.metrics?.gmv?.currency).toBe(shop.currency);
      expect(overview?.creator.region).toBe(shop.region);
      const perf = parse(call(shop, PROFILE_PATH, { creator_oec_id: c.oecId, profile_types: [2] }), c.oecId, 2, shop.region).records.creatorDetails?.[0];
      expect(perf?.creator.metrics?.gpm?.currency).toBe(shop.currency);
    }
  });
});
