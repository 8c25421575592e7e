import type { Money } from '../domain/money';
import { fitCell, guard, type ExportColumn, type ExportTable, type Value } from './table';

/**
 * Typed columns over records, for building the export tables (lib/backup/csv.ts, lib/export/creators.ts): each column
 * says its kind and reads its value from a record. Free text is guarded against spreadsheet formulas and cut to one
 * cell; a number that is not finite (a ratio over nothing) is an empty cell, unknown.
 */

export type Column<T> = ExportColumn & { cell: (row: T) => Value };

const finite = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? n : undefined);

export const text = <T>(header: string, get: (row: T) => string | undefined): Column<T> => ({ header, kind: 'text', cell: (r) => guard(fitCell(get(r))) });

const numeric =
  (kind: 'count' | 'rate' | 'time') =>
  <T>(header: string, get: (row: T) => number | undefined): Column<T> => ({ header, kind, cell: (r) => finite(get(r)) });
export const count = numeric('count');
/** A rate in basis points. */
export const rate = numeric('rate');
/** A time in epoch ms UTC. */
export const time = numeric('time');

/** A ratio to four decimals, the same in both files. */
export const ratio = <T>(header: string, get: (row: T) => number | undefined): Column<T> => ({
  header,
  kind: 'ratio',
  cell: (r) => {
    const v = finite(get(r));
    return v === undefined ? undefined : Math.round(v * 10_000) / 10_000;
  },
});

export const yesNo = <T>(header: string, get: (row: T) => boolean): Column<T> => text(header, (r) => (get(r) ? 'yes' : 'no'));

/** Two columns for one amount: the amount and its currency. */
export const money = <T>(header: string, get: (row: T) => Money | undefined): Column<T>[] => [
  { header, kind: 'money', cell: get },
  text(`${header} currency`, (r) => get(r)?.currency),
];

export function tableOf<T>(sheet: string, columns: Column<T>[], rows: readonly T[]): ExportTable {
  return {
    sheet,
    columns: columns.map(({ header, kind }) => ({ header, kind })),
    rows: rows.map((r) => columns.map((c) => c.cell(r))),
  };
}
