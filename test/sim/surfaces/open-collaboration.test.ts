import { describe, expect, it } from 'vitest';
import { commissionHistoryList, creatorApplicationSearch, openPlanList } from '../../../lib/adapters/open-collaboration';
import { handleApi } from '../api';
import { CODE_INVALID_PARAMS } from '../surface';
import { HOSTILE, generateWorld, shopByKey, type SimShop } from '../world';
import {
  APPLICATIONS_PATH,
  APPLICATION_TABS,
  HISTORY_PATH,
  OPEN_COLLAB_FAULTS,
  OPEN_COLLAB_VARIANTS,
  PLANS_PATH,
  applicationsIn,
  commissionChanges,
  openDataOf,
} from './open-collaboration';

const NOW = Date.UTC(2025, 10, 20, 9, 30);
const world = generateWorld({ seed: 1, now: NOW });
const us = shopByKey(world, 'us');

type Json = Record<string, any>;

function call(shop: SimShop, path: string, body: unknown, fault = false, variant = ''): Json {
  const url = new URL(`https://${shop.host}${path}?aid=4331&shop_region=${shop.region}&oec_seller_id=${shop.sellerId}${fault ? '&cl_fault=shape' : ''}${variant ? `&cl_variant=${variant}` : ''}`);
  return handleApi(world, { url, method: 'POST', body: JSON.stringify(body), now: NOW })!.json as Json;
}

describe('open collaboration in the world', () => {
  it('puts most of each shop\'s products in open collaboration at the commission sample requests carry', () => {
    for (const shop of world.shops) {
      const { plans } = openDataOf(world, shop);
      expect(plans.length).toBeGreaterThan(shop.products.length / 2);
      for (const plan of plans) {
        const product = shop.products.find((p) => p.productId === plan.productId);
        expect(plan.history.at(-1)?.rateBps).toBe(product?.commissionBps);
      }
    }
    expect(openDataOf(world, us).plans.map((p) => p.productId)).toContain(HOSTILE.productId);
  });

  it('gives every product a history of 2 to 4 commission changes in time order, some with a period that changed nothing', () => {
    const plans = world.shops.flatMap((s) => openDataOf(world, s).plans);
    for (const plan of plans) {
      const changes = commissionChanges(plan);
      expect(changes.length - 1).toBeGreaterThanOrEqual(2);
      expect(changes.length - 1).toBeLessThanOrEqual(4);
      plan.history.forEach((p, i) => {
        if (i > 0) expect(p.start).toBeGreaterThan(plan.history[i - 1]!.start);
        expect(p.end === null ? i === plan.history.length - 1 : p.end === plan.history[i + 1]?.start).toBe(true);
        expect(p.rateBps >= 100 && p.rateBps <= 8000).toBe(true);
      });
    }
    expect(plans.some((p) => p.history.length > commissionChanges(p).length)).toBe(true);
    expect(plans.some((p) => p.status === 'TERMINATING' && p.endTime !== null && p.endTime > NOW)).toBe(true);
  });

  it('has applications in every status, from the shop\'s creators for its open-collaboration products', () => {
    for (const shop of world.shops) {
      const { plans, applications } = openDataOf(world, shop);
      const inPlan = new Set(plans.map((p) => p.productId));
      for (const a of applications) {
        expect(inPlan.has(a.productId)).toBe(true);
        expect(shop.creators.some((c) => c.creatorId === a.creatorId)).toBe(true);
      }
      expect(applications.some((a) => a.status === 'PENDING')).toBe(true);
    }
    for (const tab of APPLICATION_TABS) expect(applicationsIn(world, us, tab.status).length, tab.status).toBeGreaterThan(0);
  });
});

describe('the open collaboration API', () => {
  it('pages the open plans, and the adapter reads every shop\'s pages without a rejection', () => {
    for (const shop of world.shops) {
      const { plans } = openDataOf(world, shop);
      const ids: string[] = [];
      for (let page = 1; ; page++) {
        const json = call(shop, PLANS_PATH, { cur_page: page, page_size: 20, search_params: {} });
        const r = openPlanList.parse(json, {});
        expect(r.rejections).toEqual([]);
        ids.push(...(r.records.openCollabs ?? []).map((o) => o.productId));
        expect(r.records.products?.every((p) => p.price?.currency === shop.currency)).toBe(true);
        if (!json.data.has_more) break;
      }
      expect(ids).toEqual(plans.map((p) => p.productId));
    }
  });

  it('lists a product\'s history newest first; the adapter reads it back oldest first', () => {
    for (const shop of world.shops) {
      const plan = openDataOf(world, shop).plans[0]!;
      const body = { product_id: plan.productId, cur_page: 1, page_size: 20 };
      const json = call(shop, HISTORY_PATH, body);
      expect(json.data.commission_history_list.map((e: Json) => Number(e.commission_rate))).toEqual([...plan.history].reverse().map((p) => p.rateBps));
      const r = commissionHistoryList.parse(json, body);
      expect(r.rejections).toEqual([]);
      expect(r.records.openCollabCommissions?.[0]?.entries.map((e) => [e.at, e.commissionBps])).toEqual(plan.history.map((p) => [p.start, p.rateBps]));
    }
    expect(call(us, HISTORY_PATH, { product_id: '1', cur_page: 1, page_size: 20 }).code).toBe(CODE_INVALID_PARAMS);
  });

  it('lists applications per status tab, read by the adapter with the creators', () => {
    for (const tab of APPLICATION_TABS) {
      const body = { status: tab.status, cur_page: 1, page_size: 20 };
      const r = creatorApplicationSearch.parse(call(us, APPLICATIONS_PATH, body), body);
      expect(r.rejections).toEqual([]);
      expect(r.records.creatorApplications?.map((a) => a.id)).toEqual(applicationsIn(world, us, tab.status).slice(0, 20).map((a) => a.id));
      expect(r.records.creatorApplications?.every((a) => a.status === tab.status)).toBe(true);
      expect(r.records.creators?.every((c) => c.aliases[0]?.startsWith('cid:'))).toBe(true);
    }
    expect(call(us, APPLICATIONS_PATH, { cur_page: 1, page_size: 20 }).code).toBe(CODE_INVALID_PARAMS);
    expect(call(us, APPLICATIONS_PATH, { status: 'PENDING', cur_page: 1, page_size: 80 }).code).toBe(CODE_INVALID_PARAMS);
  });

  it('breaks a known number of records in fault mode', () => {
    const plans = openPlanList.parse(call(us, PLANS_PATH, { cur_page: 1, page_size: 20 }, true), {});
    expect(plans.rejections.map((x) => x.path)).toEqual(['data.open_plan_list[].current_commission.rate', 'data.open_plan_list[].product.product_id']);
    expect(plans.accepted).toBe(20 - OPEN_COLLAB_FAULTS.plans);
    const body = { status: 'PENDING', cur_page: 1, page_size: 20 };
    const apps = creatorApplicationSearch.parse(call(us, APPLICATIONS_PATH, body, true), body);
    expect(apps.rejections).toHaveLength(OPEN_COLLAB_FAULTS.applications);
    const plan = openDataOf(world, us).plans[0]!;
    const hBody = { product_id: plan.productId, cur_page: 1, page_size: 20 };
    const history = commissionHistoryList.parse(call(us, HISTORY_PATH, hBody, true), hBody);
    expect(history.rejections).toEqual([{ path: 'data.commission_history_list[].start_time', code: 'invalid_union' }]);
    expect(history.accepted).toBe(plan.history.length - OPEN_COLLAB_FAULTS.history);
  });
});

describe('wire variants', () => {
  const plan = openDataOf(world, us).plans[0]!;
  const endpoints = [
    [openPlanList, PLANS_PATH, { cur_page: 1, page_size: 20 }, 'open_plan_list'],
    [commissionHistoryList, HISTORY_PATH, { product_id: plan.productId, cur_page: 1, page_size: 20 }, 'commission_history_list'],
    [creatorApplicationSearch, APPLICATIONS_PATH, { status: 'PENDING', cur_page: 1, page_size: 20 }, 'application_list'],
  ] as const;

  it.each(Object.keys(OPEN_COLLAB_VARIANTS))('%s: every endpoint answers in that form and the adapters read the same records', (variant) => {
    for (const [adapter, path, body, list] of endpoints) {
      const json = call(us, path, body, false, variant);
      if (variant === 'open-collaboration.list-top-level') {
        expect(json).not.toHaveProperty('data');
        expect(Array.isArray(json[list])).toBe(true);
      } else {
        expect(json).not.toHaveProperty('message');
        expect(json.msg).toBe('success');
      }
      const r = adapter.parse(json, body);
      expect(r.rejections).toEqual([]);
      expect(r).toEqual(adapter.parse(call(us, path, body), body));
    }
  });
});
