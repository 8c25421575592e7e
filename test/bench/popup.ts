import { bundled } from './bundled-page';
import type { Page } from 'playwright-core';
import { FIRST_MEANINGFUL_RENDER } from '../../components/popup/first-render';
import { extensionUrl, launch, type Session } from '../e2e/browser';
import type { SeedResult } from './browser/popup-entry';
import { median, type Figure } from './figures';

/**
 * The popup's time to first meaningful render in real Chromium with the built extension: from navigation to the paint
 * of the default view's first figure (the benchmark's median or "too few" line, or its empty state) or, with nothing
 * stored, the empty state, as the popup marks it (`FIRST_MEANINGFUL_RENDER`, components/popup/first-render.ts). The
 * popup is opened as an extension tab, once to warm up and then `runs` times (median). Baseline: the empty database.
 * Then 100,000 orders, 20,000 creators and the rest of a busy shop are put into the extension's own database from an
 * extension page (bulkPut), the aggregates are rebuilt as after an import, and the popup is measured again.
 */

const RUNS = 7;

/** The seeding script (browser/popup-entry.ts), bundled to evaluate on an extension page. */
export function seedScript(): Promise<string> {
  return bundled('./browser/popup-entry.ts');
}

async function firstMeaningfulRender(session: Session): Promise<number> {
  const page: Page = await session.context.newPage();
  try {
    await page.goto(extensionUrl(session, 'popup.html'));
    const handle = await page.waitForFunction((name) => performance.getEntriesByName(name)[0]?.startTime, FIRST_MEANINGFUL_RENDER, { timeout: 60_000 });
    return (await handle.jsonValue()) as number;
  } finally {
    await page.close();
  }
}

async function measure(session: Session): Promise<number> {
  await firstMeaningfulRender(session);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await firstMeaningfulRender(session));
  return median(times);
}

export async function benchPopup(orders = 100_000, creators = 20_000): Promise<Figure[]> {
  const script = await seedScript();
  const session = await launch();
  try {
    const empty = await measure(session);
    const seeder = await session.context.newPage();
    await seeder.goto(extensionUrl(session, 'options.html'));
    await seeder.evaluate(script);
    const seeded = (await seeder.evaluate(`collabLensSeed.seedBench(${orders}, ${creators})`)) as SeedResult;
    await seeder.close();
    const loaded = await measure(session);
    const baseline = 'the empty database';
    return [
      { name: 'popup: first meaningful render, empty database', value: empty, unit: 'ms', ratio: 1, baseline },
      {
        name: `popup: first meaningful render, ${orders} orders and ${creators} creators (${seeded.rows} rows; aggregates rebuilt in ${Math.round(seeded.rebuildMs)} ms)`,
        value: loaded,
        unit: 'ms',
        ratio: loaded / empty,
        baseline,
      },
    ];
  } finally {
    await session.close();
  }
}
