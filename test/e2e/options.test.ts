import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simUrl } from '../sim/install';
import { shopByKey, tabRequests } from '../sim/world';
import { readDb, waitFor } from './browser';
import { expectOneBadgePerRow, open, openExtensionPage, startEnv, type Env } from './pages';

/**
 * The options page's product costs (the shop's SKUs as seen in Affiliate Center, costs typed in the shop's currency) and
 * the language choice.
 */

/** The extension page's storage API, as the flat cost per sample is read back from it. */
declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

let env: Env;
let options: Page;
const us = () => shopByKey(env.world, 'us');
let skuIds: string[] = [];

beforeAll(async () => {
  env = await startEnv();
  const seen = tabRequests(us(), 10).slice(0, 50);
  const page = await open(env, simUrl(us(), 'sample-request', { tab: 10 }));
  await expectOneBadgePerRow(page, 'table', seen.length);
  skuIds = await waitFor(async () => {
    const db = await readDb(env.session);
    return db.sampleRequests?.length === seen.length && (db.skus ?? []).map((s) => String(s.skuId));
  }, 'the sample requests and their SKUs to be stored');
  await page.close();
  options = await openExtensionPage(env, 'options.html');
});
afterAll(() => env?.session.close());

const status = () => options.getByTestId('costs-status');
const row = (skuId: string) => options.locator(`[data-testid="costs-table"] tr[data-sku="${skuId}"]`);

describe('product costs', () => {
  it('lists every SKU seen for the shop, with fields named for screen readers', async () => {
    expect(skuIds.length).toBeGreaterThan(0);
    await options.getByTestId('costs-table').waitFor();
    expect(await options.locator('[data-testid="costs-table"] tbody tr').count()).toBe(skuIds.length);
    const first = row(skuIds[0] as string);
    expect(await first.getByRole('textbox', { name: /^Cost of goods in USD for / }).count()).toBe(1);
    expect(await first.getByRole('textbox', { name: /^Shipping in USD for / }).count()).toBe(1);
  });

  it('stores nothing when an amount is not valid, and says which row', async () => {
    const first = row(skuIds[0] as string);
    await first.getByRole('textbox', { name: /^Cost of goods/ }).fill('12 dollars');
    await options.getByRole('button', { name: 'Save costs' }).click();
    expect(await status().textContent()).toMatch(/^1 amounts are not valid, first at .+\. Enter a positive amount or leave the field empty\.$/);
    expect(await first.getByRole('textbox', { name: /^Cost of goods/ }).getAttribute('aria-invalid')).toBe('true');
    expect((await readDb(env.session)).costs ?? []).toEqual([]);
  });

  it('saves costs in minor units of the shop currency and shows them again after a reload', async () => {
    const [a, b] = skuIds as [string, string];
    await row(a).getByRole('textbox', { name: /^Cost of goods/ }).fill('1,234.5');
    await row(a).getByRole('textbox', { name: /^Shipping/ }).fill('3.20');
    await options.getByRole('button', { name: 'Save costs' }).click();
    await waitFor(async () => (await status().textContent())?.startsWith('Saved costs for 1 SKUs'), 'the save to be confirmed');
    const costs = (await readDb(env.session)).costs ?? [];
    expect(costs).toEqual([
      expect.objectContaining({ key: `US:${us().sellerId}|${a}`, skuId: a, costOfGoods: { minor: 123_450, currency: 'USD' }, shipping: { minor: 320, currency: 'USD' } }),
    ]);
    await options.reload();
    await expect.poll(() => row(a).getByRole('textbox', { name: /^Cost of goods/ }).inputValue()).toBe('1234.50');
    if (b) expect(await row(b).getByRole('textbox', { name: /^Cost of goods/ }).inputValue()).toBe('');
  });
});

describe('flat cost per sample', () => {
  const field = () => options.getByRole('textbox', { name: 'Cost per sample (USD)' });
  const flatStatus = () => options.locator('#sample-cost-status');
  const shopKey = () => `US:${us().sellerId}`;
  /** The state row of the shop's creator rows: what the background built them with. */
  const rowsMeta = async () => (await readDb(env.session)).aggregates?.find((a) => a.key === `${shopKey()}|creatorRows|-`)?.values as { flat?: unknown } | undefined;
  const headline = async () => (await readDb(env.session)).aggregates?.find((a) => a.key === `${shopKey()}|creatorHeadline|all`)?.values as { headline: Record<string, unknown> } | undefined;

  it('refuses an amount that is not valid, storing nothing', async () => {
    await field().fill('five');
    await options.getByRole('button', { name: 'Save cost per sample' }).click();
    expect(await flatStatus().textContent()).toBe('Enter a positive amount, or leave the field empty to remove the cost per sample.');
    expect(await field().getAttribute('aria-invalid')).toBe('true');
    expect(await options.evaluate(() => chrome.storage.local.get('sampleCosts'))).toEqual({});
  });

  it('saves it for the shop, and the creators view’s figures are rebuilt with it; an empty field removes it', async () => {
    await field().fill('5');
    await options.getByRole('button', { name: 'Save cost per sample' }).click();
    await waitFor(async () => (await flatStatus().textContent()) === 'Saved: each sample without a SKU cost counts $5.00.', 'the save to be confirmed');
    expect(await options.evaluate(() => chrome.storage.local.get('sampleCosts'))).toEqual({ sampleCosts: { [shopKey()]: { minor: 500, currency: 'USD' } } });
    await waitFor(async () => JSON.stringify((await rowsMeta())?.flat) === JSON.stringify({ minor: 500, currency: 'USD' }), 'the creator rows to be rebuilt with the flat cost');
    // The requests seen are all still to review: no sample was sent, so the samples cost nothing and no figure needs a cost.
    const all = (await headline())?.headline;
    expect(all).toMatchObject({ sampleCost: { minor: 0, currency: 'USD' } });
    expect(all?.needsSampleCost).toBeUndefined();
    await options.reload();
    await expect.poll(() => field().inputValue()).toBe('5.00');

    await field().fill('');
    await options.getByRole('button', { name: 'Save cost per sample' }).click();
    await waitFor(async () => (await flatStatus().textContent()) === 'Removed: samples without a SKU cost have no cost now.', 'the removal to be confirmed');
    expect(await options.evaluate(() => chrome.storage.local.get('sampleCosts'))).toEqual({ sampleCosts: {} });
    await waitFor(async () => {
      const meta = await rowsMeta();
      return meta !== undefined && meta.flat === undefined;
    }, 'the creator rows to be rebuilt without it');
  });
});

describe('language', () => {
  it('switches every Collab Lens page to Bahasa Indonesia, with Indonesian decimal commas in cost fields', async () => {
    await options.getByRole('combobox', { name: 'Show Collab Lens in' }).selectOption('id');
    await options.waitForFunction(() => document.documentElement.lang === 'id');
    await options.getByRole('heading', { name: 'Biaya produk' }).waitFor();
    expect(await options.getByRole('combobox', { name: 'Tampilkan Collab Lens dalam' }).inputValue()).toBe('id');
    expect(await row(skuIds[0] as string).getByRole('textbox', { name: /^Harga pokok dalam USD/ }).inputValue()).toBe('1234,50');
    const popup = await openExtensionPage(env, 'popup.html');
    // The popup sets its language once it has read the stored choice, after its page has loaded.
    await popup.waitForFunction(() => document.documentElement.lang === 'id');
    await popup.close();
  });
});
