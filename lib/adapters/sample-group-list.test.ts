import fc from 'fast-check';
import { anyJson } from '../../test/arbitraries';
import { describe, expect, it } from 'vitest';
import { apply, creatorMaya, toReviewPage } from '../../test/fixtures/sample-group-list';
import { sampleGroupList } from './sample-group-list';

const parse = (json: unknown, body: unknown = { tab: 10 }) => sampleGroupList.parse(json, body);

describe('sample.group.list adapter', () => {
  it('reads every element variant: apply_group with apply_infos beside or inside, apply_deatil and apply_detail', () => {
    const r = parse(toReviewPage());
    expect(r.rejections).toEqual([]);
    expect(r.accepted).toBe(5);
    expect((r.records.sampleRequests ?? []).map((s) => [s.applyId, s.creatorHandle])).toEqual([
      ['1729000000000000101', 'glowwithmaya'],
      ['1729000000000000102', 'glowwithmaya'],
      ['1729000000000000103', 'lee.reviews'],
      ['1729000000000000104', 'dapurbunda.id'],
      ['1729000000000000105', 'dapurbunda.id'],
    ]);
    expect((r.records.sampleRequests ?? [])[0]?.groupId).toBe('7300000000000000001');
  });

  it('keeps units: bps integers from numbers or strings, ms from strings, percent strings as bps', () => {
    const r = parse(toReviewPage());
    const [first, second, third] = (r.records.sampleRequests ?? []);
    expect(first).toMatchObject({ commissionBps: 1500, expiresInMs: 82_800_000, appliedAt: 1_763_696_400_000, status: 'PENDING' });
    expect(second).toMatchObject({ commissionBps: 2000, sampleType: 'REFUNDABLE_SAMPLE' });
    expect(third?.expiresInMs).toBe(7_200_000);
    const maya = (r.records.creators ?? []).find((c) => c.handle === 'glowwithmaya');
    expect(maya).toEqual({
      handle: 'glowwithmaya',
      nickname: 'Maya ✨ Skincare',
      aliases: ['cid:7494000000000000001'],
      followerCount: 125_300,
      fulfillmentBps: 6085,
    });
  });

  it('treats missing optional fields as unknown, not as zero', () => {
    const r = parse(toReviewPage());
    const budi = (r.records.creators ?? []).find((c) => c.handle === 'dapurbunda.id');
    expect(budi?.fulfillmentBps).toBeUndefined();
    const last = (r.records.sampleRequests ?? []).at(-1);
    expect(last?.commissionBps).toBeUndefined();
    expect(last?.skuId).toBeUndefined();
    expect((r.records.skus ?? []).find((s) => s.skuId === '1729600000000000001')?.description).toBeDefined();
  });

  it('rejects records of the wrong type with the path that broke, and keeps the rest', () => {
    const page = toReviewPage();
    const group = page.data.agg_info[0] as { apply_infos: Record<string, unknown>[] };
    group.apply_infos[1] = { ...group.apply_infos[1], commission_rate: { value: '15%' } };
    const r = parse(page);
    expect(r.accepted).toBe(4);
    expect(r.rejections).toEqual([{ path: 'agg_info[].apply_infos[].commission_rate', code: 'invalid_union' }]);
    expect((r.records.sampleRequests ?? []).map((s) => s.applyId)).not.toContain('1729000000000000102');
  });

  it('rejects every request of a creator without a handle, and never echoes the values', () => {
    const page = { data: { agg_info: [{ apply_deatil: { creator_info: { ...creatorMaya, name: null }, apply_info: apply() } }] } };
    const r = parse(page);
    expect(r.accepted).toBe(0);
    expect(r.rejections).toEqual([{ path: 'agg_info[].apply_deatil.creator_info.name', code: 'custom' }]);
    expect(JSON.stringify(r.rejections)).not.toContain('Maya');
  });

  it('rejects ids sent as unsafe JSON numbers (digits already lost) and missing ids', () => {
    const page = {
      data: {
        agg_info: [
          { apply_detail: { creator_info: creatorMaya, apply_info: apply({ apply_id: 1729000000000000101 }) } },
          { apply_detail: { creator_info: creatorMaya, apply_info: apply({ apply_id: undefined }) } },
        ],
      },
    };
    const r = parse(page);
    expect(r.accepted).toBe(0);
    expect(r.rejections.map((x) => x.path)).toEqual(['agg_info[].apply_detail.apply_info.apply_id', 'agg_info[].apply_detail.apply_info.apply_id']);
  });

  it('falls back to the tab for a missing or unreadable status, keeping what was sent raw', () => {
    const page = {
      data: {
        agg_info: [
          { apply_detail: { creator_info: creatorMaya, apply_info: apply({ status: undefined }) } },
          { apply_detail: { creator_info: creatorMaya, apply_info: apply({ apply_id: '2', status: 'NEW_FANCY_STATE' }) } },
          { apply_detail: { creator_info: creatorMaya, apply_info: apply({ apply_id: '3', status: 7 }) } },
        ],
      },
    };
    const r = parse(page, { tab: 30 });
    expect((r.records.sampleRequests ?? []).map((s) => [s.status, s.statusRaw])).toEqual([
      ['SHIPPED', 'tab:30'],
      ['SHIPPED', 'NEW_FANCY_STATE'],
      ['SHIPPED', '7'],
    ]);
    const noTab = parse(page, {});
    expect((noTab.records.sampleRequests ?? []).map((s) => [s.status, s.statusRaw])).toEqual([
      ['UNKNOWN', ''],
      ['UNKNOWN', 'NEW_FANCY_STATE'],
      ['UNKNOWN', '7'],
    ]);
  });

  describe.each([
    [10, 'To review', 'PENDING', ['PENDING']],
    [20, 'Ready to ship', 'AWAITING_SHIPMENT', ['AWAITING_SHIPMENT']],
    [30, 'Shipped', 'SHIPPED', ['SHIPPED']],
    [40, 'In progress', 'CONTENT_PENDING', ['CONTENT_PENDING']],
    [50, 'Completed', 'COMPLETED', ['COMPLETED', 'OPS_COMPLETED']],
    [60, 'Cancelled', 'UNKNOWN', ['REJECT_CANCELLED', 'OVERDUE_CANCELLED', 'SELLER_NOT_SHIP_CANCELLED', 'WITHDRAW_CANCELLED', 'UNFULFILL_CANCELLED', 'UNFULFILLABLE_CANCELLED', 'DEL_OPEN_COLLAB', 'OPS_CANCELLED', 'OPS_FAILED']],
  ] as const)('tab %i (%s)', (tab, _label, fromTab, listed) => {
    it(`keeps every status the tab lists as sent (${listed.join(', ')})`, () => {
      const page = { data: { agg_info: listed.map((s, i) => ({ apply_detail: { creator_info: creatorMaya, apply_info: apply({ apply_id: String(100 + i), status: s, expired_in: '0' }) } })) } };
      const r = parse(page, { tab, cur_page: 1, page_size: 50 });
      expect(r.rejections).toEqual([]);
      expect((r.records.sampleRequests ?? []).map((s) => [s.status, s.statusRaw])).toEqual(listed.map((s) => [s, s]));
    });

    it(`falls back to ${fromTab} for a record without a status, and says it came from the tab`, () => {
      const page = { data: { agg_info: [{ apply_detail: { creator_info: creatorMaya, apply_info: apply({ status: null }) } }] } };
      const r = parse(page, { tab, cur_page: 1, page_size: 50 });
      expect(r.records.sampleRequests?.[0]).toMatchObject({ status: fromTab, statusRaw: `tab:${tab}` });
    });
  });

  it('ignores error envelopes (captcha, quota) without calling them a changed shape', () => {
    expect(parse({ code: 98001004, message: 'invalid parameters' })).toEqual({ records: {}, accepted: 0, rejections: [], skipped: true });
  });

  it('reads an empty tab as empty, and reports a wrong agg_info and elements it does not recognise', () => {
    expect(parse({ code: 0, data: { agg_info: 'soon' } }).rejections).toEqual([{ path: 'data.agg_info', code: 'invalid_type' }]);
    expect(parse({ code: 0, data: { agg_info: null, total_count: 0 } })).toEqual({ records: {}, accepted: 0, rejections: [] });
    expect(parse({ code: 0, data: {} }).rejections).toEqual([]);
    expect(parse({ data: { agg_info: [{ something_new: {} }, 7] } }).rejections).toEqual([
      { path: 'agg_info[]', code: 'unrecognised_element' },
      { path: 'agg_info[]', code: 'unrecognised_element' },
    ]);
    expect(parse('not an object').rejections[0]?.code).toBe('invalid_type');
  });

  it('never throws and only yields well-formed records, whatever the response turns into', () => {
    const mutate = anyJson;
    const paths = ['apply_id', 'product_id', 'product_title', 'commission_rate', 'expired_in', 'status', 'sku_id', 'apply_time'];
    fc.assert(
      fc.property(fc.constantFrom(...paths), mutate, fc.constantFrom('name', 'follower_cnt', 'fulfillment_percentage'), mutate, (field, value, cField, cValue) => {
        const page = {
          data: { agg_info: [{ apply_detail: { creator_info: { ...creatorMaya, [cField]: cValue }, apply_info: apply({ [field]: value }) } }] },
        };
        const r = parse(page);
        for (const s of (r.records.sampleRequests ?? [])) {
          expect(s.applyId).toMatch(/^\d{1,24}$/);
          expect(s.creatorHandle).toMatch(/^[a-z0-9._]{1,64}$/);
          if (s.commissionBps !== undefined) expect(Number.isInteger(s.commissionBps) && s.commissionBps >= 0 && s.commissionBps <= 10_000).toBe(true);
          if (s.expiresInMs !== undefined) expect(Number.isInteger(s.expiresInMs) && s.expiresInMs >= 0).toBe(true);
        }
        expect(r.accepted + (r.rejections.length ? 1 : 0)).toBe(1);
      }),
      { numRuns: 400 },
    );
  });
});
