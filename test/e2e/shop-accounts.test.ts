import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simUrl } from '../sim/install';
import { ACCOUNT_FAULT, ACCOUNT_PLAN, ACCOUNT_VARIANTS, shopAccounts } from '../sim/surfaces/shop-accounts';
import { HOSTILE, shopByKey, type SimShop } from '../sim/world';
import { readDb, waitFor } from './browser';
import { freshEnv, open, startEnv, type Env } from './pages';

/** Linked accounts in both markups and both route generations on every host, stored with their roles for limit checks. */

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(() => env?.session.close());

type Row = Record<string, unknown>;
const keyOf = (shop: SimShop) => `${shop.region}:${shop.sellerId}`;
const dbWhen = (check: (db: Record<string, Row[]>) => boolean, what: string) =>
  waitFor(async () => {
    const db = await readDb(env.session);
    return check(db) && db;
  }, what, 20_000);

describe('a response whose shape changed', () => {
  it('stores every account but the broken one and counts it', async () => {
    const us = shopByKey(env.world, 'us');
    const accounts = shopAccounts(env.world, us);
    const page = await open(env, simUrl(us, 'shop-accounts', { fault: 'shape' }));
    const db = await dbWhen((d) => d.endpointStats?.some((s) => s.endpoint === 'accounts.linked') ?? false, 'the accounts to be counted');
    expect(db.endpointStats?.find((s) => s.endpoint === 'accounts.linked')).toMatchObject({ accepted: accounts.length - 1, rejected: 1, failures: { 'data.account_list[].account_type: invalid_union': 1 } });
    const stored = new Set(db.accounts?.map((a) => a.accountId));
    expect(stored.has(accounts[ACCOUNT_FAULT.record]!.userId)).toBe(false);
    expect(stored.size).toBe(accounts.length - 1);
    await page.close();
  });
});

describe.each(Object.keys(ACCOUNT_VARIANTS))('the list answered in the form %s', (variant) => {
  const venv = freshEnv();

  it('stores every account the page shows with its role, and nothing goes unread', async () => {
    const shop = shopByKey(venv.world, 'id');
    const expected = shopAccounts(venv.world, shop);
    const page = await open(venv, simUrl(shop, 'shop-accounts', { variant }));
    expect(await page.locator('[data-account-id]').count()).toBe(expected.length);
    const db = await waitFor(async () => {
      const d = await readDb(venv.session);
      return (d.accounts?.length ?? 0) === expected.length && d;
    }, `${expected.length} accounts`);
    for (const a of expected) {
      expect(db.accounts?.find((s) => s.accountId === a.userId), a.handle).toMatchObject({ shopKey: keyOf(shop), handle: a.handle, role: a.role, linkedAt: a.linkedAt });
    }
    expect(db.endpointStats?.find((x) => x.endpoint === 'accounts.linked')).toMatchObject({ accepted: expected.length, rejected: 0, failures: {} });
    await page.close();
  });
});

describe.each([
  ['table', 'legacy', 'us'],
  ['cards', 'migrated', 'gb'],
  ['table', 'migrated', 'id'],
  ['cards', 'legacy', 'global'],
] as const)('%s markup, %s route, %s shop', (markup, generation, key) => {
  it('stores each linked account under the shop with its role', async () => {
    const shop = shopByKey(env.world, key);
    const expected = shopAccounts(env.world, shop);
    const page = await open(env, simUrl(shop, 'shop-accounts', { markup, generation }));
    expect(await page.locator('[data-account-id]').count()).toBe(expected.length);
    const shopKey = keyOf(shop);
    const db = await dbWhen((d) => (d.accounts?.filter((a) => a.shopKey === shopKey).length ?? 0) === expected.length, `${expected.length} accounts`);
    const stored = (db.accounts ?? []).filter((a) => a.shopKey === shopKey);
    const count = (role: string) => stored.filter((a) => a.role === role).length;
    expect({ official: count('official'), marketing: count('marketing'), affiliate: count('affiliate') }).toEqual(ACCOUNT_PLAN[key]);
    for (const a of expected) {
      expect(stored.find((s) => s.accountId === a.userId), a.handle).toMatchObject({ key: `${shopKey}|${a.userId}`, handle: a.handle, role: a.role, linkedAt: a.linkedAt });
    }
    // Affiliates join the creators seen on other surfaces by handle.
    const creators = new Set(db.creators?.map((c) => c.handle));
    for (const a of expected.filter((x) => x.role === 'affiliate')) expect(creators.has(a.handle)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __simActions: unknown[] }).__simActions)).toEqual([]);
    await page.close();
  });
});

describe('across shops', () => {
  it('keeps one account apart per shop: marketing for the US shop, affiliate for the GB shop; one shop over each limit', async () => {
    const us = shopByKey(env.world, 'us');
    const shared = shopAccounts(env.world, us).filter((a) => a.role === 'marketing')[1]!;
    const db = await readDb(env.session);
    const rows = (db.accounts ?? []).filter((a) => a.accountId === shared.userId);
    expect(rows.map((r) => [r.shopKey, r.role]).sort()).toEqual([
      [keyOf(shopByKey(env.world, 'gb')), 'affiliate'],
      [keyOf(us), 'marketing'],
    ]);
    const over = (role: string, limit: number) =>
      [...new Set((db.accounts ?? []).map((a) => a.shopKey as string))].filter((s) => (db.accounts ?? []).filter((a) => a.shopKey === s && a.role === role).length > limit);
    expect(over('marketing', 4)).toEqual([keyOf(shopByKey(env.world, 'gb'))]);
    expect(over('official', 1)).toEqual([keyOf(shopByKey(env.world, 'global'))]);
    expect(db.accounts?.some((a) => a.nickname === HOSTILE.nickname)).toBe(true);
  });
});
