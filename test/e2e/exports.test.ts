import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minorDigits, type Money } from '../../lib/domain/money';
import { creatorsPath } from '../../lib/creators/pages';
import { simUrl } from '../sim/install';
import { DEFAULT_RANGE_DAYS, ORDERS_PAGE_SIZE, ordersInRange } from '../sim/surfaces/orders';
import { CAMPAIGN_PAGE_SIZE, listCampaigns, shopCampaigns } from '../sim/surfaces/partner-campaigns';
import { shopByKey, tabRequests } from '../sim/world';
import { EXTENSION_DIR, extensionUrl, readDb, waitFor } from './browser';
import { navigate, open, startEnv, type Env } from './pages';

/**
 * Exports a seller can open: an Indonesian shop's affiliate orders downloaded from the options page as xlsx and read
 * back as a spreadsheet reads it (typed cells: ids as text, rupiah as numbers in their decimals, rates in percent,
 * times as dates), the same values as the CSV of the same table, and SheetJS loaded only when the seller exports;
 * then every table of the options page, and the creators view, as xlsx with typed cells.
 */

const DAY = 86_400_000;
type Row = Record<string, unknown>;

let env: Env;
let options: Page;
let lines: Row[];
let stored: Record<string, Row[]>;
const loaded: string[] = [];
const shop = () => shopByKey(env.world, 'id');
const shopKey = () => `${shop().region}:${shop().sellerId}`;

beforeAll(async () => {
  env = await startEnv();
  const page = await open(env, simUrl(shop(), 'orders', { markup: 'table' }));
  const shown = ordersInRange(env.world, shop(), env.world.now - DEFAULT_RANGE_DAYS * DAY, env.world.now).slice(0, ORDERS_PAGE_SIZE);
  const count = shown.reduce((n, o) => n + o.skus.length, 0);
  lines = await waitFor(async () => {
    const rows = (await readDb(env.session)).orderSkus ?? [];
    return rows.length === count && rows;
  }, 'the first page of orders to be stored');
  // Sample requests (and their creators), partner campaigns and one campaign's registered products, for every table.
  const requests = tabRequests(shop(), 10).slice(0, 50);
  await navigate(page, simUrl(shop(), 'sample-request', { tab: 10 }));
  await waitFor(async () => (await readDb(env.session)).sampleRequests?.length === requests.length, 'the sample requests to be stored');
  const campaigns = shopCampaigns(env.world, shop());
  const listed = listCampaigns(campaigns, { source: 1, queryType: 1, scope: 0 }).slice(0, CAMPAIGN_PAGE_SIZE);
  await navigate(page, simUrl(shop(), 'partner-campaigns'));
  await waitFor(async () => {
    const db = await readDb(env.session);
    return listed.every((c) => db.campaigns?.some((x) => x.id === c.campaignId));
  }, 'the campaigns to be stored');
  const joined = campaigns.campaigns.find((c) => c.inMarketplace && c.registrations.length > 0)!;
  await navigate(page, simUrl(shop(), 'partner-campaigns', { params: { campaign_id: joined.campaignId, view: 'products' } }));
  await waitFor(async () => (await readDb(env.session)).registrations?.length === joined.registrations.length, 'the registrations to be stored');
  await page.close();
  stored = await readDb(env.session);
  // Every script the options page loads, from its first request on.
  options = await env.session.context.newPage();
  options.on('request', (r) => loaded.push(r.url().split('/').pop() ?? ''));
  await options.goto(extensionUrl(env.session, 'options.html'));
  await options.getByRole('heading', { name: 'Export tables' }).waitFor();
});
afterAll(() => env?.session.close());

async function download(name: string): Promise<{ file: string; bytes: Buffer }> {
  const [file] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name, exact: true }).click()]);
  return { file: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/** The built chunks that hold SheetJS. */
const sheetJsChunks = () => {
  const dir = join(EXTENSION_DIR, 'chunks');
  return readdirSync(dir).filter((f) => readFileSync(join(dir, f), 'utf8').includes('SheetJS'));
};

describe('affiliate orders as xlsx', () => {
  let cells: Record<string, XLSX.CellObject | undefined>[];
  let file = '';

  it('loads SheetJS only when the seller exports, and downloads the file through the browser', async () => {
    const chunks = sheetJsChunks();
    expect(chunks.length).toBeGreaterThan(0);
    // The listener sees the page's own scripts: the options chunk and the chunks it imports.
    expect(loaded.some((s) => /^options-.*\.js$/.test(s))).toBe(true);
    expect(loaded.filter((s) => chunks.includes(s))).toEqual([]);

    const got = await download('Affiliate orders (one row per SKU) as Excel (xlsx)');
    file = got.file;
    expect(file).toMatch(/^collab-lens-orders-\d{4}-\d{2}-\d{2}-\d{4}\.xlsx$/);
    expect(await options.getByTestId('backup-status').textContent()).toBe(`${file}: ${lines.length} rows.`);
    expect(loaded.filter((s) => chunks.includes(s))).toEqual(chunks);

    const book = XLSX.read(got.bytes, { type: 'buffer', dense: true, cellNF: true });
    expect(book.SheetNames).toEqual(['Affiliate orders']);
    const data = (book.Sheets['Affiliate orders']?.['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
    const header = (data[0] ?? []).map((c) => String(c?.v));
    cells = data.slice(1).map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
    expect(lines.length).toBeGreaterThan(0);
    expect(cells).toHaveLength(lines.length);
  });

  it('holds every stored line as typed cells: ids as text, rupiah as numbers, rates in percent, times as dates', () => {
    const idr = (m: Money | undefined) => m && m.minor / 10 ** minorDigits(m.currency);
    const format = minorDigits('IDR') ? `#,##0.${'0'.repeat(minorDigits('IDR'))}` : '#,##0';
    for (const line of lines) {
      const row = cells.find((r) => r['Order ID']?.v === line.orderId && r.Line?.v === line.line);
      const at = `${String(line.orderId)} #${String(line.line)}`;
      expect(row, at).toBeDefined();
      expect(row?.['Order ID']?.t, at).toBe('s');
      expect(String(line.orderId)).toMatch(/^\d{16,19}$/);
      expect(row?.['Created'], at).toMatchObject({ t: 'n', z: 'yyyy-mm-dd hh:mm:ss "UTC"' });
      expect(Math.round((Number(row?.['Created']?.v) - 25_569) * DAY), at).toBe(line.createdAt);
      expect(row?.['Commission rate'], at).toMatchObject({ t: 'n', v: (line.commissionBps as number) / 10_000, z: '0.00%' });
      const estimated = line.estimatedCommission as Money;
      expect(estimated.currency).toBe('IDR');
      expect(row?.['Est. commission'], at).toMatchObject({ t: 'n', v: idr(estimated), z: format });
      expect(row?.['Est. commission currency'], at).toMatchObject({ t: 's', v: 'IDR' });
      expect(row?.['Partner commission rate']?.v, at).toBe(line.partnerCommissionBps === undefined ? undefined : (line.partnerCommissionBps as number) / 10_000);
      if (line.actualCommission === undefined) expect(row?.['Actual commission'], at).toBeUndefined();
      else expect(row?.['Actual commission']?.v, at).toBe(idr(line.actualCommission as Money));
    }
  });

  it('the CSV of the same table holds the same values, as text', async () => {
    const got = await download('Affiliate orders (one row per SKU) as CSV');
    expect(got.file).toMatch(/^collab-lens-orders-[\d-]+\.csv$/);
    const [header = [], ...rows] = Papa.parse<string[]>(got.bytes.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(rows).toHaveLength(cells.length);
    rows.forEach((row, r) => {
      const xlsx = cells[r] ?? {};
      header.forEach((h, c) => {
        const text = row[c] ?? '';
        const cell = xlsx[h];
        if (text === '') expect(cell, `${r} ${h}`).toBeUndefined();
        else if (cell?.t === 's') expect(cell.v, `${r} ${h}`).toBe(text);
        else if (String(cell?.z).includes('%')) expect(Number(cell?.v), `${r} ${h}`).toBeCloseTo(Number(text.slice(0, -1)) / 100, 12);
        else if (h === 'Created' || h.endsWith('seen')) expect(Math.round((Number(cell?.v) - 25_569) * DAY), `${r} ${h}`).toBe(Date.parse(text));
        else expect(cell?.v, `${r} ${h}`).toBe(Number(text));
      });
    });
  });
});

/** A downloaded xlsx's one sheet as rows of cells by column name. */
function sheetRows(bytes: Buffer, sheet: string): Record<string, XLSX.CellObject | undefined>[] {
  const book = XLSX.read(bytes, { type: 'buffer', dense: true, cellNF: true });
  expect(book.SheetNames).toEqual([sheet]);
  const data = (book.Sheets[sheet]?.['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  const header = (data[0] ?? []).map((c) => String(c?.v));
  return data.slice(1).map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
}

/** A date cell: a number with a date format, at the stored time to the millisecond. */
function expectDate(cell: XLSX.CellObject | undefined, ms: unknown, at: string) {
  expect(cell?.t, at).toBe('n');
  expect(XLSX.SSF.is_date(String(cell?.z)), at).toBe(true);
  expect(Math.round((Number(cell?.v) - 25_569) * DAY), at).toBe(ms);
}

type Cells = Record<string, XLSX.CellObject | undefined>;
const bps = (v: unknown) => (v === undefined ? undefined : (v as number) / 10_000);
const RATE = '0.00%';
const COUNT = '#,##0';

/**
 * Every table of the options page: its rows found by their ids (text cells), numbers as numbers in their format (from
 * the stored record where the table holds it as is), times as dates.
 */
const TABLES: {
  table: string;
  label: string;
  sheet: string;
  key: (r: Row) => string;
  keyOf: (c: Cells) => string;
  numbers: { header: string; z: string; of?: (r: Row) => number | undefined }[];
  dates: { header: string; of: (r: Row) => unknown }[];
}[] = [
  {
    table: 'creators',
    label: 'Creators with latest metrics',
    sheet: 'Creators',
    key: (r) => String(r.handle),
    keyOf: (c) => String(c.Handle?.v),
    // The newer of two sightings: typed, not recomputed here (lib/backup/csv.test.ts checks which).
    numbers: [
      { header: 'Followers', z: COUNT },
      { header: 'Sample fulfilment rate', z: RATE },
    ],
    dates: [
      { header: 'First seen', of: (r) => r.firstSeenAt },
      { header: 'Last seen', of: (r) => r.lastSeenAt },
    ],
  },
  {
    table: 'sampleRequests',
    label: 'Sample requests',
    sheet: 'Sample requests',
    key: (r) => String(r.applyId),
    keyOf: (c) => String(c['Request ID']?.v),
    numbers: [{ header: 'Commission rate', z: RATE, of: (r) => bps(r.commissionBps) }],
    dates: [
      { header: 'Requested', of: (r) => r.appliedAt },
      { header: 'Last seen', of: (r) => r.lastSeenAt },
    ],
  },
  {
    table: 'orderSkus',
    label: 'Affiliate orders (one row per SKU)',
    sheet: 'Affiliate orders',
    key: (r) => `${String(r.orderId)}#${String(r.line)}`,
    keyOf: (c) => `${String(c['Order ID']?.v)}#${String(c.Line?.v)}`,
    numbers: [
      { header: 'Line', z: COUNT, of: (r) => r.line as number | undefined },
      { header: 'Commission rate', z: RATE, of: (r) => bps(r.commissionBps) },
    ],
    dates: [{ header: 'Created', of: (r) => r.createdAt }],
  },
  {
    table: 'campaigns',
    label: 'Partner campaigns',
    sheet: 'Partner campaigns',
    key: (r) => String(r.id),
    keyOf: (c) => String(c['Campaign ID']?.v),
    numbers: [{ header: 'Commission requirement', z: RATE, of: (r) => bps(r.commissionRequirementBps) }],
    dates: [
      { header: 'Registration ends', of: (r) => r.registrationEndAt },
      { header: 'Last seen', of: (r) => r.lastSeenAt },
    ],
  },
  {
    table: 'registrations',
    label: 'Campaign product registrations',
    sheet: 'Campaign registrations',
    key: (r) => `${String(r.campaignId)}|${String(r.productId)}`,
    keyOf: (c) => `${String(c['Campaign ID']?.v)}|${String(c['Product ID']?.v)}`,
    numbers: [
      { header: 'Total commission rate', z: RATE, of: (r) => bps(r.totalCommissionBps) },
      { header: 'Sample quantity', z: COUNT, of: (r) => r.sampleQuantity as number | undefined },
    ],
    dates: [{ header: 'Last seen', of: (r) => r.lastSeenAt }],
  },
];

describe('every table as xlsx', () => {
  it.each(TABLES)('$label: ids as text, numbers as numbers, times as dates', async (spec) => {
    const records = stored[spec.table] ?? [];
    expect(records.length, spec.table).toBeGreaterThan(0);
    const got = await download(`${spec.label} as Excel (xlsx)`);
    expect(got.file).toMatch(/^collab-lens-[a-z-]+-\d{4}-\d{2}-\d{2}-\d{4}\.xlsx$/);
    expect(await options.getByTestId('backup-status').textContent()).toBe(`${got.file}: ${records.length} rows.`);
    const rows = sheetRows(got.bytes, spec.sheet);
    expect(rows).toHaveLength(records.length);
    const byKey = new Map(rows.map((c) => [spec.keyOf(c), c]));
    const filled = new Map(spec.numbers.map((n) => [n.header, 0]));
    for (const record of records) {
      const at = `${spec.table} ${spec.key(record)}`;
      const cells = byKey.get(spec.key(record));
      expect(cells, at).toBeDefined();
      for (const n of spec.numbers) {
        const cell = cells?.[n.header];
        const want = n.of?.(record);
        if (n.of && want === undefined) expect(cell, `${at} ${n.header}`).toBeUndefined();
        if (cell === undefined) continue;
        filled.set(n.header, (filled.get(n.header) ?? 0) + 1);
        expect(cell, `${at} ${n.header}`).toMatchObject({ t: 'n', z: n.z });
        expect(typeof cell.v, `${at} ${n.header}`).toBe('number');
        if (n.of) expect(cell.v, `${at} ${n.header}`).toBe(want);
      }
      for (const d of spec.dates) {
        const ms = d.of(record);
        if (ms === undefined) expect(cells?.[d.header], `${at} ${d.header}`).toBeUndefined();
        else expectDate(cells?.[d.header], ms, `${at} ${d.header}`);
      }
    }
    // Each number column holds numbers in this shop's data: the checks above were not all skipped.
    for (const [header, n] of filled) expect(n, `${spec.table} ${header}`).toBeGreaterThan(0);
  });
});

describe('the creators view as xlsx', () => {
  it("writes the view's rows under the terms' names, amounts and ROI as numbers, times as dates", async () => {
    const view = await env.session.context.newPage();
    await view.goto(extensionUrl(env.session, creatorsPath(shopKey()).slice(1)));
    const button = view.getByTestId('export-xlsx');
    await waitFor(async () => (await button.isVisible()) && (await button.isEnabled()), 'the creators view to list its rows');
    const [file] = await Promise.all([view.waitForEvent('download'), button.click()]);
    const name = file.suggestedFilename();
    expect(name).toMatch(/^collab-lens-creators-view-\d{4}-\d{2}-\d{2}-\d{4}\.xlsx$/);
    const rows = sheetRows(readFileSync(await file.path()), 'Creators view');
    expect(await view.getByTestId('export-status').textContent()).toContain(`${rows.length}`);
    expect(rows.length).toBeGreaterThan(0);
    const db = await readDb(env.session);
    const format = minorDigits('IDR') ? `#,##0.${'0'.repeat(minorDigits('IDR'))}` : '#,##0';
    let roi = 0;
    for (const cells of rows) {
      const at = String(cells.Handle?.v);
      expect(cells.Handle?.t, at).toBe('s');
      const period = String(cells.Period?.v);
      const row = db.creatorRows?.find((r) => r.shopKey === shopKey() && r.period === period && r.handle === cells.Handle?.v);
      expect(row, at).toBeDefined();
      const gmv = row?.gmv as Money | undefined;
      if (gmv === undefined) expect(cells.GMV, at).toBeUndefined();
      else expect(cells.GMV, at).toMatchObject({ t: 'n', v: gmv.minor / 10 ** minorDigits(gmv.currency), z: format });
      const cash = row?.cashRoi as number | undefined;
      if (cash === undefined) expect(cells['Cash ROI (GMV ÷ commission)'], at).toBeUndefined();
      else {
        roi += 1;
        expect(cells['Cash ROI (GMV ÷ commission)'], at).toMatchObject({ t: 'n', v: Math.round(cash * 10_000) / 10_000, z: '0.00"x"' });
      }
      if (row?.orders === undefined) expect(cells.Orders, at).toBeUndefined();
      else expect(cells.Orders, at).toMatchObject({ t: 'n', v: row.orders, z: COUNT });
      if (row?.lastSeenAt === undefined) expect(cells['Last seen'], at).toBeUndefined();
      else expectDate(cells['Last seen'], row.lastSeenAt, at);
    }
    expect(roi).toBeGreaterThan(0);
    await view.close();
  });
});
