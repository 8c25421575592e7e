import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectNoSilentDrop, expectReadsCover, outcome } from '../../test/adapter-harness';
import { anyJson } from '../../test/arbitraries';
import {
  authBody,
  authProfiles,
  CONTEXT,
  leeListed,
  listBody,
  listPage,
  MAYA_CID,
  mayaListed,
  profileBody,
  profilePart,
  rankBody,
  rankEntry,
  rankPage,
  REAL_PARTS,
  thuyListed,
  trendData,
} from '../../test/fixtures/creators';
import { money } from '../domain/money';
import { currencyOf, parseCommissionLabel } from './creator-fields';
import { creatorAuthProfiles, creatorMarketplaceList, creatorProfile, creatorRankList } from './creators';
import type { AdapterResult, CreatorFact } from './types';

const list = (json: unknown) => creatorMarketplaceList.parse(json, listBody(), CONTEXT);
const creators = (r: AdapterResult) => r.records.creators ?? [];
const only = (r: AdapterResult, handle: string) => creators(r).find((c) => c.handle === handle);
const shopOf = (r: AdapterResult, handle: string) => r.records.shopCreators?.find((c) => c.handle === handle);

describe('creators.find / search / recommendation / aiFind adapter (real shapes, research/real-shapes.md §4)', () => {
  it('reads an authorised creator: wrapped fields, money wrapped twice with a glyph priced in the shop’s region', () => {
    const r = list(listPage());
    expect(r.rejections).toEqual([]);
    expect(r.accepted).toBe(2);
    expect(only(r, 'glowwithmaya')).toEqual({
      handle: 'glowwithmaya',
      nickname: 'Maya ✨ Skincare',
      aliases: ['oecuid:7494100000000000001'],
      region: 'US',
      categories: ['Beauty & Personal Care', 'Health'],
      metrics: {
        followers: 125_300,
        gmv: { minor: 1_284_050, currency: 'USD' },
        unitsSold: 932,
        videoGmv: { minor: 1_020_000, currency: 'USD' },
        gpm: { minor: 3820, currency: 'USD' },
        videoGpm: { minor: 3820, currency: 'USD' },
        videoGpmRange: { min: 3820, max: 3820, label: '$38.2-$38.2', currency: 'USD' },
        avgVideoViews: 15_806,
        avgLiveViewers: 0,
        engagementBps: 268,
        fulfillmentBps: 9250,
        fulfillmentReviews: 14,
        productPriceRange: { min: 1250, max: 4800, label: '$12.5 - $48.0', currency: 'USD' },
      },
    } satisfies CreatorFact);
  });

  it('keeps the shop-relative flags, the median commission and the categories with their ids for the shop', () => {
    const r = list(listPage());
    expect(shopOf(r, 'glowwithmaya')).toEqual({
      handle: 'glowwithmaya',
      flags: { hasCollaborated: false, invitedWithin90d: true, blockedByShop: false, highSampleDispatchRate: true },
      commission: { bps: 1250, minBps: 1000, maxBps: 1500, label: '10%-15%', form: 'label' },
      categories: [
        { id: '601450', name: 'Beauty & Personal Care' },
        { id: '700645', name: 'Health' },
      ],
    });
    expect(shopOf(r, 'lee.reviews')).toEqual({
      handle: 'lee.reviews',
      flags: { hasCollaborated: true, invitedWithin90d: false, blockedByShop: false, highSampleDispatchRate: false },
      commission: { bps: 1500, minBps: 1500, label: '15%+', form: 'label' },
      categories: [{ name: 'Phones & Electronics' }],
    });
    // Shop-relative flags never land on the creator.
    expect(JSON.stringify(creators(r))).not.toMatch(/hasCollaborated|invitedWithin90d/);
  });

  it('keeps ranges with their label for a creator who has not authorised precise data, and never invents a value', () => {
    const lee = only(list(listPage()), 'lee.reviews');
    expect(lee?.metrics).toEqual({
      followers: 48_210,
      gmvRange: { min: 100_000, max: 1_000_000, label: '$1K-$10K', currency: 'USD' },
      unitsSoldRange: { min: 100, max: 1000, label: '100-1K' },
      videoGpm: { minor: 1240, currency: 'USD' },
      videoGpmRange: { min: 1240, max: 1240, label: '$12.4-$12.4', currency: 'USD' },
      avgVideoViews: 4100,
      engagementBps: 310,
    });
  });

  it('reads bare values and the creator’s own currency (₫ has no minor unit), and an exact median commission', () => {
    const r = list(listPage([thuyListed()]));
    expect(only(r, 'emthuythuyyy')?.metrics).toEqual({
      followers: 124_062,
      gmv: { minor: 133_738_360, currency: 'VND' },
      gmvRange: { min: 1_000_000, label: '1M₫+', currency: 'VND' },
      avgCommissionBps: 1000,
      productPriceRange: { min: 89_300, max: 602_000, label: '89.3K₫ - 602.0K₫', currency: 'VND' },
    });
    expect(shopOf(r, 'emthuythuyyy')).toEqual({ handle: 'emthuythuyyy', commission: { bps: 1000, form: 'exact' } });
  });

  it('resolves a currency from an ISO code, or a glyph the creator’s or the shop’s region uses, and otherwise gives none', () => {
    expect(currencyOf('EUR', 'US')).toBe('EUR');
    expect(currencyOf('$', 'US')).toBe('USD');
    expect(currencyOf('$', 'SG')).toBe('SGD');
    expect(currencyOf('RM', 'MY')).toBe('MYR');
    expect(currencyOf('£', undefined)).toBe('GBP');
    expect(currencyOf(undefined, 'ID')).toBe('IDR');
    expect(currencyOf('$', undefined)).toBeUndefined();
    expect(currencyOf('$', 'MY')).toBeUndefined();
    expect(currencyOf('¤', 'US')).toBeUndefined();
    // Names of the object prototype are no glyph and no region.
    for (const unit of ['valueOf', 'constructor', '__proto__', 'toString']) expect(currencyOf(unit, 'US'), unit).toBeUndefined();
    expect(currencyOf(undefined, 'constructor')).toBeUndefined();
    const noRegion = mayaListed({ selection_region: undefined });
    expect(only(list(listPage([noRegion])), 'glowwithmaya')?.metrics?.gmv).toEqual({ minor: 1_284_050, currency: 'USD' });
    const unknownShop = only(creatorMarketplaceList.parse(listPage([noRegion]), listBody(), { region: 'XX' }), 'glowwithmaya');
    expect(unknownShop?.metrics?.gmv).toBeUndefined();
    expect(unknownShop?.metrics?.followers).toBe(125_300);
  });

  it('parses range labels in several locales', () => {
    const range = (label: string, region = 'US') =>
      only(list(listPage([mayaListed({ med_gmv_revenue: { is_authorized: false }, med_gmv_revenue_range: label, selection_region: region })])), 'glowwithmaya')
        ?.metrics?.gmvRange;
    expect(range('$1.5K-$15K')).toEqual({ min: 150_000, max: 1_500_000, label: '$1.5K-$15K', currency: 'USD' });
    // IDR's minor unit follows the runtime's Intl data (0 or 2 digits), like every Money.
    expect(range('Rp1,5jt-Rp15jt', 'ID')).toEqual({
      min: money('1500000', 'IDR')?.minor,
      max: money('15000000', 'IDR')?.minor,
      label: 'Rp1,5jt-Rp15jt',
      currency: 'IDR',
    });
    expect(range('RM1,000-RM10,000', 'MY')).toEqual({ min: 100_000, max: 1_000_000, label: 'RM1,000-RM10,000', currency: 'MYR' });
    expect(range('£10K+', 'GB')).toEqual({ min: 1_000_000, label: '£10K+', currency: 'GBP' });
    expect(range('0₫-127.8K₫', 'VN')).toEqual({ min: 0, max: 127_800, label: '0₫-127.8K₫', currency: 'VND' });
    expect(range('Top 10%')).toEqual({ label: 'Top 10%' });
  });

  it('reads the median commission range as a percent label or a number of basis points, and rejects anything else', () => {
    expect(parseCommissionLabel('10%-15%')).toEqual({ minBps: 1000, maxBps: 1500 });
    expect(parseCommissionLabel('10 - 15%')).toEqual({ minBps: 1000, maxBps: 1500 });
    expect(parseCommissionLabel('12.5%')).toEqual({ minBps: 1250, maxBps: 1250 });
    expect(parseCommissionLabel('20%+')).toEqual({ minBps: 2000 });
    expect(parseCommissionLabel('>20%')).toEqual({ minBps: 2000 });
    expect(parseCommissionLabel('<5%')).toEqual({ maxBps: 500 });
    expect(parseCommissionLabel('10,5%-12%')).toEqual({ minBps: 1050, maxBps: 1200 });
    for (const bad of ['10-15', '15%-10%', '150%', 'soon', '']) expect(parseCommissionLabel(bad), bad).toBeUndefined();
    const number = list(listPage([mayaListed({ med_commission_rate_range: { is_authorized: true, status: 0, value: 1200 } })]));
    expect(shopOf(number, 'glowwithmaya')?.commission).toEqual({ bps: 1200, minBps: 1200, maxBps: 1200, form: 'bps' });
    const upTo = list(listPage([mayaListed({ med_commission_rate_range: { is_authorized: true, status: 0, value: '<5%' } })]));
    expect(shopOf(upTo, 'glowwithmaya')?.commission).toEqual({ bps: 500, maxBps: 500, label: '<5%', form: 'label' });
    const hidden = list(listPage([mayaListed({ med_commission_rate_range: { is_authorized: false } })]));
    expect(shopOf(hidden, 'glowwithmaya')?.commission).toBeUndefined();
    const broken = list(listPage([mayaListed({ med_commission_rate_range: { is_authorized: true, status: 0, value: 'about ten' } })]));
    expect(broken.rejections).toEqual([{ path: 'creator_profile_list[].med_commission_rate_range', code: 'invalid_union' }]);
    expect(JSON.stringify(broken.rejections)).not.toContain('about ten');
  });

  it('reads a list under `data` too, and an empty list as empty', () => {
    expect(list({ code: 0, data: { creator_profile_list: [mayaListed()] } }).accepted).toBe(1);
    expect(list({ code: 0, creator_profile_list: null })).toEqual({ records: {}, accepted: 0, rejections: [] });
    expect(list({ code: 0, data: {} })).toEqual({ records: {}, accepted: 0, rejections: [] });
  });

  it('rejects a broken record with the path that broke, never its value, and keeps the rest', () => {
    const r = list(
      listPage([
        mayaListed({ follower_cnt: { value: 'lots', is_authorized: true } }),
        leeListed({ handle: undefined }),
        leeListed({ med_gmv_revenue: { is_authorized: true, status: 0, value: { value: { value: '1,234.00' }, symbol: '$' } } }),
        thuyListed(),
      ]),
    );
    expect(r.accepted).toBe(1);
    expect(r.rejections).toEqual([
      { path: 'creator_profile_list[].follower_cnt', code: 'invalid_union' },
      { path: 'creator_profile_list[].handle', code: 'custom' },
      { path: 'creator_profile_list[].med_gmv_revenue', code: 'invalid_union' },
    ]);
    expect(creators(r).map((c) => c.handle)).toEqual(['emthuythuyyy']);
    expect(JSON.stringify(r.rejections)).not.toMatch(/lots|1,234/);
  });

  it('rejects amounts and counts too large to stay exact', () => {
    const r = list(listPage([mayaListed({ med_gmv_revenue: { value: '1234567890123.45', symbol: 'USD' } }), mayaListed({ follower_cnt: '9999999999999999' })]));
    expect(r.rejections.map((x) => x.path)).toEqual(['creator_profile_list[].med_gmv_revenue', 'creator_profile_list[].follower_cnt']);
    const label = only(list(listPage([mayaListed({ med_gmv_revenue: null, med_gmv_revenue_range: '$999999999999999K+' })])), 'glowwithmaya');
    expect(label?.metrics?.gmvRange).toEqual({ label: '$999999999999999K+', currency: 'USD' });
  });

  it('treats the not-authorised placeholder and null as absent, and `{}` as a changed shape', () => {
    const r = list(listPage([mayaListed({ units_sold: { is_authorized: false, status: 0 }, video_gmv: null, ec_video_gpm: {} })]));
    expect(r.rejections).toEqual([{ path: 'creator_profile_list[].ec_video_gpm', code: 'invalid_union' }]);
    const ok = only(list(listPage([mayaListed({ units_sold: { is_authorized: false }, video_gmv: null })])), 'glowwithmaya');
    expect(ok?.metrics?.unitsSold).toBeUndefined();
    expect(ok?.metrics?.videoGmv).toBeUndefined();
  });

  it('ignores error envelopes and reports a list that is not a list', () => {
    expect(list({ code: 10000, message: 'captcha' })).toEqual({ records: {}, accepted: 0, rejections: [], skipped: true });
    expect(list({ code: 0, creator_profile_list: 'soon' }).rejections).toEqual([{ path: 'creator_profile_list', code: 'invalid_type' }]);
    expect(list('not json').accepted).toBe(0);
  });

  it('declares every path it reads, and drops no creator silently, in every form of answer', () => {
    const pages = [
      listPage([mayaListed(), leeListed(), thuyListed()]),
      { code: 0, message: '', data: { creator_profile_list: [mayaListed()], next_pagination: { has_more: false } } },
      listPage([mayaListed({ med_commission_rate_range: { is_authorized: true, status: 0, value: 1200 } })]),
    ];
    for (const page of pages) expectReadsCover(creatorMarketplaceList, page, listBody());
    expectNoSilentDrop(creatorMarketplaceList, pages[0], 'creator_profile_list', listBody());
    expectNoSilentDrop(creatorMarketplaceList, pages[1], 'data.creator_profile_list', listBody());
    expect(outcome(creatorMarketplaceList, pages[0], listBody()).rejections).toEqual([]);
  });
});

describe('creators.rankings adapter [unknown shape: the list found wherever it is]', () => {
  it('stores the creators and the page of the ranking in rank order, keyed by the list it belongs to', () => {
    const page = rankPage();
    page.data.creator_rank_info_list.reverse();
    const r = creatorRankList.parse(page, rankBody());
    expect(r.rejections).toEqual([]);
    expect(r.accepted).toBe(3);
    expect(r.records.creatorRankings).toEqual([
      { list: '1|1|All|1', date: '2025-11-19', firstRank: 1, handles: ['glowwithmaya', 'lee.reviews', 'dapurbunda.id'] },
    ]);
    expect(creators(r).find((c) => c.handle === 'lee.reviews')).toEqual({ handle: 'lee.reviews', aliases: [], metrics: { followers: 100_002 } });
  });

  it.each([
    ['at the top level', (p: ReturnType<typeof rankPage>) => ({ code: 0, message: '', ...p.data })],
    ['under another list name', (p: ReturnType<typeof rankPage>) => ({ code: 0, data: { total: 3, list: p.data.creator_rank_info_list } })],
  ])('finds the list %s', (_name, move) => {
    const json = move(rankPage());
    const r = creatorRankList.parse(json, rankBody());
    expect(r.rejections).toEqual([]);
    expect(r.records.creatorRankings?.[0]?.handles).toEqual(['glowwithmaya', 'lee.reviews', 'dapurbunda.id']);
    expectReadsCover(creatorRankList, json, rankBody());
  });

  it('takes the date from the request when the response does not name one, and the page’s first rank', () => {
    const page = rankPage(['a.one', 'b.two'], 21);
    delete (page.data as Record<string, unknown>).rank_list_meta;
    const r = creatorRankList.parse(page, rankBody({ rank_type: 2, indus_cate: 'Beauty & Personal Care' }, 2));
    expect(r.records.creatorRankings).toEqual([{ list: '2|1|Beauty & Personal Care|1', date: '2025-11-20', firstRank: 21, handles: ['a.one', 'b.two'] }]);
  });

  it('keeps the creators of an incomplete page but not its order, and needs the request to know the list', () => {
    const page = rankPage();
    page.data.creator_rank_info_list[1] = rankEntry(2, 'lee.reviews', { rank_position: 'second' });
    const r = creatorRankList.parse(page, rankBody());
    expect(r.rejections).toEqual([{ path: 'data.creator_rank_info_list[].rank_position', code: 'invalid_union' }]);
    expect(creators(r).map((c) => c.handle)).toEqual(['glowwithmaya', 'dapurbunda.id']);
    expect(r.records.creatorRankings).toBeUndefined();
    expect(creatorRankList.parse(rankPage(), undefined).records.creatorRankings).toBeUndefined();
    expect(creatorRankList.parse({ code: 98001004, msg: 'invalid' }, rankBody()).skipped).toBe(true);
  });

  it('declares what it reads and drops no entry silently', () => {
    expectReadsCover(creatorRankList, rankPage(), rankBody());
    expectNoSilentDrop(creatorRankList, rankPage(), 'data.creator_rank_info_list', rankBody());
  });
});

describe('creators.profile adapter (one part per profile type, research/real-shapes.md §3)', () => {
  const part = (type: number, opts?: Parameters<typeof profilePart>[1]) => creatorProfile.parse(profilePart(type, opts), profileBody(type), CONTEXT);
  const detail = (r: AdapterResult) => r.records.creatorDetails?.[0];

  it('reads the overview (type 1): identity, sales, categories with ids, the median commission for the shop', () => {
    const d = detail(part(1));
    expect(d).toMatchObject({ handle: 'glowwithmaya', cid: MAYA_CID, part: '1' });
    expect(d?.creator.aliases).toEqual([`cid:${MAYA_CID}`, `oecuid:${MAYA_CID}`]);
    expect(d?.creator.metrics).toEqual({
      followers: 125_300,
      gmv: { minor: 1_284_050, currency: 'USD' },
      unitsSold: 932,
      videoGmv: { minor: 1_020_000, currency: 'USD' },
      liveGmv: { minor: 0, currency: 'USD' },
      collaboratedBrands: 24,
      fulfillmentBps: 9250,
      avgCommissionBps: 1500,
    });
    expect(d?.shop).toEqual({
      commission: { bps: 1500, minBps: 1000, maxBps: 2000, label: '10%-20%', form: 'exact' },
      categories: [{ id: '601450', name: 'Beauty & Personal Care' }],
    });
    const groups = detail(part(1, { profile: { category: undefined } }));
    expect(groups?.shop?.categories).toEqual([
      { id: '601450', name: 'Beauty & Personal Care' },
      { id: '700645', name: 'Health' },
    ]);
  });

  it('reads the type 2 part of the real fixture (no handle, no region): video and LIVE, bps, money in the shop’s currency', () => {
    const d = detail(part(2));
    expect(d).toMatchObject({ handle: undefined, cid: MAYA_CID, part: '2' });
    expect(d?.creator.metrics).toEqual({
      medianVideoViews: 450,
      medianLiveViews: 800,
      allVideoMedianViews: 460,
      allLiveMedianViews: 810,
      videoGpm: { minor: 1250, currency: 'USD' },
      videoGpmRange: { min: 1250, max: 1250, label: '$12.5-$12.5', currency: 'USD' },
      liveGpm: { minor: 0, currency: 'USD' },
      liveGpmRange: { min: 0, max: 0, label: '$0.00-$0.00', currency: 'USD' },
      gpm: { minor: 1324, currency: 'USD' },
      engagementBps: 245,
      liveEngagementBps: 1234,
      allVideoEngagementBps: 250,
      allLiveEngagementBps: 1250,
      avgRevenuePerBuyer: { minor: 1875, currency: 'USD' },
      postRateBps: 9125,
    });
    // A glyph the shop's region does not use prices nothing: `$` in a Malaysian shop.
    const elsewhere = creatorProfile.parse(profilePart(2), profileBody(2), { region: 'MY' });
    expect(detail(elsewhere)?.creator.metrics?.gpm).toBeUndefined();
    expect(detail(elsewhere)?.creator.metrics?.postRateBps).toBe(9125);
  });

  it('reads the audience (type 3) and the top videos (type 5), even an empty list', () => {
    expect(detail(part(3))?.creator.metrics?.audience).toEqual({ gender: [{ key: 'female', bps: 7000 }] });
    expect(detail(part(5))?.topVideos).toEqual([]);
    const videos = detail(
      part(5, {
        profile: {
          ec_top_video_data: {
            is_authorized: true,
            status: 0,
            value: [{ item_id: '7468624007466667272', name: 'x', play_cnt: 353944, like_cnt: 4491, comment_cnt: 0, release_date: '1738924539', video_products: [{ product_id: '1731699188041746937', name: 'y' }] }],
          },
        },
      }),
    );
    expect(videos?.topVideos).toEqual([{ itemId: '7468624007466667272', views: 353944, likes: 4491, comments: 0, releasedAt: 1_738_924_539_000, productIds: ['1731699188041746937'] }]);
  });

  it('takes a type 4 answer with only its envelope as a part with nothing to show, not as a changed shape', () => {
    expect(REAL_PARTS['4']).toEqual({ code: 0, message: '' });
    expect(outcome(creatorProfile, profilePart(4), profileBody(4))).toEqual({ records: {}, accepted: 0, rejections: [] });
  });

  it('keeps trend data as dated points: blocks of stats, points straight in the list, blocks as an object, seconds or ms', () => {
    const points = (trend: unknown) => detail(part(4, { trend }))?.trend;
    const expected = [
      { at: 1_763_251_200_000, followers: 125_000, gmv: { minor: 40_050, currency: 'USD' }, unitsSold: 30, videoViews: 44_000, allVideoViews: 92_000, engagementBps: 316, allVideoEngagementBps: 469 },
      { at: 1_763_337_600_000, followers: 125_100, gmv: { minor: 40_150, currency: 'USD' }, unitsSold: 31, videoViews: 44_001, allVideoViews: 92_001, engagementBps: 316, allVideoEngagementBps: 469 },
    ];
    const blocks = trendData(2);
    expect(points(blocks)).toEqual(expected);
    expect(points(blocks[0]!.stats)).toEqual(expected);
    expect(points({ video: blocks[0] })).toEqual(expected);
    const inMs = blocks[0]!.stats.map((p) => ({ ...p, start_timestamp: String(p.start_timestamp * 1000), end_timestamp: undefined }));
    expect(points(inMs)).toEqual(expected);
    const wrapped = blocks[0]!.stats.map((p) => ({ ...p, profile: { ...p.profile, trend_follower: { is_authorized: true, status: 0, value: p.profile.trend_follower } } }));
    expect(points(wrapped)).toEqual(expected);
    expect(points([{ filter: 'video', stats: blocks[0]!.stats.slice(0, 1) }])).toEqual([{ ...expected[0], series: 'video' }]);
    expect(points([])).toEqual([]);
  });

  it('rejects a trend point it cannot date or read, with its path, and keeps the others', () => {
    const blocks = trendData(3);
    blocks[0]!.stats[1] = { ...blocks[0]!.stats[1]!, start_timestamp: 'yesterday' as unknown as number };
    delete (blocks[0]!.stats[2] as Record<string, unknown>).start_timestamp;
    delete (blocks[0]!.stats[2] as Record<string, unknown>).end_timestamp;
    const r = part(4, { trend: blocks });
    expect(detail(r)?.trend?.map((p) => p.at)).toEqual([1_763_251_200_000]);
    expect(r.rejections).toEqual([
      { path: 'creator_profile_trend_data[].stats[].start_timestamp', code: 'invalid_union' },
      { path: 'creator_profile_trend_data[].stats[].start_timestamp', code: 'custom' },
    ]);
  });

  it('keeps contact values out of the creator: they travel apart, the creator keeps the channel names', () => {
    const d = detail(part(1));
    expect(d?.contacts).toEqual([
      { channel: 'email', value: 'maya.collabs@example.com' },
      { channel: 'whatsapp', value: '+1 5551234567' },
    ]);
    expect(d?.creator.contactChannels).toEqual(['email', 'whatsapp']);
    expect(JSON.stringify(d?.creator)).not.toContain('example.com');
    const named = detail(part(1, { connect: { contact_info: [], email: { value: 'x@example.com' }, line: 'maya_line', contact_info_available: true } }));
    expect(named?.contacts).toEqual([
      { channel: 'email', value: 'x@example.com' },
      { channel: 'line', value: 'maya_line' },
    ]);
    const none = detail(part(1, { connect: null }));
    expect(none?.contacts).toEqual([]);
    expect(none?.creator.contactChannels).toBeUndefined();
  });

  it('ties a part without a handle to its cid, names the form it answers, and rejects a part with neither', () => {
    expect(detail(creatorProfile.parse(profilePart(1), { creator_oec_id: MAYA_CID, profile_types: [3, 1, 3] }))?.part).toBe('1,3');
    expect(creatorProfile.variantOf?.(profileBody(4))).toBe('types:4');
    expect(creatorProfile.variantOf?.({ creator_oec_id: MAYA_CID, profile_types: [3, 1] })).toBe('types:1,3');
    expect(creatorProfile.variantOf?.({})).toBeUndefined();
    const neither = creatorProfile.parse(profilePart(2), {});
    expect(neither).toEqual({ records: {}, accepted: 0, rejections: [{ path: 'creator_profile.handle', code: 'custom' }] });
  });

  it('rejects a part whose profile or contact info changed shape, with the path', () => {
    expect(part(1, { profile: { med_gmv_revenue: { value: 'n/a', symbol: 'USD' } } }).rejections).toEqual([{ path: 'creator_profile.med_gmv_revenue', code: 'invalid_union' }]);
    expect(part(1, { connect: { contact_info: [{ field: 7, value: 42 }] } }).rejections).toEqual([{ path: 'creator_connect_info.contact_info[].value', code: 'invalid_type' }]);
    expect(creatorProfile.parse({ code: 0, creator_profile: 'soon' }, profileBody(1)).rejections).toEqual([{ path: 'creator_profile', code: 'invalid_type' }]);
    expect(creatorProfile.parse({ code: 98001004 }, profileBody(1)).skipped).toBe(true);
  });

  it('declares every path it reads in every part, and drops no trend point silently', () => {
    for (const type of [1, 2, 3, 4, 5]) expectReadsCover(creatorProfile, profilePart(type, type === 4 ? { trend: trendData() } : {}), profileBody(type));
    expectReadsCover(creatorProfile, profilePart(4, { trend: trendData()[0]!.stats }), profileBody(4));
    expectReadsCover(creatorProfile, { code: 0, data: { creator_profile: REAL_PARTS['2'].creator_profile } }, profileBody(2));
    expectNoSilentDrop(creatorProfile, profilePart(4, { trend: trendData() }), 'creator_profile_trend_data', profileBody(4));
    for (const type of [1, 2, 3, 5]) expect(outcome(creatorProfile, profilePart(type), profileBody(type)).rejections, `type ${type}`).toEqual([]);
  });
});

describe('creators.authProfiles adapter [unknown shape: the list found wherever it is]', () => {
  it('reads plain fields, the main industry as category, and the creator id as cid', () => {
    const r = creatorAuthProfiles.parse(authProfiles(), authBody());
    expect(r.records.creators).toEqual([
      { handle: 'glowwithmaya', nickname: 'Maya ✨ Skincare', aliases: [`cid:${MAYA_CID}`], categories: ['Beauty & Personal Care'], metrics: { followers: 125_300 } },
    ]);
    expectReadsCover(creatorAuthProfiles, authProfiles(), authBody());
    expectNoSilentDrop(creatorAuthProfiles, authProfiles(), 'data', authBody());
  });

  it('finds the list under `data.list` too', () => {
    const json = { code: 0, data: { list: authProfiles().data } };
    expect(creatorAuthProfiles.parse(json, authBody()).records.creators?.map((c) => c.handle)).toEqual(['glowwithmaya']);
    expectReadsCover(creatorAuthProfiles, json, authBody());
  });

  it('ties an entry without an id to the one creator asked for, and no other', () => {
    const entry = { handle: 'glowwithmaya', follower_cnt: 1 };
    expect(creatorAuthProfiles.parse(authProfiles([entry]), authBody())?.records.creators?.[0]?.aliases).toEqual([`cid:${MAYA_CID}`]);
    expect(creatorAuthProfiles.parse(authProfiles([entry]), authBody([MAYA_CID, '1']))?.records.creators?.[0]?.aliases).toEqual([]);
    expect(creatorAuthProfiles.parse(authProfiles([{ nickname: 'x' }]), authBody()).rejections).toEqual([{ path: 'data[].handle', code: 'custom' }]);
  });
});

describe('property: whatever a marketplace response turns into', () => {
  const mutate = anyJson;

  const LIST_FIELDS = [
    'creator_oecuid', 'handle', 'nickname', 'selection_region', 'follower_cnt', 'category', 'med_gmv_revenue', 'med_gmv_revenue_range', 'units_sold',
    'units_sold_range', 'video_gmv', 'gpm', 'ec_video_gpm', 'ec_video_avg_view_cnt', 'ec_video_engagement', 'creator_fulfillment_score_90d',
    'med_commission_rate_range', 'product_price_range', 'has_collaborated', 'is_high_sample_dispatch_rate', 'creator_fulfillment_reviews',
  ];
  const PROFILE_FIELDS = [...LIST_FIELDS, 'med_commission_rate', 'sample_fulfillment_rate', 'follower_genders_v2', 'follower_state_location', 'ec_live_gpm', 'industry_groups', 'avg_revenue_per_buyer', 'ec_top_video_data'];

  function checkCreator(c: Omit<CreatorFact, 'handle'> & { handle?: string }) {
    if (c.handle !== undefined) expect(c.handle).toMatch(/^[a-z0-9._]{1,64}$/);
    for (const a of c.aliases) expect(a).toMatch(/^(oecuid|cid):\d{1,24}$/);
    const m = c.metrics ?? {};
    for (const k of ['followers', 'unitsSold', 'avgVideoViews', 'medianVideoViews', 'avgLiveViewers', 'videoCount', 'liveCount', 'fulfillmentReviews'] as const) {
      const v = m[k];
      if (v !== undefined) expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
    }
    for (const k of ['engagementBps', 'fulfillmentBps', 'postRateBps', 'avgCommissionBps'] as const) {
      const v = m[k];
      if (v !== undefined) expect(Number.isInteger(v) && v >= 0 && v <= 10_000).toBe(true);
    }
    for (const k of ['gmv', 'videoGmv', 'liveGmv', 'videoGpm', 'liveGpm', 'gpm', 'avgRevenuePerBuyer'] as const) {
      const v = m[k];
      if (v !== undefined) {
        expect(Number.isSafeInteger(v.minor)).toBe(true);
        expect(v.currency).toMatch(/^[A-Z]{3}$/);
      }
    }
    for (const k of ['gmvRange', 'unitsSoldRange', 'videoGpmRange', 'liveGpmRange', 'productPriceRange'] as const) {
      const v = m[k];
      if (v?.min !== undefined) expect(Number.isSafeInteger(v.min)).toBe(true);
      if (v?.max !== undefined) expect(Number.isSafeInteger(v.max)).toBe(true);
    }
  }

  function checkCommission(c: { bps: number; minBps?: number; maxBps?: number } | undefined) {
    if (!c) return;
    for (const v of [c.bps, c.minBps, c.maxBps]) if (v !== undefined) expect(Number.isInteger(v) && v >= 0 && v <= 10_000).toBe(true);
  }

  it('find lists never throw and yield only well-formed creators', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LIST_FIELDS), mutate, fc.boolean(), (key, value, wrap) => {
        const record = mayaListed({ [key]: wrap ? { value, is_authorized: true, status: 0 } : value });
        const r = list(listPage([record, leeListed()]));
        for (const c of creators(r)) checkCreator(c);
        for (const s of r.records.shopCreators ?? []) checkCommission(s.commission);
        expect(r.accepted + (r.rejections.length ? 1 : 0)).toBe(2);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('profile parts never throw and yield only well-formed details', () => {
    fc.assert(
      fc.property(fc.constantFrom(1, 2, 3, 5), fc.constantFrom(...PROFILE_FIELDS), mutate, (type, key, value) => {
        const r = creatorProfile.parse(profilePart(type, { profile: { [key]: value } }), profileBody(type), CONTEXT);
        for (const d of r.records.creatorDetails ?? []) {
          checkCreator(d.creator);
          checkCommission(d.shop?.commission);
          for (const c of d.contacts) expect(c.value.length).toBeLessThanOrEqual(330);
        }
        expect(r.accepted + (r.rejections.length ? 1 : 0)).toBe(1);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('trend answers never throw, and every point they keep is dated', () => {
    fc.assert(
      fc.property(fc.constantFrom('start_timestamp', 'end_timestamp', 'profile', 'trend_gmv', 'trend_follower'), mutate, (key, value) => {
        const blocks = trendData(2);
        const point = blocks[0]!.stats[0] as Record<string, unknown>;
        if (key.startsWith('trend_')) (point.profile as Record<string, unknown>)[key] = value;
        else point[key] = value;
        const r = creatorProfile.parse(profilePart(4, { trend: blocks }), profileBody(4), CONTEXT);
        for (const p of r.records.creatorDetails?.[0]?.trend ?? []) expect(Number.isSafeInteger(p.at) && p.at > 0).toBe(true);
        expect((r.records.creatorDetails?.[0]?.trend?.length ?? 0) + r.rejections.length).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('ranking pages never throw, and give an order only when every entry was read', () => {
    fc.assert(
      fc.property(fc.constantFrom('rank_position', 'creator_handle', 'follower_cnt', 'creator_oecuid'), mutate, (key, value) => {
        const page = rankPage();
        page.data.creator_rank_info_list[0] = rankEntry(1, 'glowwithmaya', { [key]: value });
        const r = creatorRankList.parse(page, rankBody());
        for (const c of creators(r)) checkCreator(c);
        const ranking = r.records.creatorRankings?.[0];
        if (r.rejections.length) expect(ranking).toBeUndefined();
        else expect(ranking?.handles).toHaveLength(3);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
