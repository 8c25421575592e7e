import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectNoSilentDrop, expectReadsCover, outcome } from '../../test/adapter-harness';
import { anyJson } from '../../test/arbitraries';
import { apply, creatorBudi, creatorLee, creatorMaya, element, idsOf, NOW, toReviewPage } from '../../test/fixtures/sample-group-list';
import tab10 from '../../test/fixtures/real-shapes/sample-group-list.tab10.zn-fixture.json';
import tab30 from '../../test/fixtures/real-shapes/sample-group-list.tab30.zn-fixture.json';
import { money } from '../domain/money';
import { sampleGroupList } from './sample-group-list';

const US = { region: 'US' };
const parse = (json: unknown, body: unknown = { tab: 10 }, context: { region: string } | undefined = US) => sampleGroupList.parse(json, body, context);
const copy = <T>(x: T): T => structuredClone(x);
type Json = Record<string, any>;
const requests = (r: ReturnType<typeof parse>) => r.records.sampleRequests ?? [];

describe('sample.group.list on the real-shape fixtures (real-shapes.md §1)', () => {
  it.each([
    ['tab10', tab10, 10],
    ['tab30', tab30, 30],
  ] as const)('%s: reads every request of the group from apply_infos and apply_info, declares what it reads, drops nothing', (_name, fixture, tab) => {
    const body = { tab, cur_page: 1, page_size: 50 };
    const r = outcome(sampleGroupList, fixture, body);
    expect(r.rejections).toEqual([]);
    expect(requests(r).map((s) => [s.applyId, s.productId, s.creatorHandle, s.groupId])).toEqual([
      ['8000000000000000001', '1700000000000000001', 'creator_test', '7000000000000000001'],
      ['8000000000000000002', '1700000000000000002', 'creator_test', '7000000000000000001'],
    ]);
    expectReadsCover(sampleGroupList, fixture, body);
    expectNoSilentDrop(sampleGroupList, fixture, 'agg_info', body);
    expect(sampleGroupList.variantOf?.(body)).toBe(`tab:${tab}`);
  });

  it('takes the state from curr_status where the record sends one, else from the tab, and keeps the raw codes', () => {
    const [first, second] = requests(parse(tab30, { tab: 30 }));
    expect(first).toMatchObject({ status: 'SHIPPED', statusRaw: 'curr_status:30', reviewStatusRaw: '10', mainOrderId: '576000000000000001' });
    expect(second).toMatchObject({ status: 'SHIPPED', statusRaw: 'tab:30' });
    expect(second).not.toHaveProperty('reviewStatusRaw');
    // The record's own code wins over the tab it was asked under.
    expect(requests(parse(tab30, { tab: 10 }))[0]).toMatchObject({ status: 'SHIPPED', statusRaw: 'curr_status:30' });
    expect(requests(parse(tab10, { tab: 10 })).map((s) => [s.status, s.statusRaw])).toEqual([
      ['PENDING', 'tab:10'],
      ['PENDING', 'tab:10'],
    ]);
  });

  it('keeps TikTok’s flag, and the product only where its title came (the other keeps the title it was seen with)', () => {
    const r = parse(tab10);
    expect(requests(r)[0]?.tiktok).toEqual({ canBeApproved: true });
    expect(requests(r)[1]).not.toHaveProperty('tiktok');
    expect(r.records.products).toEqual([{ productId: '1700000000000000001', title: 'Synthetic sample product' }]);
    expect(r.records.skus).toEqual([{ skuId: '1700000000000000011', productId: '1700000000000000001', description: 'Synthetic size', stock: undefined }]);
  });

  it('reads the creator’s display figures in the shop’s locale', () => {
    const [creator] = parse(tab10).records.creators ?? [];
    expect(creator).toEqual({
      handle: 'creator_test',
      nickname: 'Creator Test',
      aliases: ['cid:7000000000000000001'],
      followerCount: 3200,
      fulfillmentBps: 9100,
      metrics: {
        followers: 3200,
        gmv: money('2400', 'USD'),
        unitsSold: 120,
        fulfillmentBps: 9100,
        contentVideoViews: 18_000,
        audience: { gender: [{ key: 'female', bps: 6800 }], age: [{ key: '25-34', bps: 4200 }] },
      },
      categories: ['Womenswear & Underwear'],
    });
  });

  it('does not store a dollar GMV in an Indonesian shop, nor one of an unknown region, and rejects nothing for it', () => {
    for (const region of ['ID', 'XX']) {
      const r = parse(tab10, { tab: 10 }, { region });
      expect(r.rejections).toEqual([]);
      const metrics = r.records.creators?.[0]?.metrics;
      expect(metrics?.gmv).toBeUndefined();
      expect(metrics?.followers).toBe(3200);
    }
    const rupiah = copy(tab10) as Json;
    rupiah.agg_info[0].apply_group.creator_info.gmv = 'Rp130.973.930';
    expect(parse(rupiah, { tab: 10 }, { region: 'ID' }).records.creators?.[0]?.metrics?.gmv).toEqual(money('130973930', 'IDR'));
  });

  describe('mutations of the fixtures', () => {
    const mutated = (change: (el: Json) => void) => {
      const json = copy(tab10) as Json;
      change(json.agg_info[0]);
      return json;
    };

    it.each([
      ['apply_group left out: the creator comes from apply_deatil', (el: Json) => delete el.apply_group, 2],
      ['creator_info only in apply_deatil', (el: Json) => delete el.apply_group.creator_info, 2],
      ['creator_info only in apply_group', (el: Json) => delete el.apply_deatil.creator_info, 2],
      ['spelled apply_detail', (el: Json) => ((el.apply_detail = el.apply_deatil), delete el.apply_deatil), 2],
      ['apply_infos repeating apply_info in full', (el: Json) => (el.apply_deatil.apply_infos[0] = { ...el.apply_deatil.apply_info }), 2],
      ['more requests to load (has_more): the ids the group names are not all listed', (el: Json) => ((el.apply_deatil.has_more = true), el.apply_deatil.apply_infos.pop()), 1],
    ])('%s', (_name, change, count) => {
      const json = mutated(change);
      const r = outcome(sampleGroupList, json, { tab: 10 });
      expect(r.rejections).toEqual([]);
      expect(requests(r).map((s) => s.creatorHandle)).toEqual(Array(count).fill('creator_test'));
      expectReadsCover(sampleGroupList, json, { tab: 10 });
    });

    it('reads the list under data as well (domain.md’s envelope)', () => {
      const json = copy(tab10) as Json;
      const under = { code: 0, message: 'success', data: { agg_info: json.agg_info, total_count: 1, has_more: false } };
      expect(requests(parse(under)).map((s) => s.applyId)).toEqual(['8000000000000000001', '8000000000000000002']);
      expectReadsCover(sampleGroupList, under, { tab: 10 });
      expectNoSilentDrop(sampleGroupList, under, 'data.agg_info', { tab: 10 });
    });

    it('rejects an element with no request in it, with its path, instead of dropping it', () => {
      expect(parse(mutated((el) => delete el.apply_deatil)).rejections).toEqual([{ path: 'agg_info[].apply_deatil', code: 'missing' }]);
      const noInfos = mutated((el) => {
        delete el.apply_deatil.apply_info;
        delete el.apply_deatil.apply_infos;
      });
      expect(parse(noInfos)).toEqual({ records: {}, accepted: 0, rejections: [{ path: 'agg_info[].apply_deatil.apply_info', code: 'missing' }] });
    });

    it('says when the group names a request that none of its lists carried', () => {
      const r = parse(mutated((el) => delete el.apply_deatil.apply_infos));
      expect(requests(r).map((s) => s.applyId)).toEqual(['8000000000000000001']);
      expect(r.rejections).toEqual([{ path: 'agg_info[].apply_group.apply_ids[]', code: 'not_listed' }]);
    });

    it('rejects the requests of a creator without a handle, never echoing a value', () => {
      const r = parse(
        mutated((el) => {
          el.apply_group.creator_info.name = null;
          delete el.apply_deatil.creator_info.name;
        }),
      );
      expect(r.accepted).toBe(0);
      expect(r.rejections).toEqual([{ path: 'agg_info[].apply_group.creator_info.name', code: 'custom' }]);
      expect(JSON.stringify(r.rejections)).not.toContain('creator_test');
    });

    it('keeps a request whose creator figure changed shape, rejecting that figure’s path only', () => {
      const r = parse(
        mutated((el) => {
          for (const c of [el.apply_group.creator_info, el.apply_deatil.creator_info]) {
            c.gmv = { value: '2400', symbol: 'USD' };
            c.follower_num = 'lots';
            c.fulfillment_rate = '';
            c.top_follower_gender = [{ key: 'female', value: 'most' }];
          }
        }),
      );
      expect(r.accepted).toBe(2);
      expect(r.rejections).toEqual([
        { path: 'agg_info[].apply_group.creator_info.gmv', code: 'invalid_type' },
        { path: 'agg_info[].apply_group.creator_info.follower_num', code: 'unreadable' },
        { path: 'agg_info[].apply_group.creator_info.top_follower_gender[].value', code: 'unreadable' },
      ]);
      const metrics = r.records.creators?.[0]?.metrics;
      expect(metrics).toEqual({ unitsSold: 120, contentVideoViews: 18_000, audience: { age: [{ key: '25-34', bps: 4200 }] } });
    });

    it('rejects a request whose own field changed shape, and keeps the other', () => {
      const r = parse(mutated((el) => (el.apply_deatil.apply_info.can_be_approved = { value: true })));
      expect(requests(r).map((s) => s.applyId)).toEqual(['8000000000000000002']);
      expect(r.rejections).toEqual([{ path: 'agg_info[].apply_deatil.apply_info.can_be_approved', code: 'invalid_union' }]);
    });

    it('keeps an unknown curr_status raw, taking the state from the tab (UNKNOWN for a tab we have no code for)', () => {
      const json = mutated((el) => (el.apply_deatil.apply_info.curr_status = 70));
      expect(requests(parse(json, { tab: 60 }))[0]).toMatchObject({ status: 'CANCELLED', statusRaw: 'curr_status:70' });
      expect(requests(parse(json, { tab: 70 }))[0]).toMatchObject({ status: 'UNKNOWN', statusRaw: 'curr_status:70' });
      expect(requests(parse(json, {}))[1]).toMatchObject({ status: 'UNKNOWN', statusRaw: '' });
    });
  });
});

describe('sample.group.list on a page of the real shape', () => {
  it('reads the five requests of four elements, in the group’s order', () => {
    const r = outcome(sampleGroupList, toReviewPage(), { tab: 10 });
    expect(r.rejections).toEqual([]);
    expect(requests(r).map((s) => [s.applyId, s.creatorHandle])).toEqual([
      ['1729000000000000101', 'glowwithmaya'],
      ['1729000000000000102', 'glowwithmaya'],
      ['1729000000000000103', 'lee.reviews'],
      ['1729000000000000104', 'dapurbunda.id'],
      ['1729000000000000105', 'dapurbunda.id'],
    ]);
    expectReadsCover(sampleGroupList, toReviewPage(), { tab: 10 });
    expectNoSilentDrop(sampleGroupList, toReviewPage(), 'agg_info', { tab: 10 });
  });

  it('keeps units: bps from strings, the standard commission as fallback, ms from strings, the SKU price as Money, scores as decimals', () => {
    const r = parse(toReviewPage());
    const [first, second, third, , fifth] = requests(r);
    expect(first).toMatchObject({
      commissionBps: 1500,
      expiresInMs: 82_800_000,
      appliedAt: NOW - 3_600_000,
      status: 'PENDING',
      statusRaw: 'curr_status:10',
      reviewStatusRaw: '10',
      tiktok: { canBeApproved: true, operable: true, predictedRoi: 0.3, finalScore: 0.7215, exposureScore: 0.5 },
    });
    expect(first).not.toHaveProperty('mainOrderId');
    expect(second).toMatchObject({ commissionBps: 2000, tiktok: { canBeApproved: false, predictedRoi: 0.125 } });
    expect(third?.expiresInMs).toBe(7_200_000);
    expect(fifth).toMatchObject({ commissionBps: undefined, skuId: undefined });
    expect(r.records.products?.find((p) => p.productId === '1729500000000000002')).toEqual({ productId: '1729500000000000002', title: 'Vitamin C Glow Cream', price: money('32', 'USD') });
    expect(r.records.products?.find((p) => p.productId === '1729500000000000003')).toEqual({ productId: '1729500000000000003', title: 'Bamboo Charcoal Soap' });
    const fallback = parse({ agg_info: [element('1', creatorMaya, apply({ commission_rate: undefined }))] });
    expect(requests(fallback)[0]?.commissionBps).toBe(1000);
  });

  it('treats blank figures as unknown, not as zero, and not as a failure', () => {
    const r = parse(toReviewPage());
    const budi = r.records.creators?.find((c) => c.handle === 'dapurbunda.id');
    expect(budi).toEqual({ handle: 'dapurbunda.id', nickname: 'Dapur Bunda', aliases: ['cid:7494000000000000002'], followerCount: 8100, metrics: { followers: 8100 } });
    const lee = r.records.creators?.find((c) => c.handle === 'lee.reviews');
    expect(lee).toEqual({ handle: 'lee.reviews', nickname: 'Lee', aliases: ['cid:7494000000000003'] });
  });

  it('rejects ids sent as unsafe JSON numbers (digits already lost) and missing ids', () => {
    const page = {
      agg_info: [
        { apply_deatil: { creator_info: creatorMaya, apply_info: apply({ apply_id: 1729000000000000101 }) } },
        { apply_deatil: { creator_info: creatorMaya, apply_info: apply({ apply_id: undefined }) } },
      ],
    };
    const r = parse(page);
    expect(r.accepted).toBe(0);
    expect(r.rejections.map((x) => x.path)).toEqual(['agg_info[].apply_deatil.apply_info.apply_id', 'agg_info[].apply_deatil.apply_info.apply_id']);
  });

  it('reads a status name sent beside the code (domain.md), the known code winning', () => {
    const page = {
      agg_info: [
        element('1', creatorMaya, apply({ curr_status: 60, status: 'REJECT_CANCELLED' })),
        element('2', creatorMaya, apply({ apply_id: '2', curr_status: 30, status: 'PENDING' })),
        element('3', creatorMaya, apply({ apply_id: '3', curr_status: undefined, status: 'NEW_FANCY_STATE' })),
      ],
    };
    expect(requests(parse(page, { tab: 60 })).map((s) => [s.status, s.statusRaw])).toEqual([
      ['REJECT_CANCELLED', 'curr_status:60 REJECT_CANCELLED'],
      ['SHIPPED', 'curr_status:30 PENDING'],
      ['CANCELLED', 'NEW_FANCY_STATE'],
    ]);
  });

  describe.each([
    [10, 'PENDING'],
    [20, 'AWAITING_SHIPMENT'],
    [30, 'SHIPPED'],
    [40, 'CONTENT_PENDING'],
    [50, 'COMPLETED'],
    [60, 'CANCELLED'],
  ] as const)('tab %i', (tab, fromTab) => {
    it(`reads ${fromTab} from the tab for a record without curr_status, and says it came from the tab`, () => {
      const page = { agg_info: [element('1', creatorMaya, apply({ curr_status: undefined }))] };
      expect(requests(parse(page, { tab, cur_page: 1, page_size: 50 }))[0]).toMatchObject({ status: fromTab, statusRaw: `tab:${tab}` });
    });

    if (tab <= 40) {
      it('reads the same state from the record’s own curr_status, whatever tab asked', () => {
        const page = { agg_info: [element('1', creatorMaya, apply({ curr_status: tab }))] };
        expect(requests(parse(page, { tab: 50 }))[0]).toMatchObject({ status: fromTab, statusRaw: `curr_status:${tab}` });
      });
    }
  });
});

describe('sample.group.list on domain.md’s forms (still accepted)', () => {
  const legacy = (overrides: Record<string, unknown> = {}) => ({
    apply_id: '1729000000000000101',
    product_id: '1729500000000000001',
    product_title: 'Rose Hydrating Serum 30ml',
    sku_id: '1729600000000000001',
    commission_rate: 1500,
    status: 'PENDING',
    sample_type: 'FREE_SAMPLE',
    apply_time: String(NOW - 3_600_000),
    expired_in: '82800000',
    ...overrides,
  });
  const legacyCreator = { creator_id: '7494000000000000001', name: 'glowwithmaya', nick_name: 'Maya', follower_cnt: '125300', fulfillment_percentage: '60.85%' };
  const page = () => ({
    code: 0,
    data: {
      agg_info: [
        { apply_group: { group_id: '7300000000000000001', creator_info: legacyCreator }, apply_infos: [legacy(), legacy({ apply_id: '102', sample_type: 'REFUNDABLE_SAMPLE' })] },
        { apply_group: { group_id: '7300000000000000002', creator_info: creatorLee, apply_infos: [legacy({ apply_id: '103' })] } },
        { apply_deatil: { creator_info: creatorBudi, apply_info: legacy({ apply_id: '104' }) } },
        { apply_detail: { creator_info: creatorBudi, apply_info: legacy({ apply_id: '105', status: 'NEW_FANCY_STATE' }) } },
      ],
      total_count: 5,
    },
  });

  it('reads apply_infos beside or inside apply_group, a lone apply_deatil or apply_detail, status names and apply_time', () => {
    const r = outcome(sampleGroupList, page(), { tab: 30 });
    expect(r.rejections).toEqual([]);
    expect(requests(r).map((s) => [s.applyId, s.creatorHandle, s.status, s.statusRaw])).toEqual([
      ['1729000000000000101', 'glowwithmaya', 'PENDING', 'PENDING'],
      ['102', 'glowwithmaya', 'PENDING', 'PENDING'],
      ['103', 'lee.reviews', 'PENDING', 'PENDING'],
      ['104', 'dapurbunda.id', 'PENDING', 'PENDING'],
      ['105', 'dapurbunda.id', 'SHIPPED', 'NEW_FANCY_STATE'],
    ]);
    expect(requests(r)[0]).toMatchObject({ appliedAt: NOW - 3_600_000, sampleType: 'FREE_SAMPLE', groupId: '7300000000000000001' });
    expect(requests(r)[1]?.sampleType).toBe('REFUNDABLE_SAMPLE');
    expect(r.records.creators?.[0]).toEqual({ handle: 'glowwithmaya', nickname: 'Maya', aliases: ['cid:7494000000000000001'], followerCount: 125_300, fulfillmentBps: 6085 });
    expectReadsCover(sampleGroupList, page(), { tab: 30 });
    expectNoSilentDrop(sampleGroupList, page(), 'data.agg_info', { tab: 30 });
  });

  it('rejects a group with no request in it rather than dropping it', () => {
    const r = parse({ data: { agg_info: [{ apply_group: { group_id: '1', creator_info: legacyCreator } }] } });
    expect(r).toEqual({ records: {}, accepted: 0, rejections: [{ path: 'agg_info[].apply_deatil', code: 'missing' }] });
  });

  it('rejects a record of the wrong type with the path that broke, and keeps the rest', () => {
    const broken = page();
    (broken.data.agg_info[0] as { apply_infos: unknown[] }).apply_infos[1] = legacy({ apply_id: '102', commission_rate: { value: '15%' } });
    const r = parse(broken);
    expect(r.accepted).toBe(4);
    expect(r.rejections).toEqual([{ path: 'agg_info[].apply_infos[].commission_rate', code: 'invalid_union' }]);
  });
});

describe('sample.group.list envelopes', () => {
  it('ignores error envelopes (captcha, quota) without calling them a changed shape', () => {
    expect(parse({ code: 98001004, message: 'invalid parameters' })).toEqual({ records: {}, accepted: 0, rejections: [], skipped: true });
  });

  it('reads an empty tab as empty, and reports a wrong agg_info and elements it does not recognise', () => {
    expect(parse({ code: 0, data: { agg_info: 'soon' } }).rejections).toEqual([{ path: 'data.agg_info', code: 'invalid_type' }]);
    expect(outcome(sampleGroupList, { code: 0, message: '', agg_info: [], total_count: 0, has_more: false, view_type: 1, is_predict_fulfillment_rate: true }, { tab: 10 }).rejections).toEqual([]);
    expect(parse({ code: 0, data: { agg_info: null, total_count: 0 } })).toEqual({ records: {}, accepted: 0, rejections: [] });
    expect(parse({ agg_info: [{ something_new: {} }, 7] }).rejections).toEqual([
      { path: 'agg_info[]', code: 'unrecognised_element' },
      { path: 'agg_info[]', code: 'unrecognised_element' },
    ]);
    expect(parse('not an object').rejections[0]?.code).toBe('invalid_type');
    expect(sampleGroupList.variantOf?.({ cur_page: 1 })).toBeUndefined();
  });

  it('never throws and only yields well-formed records, whatever a field turns into', () => {
    const fields = ['apply_id', 'product_id', 'product_title', 'commission_rate', 'expired_in', 'curr_status', 'sku_id', 'create_time', 'can_be_approved', 'predict_roi', 'sku_price'];
    const creatorFields = ['name', 'follower_num', 'gmv', 'fulfillment_rate', 'item_sold', 'top_follower_gender', 'categories'];
    fc.assert(
      fc.property(fc.constantFrom(...fields), anyJson, fc.constantFrom(...creatorFields), anyJson, fc.constantFrom('US', 'ID', 'XX'), (field, value, cField, cValue, region) => {
        const creator = { ...creatorMaya, [cField]: cValue };
        const page = { agg_info: [element('1', creator, apply({ [field]: value }), [idsOf(apply())])] };
        const r = parse(page, { tab: 10 }, { region });
        for (const s of requests(r)) {
          expect(s.applyId).toMatch(/^\d{1,24}$/);
          expect(s.creatorHandle).toMatch(/^[a-z0-9._]{1,64}$/);
          if (s.commissionBps !== undefined) expect(Number.isInteger(s.commissionBps) && s.commissionBps >= 0 && s.commissionBps <= 10_000).toBe(true);
          if (s.expiresInMs !== undefined) expect(Number.isInteger(s.expiresInMs) && s.expiresInMs >= 0).toBe(true);
        }
        const m = r.records.creators?.[0]?.metrics;
        if (m?.gmv) expect(Number.isSafeInteger(m.gmv.minor)).toBe(true);
        if (m?.fulfillmentBps !== undefined) expect(m.fulfillmentBps >= 0 && m.fulfillmentBps <= 10_000).toBe(true);
        expect(r.accepted + r.rejections.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });
});
