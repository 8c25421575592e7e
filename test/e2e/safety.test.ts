import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AFFILIATE_HOSTS } from '../../lib/hosts';
import { FAULT_BROKEN_APPLY_COUNT, faultPlan } from '../sim/api';
import { installSimulator, simUrl } from '../sim/install';
import { creatorOf, HOSTILE, IMAGE_HOSTS, pageElements, shopByKey, tabRequests } from '../sim/world';
import { launch, readDb, waitFor, type Session } from './browser';
import { BADGE, clickTab, expectOneBadgePerRow, nextPage, open, openExtensionPage, startEnv, tabIdOf, type Env } from './pages';
import { rowOf } from './side-panel';

/** The principles: hostile text stays text, a changed response stores nothing invalid, no request of our own. */

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(() => env?.session.close());

const pwned = (page: import('playwright-core').Page) =>
  page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned === undefined && document.querySelectorAll('img[src="x"]').length);

describe('hostile text in a creator name and a product title', () => {
  it('appears as text on the page overlay and in the side panel, and no script runs', async () => {
    const us = shopByKey(env.world, 'us');
    const page = await open(env, simUrl(us, 'sample-request', { tab: 10 }));
    await expectOneBadgePerRow(page, 'table', 50);
    const badge = page.locator(`${BADGE}[data-handle="${HOSTILE.handle}"]`);
    await badge.locator('button').focus();
    expect(await badge.locator('[role="tooltip"]').textContent()).toContain(`@${HOSTILE.handle}`);
    expect(await badge.evaluate((el) => el.shadowRoot?.querySelectorAll('img,script').length)).toBe(0);

    const panel = await openExtensionPage(env, `sidepanel.html?tabId=${await tabIdOf(env, page)}`);
    // The queue is virtualised: scroll to the hostile creator's request and to one of the hostile product.
    const seen = tabRequests(us, 10).slice(0, 50);
    const byCreator = seen.find((r) => creatorOf(us, r.creatorId).handle === HOSTILE.handle);
    const byProduct = seen.find((r) => r.productId === HOSTILE.productId);
    if (!byCreator || !byProduct) throw new Error('the seeded world has no hostile request on the first page');
    const row = await rowOf(panel, byCreator.applyId);
    expect(await row.textContent()).toContain(`@${HOSTILE.handle}`);
    expect(await row.locator('.nick').textContent()).toBe(HOSTILE.nickname);
    expect(await (await rowOf(panel, byProduct.applyId)).textContent()).toContain(HOSTILE.productTitle);
    expect(await panel.evaluate(() => document.querySelectorAll('main img, main script').length)).toBe(0);
    // The page's own world and the panel: nothing ran, no element was made from the text.
    expect(await pwned(page)).toBe(0);
    expect(await pwned(panel)).toBe(0);
    await panel.close();
    await page.close();
  });
});

describe('a response whose shape changed', () => {
  it('stores nothing invalid, counts the rejects with their paths, and leaves the page rendering', async () => {
    const gb = shopByKey(env.world, 'gb');
    const plan = faultPlan(gb, 10, 1, 50);
    expect(plan.brokenApplyIds).toHaveLength(FAULT_BROKEN_APPLY_COUNT);
    const page = await open(env, simUrl(gb, 'sample-request', { tab: 10, fault: 'shape' }));
    const all = pageElements(gb, 10, 1, 50).flatMap((e) => e.requests);
    // The page renders every row it received (it tolerates the change); the overlay badges the rows it could read.
    expect(await page.locator('table tbody tr').count()).toBe(all.length);
    const db = await waitFor(async () => {
      const d = await readDb(env.session);
      return (d.endpointStats?.[0]?.rejected as number) > 0 && d;
    }, 'the rejected records to be counted');
    const stored = new Set(db.sampleRequests?.map((r) => r.applyId));
    for (const id of plan.brokenApplyIds) expect(stored.has(id)).toBe(false);
    expect(all.filter((r) => !plan.brokenApplyIds.includes(r.applyId)).every((r) => stored.has(r.applyId))).toBe(true);
    expect(db.endpointStats?.[0]).toMatchObject({ endpoint: 'sample.group.list', rejected: FAULT_BROKEN_APPLY_COUNT });

    const options = await openExtensionPage(env, 'options.html');
    const row = options.locator('tr[data-endpoint="sample.group.list"]');
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('apply_id');
    expect(text).toContain('commission_rate');
    expect(text).toContain('expired_in');
    expect(text).toContain('creator_info.name');
    await options.close();
    await page.close();
  });
});

describe('network', () => {
  const CHROMIUM_SERVICES = /(^|\.)(google\.com|googleapis\.com|gvt1\.com|gstatic\.com)(:\d+)?$/;
  const SIMULATED = new Set([...AFFILIATE_HOSTS.map((h) => h.host), ...IMAGE_HOSTS]);
  /**
   * The distinct requests of the Affiliate Center pages as `METHOD host/path` (no query: tokens differ per run). Distinct,
   * because how often the browser re-requests the same image depends on its cache timing, not on the extension.
   */
  const pageRequests = (requests: Session['requests']) =>
    [
      ...new Set(
        requests
          .filter((r) => !r.from.startsWith('chrome-extension://') && r.from !== 'worker' && r.url.startsWith('https://'))
          .map((r) => `${r.method} ${new URL(r.url).host}${new URL(r.url).pathname}`),
      ),
    ].sort();
  const hostOf = (attempt: string) => (attempt.split(' ')[1] ?? '').replace(/^https?:\/\//, '').split(/[/:]/)[0] ?? '';

  /** The same flow with and without the extension, each in a fresh browser. */
  async function browse(session: Session) {
    await installSimulator(session.context, env.world, { latencyMs: 30 });
    const us = shopByKey(env.world, 'us');
    const page = await open({ session, world: env.world }, simUrl(us, 'sample-request', { tab: 10 }));
    await nextPage(page);
    await clickTab(page, 'Shipped');
    await page.reload();
    await page.waitForTimeout(500);
    return page;
  }

  it('the extension makes no request of its own: only the page\'s own requests, nothing else leaves the browser', async () => {
    const baseline = await launch({ withoutExtension: true });
    await browse(baseline);
    const baselineHosts = new Set(baseline.recorder.attempts.map(hostOf));
    const baselineRequests = pageRequests(baseline.requests);
    await baseline.close();

    const session = await launch();
    const own = { session, world: env.world };
    const page = await browse(session);
    await expectOneBadgePerRow(page, 'table', 40);
    for (const path of [`popup.html?tabId=${await tabIdOf(own, page)}`, `sidepanel.html?tabId=${await tabIdOf(own, page)}`, 'options.html']) {
      const ext = await openExtensionPage(own, path);
      await ext.waitForTimeout(300);
      await ext.close();
    }
    await session.close();
    const ownFiles = `chrome-extension://${session.extensionId}/`;
    const fromExtension = session.requests.filter((r) => r.from.startsWith('chrome-extension://') || r.from === 'worker');
    expect(fromExtension.length).toBeGreaterThan(0);
    expect(fromExtension.filter((r) => !r.url.startsWith(ownFiles))).toEqual([]);
    const fromPages = session.requests.filter((r) => !fromExtension.includes(r));
    expect(fromPages.filter((r) => !SIMULATED.has(new URL(r.url).hostname) && !r.url.startsWith('data:'))).toEqual([]);
    // The pages made exactly the requests they make without the extension: nothing added from the page's context.
    expect(pageRequests(session.requests)).toEqual(baselineRequests);
    // What reached the recording proxy: only what Chromium itself also sends without the extension.
    const leaked = session.recorder.attempts.map(hostOf).filter((h) => !CHROMIUM_SERVICES.test(h) && !baselineHosts.has(h));
    expect(leaked).toEqual([]);
  });
});
