import { describe, expect, it } from 'vitest';
import { CAPTURE_EVENT } from '../../lib/capture/constants';
import { handleApi, SAMPLE_LIST_PATH } from '../sim/api';
import { simUrl } from '../sim/install';
import { DEFAULT_PAGE_SIZE, pageElements, SAMPLE_TABS, shopByKey } from '../sim/world';
import { controlWorker, readDb, waitFor } from './browser';
import { clickTab, expectOneBadgePerRow, freshEnv, nextPage, open } from './pages';

/** Chrome stops an idle MV3 worker whenever it likes; captures in flight must survive it. */

describe('service worker stopped in the middle of capturing', () => {
  const env = freshEnv();
  it('loses no capture', async () => {
    const us = shopByKey(env.world, 'us');
    const worker = await controlWorker(env.session);
    const page = await open(env, simUrl(us, 'sample-request', { tab: 10 }));
    await expectOneBadgePerRow(page, 'table', 50);

    // Each step makes the page fetch and capture; the worker is stopped at a different moment of each capture:
    // before the response arrives, while the content script batches, and while the worker is ingesting.
    const steps: { run: () => Promise<void>; tab: number; page: number; stopAfterMs: number }[] = [
      { run: () => nextPage(page), tab: 10, page: 2, stopAfterMs: 0 },
      { run: () => nextPage(page), tab: 10, page: 3, stopAfterMs: 40 },
      { run: () => clickTab(page, 'Ready to ship'), tab: 20, page: 1, stopAfterMs: 80 },
      { run: () => clickTab(page, 'Shipped'), tab: 30, page: 1, stopAfterMs: 130 },
      { run: () => clickTab(page, 'In progress'), tab: 40, page: 1, stopAfterMs: 180 },
      { run: () => clickTab(page, 'Completed'), tab: 50, page: 1, stopAfterMs: 250 },
      { run: () => clickTab(page, 'Cancelled'), tab: 60, page: 1, stopAfterMs: 60 },
    ];
    const expected = new Set(pageElements(us, 10, 1, 50).flatMap((e) => e.requests.map((r) => r.applyId)));
    let interrupted = 0;
    for (const step of steps) {
      const done = step.run();
      await new Promise((r) => setTimeout(r, step.stopAfterMs));
      if (await worker.stop()) interrupted += 1;
      await done;
      for (const e of pageElements(us, step.tab, step.page, 50)) for (const r of e.requests) expected.add(r.applyId);
    }

    const stored = await waitFor(async () => {
      const ids = new Set((await readDb(env.session)).sampleRequests?.map((r) => r.applyId as string));
      return [...expected].every((id) => ids.has(id)) && ids;
    }, 'every captured request to be stored', 20_000);
    expect(stored.size).toBe(expected.size);
    // The worker really was stopped during the run, and every stop but the last was followed by a capture that had to
    // wake a fresh worker.
    expect(interrupted).toBeGreaterThanOrEqual(3);
    expect(worker.restarts()).toBeGreaterThanOrEqual(interrupted - 1);
    await worker.close();
  });
});

/** Another site, so that leaving the page also leaves its renderer process (site isolation). */
const ELSEWHERE = 'https://elsewhere.example/';

/** How the seller leaves the page: a full navigation to another site, or closing the tab. */
const LEAVING = { navigate: 'leaves the page for another site', close: 'closes the tab' } as const;
type Leave = keyof typeof LEAVING;

/**
 * Runs in the page's own world before its scripts: `delay` ms after the simulated page first renders an answer, leave
 * it by a full navigation, or raise `__leave` for the test to close the tab. The simulator counts renders in
 * `window.__simReady`, set right after the rows are drawn.
 */
function leaveAfterFirstRender([delay, how, elsewhere]: [number, Leave, string]) {
  let renders = 0;
  let leaving = false;
  Object.defineProperty(window, '__simReady', {
    configurable: true,
    get: () => renders,
    set(value: number) {
      renders = value;
      if (value > 0 && !leaving) {
        leaving = true;
        setTimeout(() => (how === 'navigate' ? location.assign(elsewhere) : Object.assign(window, { __leave: true })), delay);
      }
    },
  });
}

for (const how of Object.keys(LEAVING) as Leave[]) {
  describe(`the seller ${LEAVING[how]} right after an answer while the worker sleeps`, () => {
    const env = freshEnv();

    it('loses no capture, leaving 0, 40 or 120 ms after the page rendered the answer (5 trials each)', async () => {
      await env.session.context.route(ELSEWHERE, (route) => route.fulfill({ contentType: 'text/html', body: '<p>Elsewhere</p>' }));
      // Every trial loads a different answer (shop and tab), so each one's requests can only be stored by that trial.
      const answers = env.world.shops
        .flatMap((shop) => SAMPLE_TABS.map((tab) => ({ shop, tab: tab.code, ids: pageElements(shop, tab.code, 1, DEFAULT_PAGE_SIZE).flatMap((e) => e.requests.map((r) => r.applyId)) })))
        .filter((a) => a.ids.length > 0);
      const delays = [0, 40, 120].flatMap((d) => Array.from({ length: 5 }, () => d));
      expect(answers.length).toBeGreaterThanOrEqual(delays.length);

      const worker = await controlWorker(env.session);
      const trials: { delay: number; shop: string; tab: number; ids: string[] }[] = [];
      for (const [i, delay] of delays.entries()) {
        const answer = answers[i]!;
        await worker.stop();
        const page = await env.session.context.newPage();
        await page.addInitScript(leaveAfterFirstRender, [delay, how, ELSEWHERE] as [number, Leave, string]);
        await page.goto(simUrl(answer.shop, 'sample-request', { tab: answer.tab }), { waitUntil: 'commit' });
        if (how === 'navigate') await page.waitForURL(ELSEWHERE, { waitUntil: 'commit' });
        else await page.waitForFunction(() => '__leave' in window, undefined, { polling: 5 });
        await page.close();
        trials.push({ delay, shop: answer.shop.key, tab: answer.tab, ids: answer.ids });
      }
      await worker.close();

      const lost = async () => {
        const stored = new Set((await readDb(env.session)).sampleRequests?.map((r) => r.applyId as string));
        return trials
          .map(({ ids, ...t }) => ({ ...t, lost: `${ids.filter((id) => !stored.has(id)).length} of ${ids.length}` }))
          .filter((t) => !t.lost.startsWith('0 '));
      };
      await waitFor(async () => (await lost()).length === 0, 'every request of every answer to be stored', 30_000).catch(() => undefined);
      expect(await lost()).toEqual([]);
    });
  });
}

describe('a large answer while the worker sleeps', () => {
  const env = freshEnv();

  it('is kept whole, beyond the 10 MB quota storage.local has by default, and stored once the worker wakes', async () => {
    await env.session.context.route(ELSEWHERE, (route) => route.fulfill({ contentType: 'text/html', body: '<p>Elsewhere</p>' }));
    const gb = shopByKey(env.world, 'gb');
    const page = await open(env, simUrl(gb, 'home'));
    // The shop's "Shipped" list, as its page would have received it, padded with whitespace (still the same JSON) to
    // 12 MiB: it is handed to the content script as the page hook would, then the seller leaves at once.
    const url = new URL(`https://${gb.host}${SAMPLE_LIST_PATH}`);
    url.searchParams.set('shop_region', gb.region);
    url.searchParams.set('oec_seller_id', gb.sellerId);
    const requestBody = JSON.stringify({ tab: 30, cur_page: 1, page_size: DEFAULT_PAGE_SIZE, search_params: [], order_params: [] });
    const answer = handleApi(env.world, { url, method: 'POST', body: requestBody });
    const ids = pageElements(gb, 30, 1, DEFAULT_PAGE_SIZE).flatMap((e) => e.requests.map((r) => r.applyId));
    expect(answer?.status).toBe(200);
    expect(ids.length).toBeGreaterThan(0);

    const worker = await controlWorker(env.session);
    await worker.stop();
    await page.evaluate(
      ([event, capture, pad, elsewhere]) => {
        const detail = JSON.stringify({ ...capture, responseText: capture.responseText + ' '.repeat(pad) });
        window.dispatchEvent(new CustomEvent(event, { detail }));
        location.assign(elsewhere);
      },
      [CAPTURE_EVENT, { v: 1, url: url.href, method: 'POST', status: 200, requestBody, responseText: JSON.stringify(answer!.json) }, 12 * 1024 * 1024, ELSEWHERE] as const,
    );
    await page.waitForURL(ELSEWHERE, { waitUntil: 'commit' });
    await worker.close();

    const stored = await waitFor(async () => {
      const have = new Set((await readDb(env.session)).sampleRequests?.map((r) => r.applyId as string));
      return ids.every((id) => have.has(id)) && have;
    }, 'the large answer to be stored', 30_000);
    expect(ids.filter((id) => !stored.has(id))).toEqual([]);
  });
});
