import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBE_FIELD } from '../sim/api';
import { simUrl } from '../sim/install';
import { shopByKey } from '../sim/world';
import { capturedAfter, domSettled, waitFor } from './browser';
import { open, openExtensionPage, startEnv, type Env } from './pages';

/**
 * The shape watch as a seller meets it: TikTok starts sending a field nothing reads and stops sending one Collab Lens
 * reads; Diagnostics says so, and the shape report the seller copies for a bug report carries no value.
 */

let env: Env;
let options: Page;
const us = () => shopByKey(env.world, 'us');
/** A field the orders adapter reads on every order line (real-shapes.md §2), dropped by the probe. */
const DROPPED = 'creator_nickname';

/** Visit the Affiliate orders page over two date ranges (two distinct answers), as a seller browsing it. */
async function browseOrders(probe?: string): Promise<void> {
  for (const range of ['7', '30']) {
    await capturedAfter(env.session, 'orders.list', async () => {
      const page = await open(env, simUrl(us(), 'orders', { params: { range }, ...(probe && { probe }) }));
      await page.close();
    });
  }
}

beforeAll(async () => {
  env = await startEnv();
  await browseOrders();
  await browseOrders(`add-field|drop:${DROPPED}`);
  options = await openExtensionPage(env, 'options.html');
  await domSettled(options);
});
afterAll(() => env?.session.close());

describe('Diagnostics: the shape watch', () => {
  const card = () => options.locator('article[data-shape="orders.list"]');

  it('shows a field TikTok started sending that nothing reads, with when it first came', async () => {
    const item = card().locator(`[data-testid="unread-fields"] li[data-path="orders[].sku_detail[].${PROBE_FIELD}"]`);
    await item.waitFor();
    expect(await item.textContent()).toMatch(/\(string\) · first seen .+, in 2 of 4 answers/);
    expect(await card().locator(`[data-testid="unread-fields"] li[data-path="${PROBE_FIELD}"]`).count()).toBe(1);
  });

  it('shows a field Collab Lens reads that stopped coming, with when it last came', async () => {
    const item = card().locator(`[data-testid="missing-fields"] li[data-path="orders[].sku_detail[].${DROPPED}"]`);
    await item.waitFor();
    expect(await item.textContent()).toMatch(/\(string\) · last seen .+, absent from the last 2 answers/);
  });

  it('copies a shape report with the paths, types and counts, and no value, id or name', async () => {
    // What the button puts on the clipboard (reading the clipboard back needs a permission an extension page cannot get).
    await options.evaluate(() => {
      const clipboard = navigator.clipboard;
      const write = clipboard.writeText.bind(clipboard);
      (window as unknown as { copied: string[] }).copied = [];
      clipboard.writeText = (text: string) => {
        (window as unknown as { copied: string[] }).copied.push(text);
        return write(text);
      };
    });
    await options.getByRole('button', { name: 'Copy shape report' }).click();
    await waitFor(async () => (await options.getByTestId('copy-status').textContent())?.startsWith('Shape report copied'), 'the copy to be confirmed');
    const [text = ''] = await options.evaluate(() => (window as unknown as { copied: string[] }).copied);
    const report = JSON.parse(text) as { report: string; extension: string; endpoints: { endpoint: string; unread?: { path: string }[]; missing?: { path: string }[] }[] };
    expect(report.report).toBe('collab-lens-shape-report');
    expect(report.extension).toMatch(/^\d+\.\d+\.\d+$/);
    const orders = report.endpoints.find((e) => e.endpoint === 'orders.list');
    expect(orders?.unread?.map((u) => u.path)).toContain(`orders[].sku_detail[].${PROBE_FIELD}`);
    expect(orders?.missing?.map((m) => m.path)).toContain(`orders[].sku_detail[].${DROPPED}`);
    // What the seller's pages showed must not be in it: shops, creators, products, order and SKU ids, addresses.
    for (const shop of env.world.shops) {
      expect(text).not.toContain(shop.sellerId);
      expect(text).not.toContain(shop.host);
      for (const c of shop.creators) {
        expect(text).not.toContain(`"${c.handle}`);
        expect(text).not.toContain(c.nickname);
      }
      for (const p of shop.products) expect(text).not.toContain(p.title);
    }
    expect(text).not.toMatch(/\d{6}/);
    expect(text).not.toContain('https://');
    expect(await options.getByTestId('shape-report').textContent()).toBe(text);
  });
});
