import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launch } from '../e2e/browser';
import { navigate } from '../e2e/pages';
import { installSimulator, simUrl } from '../sim/install';
import { generateWorld, shopByKey } from '../sim/world';
import { median, type Figure } from './figures';

/**
 * The page-world hook's cost for requests it does not capture: the synchronous time of `fetch()` and of an XHR
 * open/send on an Affiliate Center page, with the extension and without it, in the same run. An aborted signal keeps
 * the network out of the measurement; what is left is the call path the page pays for.
 */

const CALLS = 20_000;
const ROUNDS = 15;

const PROBE = readFileSync(new URL('./browser/page-hook-probe.js', import.meta.url), 'utf8');

const perCallMicros = (page: Page) => page.evaluate(`${PROBE}(${CALLS})`) as Promise<{ fetch: number; xhr: number }>;

async function open(withExtension: boolean) {
  const world = generateWorld({ seed: 7 });
  const session = await launch({ withoutExtension: !withExtension });
  await installSimulator(session.context, world, { latencyMs: 0 });
  const page = await session.context.newPage();
  await navigate(page, simUrl(shopByKey(world, 'us'), 'home'));
  return { session, page };
}

/** Both browsers open at once, rounds alternating between them, so machine drift falls on both alike. */
async function measure() {
  const without = await open(false);
  const withExt = await open(true);
  const runs = { without: { fetch: [] as number[], xhr: [] as number[] }, with: { fetch: [] as number[], xhr: [] as number[] } };
  for (let i = 0; i < ROUNDS; i++) {
    for (const [key, page] of [['without', without.page], ['with', withExt.page]] as const) {
      const r = await perCallMicros(page);
      runs[key].fetch.push(r.fetch);
      runs[key].xhr.push(r.xhr);
    }
  }
  await without.session.close();
  await withExt.session.close();
  return {
    without: { fetch: median(runs.without.fetch), xhr: median(runs.without.xhr) },
    withExt: { fetch: median(runs.with.fetch), xhr: median(runs.with.xhr) },
  };
}

export async function benchPageHook(): Promise<Figure[]> {
  const { without, withExt } = await measure();
  const baseline = 'the same page without the extension';
  return [
    { name: 'page hook, uncaptured fetch() call', value: withExt.fetch, unit: 'µs', ratio: withExt.fetch / without.fetch, baseline },
    { name: 'page hook, uncaptured fetch() overhead', value: withExt.fetch - without.fetch, unit: 'µs per request', ratio: withExt.fetch / without.fetch, baseline },
    { name: 'page hook, uncaptured XHR open+send', value: withExt.xhr, unit: 'µs', ratio: withExt.xhr / without.xhr, baseline },
    { name: 'page hook, uncaptured XHR overhead', value: withExt.xhr - without.xhr, unit: 'µs per request', ratio: withExt.xhr / without.xhr, baseline },
  ];
}
