import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launch } from '../e2e/browser';
import { navigate } from '../e2e/pages';
import { installSimulator, simUrl } from '../sim/install';
import { generateWorld, shopByKey } from '../sim/world';
import { median, type Figure } from './figures';

/**
 * The page-world hook's cost for a request it does not capture: on an Affiliate Center page with the extension, the
 * page's (wrapped) `fetch` against the browser's own `fetch` of the same page without the hook, timed in alternating
 * rounds in the same page (browser/page-hook-probe.js). And the content script's cost for a response it does capture
 * (browser/capture-probe.js), against the page's own parse of that response.
 */

const PROBE = readFileSync(new URL('./browser/page-hook-probe.js', import.meta.url), 'utf8');
const CAPTURE_PROBE = readFileSync(new URL('./browser/capture-probe.js', import.meta.url), 'utf8');

/**
 * The page's main-thread time (CDP TaskDuration) for one capture with everything it sets off in the page (keeping it,
 * sending it, the answer), less that of an idle pause as long, against the page's own parse of the same answer.
 */
async function timeCapture(page: Page, rounds: number): Promise<{ capture: number; parse: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const busy = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  };
  const timed = async (action: string, settleMs: number) => {
    const before = await busy();
    if (action) await page.evaluate(action);
    await new Promise((r) => setTimeout(r, settleMs));
    return (await busy()) - before;
  };
  const capture: number[] = [];
  const parse: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const idle = await timed('', 1_000);
    capture.push((await timed('window.__benchCapture()', 1_000)) - idle);
    parse.push(await timed('window.__benchParse()', 0));
  }
  await cdp.detach();
  return { capture: median(capture), parse: median(parse) };
}

export async function benchPageHook(): Promise<Figure[]> {
  const world = generateWorld({ seed: 7 });
  const session = await launch();
  await installSimulator(session.context, world, { latencyMs: 0 });
  const page = await session.context.newPage();
  await navigate(page, simUrl(shopByKey(world, 'us'), 'home'));
  const r = (await page.evaluate(`${PROBE}(20000, 15)`)) as { page: number; native: number; wrapped: boolean };
  // A typical list answer, and a large one: what the content script spends per capture it is handed.
  const captures: { label: string; capture: number; parse: number }[] = [];
  for (const [label, chars] of [['100 KiB', 100 * 1024], ['4 MiB', 4 * 1024 * 1024]] as const) {
    await page.evaluate(`${CAPTURE_PROBE}(${chars})`);
    captures.push({ label, ...(await timeCapture(page, 12)) });
  }
  await session.close();
  if (!r.wrapped) throw new Error('the page hook did not wrap fetch: nothing to measure');
  const baseline = "the browser's own fetch in the same page, without the hook";
  return [
    { name: 'page hook, uncaptured fetch() call', value: r.page, unit: 'µs', ratio: r.page / r.native, baseline },
    { name: 'page hook, uncaptured fetch() overhead', value: r.page - r.native, unit: 'µs per request', ratio: r.page / r.native, baseline },
    ...captures.map((c) => ({
      name: `content script, one captured ${c.label} answer (validated, kept in storage, sent): page main-thread time`,
      value: c.capture,
      unit: 'ms',
      ratio: c.capture / c.parse,
      baseline: "the page's own JSON.parse of the same answer",
    })),
  ];
}
