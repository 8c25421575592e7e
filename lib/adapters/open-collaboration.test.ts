import fc from 'fast-check';
import { anyJson } from '../../test/arbitraries';
import { describe, expect, it } from 'vitest';
import { application, applicationsPage, historyPage, NOW, plan, plansPage } from '../../test/fixtures/collaborations';
import { expectNoSilentDrop, expectReadsCover, outcome } from '../../test/adapter-harness';
import { commissionHistoryList, creatorApplicationSearch, openPlanList } from './open-collaboration';

const DAY = 86_400_000;
const plans = (json: unknown) => openPlanList.parse(json, {});
const applications = (json: unknown, body: unknown = { status: 'PENDING' }) => creatorApplicationSearch.parse(json, body);
const history = (json: unknown, body: unknown = { product_id: '1729500000000000001' }) => commissionHistoryList.parse(json, body);

describe('openCollab.plans adapter', () => {
  it('reads each open plan product with its commission in bps, its period, status and creator counts', () => {
    const r = plans(plansPage());
    expect(r.rejections).toEqual([]);
    expect(r.accepted).toBe(3);
    expect(r.records.openCollabs).toEqual([
      {
        productId: '1729500000000000001',
        collabId: '7520000000000000001',
        status: 'NORMAL',
        statusRaw: 'NORMAL',
        commissionBps: 1500,
        commissionStartAt: NOW - 5 * DAY,
        commissionEndAt: undefined,
        showcaseCreators: 41,
        contentCreators: 9,
      },
      {
        productId: '1729500000000000003',
        collabId: '7520000000000000002',
        status: 'TERMINATING',
        statusRaw: 'TERMINATING',
        commissionBps: 1000,
        commissionStartAt: NOW - 40 * DAY,
        commissionEndAt: NOW + 2 * DAY,
        showcaseCreators: 41,
        contentCreators: 9,
      },
      expect.objectContaining({ productId: '1729500000000000004', showcaseCreators: undefined }),
    ]);
  });

  it('emits products with the minimum of the price range as Money', () => {
    expect(plans(plansPage()).records.products).toEqual([
      { productId: '1729500000000000001', title: 'Rose Hydrating Serum 30ml', price: { minor: 2499, currency: 'USD' } },
      { productId: '1729500000000000003', title: 'Portable Blender 380ml', price: { minor: 3200, currency: 'USD' } },
      { productId: '1729500000000000004', title: 'Tinted Lip Oil', price: undefined },
    ]);
  });

  it('keeps an unknown status raw, reads the other list name, and rejects broken records with their path', () => {
    const r = plans({
      code: 0,
      data: {
        plan_list: [
          plan({ status: 3 }),
          plan({ current_commission: { rate: '15%' } }),
          plan({}, { product_id: undefined }),
          plan({}, { original_price: { currency: 'Rp', minimum_amount: '1000' } }),
        ],
      },
    });
    expect(r.records.openCollabs?.map((o) => [o.status, o.statusRaw])).toEqual([['UNKNOWN', '3']]);
    expect(r.rejections.map((x) => x.path)).toEqual(['data.plan_list[].current_commission.rate', 'data.plan_list[].product.product_id', 'data.plan_list[].product.original_price']);
  });

  it('ignores error envelopes', () => {
    expect(plans({ code: 98001004, message: 'invalid parameters' })).toEqual({ records: {}, accepted: 0, rejections: [], skipped: true });
    expect(plans({ code: 0, data: null })).toEqual({ records: {}, accepted: 0, rejections: [] });
  });
});

describe('openCollab.applications adapter', () => {
  it('reads applications with the applying creator (cid alias, followers) and the product', () => {
    const r = applications(applicationsPage());
    expect(r.rejections).toEqual([]);
    expect(r.records.creatorApplications).toEqual([
      { id: '7530000000000000001', productId: '1729500000000000001', creatorHandle: 'glowwithmaya', status: 'PENDING', statusRaw: 'PENDING', appliedAt: NOW - 7_200_000, commissionBps: 1500 },
      // No status of its own: the tab the view asked for says it.
      { id: '7530000000000000002', productId: '1729500000000000001', creatorHandle: 'lee.reviews', status: 'PENDING', statusRaw: 'tab:PENDING', appliedAt: NOW - 7_200_000, commissionBps: 2000 },
    ]);
    expect(r.records.creators).toEqual([
      { handle: 'glowwithmaya', nickname: 'Maya ✨ Skincare', aliases: ['cid:7494000000000000001'], followerCount: 125_300 },
      { handle: 'lee.reviews', nickname: 'Lee', aliases: [], followerCount: 900 },
    ]);
    expect(r.records.products?.[0]?.price).toEqual({ minor: 2499, currency: 'USD' });
  });

  it('keeps statuses it does not know raw, and rejects applications without an id or a handle', () => {
    const r = applications(
      {
        code: 0,
        data: {
          application_list: [
            application({ status: 'WAITLISTED' }),
            application({ application_id: undefined }),
            application({ application_id: '7530000000000000003' }, { user_name: null }),
          ],
        },
      },
      {},
    );
    expect(r.records.creatorApplications?.map((a) => [a.status, a.statusRaw])).toEqual([['UNKNOWN', 'WAITLISTED']]);
    expect(r.rejections).toEqual([
      { path: 'data.application_list[].application_id', code: 'custom' },
      { path: 'data.application_list[].creator_info.user_name', code: 'custom' },
    ]);
  });
});

describe('openCollab.commissionHistory adapter', () => {
  it('reads every period oldest first, with rates from either field name', () => {
    const r = history(historyPage());
    expect(r.rejections).toEqual([]);
    expect(r.accepted).toBe(4);
    expect(r.records.openCollabCommissions).toEqual([
      {
        productId: '1729500000000000001',
        entries: [
          { at: NOW - 60 * DAY, commissionBps: 1000, endAt: NOW - 30 * DAY },
          { at: NOW - 30 * DAY, commissionBps: 1200, endAt: NOW - 20 * DAY },
          { at: NOW - 20 * DAY, commissionBps: 1200, endAt: NOW - 5 * DAY },
          { at: NOW - 5 * DAY, commissionBps: 1500, endAt: undefined },
        ],
      },
    ]);
  });

  it('takes the product from the request when the response leaves it out, and needs one from somewhere', () => {
    const page = historyPage();
    const { product_id: _p, ...data } = page.data;
    expect(history({ code: 0, data })?.records.openCollabCommissions?.[0]?.productId).toBe('1729500000000000001');
    expect(history({ code: 0, data }, {})).toEqual({ records: {}, accepted: 0, rejections: [{ path: 'data.product_id', code: 'invalid_type' }] });
  });

  it('rejects a broken period alone', () => {
    const page = historyPage();
    page.data.commission_history_list[1] = { commission_rate: '1200', start_time: 'yesterday', end_time: '0' };
    page.data.commission_history_list[2] = { start_time: String(NOW), end_time: '0' } as never;
    const r = history(page);
    expect(r.rejections.map((x) => x.path)).toEqual(['data.commission_history_list[].start_time', 'data.commission_history_list[].commission_rate']);
    expect(r.records.openCollabCommissions?.[0]?.entries.map((e) => e.commissionBps)).toEqual([1000, 1500]);
  });
});

/** [unknown] The same answer with its list (and the fields beside it) moved from `data` to the top level, beside `msg`. */
const topLevel = <T extends { data: Record<string, unknown> }>(page: T) => ({ code: 0, msg: 'success', ...page.data });

describe('open collaboration adapters: every form of answer', () => {
  const cases = [
    ['plans', openPlanList, plansPage(), 'open_plan_list', {}],
    ['applications', creatorApplicationSearch, applicationsPage(), 'application_list', { status: 'PENDING' }],
    ['commission history', commissionHistoryList, historyPage(), 'commission_history_list', { product_id: '1729500000000000001' }],
  ] as const;

  it.each(cases)('%s: read under data or at the top level, every path declared, nothing dropped silently', (_name, adapter, page, list, body) => {
    for (const [json, at] of [
      [page, `data.${list}`],
      [topLevel(page), list],
    ] as const) {
      expect(adapter.parse(json, body).accepted).toBe(adapter.parse(page, body).accepted);
      expectReadsCover(adapter, json, body);
      expectNoSilentDrop(adapter, json, at, body);
      expect(outcome(adapter, json, body).rejections).toEqual([]);
    }
  });

  it.each(cases)('%s: an empty list is empty, a list under another name is reported', (_name, adapter, page, list, body) => {
    expect(outcome(adapter, { code: 0, message: 'success', data: { [list]: [], total: 0, has_more: false } }, body).rejections).toEqual([]);
    const moved = outcome(adapter, { code: 0, data: { zz_items: (page.data as unknown as Record<string, unknown[]>)[list] } }, body);
    expect(moved.accepted).toBe(0);
    expect(moved.rejections).toContainEqual({ path: 'data.zz_items', code: 'no_record' });
  });
});

const mutate = anyJson;

describe('open collaboration adapters under mutation', () => {
  it('never throw and only yield well-formed records', { timeout: 30_000 }, () => {
    const planFields = ['id', 'status', 'current_commission', 'product', 'showcase_creator_count'];
    const productFields = ['product_id', 'title', 'original_price', 'id'];
    const appFields = ['application_id', 'status', 'apply_time', 'commission_rate', 'creator_info'];
    const entryFields = ['commission_rate', 'start_time', 'end_time'];
    fc.assert(
      fc.property(
        fc.constantFrom(...planFields),
        fc.constantFrom(...productFields),
        fc.constantFrom(...appFields),
        fc.constantFrom(...entryFields),
        mutate,
        mutate,
        (pf, prf, af, ef, v, w) => {
          const p = plan({ [pf]: v });
          if (typeof p.product === 'object' && p.product) (p.product as Record<string, unknown>)[prf] = w;
          const rp = plans({ code: 0, data: { open_plan_list: [p] } });
          for (const o of rp.records.openCollabs ?? []) {
            expect(o.productId).toMatch(/^\d{1,24}$/);
            if (o.commissionBps !== undefined) expect(Number.isInteger(o.commissionBps) && o.commissionBps >= 0 && o.commissionBps <= 10_000).toBe(true);
          }
          expect(rp.accepted + (rp.rejections.length ? 1 : 0)).toBe(1);

          const ra = applications({ code: 0, data: { application_list: [application({ [af]: v })] } });
          for (const a of ra.records.creatorApplications ?? []) {
            expect(a.id).toMatch(/^\d{1,24}$/);
            expect(a.creatorHandle).toMatch(/^[a-z0-9._]{1,64}$/);
          }
          expect(ra.accepted + (ra.rejections.length ? 1 : 0)).toBe(1);

          const page = historyPage();
          (page.data.commission_history_list[0] as Record<string, unknown>)[ef] = w;
          const rh = history(page);
          for (const e of rh.records.openCollabCommissions?.[0]?.entries ?? []) {
            expect(e.at >= 1e12 && e.at <= 1e13).toBe(true);
            expect(Number.isInteger(e.commissionBps) && e.commissionBps >= 0 && e.commissionBps <= 10_000).toBe(true);
          }
          expect(rh.accepted).toBe(rh.records.openCollabCommissions?.[0]?.entries.length ?? 0);
        },
      ),
      { numRuns: 400 },
    );
  });
});
