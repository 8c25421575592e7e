import fc from 'fast-check';
import { anyJson } from '../../test/arbitraries';
import { describe, expect, it } from 'vitest';
import { expectNoSilentDrop, expectReadsCover, outcome } from '../../test/adapter-harness';
import { shapeOf } from '../shapes/shape';
import { unreadPaths } from '../shapes/unread';
import { detailCreator, detailPage, detailProduct, NOW, searchItem, searchPage, searchPageTabEnum } from '../../test/fixtures/collaborations';
import { invitationsDetail, invitationsSearch } from './invitations';

const search = (json: unknown, body: unknown = { invitation_group_status: 1 }) => invitationsSearch.parse(json, body);
const detail = (json: unknown, body: unknown = { invitation_group_id: '7510000000000000001' }) => invitationsDetail.parse(json, body);

const DAY = 86_400_000;

describe('invitations.search adapter', () => {
  it('reads every invitation of a page with its counts, times, free-sample rule and products, in the state of its tab', () => {
    const r = search(searchPage());
    expect(r.rejections).toEqual([]);
    expect(r.accepted).toBe(3 + 3);
    const [first, expiring, hostile] = r.records.invitations ?? [];
    expect(first).toEqual({
      id: '7510000000000000001',
      name: 'Spring glow serum push',
      message: undefined,
      status: 'ONGOING',
      statusRaw: 'tab:1',
      groupStatusRaw: '2',
      startAt: NOW - 10 * DAY,
      endAt: NOW + 20 * DAY,
      groupType: '1',
      freeSample: { offered: true, autoApproved: false },
      counts: { creators: 3, accepted: 2, posted: 1, products: 2 },
      contacts: undefined,
      contentPreference: undefined,
    });
    expect(expiring).toMatchObject({ status: 'ONGOING', statusRaw: 'tab:1', groupStatusRaw: '2', counts: { creators: 8, accepted: 0, posted: 0, products: 1 }, freeSample: { offered: false } });
    expect(expiring?.freeSample?.autoApproved).toBeUndefined();
    // Hostile text stays text; a record without its own code is in the state of its tab all the same.
    expect(hostile).toMatchObject({ name: '<img src=x onerror=alert(1)>', status: 'ONGOING', statusRaw: 'tab:1', freeSample: undefined });
    expect(hostile?.groupStatusRaw).toBeUndefined();
  });

  it('never maps a record’s group_status: both readings of the code give the state of the tab, the code kept as sent', () => {
    // [conflict] The live-verified reading (2 = ongoing) and the tab-enum reading (1 = Ongoing) of the same page.
    const live = search(searchPage()).records.invitations ?? [];
    const tabEnum = search(searchPageTabEnum()).records.invitations ?? [];
    expect(live.map((i) => i.status)).toEqual(tabEnum.map((i) => i.status));
    expect(live.map((i) => i.groupStatusRaw)).toEqual(['2', '2', undefined]);
    expect(tabEnum.map((i) => i.groupStatusRaw)).toEqual(['1', '1', undefined]);
    // The Completed tab lists an invitation whose code reads "ongoing" either way: the tab says what it is.
    const completed = search(searchPage(), { invitation_group_status: 4 }).records.invitations ?? [];
    expect(completed.map((i) => [i.status, i.statusRaw, i.groupStatusRaw])).toEqual([
      ['COMPLETED', 'tab:4', '2'],
      ['COMPLETED', 'tab:4', '2'],
      ['COMPLETED', 'tab:4', undefined],
    ]);
  });

  it('treats the tab enum as open: an unknown tab or none gives UNKNOWN, with what the state rests on', () => {
    const page = { code: 0, data: { invitation_list: [searchItem({ group_status: 5 }), searchItem({ id: '7510000000000000009', group_status: 'COMPLETED' })] } };
    expect(search(page, {}).records.invitations?.map((i) => [i.status, i.statusRaw, i.groupStatusRaw])).toEqual([
      ['UNKNOWN', '', '5'],
      ['UNKNOWN', '', 'COMPLETED'],
    ]);
    expect(search(page, { invitation_group_status: 5 }).records.invitations?.map((i) => [i.status, i.statusRaw])).toEqual([
      ['UNKNOWN', 'tab:5'],
      ['UNKNOWN', 'tab:5'],
    ]);
  });

  it('names the form of answer by the tab asked for, from the request’s enum only', () => {
    expect(invitationsSearch.variantOf?.({ invitation_group_status: 2, cur_page: 1 })).toBe('status:2');
    expect(invitationsSearch.variantOf?.({ invitation_group_status: 'Ongoing' })).toBeUndefined();
    expect(invitationsSearch.variantOf?.({ invitation_group_status: 123456 })).toBeUndefined();
    expect(invitationsSearch.variantOf?.(undefined)).toBeUndefined();
  });

  it('declares every path it reads, on every form of answer, and drops no record silently', () => {
    for (const [page, body] of [
      [searchPage(), { invitation_group_status: 1 }],
      [searchPageTabEnum(), { invitation_group_status: 1 }],
      [searchPage(), { invitation_group_status: 4 }],
      [searchPage(), {}],
    ] as const) {
      expectReadsCover(invitationsSearch, page, body);
      expectNoSilentDrop(invitationsSearch, page, 'data.invitation_list', body);
      expectNoSilentDrop(invitationsSearch, page, 'data.invitation_list.0.product_list', body);
      expect(outcome(invitationsSearch, page, body).rejections).toEqual([]);
    }
  });

  it('reads an empty tab as empty, paging included, and reports a list it cannot find', () => {
    expect(outcome(invitationsSearch, { code: 0, message: 'success', data: { invitation_list: [], total: 0, has_more: false } }, {}).rejections).toEqual([]);
    const moved = outcome(invitationsSearch, { code: 0, data: { invitation_groups: [searchItem()], total: 1 } }, { invitation_group_status: 1 });
    expect(moved.accepted).toBe(0);
    expect(moved.rejections).toContainEqual({ path: 'data.invitation_groups', code: 'no_record' });
  });

  it('turns listed products into invitation products with their commissions in bps, and product facts', () => {
    const r = search(searchPage());
    expect(r.records.invitationProducts).toEqual([
      { invitationId: '7510000000000000001', productId: '1729500000000000001', targetCommissionBps: 2000, adsCommissionBps: undefined, openCommissionBps: 1200, commissionEffectiveAt: undefined },
      { invitationId: '7510000000000000001', productId: '1729500000000000002', targetCommissionBps: 1800, adsCommissionBps: undefined, openCommissionBps: undefined, commissionEffectiveAt: undefined },
      { invitationId: '7510000000000000002', productId: '1729500000000000003', targetCommissionBps: undefined, adsCommissionBps: undefined, openCommissionBps: undefined, commissionEffectiveAt: undefined },
    ]);
    expect(r.records.products?.map((p) => p.productId)).toEqual(['1729500000000000001', '1729500000000000002', '1729500000000000003']);
  });

  it('rejects a broken invitation whole with its path, and a broken product alone', () => {
    const page = searchPage();
    page.data.invitation_list[0] = searchItem({ end_time: 'soon' });
    (page.data.invitation_list[1] as { product_list: unknown[] }).product_list = [{ product_id: '1729500000000000003', target_commission: '15%' }];
    const r = search(page);
    expect(r.rejections).toEqual([
      { path: 'invitation_list[].end_time', code: 'invalid_union' },
      { path: 'invitation_list[].product_list[].target_commission', code: 'invalid_union' },
    ]);
    expect(r.records.invitations?.map((i) => i.id)).toEqual(['7510000000000000002', '7510000000000000003']);
    expect(r.records.invitationProducts).toBeUndefined();
    expect(r.accepted).toBe(2);
  });

  it('rejects ids sent as unsafe JSON numbers and never echoes values', () => {
    const r = search({ code: 0, data: { invitation_list: [searchItem({ id: 7510000000000000001, name: 'Secret name' })] } });
    expect(r.rejections).toEqual([{ path: 'invitation_list[].id', code: 'invalid_union' }]);
    expect(JSON.stringify(r)).not.toContain('Secret');
  });

  it('ignores error envelopes and reads an empty list as empty', () => {
    expect(search({ code: 16024019, message: 'quota full' })).toEqual({ records: {}, accepted: 0, rejections: [], skipped: true });
    expect(search({ code: 0, data: { invitation_list: null, total: 0 } })).toEqual({ records: {}, accepted: 0, rejections: [] });
    expect(search({ code: 0, data: { invitation_list: 'x' } }).rejections).toEqual([{ path: 'data.invitation_list', code: 'invalid_type' }]);
    expect(search(7).rejections[0]?.code).toBe('invalid_type');
  });
});

describe('invitations.detail adapter', () => {
  it('reads the message, content preference, free-sample rule and the contacts it shows (blank ones are not channels)', () => {
    const r = detail(detailPage());
    expect(r.rejections).toEqual([]);
    const [inv] = r.records.invitations ?? [];
    expect(inv).toMatchObject({
      id: '7510000000000000001',
      message: 'Hi! We love your skincare videos. Free samples for the first 10 creators who add the serum.',
      contentPreference: 'video',
      freeSample: { offered: true, autoApproved: true },
      counts: { creators: 3, accepted: 2, posted: 1, products: 2 },
    });
    expect(inv?.contacts).toEqual([
      { channel: 'whatsapp', value: '+62 8123456789' },
      { channel: 'email', value: 'partners@brightwell.example' },
      { channel: 'telegram', value: '@brightwell_team' },
    ]);
  });

  it('reads products with target and ads commission in bps and prices as Money where a currency is named', () => {
    const r = detail(detailPage());
    expect(r.records.invitationProducts).toEqual([
      { invitationId: '7510000000000000001', productId: '1729500000000000001', targetCommissionBps: 2000, adsCommissionBps: 500, openCommissionBps: 1200, commissionEffectiveAt: NOW - 10 * DAY },
      { invitationId: '7510000000000000001', productId: '1729500000000000002', targetCommissionBps: 1800, adsCommissionBps: undefined, openCommissionBps: 1000, commissionEffectiveAt: undefined },
    ]);
    expect(r.records.products).toEqual([
      { productId: '1729500000000000001', title: 'Rose Hydrating Serum 30ml', price: { minor: 2499, currency: 'USD' } },
      { productId: '1729500000000000002', title: 'Vitamin C Eye Cream 15g', price: undefined },
    ]);
  });

  it('reads invited creators with their accept and posting state, handles normalised, creator ids as cid aliases', () => {
    const r = detail(detailPage());
    expect(r.records.invitationCreators?.map((c) => [c.handle, c.state, c.statusRaw, c.productsAdded, c.contentPosted, c.effectiveStatusRaw])).toEqual([
      ['glowwithmaya', 'POSTED', '0', 2, 1, '1'],
      ['dapurbunda.id', 'ACCEPTED', '0', 1, 0, '1'],
      ['lee.reviews', 'INVITED', '0', 0, undefined, undefined],
    ]);
    expect(r.records.creators).toEqual([
      { handle: 'glowwithmaya', nickname: 'Maya ✨ Skincare', aliases: ['cid:7494000000000000001'], region: 'US' },
      { handle: 'dapurbunda.id', nickname: 'Dapur Bunda', aliases: ['cid:7494000000000000002'], region: 'US' },
      { handle: 'lee.reviews', nickname: 'Lee', aliases: [], region: 'US' },
    ]);
    expect(r.accepted).toBe(1 + 2 + 3);
  });

  it('reads lists beside the invitation too, and takes the id from the request when the invitation leaves it out', () => {
    const page = detailPage();
    const { product_list, creator_id_list, id: _id, ...inv } = page.data.invitation;
    const r = detail({ code: 0, data: { invitation: inv, product_list, creator_id_list } });
    expect(r.rejections).toEqual([]);
    expect(r.records.invitations?.[0]?.id).toBe('7510000000000000001');
    expect(r.records.invitationProducts).toHaveLength(2);
    expect(r.records.invitationCreators).toHaveLength(3);
    const noId = detail({ code: 0, data: { invitation: inv } }, {});
    expect(noId.rejections).toEqual([{ path: 'invitation.id', code: 'invalid_union' }]);
  });

  it('rejects a broken creator, product or contact alone and keeps the rest', () => {
    const page = detailPage();
    const inv = page.data.invitation as unknown as Record<string, unknown[]>;
    inv.creator_id_list![1] = detailCreator({}, { user_name: null });
    inv.product_list![0] = detailProduct({ price: { value: 'about 20', symbol: 'USD' } });
    inv.contacts_info![0] = { field: 'whatsapp', value: '+62 812' };
    const r = detail(page);
    expect(r.rejections.map((x) => x.path)).toEqual(['invitation.contacts_info[].field', 'invitation.product_list[].price', 'invitation.creator_id_list[].base_info.user_name']);
    expect(r.records.invitations?.[0]?.contacts?.map((c) => c.channel)).toEqual(['email', 'telegram']);
    expect(r.records.invitationProducts?.map((p) => p.productId)).toEqual(['1729500000000000002']);
    expect(r.records.invitationCreators?.map((c) => c.handle)).toEqual(['glowwithmaya', 'lee.reviews']);
    expect(JSON.stringify(r.rejections)).not.toContain('812');
  });

  it('reports a detail whose invitation it cannot find, ignores error envelopes', () => {
    expect(outcome(invitationsDetail, { code: 0, data: { invitation_group: detailPage().data.invitation } }, {}).rejections).toContainEqual({ path: 'data.invitation_group', code: 'not_read' });
    expect(detail({ code: 10000, message: 'captcha' }).skipped).toBe(true);
  });

  it('keeps TikTok’s record code and leaves the state to the list: a detail is asked for by id, not by tab', () => {
    const [inv] = detail(detailPage()).records.invitations ?? [];
    expect(inv).toMatchObject({ status: 'UNKNOWN', statusRaw: '', groupStatusRaw: '2' });
    expect(invitationsDetail.variantOf).toBeUndefined();
  });

  it('declares every path it reads, lists inside or beside the invitation, and drops no record silently', () => {
    const page = detailPage();
    const { product_list, creator_id_list, ...inv } = page.data.invitation;
    const beside = { code: 0, message: 'success', data: { invitation: inv, product_list, creator_id_list } };
    for (const json of [page, beside]) {
      expectReadsCover(invitationsDetail, json, { invitation_group_id: '7510000000000000001' });
      expect(outcome(invitationsDetail, json, {}).rejections).toEqual([]);
    }
    expectNoSilentDrop(invitationsDetail, page, 'data.invitation.product_list');
    expectNoSilentDrop(invitationsDetail, page, 'data.invitation.creator_id_list');
    expectNoSilentDrop(invitationsDetail, page, 'data.invitation.contacts_info');
    expectNoSilentDrop(invitationsDetail, beside, 'data.product_list');
    expectNoSilentDrop(invitationsDetail, beside, 'data.creator_id_list');
    // What it does not read stays unread for the shape watch: the invitation is not taken whole.
    expect(unreadPaths(shapeOf(page), invitationsDetail.reads)).toEqual(
      expect.arrayContaining(['data.invitation.product_list[].stock', 'data.invitation.product_list[].item_sold', 'data.invitation.product_list[].promotion_price', 'data.invitation.update_time']),
    );
  });
});

const mutate = anyJson;

describe('invitation adapters under mutation', () => {
  it('never throw and only yield well-formed records, whatever a field turns into', { timeout: 30_000 }, () => {
    const fields = ['id', 'name', 'start_time', 'end_time', 'group_status', 'creator_cnt', 'creator_added_cnt', 'free_sample_rule', 'product_list', 'message', 'contacts_info'];
    const productFields = ['product_id', 'price', 'target_commission', 'target_ads_commission', 'commission_effective_time', 'title'];
    const creatorFields = ['user_name', 'creator_oec_id'];
    fc.assert(
      fc.property(fc.constantFrom(...fields), mutate, fc.constantFrom(...productFields), mutate, fc.constantFrom(...creatorFields), mutate, (f, v, pf, pv, cf, cv) => {
        const page = detailPage();
        const inv = page.data.invitation as Record<string, unknown>;
        (inv.product_list as Record<string, unknown>[])[0]![pf] = pv;
        ((inv.creator_id_list as Record<string, Record<string, unknown>>[])[0]!.base_info as Record<string, unknown>)[cf] = cv;
        inv[f] = v;
        for (const r of [detail(page), search({ code: 0, data: { invitation_list: [inv] } })]) {
          for (const i of r.records.invitations ?? []) {
            expect(i.id).toMatch(/^\d{1,24}$/);
            if (i.endAt !== undefined) expect(i.endAt >= 1e12 && i.endAt <= 1e13).toBe(true);
            for (const n of Object.values(i.counts)) if (n !== undefined) expect(Number.isInteger(n) && n >= 0).toBe(true);
          }
          for (const p of r.records.invitationProducts ?? []) {
            expect(p.productId).toMatch(/^\d{1,24}$/);
            for (const b of [p.targetCommissionBps, p.adsCommissionBps, p.openCommissionBps]) if (b !== undefined) expect(Number.isInteger(b) && b >= 0 && b <= 10_000).toBe(true);
          }
          for (const p of r.records.products ?? []) if (p.price) expect(Number.isInteger(p.price.minor)).toBe(true);
          for (const c of r.records.invitationCreators ?? []) expect(c.handle).toMatch(/^[a-z0-9._]{1,64}$/);
          const records = (r.records.invitations?.length ?? 0) + (r.records.invitationProducts?.length ?? 0) + (r.records.invitationCreators?.length ?? 0);
          expect(r.accepted).toBe(records);
          for (const x of r.rejections) expect(x.path).toMatch(/^[\w.[\]]*$/);
        }
      }),
      { numRuns: 400 },
    );
  });
});
