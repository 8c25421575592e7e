import * as XLSX from '@e965/xlsx';
import { minorDigits, type Money } from '../domain/money';
import { cellText, type ColumnKind, type ExportTable, type Value } from './table';

/**
 * A table as an xlsx workbook of typed cells, so a spreadsheet in any locale reads it right (an Indonesian Excel shows
 * `1.234,50` and sorts dates as dates): numbers are numbers with a number format, money is a number in its currency's
 * decimals beside a currency column, rates are fractions in percent format, times are real date serials, and text
 * (ids included) is text. This module pulls in SheetJS: import it only dynamically, when a seller exports
 * (lib/export/download.ts), as the import code does.
 */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Number formats (Excel's own codes; Excel shows them with the reader's decimal and thousands separators). */
export const XLSX_FORMATS = {
  count: '#,##0',
  ratio: '0.00"x"',
  rate: '0.00%',
  // Times are UTC, as in the CSV: the format says so, since a date serial carries no time zone.
  time: 'yyyy-mm-dd hh:mm:ss "UTC"',
} as const;

/** The format of an amount: thousands separators and exactly the currency's minor digits (USD `#,##0.00`, VND `#,##0`). */
export function moneyFormat(currency: string): string {
  const digits = minorDigits(currency);
  return digits ? `#,##0.${'0'.repeat(digits)}` : '#,##0';
}

/** Excel's serial day number of 1970-01-01 in the 1900 date system, and one day in ms. */
const EPOCH_SERIAL = 25_569;
const DAY_MS = 86_400_000;

/** Epoch ms UTC to a date serial that shows the same UTC wall-clock time. */
export const dateSerial = (ms: number) => ms / DAY_MS + EPOCH_SERIAL;

function cellOf(kind: ColumnKind, value: Value): XLSX.CellObject | undefined {
  if (value === undefined || value === '') return undefined;
  switch (kind) {
    case 'text':
      return { t: 's', v: String(value) };
    case 'count':
    case 'ratio':
      return { t: 'n', v: value as number, z: XLSX_FORMATS[kind] };
    case 'rate':
      return { t: 'n', v: (value as number) / 10_000, z: XLSX_FORMATS.rate };
    case 'time':
      return { t: 'n', v: dateSerial(value as number), z: XLSX_FORMATS.time };
    case 'money': {
      const m = value as Money;
      return { t: 'n', v: m.minor / 10 ** minorDigits(m.currency), z: moneyFormat(m.currency) };
    }
  }
}

/** Column widths from the header and the first rows' text, within bounds. */
function widths(table: ExportTable): XLSX.ColInfo[] {
  const sample = table.rows.slice(0, 200);
  return table.columns.map(({ header, kind }, i) => {
    const widest = sample.reduce((w, row) => Math.max(w, cellText(kind, row[i]).length), header.length);
    return { wch: Math.min(60, Math.max(8, widest + 2)) };
  });
}

/** The workbook's bytes: one sheet with a header row and an autofilter over the table. */
export function toXlsx(table: ExportTable): Uint8Array<ArrayBuffer> {
  const kinds = table.columns.map((c) => c.kind);
  const data: XLSX.CellObject[][] = [table.columns.map(({ header }) => ({ t: 's', v: header }))];
  for (const row of table.rows) {
    const cells: XLSX.CellObject[] = [];
    kinds.forEach((kind, i) => {
      const cell = cellOf(kind, row[i]);
      if (cell) cells[i] = cell;
    });
    data.push(cells);
  }
  const ref = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: table.rows.length, c: Math.max(0, kinds.length - 1) } });
  const sheet: XLSX.WorkSheet = { '!data': data, '!ref': ref, '!cols': widths(table), '!autofilter': { ref } };
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, table.sheet);
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', bookSST: true, compression: true }) as ArrayBuffer);
}
