import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { expect } from 'vitest';
import { toCsvText } from '../lib/export/csv';
import { textRows, type ExportTable } from '../lib/export/table';
import { moneyFormat, toXlsx, XLSX_FORMATS } from '../lib/export/xlsx';

/** Export tables written as CSV and xlsx and read back as a spreadsheet reads them, for the export tests. */

/** The CSV cells of one row by column name. */
export const record = (t: ExportTable, i = 0) => {
  const [header = [], ...rows] = textRows(t);
  return Object.fromEntries(header.map((h, c) => [h, rows[i]?.[c]]));
};
/** The rows as a spreadsheet would read them back. */
export const readBack = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
/** The xlsx's cells as a spreadsheet reads them back. */
export const readXlsx = (t: ExportTable) => {
  const book = XLSX.read(toXlsx(t), { type: 'array', dense: true, cellNF: true });
  return (book.Sheets[t.sheet]?.['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
};
/** The xlsx cells of one row by column name. */
export const xlsxRecord = (t: ExportTable, i = 0) => {
  const data = readXlsx(t);
  return Object.fromEntries(t.columns.map((c, col) => [c.header, data[i + 1]?.[col]]));
};

/**
 * Both files of a table hold the same values: every CSV cell is the xlsx cell's value written as text, by the kind of
 * its column, and an empty CSV cell is no xlsx cell at all.
 */
export function expectSameValues(t: ExportTable): void {
  const csv = readBack(toCsvText(t));
  const xlsx = readXlsx(t);
  expect(xlsx).toHaveLength(csv.length);
  expect(xlsx[0]?.map((c) => c?.v)).toEqual(csv[0]);
  for (let r = 1; r < csv.length; r++) {
    t.columns.forEach(({ header, kind }, c) => {
      const text = csv[r]?.[c] ?? '';
      const cell = xlsx[r]?.[c];
      const at = `${t.sheet} row ${r} ${header}`;
      if (text === '') {
        expect(cell, at).toBeUndefined();
        return;
      }
      if (kind === 'text') {
        expect(cell, at).toMatchObject({ t: 's', v: text });
        return;
      }
      expect(cell?.t, at).toBe('n');
      const v = Number(cell?.v);
      switch (kind) {
        case 'count':
        case 'ratio':
          expect(v, at).toBe(Number(text));
          expect(cell?.z, at).toBe(XLSX_FORMATS[kind]);
          break;
        case 'money':
          expect(v, at).toBe(Number(text));
          expect(cell?.z, at).toBe(moneyFormat(csv[r]?.[c + 1] ?? ''));
          break;
        case 'rate':
          expect(text, at).toMatch(/%$/);
          expect(v, at).toBeCloseTo(Number(text.slice(0, -1)) / 100, 12);
          expect(cell?.z, at).toBe(XLSX_FORMATS.rate);
          break;
        case 'time':
          expect(Math.round((v - 25_569) * 86_400_000), at).toBe(Date.parse(text));
          expect(XLSX.SSF.is_date(String(cell?.z)), at).toBe(true);
          break;
      }
    });
  }
}

