import { minorDigits, type Money } from '../domain/money';

/**
 * The one table model every export is made from: typed columns and rows of plain values. The CSV writer turns each
 * value into text and the xlsx writer into a typed cell, from the same rows, so the two files never disagree.
 *
 * - `text`: a string (names, ids, codes), already guarded against formula injection (`guard`); an id stays text, so a
 *   spreadsheet never turns a 19-digit id into 1.23E+18.
 * - `count`: an integer; `ratio`: a plain number (ROI, GMV ÷ cost); `rate`: basis points; `time`: epoch ms UTC.
 * - `money`: a `Money`; the next column holds its currency as text (lib/backup/csv.ts makes the pair).
 *
 * `undefined` (or an empty string) is an empty cell: unknown, never zero.
 */
export type ColumnKind = 'text' | 'count' | 'ratio' | 'rate' | 'time' | 'money';

export interface ExportColumn {
  header: string;
  kind: ColumnKind;
}

export type Value = string | number | Money | undefined;

export interface ExportTable {
  /** The sheet's name in an xlsx (at most 31 characters). */
  sheet: string;
  columns: ExportColumn[];
  rows: Value[][];
}

/** Text a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, or a leading tab / carriage return) gets a `'`. */
export function guard(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The most text one spreadsheet cell holds (Excel's limit; SheetJS refuses to write more). */
export const CELL_TEXT_MAX = 32_767;

/** Text cut to what one cell holds, marked with an ellipsis where it was cut; the same cut in both files. */
export function fitCell(value: string | undefined): string | undefined {
  return value !== undefined && value.length > CELL_TEXT_MAX ? `${value.slice(0, CELL_TEXT_MAX - 2)}…` : value;
}

/** Minor units to exact decimal text in the currency's own number of decimals (`{minor: -5, USD}` → `-0.05`). */
export function moneyAmount(m: Money | undefined): string {
  if (!m) return '';
  const digits = minorDigits(m.currency);
  if (!Number.isSafeInteger(m.minor)) return String(m.minor / 10 ** digits);
  const abs = String(Math.abs(m.minor)).padStart(digits + 1, '0');
  const whole = abs.slice(0, abs.length - digits);
  const fraction = digits ? `.${abs.slice(abs.length - digits)}` : '';
  return `${m.minor < 0 ? '-' : ''}${whole}${fraction}`;
}

/** Basis points to percent text with two decimals (`6085` → `60.85%`); a fraction of a basis point is kept. */
export function percent(bps: number | undefined): string {
  if (bps === undefined) return '';
  if (!Number.isInteger(bps)) return `${Number((bps / 100).toFixed(6))}%`;
  const abs = Math.abs(bps);
  return `${bps < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}

export const isoTime = (ms: number | undefined): string => (ms === undefined ? '' : new Date(ms).toISOString());

/** One value as CSV text: money as exact decimals, rates as percent, times as ISO 8601 UTC. */
export function cellText(kind: ColumnKind, value: Value): string {
  if (value === undefined) return '';
  switch (kind) {
    case 'money':
      return moneyAmount(value as Money);
    case 'rate':
      return percent(value as number);
    case 'time':
      return isoTime(value as number);
    default:
      return String(value);
  }
}

/** The header and every row as text, as the CSV holds them. */
export function textRows(table: ExportTable): string[][] {
  const kinds = table.columns.map((c) => c.kind);
  return [table.columns.map((c) => c.header), ...table.rows.map((row) => kinds.map((kind, i) => cellText(kind, row[i])))];
}
