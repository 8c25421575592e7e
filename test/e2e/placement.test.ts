import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simUrl } from '../sim/install';
import { cls } from '../sim/placement-markups';
import { listingOf } from '../sim/surfaces/find-creators';
import { HOSTILE, pageElements, shopByKey } from '../sim/world';
import { domSettled, waitFor } from './browser';
import { BADGE, open, startEnv, type Env } from './pages';

/**
 * Placement a seller can trust, on the markups of `test/sim/client/placement-markups.js` (our own versions, resting
 * on no evidence of TikTok's exact DOM): each row's badge is its own creator's (the badge's `data-handle` against the
 * handle the row shows as a handle), one per occurrence of a creator, and no badge covers the page's own text, runs
 * past its cell or is cut.
 */

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(() => env?.session.close());

const us = () => shopByKey(env.world, 'us');
const CARD = '[data-collab-lens="creator-card"]';
const firstPage = () => listingOf(env.world, us(), 'find').slice(0, 20);

interface RowBadges {
  /** The handle the row shows as a handle (its `@handle` or username element), lower case, without `@`. */
  handle: string;
  /** The `data-handle` of each badge in the row. */
  badges: string[];
}

/** Each row of `rows`, with the handle its `handle` element shows and the badges (`kind`) inside it. */
const rowBadges = (page: Page, rows: string, handle: string, kind = CARD) =>
  page.$$eval(
    rows,
    (els, [sel, card]) =>
      els.map((row) => ({
        handle: (row.querySelector(sel as string)?.textContent ?? '').trim().replace(/^@/, '').toLowerCase(),
        badges: [...row.querySelectorAll(card as string)].map((b) => (b as HTMLElement).dataset.handle ?? ''),
      })),
    [handle, kind] as const,
  );

const wrong = (rows: readonly RowBadges[]) => rows.filter((r) => r.badges.some((b) => b !== r.handle) || r.badges.length > 1);
const describeRows = (rows: readonly RowBadges[]) => rows.map((r) => `${r.handle}: [${r.badges.join(',')}]`).join('; ');

/**
 * Waits until each of `count` rows carries exactly one badge, its own creator's, and fails at once on a wrong or a
 * second one; `settling` rows (content just swapped in place) may show the badge of what they showed a moment ago.
 */
async function expectRightBadges(page: Page, rows: string, handle: string, count: number, settling = false, kind = CARD): Promise<RowBadges[]> {
  let bad: RowBadges[] = [];
  const found = await waitFor(async () => {
    const now = await rowBadges(page, rows, handle, kind);
    bad = settling ? [] : wrong(now);
    if (bad.length) return now;
    return now.length === count && wrong(now).length === 0 && now.every((r) => r.badges.length === 1) && now;
  }, `one right badge on each of ${count} rows`);
  expect(bad, describeRows(bad)).toEqual([]);
  return found;
}

/**
 * Where the badges of `kind` cover the page's own visible text (each text node's `Range.getClientRects`, cut to the
 * cell it sits in), leave the table or grid cell they sit in, pass the edge of a box that clips them, or are cut
 * inside (an element of theirs whose content is wider than its box). Empty when none does.
 */
const overlaps = (page: Page, kind = CARD) =>
  page.evaluate((sel) => {
    const CELLS = 'td,th,[role="gridcell"],[role="columnheader"],[role="cell"]';
    const cut = (a: DOMRect, b: DOMRect) => {
      const left = Math.max(a.left, b.left);
      const right = Math.min(a.right, b.right);
      const top = Math.max(a.top, b.top);
      const bottom = Math.min(a.bottom, b.bottom);
      return right - left > 0.5 && bottom - top > 0.5 ? new DOMRect(left, top, right - left, bottom - top) : undefined;
    };
    const texts: { rect: DOMRect; text: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = (node as Text).data.trim();
      if (!parent || !text || parent.closest('[data-collab-lens],script,style')) continue;
      if (!parent.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const cell = parent.closest(CELLS)?.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        const rect = cell ? cut(r, cell) : r.width > 0 && r.height > 0 ? r : undefined;
        if (rect) texts.push({ rect, text });
      }
    }
    const problems: string[] = [];
    for (const host of document.querySelectorAll<HTMLElement>(sel)) {
      const name = host.dataset.handle ?? host.dataset.findings ?? '';
      const r = host.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) problems.push(`${name}: no box`);
      for (const t of texts) if (cut(r, t.rect)) problems.push(`${name} covers “${t.text}”`);
      const cell = host.closest(CELLS)?.getBoundingClientRect();
      if (cell && (r.left < cell.left - 0.5 || r.right > cell.right + 0.5)) problems.push(`${name} leaves its cell`);
      for (let up = host.parentElement; up && up !== document.body; up = up.parentElement) {
        if (getComputedStyle(up).overflowX === 'visible') continue;
        const box = up.getBoundingClientRect();
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5) problems.push(`${name} is clipped by ${up.tagName}`);
      }
      for (const el of host.shadowRoot?.querySelectorAll<HTMLElement>('*') ?? []) {
        if (el.closest('[popover]') || el.getClientRects().length === 0) continue;
        if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) problems.push(`${name} is cut (${el.scrollWidth} > ${el.clientWidth}: “${el.textContent}”)`);
      }
    }
    return problems;
  }, kind);

/** Once the page's DOM is quiet (every badge placed and measured): no badge over the page's text, out of its cell, or cut. */
async function expectClearOfText(page: Page, kind = CARD): Promise<void> {
  await domSettled(page);
  expect(await overlaps(page, kind)).toEqual([]);
}

describe('Find creators: the right creator, once per occurrence, clear of the page', () => {
  it('ARIA grid with hashed class names, the handle split over spans in a link: one right badge per row, inside its cell', async () => {
    const page = await open(env, simUrl(us(), 'find-creators', { markup: 'aria-grid' }));
    const rows = `[role="grid"] [role="row"]:has([role="gridcell"])`;
    expect(await page.locator(`[role="grid"] .creator-nick, [role="grid"] .fc-card`).count()).toBe(0);
    const found = await expectRightBadges(page, rows, `a.${cls('handle-link')}`, firstPage().length);
    expect(found.map((r) => r.handle)).toEqual(firstPage().map((m) => m.creator.handle));
    await expectClearOfText(page);
    await page.close();
  });

  it('hostile text: a creator named with markup shows it as text, and the row gets its creator’s badge', async () => {
    const page = await open(env, simUrl(us(), 'find-creators', { markup: 'aria-grid' }));
    expect(firstPage().some((m) => m.creator.handle === HOSTILE.handle)).toBe(true);
    const row = page.locator('[role="row"]').filter({ has: page.locator(`a.${cls('handle-link')}`, { hasText: `@${HOSTILE.handle}` }) });
    await waitFor(async () => (await row.locator(CARD).getAttribute('data-handle').catch(() => null)) === HOSTILE.handle, 'the hostile row’s badge');
    expect(await row.locator(`.${cls('name')}`).textContent()).toBe(HOSTILE.nickname);
    expect(await page.evaluate(() => document.querySelectorAll('img[src="x"], #sim-main script').length)).toBe(0);
    expect(await row.locator(CARD).count()).toBe(1);
    await page.close();
  });

  it('recycled virtual rows show the badge of their current content as the list scrolls', async () => {
    const page = await open(env, simUrl(us(), 'find-creators', { markup: 'virtual' }));
    const slots = '[data-sim-slot]';
    const handle = `a.${cls('handle-link')}`;
    expect(await page.locator(slots).count()).toBe(8);
    const seen = new Set<string>();
    for (const top of [0, 3 * 56 + 20, 9 * 56, 12 * 56 + 40, 0]) {
      // The list repaints on its scroll event, which comes with the next frame: wait for it before reading the rows.
      await page.locator(`.${cls('scroller')}`).evaluate(
        (el, y) =>
          new Promise<void>((done) => {
            el.scrollTop = y;
            requestAnimationFrame(() => requestAnimationFrame(() => done()));
          }),
        top,
      );
      const rows = await expectRightBadges(page, slots, handle, 8, true);
      for (const r of rows) seen.add(r.handle);
    }
    // The pool showed every creator of the page at one time or another, each with its own badge.
    expect(seen.size).toBe(firstPage().length);
    await expectClearOfText(page);
    await page.close();
  });

  it('the same creators in a recommended strip and in the results: one badge in each occurrence', async () => {
    const page = await open(env, simUrl(us(), 'find-creators', { markup: 'repeated' }));
    const shown = firstPage();
    const rows = await expectRightBadges(page, 'article', '.fc-card__handle', shown.length + 4);
    const strip = [1, 3, 5, 7].map((i) => shown[i]?.creator.handle);
    expect(rows.slice(0, 4).map((r) => r.handle)).toEqual(strip);
    expect(await page.locator(CARD).count()).toBe(shown.length + 4);
    await expectClearOfText(page);
    await page.close();
  });

  it('a name that equals a handle (the creator’s own, or the next creator’s) adds no badge and no one else’s', async () => {
    const page = await open(env, simUrl(us(), 'find-creators', { markup: 'namesake' }));
    const shown = firstPage();
    await expectRightBadges(page, 'table tbody tr', '.creator-handle', shown.length);
    // The names on the page are the handles the markup promises, so the case is really there.
    const names = await page.$$eval('table tbody tr .creator-nick', (els) => els.map((el) => el.textContent));
    expect(names[0]).toBe(shown[0]?.creator.handle);
    expect(names[1]).toBe(shown[2]?.creator.handle);
    expect(await page.locator(CARD).count()).toBe(shown.length);
    await expectClearOfText(page);
    await page.close();
  });

  it('rows replaced every 500 ms: never a wrong or a second badge, and every row gets its own', async () => {
    const page = await open(env, simUrl(us(), 'find-creators', { markup: 'rerender' }));
    const shown = firstPage();
    await expectRightBadges(page, 'article', '.fc-card__handle', shown.length);
    // Several re-renders later, whatever the moment: right badges only, and never two on a card.
    const renders = await page.evaluate(() => Number(document.documentElement.dataset.simReady));
    while ((await page.evaluate(() => Number(document.documentElement.dataset.simReady))) < renders + 6) {
      const now = await rowBadges(page, 'article', '.fc-card__handle');
      expect(wrong(now), describeRows(wrong(now))).toEqual([]);
      await page.waitForTimeout(40);
    }
    await expectRightBadges(page, 'article', '.fc-card__handle', shown.length);
    await page.close();
  });

  it('Indonesian labels, the handle in a tooltip shown on hover only: the badge goes by the visible username, not on the name line', async () => {
    const page = await open(env, simUrl(us(), 'find-creators', { markup: 'id' }));
    const shown = firstPage();
    await expectRightBadges(page, 'article', `.${cls('username')}`, shown.length);
    expect(await page.getByText('Pengikut').count()).toBe(shown.length);
    // Each badge sits on its username's line, none on the nickname's.
    const lines = await page.$$eval(
      CARD,
      (hosts, username) =>
        hosts.map((host) => {
          const r = host.getBoundingClientRect();
          const user = host.closest('article')?.querySelector(username)?.getBoundingClientRect();
          const nick = host.closest('article')?.querySelector('h3')?.getBoundingClientRect();
          const middle = (r.top + r.bottom) / 2;
          return { onUser: !!user && middle > user.top && middle < user.bottom, onNick: !!nick && middle > nick.top && middle < nick.bottom };
        }),
      `.${cls('username')}`,
    );
    expect(lines.every((l) => l.onUser && !l.onNick)).toBe(true);
    await expectClearOfText(page);
    await page.close();
  });

  it.each(['grid', 'table'] as const)('%s markup: badges clear of the page’s text and inside their cells', async (markup) => {
    const page = await open(env, simUrl(us(), 'find-creators', { markup }));
    const shown = firstPage();
    await waitFor(async () => (await page.locator(CARD).count()) === shown.length, 'a card for every creator');
    await expectClearOfText(page);
    await page.close();
  });
});

describe('Sample requests: the badge on its own creator’s rows, clear of the page', () => {
  /** The rows of To review's first page: one per request (the table and grid markups) or per creator (cards). */
  const toReview = () => pageElements(us(), 10, 1, 50);
  const requestRows = () => toReview().reduce((n, e) => n + e.requests.length, 0);

  it('ARIA grid with hashed class names and fixed columns: one right badge per request row, inside its cell, never cut', async () => {
    const page = await open(env, simUrl(us(), 'sample-request', { markup: 'aria-grid' }));
    const rows = `[role="grid"] [role="row"]:has([role="gridcell"])`;
    await expectRightBadges(page, rows, `a.${cls('handle-link')}`, requestRows(), false, BADGE);
    await expectClearOfText(page, BADGE);
    // The badge does not fit beside a handle in this grid's creator column: it folds to a dot, and the keyboard still
    // reaches its button, which opens it.
    const folded = page.locator(`${BADGE}[data-folded]`).first();
    expect(await folded.count()).toBe(1);
    await folded.locator('.cl-room button').first().focus();
    await expect.poll(() => folded.locator('.cl-room').evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await page.close();
  });

  it('a name that equals a handle (the creator’s own, or the next creator’s) adds no badge and no one else’s', async () => {
    const page = await open(env, simUrl(us(), 'sample-request', { markup: 'namesake' }));
    await expectRightBadges(page, 'table tbody tr', '.creator-handle', requestRows(), false, BADGE);
    const names = await page.$$eval('table tbody tr .creator-nick', (els) => els.map((el) => el.textContent));
    expect(names[0]).toBe(toReview()[0]?.creator.handle);
    expect(await page.locator(BADGE).count()).toBe(requestRows());
    await expectClearOfText(page, BADGE);
    await page.close();
  });

  it.each([
    ['table', 'table tbody tr', '.creator-handle'],
    ['cards', 'article', '.m-sr-card__handle'],
  ] as const)('%s markup: one right badge per row, clear of the page’s text and inside its cell', async (markup, rows, handle) => {
    const page = await open(env, simUrl(us(), 'sample-request', { markup }));
    await expectRightBadges(page, rows, handle, markup === 'table' ? requestRows() : toReview().length, false, BADGE);
    await expectClearOfText(page, BADGE);
    await page.close();
  });
});
