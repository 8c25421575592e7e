import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { account, accountsResponse, NOW } from '../../test/fixtures/shop-accounts';
import { expectNoSilentDrop, expectReadsCover, outcome } from '../../test/adapter-harness';
import { linkedAccounts, roleOf } from './shop-accounts';

describe('accounts.linked adapter', () => {
  it('reads each linked account with its role, from a code or a name', () => {
    const r = linkedAccounts.parse(accountsResponse(), undefined);
    expect(r.rejections).toEqual([]);
    expect(r.accepted).toBe(5);
    expect(r.records.shopAccounts?.map((a) => [a.accountId, a.handle, a.role, a.roleRaw])).toEqual([
      ['6810000000000000001', 'brightwell.official', 'official', '1'],
      ['6810000000000000002', 'brightwell.deals', 'marketing', 'MARKETING'],
      ['6810000000000000003', 'brightwell.live', 'marketing', '2'],
      ['6810000000000000004', 'glowwithmaya', 'affiliate', 'Affiliate account'],
      ['6810000000000000005', 'newrole.tester', 'unknown', 'PARTNER_STORE'],
    ]);
    expect(r.records.shopAccounts?.[0]).toMatchObject({ nickname: 'Brightwell Essentials', linkedAt: NOW - 400 * 86_400_000 });
    expect(r.records.shopAccounts?.[4]?.linkedAt).toBeUndefined();
  });

  it('names affiliate accounts as creators, so they join the creators seen elsewhere by handle', () => {
    const r = linkedAccounts.parse(accountsResponse(), undefined);
    expect(r.records.creators).toEqual([{ handle: 'glowwithmaya', nickname: 'Maya ✨ Skincare', aliases: [] }]);
  });

  it('maps role names however they are spelled', () => {
    expect(['OFFICIAL', 'official_account', 'Official account', 1, '1'].map(roleOf)).toEqual(Array(5).fill('official'));
    expect(['marketing', 'MARKETING_ACCOUNT', 2].map(roleOf)).toEqual(Array(3).fill('marketing'));
    expect(['affiliate', 3].map(roleOf)).toEqual(['affiliate', 'affiliate']);
    expect([4, 'SHOWCASE', ''].map(roleOf)).toEqual(['unknown', 'unknown', 'unknown']);
  });

  it('rejects accounts without an id or a role, or with a broken handle, and keeps the rest', () => {
    const page = accountsResponse();
    page.data.account_list[1] = account({ user_id: undefined });
    page.data.account_list[2] = account({ account_type: null, user_id: '6810000000000000003' });
    page.data.account_list[3] = account({ unique_id: 'not a handle!', user_id: '6810000000000000004' });
    const r = linkedAccounts.parse(page, undefined);
    expect(r.accepted).toBe(2);
    expect(r.rejections).toEqual([
      { path: 'data.account_list[].user_id', code: 'custom' },
      { path: 'data.account_list[].account_type', code: 'custom' },
      { path: 'data.account_list[].unique_id', code: 'invalid_format' },
    ]);
  });

  it('reads the list under data or at the top level beside msg, declares what it reads and drops nothing', () => {
    const { data } = accountsResponse();
    // [unknown] The same answer with the list at the top level, as the orders endpoint sends its list.
    const top = { code: 0, msg: 'success', ...data };
    for (const [json, at] of [
      [accountsResponse(), 'data.account_list'],
      [top, 'account_list'],
    ] as const) {
      expect(linkedAccounts.parse(json, undefined).accepted).toBe(5);
      expectReadsCover(linkedAccounts, json);
      expectNoSilentDrop(linkedAccounts, json, at);
      expect(outcome(linkedAccounts, json).rejections).toEqual([]);
    }
    const moved = outcome(linkedAccounts, { code: 0, data: { showcase_accounts: data.account_list } });
    expect(moved.rejections).toContainEqual({ path: 'data.showcase_accounts', code: 'no_record' });
  });

  it('skips error envelopes and reads an empty list as empty', () => {
    expect(linkedAccounts.parse({ code: 10000 }, undefined)).toEqual({ records: {}, accepted: 0, rejections: [], skipped: true });
    expect(linkedAccounts.parse({ code: 0, data: { account_list: [] } }, undefined)).toEqual({ records: {}, accepted: 0, rejections: [] });
  });

  it('never throws and yields only well-formed accounts', () => {
    const anything = fc.oneof(fc.constant(null), fc.string({ maxLength: 30 }), fc.string({ minLength: 3000, maxLength: 4000 }), fc.integer(), fc.double(), fc.boolean(), fc.array(fc.integer(), { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 2 }));
    fc.assert(
      fc.property(fc.constantFrom('user_id', 'unique_id', 'nick_name', 'account_type', 'bind_time'), anything, (field, value) => {
        const r = linkedAccounts.parse({ code: 0, data: { account_list: [account({ [field]: value })] } }, undefined);
        expect(r.accepted + (r.rejections.length ? 1 : 0)).toBe(1);
        for (const a of r.records.shopAccounts ?? []) {
          expect(a.accountId).toMatch(/^\d{1,24}$/);
          expect(['official', 'marketing', 'affiliate', 'unknown']).toContain(a.role);
          if (a.handle !== undefined) expect(a.handle).toMatch(/^[a-z0-9._]{1,64}$/);
        }
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});
