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
    expect(await row(a).getByRole('textbox', { name: /^Cost of goods/ }).inputValue()).toBe('1234.50');
    if (b) expect(await row(b).getByRole('textbox', { name: /^Cost of goods/ }).inputValue()).toBe('');
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
