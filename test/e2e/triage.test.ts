import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { creatorPath } from '../../lib/creators/pages';
import { simUrl } from '../sim/install';
import { sampleCreatorFigures, scoresOf } from '../sim/surfaces/sample-wire';
import { SAMPLE_TABS, creatorOf, shopByKey, skuOf, tabRequests, type SimRequest, type SimShop } from '../sim/world';
import { extensionUrl, readDb, waitFor } from './browser';
import { BADGE, clickTab, expectOneBadgePerRow, navigate, nextPage, open, openExtensionPage, startEnv, tabIdOf, type Env } from './pages';
import { allRows, rowOf, SCROLLER } from './side-panel';

/**
 * Sample triage in the side panel, on the simulated US shop after every Sample requests tab was browsed: the queue
 * ranked by score with its reasons and alerts, TikTok's own view of each request beside the score, marking from the
 * keyboard and by filter (saved, undone, kept across a reload), showing a request on the page, and the dry run of an
 * auto-approval rule, whose totals are worked out here by hand from the simulated world as the real shape shows it, in
 * English and in Bahasa Indonesia.
 */

// The dry run counts its daily quota in the browser's time zone; UTC makes the days below the browser's days.
process.env.TZ = 'UTC';

const DAY = 86_400_000;
let env: Env;
let page: Page;
let us: SimShop;
let shopKey: string;
let panelUrl: string;

const usd = (minor: number) => ({ minor, currency: 'USD' });
const fulfilmentBps = (r: SimRequest) => {
  const p = creatorOf(us, r.creatorId).fulfillmentPercentage;
  return p === '' ? undefined : Math.round(Number.parseFloat(p) * 100);
};
/**
 * The state Collab Lens stores for a request the pages showed (research/real-shapes.md §1): its own code where it is one
 * we know (10–40), else its tab's (50 completed, 60 cancelled, no reason given), unless a page named the ending.
 */
let namedEndings = false;
const seen = (r: SimRequest): string => {
  const tab = SAMPLE_TABS.find((t) => t.statuses.includes(r.status))!;
  return namedEndings || tab.code <= 40 ? r.status : tab.code === 50 ? 'COMPLETED' : 'CANCELLED';
};
const SENT = new Set(['SHIPPED', 'CONTENT_PENDING', 'COMPLETED', 'OPS_COMPLETED', 'UNFULFILL_CANCELLED']);
const POSTED = new Set(['COMPLETED', 'OPS_COMPLETED']);
const YOU_APPROVED = new Set(['AWAITING_SHIPMENT', ...SENT, 'SELLER_NOT_SHIP_CANCELLED']);
const YOU_REJECTED = new Set(['REJECT_CANCELLED', 'OVERDUE_CANCELLED']);

/** Put rows straight into the extension's database (what the seller would have entered, orders seen elsewhere). */
async function putRows(table: string, rows: object[]): Promise<void> {
  const p = await openExtensionPage(env, 'options.html');
  await p.evaluate(
    ({ table, rows }) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('collab-lens');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction(table, 'readwrite');
          for (const row of rows) tx.objectStore(table).put(row);
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { table, rows },
  );
  await p.close();
}

async function openPanel(): Promise<Page> {
  const panel = await env.session.context.newPage();
  await panel.goto(panelUrl);
  await panel.locator(`${SCROLLER} li[data-apply-id]`).first().waitFor();
  return panel;
}

/** The dry-run rule of these tests: at least 5,000 followers and a 50% fulfilment rate. */
const qualifies = (r: SimRequest) => creatorOf(us, r.creatorId).followers >= 5000 && (fulfilmentBps(r) ?? -1) >= 5000;

/** Fill the dry-run form (the period: everything stored) and run it. */
async function runRule(panel: Page, labels: { tab: string; run: string }, o: { followers: string; fulfilment: string; quota: string }) {
  await panel.getByRole('tab', { name: labels.tab }).click();
  await panel.locator('#dry-minFollowers').fill(o.followers);
  await panel.locator('#dry-minFulfilment').fill(o.fulfilment);
  await panel.locator('#dry-dailyQuota').fill(o.quota);
  await panel.locator('#dry-period').selectOption('0');
  await panel.getByRole('button', { name: labels.run }).click();
  await panel.getByTestId('dry-result').waitFor();
}
const EN = { tab: 'Auto-approval dry run', run: 'Run the dry run' };
const ID = { tab: 'Uji coba persetujuan otomatis', run: 'Jalankan uji coba' };

/** What axe-core finds serious or critical on the page, as `rule: target` lines. */
async function seriousViolations(panel: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page: panel }).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const marksInDb = async () => Object.fromEntries(((await readDb(env.session)).triageMarks ?? []).map((m) => [m.applyId as string, m.mark as string]));
const current = (panel: Page) => panel.locator(`${SCROLLER} li[aria-current="true"]`).getAttribute('data-apply-id');
const focused = (panel: Page) => panel.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.applyId);

beforeAll(async () => {
  env = await startEnv();
  us = shopByKey(env.world, 'us');
  page = await open(env, simUrl(us, 'sample-request', { tab: 10 }));
  await expectOneBadgePerRow(page, 'table', 50);
  for (let p = 1; p < Math.ceil(tabRequests(us, 10).length / 50); p++) await nextPage(page);
  for (const tab of ['Ready to ship', 'Shipped', 'In progress', 'Completed', 'Cancelled']) await clickTab(page, tab);
  await clickTab(page, 'To review');
  await expectOneBadgePerRow(page, 'table', 50);
  shopKey = `US:${us.sellerId}`;
  panelUrl = extensionUrl(env.session, `sidepanel.html?tabId=${await tabIdOf(env, page)}`);
});
afterAll(() => env?.session.close());

describe('the queue', () => {
  it('ranks every pending request by its score, each with its reasons, alerts, countdown and source', async () => {
    const panel = await openPanel();
    const pending = tabRequests(us, 10);
    await expect.poll(() => panel.getByTestId('count').textContent()).toBe(`${pending.length} to review, best score first`);
    const rows = await allRows(panel);
    expect(rows.map((r) => r.applyId).sort()).toEqual(pending.map((r) => r.applyId).sort());
    const scores = rows.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((s) => s >= 0 && s <= 100)).toBe(true);

    const first = await rowOf(panel, rows[0]?.applyId ?? '');
    expect(await first.locator('.chip .factor').allTextContents()).toEqual(['Fulfilment', 'Your samples', 'GMV', 'Views', 'Payback', 'Deadline']);
    await first.locator('.why summary').click();
    await expect.poll(() => first.locator('.why dd').count()).toBe(6);
    const why = await first.locator('.why dd').allTextContents();
    expect(why[0]).toMatch(/^(Sample fulfilment rate [\d.]+% \(90 days, from TikTok\)\. Source: Sample requests, seen |The creator has not shared a fulfilment rate)/);
    // The GMV factor rests on the creator's GMV the sample list showed, against the SKU price it showed.
    const best = tabRequests(us, 10).find((r) => r.applyId === rows[0]?.applyId)!;
    const figures = sampleCreatorFigures(env.world, us, creatorOf(us, best.creatorId));
    // The best-scored creator shares their figures (an unauthorised one scores half the fulfilment points).
    expect(figures.authorised).toBe(true);
    const usd = (major: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(major);
    const price = skuOf(us, best.skuId).price;
    const multiple = figures.gmv / price;
    const rough = new Intl.NumberFormat('en-US').format(multiple >= 10 ? Math.round(multiple) : Math.round(multiple * 10) / 10);
    expect(why[2]).toMatch(new RegExp(`^${escapeRe(`GMV ${usd(figures.gmv)} is ${rough}× the product price ${usd(price)}. Source: Sample requests, seen `)}.+\\.$`));
    expect(await first.locator('.chip[data-factor="gmv"]').getAttribute('class')).not.toContain('unknown');
    expect(why[4]).toBe('No cost entered for this SKU (options page, Product costs): counted as neutral.');
    expect(await first.locator('.source').textContent()).toMatch(/^Source: Sample requests, seen /);

    // The most urgent request carries the rule engine's review-deadline alert and a red countdown.
    await panel.getByTestId('order').selectOption('deadline');
    await expect.poll(() => panel.getByTestId('count').textContent()).toBe(`${pending.length} to review, soonest deadline first`);
    const bySoonest = (await allRows(panel)).map((r) => r.applyId);
    expect(bySoonest).toEqual([...pending].sort((a, b) => (a.deadline ?? Infinity) - (b.deadline ?? Infinity)).map((r) => r.applyId));
    const soonest = await rowOf(panel, bySoonest[0] ?? '');
    expect(await soonest.locator('.finding[data-rule="sample-review-deadline"] strong').textContent()).toBe('Sample request review deadline near');
    expect(await soonest.locator('.deadline').getAttribute('class')).toContain('urgent');
    await panel.close();
  });

  it('shows TikTok’s own view beside the score, labelled and sourced, marks the requests it says cannot be approved, and selects them', async () => {
    const panel = await openPanel();
    const pending = tabRequests(us, 10);
    const roi = (r: SimRequest) => new Intl.NumberFormat('en-US').format(Math.round(Number(scoresOf(env.world, r)?.predictRoi) * 100) / 100);
    const approvable = pending.find((r) => !r.wire.blocked && scoresOf(env.world, r))!;
    const row = await rowOf(panel, approvable.applyId);
    expect(await row.locator('.tiktok').textContent()).toMatch(
      new RegExp(`^${escapeRe(`TikTok’s own view (not in the score): can be approved · predicted ROI ${roi(approvable)} Source: Sample requests, seen `)}.+\\.$`),
    );
    expect(await row.getAttribute('data-tiktok')).toBeNull();
    const blocked = pending.filter((r) => r.wire.blocked);
    expect(blocked.length).toBeGreaterThan(0);
    const one = await rowOf(panel, blocked[0]!.applyId);
    expect(await one.getAttribute('data-tiktok')).toBe('cannot-approve');
    expect(await one.locator('.tiktok .view').textContent()).toMatch(/^cannot be approved now/);
    expect(await one.locator('.tiktok').getAttribute('class')).toContain('blocked');

    const marked = await marksInDb();
    const selectable = blocked.filter((r) => !(r.applyId in marked));
    await panel.getByTestId('bulk').locator('summary').click();
    await panel.getByTestId('filter-kind').selectOption('tiktok-cannot');
    expect(await panel.getByTestId('filter-value').count()).toBe(0);
    await expect.poll(() => panel.getByTestId('select-matching').textContent()).toBe(`Select ${selectable.length} matching`);
    await panel.close();
  });

  it('flags the requests of a creator the seller blocked, on the page’s badges and in the queue, and selects them', async () => {
    // The creator of the first request on the page, blocked and tagged on the creator's page.
    const pending = tabRequests(us, 10);
    const creator = creatorOf(us, pending[0]!.creatorId);
    const theirs = pending.filter((r) => r.creatorId === creator.creatorId);
    const editor = await openExtensionPage(env, creatorPath(shopKey, creator.handle).slice(1));
    await editor.getByTestId('marks').waitFor();
    await editor.getByLabel('New tag').fill('late');
    await editor.getByRole('button', { name: 'Add tag' }).click();
    await editor.getByLabel('Block this creator', { exact: false }).check();
    await editor.getByRole('button', { name: 'Save marks' }).click();
    await waitFor(async () => (await editor.getByTestId('marks-status').textContent()) === 'Saved.', 'the marks to be saved');
    await editor.close();

    // The Sample requests page, still open, is told: the creator's badges say so first.
    const badge = page.locator(`${BADGE}[data-apply-ids~="${theirs[0]!.applyId}"] button`);
    await expect.poll(() => badge.locator('.marks').textContent()).toBe('Blocked · Tags: late');
    expect(await badge.getAttribute('aria-label')).toContain('Blocked · Tags: late');

    const panel = await openPanel();
    for (const r of theirs) {
      const row = await rowOf(panel, r.applyId);
      await expect.poll(() => row.getAttribute('data-creator-blocked')).toBe('true');
      expect(await row.locator('.creator-blocked').textContent()).toBe('You blocked this creator');
      expect(await row.locator('.tags').textContent()).toBe('Tags: late');
    }
    const other = await rowOf(panel, pending.find((r) => r.creatorId !== creator.creatorId)!.applyId);
    expect(await other.getAttribute('data-creator-blocked')).toBeNull();
    const marked = await marksInDb();
    await panel.getByTestId('bulk').locator('summary').click();
    await panel.getByTestId('filter-kind').selectOption('blocked');
    expect(await panel.getByTestId('filter-value').count()).toBe(0);
    await expect.poll(() => panel.getByTestId('select-matching').textContent()).toBe(`Select ${theirs.filter((r) => !(r.applyId in marked)).length} matching`);
    await panel.close();
  });

  it('marks from the keyboard: j/k move, a/r/s mark and move on, u and Ctrl+Z undo; marks are saved and kept across a reload', async () => {
    const panel = await openPanel();
    const ids = (await allRows(panel)).slice(0, 4).map((r) => r.applyId);
    await panel.locator(SCROLLER).evaluate((el) => el.scrollTo(0, 0));
    // Nothing has the focus yet: the first j focuses the best request, the next moves on.
    expect(await panel.evaluate(() => document.activeElement === document.body)).toBe(true);
    await panel.keyboard.press('j');
    await expect.poll(() => focused(panel)).toBe(ids[0]);
    await panel.keyboard.press('j');
    await expect.poll(() => current(panel)).toBe(ids[1]);
    await panel.keyboard.press('k');
    await expect.poll(() => current(panel)).toBe(ids[0]);
    expect(await focused(panel)).toBe(ids[0]);

    await panel.keyboard.press('a');
    await expect.poll(() => current(panel)).toBe(ids[1]);
    await panel.keyboard.press('r');
    await expect.poll(() => current(panel)).toBe(ids[2]);
    await panel.keyboard.press('s');
    await expect.poll(() => current(panel)).toBe(ids[3]);
    expect(await focused(panel)).toBe(ids[3]);
    const row = (id: string | undefined) => panel.locator(`${SCROLLER} li[data-apply-id="${id}"]`);
    await expect.poll(() => row(ids[2]).getAttribute('data-mark')).toBe('skip');
    expect(await row(ids[0]).locator('.mark').textContent()).toBe('Marked: approve');
    expect(await row(ids[1]).locator('.mark').textContent()).toBe('Marked: reject');
    expect(await marksInDb()).toEqual({ [ids[0] as string]: 'approve', [ids[1] as string]: 'reject', [ids[2] as string]: 'skip' });

    await panel.keyboard.press('u');
    await expect.poll(() => row(ids[2]).getAttribute('data-mark')).toBeNull();
    await panel.keyboard.press('Control+z');
    await expect.poll(() => row(ids[1]).getAttribute('data-mark')).toBeNull();
    await expect.poll(() => panel.getByTestId('status').textContent()).toContain('Undone: 1 marks back as they were.');
    expect(await marksInDb()).toEqual({ [ids[0] as string]: 'approve' });

    await panel.reload();
    await panel.locator(`${SCROLLER} li[data-apply-id]`).first().waitFor();
    await expect.poll(() => row(ids[0]).getAttribute('data-mark')).toBe('approve');
    expect(await row(ids[0]).locator('.mark').textContent()).toBe('Marked: approve');
    await panel.close();
  });

  it('selects by filter (fulfilment under 40%, not marked yet) and marks them together; one undo takes them all back', async () => {
    const panel = await openPanel();
    const marked = await marksInDb();
    const expected = tabRequests(us, 10).filter((r) => {
      const bps = fulfilmentBps(r);
      return bps !== undefined && bps < 4000 && !(r.applyId in marked);
    });
    expect(expected.length).toBeGreaterThan(0);
    await panel.getByTestId('bulk').locator('summary').click();
    await panel.getByTestId('filter-kind').selectOption('fulfilment-under');
    await panel.getByTestId('filter-value').fill('40');
    await expect.poll(() => panel.getByTestId('select-matching').textContent()).toBe(`Select ${expected.length} matching`);
    await panel.getByTestId('select-matching').click();
    expect(await panel.getByTestId('selection').locator('p').textContent()).toBe(`${expected.length} selected. Mark them with the buttons or with a, r, s or c.`);
    await panel.getByRole('button', { name: 'Reject the selected' }).click();
    await expect.poll(() => panel.getByTestId('status').textContent()).toContain(`${expected.length} marked to reject.`);
    const after = await marksInDb();
    expect(Object.keys(after).filter((id) => after[id] === 'reject').sort()).toEqual(expected.map((r) => r.applyId).sort());
    const one = await rowOf(panel, expected[0]?.applyId ?? '');
    expect(await one.getAttribute('data-mark')).toBe('reject');

    await one.focus();
    await panel.keyboard.press('u');
    await expect.poll(() => panel.getByTestId('status').textContent()).toContain(`Undone: ${expected.length} marks back as they were.`);
    expect(await marksInDb()).toEqual(marked);
    await panel.close();
  });

  it('has no serious or critical accessibility violation with rows marked, selected and explained, in light and dark', async () => {
    const panel = await openPanel();
    const first = panel.locator(`${SCROLLER} li[data-apply-id]`).first();
    await first.focus();
    await panel.keyboard.press('x');
    await first.locator('.why summary').click();
    await panel.getByTestId('bulk').locator('summary').click();
    for (const colorScheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme });
      expect(await seriousViolations(panel)).toEqual([]);
    }
    await panel.close();
  });

  it('Enter shows the request on the page: scrolled to and highlighted, nothing clicked', async () => {
    const panel = await openPanel();
    await panel.getByTestId('order').selectOption('deadline');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const target = tabRequests(us, 10)[40];
    const row = await rowOf(panel, target?.applyId ?? '');
    await row.focus();
    await panel.keyboard.press('Enter');
    const badge = page.locator(`${BADGE}[data-apply-ids~="${target?.applyId}"]`);
    await expect.poll(() => badge.locator('.badge').getAttribute('class')).toContain('highlighted');
    const box = await badge.boundingBox();
    const viewport = page.viewportSize();
    expect(box && viewport && box.y > 0 && box.y + box.height < viewport.height).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __simActions: unknown[] }).__simActions)).toEqual([]);
    await panel.close();
  });
});

describe('the dry run of an auto-approval rule', () => {
  const byTime = () => [...us.requests].sort((a, b) => a.applyTime - b.applyTime || a.applyId.localeCompare(b.applyId));
  const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  let approved: SimRequest[];
  let withCost: SimRequest[];
  let costTotal: number;

  beforeAll(async () => {
    approved = byTime().filter(qualifies);
    const perDay = new Map<string, number>();
    for (const r of approved) perDay.set(utcDay(r.applyTime), (perDay.get(utcDay(r.applyTime)) ?? 0) + 1);
    // A quota of 100 never binds on this history: every qualifying request is approved.
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(100);

    // The seller entered costs for two of the approved SKUs: $5.00 + $1.50 shipping, and $8.00 with no shipping.
    const [s1, s2] = [...new Set(approved.map((r) => r.skuId))];
    const costOf = new Map([
      [s1, 650],
      [s2, 800],
    ]);
    await putRows('costs', [
      { key: `${shopKey}|${s1}`, shopKey, productId: approved.find((r) => r.skuId === s1)?.productId, skuId: s1, costOfGoods: usd(500), shipping: usd(150), updatedAt: env.world.now },
      { key: `${shopKey}|${s2}`, shopKey, productId: approved.find((r) => r.skuId === s2)?.productId, skuId: s2, costOfGoods: usd(800), updatedAt: env.world.now },
    ]);
    withCost = approved.filter((r) => costOf.has(r.skuId));
    costTotal = withCost.reduce((sum, r) => sum + (costOf.get(r.skuId) ?? 0), 0);

    // Orders of the earliest approved sample that was sent, by its creator: two after the application (2 × $20.00 ×
    // 1 and 2; commission $2.00 and $4.00 estimated, $1.50 actual on the first), one long before and one refunded.
    const sent = approved.find((r) => SENT.has(seen(r))) as SimRequest;
    const handle = creatorOf(us, sent.creatorId).handle;
    const source = { endpoint: 'test', page: 'https://affiliate-us.tiktok.com/product/order' };
    const row = (n: string, createdAt: number, o: object) => ({
      key: `${n}|${sent.skuId}`,
      orderId: n,
      shopKey,
      createdAt,
      productId: sent.productId,
      skuId: sent.skuId,
      price: usd(2000),
      creatorHandle: handle,
      settlement: 'TO_SETTLE',
      settlementRaw: 'to_settle',
      refunded: 0,
      firstSeenAt: env.world.now,
      lastSeenAt: env.world.now,
      source,
      ...o,
    });
    await putRows('orderSkus', [
      row('5770000000000000001', sent.applyTime + DAY, { quantity: 1, estimatedCommission: usd(200), actualCommission: usd(150), settlement: 'SETTLED', settlementRaw: 'settled' }),
      row('5770000000000000002', sent.applyTime + 2 * DAY, { quantity: 2, estimatedCommission: usd(400) }),
      row('5770000000000000003', sent.applyTime - 400 * DAY, { quantity: 1, estimatedCommission: usd(999) }),
      row('5770000000000000004', sent.applyTime + 3 * DAY, { quantity: 1, estimatedCommission: usd(999), refunded: 1 }),
    ]);
  });

  it('says what the rule would have approved, what those creators delivered and what the samples cost', async () => {
    const panel = await openPanel();
    await runRule(panel, EN, { followers: '5000', fulfilment: '50', quota: '100' });
    const n = approved.length;
    expect(await panel.getByTestId('dry-summary').textContent()).toBe(
      `Of ${us.requests.length} requests applied for in this period, the rule would have approved ${n}; 0 more met it but came after the day’s quota was used.`,
    );
    // Collab Lens saw every creator's figures when the pages were browsed, after the applications.
    expect(await panel.getByTestId('dry-later').textContent()).toBe(
      `${n} of the approvals rest on figures Collab Lens first saw after the application; the creator may have changed since.`,
    );
    const count = (set: Set<string>) => approved.filter((r) => set.has(seen(r))).length;
    const youApproved = count(YOU_APPROVED);
    const youRejected = count(YOU_REJECTED);
    const sellerOnly = us.requests.filter((r) => !qualifies(r) && YOU_APPROVED.has(seen(r))).length;
    expect(await panel.getByTestId('dry-seller').textContent()).toBe(
      `Of the rule’s ${n} approvals you approved ${youApproved} yourself and rejected or let expire ${youRejected}; ${n - youApproved - youRejected} are still waiting, were withdrawn or were cancelled by TikTok. You approved ${sellerOnly} requests the rule would not have.`,
    );
    expect(await panel.getByTestId('dry-sent').textContent()).toBe(
      `Of the rule’s approvals, ${count(SENT)} samples were really sent and ${count(POSTED)} of them produced content (0 videos and 0 LIVEs seen). A request you did not send has nothing delivered to show.`,
    );
    expect(await panel.getByTestId('dry-orders').textContent()).toBe(
      '2 SKU orders of those products by those creators after the application, refunds left out: GMV $60.00. Creator commission $6.00 estimated over all of them; actual $1.50 over the 1 whose actual commission has been seen.',
    );
    const dollars = (minor: number) => `$${(minor / 100).toFixed(2)}`;
    expect(await panel.getByTestId('dry-cost').textContent()).toBe(
      `The ${withCost.length} approved samples with a cost entered cost ${dollars(costTotal)} (cost of goods plus shipping).`,
    );
    const missing = approved.filter((r) => !withCost.includes(r));
    expect(await panel.getByTestId('dry-cost-missing').textContent()).toBe(
      `${missing.length} approved samples have no cost entered, of ${new Set(missing.map((r) => r.skuId)).size} SKUs: enter their costs in the options page.`,
    );
    await panel.close();
  });

  it('counts the requests you rejected or let expire once a page has named their endings (the status-names form)', async () => {
    const named = (tab: number) => tabRequests(us, tab).slice(0, 50);
    for (const tab of [50, 60]) await navigate(page, simUrl(us, 'sample-request', { tab, variant: 'sample-request.status-names' }));
    await waitFor(async () => {
      const stored = new Map(((await readDb(env.session)).sampleRequests ?? []).map((r) => [r.applyId, r.status]));
      return [...named(50), ...named(60)].every((r) => stored.get(r.applyId) === r.status);
    }, 'the named endings to be stored');
    namedEndings = true;
    const panel = await openPanel();
    await runRule(panel, EN, { followers: '5000', fulfilment: '50', quota: '100' });
    const n = approved.length;
    const count = (set: Set<string>) => approved.filter((r) => set.has(seen(r))).length;
    const youApproved = count(YOU_APPROVED);
    const youRejected = count(YOU_REJECTED);
    expect(youRejected).toBeGreaterThan(0);
    const sellerOnly = us.requests.filter((r) => !qualifies(r) && YOU_APPROVED.has(seen(r))).length;
    expect(await panel.getByTestId('dry-seller').textContent()).toBe(
      `Of the rule’s ${n} approvals you approved ${youApproved} yourself and rejected or let expire ${youRejected}; ${n - youApproved - youRejected} are still waiting, were withdrawn or were cancelled by TikTok. You approved ${sellerOnly} requests the rule would not have.`,
    );
    expect(await panel.getByTestId('dry-sent').textContent()).toBe(
      `Of the rule’s approvals, ${count(SENT)} samples were really sent and ${count(POSTED)} of them produced content (0 videos and 0 LIVEs seen). A request you did not send has nothing delivered to show.`,
    );
    await panel.close();
  });

  it('respects the daily quota: with 1 a day, the first qualifying request of each day', async () => {
    const panel = await openPanel();
    await runRule(panel, EN, { followers: '5000', fulfilment: '50', quota: '1' });
    const days = new Set(approved.map((r) => utcDay(r.applyTime)));
    expect(await panel.getByTestId('dry-summary').textContent()).toBe(
      `Of ${us.requests.length} requests applied for in this period, the rule would have approved ${days.size}; ${approved.length - days.size} more met it but came after the day’s quota was used.`,
    );
    await panel.getByTestId('dry-result').locator('summary', { hasText: 'The rule’s approvals' }).click();
    const firstOfEachDay = [...new Map(approved.map((r) => [utcDay(r.applyTime), r] as const).reverse()).values()].map((r) => r.applyId).sort();
    expect((await panel.getByTestId('dry-approvals').locator('tr[data-apply-id]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-apply-id')))).sort()).toEqual(
      firstOfEachDay,
    );
    await panel.close();
  });

  it('has no serious or critical accessibility violation with its results open, in light and dark', async () => {
    const panel = await openPanel();
    await runRule(panel, EN, { followers: '5000', fulfilment: '50', quota: '1' });
    for (const summary of await panel.getByTestId('dry-result').locator('summary').all()) await summary.click();
    for (const colorScheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme });
      expect(await seriousViolations(panel)).toEqual([]);
    }
    await panel.close();
  });

  it('refuses a quota outside 1 to 100 and says which field is wrong', async () => {
    const panel = await openPanel();
    await panel.getByRole('tab', { name: EN.tab }).click();
    await panel.locator('#dry-dailyQuota').fill('101');
    await panel.getByRole('button', { name: 'Run the dry run' }).click();
    expect(await panel.locator('#dry-dailyQuota-error').textContent()).toBe('Enter a whole number from 1 to 100.');
    expect(await panel.locator('#dry-dailyQuota').getAttribute('aria-invalid')).toBe('true');
    expect(await panel.getByTestId('dry-result').count()).toBe(0);
    await panel.close();
  });
});

describe('in Bahasa Indonesia', () => {
  beforeAll(async () => {
    const sw = await env.session.serviceWorker();
    await sw.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ language: 'id' }));
  });

  it('ranks, marks and runs the dry run in Indonesian', async () => {
    const panel = await openPanel();
    expect(await panel.getByTestId('count').textContent()).toBe(`${tabRequests(us, 10).length} perlu ditinjau, skor terbaik lebih dulu`);
    const id = await panel.locator(`${SCROLLER} li[data-apply-id]`).first().getAttribute('data-apply-id');
    const first = panel.locator(`${SCROLLER} li[data-apply-id="${id}"]`);
    const before = await first.getAttribute('data-mark');
    expect(await first.locator('.chip .factor').allTextContents()).toEqual(['Pemenuhan', 'Sampel Anda', 'GMV', 'Penayangan', 'Balik modal', 'Tenggat']);
    await first.focus();
    await panel.keyboard.press('s');
    await expect.poll(() => first.locator('.mark').textContent()).toBe('Ditandai: lewati');
    await expect.poll(() => panel.getByTestId('status').textContent()).toContain('1 ditandai untuk dilewati.');
    await panel.keyboard.press('u');
    await expect.poll(() => first.getAttribute('data-mark')).toBe(before);

    await runRule(panel, ID, { followers: '5000', fulfilment: '50', quota: '100' });
    const n = us.requests.filter(qualifies).length;
    expect(await panel.getByTestId('dry-summary').textContent()).toBe(
      `Dari ${us.requests.length} permintaan yang diajukan dalam periode ini, aturan itu akan menyetujui ${n}; 0 lainnya memenuhi aturan tetapi datang setelah kuota hari itu habis.`,
    );
    expect(await panel.getByTestId('dry-orders').textContent()).toMatch(/^2 pesanan SKU produk itu oleh kreator itu setelah pengajuan, tanpa pengembalian: GMV US\$\s?60,00\./);
    await panel.close();
  });
});
