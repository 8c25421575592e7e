import type { CDPSession, Page } from 'playwright-core';
import { extensionUrl, launch, type Session } from '../e2e/browser';
import { median, type Figure } from './figures';
import { seedScript } from './popup';
import { BENCH_SHOP } from './browser/bench-shop';
import type { SeedResult } from './browser/popup-entry';

/**
 * The creators view (creators.html) in real Chromium with the built extension: the time from navigation to the paint
 * of its first rows (or, with nothing stored, its empty state), the time from a click on a column header to the paint
 * of the first rows in the new order, and the page's JS heap (after a garbage collection) once the re-sorted rows show. Each is the median of `RUNS` openings
 * after a warm-up. Baselines: the same view on the empty database (the shop known, nothing in it), and for the re-sort
 * (nothing to sort there) the view with one page of creators. Then 100,000 orders and 50,000 creators (with the rest
 * of a busy shop) are put into the extension's database from an extension page, the view's rows are built as the
 * background keeps them, and the view is measured again.
 */

const RUNS = 5;
/** The view's sort on opening is GMV, descending; the re-sort asks for another column. */
const RESORT_KEY = 'orders';

interface Opening {
  firstRows: number;
  resort: number;
  heapBytes: number;
}

// Page-side code is kept as source text: tsx's transform names inner functions with a helper the page lacks.

/** Resolves, in the page, with `performance.now()` at the first animation frame where the view shows rows or says it has none. */
const FIRST_ROWS = `new Promise((resolve) => {
  const check = () => {
    const shown = document.querySelector('[data-testid="empty"]') || (document.querySelector('[role="row"][data-handle]') && !document.querySelector('[role="row"].loading'));
    if (shown) resolve(performance.now());
    else requestAnimationFrame(check);
  };
  check();
})`;

/**
 * Clicks the header of `key` and resolves with the time until the list shows its first rows in the new order (the
 * list, drawn again for the new query, marks that column as sorted and no row is still loading) or the empty state.
 */
const resort = (key: string) => `new Promise((resolve) => {
  const header = () => document.querySelector('button[data-sort="${key}"]');
  const t0 = performance.now();
  header()?.click();
  const check = () => {
    const sorted = header()?.closest('[role="columnheader"]')?.getAttribute('aria-sort');
    const rows = document.querySelector('[role="row"][data-handle]') && !document.querySelector('[role="row"].loading');
    if (document.querySelector('[data-testid="empty"]') || (sorted && rows)) resolve(performance.now() - t0);
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`;

async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
}

async function open(session: Session, shopKey: string): Promise<Opening> {
  const page: Page = await session.context.newPage();
  try {
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(extensionUrl(session, `creators.html?shop=${encodeURIComponent(shopKey)}`));
    const firstRows = (await page.evaluate(FIRST_ROWS)) as number;
    const resortMs = (await page.evaluate(resort(RESORT_KEY))) as number;
    const heapBytes = await heapUsed(cdp);
    return { firstRows, resort: resortMs, heapBytes };
  } finally {
    await page.close();
  }
}

async function measure(session: Session, shopKey: string): Promise<Opening> {
  await open(session, shopKey);
  const runs: Opening[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await open(session, shopKey));
  return { firstRows: median(runs.map((r) => r.firstRows)), resort: median(runs.map((r) => r.resort)), heapBytes: median(runs.map((r) => r.heapBytes)) };
}

const MIB = 1024 * 1024;

/** The re-sort's baseline: one page of creators (an empty database has nothing to sort). */
const ONE_PAGE = { orders: 200, creators: 100 };

/** Evaluate a seeding expression on an extension page of its own, closed after (extension pages share one JS heap). */
async function seed(session: Session, script: string, expression: string): Promise<SeedResult> {
  const seeder = await session.context.newPage();
  try {
    await seeder.goto(extensionUrl(session, 'options.html'));
    await seeder.evaluate(script);
    return (await seeder.evaluate(expression)) as SeedResult;
  } finally {
    await seeder.close();
  }
}

export async function benchCreators(orders = 100_000, creators = 50_000): Promise<Figure[]> {
  const script = await seedScript();
  const session = await launch();
  try {
    // The empty database: the bench shop is known (as after its first page was seen), with nothing in it yet.
    const shop = { key: BENCH_SHOP, region: 'US', sellerId: BENCH_SHOP.split(':')[1], host: 'affiliate-us.tiktok.com', firstSeenAt: Date.now(), lastSeenAt: Date.now() };
    await seed(session, script, `collabLensSeed.seedRows({ shops: [${JSON.stringify(shop)}] }, Date.now(), true)`);
    const empty = await measure(session, BENCH_SHOP);
    // Each seed puts the same creators, orders and requests first, so the larger one extends the smaller.
    await seed(session, script, `collabLensSeed.seedBench(${ONE_PAGE.orders}, ${ONE_PAGE.creators}, true)`);
    const small = await measure(session, BENCH_SHOP);
    const seeded = await seed(session, script, `collabLensSeed.seedBench(${orders}, ${creators}, true)`);
    const loaded = await measure(session, BENCH_SHOP);
    const what = `${orders} orders and ${creators} creators`;
    const onePage = `${ONE_PAGE.creators} creators (one page)`;
    const emptyDb = 'the same view on the empty database';
    return [
      { name: 'creators view: first rows, empty database', value: empty.firstRows, unit: 'ms', ratio: 1, baseline: emptyDb },
      { name: `creators view: first rows, ${onePage}`, value: small.firstRows, unit: 'ms', ratio: small.firstRows / empty.firstRows, baseline: emptyDb },
      { name: `creators view: first rows, ${what} (${seeded.rows} rows; aggregates and view rows built in ${Math.round(seeded.rebuildMs)} ms)`, value: loaded.firstRows, unit: 'ms', ratio: loaded.firstRows / empty.firstRows, baseline: emptyDb },
      { name: `creators view: re-sort by ${RESORT_KEY}, ${onePage}`, value: small.resort, unit: 'ms', ratio: 1, baseline: `the same re-sort with ${onePage}` },
      { name: `creators view: re-sort by ${RESORT_KEY}, ${what}`, value: loaded.resort, unit: 'ms', ratio: loaded.resort / small.resort, baseline: `the same re-sort with ${onePage}` },
      { name: 'creators view: page JS heap, empty database', value: empty.heapBytes / MIB, unit: 'MiB', ratio: 1, baseline: emptyDb },
      { name: `creators view: page JS heap, ${what}`, value: loaded.heapBytes / MIB, unit: 'MiB', ratio: loaded.heapBytes / empty.heapBytes, baseline: emptyDb },
    ];
  } finally {
    await session.close();
  }
}
