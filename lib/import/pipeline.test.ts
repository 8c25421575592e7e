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
  HAND_EXPORT,
  type ExportLocale,
} from '../../test/fixtures/exports';
import { cashRoi, fullCostRoi, importedCommission, importedSampleCost, roundRatio, sumIn, zeroGmvShareBps } from '../creators/terms';
import type { ImportRecord } from '../domain/types';
import type { KnownCreator } from './creators';
import { importIdOf } from './identity';
import { STAGE_ROWS, type CreatorRow, type ImportRequest, type OrderRow, type StageChunk } from './message';
import { prepareImport as prepareStaged, type FileToImport, type PipelineProgress, type PrepareOptions, type Prepared } from './pipeline';
import { shopLocale } from './region';

const PERIOD = { start: Date.UTC(2025, 0, 1), end: Date.UTC(2025, 1, 1) };
const AROUND = Date.UTC(2025, 5, 15, 12, 0, 0);

const KNOWN: KnownCreator[] = [
  { handle: 'glowwithmaya', nickname: 'Maya ✨ Glow', aliases: ['cid:7494000000000000001'] },
  { handle: 'dapur.sari', nickname: 'Dapur Sari' },
  { handle: 'techtok.tim', nickname: 'Tim Tech' },
  { handle: 'twin.a', nickname: 'Twins' },
  { handle: 'twin.b', nickname: 'Twins' },
];

type Options = Omit<PrepareOptions, 'stage' | 'drop'>;

/** A commit with the rows it staged, in order. */
type Staged = ImportRequest & ({ kind: 'creator-analysis'; rows: CreatorRow[] } | { kind: 'orders'; rows: OrderRow[] });

/** What the last `prepareImport` staged and dropped. */
let staged: StageChunk[] = [];
let dropped: string[] = [];

/** Prepares a file as the options page does, with a stage that keeps the chunks: a checked import's `request.rows` are the rows staged. */
async function prepareImport(file: FileToImport, opts: Options) {
  staged = [];
  dropped = [];
  const chunks: StageChunk[] = staged;
  const p = await prepareStaged(file, {
    ...opts,
    stage: async (chunk) => {
      chunks.push(chunk);
    },
    drop: async (stage) => {
      dropped.push(stage);
    },
  });
  if (p.status !== 'checked') return p;
  return { ...p, request: { ...p.request, rows: chunks.flatMap((c): (CreatorRow | OrderRow)[] => c.rows) } as Staged };
}

function options(locale: ExportLocale, extra: Partial<Options> = {}): Options {
  return {
    shop: shopLocale(locale.shopKey),
    period: PERIOD,
    findImport: async () => undefined,
    knownCreators: async () => KNOWN,
    ...extra,
  };
}

function checked<P extends { status: Prepared['status'] }>(p: P) {
  if (p.status !== 'checked') throw new Error(`expected a checked import, got ${JSON.stringify(p)}`);
  return p as Extract<P, { status: 'checked' }>;
}

function creatorRows(p: Awaited<ReturnType<typeof prepareImport>>) {
  const { request } = checked(p);
  if (request.kind !== 'creator-analysis') throw new Error(`expected a creator analysis, got ${request.kind}`);
  return request.rows;
}

const handles = (n: number) => Array.from({ length: n }, (_, i) => `creator_${i}.${i % 7}`);

const sortedRates = (p: ReturnType<typeof checked>) => [...p.rates].sort((a, b) => (a.column < b.column ? -1 : 1));

describe.each(Object.values(LOCALES))('creator analysis export, $id ($currency, $language)', (locale) => {
  const truths = creatorTruths(11, handles(40), locale);

  it('has click rates above 100% among its rows', () => {
    expect(truths.some((t) => t.ctrBps > 10_000) && truths.some((t) => t.ctorBps > 10_000)).toBe(true);
  });

  it.each(['xlsx', 'csv'] as const)('%s: every row and every one of the 23 columns in its unit, in shuffled columns', async (format) => {
    const bytes = creatorAnalysisExport(truths, locale, { format, shuffleSeed: 5, bom: format === 'csv' });
    const p = checked(await prepareImport({ name: `creators.${format}`, bytes }, options(locale)));
    expect(p.kind).toBe('creator-analysis');
    expect(p.issues).toEqual([]);
    expect(p.unused).toEqual([locale.language === 'id' ? 'Pengikut' : 'Followers']);
    expect(p.request.rows).toEqual(truths.map((t) => ({ handle: t.name, ...expectedFigures(t, locale) })));
    expect(Object.keys(p.request.rows[0] ?? {})).toHaveLength(23);
    expect(sortedRates(p)).toEqual([
      { column: 'CTOR', form: 'percent' },
      { column: 'CTR', form: 'percent' },
    ]);
    expect(p.request).toMatchObject({
      id: await importIdOf(p.request),
      shopKey: locale.shopKey,
      period: PERIOD,
      skippedRows: 0,
      fileName: `creators.${format}`,
      rateForms: { ctr: 'percent', ctor: 'percent' },
    });
  });

  it('the same rows as csv with fractions and as a typed xlsx, columns moved: the same rows, the same import', async () => {
    const written = [
      creatorAnalysisExport(truths, locale, { format: 'xlsx', shuffleSeed: 5 }),
      creatorAnalysisExport(truths, locale, { format: 'csv', rates: 'fraction', shuffleSeed: 8 }),
      creatorAnalysisExport(truths, locale, { format: 'xlsx', typed: true, description: false }),
    ];
    const prepared = await Promise.all(written.map(async (bytes, i) => checked(await prepareImport({ name: `creators ${i}`, bytes }, options(locale)))));
    const [first, fractions, typed] = prepared as [(typeof prepared)[number], (typeof prepared)[number], (typeof prepared)[number]];
    expect(new Set(written.map((b) => b.length)).size).toBe(3);
    for (const p of [fractions, typed]) {
      expect(p.issues).toEqual([]);
      expect(p.request.rows).toEqual(first.request.rows);
      expect(p.request.id).toBe(first.request.id);
    }
    expect(sortedRates(fractions).map((r) => r.form)).toEqual(['fraction', 'fraction']);
    expect(fractions.request.rateForms).toEqual({ ctr: 'fraction', ctor: 'fraction' });
    expect(typed.request.rateForms).toEqual({ ctr: 'percent', ctor: 'percent' });
  });
});

describe.each(Object.values(LOCALES))('affiliate orders export, $id ($currency, $language)', (locale) => {
  const truths = orderTruths(3, 60, ['glowwithmaya', 'dapur.sari'], locale, AROUND);

  it.each(['xlsx', 'csv'] as const)('%s: every SKU row, its time in the shop’s zone, its money and rates', async (format) => {
    const bytes = ordersExport(truths, locale, { format, shuffleSeed: 9 });
    const p = checked(await prepareImport({ name: `orders.${format}`, bytes }, options(locale)));
    expect(p.kind).toBe('orders');
    expect(p.issues).toEqual([]);
    expect(p.unused).toEqual([locale.language === 'id' ? 'Metode pembayaran' : 'Payment method']);
    expect(p.request.rateForms).toEqual({ commissionRate: 'percent', partnerCommissionRate: 'percent', adsCommissionRate: 'percent' });
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
  const us = LOCALES.US as ExportLocale;

  it('by handle first, then by a nickname only one known creator has; others are kept as written', async () => {
    const names = ['@GlowWithMaya', 'Dapur Sari', 'tim tech', 'Twins', 'New.Creator_1', 'Someone 🌸 New'];
    const p = checked(await prepareImport({ name: 'c.csv', bytes: creatorAnalysisExport(creatorTruths(4, names, us), us, { format: 'csv' }) }, options(us)));
    expect(creatorRows(p).map((r) => [r.handle, r.matchedBy, r.name, r.ambiguous])).toEqual([
      ['glowwithmaya', 'handle', '@GlowWithMaya', undefined],
      ['dapur.sari', 'nickname', 'Dapur Sari', undefined],
      ['techtok.tim', 'nickname', 'tim tech', undefined],
      ['twins', undefined, 'Twins', true],
      ['new.creator_1', undefined, 'New.Creator_1', undefined],
      ['Someone 🌸 New', undefined, undefined, undefined],
    ]);
    expect(p.matches).toEqual({ byHandle: 1, byAlias: 0, byNickname: 2, added: 1, unmatched: 1, ambiguous: 1 });
  });

  it('by a platform id when the file has a creator id column and the name is not a known handle', async () => {
    const table = [
      ['Creator name', 'Creator ID', 'Creator-attributed GMV', 'Videos'],
      ['Maya (new name)', '7494000000000000001', '$10.00', '1'],
      ['dapur.sari', '7494000000000000009', '$20.00', '2'],
      ['someone.else', '7494000000000000002', '$30.00', '3'],
    ];
    const p = checked(await prepareImport({ name: 'ids.csv', bytes: writeTable(table, us, { format: 'csv' }) }, options(us)));
    expect(creatorRows(p).map((r) => [r.handle, r.matchedBy, r.creatorId])).toEqual([
      ['glowwithmaya', 'alias', '7494000000000000001'],
      ['dapur.sari', 'handle', '7494000000000000009'],
      ['someone.else', undefined, '7494000000000000002'],
    ]);
    expect(p.matches).toEqual({ byHandle: 1, byAlias: 1, byNickname: 0, added: 1, unmatched: 0, ambiguous: 0 });
  });
});

describe('rates', () => {
  const us = LOCALES.US as ExportLocale;
  const id = LOCALES.ID as ExportLocale;
  const rowsOf = async (table: (string | number)[][], locale = us) =>
    creatorRows(await prepareImport({ name: 'r.csv', bytes: writeTable(table, locale, { format: 'csv' }) }, options(locale)));

  it('above 100% are kept, written in percent or as fractions', async () => {
    const percent = await rowsOf([['Creator name', 'CTR', 'CTOR', 'Videos'], ['a.one', '200%', '100%', '1'], ['b.two', '2.04%', '350.5%', '1']]);
    expect(percent.map((r) => [r.ctrBps, r.ctorBps])).toEqual([
      [20_000, 10_000],
      [204, 35_050],
    ]);
    const fractions = await rowsOf([['Creator name', 'CTR', 'CTOR', 'Videos'], ['a.one', '2', '1.0', '1'], ['b.two', '0.0204', '0.009899999999999999', '1']]);
    expect(fractions.map((r) => [r.ctrBps, r.ctorBps])).toEqual([
      [20_000, 10_000],
      [204, 99],
    ]);
    const indonesian = await rowsOf([['Nama kreator', 'CTR', 'CTOR', 'Video'], ['a.one', '2,5', '0,0204', '1']], id);
    expect(indonesian.map((r) => [r.ctrBps, r.ctorBps])).toEqual([[25_000, 204]]);
  });

  it('are read in percent when a cell says %, the title says (%), or an xlsx cell is percent-formatted; each file says which', async () => {
    const mixed = checked(
      await prepareImport(
        { name: 'm.csv', bytes: writeTable([['Creator name', 'CTR (%)', 'CTOR', 'Videos'], ['a.one', '2.04', '0', '1'], ['b.two', '250', '12%', '1']], us, { format: 'csv' }) },
        options(us),
      ),
    );
    expect(creatorRows(mixed).map((r) => [r.ctrBps, r.ctorBps])).toEqual([
      [204, 0],
      [25_000, 1200],
    ]);
    expect(sortedRates(mixed)).toEqual([
      { column: 'CTOR', form: 'percent' },
      { column: 'CTR (%)', form: 'percent' },
    ]);
    const sheet = XLSX.utils.aoa_to_sheet([
      ['Creator name', 'CTR', 'CTOR', 'Videos'],
      ['a.one', 2, 0.0204, 1],
    ]);
    if (sheet.B2) sheet.B2.z = '0.00%';
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'Creators');
    const typed = checked(await prepareImport({ name: 't.xlsx', bytes: new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer) }, options(us)));
    expect(creatorRows(typed).map((r) => [r.ctrBps, r.ctorBps])).toEqual([[20_000, 204]]);
    expect(typed.request.rateForms).toEqual({ ctr: 'percent', ctor: 'fraction' });
  });

  it('a commission rate stays within 0–100% (the orders export’s rates are in percent even without %)', async () => {
    const header = ['Order ID', 'SKU ID', 'Time Created', 'Standard commission rate'];
    const p = checked(
      await prepareImport(
        { name: 'o.csv', bytes: writeTable([header, ['5770001000000000001', '1729400000000000001', '2025-01-31 10:00:00', '12.5'], ['5770001000000000002', '1729400000000000001', '2025-01-31 10:00:00', '120']], us, { format: 'csv' }) },
        options(us),
      ),
    );
    expect(p.request.rows).toMatchObject([{ commissionBps: 1250 }]);
    expect(p.issues).toEqual([{ row: 3, column: 'Standard commission rate', value: '120', problem: 'range' }]);
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

describe('the same data again', () => {
  const us = LOCALES.US as ExportLocale;
  const truths = creatorTruths(1, ['maya', '@Dapur.Sari', 'Maya ✨ Glow', 'Someone New'], us);

  it('is found by what the rows say, whatever file carries them: csv after xlsx, rows and columns moved, re-saved', async () => {
    const xlsx = creatorAnalysisExport(truths, us, { format: 'xlsx' });
    const first = checked(await prepareImport({ name: 'a.xlsx', bytes: xlsx }, options(us)));
    const { id } = first.request;
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    const record: ImportRecord = { id, kind: 'creator-analysis', fileName: 'a.xlsx', shopKey: us.shopKey, period: PERIOD, rows: 4, importedAt: 1 };
    const known = options(us, { findImport: async (x) => (x === id ? record : undefined) });
    const table = creatorAnalysisTable(truths, us, { shuffleSeed: 3, rates: 'fraction' });
    const [header, description, ...rows] = table as [(string | number)[], (string | number)[], ...(string | number)[][]];
    const others = [
      creatorAnalysisExport(truths, us, { format: 'csv', bom: true }),
      writeTable([header, description, ...rows.reverse()], us, { format: 'csv' }),
      creatorAnalysisExport(truths, us, { format: 'xlsx', typed: true }),
      writeTable([['Creator analysis'], [], ...table], us, { format: 'xlsx' }),
    ];
    for (const bytes of others) expect(await prepareImport({ name: 'renamed', bytes }, known)).toEqual({ status: 'already', record });
  });

  it('does not depend on whom Collab Lens knew when the file was read', async () => {
    const bytes = creatorAnalysisExport(truths, us, { format: 'csv' });
    const before = checked(await prepareImport({ name: 'c.csv', bytes }, options(us, { knownCreators: async () => [] })));
    const after = checked(await prepareImport({ name: 'c.csv', bytes }, options(us)));
    expect(creatorRows(after).map((r) => r.handle)).not.toEqual(creatorRows(before).map((r) => r.handle));
    expect(after.request.id).toBe(before.request.id);
  });

  it('is a new import when a figure, the period or the shop differs', async () => {
    const id = async (t: typeof truths, extra: Partial<Options> = {}) =>
      checked(await prepareImport({ name: 'c.csv', bytes: creatorAnalysisExport(t, us, { format: 'csv' }) }, options(us, extra))).request.id;
    const base = await id(truths);
    const [one, ...rest] = truths as [(typeof truths)[number], ...typeof truths];
    const ids = [
      await id([{ ...one, ctrBps: one.ctrBps + 1 }, ...rest]),
      await id(truths, { period: { start: PERIOD.start, end: PERIOD.end + 86_400_000 } }),
      await id(truths, { shop: shopLocale('US:7495000000000000999') }),
    ];
    expect(new Set([base, ...ids]).size).toBe(4);
  });
});

describe('the hand-computed export (test/fixtures/exports.ts)', () => {
  const { truths, locale, expected } = HAND_EXPORT;

  it('imports as csv and as xlsx to the same rows, whose headline figures are the ones computed by hand', async () => {
    const csv = checked(await prepareImport({ name: 'hand.csv', bytes: creatorAnalysisExport(truths, locale, { format: 'csv' }) }, options(locale)));
    const xlsx = checked(await prepareImport({ name: 'hand.xlsx', bytes: creatorAnalysisExport(truths, locale, { format: 'xlsx', shuffleSeed: 2 }) }, options(locale)));
    expect(xlsx.request.id).toBe(csv.request.id);
    expect(creatorRows(xlsx)).toEqual(creatorRows(csv));
    expect(csv.issues).toEqual([]);

    const rows = creatorRows(csv);
    const c = locale.currency;
    const gmv = sumIn(c, rows.map((r) => r.gmv)).amount;
    const commission = sumIn(c, rows.map((r) => importedCommission(r, c)?.amount)).amount;
    const sampleCost = sumIn(c, rows.map((r) => importedSampleCost(r.samplesShipped, { minor: expected.flatCostPerSampleMinor, currency: c }, c))).amount;
    expect({
      creators: rows.length,
      gmvMinor: gmv.minor,
      commissionMinor: commission.minor,
      refundsMinor: sumIn(c, rows.map((r) => r.refunds)).amount.minor,
      samplesShipped: rows.reduce((n, r) => n + (r.samplesShipped ?? 0), 0),
      flatCostPerSampleMinor: expected.flatCostPerSampleMinor,
      sampleCostMinor: sampleCost.minor,
      cashRoi: roundRatio(cashRoi(gmv, commission) ?? Number.NaN),
      fullCostRoi: roundRatio(fullCostRoi(gmv, commission, sampleCost) ?? Number.NaN),
      zeroGmvShareBps: zeroGmvShareBps(rows.filter((r) => r.gmv?.minor === 0).length, rows.filter((r) => r.gmv).length),
    }).toEqual(expected);
    expect(rows.find((r) => r.handle === 'hand.ana')?.ctrBps).toBe(20_000);
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
