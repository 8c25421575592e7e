import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { account, ACCOUNTS_URL, accountsResponse, NOW, PAGE_URL } from '../../../test/fixtures/shop-accounts';
import { dump, freshDb } from '../../../test/db';
import type { Capture } from '../../capture/schema';
import type { AppDB } from '../../db/app-db';
import { ingestCaptures } from '../ingest';

const SHOP = 'US:7495000000000000001';
let n = 0;
const capture = (json: unknown, seenAt = NOW, url = ACCOUNTS_URL): Capture => ({
  v: 1,
  id: `capture-${++n}`,
  url,
  method: 'GET',
  status: 200,
  responseText: JSON.stringify(json),
  pageUrl: PAGE_URL,
  seenAt,
});

let db: AppDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

describe('shop accounts sink', () => {
  it('stores the linked accounts per shop with their roles, so limits can be counted', async () => {
    await ingestCaptures(db, [capture(accountsResponse())]);
    const rows = await db.accounts.where('shopKey').equals(SHOP).toArray();
    expect(rows).toHaveLength(5);
    const byRole = (role: string) => rows.filter((r) => r.role === role).length;
    expect([byRole('official'), byRole('marketing'), byRole('affiliate'), byRole('unknown')]).toEqual([1, 2, 1, 1]);
    expect(await db.accounts.get(`${SHOP}|6810000000000000002`)).toMatchObject({
      handle: 'brightwell.deals',
      nickname: 'Brightwell Deals',
      role: 'marketing',
      roleRaw: 'MARKETING',
      linkedAt: NOW - 400 * 86_400_000,
      source: { endpoint: 'accounts.linked', page: PAGE_URL },
    });
    expect(await db.creators.get('glowwithmaya')).toMatchObject({ nickname: 'Maya ✨ Skincare' });
  });

  it('keeps the same account apart per shop: marketing for one shop, affiliate for another', async () => {
    const other = ACCOUNTS_URL.replace('shop_region=US', 'shop_region=GB').replace('7495000000000000001', '7495000000000000002');
    await ingestCaptures(db, [capture(accountsResponse())]);
    await ingestCaptures(db, [capture({ data: { account_list: [account({ user_id: '6810000000000000002', unique_id: 'brightwell.deals', account_type: 3 })] } }, NOW, other)]);
    const rows = await db.accounts.filter((a) => a.accountId === '6810000000000000002').toArray();
    expect(rows.map((r) => [r.shopKey, r.role]).sort()).toEqual([
      ['GB:7495000000000000002', 'affiliate'],
      [SHOP, 'marketing'],
    ]);
  });

  it('logs a role change once, keeps a known role over an unreadable one, and is idempotent', async () => {
    const key = `${SHOP}|6810000000000000003`;
    await ingestCaptures(db, [capture(accountsResponse())]);
    const before = await dump(db);
    await ingestCaptures(db, [capture(accountsResponse(), NOW + 1000)]);
    const again = await dump(db);
    for (const name of Object.keys(before)) expect(again[name]?.length, name).toBe(before[name]?.length);
    await ingestCaptures(db, [capture({ data: { account_list: [account({ user_id: '6810000000000000003', account_type: 3 })] } }, NOW + 2000)]);
    await ingestCaptures(db, [capture({ data: { account_list: [account({ user_id: '6810000000000000003', account_type: 'SOMETHING_NEW' })] } }, NOW + 3000)]);
    await ingestCaptures(db, [capture({ data: { account_list: [account({ user_id: '6810000000000000003', account_type: 1 })] } }, NOW + 500)]);
    // The unreadable sighting changed nothing, and within the seen-time resolution it does not move the seen time either.
    expect(await db.accounts.get(key)).toMatchObject({ role: 'affiliate', roleRaw: '3', lastSeenAt: NOW + 2000 });
    const log = await db.transitions.where('[entity+key]').equals(['shopAccount', key]).sortBy('seenAt');
    expect(log.map((t) => [t.from, t.to])).toEqual([
      [undefined, 'marketing'],
      ['marketing', 'affiliate'],
    ]);
  });
});
