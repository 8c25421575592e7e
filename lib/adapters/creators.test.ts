import fc from 'fast-check';
import { anyJson } from '../../test/arbitraries';
import { describe, expect, it } from 'vitest';
import {
  authBody,
  authProfiles,
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
  thuyListed,
} from '../../test/fixtures/creators';
import { money } from '../domain/money';
import { currencyOf } from './creator-fields';
import { creatorAuthProfiles, creatorMarketplaceList, creatorProfile, creatorRankList } from './creators';
import type { AdapterResult, CreatorFact } from './types';

const list = (json: unknown) => creatorMarketplaceList.parse(json, listBody());
const creators = (r: AdapterResult) => r.records.creators ?? [];
const only = (r: AdapterResult, handle: string) => creators(r).find((c) => c.handle === handle);

describe('creators.find / search / recommendation / aiFind adapter', () => {
  it('reads an authorised creator: wrapped values, money with an ISO code or wrapped twice, rates in bps', () => {
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
        videoGpm: { minor: 3820, currency: 'USD' },
        avgVideoViews: 15_806,
        avgLiveViewers: 0,
        engagementBps: 268,
        fulfillmentBps: 9250,
      },
    } satisfies CreatorFact);
  });

  it('keeps ranges with their label for a creator who has not authorised precise data, and never invents a value', () => {
    const lee = only(list(listPage()), 'lee.reviews');
    expect(lee?.metrics).toEqual({
      followers: 48_210,
      gmvRange: { min: 100_000, max: 1_000_000, label: '$1K-$10K', currency: 'USD' },
      unitsSoldRange: { min: 100, max: 1000, label: '100-1K' },
      videoGpm: { minor: 1240, currency: 'USD' },
      avgVideoViews: 4100,
      engagementBps: 310,
    });
    expect(lee?.categories).toEqual(['Phones & Electronics']);
  });

  it('reads glyphs and ranges in the creator’s own currency (₫ has no minor unit)', () => {
    const thuy = only(list(listPage([thuyListed()])), 'emthuythuyyy');
    expect(thuy?.metrics).toEqual({
      followers: 124_062,
      gmv: { minor: 133_738_360, currency: 'VND' },
      gmvRange: { min: 1_000_000, label: '1M₫+', currency: 'VND' },
    });
  });

  it('resolves a currency from an ISO code, or a glyph the creator’s region uses, and otherwise gives none', () => {
    expect(currencyOf('EUR', 'US')).toBe('EUR');
    expect(currencyOf('$', 'US')).toBe('USD');
    expect(currencyOf('$', 'SG')).toBe('SGD');
    expect(currencyOf('RM', 'MY')).toBe('MYR');
    expect(currencyOf('£', undefined)).toBe('GBP');
    expect(currencyOf(undefined, 'ID')).toBe('IDR');
    expect(currencyOf('$', undefined)).toBeUndefined();
    expect(currencyOf('$', 'MY')).toBeUndefined();
    expect(currencyOf('¤', 'US')).toBeUndefined();
    const noRegion = only(list(listPage([mayaListed({ selection_region: undefined, gmv: { value: '12.00', symbol: '$' } })])), 'glowwithmaya');
    expect(noRegion?.metrics?.gmv).toBeUndefined();
    expect(noRegion?.metrics?.followers).toBe(125_300);
  });

  it('parses range labels in several locales', () => {
    const range = (label: string, region = 'US') =>
      only(list(listPage([mayaListed({ gmv: { is_authorized: false }, gmv_level: label, selection_region: region })])), 'glowwithmaya')?.metrics?.gmvRange;
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
    expect(range('Top 10%')).toEqual({ label: 'Top 10%' });
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
        leeListed({ gmv: { value: { value: '1,234.00' }, symbol: 'USD' } }),
        thuyListed(),
      ]),
    );
    expect(r.accepted).toBe(1);
    expect(r.rejections).toEqual([
      { path: 'creator_profile_list[].follower_cnt', code: 'invalid_union' },
      { path: 'creator_profile_list[].handle', code: 'custom' },
      { path: 'creator_profile_list[].gmv', code: 'invalid_union' },
    ]);
    expect(creators(r).map((c) => c.handle)).toEqual(['emthuythuyyy']);
    expect(JSON.stringify(r.rejections)).not.toMatch(/lots|1,234/);
  });

  it('rejects amounts and counts too large to stay exact', () => {
    const r = list(listPage([mayaListed({ gmv: { value: '1234567890123.45', symbol: 'USD' } }), mayaListed({ follower_cnt: '9999999999999999' })]));
    expect(r.rejections.map((x) => x.path)).toEqual(['creator_profile_list[].gmv', 'creator_profile_list[].follower_cnt']);
    const label = only(list(listPage([mayaListed({ gmv: null, gmv_level: '$999999999999999K+' })])), 'glowwithmaya');
    expect(label?.metrics?.gmvRange).toEqual({ label: '$999999999999999K+', currency: 'USD' });
  });

  it('treats the not-authorised placeholder and null as absent, and `{}` as a changed shape', () => {
    const r = list(listPage([mayaListed({ units_sold: { is_authorized: false, status: 0 }, video_gmv: null, ec_video_gpm: {} })]));
    expect(r.rejections).toEqual([{ path: 'creator_profile_list[].ec_video_gpm', code: 'invalid_union' }]);
    const ok = only(list(listPage([mayaListed({ units_sold: { is_authorized: false, status: 0 }, video_gmv: null })])), 'glowwithmaya');
    expect(ok?.metrics?.unitsSold).toBeUndefined();
    expect(ok?.metrics?.videoGmv).toBeUndefined();
  });

  it('ignores error envelopes and reports a list that is not a list', () => {
    expect(list({ code: 10000, message: 'captcha' })).toEqual({ records: {}, accepted: 0, rejections: [], skipped: true });
    expect(list({ code: 0, creator_profile_list: 'soon' }).rejections).toEqual([{ path: 'creator_profile_list', code: 'invalid_type' }]);
    expect(list('not json').accepted).toBe(0);
  });
});

describe('creators.rankings adapter', () => {
  it('stores the creators and the page of the ranking in rank order, keyed by the list it belongs to', () => {
    const page = rankPage();
    page.data.creator_rank_info_list.reverse();
    const r = creatorRankList.parse(page, rankBody());
    expect(r.rejections).toEqual([]);
    expect(r.accepted).toBe(3);
    expect(r.records.creatorRankings).toEqual([
      { list: '1|1|All|1', date: '2025-11-19', firstRank: 1, handles: ['glowwithmaya', 'lee.reviews', 'dapurbunda.id'] },
    ]);
    expect(creators(r).find((c) => c.handle === 'lee.reviews')).toEqual({
      handle: 'lee.reviews',
      aliases: [],
      metrics: { followers: 100_002 },
    });
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
});

describe('creators.profile adapter', () => {
  const part = (type: number, opts?: Parameters<typeof profilePart>[1]) => creatorProfile.parse(profilePart(type, opts), profileBody(type));
  const detail = (r: AdapterResult) => r.records.creatorDetails?.[0];

  it('reads each profile type into the same creator, with cid and oecuid aliases', () => {
    const metrics = [1, 2, 3, 4, 5, 6].map((t) => detail(part(t))?.creator.metrics);
    expect(metrics[0]).toEqual({
      followers: 125_300,
      gmv: { minor: 1_284_050, currency: 'USD' },
      unitsSold: 932,
      videoGmv: { minor: 1_020_000, currency: 'USD' },
      liveGmv: { minor: 0, currency: 'USD' },
    });
    expect(metrics[1]).toEqual({ followers: 125_300, fulfillmentBps: 9250, postRateBps: 9280, avgCommissionBps: 1500 });
    expect(metrics[2]).toEqual({
      followers: 125_300,
      avgVideoViews: 15_806,
      medianVideoViews: 13_450,
      engagementBps: 268,
      videoGpmRange: { min: 3820, max: 5950, label: '$38.2-$59.5', currency: 'USD' },
      videoCount: 21,
    });
    expect(metrics[3]).toEqual({
      followers: 125_300,
      avgLiveViewers: 0,
      liveGpm: { minor: 0, currency: 'USD' },
      liveGpmRange: { min: 0, max: 0, label: '$0-$0', currency: 'USD' },
      liveCount: 0,
    });
    expect(metrics[4]?.audience).toEqual({
      gender: [
        { key: 'female', bps: 7032 },
        { key: 'male', bps: 2481 },
      ],
      age: [
        { key: '18-24', bps: 4100 },
        { key: '25-34', bps: 3900 },
      ],
      location: [
        { key: 'CA', count: 2450 },
        { key: 'TX', count: 1387 },
      ],
    });
    expect(detail(part(6))).toMatchObject({ handle: 'glowwithmaya', cid: MAYA_CID, part: '6', creator: { aliases: [`cid:${MAYA_CID}`, `oecuid:${MAYA_CID}`], categories: ['Beauty & Personal Care'] } });
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
    expect(detail(part(1, { connect: { contact_info: [{ field: 99, value: 'somewhere' }] } }))?.contacts).toEqual([]);
  });

  it('accepts a part without a handle (tied to its cid later) but not one with neither', () => {
    const noHandle = creatorProfile.parse(profilePart(5, { profile: { handle: undefined, nickname: undefined } }), profileBody(5));
    expect(detail(noHandle)).toMatchObject({ handle: undefined, cid: MAYA_CID, part: '5' });
    expect(detail(creatorProfile.parse(profilePart(1), { creator_oec_id: MAYA_CID, profile_types: [3, 1, 3] }))?.part).toBe('1,3');
    const neither = creatorProfile.parse(profilePart(5, { profile: { handle: undefined }, connect: null }), {});
    expect(neither).toEqual({ records: {}, accepted: 0, rejections: [{ path: 'creator_profile.handle', code: 'custom' }] });
  });

  it('rejects a part whose profile or contact info changed shape, with the path', () => {
    expect(part(1, { profile: { med_gmv_revenue: { value: 'n/a', symbol: 'USD' } } }).rejections).toEqual([
      { path: 'creator_profile.med_gmv_revenue', code: 'invalid_union' },
    ]);
    expect(part(1, { connect: { contact_info: [{ field: 7, value: 42 }] } }).rejections).toEqual([
      { path: 'creator_connect_info.contact_info[].value', code: 'invalid_type' },
    ]);
    expect(creatorProfile.parse({ code: 0, message: 'success' }, profileBody(1)).rejections).toEqual([{ path: 'creator_profile', code: 'invalid_type' }]);
    expect(creatorProfile.parse({ code: 98001004 }, profileBody(1)).skipped).toBe(true);
  });
});

describe('creators.authProfiles adapter', () => {
  it('reads plain fields, the main industry as category, and the creator id as cid', () => {
    const r = creatorAuthProfiles.parse(authProfiles(), authBody());
    expect(r.records.creators).toEqual([
      { handle: 'glowwithmaya', nickname: 'Maya ✨ Skincare', aliases: [`cid:${MAYA_CID}`], categories: ['Beauty & Personal Care'], metrics: { followers: 125_300 } },
    ]);
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
    'creator_oecuid', 'handle', 'nickname', 'selection_region', 'follower_cnt', 'category', 'gmv', 'gmv_level', 'units_sold',
    'items_sold_range', 'video_gmv', 'ec_video_gpm', 'ec_video_avg_view_cnt', 'ec_video_engagement', 'creator_fulfillment_score_90d',
  ];
  const PROFILE_FIELDS = [...LIST_FIELDS, 'med_gmv_revenue', 'med_commission_rate', 'sample_fulfillment_rate', 'follower_genders_v2', 'follower_state_location', 'ec_live_gpm'];

  function checkCreator(c: Omit<CreatorFact, 'handle'> & { handle?: string }) {
    if (c.handle !== undefined) expect(c.handle).toMatch(/^[a-z0-9._]{1,64}$/);
    for (const a of c.aliases) expect(a).toMatch(/^(oecuid|cid):\d{1,24}$/);
    const m = c.metrics ?? {};
    for (const k of ['followers', 'unitsSold', 'avgVideoViews', 'medianVideoViews', 'avgLiveViewers', 'videoCount', 'liveCount'] as const) {
      const v = m[k];
      if (v !== undefined) expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
    }
    for (const k of ['engagementBps', 'fulfillmentBps', 'postRateBps', 'avgCommissionBps'] as const) {
      const v = m[k];
      if (v !== undefined) expect(Number.isInteger(v) && v >= 0 && v <= 10_000).toBe(true);
    }
    for (const k of ['gmv', 'videoGmv', 'liveGmv', 'videoGpm', 'liveGpm'] as const) {
      const v = m[k];
      if (v !== undefined) {
        expect(Number.isSafeInteger(v.minor)).toBe(true);
        expect(v.currency).toMatch(/^[A-Z]{3}$/);
      }
    }
    for (const k of ['gmvRange', 'unitsSoldRange', 'videoGpmRange', 'liveGpmRange'] as const) {
      const v = m[k];
      if (v?.min !== undefined) expect(Number.isSafeInteger(v.min)).toBe(true);
      if (v?.max !== undefined) expect(Number.isSafeInteger(v.max)).toBe(true);
    }
    for (const s of [...(m.audience?.gender ?? []), ...(m.audience?.age ?? []), ...(m.audience?.location ?? [])]) {
      expect(s.bps === undefined || Number.isSafeInteger(s.bps)).toBe(true);
      expect(s.count === undefined || Number.isSafeInteger(s.count)).toBe(true);
    }
  }

  it('find lists never throw and yield only well-formed creators', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LIST_FIELDS), mutate, fc.boolean(), (key, value, wrap) => {
        const record = mayaListed({ [key]: wrap ? { value, is_authorized: true } : value });
        const r = list(listPage([record, leeListed()]));
        for (const c of creators(r)) checkCreator(c);
        expect(r.accepted + (r.rejections.length ? 1 : 0)).toBe(2);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('profile parts never throw and yield only well-formed details', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.constantFrom(...PROFILE_FIELDS), mutate, (type, key, value) => {
        const r = creatorProfile.parse(profilePart(type, { profile: { [key]: value } }), profileBody(type));
        for (const d of r.records.creatorDetails ?? []) {
          checkCreator(d.creator);
          for (const c of d.contacts) expect(c.value.length).toBeLessThanOrEqual(330);
        }
        expect(r.accepted + (r.rejections.length ? 1 : 0)).toBe(1);
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
