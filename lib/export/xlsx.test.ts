import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { NOW } from '../../test/fixtures/sample-group-list';
import { minorDigits, money } from '../domain/money';
import type { ExportTable } from './table';
import { dateSerial, moneyFormat, toXlsx, XLSX_FORMATS } from './xlsx';

/** The workbook as a spreadsheet reads it back: the first sheet's cells, row by row. */
function readBack(bytes: Uint8Array) {
  const book = XLSX.read(bytes, { type: 'array', dense: true, cellNF: true });
  const name = book.SheetNames[0]!;
  const sheet = book.Sheets[name]!;
  return { book, name, sheet, data: (sheet['!data'] ?? []) as (XLSX.CellObject | undefined)[][] };
}

/** A date cell's UTC wall-clock parts, as Excel shows them. */
const dateParts = (serial: number) => XLSX.SSF.parse_date_code(serial);

const table: ExportTable = {
  sheet: 'Affiliate orders',
  columns: [
    { header: 'Order ID', kind: 'text' },
    { header: 'Product', kind: 'text' },
    { header: 'Quantity', kind: 'count' },
    { header: 'Price', kind: 'money' },
    { header: 'Price currency', kind: 'text' },
    { header: 'Commission rate', kind: 'rate' },
    { header: 'Created', kind: 'time' },
    { header: 'Cash ROI', kind: 'ratio' },
  ],
  rows: [
    ['5770000000000000101', "'=HYPERLINK(\"https://evil.example\",\"Click\")", 1200, { minor: 123_456, currency: 'USD' }, 'USD', 6085, NOW, 10.9877],
    ['5770000000000000102', 'Serum, "Rose"\n30ml', 2, { minor: 1_050_000, currency: 'MYR' }, 'MYR', 20_000, Date.UTC(2025, 0, 31, 13, 45, 12, 345), 0.19],
    ['5770000000000000103', 'Nón lá', undefined, { minor: 150_000, currency: 'VND' }, 'VND', undefined, undefined, undefined],
    ['5770000000000000104', '', 0, { minor: -1234, currency: 'KWD' }, 'KWD', 0, Date.UTC(2024, 1, 29), 0],
  ],
};

describe('xlsx', () => {
  const { book, name, sheet, data } = readBack(toXlsx(table));

  it('is one sheet named after the table, with the header row and a filter over the whole table', () => {
    expect(book.SheetNames).toEqual(['Affiliate orders']);
    expect(name).toBe('Affiliate orders');
    expect(data[0]?.map((c) => [c?.t, c?.v])).toEqual(table.columns.map((c) => ['s', c.header]));
    expect(sheet['!ref']).toBe('A1:H5');
    expect(sheet['!autofilter']).toEqual({ ref: 'A1:H5' });
  });

  it('keeps ids as text: a 19-digit id does not become 5.77E+18', () => {
    for (let r = 1; r <= table.rows.length; r++) {
      const id = data[r]?.[0];
      expect(id?.t).toBe('s');
      expect(id?.v).toBe(table.rows[r - 1]?.[0]);
    }
  });

  it('keeps hostile text inert: guarded text, never a formula', () => {
    const cell = data[1]?.[1];
    expect(cell).toMatchObject({ t: 's', v: '\'=HYPERLINK("https://evil.example","Click")' });
    expect(cell?.f).toBeUndefined();
    expect(data[2]?.[1]).toMatchObject({ t: 's', v: 'Serum, "Rose"\n30ml' });
    expect(data[3]?.[1]).toMatchObject({ t: 's', v: 'Nón lá' });
  });

  it('writes counts and ratios as numbers with a number format', () => {
    expect(data[1]?.[2]).toMatchObject({ t: 'n', v: 1200, z: XLSX_FORMATS.count });
    expect(data[4]?.[2]).toMatchObject({ t: 'n', v: 0, z: XLSX_FORMATS.count });
    expect(data[1]?.[7]).toMatchObject({ t: 'n', v: 10.9877, z: '0.00"x"' });
    expect(data[2]?.[7]).toMatchObject({ t: 'n', v: 0.19 });
  });

  it("writes money as a number in its currency's decimals, its currency in the next column", () => {
    expect(data[1]?.[3]).toMatchObject({ t: 'n', v: 1234.56, z: '#,##0.00' });
    expect(data[1]?.[4]).toMatchObject({ t: 's', v: 'USD' });
    expect(data[2]?.[3]).toMatchObject({ t: 'n', v: 10_500, z: '#,##0.00' });
    expect(data[3]?.[3]).toMatchObject({ t: 'n', v: 150_000, z: '#,##0' });
    expect(data[4]?.[3]).toMatchObject({ t: 'n', v: -1.234, z: '#,##0.000' });
    expect(moneyFormat('JPY')).toBe('#,##0');
  });

  it('writes rupiah in the decimals the rest of Collab Lens reads it with', () => {
    const idr = { minor: 1_050_000, currency: 'IDR' };
    const cell = readBack(toXlsx({ sheet: 'IDR', columns: [{ header: 'GMV', kind: 'money' }], rows: [[idr]] })).data[1]?.[0];
    const digits = minorDigits('IDR');
    expect(cell).toMatchObject({ t: 'n', v: idr.minor / 10 ** digits, z: digits ? `#,##0.${'0'.repeat(digits)}` : '#,##0' });
    expect(money(String(cell?.v), 'IDR')).toEqual(idr);
  });

  it('writes rates as fractions in percent format, over 100% too', () => {
    expect(data[1]?.[5]).toMatchObject({ t: 'n', v: 0.6085, z: '0.00%' });
    expect(data[2]?.[5]).toMatchObject({ t: 'n', v: 2, z: '0.00%' });
    expect(data[4]?.[5]).toMatchObject({ t: 'n', v: 0, z: '0.00%' });
  });

  it('writes times as real dates in UTC, with a date format', () => {
    const created = data[1]?.[6];
    expect(created).toMatchObject({ t: 'n', z: XLSX_FORMATS.time });
    expect(XLSX.SSF.is_date(String(created?.z))).toBe(true);
    expect(dateParts(Number(created?.v))).toMatchObject({ y: 2025, m: 11, d: 21, H: 4, M: 40, S: 0 });
    expect(created?.w).toBe('2025-11-21 04:40:00 UTC');
    expect(dateParts(Number(data[2]?.[6]?.v))).toMatchObject({ y: 2025, m: 1, d: 31, H: 13, M: 45, S: 12 });
    // A leap day lands on its own day (1900 date system, past Excel's fictional 29 Feb 1900).
    expect(dateParts(Number(data[4]?.[6]?.v))).toMatchObject({ y: 2024, m: 2, d: 29, H: 0, M: 0, S: 0 });
    // To the millisecond.
    expect(Math.round((Number(data[2]?.[6]?.v) - 25_569) * 86_400_000)).toBe(Date.UTC(2025, 0, 31, 13, 45, 12, 345));
    expect(dateSerial(0)).toBe(25_569);
  });

  it('leaves unknown values as empty cells, not zeros', () => {
    const row = data[3] ?? [];
    for (const c of [2, 5, 6, 7]) expect(row[c], `column ${c}`).toBeUndefined();
    expect(data[4]?.[1]).toBeUndefined();
  });

  it('a table without rows is its header', () => {
    const empty = readBack(toXlsx({ ...table, rows: [] }));
    expect(empty.sheet['!ref']).toBe('A1:H1');
    expect(empty.data).toHaveLength(1);
  });
});
