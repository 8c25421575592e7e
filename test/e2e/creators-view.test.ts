import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRecord, Shop } from '../../lib/domain/types';
import { creatorAnalysisExport, HAND_EXPORT, type ExportLocale } from '../fixtures/exports';
import { simUrl } from '../sim/install';
import { shopByKey, tabRequests } from '../sim/world';
import { extensionUrl, readDb, waitFor } from './browser';
import { BADGE, expectOneBadgePerRow, open, openExtensionPage, startEnv, tabIdOf, type Env } from './pages';

/**
 * The creators view and one creator's page in the real extension: opened from the popup, the side panel and a badge on
 * the sample requests page; the headline figures of a hand-computed creator analysis export imported on the options
 * page (test/fixtures/exports.ts `HAND_EXPORT`); sorting and filtering; the seller's marks saved on the creator page
 * and shown in the view and on the page's badge; both languages and both colour schemes.
 */

let env: Env;
let shopKey: string;
let tabId: number;
let samplesPage: Page;
let options: Page;
let importId: string;

const HAND_FILE = 'Hand export May.csv';
const HANDLES = HAND_EXPORT.truths.map((t) => t.name);
const ZERO_GMV = HAND_EXPORT.truths.filter((t) => t.gmv === '0.00').map((t) => t.name);

async function setLanguage(language: 'en' | 'id'): Promise<void> {
  const sw = await env.session.serviceWorker();
  await sw.evaluate(async (l) => chrome.storage.local.set({ language: l }), language);
}

const viewPath = (query: Record<string, string> = {}) => `creators.html?${new URLSearchParams({ shop: shopKey, ...query })}`;
const creatorPagePath = (handle: string) => `creator.html?${new URLSearchParams({ shop: shopKey, handle })}`;

/** The handles of the rows the list shows, top first. */
const shownHandles = (page: Page) => page.locator('[role="row"][data-handle]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.handle));
const shownCells = (page: Page, col: string) => page.locator(`[role="row"][data-handle] [data-col="${col}"]`).allTextContents();
const count = (page: Page) => page.getByTestId('count').textContent();
const headline = (page: Page, id: string) => page.getByTestId(`headline-${id}`).textContent();

async function openView(query: Record<string, string> = {}): Promise<Page> {
  const page = await openExtensionPage(env, viewPath(query));
  await page.getByTestId('creator-list').waitFor();
  return page;
}

/** A page the extension opens in a tab of its own after `action`. */
async function pageOpenedBy(action: () => Promise<unknown>): Promise<Page> {
  const [page] = await Promise.all([env.session.context.waitForEvent('page'), action()]);
  await page.waitForLoadState('domcontentloaded');
  return page;
}

beforeAll(async () => {
  env = await startEnv();
  const us = shopByKey(env.world, 'us');
  samplesPage = await open(env, simUrl(us, 'sample-request', { tab: 10 }));
  await expectOneBadgePerRow(samplesPage, 'table', Math.min(50, tabRequests(us, 10).length));
  const db = await readDb(env.session);
  shopKey = ((db.shops as unknown as Shop[]).find((s) => s.region === 'US') as Shop).key;
  tabId = await tabIdOf(env, samplesPage);

  // The seller imports the hand-computed export for May 2025 on the options page.
  options = await openExtensionPage(env, 'options.html');
  await options.getByRole('heading', { name: 'Import Affiliate Center exports' }).waitFor();
  const locale: ExportLocale = { ...HAND_EXPORT.locale, shopKey };
  const bytes = creatorAnalysisExport(HAND_EXPORT.truths, locale, { format: 'csv' });
  await waitFor(async () => (await options.locator('#import-shop option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).includes(shopKey), 'the shop to import for');
  await options.setInputFiles('#import-file', { name: HAND_FILE, mimeType: 'text/csv', buffer: Buffer.from(bytes) });
  await options.selectOption('#import-shop', shopKey);
  await options.fill('#import-from', '2025-05-01');
  await options.fill('#import-to', '2025-05-31');
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await waitFor(async () => (await options.getByTestId('import-result').textContent())?.includes(`“${HAND_FILE}”. Rows stored: 8.`), 'the import to be stored', 60_000);
  const record = ((await readDb(env.session)).imports as unknown as ImportRecord[]).find((r) => r.fileName === HAND_FILE) as ImportRecord;
  importId = record.id;
});
afterAll(() => env?.session.close());

describe('opening the view', () => {
  it('the popup links to the shop’s creators view', async () => {
    const popup = await openExtensionPage(env, `popup.html?tabId=${tabId}`);
    const view = await pageOpenedBy(() => popup.getByTestId('open-creators').click());
    expect(view.url().startsWith(extensionUrl(env.session, 'creators.html?'))).toBe(true);
    expect(new URL(view.url()).searchParams.get('shop')).toBe(shopKey);
    await view.getByRole('heading', { level: 1, name: 'Creators' }).waitFor();
    await Promise.all([popup.close(), view.close()]);
  });

  it('the side panel links to the shop’s creators view', async () => {
    const panel = await openExtensionPage(env, `sidepanel.html?tabId=${tabId}`);
    const view = await pageOpenedBy(() => panel.getByTestId('open-creators').click());
    expect(new URL(view.url()).searchParams.get('shop')).toBe(shopKey);
    expect(new URL(view.url()).pathname).toBe('/creators.html');
    await view.getByTestId('creator-list').waitFor();
    await Promise.all([panel.close(), view.close()]);
  });

  it('a badge on the sample requests page opens its creator’s page', async () => {
    const badge = samplesPage.locator(BADGE).first();
    const button = badge.getByTestId('open-creator');
    // Where its cell leaves it too little room the badge is folded into a dot that opens on hover, as a seller would.
    if ((await badge.getAttribute('data-folded')) !== null) await badge.hover();
    const label = (await button.getAttribute('aria-label')) ?? '';
    const handle = /^Open @([a-z0-9._]+) in the Collab Lens creators view$/.exec(label)?.[1];
    expect(handle, label).toBeDefined();
    const page = await pageOpenedBy(() => button.click());
    const url = new URL(page.url());
    expect([url.pathname, url.searchParams.get('shop'), url.searchParams.get('handle')]).toEqual(['/creator.html', shopKey, handle]);
    await page.getByRole('heading', { level: 1, name: `@${handle}` }).waitFor();
    await page.close();
  });

  it('says so for a shop Collab Lens has seen nothing of, rather than waiting for it', async () => {
    const page = await openExtensionPage(env, `creators.html?${new URLSearchParams({ shop: 'US:7490000000000000999' })}`);
    await expect(page.getByTestId('unknown-shop').textContent()).resolves.toMatch(/^Collab Lens has seen nothing of this shop yet\./);
    expect(await page.getByTestId('preparing').count()).toBe(0);
    await page.close();
  });
});

describe('the headline of an imported export', () => {
  it('needs a sample cost for the full-cost ROI until the seller sets one', async () => {
    const page = await openView({ period: `import:${importId}` });
    await expect.poll(() => headline(page, 'cashRoi')).toBe('9.7×');
    expect(await headline(page, 'fullCostRoi')).toBe('Needs a sample cost');
    expect(await page.getByTestId('set-sample-cost').getAttribute('href')).toBe('/options.html#sample-cost');
    await page.close();
  });

  it('matches the hand-computed figures once a flat $5.00 per sample is set', async () => {
    await options.fill('#sample-cost-input', '5');
    await options.getByRole('button', { name: 'Save cost per sample' }).click();
    await expect.poll(() => options.locator('#sample-cost-status').textContent()).toBe('Saved: each sample without a SKU cost counts $5.00.');

    const page = await openView({ period: `import:${importId}` });
    // The literals of HAND_EXPORT.expected, as the view writes them.
    await expect.poll(() => headline(page, 'fullCostRoi')).toBe('7.44×');
    expect(HAND_EXPORT.expected).toMatchObject({ cashRoi: 9.7, fullCostRoi: 7.44, zeroGmvShareBps: 6_250, gmvMinor: 159_999, commissionMinor: 16_500, refundsMinor: 6_000, sampleCostMinor: 5_000 });
    expect({
      cashRoi: await headline(page, 'cashRoi'),
      fullCostRoi: await headline(page, 'fullCostRoi'),
      zeroGmvShare: await headline(page, 'zeroGmvShare'),
      refunds: await headline(page, 'refunds'),
      gmv: await headline(page, 'gmv'),
      commission: await headline(page, 'commission'),
      sampleCost: await headline(page, 'sampleCost'),
      creators: await headline(page, 'creators'),
    }).toEqual({ cashRoi: '9.7×', fullCostRoi: '7.44×', zeroGmvShare: '62.5%', refunds: '$60.00', gmv: '$1,599.99', commission: '$165.00', sampleCost: '$50.00', creators: '8' });
    expect(await count(page)).toBe('8 creators');
    await page.close();
  });

  it('names each figure’s source and shows its formula on hover', async () => {
    const page = await openView({ period: `import:${importId}` });
    const figure = page.locator('[data-figure="fullCostRoi"]');
    expect(await figure.locator('.source').textContent()).toMatch(/^Imported: Hand export May\.csv, .+ · imported .+\.$/);
    const tip = figure.getByRole('tooltip');
    expect(await tip.isVisible()).toBe(false);
    await figure.locator('.term-name').hover();
    await tip.waitFor({ state: 'visible' });
    expect(await tip.textContent()).toBe('Full-cost ROI: GMV ÷ (commission + sample cost).');
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'hidden' });
    // A column's formula, on the sort button's focus.
    await page.locator('[data-sort="cashRoi"]').focus();
    await page.locator('#col-tip-cashRoi').waitFor({ state: 'visible' });
    expect(await page.locator('#col-tip-cashRoi').textContent()).toBe('Cash ROI: GMV ÷ commission.');
    await page.close();
  });
});

describe('sorting and filtering', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openView({ period: `import:${importId}` });
    await waitFor(async () => (await shownHandles(page)).length === 8, 'the export’s 8 creators');
  });
  afterAll(() => page?.close());

  it('sorts by GMV, largest first, then smallest first', async () => {
    expect((await shownHandles(page)).slice(0, 3)).toEqual(['hand.ana', 'hand.budi', 'hand.citra']);
    await page.locator('[data-sort="gmv"]').click();
    await expect.poll(() => shownHandles(page)).toEqual([...ZERO_GMV, 'hand.citra', 'hand.budi', 'hand.ana']);
    expect(await page.locator('[role="columnheader"][aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    expect(new URL(page.url()).searchParams.get('dir')).toBe('asc');
  });

  it('sorts by commission and by samples sent, every row once', async () => {
    await page.locator('[data-sort="commission"]').click();
    await expect.poll(() => shownCells(page, 'commission')).toEqual(['$120.00', '$30.00', '$15.00', '$0.00', '$0.00', '$0.00', '$0.00', '$0.00']);
    await page.locator('[data-sort="samplesSent"]').click();
    await expect.poll(() => shownCells(page, 'samplesSent')).toEqual(['3', '2', '2', '1', '1', '1', '0', '0']);
    await expect.poll(async () => [...(await shownHandles(page))].sort()).toEqual([...HANDLES].sort());
  });

  it('filters by no GMV, by text and by a minimum', async () => {
    await page.getByTestId('zero-gmv').check();
    await expect.poll(() => count(page)).toBe('5 creators match the filters');
    await expect.poll(async () => [...(await shownHandles(page))].sort()).toEqual([...ZERO_GMV].sort());
    await page.getByTestId('clear-filters').click();
    await page.getByTestId('search').fill('BUDI');
    await expect.poll(() => shownHandles(page)).toEqual(['hand.budi']);
    await page.getByTestId('clear-filters').click();
    await page.getByTestId('minimum-key').selectOption('gmv');
    await page.getByTestId('minimum-value').fill('200');
    await expect.poll(() => count(page)).toBe('2 creators match the filters');
    await expect.poll(async () => [...(await shownHandles(page))].sort()).toEqual(['hand.ana', 'hand.budi']);
    await page.getByTestId('minimum-value').fill('abc');
    await expect.poll(() => page.locator('#minimum-hint').textContent()).toBe('This is not a value of that kind: no minimum is applied.');
    await expect.poll(() => count(page)).toBe('8 creators');
  });
});

describe('the seller’s marks', () => {
  let handle: string;

  it('are saved on the creator page and shown there after a reload', async () => {
    const label = (await samplesPage.locator(BADGE).first().getByTestId('open-creator').getAttribute('aria-label')) ?? '';
    handle = /@([a-z0-9._]+)/.exec(label)?.[1] as string;
    const page = await openExtensionPage(env, creatorPagePath(handle));
    const marks = page.getByTestId('marks');
    await marks.waitFor();
    await page.getByTestId('new-tag').fill('#VIP list');
    await page.getByTestId('add-tag').click();
    await page.getByTestId('note').fill('Asks for two samples.');
    await page.getByTestId('watch').check();
    await page.getByTestId('block').check();
    await page.getByTestId('save-marks').click();
    await expect.poll(() => page.getByTestId('marks-status').textContent()).toBe('Saved.');
    const stored = ((await readDb(env.session)).creatorMarks ?? []).find((m) => m.handle === handle);
    expect(stored).toMatchObject({ handle, tags: ['VIP list'], note: 'Asks for two samples.', watch: 1, blocked: 1 });

    await page.reload();
    await page.getByTestId('tags').waitFor();
    await expect.poll(() => page.getByTestId('tags').locator('li').allTextContents()).toEqual(['VIP list×']);
    expect(await page.getByTestId('watch').isChecked()).toBe(true);
    expect(await page.getByTestId('block').isChecked()).toBe(true);
    expect(await page.getByTestId('note').inputValue()).toBe('Asks for two samples.');
    await page.close();
  });

  it('are shown and filtered in the creators view', async () => {
    const page = await openView({ period: 'all' });
    await expect.poll(() => page.getByTestId('tag').locator('option').allTextContents()).toContain('VIP list');
    await page.getByTestId('tag').selectOption('VIP list');
    await expect.poll(() => shownHandles(page)).toEqual([handle]);
    const row = page.locator(`[role="row"][data-handle="${handle}"]`);
    expect(await row.locator('.chip').allTextContents()).toEqual(['Watched', 'Blocked', 'VIP list']);
    await page.getByTestId('tag').selectOption('');
    await page.getByTestId('blocked').selectOption('hide');
    await expect.poll(async () => (await shownHandles(page)).length).toBeGreaterThan(0);
    expect(await shownHandles(page)).not.toContain(handle);
    await page.close();
  });

  it('are shown on the creator’s badge on the Affiliate Center page', async () => {
    const badge = samplesPage.locator(BADGE).filter({ has: samplesPage.locator(`[aria-label="Open @${handle} in the Collab Lens creators view"]`) }).first();
    await expect.poll(() => badge.locator('.marks').first().textContent(), { timeout: 15_000 }).toBe('Blocked · Watching · Tags: VIP list');
  });
});

describe.each([
  ['en', { title: 'Creators', cash: 'Cash ROI', cashValue: '9.7×', share: '62.5%', gmv: '$1,599.99', back: 'All creators of this shop' }],
  ['id', { title: 'Kreator', cash: 'ROI tunai', cashValue: '9,7×', share: '62,5%', gmv: 'US$1.599,99', back: 'Semua kreator toko ini' }],
] as const)('in %s', (language, text) => {
  beforeAll(() => setLanguage(language));
  afterAll(() => setLanguage('en'));

  describe.each([
    ['light', 'rgb(255, 255, 255)'],
    ['dark', 'rgb(15, 23, 42)'],
  ] as const)('%s scheme', (colorScheme, background) => {
    it('the creators view shows the headline and the list in the language and scheme', async () => {
      const page = await openExtensionPage(env, viewPath({ period: `import:${importId}` }));
      await page.emulateMedia({ colorScheme });
      await page.waitForFunction((l) => document.documentElement.lang === l, language);
      await page.getByRole('heading', { level: 1, name: text.title }).waitFor();
      await expect.poll(() => headline(page, 'cashRoi')).toBe(text.cashValue);
      expect(await page.locator('[data-figure="cashRoi"] .term-name').textContent()).toBe(text.cash);
      expect(await headline(page, 'zeroGmvShare')).toBe(text.share);
      expect((await headline(page, 'gmv'))?.replace(/\s/g, '')).toBe(text.gmv);
      await expect.poll(() => shownHandles(page)).toHaveLength(8);
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(background);
      await page.close();
    });

    it('a creator’s page shows their figures per period and their history charts', async () => {
      const page = await openExtensionPage(env, creatorPagePath('hand.ana'));
      await page.emulateMedia({ colorScheme });
      await page.waitForFunction((l) => document.documentElement.lang === l, language);
      await page.getByRole('heading', { level: 1, name: '@hand.ana' }).waitFor();
      expect(await page.getByTestId('back').textContent()).toBe(text.back);
      const row = page.getByTestId('periods').locator(`tr[data-period="import:${importId}"]`);
      await row.waitFor();
      expect((await row.locator('[data-col="gmv"]').textContent())?.replace(/\s/g, '')).toBe(language === 'en' ? '$1,200.00' : 'US$1.200,00');
      expect(await page.getByTestId('history').count()).toBe(1);
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(background);

      // A creator seen on Affiliate Center pages has stored snapshots: their followers are charted.
      const seen = ((await readDb(env.session)).snapshots ?? []).find((s) => s.entity === 'creator' && typeof (s.values as Record<string, unknown>).followers === 'number');
      expect(seen).toBeDefined();
      const other = await openExtensionPage(env, creatorPagePath(seen!.key as string));
      await other.emulateMedia({ colorScheme });
      await other.getByTestId('chart-followers').locator('canvas').waitFor();
      await Promise.all([page.close(), other.close()]);
    });
  });
});

declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };
