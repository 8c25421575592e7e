import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { DAY, fillsMessage, NOW, OTHER_SHOP, SHOP } from '../../test/fixtures/rule-entities';
import { affectedBy, loadInputs } from '../../test/fixtures/rule-inputs';
import type { AppDB } from '../db/app-db';
import type { Shop, ShopAccount } from '../domain/types';
import { SAME_LOOK_MS, showcaseAccountLimits as rule, type ShowcaseAccountsInput } from './showcase-account-limits';
import type { FindingDraft } from './types';

const [A, B, C] = [SHOP, OTHER_SHOP, 'MY:7495000000000000003'];
const SOURCE = { endpoint: 'accounts.linked', page: 'https://affiliate-id.tokopedia.com/platform/linked-accounts' };

const account = (shopKey: string, accountId: string, role: ShopAccount['role'], over: Partial<ShopAccount> = {}): ShopAccount => ({
  key: `${shopKey}|${accountId}`,
  shopKey,
  accountId,
  handle: `acc${accountId}`,
  role,
  roleRaw: role,
  firstSeenAt: NOW - DAY,
  lastSeenAt: NOW,
  source: SOURCE,
  ...over,
});

const shop = (key: string): Shop => ({ key, region: key.split(':')[0] as string, sellerId: key.split(':')[1], host: 'affiliate-id.tokopedia.com', firstSeenAt: NOW, lastSeenAt: NOW });

const check = (input: ShowcaseAccountsInput, thresholds = { maxOfficial: 1, maxMarketing: 4 }) => rule.check(input, { thresholds, now: NOW });
const mine = (accounts: ShopAccount[], elsewhere: ShopAccount[] = []): ShowcaseAccountsInput => ({ key: A, accounts, elsewhere });
const marketing = (n: number) => Array.from({ length: n }, (_, i) => account(A, `m${i + 1}`, 'marketing'));
const expectFilled = (f: FindingDraft | undefined) => {
  const message = rule.variantMessages?.[f?.variant ?? ''];
  expect(message).toBeDefined();
  expect(message && fillsMessage({ message }, f)).toBe(true);
};

describe('showcase-account-limits: check', () => {
  it('fires when more than one official account is linked, listing them', () => {
    const [f, ...rest] = check(mine([account(A, 'o1', 'official'), account(A, 'o2', 'official', { handle: undefined })]));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ subject: 'shop', subjectKey: A, shopKey: A, variant: 'official', params: { count: 2, max: 1, accounts: '@acco1, o2' } });
    expect(f?.evidence.map((e) => e.key)).toEqual([`${A}|o1`, `${A}|o2`]);
    expectFilled(f);
    expect(check(mine([account(A, 'o1', 'official')]))).toEqual([]);
  });

  it('fires above four marketing accounts and not at four; affiliates and unreadable roles never count', () => {
    const [f] = check(mine(marketing(5)));
    expect(f).toMatchObject({ variant: 'marketing', params: { count: 5, max: 4 } });
    expectFilled(f);
    expect(check(mine(marketing(4)))).toEqual([]);
    const others = Array.from({ length: 9 }, (_, i) => account(A, `x${i}`, i % 2 ? 'affiliate' : 'unknown'));
    expect(check(mine([...marketing(4), ...others]))).toEqual([]);
  });

  it('follows limits the seller changed', () => {
    expect(check(mine(marketing(5)), { maxOfficial: 1, maxMarketing: 5 })).toEqual([]);
    expect(check(mine(marketing(2)), { maxOfficial: 1, maxMarketing: 1 })).toHaveLength(1);
  });

  it('fires when an account is the marketing account of another shop too, and names that shop', () => {
    const m = account(A, 'm1', 'marketing');
    const [f, ...rest] = check(mine([m], [account(B, 'm1', 'marketing'), account(C, 'm1', 'marketing')]));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ variant: 'shared-marketing', params: { accounts: '@accm1', shops: `${B}, ${C}` } });
    expect(f?.evidence.map((e) => e.key)).toEqual([`${A}|m1`, `${B}|m1`, `${C}|m1`]);
    expectFilled(f);
  });

  it('allows a marketing account to be an affiliate of another shop, and the same handle under another account id', () => {
    expect(check(mine([account(A, 'm1', 'marketing')], [account(B, 'm1', 'affiliate')]))).toEqual([]);
    expect(check(mine([account(A, 'm1', 'marketing')], [account(B, 'm2', 'marketing', { handle: 'accm1' })]))).toEqual([]);
  });

  it('fires when the official account is official for another shop too', () => {
    const [f] = check(mine([account(A, 'o1', 'official')], [account(B, 'o1', 'official')]));
    expect(f).toMatchObject({ variant: 'shared-official', params: { accounts: '@acco1', shops: B } });
    expectFilled(f);
  });

  it('says nothing for a shop without linked accounts', () => {
    expect(check(mine([]))).toEqual([]);
  });
});

describe('showcase-account-limits: load and affected', () => {
  let db: AppDB;
  beforeEach(async () => {
    db = freshDb();
    await db.shops.bulkPut([shop(A), shop(B), shop(C)]);
  });
  afterEach(() => db.close());

  it('counts only the accounts of the latest look at each shop’s list', async () => {
    await db.accounts.bulkPut([
      ...marketing(4),
      // Seen in an earlier look and no longer listed: unlinked since.
      account(A, 'old', 'marketing', { lastSeenAt: NOW - SAME_LOOK_MS - 1 }),
      // Listed on a second page of the same look.
      account(A, 'page2', 'official', { lastSeenAt: NOW - SAME_LOOK_MS }),
    ]);
    const [input] = await loadInputs(rule, db, [A], NOW);
    expect(input?.accounts.map((a) => a.accountId).sort()).toEqual(['m1', 'm2', 'm3', 'm4', 'page2']);
    expect(check(input as ShowcaseAccountsInput)).toEqual([]);
  });

  it('finds an account shared between shops, but not one another shop has since unlinked', async () => {
    await db.accounts.bulkPut([
      account(A, 'm1', 'marketing'),
      account(B, 'm1', 'marketing'),
      account(B, 'b2', 'official'),
      account(C, 'm1', 'marketing', { lastSeenAt: NOW - 3 * SAME_LOOK_MS }),
      account(C, 'c2', 'official'),
    ]);
    const inputs = await loadInputs(rule, db, undefined, NOW);
    expect(inputs.map((i) => i.key).sort()).toEqual([A, B, C]);
    const findings = inputs.flatMap((i) => check(i));
    expect(findings.map((f) => [f.subjectKey, f.variant, f.params.shops])).toEqual(
      expect.arrayContaining([
        [A, 'shared-marketing', B],
        [B, 'shared-marketing', A],
      ]),
    );
    expect(findings).toHaveLength(2);
  });

  it('re-checks the changed shop and every shop that lists one of its accounts', async () => {
    await db.accounts.bulkPut([
      account(A, 'm1', 'marketing'),
      account(A, 'm2', 'marketing'),
      account(B, 'm2', 'marketing'),
      account(C, 'c1', 'official'),
    ]);
    expect(((await affectedBy(rule, db, { accounts: [`${A}|m1`] })) as string[]).sort()).toEqual([A, B]);
    expect(await affectedBy(rule, db, { accounts: [`${C}|c1`] })).toEqual([C]);
  });
});
