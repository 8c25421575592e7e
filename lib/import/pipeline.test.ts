import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LOCALES,
  creatorAnalysisExport,
  creatorAnalysisTable,
  creatorTruths,
  expectedFigures,
  expectedOrderRow,
  orderTruths,
  ordersExport,
  ordersTable,
  writeTable,
  type ExportLocale,
} from '../../test/fixtures/exports';
import type { ImportRecord } from '../domain/types';
import type { KnownCreator } from './creators';
import { prepareImport, sha256Hex, type PipelineProgress, type PrepareOptions, type Prepared } from './pipeline';
import { shopLocale } from './region';

const PERIOD = { start: Date.UTC(2025, 0, 1), end: Date.UTC(2025, 1, 1) };
const AROUND = Date.UTC(2025, 5, 15, 12, 0, 0);

const KNOWN: KnownCreator[] = [
  { handle: 'glowwithmaya', nickname: 'Maya ✨ Glow' },
  { handle: 'dapur.sari', nickname: 'Dapur Sari' },
  { handle: 'techtok.tim', nickname: 'Tim Tech' },
  { handle: 'twin.a', nickname: 'Twins' },
  { handle: 'twin.b', nickname: 'Twins' },
];

function options(locale: ExportLocale, extra: Partial<PrepareOptions> = {}): PrepareOptions {
  return {
    shop: shopLocale(locale.shopKey),
    period: PERIOD,
    findImport: async () => undefined,
    knownCreators: async () => KNOWN,
    ...extra,
  };
}

function checked(p: Prepared) {
  if (p.status !== 'checked') throw new Error(`expected a checked import, got ${JSON.stringify(p)}`);
  return p;
}

function creatorRows(p: Prepared) {
  const { request } = checked(p);
  if (request.kind !== 'creator-analysis') throw new Error(`expected a creator analysis, got ${request.kind}`);
  return request.rows;
}

const handles = (n: number) => Array.from({ length: n }, (_, i) => `creator_${i}.${i % 7}`);

describe.each(Object.values(LOCALES))('creator analysis export, $id ($currency, $language)', (locale) => {
  const truths = creatorTruths(11, handles(40), locale);

  it.each(['xlsx', 'csv'] as const)('%s: every row and figure, in shuffled columns', async (format) => {
    const bytes = creatorAnalysisExport(truths, locale, { format, shuffleSeed: 5, bom: format === 'csv' });
    const p = checked(await prepareImport({ name: `creators.${format}`, bytes }, options(locale)));
    expect(p.kind).toBe('creator-analysis');
    expect(p.issues).toEqual([]);
    expect(p.unused).toEqual([locale.language === 'id' ? 'Pengikut' : 'Followers']);
    expect(p.request.rows).toEqual(truths.map((t) => ({ handle: t.name, ...expectedFigures(t, locale) })));
    expect(p.request).toMatchObject({ id: await sha256Hex(bytes), shopKey: locale.shopKey, period: PERIOD, skippedRows: 0, fileName: `creators.${format}` });
  });
});

describe.each(Object.values(LOCALES))('affiliate orders export, $id ($currency, $language)', (locale) => {
  const truths = orderTruths(3, 60, ['glowwithmaya', 'dapur.sari'], locale, AROUND);

  it.each(['xlsx', 'csv'] as const)('%s: every SKU row, its time in the shop’s zone, its money and rates', async (format) => {
    const bytes = ordersExport(truths, locale, { format, shuffleSeed: 9 });
    const p = checked(await prepareImport({ name: `orders.${format}`, bytes }, options(locale)));
    expect(p.kind).toBe('orders');
    expect(p.issues).toEqual([]);
    expect(p.unused).toEqual([locale.language === 'id' ? 'Nama produk' : 'Product name']);
    expect(p.request.rows).toEqual(truths.map((t) => expectedOrderRow(t, locale)));
    expect(p.orders).toBe(new Set(truths.map((t) => t.orderId)).size);
  });
});

describe('recognising the file', () => {
  const us = LOCALES.US as ExportLocale;

  it('by its header, whatever the file is called, and with or without the description row', async () => {
    const truths = creatorTruths(2, ['glowwithmaya'], us);
    for (const description of [true, false]) {
      const bytes = creatorAnalysisExport(truths, us, { format: 'csv', description });
      const p = checked(await prepareImport({ name: 'orders-export.xlsx', bytes }, options(us)));
      expect(p.kind).toBe('creator-analysis');
      expect(p.request.rows).toHaveLength(1);
    }
  });

  it('reads the text Excel saves as “Unicode text” (UTF-16 with a byte-order mark, tab-separated)', async () => {
    const truths = creatorTruths(6, ['glowwithmaya', 'dapur.sari'], us);
    const text = creatorAnalysisTable(truths, us)
      .map((row) => row.join('\t'))
      .join('\r\n');
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    const rows = creatorRows(await prepareImport({ name: 'creators.txt', bytes }, options(us)));
    expect(rows).toEqual(truths.map((t) => ({ handle: t.name, matchedBy: 'handle', ...expectedFigures(t, us) })));
  });

  it('finds the header below a title block', async () => {
    const table = creatorAnalysisTable(creatorTruths(2, ['glowwithmaya', 'dapur.sari'], us), us);
    const bytes = writeTable([['Creator analysis'], ['Date range: 2025-01-01 ~ 2025-01-31'], [], ...table], us, { format: 'xlsx' });
    const rows = creatorRows(await prepareImport({ name: 'x.xlsx', bytes }, options(us)));
    expect(rows.map((r) => r.handle)).toEqual(['glowwithmaya', 'dapur.sari']);
  });

  it('says which required columns a near miss lacks, and what an unrelated file has', async () => {
    const orders = ordersTable(orderTruths(1, 3, ['a'], us, AROUND), us).map((row) => row.filter((_, i) => i !== 1));
    const missing = await prepareImport({ name: 'o.csv', bytes: writeTable(orders, us, { format: 'csv' }) }, options(us));
    expect(missing).toEqual({ status: 'problem', problem: { problem: 'missingColumns', kind: 'orders', columns: ['SKU ID'] } });
    const other = await prepareImport({ name: 'x.csv', bytes: new TextEncoder().encode('Name,Colour\nA,red\n') }, options(us));
    expect(other).toEqual({ status: 'problem', problem: { problem: 'unrecognised', columns: ['Name', 'Colour'] } });
    expect(await prepareImport({ name: 'e.csv', bytes: new Uint8Array() }, options(us))).toEqual({ status: 'problem', problem: { problem: 'empty' } });
    const headerOnly = writeTable(creatorAnalysisTable([], us), us, { format: 'csv' });
    expect(await prepareImport({ name: 'h.csv', bytes: headerOnly }, options(us))).toEqual({ status: 'problem', problem: { problem: 'noRows', kind: 'creator-analysis' } });
  });

  it('reads numbers, percentages and dates that an xlsx holds as typed cells', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['Order ID', 'SKU ID', 'Order created time', 'Commission rate', 'Est. commission', 'Quantity'],
      ['5770001000000000001', '1729400000000000001', 45688.5, 0.1234, 12.5, 3],
    ]);
    for (const [ref, z] of [['C2', 'yyyy-mm-dd hh:mm:ss'], ['D2', '0.00%']] as const) if (sheet[ref]) sheet[ref].z = z;
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'Orders');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const p = checked(await prepareImport({ name: 'typed.xlsx', bytes }, options(us)));
    expect(p.issues).toEqual([]);
    // 45688.5 is 2025-01-31 12:00 on the sheet's clock, read in the US shop's zone (PST, UTC-8).
    expect(p.request.rows[0]).toMatchObject({ createdAt: Date.UTC(2025, 0, 31, 20, 0, 0), commissionBps: 1234, estimatedCommission: { minor: 1250, currency: 'USD' }, quantity: 3 });
  });
});

describe('matching creator names', () => {
  it('by handle first, then by a nickname only one known creator has; others are kept as written', async () => {
    const us = LOCALES.US as ExportLocale;
    const names = ['@GlowWithMaya', 'Dapur Sari', 'tim tech', 'Twins', 'New.Creator_1', 'Someone 🌸 New'];
    const p = checked(await prepareImport({ name: 'c.csv', bytes: creatorAnalysisExport(creatorTruths(4, names, us), us, { format: 'csv' }) }, options(us)));
    expect(creatorRows(p).map((r) => [r.handle, r.matchedBy, r.name])).toEqual([
      ['glowwithmaya', 'handle', '@GlowWithMaya'],
      ['dapur.sari', 'nickname', 'Dapur Sari'],
      ['techtok.tim', 'nickname', 'tim tech'],
      ['twins', undefined, 'Twins'],
      ['new.creator_1', undefined, 'New.Creator_1'],
      ['Someone 🌸 New', undefined, undefined],
    ]);
    expect(p.matches).toEqual({ byHandle: 1, byNickname: 2, unmatched: 2, ambiguous: 1 });
  });
});

describe('errors name the row and the column', () => {
  const us = LOCALES.US as ExportLocale;
  const id = LOCALES.ID as ExportLocale;

  it('for each bad cell, with the spreadsheet’s own row numbers, and keep the valid rows apart', async () => {
    const table = creatorAnalysisTable(creatorTruths(8, handles(20), us), us);
    // Row 14 of the sheet = index 13 (title row 1, description row 2, data from row 3).
    const header = table[0] as string[];
    const col = (title: string) => header.indexOf(title);
    (table[13] as string[])[col('Creator-attributed GMV')] = '12,34,5';
    (table[13] as string[])[col('CTR')] = 'high';
    (table[5] as string[])[col('Attributed orders')] = '3.5';
    (table[7] as string[])[col('Creator name')] = '';
    (table[9] as string[])[col('Creator name')] = (table[4] as string[])[col('Creator name')] as string;
    const p = checked(await prepareImport({ name: 'bad.csv', bytes: writeTable(table, us, { format: 'csv' }) }, options(us)));
    expect(p.issues).toEqual([
      { row: 6, column: 'Attributed orders', value: '3.5', problem: 'count' },
      { row: 8, column: 'Creator name', value: '', problem: 'required' },
      { row: 10, column: 'Creator name', value: 'creator_2.2', problem: 'duplicate', firstRow: 5 },
      { row: 14, column: 'Creator-attributed GMV', value: '12,34,5', problem: 'amount' },
      { row: 14, column: 'CTR', value: 'high', problem: 'percent' },
    ]);
    expect(p.request.rows).toHaveLength(16);
    expect(p.request.skippedRows).toBe(4);
    expect(p.dataRows).toBe(20);
  });

  it('in Indonesian files too, for dates, ids, statuses and handles', async () => {
    const table = ordersTable(orderTruths(5, 6, ['dapur.sari'], id, AROUND), id);
    const header = table[0] as string[];
    const col = (title: string) => header.indexOf(title);
    (table[1] as string[])[col('Waktu pesanan dibuat')] = '31/02/2025 10:00:00';
    (table[2] as string[])[col('ID pesanan')] = '5.77e+18';
    (table[3] as string[])[col('Status penyelesaian')] = 'Entah';
    (table[4] as string[])[col('Username kreator')] = '@bad handle!';
    (table[5] as string[])[col('Tingkat komisi')] = '120%';
    const p = checked(await prepareImport({ name: 'pesanan.xlsx', bytes: writeTable(table, id, { format: 'xlsx' }) }, options(id)));
    expect(p.issues).toEqual([
      { row: 2, column: 'Waktu pesanan dibuat', value: '31/02/2025 10:00:00', problem: 'date' },
      { row: 3, column: 'ID pesanan', value: '5.77e+18', problem: 'id' },
      { row: 4, column: 'Status penyelesaian', value: 'Entah', problem: 'settlement' },
      { row: 5, column: 'Username kreator', value: '@bad handle!', problem: 'handle' },
      { row: 6, column: 'Tingkat komisi', value: '120%', problem: 'range' },
    ]);
    expect(p.request.rows).toHaveLength(1);
  });

  it('for a bare amount when the shop’s currency is not known', async () => {
    const table = [['Creator name', 'GMV', 'Videos'], ['maya', '1,234.50', '3']];
    const p = checked(await prepareImport({ name: 'x.csv', bytes: writeTable(table, us, { format: 'csv' }) }, { ...options(us), shop: shopLocale('XX:-') }));
    expect(p.issues).toEqual([{ row: 2, column: 'GMV', value: '1,234.50', problem: 'currency' }]);
  });
});

describe('long files', { timeout: 60_000 }, () => {
  const us = LOCALES.US as ExportLocale;
  const big = creatorTruths(21, handles(15_000), us);
  const bytes = creatorAnalysisExport(big, us, { format: 'csv' });

  it('are read in chunks with progress, and every row arrives once', async () => {
    const seen: PipelineProgress[] = [];
    const p = checked(await prepareImport({ name: 'big.csv', bytes }, options(us, { onProgress: (x) => seen.push(x) })));
    expect(bytes.length).toBeGreaterThan(4 * 256 * 1024);
    expect(p.request.rows).toHaveLength(big.length);
    expect(p.request.rows.at(-1)).toEqual({ handle: big.at(-1)?.name, ...expectedFigures(big.at(-1) as (typeof big)[number], us) });
    const reading = seen.filter((s) => s.phase === 'reading').map((s) => s.fraction);
    expect(reading.length).toBeGreaterThan(3);
    expect(reading).toEqual([...reading].sort((a, b) => a - b));
    expect(seen.at(-1)).toMatchObject({ phase: 'checking', fraction: 1, done: big.length, total: big.length });
  });

  it('stop when cancelled, while reading or while checking', async () => {
    for (const phase of ['reading', 'checking'] as const) {
      const controller = new AbortController();
      const run = prepareImport(
        { name: 'big.csv', bytes },
        options(us, { signal: controller.signal, onProgress: (x) => x.phase === phase && x.fraction > 0.2 && controller.abort() }),
      );
      await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    }
  });
});

describe('the same file again', () => {
  it('is found by the SHA-256 of its bytes before anything else is done', async () => {
    const us = LOCALES.US as ExportLocale;
    const bytes = creatorAnalysisExport(creatorTruths(1, ['maya'], us), us, { format: 'xlsx' });
    const id = await sha256Hex(bytes);
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    const record: ImportRecord = { id, kind: 'creator-analysis', fileName: 'a.xlsx', shopKey: us.shopKey, period: PERIOD, rows: 1, importedAt: 1 };
    const p = await prepareImport({ name: 'renamed.xlsx', bytes }, options(us, { findImport: async (x) => (x === id ? record : undefined) }));
    expect(p).toEqual({ status: 'already', record });
  });
});

describe('any cells at all', () => {
  it('never throw: every data row is either ready to store or reported by row and column', async () => {
    const us = LOCALES.US as ExportLocale;
    const header = ['Creator name', 'Creator-attributed GMV', 'Attributed orders', 'CTR', 'Est. commission'];
    const cell = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('', '-', '$1,234.56', '0,97%', '12', '<img src=x onerror=alert(1)>', '=HYPERLINK("x")'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 12 }), async (rows) => {
        const bytes = writeTable([header, ...rows], us, { format: 'csv' });
        const p = await prepareImport({ name: 'fuzz.csv', bytes }, options(us));
        if (p.status !== 'checked') {
          expect(p.status).toBe('problem');
          return;
        }
        expect(p.request.rows.length + p.request.skippedRows).toBe(p.dataRows);
        const reported = new Set(p.issues.map((i) => i.row));
        expect(reported.size).toBe(p.request.skippedRows);
        for (const i of p.issues) expect(header).toContain(i.column);
      }),
      { numRuns: 150 },
    );
  });
});
