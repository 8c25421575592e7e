import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { simUrl } from '../sim/install';
import { invitationExpiringUnaccepted } from '../../lib/rules/invitation-expiring-unaccepted';
import { APPLICATION_TABS, OPEN_COLLAB_FAULTS, OPEN_COLLAB_VARIANTS, applicationsIn, commissionChanges, openDataOf } from '../sim/surfaces/open-collaboration';
import {
  CONTACT_FIELDS,
  EXPIRING_UNACCEPTED,
  INVITATION_FAULTS,
  INVITATION_TABS,
  TAB_ENUM_STATUS,
  countsOf,
  recordStatus,
  searchResults,
  type SimInvitation,
} from '../sim/surfaces/target-invitations';
import { shopByKey, type SimShop } from '../sim/world';
import { readDb, waitFor } from './browser';
import { afterRender, clickTab, freshEnv, nextPage, open, startEnv, type Env } from './pages';

/**
 * Target invitations and open collaboration in both markups and both route generations, on every host: what the
 * extension stores, against the world; and what it does with records a changed response breaks.
 */

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(() => env?.session.close());

type Row = Record<string, unknown>;
type Db = Record<string, Row[]>;
const PAGE_SIZE = 20;
const STATUS = { 1: 'ONGOING', 2: 'EXPIRING', 3: 'CANCELING', 4: 'COMPLETED' } as const;
const CHANNEL_OF: Record<number, string> = Object.fromEntries(Object.entries(CONTACT_FIELDS).map(([name, field]) => [field, name]));
const shopKeyOf = (shop: SimShop) => `${shop.region}:${shop.sellerId}`;
const ROWS = { table: 'main table tbody tr', cards: 'main article' } as const;

/** Waits until `ready(db)` holds, then returns the database. */
const storedWhen = (e: Env, what: string, ready: (db: Db) => boolean): Promise<Db> =>
  waitFor(async () => {
    const db = await readDb(e.session);
    return ready(db) && db;
  }, what);

const rowsOf = (db: Db, table: string, shop: SimShop) => (db[table] ?? []).filter((r) => r.shopKey === shopKeyOf(shop));
const firstPage = (e: Env, shop: SimShop, status: number) =>
  searchResults(e.world, shop, { status, acceptedOnly: false, freeSampleOnly: false }).slice(0, PAGE_SIZE);
const actions = (page: Page) => page.evaluate(() => (window as unknown as { __simActions: unknown[] }).__simActions);

/** Minor digits the browser's Intl gives a currency: the extension stores Money in those. */
const browserDigits = (page: Page, currency: string) =>
  page.evaluate((c) => new Intl.NumberFormat('en', { style: 'currency', currency: c }).resolvedOptions().maximumFractionDigits ?? 2, currency);

/** No answer of these endpoints went unread: a list it could not find, or data it did not understand. */
function expectNothingUnread(db: Db, endpoints: readonly string[]): void {
  for (const e of endpoints) {
    const failures = Object.keys(((db.endpointStats ?? []).find((s) => s.endpoint === e)?.failures ?? {}) as Record<string, number>);
    expect(failures.filter((f) => /: (no_record|not_read)$/.test(f)), e).toEqual([]);
  }
}

/** The text of an annotation's popover, opened by focusing its button. */
async function popoverText(page: Page, host: ReturnType<Page['locator']>): Promise<string> {
  const button = host.locator('.annotation > [role="button"]').first();
  await button.focus();
  const pop = host.locator('[role="dialog"]').first();
  await waitFor(async () => pop.evaluate((el) => el.matches(':popover-open')), 'the popover');
  const text = (await pop.textContent()) ?? '';
  await button.press('Escape');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  return text;
}

function expectInvitationAsInWorld(db: Db, shop: SimShop, inv: SimInvitation, groupStatus = String(recordStatus(inv))): void {
  const stored = (db.invitations ?? []).find((r) => r.id === inv.id);
  expect(stored, inv.id).toMatchObject({
    shopKey: shopKeyOf(shop),
    name: inv.name,
    status: STATUS[inv.status],
    // The state rests on the tab, or on the end having passed; TikTok's own code is kept as sent.
    statusRaw: inv.endTime <= (stored?.lastSeenAt as number) ? 'ended' : `tab:${inv.status}`,
    groupStatusRaw: groupStatus,
    startAt: inv.startTime,
    endAt: inv.endTime,
    counts: countsOf(inv),
    freeSample: inv.freeSample.offered ? { offered: true, autoApproved: inv.freeSample.auto } : { offered: false },
  });
}

describe('fault=shape: records a changed response breaks are counted and never stored', () => {
  it('target invitations: a search page and a detail', async () => {
    const us = shopByKey(env.world, 'us');
    const page = await open(env, simUrl(us, 'target-invitations', { tab: 1, fault: 'shape' }));
    const listed = firstPage(env, us, 1);
    const broken = [listed[1]!.id, listed[3]!.id];
    const db = await storedWhen(env, 'the invitations stats', (d) => (d.endpointStats ?? []).some((s) => s.endpoint === 'invitations.search'));
    expect((db.endpointStats ?? []).find((s) => s.endpoint === 'invitations.search')).toMatchObject({
      accepted: listed.length - INVITATION_FAULTS.search + listed.reduce((n, x) => n + x.products.length, 0) - listed[1]!.products.length - listed[3]!.products.length,
      rejected: INVITATION_FAULTS.search,
      failures: { 'invitation_list[].end_time: invalid_union': 1, 'invitation_list[].id: invalid_union': 1 },
    });
    const ids = rowsOf(db, 'invitations', us).map((r) => r.id);
    expect(ids.sort()).toEqual(listed.map((x) => x.id).filter((id) => !broken.includes(id)).sort());
    expect((db.invitationProducts ?? []).filter((p) => broken.includes(p.invitationId as string))).toEqual([]);

    const inv = listed[0]!;
    await afterRender(page, () => page.getByRole('link', { name: 'View details' }).first().click());
    const after = await storedWhen(env, 'the detail stats', (d) => (d.endpointStats ?? []).some((s) => s.endpoint === 'invitations.detail'));
    expect((after.endpointStats ?? []).find((s) => s.endpoint === 'invitations.detail')).toMatchObject({ rejected: INVITATION_FAULTS.detail });
    const creators = (after.invitationCreators ?? []).filter((c) => c.invitationId === inv.id);
    expect(creators).toHaveLength(inv.creators.length - 1);
    const firstHandle = us.creators.find((c) => c.creatorId === inv.creators[0]!.creatorId)!.handle;
    expect(creators.map((c) => c.handle)).not.toContain(firstHandle);
    expect((after.invitationProducts ?? []).find((p) => p.invitationId === inv.id && p.productId === inv.products[0]!.productId)).toMatchObject({
      // Known from the search page; the broken detail record changed nothing.
      targetCommissionBps: inv.products[0]!.targetBps,
    });
    expect(await actions(page)).toEqual([]);
    await page.close();
  });

  it('open collaboration: a page of open plans', async () => {
    const gb = shopByKey(env.world, 'gb');
    const page = await open(env, simUrl(gb, 'open-collaboration', { generation: 'migrated', markup: 'cards', fault: 'shape' }));
    const plans = openDataOf(env.world, gb).plans.slice(0, PAGE_SIZE);
    const db = await storedWhen(env, 'the open plan stats', (d) => (d.endpointStats ?? []).some((s) => s.endpoint === 'openCollab.plans'));
    expect((db.endpointStats ?? []).find((s) => s.endpoint === 'openCollab.plans')).toMatchObject({ accepted: plans.length - OPEN_COLLAB_FAULTS.plans, rejected: OPEN_COLLAB_FAULTS.plans });
    const stored = rowsOf(db, 'openCollabs', gb).map((r) => r.productId);
    expect(stored.sort()).toEqual(plans.filter((_, i) => i !== 2 && i !== 5).map((p) => p.productId).sort());
    await page.close();
  });
});

describe.each([
  ['the live-verified reading (default)', undefined],
  ['the tab-enum reading', TAB_ENUM_STATUS],
] as const)('a record’s group_status in %s', (_reading, variant) => {
  const venv = freshEnv();

  it('stores the state of the tab each invitation is listed under, keeps TikTok’s code as sent, and shows both on the annotation', async () => {
    const us = shopByKey(venv.world, 'us');
    const code = (inv: SimInvitation) => String(variant ? inv.status : recordStatus(inv));
    const page = await open(venv, simUrl(us, 'target-invitations', { tab: 1, variant }));
    const seen = [...firstPage(venv, us, 1)];
    for (const tab of INVITATION_TABS.slice(1)) {
      await clickTab(page, tab.label);
      seen.push(...firstPage(venv, us, tab.code));
    }
    // The two readings differ on every tab but Expiring.
    expect(new Set(seen.map(code)).size).toBeGreaterThan(1);
    const db = await storedWhen(venv, `${seen.length} invitations`, (d) => seen.every((x) => (d.invitations ?? []).some((r) => r.id === x.id)));
    for (const inv of seen) expectInvitationAsInWorld(db, us, inv, code(inv));
    expectNothingUnread(db, ['invitations.search']);

    // The annotation of an invitation ending with nobody accepted says its state and TikTok's code, labelled as such.
    await clickTab(page, 'Expiring');
    const expiring = firstPage(venv, us, 2).filter((i) => countsOf(i).accepted === 0).slice(0, EXPIRING_UNACCEPTED);
    expect(expiring.length).toBe(EXPIRING_UNACCEPTED);
    for (const inv of expiring) {
      const host = page.locator(`[data-collab-lens="invitation-findings"][data-findings*="${invitationExpiringUnaccepted.id}|${inv.id}"]`);
      await waitFor(async () => (await host.count()) === 1, `the annotation of ${inv.name}`);
      const text = await popoverText(page, host);
      expect(text).toContain(`Status: Expiring, from the tab it was listed under and its end date; TikTok’s own status code on it: ${code(inv)}.`);
      expect(text).toMatch(/Source: Target collaboration, seen/);
    }
    await page.close();
  });
});

describe.each(Object.keys(OPEN_COLLAB_VARIANTS))('open collaboration answering in the form %s', (variant) => {
  const venv = freshEnv();

  it('stores the open plans, a commission history and the creator applications the page shows', async () => {
    const gb = shopByKey(venv.world, 'gb');
    const page = await open(venv, simUrl(gb, 'open-collaboration', { variant }));
    const plans = openDataOf(venv.world, gb).plans.slice(0, PAGE_SIZE);
    expect(await page.locator(ROWS.table).count()).toBe(plans.length);
    const okey = (productId: string) => `${shopKeyOf(gb)}|${productId}`;
    const db = await storedWhen(venv, `${plans.length} open plans`, (d) => plans.every((p) => (d.openCollabs ?? []).some((r) => r.key === okey(p.productId))));
    for (const p of plans) expect((db.openCollabs ?? []).find((r) => r.key === okey(p.productId))).toMatchObject({ status: p.status, commissionBps: p.history.at(-1)!.rateBps, showcaseCreators: p.showcaseCreators });

    const plan = plans[0]!;
    await afterRender(page, () => page.getByRole('button', { name: 'Commission history' }).first().click());
    expect(await page.getByRole('dialog', { name: 'Commission history' }).locator('li').count()).toBe(plan.history.length);
    const changes = commissionChanges(plan);
    const snaps = (d: Db) => (d.snapshots ?? []).filter((x) => x.entity === 'openCollab' && x.key === okey(plan.productId)).sort((a, b) => (a.at as number) - (b.at as number));
    const after = await storedWhen(venv, 'the commission history', (d) => snaps(d).length === changes.length);
    expect(snaps(after).map((x) => [x.at, (x.values as { commissionBps: number }).commissionBps])).toEqual(changes.map((c) => [c.start, c.rateBps]));
    await page.getByRole('button', { name: 'Close' }).click();

    await afterRender(page, () => page.locator('.sim-nav a[data-route="creator-applications"]').click());
    const apps = applicationsIn(venv.world, gb, 'PENDING').slice(0, PAGE_SIZE);
    expect(apps.length).toBeGreaterThan(0);
    const withApps = await storedWhen(venv, `${apps.length} applications`, (d) => apps.every((a) => (d.creatorApplications ?? []).some((r) => r.id === a.id)));
    for (const a of apps) expect((withApps.creatorApplications ?? []).find((r) => r.id === a.id)).toMatchObject({ status: a.status, productId: a.productId, commissionBps: a.commissionBps, appliedAt: a.applyTime });
    expectNothingUnread(withApps, ['openCollab.plans', 'openCollab.commissionHistory', 'openCollab.applications']);
    expect(withApps.endpointStats?.filter((x) => String(x.endpoint).startsWith('openCollab.')).map((x) => x.rejected)).toEqual([0, 0, 0]);
    await page.close();
  });
});

describe.each([
  ['us', 'table', 'legacy'],
  ['gb', 'cards', 'migrated'],
  ['id', 'cards', 'legacy'],
  ['global', 'table', 'migrated'],
] as const)('%s shop, %s markup, %s route', (key, markup, generation) => {
  it('stores the invitations of every status tab, then one invitation\'s products, creators and contacts', async () => {
    const shop = shopByKey(env.world, key);
    const page = await open(env, simUrl(shop, 'target-invitations', { markup, generation, tab: 1 }));
    const seen = firstPage(env, shop, 1);
    expect(await page.locator(ROWS[markup]).count()).toBe(seen.length);
    if (searchResults(env.world, shop, { status: 1, acceptedOnly: false, freeSampleOnly: false }).length > PAGE_SIZE) {
      await nextPage(page);
      seen.push(...searchResults(env.world, shop, { status: 1, acceptedOnly: false, freeSampleOnly: false }).slice(PAGE_SIZE, 2 * PAGE_SIZE));
    }
    for (const tab of INVITATION_TABS.slice(1)) {
      await clickTab(page, tab.label);
      seen.push(...firstPage(env, shop, tab.code));
    }
    const db = await storedWhen(env, `${seen.length} invitations`, (d) =>
      seen.every((x) => (d.invitations ?? []).some((r) => r.id === x.id && r.status === STATUS[x.status] && r.groupStatusRaw === String(recordStatus(x)))),
    );
    for (const inv of seen) expectInvitationAsInWorld(db, shop, inv);
    // The search lists each invitation's products with their target commission.
    for (const inv of seen) {
      for (const p of inv.products) {
        expect((db.invitationProducts ?? []).find((r) => r.invitationId === inv.id && r.productId === p.productId)).toMatchObject({ targetCommissionBps: p.targetBps, shopKey: shopKeyOf(shop) });
      }
    }
    expect((db.transitions ?? []).filter((t) => t.entity === 'invitation' && seen.some((x) => x.id === t.key)).length).toBeGreaterThanOrEqual(seen.length);

    // The detail of the first Completed invitation.
    const inv = firstPage(env, shop, 4)[0]!;
    await afterRender(page, () => page.getByRole('link', { name: 'View details' }).first().click());
    expect(page.url()).toContain(`id=${inv.id}`);
    const after = await storedWhen(env, 'the invited creators', (d) => (d.invitationCreators ?? []).filter((c) => c.invitationId === inv.id).length === inv.creators.length);
    for (const ic of inv.creators) {
      const c = shop.creators.find((x) => x.creatorId === ic.creatorId)!;
      const state = ic.posted > 0 ? 'POSTED' : ic.added > 0 ? 'ACCEPTED' : 'INVITED';
      expect((after.invitationCreators ?? []).find((r) => r.invitationId === inv.id && r.handle === c.handle)).toMatchObject({ state, accepted: ic.added > 0 ? 1 : 0, productsAdded: ic.added, contentPosted: ic.posted });
      expect((after.creators ?? []).find((r) => r.handle === c.handle)?.aliases).toContain(`cid:${c.creatorId}`);
      expect((after.transitions ?? []).some((t) => t.entity === 'invitationCreator' && t.key === `${inv.id}|${c.handle}` && t.to === state)).toBe(true);
    }
    const digits = await browserDigits(page, shop.currency);
    for (const p of inv.products) {
      expect((after.invitationProducts ?? []).find((r) => r.invitationId === inv.id && r.productId === p.productId)).toMatchObject({ targetCommissionBps: p.targetBps, adsCommissionBps: p.adsBps ?? undefined });
      const price = shop.products.find((x) => x.productId === p.productId)!.skus[0]!.price;
      expect((after.products ?? []).find((r) => r.productId === p.productId)?.price).toEqual({ minor: Math.round(price * 10 ** digits), currency: shop.currency });
    }
    const shown = inv.contacts.filter((c) => c.value);
    const stored = (after.invitations ?? []).find((r) => r.id === inv.id)!;
    expect(stored.message).toBe(inv.message);
    expect(stored.contactChannels).toEqual([...new Set(shown.map((c) => CHANNEL_OF[c.field]))].sort());
    const contacts = (after.contacts ?? []).filter((c) => c.entity === 'invitation' && c.key === inv.id);
    expect(contacts.map((c) => c.channel).sort()).toEqual(stored.contactChannels);
    for (const c of shown) expect(JSON.stringify(stored)).not.toContain(c.value);
    expect(await actions(page)).toEqual([]);
    await page.close();
  });

  it('stores open plan products with their commission history, and creator applications of every tab', async () => {
    const shop = shopByKey(env.world, key);
    const page = await open(env, simUrl(shop, 'open-collaboration', { markup, generation }));
    const plans = openDataOf(env.world, shop).plans.slice(0, PAGE_SIZE);
    expect(await page.locator(ROWS[markup]).count()).toBe(plans.length);
    const okey = (productId: string) => `${shopKeyOf(shop)}|${productId}`;
    const db = await storedWhen(env, `${plans.length} open plans`, (d) => plans.every((p) => (d.openCollabs ?? []).some((r) => r.key === okey(p.productId))));
    for (const p of plans) {
      expect((db.openCollabs ?? []).find((r) => r.key === okey(p.productId))).toMatchObject({
        status: p.status,
        commissionBps: p.history.at(-1)!.rateBps,
        commissionStartAt: p.history.at(-1)!.start,
        showcaseCreators: p.showcaseCreators,
        contentCreators: p.contentCreators,
      });
    }

    const plan = plans[0]!;
    await afterRender(page, () => page.getByRole('button', { name: 'Commission history' }).first().click());
    expect(await page.getByRole('dialog', { name: 'Commission history' }).locator('li').count()).toBe(plan.history.length);
    const changes = commissionChanges(plan);
    const snaps = (d: Db) => (d.snapshots ?? []).filter((s) => s.entity === 'openCollab' && s.key === okey(plan.productId)).sort((a, b) => (a.at as number) - (b.at as number));
    const after = await storedWhen(env, 'the commission history', (d) => snaps(d).length === changes.length);
    expect(snaps(after).map((s) => [s.at, (s.values as { commissionBps: number }).commissionBps])).toEqual(changes.map((c) => [c.start, c.rateBps]));
    await page.getByRole('button', { name: 'Close' }).click();

    await afterRender(page, () => page.locator('.sim-nav a[data-route="creator-applications"]').click());
    const apps = applicationsIn(env.world, shop, 'PENDING').slice(0, PAGE_SIZE);
    for (const tab of APPLICATION_TABS.slice(1)) {
      await clickTab(page, tab.label);
      apps.push(...applicationsIn(env.world, shop, tab.status).slice(0, PAGE_SIZE));
    }
    const withApps = await storedWhen(env, `${apps.length} applications`, (d) => apps.every((a) => (d.creatorApplications ?? []).some((r) => r.id === a.id)));
    for (const a of apps) {
      const c = shop.creators.find((x) => x.creatorId === a.creatorId)!;
      expect((withApps.creatorApplications ?? []).find((r) => r.id === a.id)).toMatchObject({
        shopKey: shopKeyOf(shop),
        status: a.status,
        productId: a.productId,
        creatorHandle: c.handle,
        appliedAt: a.applyTime,
        commissionBps: a.commissionBps,
      });
    }
    expect(await actions(page)).toEqual([]);
    await page.close();
  });
});
