import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Creator, Product, ProductCost, SampleRequest, Shop } from '../../lib/domain/types';
import type { Finding } from '../../lib/rules/types';
import { extensionUrl, launch, waitFor } from '../e2e/browser';
import type { Figure } from './figures';

/**
 * The side panel's triage queue with 5,000 pending sample requests, in the real extension in Chromium, in a window
 * the size of a side panel: the list scrolled from top to bottom one screen per animation frame, counting the long
 * tasks (over 50 ms, `PerformanceObserver` 'longtask') and their total time. The baseline is the same scroll, in the
 * same page, over a plain static list of the same 5,000 rows (the rows' own markup, collected from the panel, and
 * its CSS), not virtualised. Also the time from opening the panel to its first row, against opening it on an empty
 * database.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SHOP = 'US:7495000000000000001';
const PAGE = 'https://affiliate-us.tiktok.com/product/sample-request?shop_region=US';
const source = { endpoint: 'bench', page: PAGE };
const usd = (minor: number) => ({ minor, currency: 'USD' });
const id19 = (prefix: string, n: number) => `${prefix}${String(n).padStart(19 - prefix.length, '0')}`;
const VIEWPORT = { width: 400, height: 900 };

/** A shop with `pending` requests waiting for review among 2,000 creators, each with some history, costs and alerts. */
function model(pending: number, now: number) {
  const seen = { firstSeenAt: now - 30 * DAY, lastSeenAt: now - HOUR };
  const shops: Shop[] = [{ key: SHOP, region: 'US', sellerId: '7495000000000000001', host: 'affiliate-us.tiktok.com', ...seen }];
  const products: Product[] = Array.from({ length: 200 }, (_, p) => ({ productId: id19('17295', p), shopKey: SHOP, title: `Bench product ${p}, a serum with a long enough name to wrap`, price: usd(999 + (p % 40) * 100), ...seen, source }));
  const costs: ProductCost[] = Array.from({ length: 100 }, (_, p) => ({ key: `${SHOP}|${id19('17296', p)}`, shopKey: SHOP, productId: id19('17295', p), skuId: id19('17296', p), costOfGoods: usd(300 + p * 5), shipping: usd(250), updatedAt: now - DAY }));
  const creators: Creator[] = Array.from({ length: 2000 }, (_, c) => ({
    handle: `bench.creator.${c}`,
    nickname: `Bench Creator ${c}`,
    aliases: [],
    followerCount: { value: 1000 + c * 37, seenAt: now - HOUR, source },
    ...(c % 9 ? { fulfillmentBps: { value: (c * 131) % 10_001, seenAt: now - HOUR, source } } : {}),
    ...(c % 3 ? { metrics: { value: { gmv: usd(10_000 + c * 997), medianVideoViews: 200 + c * 51 }, seenAt: now - DAY, source } } : {}),
    ...seen,
  }));
  const request = (n: number, status: SampleRequest['status']): SampleRequest => ({
    applyId: id19('1729', n),
    shopKey: SHOP,
    creatorHandle: `bench.creator.${n % 2000}`,
    productId: id19('17295', n % 200),
    skuId: id19('17296', n % 200),
    status,
    statusRaw: status,
    statusSeenAt: now - HOUR,
    commissionBps: 1000 + (n % 10) * 100,
    appliedAt: now - ((n % 6) + 1) * DAY,
    ...(status === 'PENDING' ? { deadline: { kind: 'review' as const, at: now + HOUR + (n % 160) * HOUR, seenAt: now - HOUR } } : {}),
    ...seen,
    source,
  });
  const history: SampleRequest['status'][] = ['COMPLETED', 'UNFULFILL_CANCELLED', 'SHIPPED'];
  const sampleRequests = [
    ...Array.from({ length: pending }, (_, n) => request(n, 'PENDING')),
    ...Array.from({ length: 3000 }, (_, n) => request(pending + n, history[n % 3] as SampleRequest['status'])),
  ];
  const findings: Finding[] = sampleRequests
    .filter((r) => r.deadline && r.deadline.at - now < 24 * HOUR)
    .map((r) => ({
      id: `sample-review-deadline|${r.applyId}`,
      ruleId: 'sample-review-deadline',
      subject: 'sampleRequest',
      subjectKey: r.applyId,
      shopKey: SHOP,
      params: { handle: r.creatorHandle, product: `Bench product`, productId: r.productId, deadline: { at: r.deadline?.at ?? now } },
      evidence: [],
      dueAt: r.deadline?.at,
      severity: 'high',
      firstSeenAt: now,
      evaluatedAt: now,
    }));
  return { shops, products, costs, creators, sampleRequests, findings };
}

/** Put every table's rows into the extension's database from one of its pages, in one transaction. */
function seed(page: Page, tables: Record<string, object[]>): Promise<void> {
  return page.evaluate(
    (data) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('collab-lens');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(Object.keys(data), 'readwrite');
          for (const [table, rows] of Object.entries(data)) for (const row of rows) tx.objectStore(table).put(row);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error ?? new Error('the transaction was aborted'));
        };
      }),
    tables,
  );
}

interface ScrollResult {
  longTasks: number[];
  frames: number;
  ms: number;
}

const PROBE = readFileSync(new URL('./browser/scroll-probe.js', import.meta.url), 'utf8');
const scrollThrough = (page: Page, selector: string) => page.evaluate(`sidePanelBench.scrollThrough(${JSON.stringify(selector)})`) as Promise<ScrollResult>;

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

export async function benchSidePanel(pending = 5000): Promise<Figure[]> {
  const session = await launch({ viewport: VIEWPORT });
  try {
    const panel = await session.context.newPage();
    const url = extensionUrl(session, 'sidepanel.html');
    // An empty database: the panel opens and says there is no shop yet (this also creates the database).
    const t0 = Date.now();
    await panel.goto(url);
    await panel.getByText('Open Affiliate Center in this window').waitFor();
    const emptyMs = Date.now() - t0;

    const now = Date.now();
    await seed(panel, model(pending, now));
    const t1 = Date.now();
    await panel.goto(url);
    await panel.locator('[data-testid="scroller"] li[data-apply-id]').first().waitFor({ timeout: 120_000 });
    const loadMs = Date.now() - t1;
    await waitFor(async () => (await panel.getByTestId('count').textContent())?.startsWith(`${pending.toLocaleString('en-US')} to review`), 'the whole queue');

    await panel.evaluate(PROBE);
    const virtual = await scrollThrough(panel, '[data-testid="scroller"]');
    const collected = (await panel.evaluate('sidePanelBench.collectRows()')) as number;
    if (collected !== pending) throw new Error(`collected ${collected} rows of ${pending}`);
    await panel.evaluate('sidePanelBench.renderStatic()');
    const plain = await scrollThrough(panel, '#static-scroller');

    const baseline = `the same scroll over a static, non-virtualised list of the same ${pending} rows in the same page`;
    const ratio = (a: number, b: number) => (b === 0 ? (a === 0 ? 1 : Infinity) : a / b);
    return [
      {
        name: `side panel: long tasks over 50 ms scrolling ${pending} pending requests top to bottom, a screen a frame (${virtual.frames} frames)`,
        value: virtual.longTasks.length,
        unit: 'tasks',
        ratio: ratio(virtual.longTasks.length, plain.longTasks.length),
        baseline: `${baseline} (${plain.longTasks.length} tasks)`,
      },
      {
        name: 'side panel: total long-task time in that scroll',
        value: sum(virtual.longTasks),
        unit: 'ms',
        ratio: ratio(sum(virtual.longTasks), sum(plain.longTasks)),
        baseline: `${baseline} (${Math.round(sum(plain.longTasks))} ms)`,
      },
      {
        name: 'side panel: time to scroll through',
        value: virtual.ms / 1000,
        unit: 's',
        ratio: virtual.ms / plain.ms,
        baseline,
      },
      {
        name: `side panel: open to first row with ${pending} pending requests`,
        value: loadMs,
        unit: 'ms',
        ratio: loadMs / emptyMs,
        baseline: 'opening the panel on an empty database',
      },
    ];
  } finally {
    await session.close();
  }
}
