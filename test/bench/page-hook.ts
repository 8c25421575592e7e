import { readFileSync } from 'node:fs';
import { launch } from '../e2e/browser';
import { navigate } from '../e2e/pages';
import { installSimulator, simUrl } from '../sim/install';
import { generateWorld, shopByKey } from '../sim/world';
import type { Figure } from './figures';

/**
 * The page-world hook's cost for a request it does not capture: on an Affiliate Center page with the extension, the
 * page's (wrapped) `fetch` against the browser's own `fetch` of the same page without the hook, timed in alternating
 * rounds in the same page (browser/page-hook-probe.js).
 */

const PROBE = readFileSync(new URL('./browser/page-hook-probe.js', import.meta.url), 'utf8');

export async function benchPageHook(): Promise<Figure[]> {
  const world = generateWorld({ seed: 7 });
  const session = await launch();
  await installSimulator(session.context, world, { latencyMs: 0 });
  const page = await session.context.newPage();
  await navigate(page, simUrl(shopByKey(world, 'us'), 'home'));
  const r = (await page.evaluate(`${PROBE}(20000, 15)`)) as { page: number; native: number; wrapped: boolean };
  await session.close();
  if (!r.wrapped) throw new Error('the page hook did not wrap fetch: nothing to measure');
  const baseline = "the browser's own fetch in the same page, without the hook";
  return [
    { name: 'page hook, uncaptured fetch() call', value: r.page, unit: 'µs', ratio: r.page / r.native, baseline },
    { name: 'page hook, uncaptured fetch() overhead', value: r.page - r.native, unit: 'µs per request', ratio: r.page / r.native, baseline },
  ];
}
