import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../lib/rules/index';
import { simUrl } from '../sim/install';
import { shopByKey, tabRequests } from '../sim/world';
import { readDb, waitFor } from './browser';
import { expectOneBadgePerRow, open, openExtensionPage, startEnv, type Env } from './pages';

/** The options page's rules: every built-in rule listed, thresholds validated, and saving re-evaluates every rule. */

let env: Env;
let options: Page;
const findingsOf = async (ruleId: string) => ((await readDb(env.session)).findings ?? []).filter((f) => f.ruleId === ruleId);
const RULE = 'sample-review-deadline';
const section = () => options.getByTestId('rules');
const rule = (id: string) => section().locator(`fieldset[data-rule="${id}"]`);
const status = () => options.getByTestId('rules-status');

beforeAll(async () => {
  env = await startEnv();
  const us = shopByKey(env.world, 'us');
  const page = await open(env, simUrl(us, 'sample-request', { tab: 10 }));
  const seen = tabRequests(us, 10).slice(0, 50);
  await expectOneBadgePerRow(page, 'table', seen.length);
  await waitFor(async () => (await findingsOf(RULE)).length > 0, 'review deadline findings');
  await page.close();
  options = await openExtensionPage(env, 'options.html');
});
afterAll(() => env?.session.close());

describe('rule settings', () => {
  it('lists every built-in rule with its explanation, on, with its thresholds, and notifications off', async () => {
    await section().locator('fieldset').first().waitFor();
    expect(await section().locator('fieldset legend').allTextContents()).toEqual(RULES.map((r) => r.title.en));
    for (const r of RULES) {
      expect(await rule(r.id).textContent()).toContain(r.explanation.en);
      expect(await rule(r.id).getByLabel('Use this rule').isChecked()).toBe(true);
      expect(await rule(r.id).locator('input[type="number"]').count()).toBe(Object.keys(r.thresholds).length);
    }
    expect(await section().getByLabel('Notify me of deadlines').isChecked()).toBe(false);
  });

  it('refuses a threshold outside its bounds and stores nothing', async () => {
    const input = rule(RULE).locator('input[type="number"]').first();
    const max = Number(await input.getAttribute('max'));
    await input.fill(String(max + 1));
    await section().getByRole('button', { name: 'Save rules' }).click();
    expect(await status().textContent()).toBe('Enter each threshold within the limits shown.');
    expect((await findingsOf(RULE)).length).toBeGreaterThan(0);
    await options.reload();
  });

  it('turning a rule off and saving removes its findings at once, and the choice stays', async () => {
    await rule(RULE).getByLabel('Use this rule').uncheck();
    await section().getByRole('button', { name: 'Save rules' }).click();
    await expect.poll(() => status().textContent()).toMatch(/^Saved\. Every rule was checked again: [\d,]+ findings now\.$/);
    expect(await findingsOf(RULE)).toEqual([]);
    await options.reload();
    await rule(RULE).waitFor();
    expect(await rule(RULE).getByLabel('Use this rule').isChecked()).toBe(false);
    await rule(RULE).getByLabel('Use this rule').check();
    await section().getByRole('button', { name: 'Save rules' }).click();
    await expect.poll(async () => (await findingsOf(RULE)).length).toBeGreaterThan(0);
  });
});
