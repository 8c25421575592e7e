import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simUrl } from '../sim/install';
import {
  brokenRegisteredRecords,
  brokenSearchRecords,
  CAMPAIGN_PAGE_SIZE,
  CAMPAIGN_STATUS_CODE,
  CAMPAIGN_VARIANTS,
  listCampaigns,
  REG,
  REG_NAME,
  REGISTERED_PAGE_SIZE,
  shopCampaigns,
  statusOf,
  type SimCampaign,
  type SimRegistration,
} from '../sim/surfaces/partner-campaigns';
import { HOSTILE, shopByKey, type SimShop } from '../sim/world';
import { readDb, waitFor } from './browser';
import { afterRender, clickTab, freshEnv, navigate, nextPage, open, startEnv, type Env } from './pages';

/**
 * Partner campaigns in both markups and both route generations on every host: the marketplace tabs, My campaigns,
 * a campaign's details and its registered products, and what Collab Lens stored from them.
 */

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(() => env?.session.close());

type Row = Record<string, unknown>;
const keyOf = (shop: SimShop) => `${shop.region}:${shop.sellerId}`;
const STATE: Record<number, string> = { 1: 'PENDING', 2: 'APPROVED', 3: 'LIVE', 4: 'REJECTED', 5: 'REJECTED_BLOCKED', 6: 'CANCEL_REQUESTED', 7: 'CANCELLED' };
const stateOf = (r: SimRegistration) => (r.state === REG.REJECTED && r.canReRegister === false ? 'REJECTED_BLOCKED' : STATE[r.state]);

/** No answer of these endpoints went unread (a list not found, data not understood), and none was rejected. */
function expectAllRead(db: Record<string, Row[]>, endpoints: readonly string[]): void {
  for (const e of endpoints) {
    const stat = db.endpointStats?.find((x) => x.endpoint === e);
    expect(stat, e).toMatchObject({ rejected: 0, failures: {} });
  }
}
const rowsSelector = (markup: string) => (markup === 'cards' ? '[data-campaign-id], [data-product-id]' : 'tbody tr');

async function dbWhen(check: (db: Record<string, Row[]>) => boolean, what: string): Promise<Record<string, Row[]>> {
  return waitFor(async () => {
    const db = await readDb(env.session);
    return check(db) && db;
  }, what, 20_000);
}

async function pageThrough(page: Page, total: number, size: number): Promise<void> {
  for (let p = 1; p < Math.ceil(total / size); p++) await nextPage(page);
}

describe('a response whose shape changed', () => {
  it('stores nothing of the broken campaigns and registrations, and counts them with their paths', async () => {
    const us = shopByKey(env.world, 'us');
    const data = shopCampaigns(env.world, us);
    const firstPage = listCampaigns(data, { source: 1, queryType: 1, scope: 0 }).slice(0, CAMPAIGN_PAGE_SIZE);
    const page = await open(env, simUrl(us, 'partner-campaigns', { fault: 'shape' }));
    // The page renders every campaign it received; Collab Lens stores the ones it could read.
    expect(await page.locator('tbody tr').count()).toBe(firstPage.length);
    const db = await dbWhen((d) => d.endpointStats?.some((s) => s.endpoint === 'campaign.search') ?? false, 'the search to be counted');
    expect(db.endpointStats?.find((s) => s.endpoint === 'campaign.search')).toMatchObject({
      accepted: firstPage.length - brokenSearchRecords(firstPage.length),
      rejected: 2,
      failures: { 'data.campaign[].commission_rate: invalid_union': 1, 'data.campaign[].campaign_id: custom': 1 },
    });
    const stored = new Set(db.campaigns?.map((c) => c.id));
    expect(stored.has(firstPage[1]!.campaignId)).toBe(false);
    expect(stored.size).toBe(firstPage.length - 2);

    const big = data.campaigns.find((c) => c.registrations.length > REGISTERED_PAGE_SIZE)!;
    await navigate(page, simUrl(us, 'partner-campaigns', { fault: 'shape', params: { campaign_id: big.campaignId, view: 'products' } }));
    const after = await dbWhen((d) => d.endpointStats?.some((s) => s.endpoint === 'campaign.registered') ?? false, 'the registrations to be counted');
    expect(after.endpointStats?.find((s) => s.endpoint === 'campaign.registered')).toMatchObject({ accepted: REGISTERED_PAGE_SIZE - brokenRegisteredRecords(REGISTERED_PAGE_SIZE), rejected: 2 });
    const keys = new Set(after.registrations?.map((r) => r.key));
    expect(keys.has(`${big.campaignId}|${big.registrations[0]!.productId}`)).toBe(false);
    expect(keys.has(`${big.campaignId}|${big.registrations[2]!.productId}`)).toBe(false);
    expect(keys.has(`${big.campaignId}|${big.registrations[1]!.productId}`)).toBe(true);
    await page.close();
  });
});

describe.each(Object.keys(CAMPAIGN_VARIANTS))('the seller-side answers in the form %s', (variant) => {
  const venv = freshEnv();

  const numeric = variant === 'partner-campaigns.numeric-status';
  /** A time as this form carries it: seconds lose the milliseconds. */
  const sent = (ms: number) => (variant === 'partner-campaigns.times-seconds' ? Math.floor(ms / 1000) * 1000 : ms);

  it('stores the campaigns a marketplace page shows, a campaign’s details and its registered products', async () => {
    const shop = shopByKey(venv.world, 'id');
    const shopKey = keyOf(shop);
    const data = shopCampaigns(venv.world, shop);
    const listed = listCampaigns(data, { source: 1, queryType: 1, scope: 0 }).slice(0, CAMPAIGN_PAGE_SIZE);
    const page = await open(venv, simUrl(shop, 'partner-campaigns', { variant }));
    expect(await page.locator('tbody tr').count()).toBe(listed.length);
    const db = await waitFor(async () => {
      const d = await readDb(venv.session);
      return listed.every((c) => d.campaigns?.some((x) => x.id === c.campaignId)) && d;
    }, `${listed.length} campaigns`);
    for (const c of listed) {
      const status = statusOf(c, Date.now());
      expect(db.campaigns?.find((x) => x.id === c.campaignId), c.campaignId).toMatchObject({
        shopKey,
        name: c.name,
        kind: c.source,
        commissionRequirementBps: c.commissionBps,
        registrationEndAt: sent(c.registrationEnd),
        campaignStartAt: sent(c.campaignStart),
        campaignEndAt: sent(c.campaignEnd),
        registeredProducts: c.registrations.length,
        // A numeric code is kept as sent, never guessed at.
        status: numeric ? 'UNKNOWN' : status,
        statusRaw: numeric ? String(CAMPAIGN_STATUS_CODE[status]) : status,
      });
    }

    const closing = listed[0]!;
    await navigate(page, simUrl(shop, 'partner-campaigns', { variant, params: { campaign_id: closing.campaignId } }));
    expect(await page.locator('main').textContent()).toContain(closing.partner!.name);
    const detail = await waitFor(async () => {
      const d = await readDb(venv.session);
      return d.campaigns?.some((x) => x.id === closing.campaignId && (x.source as { endpoint: string }).endpoint === 'campaign.detail') && d;
    }, 'the details');
    expect(detail.campaigns?.find((x) => x.id === closing.campaignId)).toMatchObject({ partnerName: closing.partner!.name, contactChannels: expect.arrayContaining(['email', 'phone']) as unknown });

    const joined = data.campaigns.find((c) => c.inMarketplace && c.registrations.length > 0)!;
    await navigate(page, simUrl(shop, 'partner-campaigns', { variant, params: { campaign_id: joined.campaignId, view: 'products' } }));
    expect(await page.locator('tbody tr').count()).toBe(joined.registrations.length);
    const regs = await waitFor(async () => {
      const d = await readDb(venv.session);
      return (d.registrations?.filter((r) => r.campaignId === joined.campaignId).length ?? 0) === joined.registrations.length && d;
    }, 'the registrations');
    for (const r of joined.registrations) {
      expect(regs.registrations?.find((x) => x.key === `${joined.campaignId}|${r.productId}`), r.productId).toMatchObject({
        state: numeric ? 'UNKNOWN' : stateOf(r),
        stateRaw: numeric ? String(r.state) : REG_NAME[r.state],
        totalCommissionBps: r.totalBps,
        creatorCommissionBps: r.creatorBps,
        sampleQuantity: r.sampleQuantity,
        registeredAt: sent(r.registeredAt),
      });
    }
    expectAllRead(regs, ['campaign.search', 'campaign.detail', 'campaign.registered']);
    await page.close();
  });
});

describe.each([
  ['table', 'legacy', 'us'],
  ['cards', 'migrated', 'gb'],
  ['cards', 'legacy', 'id'],
  ['table', 'migrated', 'global'],
] as const)('%s markup, %s route, %s shop', (markup, generation, key) => {
  it('browses the marketplace, My campaigns, details and registered products, and stores each campaign and registration', async () => {
    const shop = shopByKey(env.world, key);
    const data = shopCampaigns(env.world, shop);
    const market = listCampaigns(data, { source: 1, queryType: 1, scope: 0 });
    const page = await open(env, simUrl(shop, 'partner-campaigns', { markup, generation }));
    expect(await page.locator(rowsSelector(markup)).count()).toBe(Math.min(CAMPAIGN_PAGE_SIZE, market.length));
    await pageThrough(page, market.length, CAMPAIGN_PAGE_SIZE);
    await clickTab(page, 'Target campaigns');
    await clickTab(page, 'Local agency campaigns');
    expect(await page.locator(rowsSelector(markup)).count()).toBe(listCampaigns(data, { source: 1, queryType: 1, scope: 3 }).length);
    await clickTab(page, 'My campaigns');
    const joined = listCampaigns(data, { source: 1, queryType: 2, scope: 0 });
    await pageThrough(page, joined.length, CAMPAIGN_PAGE_SIZE);
    await clickTab(page, 'Seller-initiated campaigns');
    // From a seller-initiated campaign to its details, through the page's own link.
    await afterRender(page, () => page.getByRole('link', { name: 'View details' }).first().click());
    expect(page.url()).toContain('campaign_id=');
    // A capture still in the page's outbox is lost when the document goes away: let the lists land before leaving.
    const shopKey = keyOf(shop);
    await dbWhen((d) => (d.campaigns?.filter((c) => c.shopKey === shopKey).length ?? 0) === data.campaigns.length, `${data.campaigns.length} campaigns`);
    // The first marketplace campaign closes within 48 hours: its details carry the partner's contact.
    const closing = market[0]!;
    await navigate(page, simUrl(shop, 'partner-campaigns', { markup, generation, params: { campaign_id: closing.campaignId } }));
    expect(await page.locator('main').textContent()).toContain(closing.partner!.name);
    await dbWhen((d) => d.campaigns?.some((c) => c.id === closing.campaignId && (c.source as { endpoint: string }).endpoint === 'campaign.detail') ?? false, 'the details');
    const registeredIn = data.campaigns.filter((c) => c.registrations.length > 0);
    for (const c of registeredIn) {
      await navigate(page, simUrl(shop, 'partner-campaigns', { markup, generation, params: { campaign_id: c.campaignId, view: 'products' } }));
      await pageThrough(page, c.registrations.length, REGISTERED_PAGE_SIZE);
      await dbWhen((d) => (d.registrations?.filter((r) => r.campaignId === c.campaignId).length ?? 0) === c.registrations.length, `the registrations of ${c.campaignId}`);
    }
    await clickTab(page, 'Rejected');
    expect(await page.locator(rowsSelector(markup)).count()).toBe(registeredIn.at(-1)!.registrations.filter((r) => r.state === REG.REJECTED || r.state === REG.REJECT_FOREVER).length);

    const regCount = registeredIn.reduce((n, c) => n + c.registrations.length, 0);
    const db = await dbWhen(
      (d) => (d.registrations?.filter((r) => r.shopKey === shopKey).length ?? 0) === regCount,
      `${regCount} registrations`,
    );
    const campaigns = new Map((db.campaigns ?? []).filter((c) => c.shopKey === shopKey).map((c) => [c.id as string, c]));
    for (const c of data.campaigns) {
      expect(campaigns.get(c.campaignId), c.campaignId).toMatchObject({
        name: c.name,
        kind: c.source,
        scope: c.scope,
        commissionRequirementBps: c.commissionBps,
        registrationEndAt: c.registrationEnd,
        campaignStartAt: c.campaignStart,
        region: shop.region,
      });
    }
    expect(campaigns.get(closing.campaignId)).toMatchObject({ partnerName: closing.partner!.name, contactChannels: expect.arrayContaining(['email', 'phone']) as unknown });
    const regs = new Map((db.registrations ?? []).filter((r) => r.shopKey === shopKey).map((r) => [r.key as string, r]));
    const withWhatsapp: string[] = [];
    for (const c of registeredIn) {
      for (const r of c.registrations) {
        const k = `${c.campaignId}|${r.productId}`;
        expect(regs.get(k), k).toMatchObject({ state: stateOf(r), stateRaw: REG_NAME[r.state], totalCommissionBps: r.totalBps, sampleQuantity: r.sampleQuantity });
        if (r.contact.whatsapp) withWhatsapp.push(k);
      }
    }
    expect(new Set([...regs.values()].map((r) => r.state))).toEqual(new Set(Object.values(STATE)));
    // Contacts are kept apart: channels on the registration, values only in `contacts`.
    expect(JSON.stringify([...regs.values()])).not.toContain('.example');
    const contacts = (db.contacts ?? []).filter((c) => c.entity === 'registration' && c.channel === 'whatsapp').map((c) => c.key);
    for (const k of withWhatsapp) {
      expect(contacts).toContain(k);
      expect(regs.get(k)?.contactChannels).toEqual(['email', 'whatsapp']);
    }
    const transitions = (db.transitions ?? []).filter((t) => t.entity === 'registration' && regs.has(t.key as string));
    expect(transitions.length).toBeGreaterThanOrEqual(regCount);
    expect(await page.evaluate(() => (window as unknown as { __simActions: unknown[] }).__simActions)).toEqual([]);
    await page.close();
  });
});

describe('hostile text in a campaign', () => {
  it('stays text on the page and in the model', async () => {
    const us = shopByKey(env.world, 'us');
    const hostile = shopCampaigns(env.world, us).campaigns.find((c: SimCampaign) => c.name === HOSTILE.nickname)!;
    const page = await open(env, simUrl(us, 'partner-campaigns', { params: { campaign_id: hostile.campaignId } }));
    expect(await page.locator('main h2').textContent()).toBe(HOSTILE.nickname);
    expect(await page.evaluate(() => document.querySelectorAll('img[src="x"]').length + ((window as unknown as { __pwned?: number }).__pwned ?? 0))).toBe(0);
    const db = await dbWhen((d) => d.campaigns?.some((c) => c.id === hostile.campaignId && c.source && (c.source as { endpoint: string }).endpoint === 'campaign.detail') ?? false, 'the hostile campaign');
    expect(db.campaigns?.find((c) => c.id === hostile.campaignId)).toMatchObject({ name: HOSTILE.nickname, description: HOSTILE.productTitle });
    await page.close();
  });
});
