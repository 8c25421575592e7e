import { describe, expect, it } from 'vitest';
import { linkedAccounts } from '../../../lib/adapters/shop-accounts';
import { handleApi } from '../api';
import { generateWorld, HOSTILE, shopByKey, type SimShop } from '../world';
import { ACCOUNT_FAULT, ACCOUNT_PLAN, ACCOUNT_VARIANTS, LINKED_ACCOUNTS_PATH, shopAccounts } from './shop-accounts';

const NOW = Date.UTC(2025, 10, 20, 9, 30);
const world = generateWorld({ seed: 1, now: NOW });

type Json = Record<string, any>;

function get(shop: SimShop, opts: { fault?: boolean; method?: string; variant?: string } = {}) {
  const url = new URL(
    `https://${shop.host}${LINKED_ACCOUNTS_PATH}?aid=4331&shop_region=${shop.region}&oec_seller_id=${shop.sellerId}${opts.fault ? '&cl_fault=shape' : ''}${opts.variant ? `&cl_variant=${opts.variant}` : ''}`,
  );
  return handleApi(world, { url, method: opts.method ?? 'GET', body: null, now: NOW });
}

const countBy = (roles: string[]) => roles.reduce<Record<string, number>>((m, r) => ({ ...m, [r]: (m[r] ?? 0) + 1 }), {});

describe('GET /api/v1/affiliate/seller/linked_accounts', () => {
  it('lists each shop’s accounts by role as planned, with one shop over the marketing limit and one over the official limit', () => {
    for (const shop of world.shops) {
      const list = (get(shop)?.json as Json).data.account_list as Json[];
      const roles = shopAccounts(world, shop).map((a) => a.role);
      expect(list).toHaveLength(roles.length);
      expect(countBy(roles)).toEqual(ACCOUNT_PLAN[shop.key]);
    }
    expect(ACCOUNT_PLAN.gb!.marketing).toBeGreaterThan(4);
    expect(ACCOUNT_PLAN.global!.official).toBeGreaterThan(1);
    expect(Object.values(ACCOUNT_PLAN).filter((p) => p.marketing > 4 || p.official > 1)).toHaveLength(2);
  });

  it('sends roles as codes and as names, ids and times as strings', () => {
    const list = world.shops.flatMap((s) => (get(s)?.json as Json).data.account_list as Json[]);
    expect(new Set(list.map((a) => typeof a.account_type))).toEqual(new Set(['number', 'string']));
    for (const a of list) {
      expect(a.user_id).toMatch(/^68\d{17}$/);
      expect(a.bind_time).toMatch(/^\d{13}$/);
      expect(a.unique_id).toMatch(/^[a-z0-9._]{1,64}$/);
    }
  });

  it('links a US marketing account to the GB shop as an affiliate, and uses world creators as affiliates', () => {
    const us = shopByKey(world, 'us');
    const gb = shopByKey(world, 'gb');
    const shared = shopAccounts(world, us).filter((a) => a.role === 'marketing')[1]!;
    expect(shopAccounts(world, gb).find((a) => a.userId === shared.userId)?.role).toBe('affiliate');
    const usAffiliates = shopAccounts(world, us).filter((a) => a.role === 'affiliate');
    for (const a of usAffiliates) expect(us.creators.some((c) => c.handle === a.handle)).toBe(true);
    expect(usAffiliates.some((a) => a.nickname === HOSTILE.nickname)).toBe(true);
  });

  it('reads back through the adapter without a rejection; fault mode breaks one record', () => {
    for (const shop of world.shops) {
      const r = linkedAccounts.parse(get(shop)?.json, undefined);
      expect(r.rejections).toEqual([]);
      expect(r.records.shopAccounts?.map((a) => a.role)).toEqual(shopAccounts(world, shop).map((a) => a.role));
      const broken = linkedAccounts.parse(get(shop, { fault: true })?.json, undefined);
      expect(broken.accepted).toBe(shopAccounts(world, shop).length - 1);
      expect(broken.rejections).toEqual([{ path: 'data.account_list[].account_type', code: 'invalid_union' }]);
      expect(broken.records.shopAccounts?.map((a) => a.accountId)).not.toContain(shopAccounts(world, shop)[ACCOUNT_FAULT.record]!.userId);
    }
  });

  it('answers POST with 405 and is deterministic', () => {
    expect(get(shopByKey(world, 'us'), { method: 'POST' })?.status).toBe(405);
    const again = generateWorld({ seed: 1, now: NOW });
    expect(shopAccounts(again, shopByKey(again, 'gb'))).toEqual(shopAccounts(world, shopByKey(world, 'gb')));
  });
});

describe('wire variants', () => {
  it.each(Object.keys(ACCOUNT_VARIANTS))('%s: the adapter reads every account as on the default', (variant) => {
    for (const shop of world.shops) {
      const json = get(shop, { variant })?.json as Json;
      if (variant === 'shop-accounts.list-top-level') expect(Array.isArray(json.account_list)).toBe(true);
      else expect(json).toMatchObject({ msg: 'success', data: { account_list: expect.any(Array) } });
      expect(json).not.toHaveProperty(variant === 'shop-accounts.msg' ? 'message' : 'data');
      const r = linkedAccounts.parse(json, undefined);
      expect(r.rejections).toEqual([]);
      expect(r).toEqual(linkedAccounts.parse(get(shop)?.json, undefined));
    }
  });
});
