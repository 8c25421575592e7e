import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rowsMetaKey } from '../../lib/creators/figures';
import type { CreatorRow } from '../../lib/creators/model';
import type { Creator, CreatorPerformance, ImportRecord, Order, OrderSku, Shop } from '../../lib/domain/types';
import {
  LOCALES,
  creatorAnalysisExport,
  creatorAnalysisTable,
  creatorTruths,
  expectedFigures,
  expectedOrderRow,
  orderTruths,
  ordersExport,
  writeTable,
  type ExportLocale,
} from '../fixtures/exports';
import { simUrl } from '../sim/install';
import { shopByKey } from '../sim/world';
import { readDb, waitFor } from './browser';
import { expectOneBadgePerRow, open, openExtensionPage, startEnv, type Env } from './pages';

/**
 * Imports on the options page, in the real extension: a creator analysis xlsx and an affiliate orders csv for the shop
 * the seller browsed, progress while they are read and checked, what the background stored (every column, the creators
 * it names made known), the same data again as csv or as the same file (nothing changes), and cancels of long imports
 * (nothing stored).
 */

// Each import here is followed by a rebuild of the shop's creators view rows (6,006 creators after the first), and
// every check reads the whole database: more than the default 90 s on a loaded machine.
vi.setConfig({ testTimeout: 240_000 });

let env: Env;
let options: Page;
let shop: Shop;
let locale: ExportLocale;
let known: string[];

/** 1–31 May 2025 in the US shop's zone (Pacific daylight time, UTC−7): the period the seller enters. */
const PERIOD = { start: Date.UTC(2025, 4, 1, 7), end: Date.UTC(2025, 5, 1, 7) };
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function choose(name: string, bytes: Uint8Array, mimeType: string) {
  await options.setInputFiles('#import-file', { name, mimeType, buffer: Buffer.from(bytes) });
  await options.selectOption('#import-shop', shop.key);
  await options.fill('#import-from', '2025-05-01');
  await options.fill('#import-to', '2025-05-31');
}

/** Record every state the progress bar goes through (its step and value), from the page itself. */
async function watchProgress() {
  await options.evaluate(() => {
    const seen: [string, number | null][] = [];
    (window as unknown as { __progress: typeof seen }).__progress = seen;
    const record = () => {
      const bar = document.getElementById('import-progress') as HTMLProgressElement | null;
      if (!bar) return;
      const entry: [string, number | null] = [bar.dataset.step ?? '', bar.hasAttribute('value') ? bar.value : null];
      const last = seen[seen.length - 1];
      if (!last || last[0] !== entry[0] || last[1] !== entry[1]) seen.push(entry);
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value', 'data-step'] });
  });
}
const progressSeen = () => options.evaluate(() => (window as unknown as { __progress: [string, number | null][] }).__progress);

const result = () => options.getByTestId('import-result');
const tables = async () => readDb(env.session);

/** When the background last finished rebuilding the shop's creators view rows (0 while it is at it). */
const rowsBuiltAt = () =>
  options.evaluate(
    (key) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('collab-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('aggregates').objectStore('aggregates').get(key);
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            db.close();
            resolve((get.result as { values?: { builtAt?: number } } | undefined)?.values?.builtAt ?? 0);
          };
        };
      }),
    rowsMetaKey(shop.key),
  );

/** An import is followed by a rebuild of its shop's creators view rows, after the seller is told: wait for it to end. */
async function rowsRebuilt(record: ImportRecord) {
  await waitFor(async () => (await rowsBuiltAt()) >= record.importedAt, 'the creators view rows rebuilt after the import', 60_000);
}

beforeAll(async () => {
  env = await startEnv();
  const us = shopByKey(env.world, 'us');
  // Browsing Affiliate Center is how Collab Lens learns the shop and its creators.
  const page = await open(env, simUrl(us, 'sample-request', { tab: 10 }));
  await expectOneBadgePerRow(page, 'table', 50);
  await page.close();
  const db = await tables();
  shop = (db.shops as unknown as Shop[]).find((s) => s.region === 'US') as Shop;
  known = (db.creators as { handle: string }[]).map((c) => c.handle).sort();
  locale = { ...(LOCALES.US as ExportLocale), shopKey: shop.key };
  options = await openExtensionPage(env, 'options.html');
  await options.getByRole('heading', { name: 'Import Affiliate Center exports' }).waitFor();
});
afterAll(() => env?.session.close());

describe('a creator analysis export (xlsx)', () => {
  const names = () => [
    ...known.slice(0, 5).map((h, i) => (i % 2 ? `@${h}` : h.toUpperCase())),
    'Someone Not Seen Yet',
    ...Array.from({ length: 6_000 }, (_, i) => `new.creator_${i}`),
  ];
  let bytes: Uint8Array;
  let truths: ReturnType<typeof creatorTruths>;
  let record: ImportRecord;

  it('is recognised, read and checked with a progress bar, then stored for the shop and period, every column kept', async () => {
    truths = creatorTruths(31, names(), locale);
    bytes = creatorAnalysisExport(truths, locale, { format: 'xlsx', shuffleSeed: 4 });
    await expect.poll(() => options.locator('#import-shop option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toContain(shop.key);
    await choose('Creator analysis May.xlsx', bytes, XLSX_MIME);
    await watchProgress();
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => result().textContent(), { timeout: 60_000 }).toContain('Imported the creator analysis export “Creator analysis May.xlsx”.');
    expect(await result().locator('p').allTextContents()).toEqual([
      'Imported the creator analysis export “Creator analysis May.xlsx”. Rows stored: 6,006.',
      'Creators: 5 found by username, 0 by platform id, 0 by nickname; 6,000 new to Collab Lens, now known from this export; 1 kept under the name in the file (not a username).',
      'Rates the file writes in percent (2.04%): “CTOR”, “CTR”.',
      'Columns not used: “Followers”.',
    ]);

    const seen = await progressSeen();
    const checking = seen.filter(([step]) => step === 'checking').map(([, v]) => v as number);
    expect(checking.some((v) => v > 0 && v < 1)).toBe(true);
    expect(checking).toEqual([...checking].sort((a, b) => a - b));
    expect(seen.map(([step]) => step).filter((s, i, all) => s !== all[i - 1])).toEqual(['reading', 'checking', 'saving']);
    expect(await options.locator('#import-progress').count()).toBe(0);

    record = (await tables()).imports?.[0] as unknown as ImportRecord;
    await rowsRebuilt(record);
    const db = await tables();
    const { id } = record;
    // The identity is what the file says, not its bytes.
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(id).not.toBe(sha256(bytes));
    expect(db.imports).toEqual([
      {
        id,
        kind: 'creator-analysis',
        fileName: 'Creator analysis May.xlsx',
        shopKey: shop.key,
        period: PERIOD,
        rows: truths.length,
        rateForms: { ctr: 'percent', ctor: 'percent' },
        importedAt: record.importedAt,
      },
    ]);
    const rows = db.creatorPerformance as unknown as CreatorPerformance[];
    expect(rows).toHaveLength(truths.length);
    expect(rows.filter((r) => (r.ctrBps ?? 0) > 10_000).length).toBeGreaterThan(0);
    const byHandle = new Map(rows.map((r) => [r.handle, r]));
    for (const [i, t] of truths.entries()) {
      const handle = i < 5 ? (known[i] as string) : t.name === 'Someone Not Seen Yet' ? t.name : t.name.toLowerCase();
      expect(byHandle.get(handle), t.name).toEqual({
        key: `${shop.key}|${handle}|${PERIOD.start}|${PERIOD.end}`,
        shopKey: shop.key,
        handle,
        period: PERIOD,
        importId: id,
        ...expectedFigures(t, locale),
        ...(t.name !== handle ? { name: t.name } : {}),
        ...(i < 5 ? { matchedBy: 'handle' } : {}),
      });
    }
    // Captured creators keep what pages said; every username only the export names is now a known creator.
    const creators = new Map((db.creators as unknown as Creator[]).map((c) => [c.handle, c]));
    expect(known.every((h) => creators.get(h)?.importedFrom === undefined)).toBe(true);
    const added = truths.slice(6).map((t) => t.name);
    expect(added.every((h) => creators.get(h)?.importedFrom === id)).toBe(true);
    expect(creators.size).toBe(known.length + added.length);
    // The export is a period of the creators view, with a row for each creator it names.
    const period = (db.creatorRows as unknown as CreatorRow[]).filter((r) => r.period === `import:${id}`);
    expect(period.map((r) => r.handle).sort()).toEqual([...byHandle.keys()].sort());
    const history = options.getByTestId('import-history');
    await expect.poll(() => history.locator('tbody tr').first().textContent()).toContain('Creator analysis May.xlsx');
    expect(await history.locator('tbody tr').first().textContent()).toContain('May 1, 2025 – May 31, 2025');
  });

  const already = /^The same data was already imported from “Creator analysis May\.xlsx” on .+ \(rows: 6,006\)\. Importing it again, from this file or any other, changes nothing\.$/;

  it('the same data as csv (columns moved, rates as fractions) is recognised as the same import and counted once', async () => {
    const before = await tables();
    const csv = writeTable(creatorAnalysisTable(truths, locale, { shuffleSeed: 9, rates: 'fraction' }), locale, { format: 'csv', bom: true });
    await choose('creator analysis May.csv', csv, 'text/csv');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => result().textContent(), { timeout: 60_000 }).toMatch(already);
    expect(await tables()).toEqual(before);
    expect(await options.getByTestId('import-history').locator('tbody tr').count()).toBe(1);
  });

  it('imported again as the same file, under another name, changes nothing', async () => {
    const before = await tables();
    await choose('copy of the same file.xlsx', bytes, XLSX_MIME);
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => result().textContent(), { timeout: 60_000 }).toMatch(already);
    expect(await tables()).toEqual(before);
  });
});

describe('an affiliate orders export (csv)', () => {
  it('stores every SKU row and its order, with money, rates, settlement and provenance', async () => {
    const truths = orderTruths(17, 400, known, locale, PERIOD.start + 10 * 86_400_000);
    const bytes = ordersExport(truths, locale, { format: 'csv', shuffleSeed: 2, bom: true });
    await choose('affiliate_orders.csv', bytes, 'text/csv');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    const orders = new Set(truths.map((t) => t.orderId)).size;
    await expect.poll(() => result().locator('p').allTextContents(), { timeout: 60_000 }).toEqual([
      'Imported the affiliate orders export “affiliate_orders.csv”. Rows stored: 400.',
      `Orders they belong to: ${orders}.`,
      'Rates the file writes in percent (2.04%): “Standard commission rate”, “Partner commission rate”, “Shop Ads commission rate”.',
      'Columns not used: “Payment method”.',
    ]);
    const record = ((await tables()).imports as unknown as ImportRecord[]).find((r) => r.fileName === 'affiliate_orders.csv') as ImportRecord;
    expect(record).toMatchObject({ kind: 'orders', rows: 400, period: PERIOD });
    await rowsRebuilt(record);
    const db = await tables();
    const skus = new Map((db.orderSkus as unknown as OrderSku[]).map((s) => [s.key, s]));
    expect(skus.size).toBe(400);
    const source = { endpoint: 'import:orders', page: `import:${record?.id}` };
    for (const t of truths) {
      const { refunded, statusRaw: _status, deliveredAt: _delivered, ...row } = expectedOrderRow(t, locale);
      expect(skus.get(`${t.orderId}|${t.skuId}`)).toMatchObject({ ...row, refunded, shopKey: shop.key, source });
    }
    const stored = new Map((db.orders as unknown as Order[]).map((o) => [o.orderId, o]));
    expect(stored.size).toBe(orders);
    for (const t of truths) {
      const { statusRaw, deliveredAt } = expectedOrderRow(t, locale);
      expect(stored.get(t.orderId)).toMatchObject({ statusRaw, ...(deliveredAt === undefined ? {} : { deliveredAt }) });
    }
  });
});

describe('a file with problems', () => {
  it('lists each problem by row and column and stores nothing until the seller chooses to import the valid rows', async () => {
    const truths = creatorTruths(41, ['a.one', 'b.two', 'c.three', 'd.four'], locale);
    const table = creatorAnalysisTable(truths, locale);
    // Row 4 of the sheet (the second data row) gets an amount that is not one.
    (table[3] as string[])[(table[0] as string[]).indexOf('Creator-attributed GMV')] = '12,34,5';
    const bytes = writeTable(table, locale, { format: 'csv' });
    const before = await tables();
    await choose('with problems.csv', bytes, 'text/csv');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    const errors = options.getByTestId('import-errors');
    await errors.waitFor();
    expect(await errors.locator('p').first().textContent()).toBe('Problems found: 1, in 1 of the 4 rows. Nothing has been stored.');
    expect(await errors.locator('li').allTextContents()).toEqual(['Row 4, column “Creator-attributed GMV”: “12,34,5” is not an amount.']);
    expect(await tables()).toEqual(before);
    await errors.getByRole('button', { name: 'Import the rows without problems (3) and leave out the others (1)' }).click();
    await expect.poll(() => result().locator('p').allTextContents()).toContain('Rows left out because of problems: 1.');
    const record = ((await tables()).imports as unknown as ImportRecord[]).find((r) => r.fileName === 'with problems.csv') as ImportRecord;
    expect(record).toMatchObject({ rows: 3, skippedRows: 1 });
    await rowsRebuilt(record);
    const db = await tables();
    expect((db.creatorPerformance?.length ?? 0) - (before.creatorPerformance?.length ?? 0)).toBe(3);
  });
});

describe('cancel', () => {
  const big = (seed: number) =>
    creatorAnalysisExport(
      creatorTruths(seed, Array.from({ length: 40_000 }, (_, i) => `bulk_${seed}.${i}`), locale),
      locale,
      { format: 'csv' },
    );

  it('while the rows are checked stores nothing', async () => {
    const bytes = big(51);
    const before = await tables();
    await choose('big.csv', bytes, 'text/csv');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    const bar = options.locator('#import-progress[data-step="checking"]');
    await waitFor(async () => Number(await bar.getAttribute('value')) > 0.1, 'checking to be under way', 60_000);
    await options.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => result().textContent()).toBe('Import cancelled. Nothing was stored.');
    expect(await tables()).toEqual(before);
  });

  it('while saving aborts the transaction: nothing of the import is stored', async () => {
    const bytes = big(52);
    const before = await tables();
    await choose('big again.csv', bytes, 'text/csv');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.locator('#import-progress[data-step="saving"]').waitFor({ timeout: 60_000 });
    await options.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => result().textContent(), { timeout: 60_000 }).toBe('Import cancelled. Nothing was stored.');
    expect(await tables()).toEqual(before);
  });
});
