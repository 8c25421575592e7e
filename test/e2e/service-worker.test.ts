import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simUrl } from '../sim/install';
import { pageElements, shopByKey } from '../sim/world';
import { controlWorker, readDb, waitFor } from './browser';
import { clickTab, expectOneBadgePerRow, nextPage, open, startEnv, type Env } from './pages';

/** Chrome stops an idle MV3 worker whenever it likes; captures in flight must survive it. */

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(() => env?.session.close());

describe('service worker stopped in the middle of capturing', () => {
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
