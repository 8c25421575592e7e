import { afterAll, beforeAll, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { installSimulator } from '../sim/install';
import { generateWorld, type World } from '../sim/world';
import { extensionUrl, launch, waitFor, type LaunchOptions, type Session } from './browser';

export const BADGE = '[data-collab-lens="sample-badge"]';
export const ROW = { table: 'table tbody tr', cards: 'article' } as const;
export type Markup = keyof typeof ROW;

export interface Env {
  session: Session;
  world: World;
}

export async function startEnv(options: LaunchOptions = {}): Promise<Env> {
  const world = generateWorld({ seed: 7 });
  const session = await launch(options);
  await installSimulator(session.context, world, { latencyMs: 30 });
  return { session, world };
}

/**
 * A browser of its own for one `describe` block, launched before its tests and closed after them: what is stored is
 * what this block's pages gave, nothing left from another (a wire variant's answers, a fault's). The returned object
 * is filled in `beforeAll`.
 */
export function freshEnv(options: LaunchOptions = {}): Env {
  const env = {} as Env;
  beforeAll(async () => {
    Object.assign(env, await startEnv(options));
  });
  afterAll(() => env.session?.close());
  return env;
}

const renders = (page: Page) => page.evaluate(() => Number(document.documentElement.dataset.simReady ?? 0));

/** Run `action` and wait until the simulated page has rendered again after it. */
export async function afterRender(page: Page, action: () => Promise<unknown>): Promise<void> {
  const before = await renders(page);
  await action();
  await waitFor(async () => (await renders(page)) > before, 'the page to render');
}

/** Load `url` in `page` and wait for its first render (a new document starts counting renders from zero). */
export async function navigate(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitFor(async () => (await renders(page)) > 0, 'the page to render');
}

export async function open(env: Env, url: string): Promise<Page> {
  const page = await env.session.context.newPage();
  page.on('dialog', (d) => {
    throw new Error(`Unexpected dialog: ${d.message()}`);
  });
  await navigate(page, url);
  return page;
}

/** Badge count per row, in row order. */
export const badgesPerRow = (page: Page, markup: Markup) =>
  page.$$eval(ROW[markup], (rows, badge) => rows.map((r) => r.querySelectorAll(badge).length), BADGE);

/**
 * Waits until each of `rows` rows carries exactly one badge, checking for 300 ms more that none gets a second. A page
 * that re-renders its rows drops their badges with them for a moment, so a row without one is waited out, not failed.
 */
export async function expectOneBadgePerRow(page: Page, markup: Markup, rows: number): Promise<void> {
  const one = async () => {
    const counts = await badgesPerRow(page, markup);
    expect(counts.every((n) => n <= 1), `at most one badge per row: ${counts.join(',')}`).toBe(true);
    return counts.length === rows && counts.every((n) => n === 1);
  };
  await waitFor(one, `a badge on each of ${rows} ${markup} rows`);
  for (const end = Date.now() + 300; Date.now() < end; await page.waitForTimeout(50)) await one();
  await waitFor(one, `a badge on each of ${rows} ${markup} rows`);
}

export const clickTab = (page: Page, name: string) => afterRender(page, () => page.getByRole('tab', { name }).click());
export const nextPage = (page: Page) => afterRender(page, () => page.getByRole('button', { name: 'Next page' }).click());

/** The id Chrome gives the tab showing `url` (extension pages take it as `?tabId=`). */
export async function tabIdOf(env: Env, page: Page): Promise<number> {
  const sw = await env.session.serviceWorker();
  const url = page.url();
  const id = await sw.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id;
  }, url);
  if (id === undefined) throw new Error(`no tab for ${url}`);
  return id;
}

export async function openExtensionPage(env: Env, path: string): Promise<Page> {
  const page = await env.session.context.newPage();
  await page.goto(extensionUrl(env.session, path));
  return page;
}

declare const chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
