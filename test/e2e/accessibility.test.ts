import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simUrl } from '../sim/install';
import { shopByKey, tabRequests } from '../sim/world';
import { domSettled, readDb, waitFor } from './browser';
import { expectOneBadgePerRow, open, openExtensionPage, startEnv, tabIdOf, type Env } from './pages';

/**
 * The popup, the side panel, the options page, the creators view and a creator's page with data in them, in both languages and both colour schemes: axe-core
 * finds no serious or critical violation, and keyboard focus is always visible.
 */

let env: Env;
let tabId = 0;
let shopKey = '';
let handle = '';
beforeAll(async () => {
  env = await startEnv();
  const us = shopByKey(env.world, 'us');
  const page = await open(env, simUrl(us, 'sample-request', { tab: 10 }));
  await expectOneBadgePerRow(page, 'table', Math.min(50, tabRequests(us, 10).length));
  await waitFor(async () => ((await readDb(env.session)).sampleRequests?.length ?? 0) > 0, 'sample requests to be stored');
  tabId = await tabIdOf(env, page);
  const request = (await readDb(env.session)).sampleRequests?.[0] as { shopKey: string; creatorHandle: string };
  ({ shopKey, creatorHandle: handle } = request);
});
afterAll(() => env?.session.close());

const VIEWS = [
  ['popup', () => `popup.html?tabId=${tabId}`],
  ['side panel', () => `sidepanel.html?tabId=${tabId}`],
  ['options page', () => 'options.html'],
  ['creators view', () => `creators.html?${new URLSearchParams({ shop: shopKey, period: 'all' })}`],
  ['creator page', () => `creator.html?${new URLSearchParams({ shop: shopKey, handle })}`],
] as const;

async function setLanguage(language: 'en' | 'id'): Promise<void> {
  const sw = await env.session.serviceWorker();
  await sw.evaluate(async (l) => chrome.storage.local.set({ language: l }), language);
}

/** What axe-core finds serious or critical, as `rule: target` lines (empty when there is nothing). */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

describe.each(['en', 'id'] as const)('in %s', (language) => {
  beforeAll(() => setLanguage(language));

  describe.each(['light', 'dark'] as const)('%s scheme', (colorScheme) => {
    it.each(VIEWS)('the %s has no serious or critical accessibility violation', async (_name, path) => {
      const page = await openExtensionPage(env, path());
      await page.emulateMedia({ colorScheme });
      await page.waitForFunction((l) => document.documentElement.lang === l && document.querySelector('main, #app > *') !== null, language);
      await domSettled(page);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  });
});

describe('keyboard', () => {
  it.each(VIEWS)('every control of the %s is reachable with Tab and shows where the focus is', async (_name, path) => {
    const page = await openExtensionPage(env, path());
    await domSettled(page);
    const controls = await page.locator('a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea, [tabindex="0"]').count();
    expect(controls).toBeGreaterThan(0);
    const seen = new Set<string>();
    for (let i = 0; i < Math.min(controls, 60) + 1; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return undefined;
        const s = getComputedStyle(el);
        const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
        return { id: el.outerHTML.slice(0, 120), visible };
      });
      if (!focus) continue;
      expect(focus.visible, focus.id).toBe(true);
      seen.add(focus.id);
    }
    expect(seen.size).toBeGreaterThan(0);
    await page.close();
  });
});

declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };
