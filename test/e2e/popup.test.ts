import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { isoWeek, weekStart } from '../../lib/aggregates/model';
import type { SampleRequest } from '../../lib/domain/types';
import type { Finding } from '../../lib/rules/types';
import { seedScript } from '../bench/popup';
import type { SeedResult } from '../bench/browser/popup-entry';
import { simUrl } from '../sim/install';
import { shopByKey, tabRequests } from '../sim/world';
import { openExtensionPage, startEnv, type Env } from './pages';

/**
 * The popup on a seeded shop (rows put into the extension's database from an extension page, aggregates rebuilt as
 * after an import): commission benchmarks with a quick compare and a category with too few rates, the outreach funnel
 * with the weekly quota, the rule engine's findings linking to their Affiliate Center page, and the sample requests,
 * in English and in Bahasa Indonesia. Expected figures are worked out by hand from the rows below.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Beauty: 25 products at 5%, 6% … 29% (one rate each): three of the seller's products in open collaboration (5%, 17%,
 * 29%), the others in two target invitations. Median 17%; 10th/25th/75th/90th percentiles 7.4%, 11%, 23%, 26.6%.
 * Home: four products at 10–13%: too few for percentiles (20 needed).
 * Market (creators' median commissions, `shopCreators`): Beauty 21 creators at 10%, 11% … 30% (10 matched to the
 * category by id, 11 by name; 5 exact rates, 16 range labels), median 20%, 10th/25th/75th/90th 12%, 15%, 25%, 28%;
 * Home 3 creators (too few); a creator whose only category no product has counts nowhere. Glow Serum 12 (17%) has 7
 * creators below it and one equal (counted half): 36%.
 * Invitation A (this week): 12 creators, 5 accepted, 2 of them posted, 1 requested and got a sample and ordered twice, 1
 * more requested. Invitation B (last week): 4 creators, 1 accepted. All twelve of A have 5,000 followers; B's four are
 * of unknown size.
 */
function model(shopKey: string, sellerId: string, host: string, page: string, now: number) {
  const source = { endpoint: 'sample.group.list', page };
  const seen = { firstSeenAt: now - 20 * DAY, lastSeenAt: now - HOUR };
  const pid = (n: number) => `17295${String(n).padStart(14, '0')}`;
  const handle = (n: number) => `maya.glow${String(n).padStart(2, '0')}`;
  const thisWeek = weekStart(now);
  const beauty = Array.from({ length: 25 }, (_, i) => ({ productId: pid(i), shopKey, title: `Glow Serum ${i}`, categoryId: '601226', categoryName: 'Beauty', ...seen, source }));
  const home = Array.from({ length: 4 }, (_, i) => ({ productId: pid(100 + i), shopKey, title: `Rak Dapur ${i}`, categoryId: '600001', categoryName: 'Home', ...seen, source }));
  const collab = (productId: string, bps: number) => ({ key: `${shopKey}|${productId}`, shopKey, productId, commissionBps: bps, status: 'NORMAL', ...seen, source });
  const invitation = (id: string, name: string, message: string, startAt: number) => ({
    id,
    shopKey,
    name,
    message,
    status: 'ONGOING',
    statusRaw: '1',
    startAt,
    counts: {},
    contactChannels: [],
    ...seen,
    source: { endpoint: 'invitation_group.search', page },
  });
  const invited = (invitationId: string, n: number, state: 'INVITED' | 'ACCEPTED' | 'POSTED') => ({
    invitationId,
    handle: handle(n),
    shopKey,
    accepted: state === 'INVITED' ? 0 : 1,
    statusRaw: state,
    state,
    lastSeenAt: now,
  });
  const requests: SampleRequest[] = [
    { applyId: '1729000000000000001', shopKey, creatorHandle: handle(0), productId: pid(1), status: 'SHIPPED', statusRaw: 'SHIPPED', statusSeenAt: now - HOUR, appliedAt: thisWeek + HOUR, ...seen, source },
    {
      applyId: '1729000000000000002',
      shopKey,
      creatorHandle: handle(2),
      productId: pid(2),
      status: 'PENDING',
      statusRaw: 'PENDING',
      statusSeenAt: now - HOUR,
      appliedAt: thisWeek + HOUR,
      deadline: { kind: 'review', at: now + 5 * HOUR, seenAt: now - HOUR },
      ...seen,
      source,
    },
  ];
  // Lines as the Affiliate orders page sends them: no SKU id, no price; a video line and a LIVE one through an agency.
  const orderSku = (n: number) => ({
    key: `57700000000000000${n}|#1`,
    orderId: `57700000000000000${n}`,
    line: 1,
    shopKey,
    createdAt: Math.min(now, thisWeek + 2 * HOUR),
    productId: pid(1),
    creatorHandle: handle(0),
    contentType: n === 1 ? 'VIDEO' : 'LIVE',
    contentTypeRaw: n === 1 ? '2' : '3',
    commissionBps: 1000,
    estimatedCommission: { minor: 15_000 * n, currency: 'IDR' },
    ...(n === 2 && { partner: { id: '7260000000000000001', name: 'Glow Partners Agency' }, partnerCommissionBps: 500, estimatedPartnerCommission: { minor: 15_000, currency: 'IDR' } }),
    settlement: 'UNKNOWN',
    settlementRaw: '',
    refunded: 0,
    ...seen,
    source: { endpoint: 'orders.list', page: page.replace('sample-request', 'order') },
  });
  const finding: Finding = {
    id: 'sample-review-deadline|1729000000000000002',
    ruleId: 'sample-review-deadline',
    subject: 'sampleRequest',
    subjectKey: '1729000000000000002',
    shopKey,
    severity: 'high',
    params: { handle: handle(2), product: 'Glow Serum 2', productId: pid(2), deadline: { at: now + 5 * HOUR } },
    evidence: [{ entity: 'sampleRequest', key: '1729000000000000002', seenAt: now - HOUR, source, basis: 'estimated' }],
    dueAt: now + 5 * HOUR,
    firstSeenAt: now - HOUR,
    evaluatedAt: now - HOUR,
  };
  return {
    shops: [{ key: shopKey, region: 'ID', sellerId, host, firstSeenAt: now - 30 * DAY, lastSeenAt: now }],
    products: [...beauty, ...home],
    openCollabs: [collab(pid(0), 500), collab(pid(12), 1700), collab(pid(24), 2900), ...home.map((p, i) => collab(p.productId, 1000 + i * 100))],
    invitations: [invitation('inv-a', 'Ramadan glow', 'Halo kak, coba serum kami!', thisWeek), invitation('inv-b', 'Serum launch', 'Hi! Try our serum', thisWeek - 7 * DAY)],
    invitationProducts: beauty
      .map((p, i) => ({ invitationId: i < 12 ? 'inv-a' : 'inv-b', productId: p.productId, shopKey, targetCommissionBps: 500 + i * 100, lastSeenAt: now }))
      .filter((_, i) => i % 12 !== 0),
    invitationCreators: [
      ...Array.from({ length: 12 }, (_, n) => invited('inv-a', n, n < 2 ? 'POSTED' : n < 5 ? 'ACCEPTED' : 'INVITED')),
      ...Array.from({ length: 4 }, (_, n) => invited('inv-b', 12 + n, n === 0 ? 'ACCEPTED' : 'INVITED')),
    ],
    creators: Array.from({ length: 12 }, (_, n) => ({ handle: handle(n), aliases: [], followerCount: { value: 5000, seenAt: now, source }, ...seen })),
    sampleRequests: requests,
    orderSkus: [orderSku(1), orderSku(2)],
    findings: [finding],
    shopCreators: market(shopKey, page, now),
  };
}

/** Creators' median commissions seen in the shop's creator marketplace (see the model's comment). */
function market(shopKey: string, page: string, now: number) {
  const source = { endpoint: 'creators.find', page };
  const row = (handle: string, bps: number, categories: { id?: string; name?: string }[], form: 'exact' | 'label', firstSeenAt: number) => ({
    shopKey,
    handle,
    medianCommission: { bps, form, firstSeenAt, lastSeenAt: now - HOUR, source },
    categories: { value: categories, seenAt: now - HOUR, source },
    firstSeenAt,
    lastSeenAt: now - HOUR,
  });
  return [
    ...Array.from({ length: 21 }, (_, i) => row(`market.beauty${i}`, 1000 + i * 100, i < 10 ? [{ id: '601226', name: 'Beauty & Personal Care' }] : [{ name: 'beauty' }], i < 5 ? 'exact' : 'label', now - (10 - (i % 10)) * DAY)),
    ...Array.from({ length: 3 }, (_, i) => row(`market.home${i}`, 800 + i * 100, [{ name: 'Home' }], 'label', now - 2 * DAY)),
    row('market.toys', 500, [{ name: 'Toys' }], 'label', now - DAY),
  ];
}

interface Seeded {
  env: Env;
  shopKey: string;
  page: string;
  week: string;
}

async function seeded(locale: string): Promise<Seeded> {
  const env = await startEnv({ locale });
  const shop = shopByKey(env.world, 'id');
  const shopKey = `ID:${shop.sellerId}`;
  const page = simUrl(shop, 'sample-request', { tab: 10 });
  const now = Date.now();
  const seeder = await openExtensionPage(env, 'options.html');
  await seeder.evaluate(await seedScript());
  const rows = model(shopKey, shop.sellerId, shop.host, page, now);
  const result = (await seeder.evaluate(([tables, at]) => (globalThis as unknown as { collabLensSeed: { seedRows(t: unknown, n: number): Promise<SeedResult> } }).collabLensSeed.seedRows(tables, at), [rows, now] as const)) as SeedResult;
  expect(result.rows).toBe(Object.values(rows).reduce((n, r) => n + r.length, 0));
  await seeder.close();
  return { env, shopKey, page, week: isoWeek(now) };
}

/** What axe-core finds serious or critical on the page as it is now, as `rule: target` lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

/** Every tab of the popup, its details opened, in light and dark: no serious or critical violation. */
async function checkEveryTab(page: Page, tabs: (string | RegExp)[]): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const name of tabs) {
      await page.getByRole('tab', { name }).click();
      await page.locator('[role="tabpanel"] > *').first().waitFor();
      const closed = page.locator('details:not([open]) > summary');
      while ((await closed.count()) > 0) await closed.first().click();
      expect(await seriousViolations(page), `${String(name)}, ${colorScheme}`).toEqual([]);
    }
  }
}

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('popup in English', () => {
  let s: Seeded;
  let popup: Page;
  beforeAll(async () => {
    s = await seeded('en-US');
    popup = await openExtensionPage(s.env, 'popup.html');
    await popup.getByTestId('benchmark-figure').waitFor();
  });
  afterAll(() => s?.env.session.close());

  it('shows the market apart from the own pages: the creators’ median commissions with their count, dates, forms and percentiles', async () => {
    expect(await text(popup, 'market-figure')).toBe('Creators’ median commission in Beauty: 20%');
    expect(await text(popup, 'market-basis')).toMatch(
      /^From the median commissions of 21 creators \(each counted once\) seen in the ID creator marketplace between .+ and .+\. Sent as an exact rate \(5\), a range \(16\) or a number \(0\); matched to the category by its id \(10\) or by its name \(11\)\.$/,
    );
    const rows = await popup.locator('table[id^="market-percentiles-"] tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent, tr.querySelector('td')?.textContent]));
    expect(rows).toEqual([
      ['10th', '12%'],
      ['25th', '15%'],
      ['50th', '20%'],
      ['75th', '25%'],
      ['90th', '28%'],
    ]);
    expect(await popup.getByTestId('own-products-market').locator('li').allTextContents()).toEqual([
      'Glow Serum 0: 5%, higher than 0% of the 21 creators’ median commissions; their median is 20%.',
      'Glow Serum 12: 17%, higher than 36% of the 21 creators’ median commissions; their median is 20%.',
      'Glow Serum 24: 29%, higher than 93% of the 21 creators’ median commissions; their median is 20%.',
    ]);
    // Each source under its own heading: the seller sees which one a figure rests on.
    expect(await popup.getByTestId('benchmark-market').getByRole('heading').textContent()).toBe('Market: creators’ median commissions');
    expect(await popup.getByTestId('benchmark-own').getByRole('heading').textContent()).toBe('Your own pages: commission rates seen');
    expect(await popup.getByTestId('benchmark-market').getByTestId('benchmark-figure').count()).toBe(0);
  });

  it('opens on the benchmark of the category with the seller’s products: percentiles with their basis, products placed, a chart with a text alternative', async () => {
    expect(await popup.getByRole('tab', { selected: true }).textContent()).toBe('Benchmarks');
    expect(await text(popup, 'benchmark-figure')).toBe('Median commission in Beauty: 17%');
    expect(await text(popup, 'benchmark-basis')).toMatch(/^From 25 distinct rates \(each product and rate counted once\) seen in ID shops between .+ and .+\. Seen in open collaborations \(3\), target invitations \(22\), creator applications \(0\), sample requests \(0\), campaign registrations \(0\) and campaign requirements \(0\)\.$/);
    const rows = await popup.locator('table[id^="percentiles-"] tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent, tr.querySelector('td')?.textContent]));
    expect(rows).toEqual([
      ['10th', '7.4%'],
      ['25th', '11%'],
      ['50th', '17%'],
      ['75th', '23%'],
      ['90th', '26.6%'],
    ]);
    expect(await popup.getByTestId('own-products').locator('li').allTextContents()).toEqual([
      'Glow Serum 0: 5%, higher than 0% of the 24 rates of the other products; their median is 17.5%.',
      'Glow Serum 12: 17%, higher than 50% of the 24 rates of the other products; their median is 17%.',
      'Glow Serum 24: 29%, higher than 100% of the 24 rates of the other products; their median is 16.5%.',
    ]);
    const chart = popup.getByTestId('distribution-chart');
    await chart.locator('canvas').waitFor();
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.getAttribute('aria-label')).toContain('with your products marked');
    const table = await chart.getAttribute('aria-describedby');
    expect(await popup.locator(`#${table}`).count()).toBe(1);
  });

  it('compares a typed rate or one of the seller’s products, and says what reaches the median', async () => {
    await popup.locator('#compare-rate').fill('12');
    await expect
      .poll(() => text(popup, 'compare-result'))
      .toBe('A commission of 12% is higher than 30% of the 25 rates seen in Beauty. The median is 17%: offer at least that (5 percentage points more) to reach it.');
    expect(await text(popup, 'compare-market')).toBe('Against the market: higher than 12% of the 21 creators’ median commissions. Their median is 20%.');
    await popup.locator('#compare-product').selectOption({ label: 'Glow Serum 24' });
    await expect
      .poll(() => text(popup, 'compare-result'))
      .toBe('Glow Serum 24 pays 29%, higher than 100% of the 24 rates of the other products in Beauty. That is at or above the median, 16.5%.');
    expect(await popup.locator('#compare-rate').inputValue()).toBe('');
    await popup.locator('#compare-rate').fill('120');
    await expect.poll(() => text(popup, 'compare-result')).toBe('Enter a rate from 0.01 to 100.');
  });

  it('says when a category has too few rates instead of showing a number', async () => {
    expect(await popup.locator('#benchmark-category option').allTextContents()).toEqual(['Beauty: 21 creators, 25 rates, 3 of your products', 'Home: 3 creators, 4 rates, 4 of your products']);
    await popup.locator('#benchmark-category').selectOption({ label: 'Home: 3 creators, 4 rates, 4 of your products' });
    await expect.poll(() => text(popup, 'benchmark-figure')).toBe('Only 4 distinct commission rates seen in Home: Collab Lens shows percentiles from 20 rates on.');
    expect(await text(popup, 'market-figure')).toBe('Only 3 creators’ median commissions seen in Home: Collab Lens shows percentiles from 20 creators on.');
    expect(await popup.locator('table[id^="market-percentiles-"]').count()).toBe(0);
    expect(await popup.locator('table[id^="percentiles-"]').count()).toBe(0);
    expect(await popup.getByTestId('distribution-chart').count()).toBe(0);
    expect(await popup.getByTestId('own-products').locator('li').first().textContent()).toBe(
      'Rak Dapur 0: 10%. Only 3 rates of the other products seen: too few to place it (at least 20).',
    );
    await popup.locator('#compare-rate').fill('11');
    await expect.poll(() => text(popup, 'compare-result')).toBe('Only 4 rates seen to compare with in Home: too few to say where it stands (at least 20).');
    expect(await text(popup, 'compare-market')).toBe('Against the market: only 3 creators’ median commissions seen in Home, too few to say (at least 20).');
  });

  it('shows the outreach funnel, week by week, per invitation, per message and per tier, with this week against the quota', async () => {
    await popup.getByRole('tab', { name: 'Outreach' }).click();
    await popup.getByTestId('quota').waitFor();
    expect(await text(popup, 'quota-progress')).toBe(`12 of 50 creators invited this week (${s.week}).`);
    const funnel = await popup.locator('[data-testid="funnel"] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    expect(funnel).toEqual([
      ['Invited', '16', ''],
      ['Accepted', '6', '38% of 16'],
      ['Requested a sample', '2', '13% of 16'],
      ['Sample shipped', '1', '6% of 16'],
      ['Posted content', '2', '13% of 16'],
      ['Drove orders', '1', '6% of 16'],
    ]);
    expect(await popup.getByTestId('funnel').locator('..').textContent()).toContain('2 SKU orders in all.');
    const thisWeek = await popup.locator(`[data-week="${s.week}"]`).evaluate((tr) => [...tr.querySelectorAll('td')].map((c) => c.textContent));
    expect(thisWeek).toEqual(['1', '12', '5', '2', '1', '2', '1']);
    for (const id of ['funnel-chart', 'trend-chart']) {
      await popup.getByTestId(id).locator('canvas').waitFor();
      expect(await popup.getByTestId(id).getAttribute('role')).toBe('img');
    }

    await popup.getByText('By invitation').click();
    const invitation = await popup.locator('[data-invitation="inv-a"]').evaluate((tr) => [...tr.querySelectorAll('td')].map((c) => (c as HTMLElement).innerText));
    expect(invitation).toEqual(['12', '5\n42% of 12', '2', '2\n17% of 12', '1']);
    await popup.getByText('By message text').click();
    expect(await popup.getByTestId('by-message').locator('tbody th').allTextContents()).toEqual(['Halo kak, coba serum kami!', 'Hi! Try our serum']);

    const tiers = await popup.locator('[data-testid="by-tier"] tbody tr').evaluateAll((trs) =>
      Object.fromEntries(trs.map((tr) => [tr.getAttribute('data-tier'), [...tr.querySelectorAll('td')].map((c) => c.textContent)])),
    );
    expect(tiers['1k-10k']).toEqual(['12', '42% of 12', 'Too few (5)']);
    expect(tiers.unknown).toEqual(['4', 'Too few (4)', 'Too few (1)']);
    expect(tiers['1m-plus']).toEqual(['0', 'Too few (0)', 'Too few (0)']);

    // The shop's orders by channel: GMV is commission ÷ rate (10%), as the lines carry no price.
    const channels = await popup.locator('[data-testid="channels"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-channel'), ...[...tr.children].map((c) => (c as HTMLElement).innerText.replace(/\s+/g, ' '))]),
    );
    const rupiah = (n: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }).format(n).replace(/\s+/g, ' ');
    expect(channels).toEqual([
      ['video', 'Video', '1', '1', `${rupiah(150_000)} over 1 SKU orders`, `${rupiah(0)} over 0 SKU orders`],
      ['live', 'LIVE', '1', '1', `${rupiah(300_000)} over 1 SKU orders`, `${rupiah(0)} over 0 SKU orders`],
      ['showcase', 'Showcase / product card', '0', '0', `${rupiah(0)} over 0 SKU orders`, `${rupiah(0)} over 0 SKU orders`],
    ]);
    expect(await text(popup, 'channels-note')).toContain('2 of the 2 SKU orders with GMV show no price on the Affiliate orders page');
    expect(await text(popup, 'channels-source')).toMatch(/^From the 2 SKU orders Collab Lens saw on the Affiliate orders pages you opened, created .+ to .+; last seen .+\.$/);
  });

  it('saves a weekly quota and says when this week is over it', async () => {
    await popup.locator('#weekly-quota').fill('10');
    await popup.getByRole('button', { name: 'Save quota' }).click();
    await expect.poll(() => text(popup, 'quota-progress')).toBe(`12 creators invited this week (${s.week}): 2 more than your quota of 10.`);
    await popup.locator('#weekly-quota').fill('0');
    await popup.getByRole('button', { name: 'Save quota' }).click();
    await expect.poll(() => popup.getByRole('status').filter({ hasText: 'whole number' }).textContent()).toBe('Enter a whole number from 1 to 10,000.');
    expect(await text(popup, 'quota-progress')).toContain('your quota of 10.');
  });

  it('still counts the sample requests by status, creators and products', async () => {
    await popup.getByRole('tab', { name: 'Samples' }).click();
    await popup.getByTestId('summary').waitFor();
    expect([await text(popup, 'requests'), await text(popup, 'creators'), await text(popup, 'products')]).toEqual(['2', '2', '29']);
    const byStatus = await popup.locator('tr[data-status]').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-status'), tr.querySelector('td')?.textContent]));
    expect(byStatus).toEqual([
      ['PENDING', '1'],
      ['SHIPPED', '1'],
    ]);
  });

  it('lists the findings most urgent first, each linking to the page and item it is about', async () => {
    // The rule engine may add findings of its own about the seeded shop (its alarm runs a minute after start).
    await popup.getByRole('tab', { name: /^Findings \(\d+\)$/ }).click();
    const item = popup.locator('[data-finding]').first();
    await item.waitFor();
    expect(await item.getAttribute('data-finding')).toBe('sample-review-deadline|1729000000000000002');
    expect(await item.getAttribute('data-severity')).toBe('high');
    expect(await item.locator('h3').textContent()).toBe('Sample request review deadline near');
    expect(await item.textContent()).toContain("Review @maya.glow02's sample request for Glow Serum 2 by");
    const link = item.getByTestId('finding-link');
    expect(await link.textContent()).toBe('Open Sample requests: maya.glow02 · 1729500000000000002');
    expect(await link.getAttribute('href')).toBe(s.page);
    const [opened] = await Promise.all([s.env.session.context.waitForEvent('page'), link.press('Enter')]);
    await opened.waitForFunction(() => Number(document.documentElement.dataset.simReady ?? 0) > 0);
    expect(opened.url()).toBe(s.page);
    // The page was captured: the background updated the aggregates after the ingest, and the open popup follows.
    await popup.getByRole('tab', { name: 'Samples' }).click();
    const shown = Math.min(50, tabRequests(shopByKey(s.env.world, 'id'), 10).length);
    await expect.poll(() => text(popup, 'requests'), { timeout: 15_000 }).toBe(String(2 + shown));
    await opened.close();
  });

  it('has no serious or critical accessibility violation on any tab, in light and dark', async () => {
    await checkEveryTab(popup, ['Benchmarks', 'Outreach', /^Findings/, 'Samples']);
  });

  it('moves between tabs with the arrow keys', async () => {
    await popup.getByRole('tab', { name: 'Samples' }).focus();
    await popup.keyboard.press('ArrowRight');
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Benchmarks');
    expect(await popup.getByRole('tab', { selected: true }).textContent()).toBe('Benchmarks');
    await popup.keyboard.press('End');
    expect(await popup.getByRole('tab', { selected: true }).textContent()).toBe('Samples');
  });
});

describe('popup in Bahasa Indonesia', () => {
  let s: Seeded;
  let popup: Page;
  beforeAll(async () => {
    s = await seeded('id-ID');
    popup = await openExtensionPage(s.env, 'popup.html');
    await popup.getByTestId('benchmark-figure').waitFor();
  });
  afterAll(() => s?.env.session.close());

  it('shows the benchmark, the compare and the too-few message in Indonesian with Indonesian numbers', async () => {
    expect(await popup.getByRole('tab').allTextContents()).toEqual(['Patokan', 'Penjangkauan', expect.stringMatching(/^Temuan \(\d+\)$/), 'Sampel']);
    expect(await text(popup, 'benchmark-figure')).toBe('Median komisi di Beauty: 17%');
    expect(await text(popup, 'market-figure')).toBe('Median komisi kreator di Beauty: 20%');
    expect(await text(popup, 'market-basis')).toMatch(/^Dari median komisi 21 kreator \(setiap kreator dihitung sekali\) yang terlihat di marketplace kreator ID antara .+ dan .+\. Dikirim sebagai tarif pasti \(5\), rentang \(16\) atau angka \(0\); dicocokkan dengan kategori lewat ID-nya \(10\) atau namanya \(11\)\.$/);
    await popup.locator('#compare-rate').fill('12.5');
    await expect
      .poll(() => text(popup, 'compare-result'))
      .toBe('Komisi 12,5% lebih tinggi dari 32% dari 25 tarif yang terlihat di Beauty. Mediannya 17%: tawarkan paling sedikit sebesar itu (4,5 poin persentase lebih tinggi) untuk mencapainya.');
    await popup.locator('#benchmark-category').selectOption({ label: 'Home: 3 kreator, 4 tarif, 4 produk Anda' });
    await expect.poll(() => text(popup, 'benchmark-figure')).toBe('Baru 4 tarif komisi berbeda yang terlihat di Home: Collab Lens menampilkan persentil mulai dari 20 tarif.');
  });

  it('shows the outreach quota and tiers in Indonesian', async () => {
    await popup.getByRole('tab', { name: 'Penjangkauan' }).click();
    await popup.getByTestId('quota').waitFor();
    expect(await text(popup, 'quota-progress')).toBe(`12 dari 50 kreator diundang minggu ini (${s.week}).`);
    const unknown = await popup.locator('[data-tier="unknown"]').evaluate((tr) => [...tr.children].map((c) => c.textContent));
    expect(unknown).toEqual(['Tidak terlihat', '4', 'Terlalu sedikit (4)', 'Terlalu sedikit (1)']);
    expect(await popup.locator('[data-stage="accepted"]').evaluate((tr) => [...tr.children].map((c) => c.textContent))).toEqual(['Menerima', '6', '38% dari 16']);
    expect(await popup.locator('[data-testid="channels"] tbody th').allTextContents()).toEqual(['Video', 'LIVE', 'Etalase / kartu produk']);
    expect(await popup.locator('[data-channel="live"] td').first().textContent()).toBe('1');
    expect(await text(popup, 'channels-source')).toMatch(/^Dari 2 pesanan SKU yang dilihat Collab Lens di halaman Pesanan afiliasi/);
  });

  it('has no serious or critical accessibility violation on any tab, in light and dark', async () => {
    await checkEveryTab(popup, ['Patokan', 'Penjangkauan', /^Temuan/, 'Sampel']);
  });

  it('links a finding to its page in Indonesian', async () => {
    await popup.getByRole('tab', { name: /^Temuan \(\d+\)$/ }).click();
    const item = popup.locator('[data-finding="sample-review-deadline|1729000000000000002"]');
    const link = item.getByTestId('finding-link');
    await link.waitFor();
    expect(await link.textContent()).toBe('Buka Permintaan sampel: maya.glow02 · 1729500000000000002');
    expect(await item.locator('.severity').textContent()).toBe('Mendesak');
    const [opened] = await Promise.all([s.env.session.context.waitForEvent('page'), link.press('Enter')]);
    await opened.waitForFunction(() => Number(document.documentElement.dataset.simReady ?? 0) > 0);
    expect(opened.url()).toBe(s.page);
    await opened.close();
  });
});
