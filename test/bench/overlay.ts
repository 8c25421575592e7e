import { readFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { launch, waitFor } from '../e2e/browser';
import { navigate } from '../e2e/pages';
import { installSimulator, simUrl } from '../sim/install';
import { SCROLL_FIRST, SCROLL_STEP } from '../sim/surfaces/find-creators';
import { generateWorld, shopByKey } from '../sim/world';
import { median, type Figure } from './figures';

/**
 * The page overlay on a long list: the simulated Find creators page with 1,000 creator rows (infinite-scroll variant,
 * table markup), loaded with the extension (every row gets its reliability card) and without it, in fresh browsers.
 *
 * - Main-thread time: the page's renderer main thread (CDP `Performance.getMetrics` TaskDuration: the page's own
 *   scripts and layout, the capture hook, the content script and its rendering) from navigation until the page is
 *   quiet, with every row annotated when the extension is there.
 * - Append: from scrolling the end of the list into view to the 50 new rows being on the page and, with the extension,
 *   annotated (which takes the capture, its storage and the cards' round trip to the background), median of rounds.
 * - Re-render: the Find creators page (table markup, one page of rows) replacing every row with a new copy every
 *   `RERENDER_EVERY_MS` for `RERENDER_FOR_MS`: main-thread time over that window with and without the extension, and
 *   the share of row-frames (sampled at every animation frame) that showed the row's card.
 */

const PROBE = readFileSync(new URL('./browser/overlay-probe.js', import.meta.url), 'utf8');
const RERENDER_PROBE = readFileSync(new URL('./browser/rerender-probe.js', import.meta.url), 'utf8');
const RERENDER_EVERY_MS = 500;
const RERENDER_FOR_MS = 15_000;
const ROWS = 'table tbody tr';
const CARDS = '[data-collab-lens="creator-card"]';
const APPENDS = 5;

interface Run {
  /** Main-thread busy time of the page until it was quiet (ms). */
  taskMs: number;
  /** Each append's time to rows (and annotations) (ms). */
  appends: number[];
}

async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

/** Wait until the main thread has done (almost) nothing for a while: the work of loading is over. */
async function quiet(cdp: CDPSession): Promise<number> {
  let last = await taskMs(cdp);
  for (let calm = 0; calm < 3; ) {
    await new Promise((r) => setTimeout(r, 400));
    const now = await taskMs(cdp);
    calm = now - last < 8 ? calm + 1 : 0;
    last = now;
  }
  return last;
}

const count = (page: Page, selector: string) => page.evaluate((s) => document.querySelectorAll(s).length, selector);

async function run(withExtension: boolean): Promise<Run> {
  const world = generateWorld({ seed: 7 });
  const session = await launch({ withoutExtension: !withExtension });
  try {
    await installSimulator(session.context, world, { latencyMs: 0 });
    const page = await session.context.newPage();
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await navigate(page, simUrl(shopByKey(world, 'us'), 'find-creators', { markup: 'table', params: { scroll: 'infinite' } }));
    await waitFor(async () => (await count(page, ROWS)) >= SCROLL_FIRST, 'the 1,000 rows', 60_000);
    if (withExtension) await waitFor(async () => (await count(page, CARDS)) >= SCROLL_FIRST, 'a card on every row', 120_000);
    const total = await quiet(cdp);
    const appends: number[] = [];
    for (let i = 0; i < APPENDS; i++) {
      const before = await count(page, ROWS);
      const ms = (await page.evaluate(`${PROBE}(${JSON.stringify(ROWS)}, ${withExtension ? JSON.stringify(CARDS) : 'null'}, ${before}, ${SCROLL_STEP}, 60000)`)) as number;
      appends.push(ms);
      await quiet(cdp);
    }
    return { taskMs: total, appends };
  } finally {
    await session.close();
  }
}

interface RerenderRun {
  /** Main-thread busy time over the re-render window (ms). */
  taskMs: number;
  /** Share of row-frames that showed an annotation. */
  shown: number;
}

async function rerender(withExtension: boolean): Promise<RerenderRun> {
  const world = generateWorld({ seed: 7 });
  const session = await launch({ withoutExtension: !withExtension });
  try {
    await installSimulator(session.context, world, { latencyMs: 0 });
    const page = await session.context.newPage();
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await navigate(page, simUrl(shopByKey(world, 'us'), 'find-creators', { markup: 'table' }));
    await waitFor(async () => (await count(page, ROWS)) > 0, 'the rows', 60_000);
    const rows = await count(page, ROWS);
    if (withExtension) await waitFor(async () => (await count(page, `${ROWS} ${CARDS}`)) >= rows, 'a card on every row', 60_000);
    const before = await quiet(cdp);
    const args = [JSON.stringify('table tbody'), JSON.stringify(':scope > tr'), withExtension ? JSON.stringify(CARDS) : 'null', RERENDER_EVERY_MS, RERENDER_FOR_MS];
    const shown = (await page.evaluate(`${RERENDER_PROBE}(${args.join(', ')})`)) as number;
    return { taskMs: (await taskMs(cdp)) - before, shown };
  } finally {
    await session.close();
  }
}

export async function benchOverlay(): Promise<Figure[]> {
  const base = await run(false);
  const ext = await run(true);
  const rerenderBase = await rerender(false);
  const rerenderExt = await rerender(true);
  const every = `rows replaced every ${RERENDER_EVERY_MS} ms for ${RERENDER_FOR_MS / 1000} s`;
  const baseline = 'the same page without the extension';
  const appendExt = median(ext.appends);
  const appendBase = median(base.appends);
  return [
    { name: `overlay, ${SCROLL_FIRST} creator rows: page main-thread time`, value: ext.taskMs, unit: 'ms', ratio: ext.taskMs / base.taskMs, baseline },
    { name: `overlay, ${SCROLL_FIRST} creator rows: main-thread time added`, value: ext.taskMs - base.taskMs, unit: 'ms', ratio: ext.taskMs / base.taskMs, baseline },
    {
      name: `overlay, ${SCROLL_STEP} rows appended by infinite scroll until annotated`,
      value: appendExt,
      unit: 'ms',
      ratio: appendExt / appendBase,
      baseline: `${baseline} (rows shown)`,
    },
    { name: `overlay, ${every}: main-thread time`, value: rerenderExt.taskMs, unit: 'ms', ratio: rerenderExt.taskMs / rerenderBase.taskMs, baseline },
    { name: `overlay, ${every}: share of time each row shows its card`, value: rerenderExt.shown * 100, unit: '%', ratio: rerenderExt.shown, baseline: 'every row at every frame' },
  ];
}
