import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSIGHT_METRICS } from '../../lib/adapters/insights';
import { money } from '../../lib/domain/money';
import { simUrl } from '../sim/install';
import type { SimRoute } from '../sim/pages';
import { DATE_TYPES, INSIGHT_FAULTS, insightFigures, insightVariants, type InsightModule } from '../sim/surfaces/insights';
import { shopByKey, type SimShop } from '../sim/world';
import { capturedAfter, readDb, waitFor } from './browser';
import { afterRender, clickTab, freshEnv, open, startEnv, type Env } from './pages';

/** Insights pages in both markups and both route generations on every host, and the figures stored from them. */

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(() => env?.session.close());

type Row = Record<string, unknown>;
const DAY = 86_400_000;
const LABEL: Record<number, string> = { 1: 'last_7_days', 2: 'last_28_days', 3: 'last_90_days' };
const keyOf = (shop: SimShop) => `${shop.region}:${shop.sellerId}`;

const dbWhen = (check: (db: Record<string, Row[]>) => boolean, what: string) =>
  waitFor(async () => {
    const db = await readDb(env.session);
    return check(db) && db;
  }, what, 20_000);

const analysisLink = (page: Page, name: string) => afterRender(page, () => page.locator('.in-links a', { hasText: name }).click());

describe('a response whose shape changed', () => {
  it('stores none of its figures and counts the broken metric', async () => {
    const us = shopByKey(env.world, 'us');
    const page = await open(env, simUrl(us, 'insights-outreach', { fault: 'shape' }));
    // The page still renders what it can read.
    expect(await page.locator('[data-metric]').count()).toBe(8);
    const db = await dbWhen((d) => d.endpointStats?.some((s) => s.endpoint === 'insights.outreach') ?? false, 'the outreach figures to be counted');
    expect(db.endpointStats?.find((s) => s.endpoint === 'insights.outreach')).toMatchObject({
      accepted: 0,
      rejected: 1,
      failures: { [`data.core_stats.${INSIGHT_FAULTS.outreach}: invalid_union`]: 1 },
    });
    expect(db.insights ?? []).toEqual([]);
    expect((db.snapshots ?? []).filter((s) => s.entity === 'insight')).toEqual([]);
    await page.close();
  });
});

const ROUTES: readonly [InsightModule, SimRoute][] = [
  ['transaction', 'insights-transaction'],
  ['sample', 'insights-sample'],
  ['outreach', 'insights-outreach'],
];

describe.each(ROUTES.flatMap(([module, route]) => Object.keys(insightVariants(route)).map((variant) => [variant, module, route] as const)))(
  'the figures answered in the form %s',
  (variant, module, route) => {
    const venv = freshEnv();

    it('stores the window the page shows with every figure, and nothing goes unread', async () => {
      const shop = shopByKey(venv.world, 'gb');
      const page = await open(venv, simUrl(shop, route, { variant }));
      expect(await page.locator('[data-metric]').count()).toBe(8);
      const k = `${keyOf(shop)}|${module}|${LABEL[2]}`;
      const db = await waitFor(async () => {
        const d = await readDb(venv.session);
        return d.insights?.some((i) => i.key === k) && d;
      }, `the ${module} figures`);
      const insight = db.insights?.find((i) => i.key === k) as { period: { label: string }; metrics: Record<string, unknown> };
      expect(insight.period.label).toBe(LABEL[2]);
      for (const f of insightFigures(venv.world, shop, module, 2)) {
        const expected = f.kind === 'money' ? money(f.value.toFixed(2), shop.currency) : f.value;
        expect(insight.metrics[INSIGHT_METRICS[module][f.key]![0]], f.key).toEqual(expected);
      }
      expect(db.endpointStats?.find((x) => x.endpoint === `insights.${module}`)).toMatchObject({ accepted: 1, rejected: 0, failures: {} });
      await page.close();
    });
  },
);

describe.each([
  ['cards', 'legacy', 'us'],
  ['table', 'migrated', 'id'],
  ['cards', 'migrated', 'gb'],
  ['table', 'legacy', 'global'],
] as const)('%s markup, %s route, %s shop', (markup, generation, key) => {
  it('walks the three analyses and several windows, and stores each module and window once with its figures', async () => {
    const shop = shopByKey(env.world, key);
    const page = await open(env, simUrl(shop, 'insights-transaction', { markup, generation }));
    expect(await page.locator('[data-metric]').count()).toBe(8);
    await clickTab(page, 'Last 7 days');
    await clickTab(page, 'Last 90 days');
    await analysisLink(page, 'Sample analysis');
    expect(page.url()).toContain('sample-analysis');
    await clickTab(page, 'Last 28 days');
    await analysisLink(page, 'Creator outreach');
    const seen: [InsightModule, number][] = [
      ['transaction', 2],
      ['transaction', 1],
      ['transaction', 3],
      ['sample', 3],
      ['sample', 2],
      ['outreach', 2],
    ];
    const shopKey = keyOf(shop);
    const db = await dbWhen((d) => (d.insights?.filter((i) => i.shopKey === shopKey).length ?? 0) === seen.length, `${seen.length} insights`);
    const stored = new Map((db.insights ?? []).filter((i) => i.shopKey === shopKey).map((i) => [i.key as string, i]));
    for (const [module, dateType] of seen) {
      const k = `${shopKey}|${module}|${LABEL[dateType]}`;
      const insight = stored.get(k) as { period: { start: number; end: number; label: string }; metrics: Record<string, unknown>; source: { endpoint: string; page: string } };
      expect(insight, k).toBeDefined();
      expect(insight.period.label).toBe(LABEL[dateType]);
      expect(insight.period.end - insight.period.start + 1).toBe(DATE_TYPES.find((d) => d.code === dateType)!.days * DAY);
      expect(insight.source.endpoint).toBe(`insights.${module}`);
      expect(insight.source.page).toContain(shop.host);
      for (const f of insightFigures(env.world, shop, module, dateType)) {
        const expected = f.kind === 'money' ? money(shop.currency === 'IDR' ? `${f.value}.00` : f.value.toFixed(2), shop.currency) : f.value;
        expect(insight.metrics[INSIGHT_METRICS[module][f.key]![0]], `${k} ${f.key}`).toEqual(expected);
      }
      const snaps = (db.snapshots ?? []).filter((s) => s.entity === 'insight' && s.key === k);
      expect(snaps).toHaveLength(1);
    }
    await page.close();
  });
});

describe('coming back', () => {
  it('adds no snapshot when the figures have not changed', async () => {
    const us = shopByKey(env.world, 'us');
    const before = (await readDb(env.session)).snapshots?.filter((s) => s.entity === 'insight').length ?? 0;
    let page: Page | undefined;
    await capturedAfter(env.session, 'insights.transaction', async () => (page = await open(env, simUrl(us, 'insights-transaction'))));
    const after = (await readDb(env.session)).snapshots?.filter((s) => s.entity === 'insight').length ?? 0;
    expect(after).toBe(before);
    await page?.close();
  });
});
