import Papa from 'papaparse';
import * as XLSX from '@e965/xlsx';
import { readXlsx } from './xlsx';
import type { Cell } from './types';

/**
 * Files to sheets whose rows can be scanned, in order, as often as needed, without holding them all. The kind of file is
 * read from its bytes, not its name: a zip (xlsx) is streamed from its sheet XML (`xlsx.ts`); an OLE compound document
 * (xls) goes to SheetJS; anything else is text (UTF-8, or UTF-16 with its byte-order mark) for papaparse, in chunks. The
 * scans give the page a chance to paint progress and take a cancel. This module pulls in the parsers: import it only
 * dynamically, from the options page.
 */

export interface ScanOptions {
  signal?: AbortSignal;
  /** Fraction of the sheet scanned, 0–1. */
  onProgress?(fraction: number): void;
}

/** What a row visitor returns: `'stop'` ends the scan early; a promise is awaited before the next row. */
export type Visit = (cells: Cell[], index: number) => void | 'stop' | Promise<void>;

export interface ReadSheet {
  name: string;
  /** Columns (0-based) with a percent-formatted number cell: their numbers are percents, not fractions. Complete after one full scan. */
  readonly percentColumns: ReadonlySet<number>;
  /** Visits every row from the first, with its 0-based index in the sheet (a gap in an xlsx is an empty row). */
  scan(visit: Visit, options?: ScanOptions): Promise<void>;
}

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Text of a CSV export: UTF-16 when it says so with a byte-order mark, UTF-8 otherwise (a UTF-8 BOM is dropped). */
function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

const tick = () => new Promise((r) => setTimeout(r, 0));

/** Calls `visit` for a batch of rows, awaiting what it returns; false when it asked to stop. */
export async function visitAll(rows: readonly (readonly [Cell[], number])[], visit: Visit): Promise<boolean> {
  for (const [cells, index] of rows) {
    const r = visit(cells, index);
    if (r === 'stop') return false;
    if (r) await r;
  }
  return true;
}

/** A pause about every frame's worth of work, so the page paints progress and a click on Cancel lands. */
export function breather(options: ScanOptions) {
  let last = performance.now();
  return async (fraction: number) => {
    if (performance.now() - last < 25) return;
    options.onProgress?.(fraction);
    await tick();
    options.signal?.throwIfAborted();
    last = performance.now();
  };
}

/** CSV text as one sheet, parsed in chunks on every scan; nothing but the text is kept between scans. */
function csvSheet(text: string): ReadSheet {
  return {
    name: '',
    percentColumns: new Set(),
    scan: (visit, options = {}) =>
      new Promise((resolve, reject) => {
        let settled = false;
        const finish = (error?: unknown) => {
          if (settled) return;
          settled = true;
          if (error === undefined) resolve();
          else reject(error);
        };
        let index = 0;
        // Each row waits for the next: a final newline leaves one empty field behind, and it is not a row.
        let held: Cell[] | undefined;
        Papa.parse<string[]>(text, {
          chunkSize: 256 * 1024,
          skipEmptyLines: false,
          chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
            parser.pause();
            const batch: [Cell[], number][] = [];
            for (const row of results.data) {
              if (held) batch.push([held, index++]);
              held = row;
            }
            visitAll(batch, visit).then(async (go) => {
              options.onProgress?.(text.length ? Math.min(1, results.meta.cursor / text.length) : 1);
              await tick();
              if (options.signal?.aborted) {
                parser.abort();
                finish(options.signal.reason);
              } else if (!go) {
                parser.abort();
                finish();
              } else parser.resume();
            }, (error: unknown) => {
              parser.abort();
              finish(error);
            });
          },
          complete() {
            if (settled || options.signal?.aborted) return;
            const last = held && !(held.length === 1 && held[0] === '') ? [[held, index] as [Cell[], number]] : [];
            visitAll(last, visit).then(() => finish(), finish);
          },
        });
      }),
  };
}

/** A spreadsheet date serial to the wall-clock text an export shows (`2025-01-31 13:45:12`), zone-free. */
export function dateText(serial: number): string {
  const d = XLSX.SSF.parse_date_code(serial) as { y: number; m: number; d: number; H: number; M: number; S: number };
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.y}-${p(d.m)}-${p(d.d)} ${p(d.H)}:${p(d.M)}:${p(d.S)}`;
}

/** A number under a number format as the validator takes it: a date as wall-clock text, a percent as its percent. */
export function numberCell(v: number, format: string): Cell {
  if (format && XLSX.SSF.is_date(format)) return dateText(v);
  if (format.includes('%')) return v * 100;
  return v;
}

export const isPercentFormat = (format: string) => format.includes('%') && !XLSX.SSF.is_date(format);

/** One xls cell as the validator takes it: text, a number, a date as wall-clock text, a percent as its percent. */
function cellOf(c: XLSX.CellObject | undefined): Cell {
  if (!c) return '';
  switch (c.t) {
    case 's':
      return String(c.v ?? '');
    case 'n':
      return numberCell(Number(c.v), typeof c.z === 'string' ? c.z : '');
    case 'b':
      return c.v ? 'TRUE' : 'FALSE';
    default:
      return c.w ?? '';
  }
}

/** An xls workbook (the old binary format): SheetJS reads it whole, and its sheets are scanned from its cells. */
function readXls(bytes: Uint8Array): ReadSheet[] {
  const workbook = XLSX.read(bytes, { type: 'array', dense: true, cellNF: true, cellDates: false, cellHTML: false });
  return workbook.SheetNames.map((name) => {
    const data = (workbook.Sheets[name]?.['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
    const percentColumns = new Set<number>();
    return {
      name,
      percentColumns,
      async scan(visit, options = {}) {
        const breathe = breather(options);
        for (let r = 0; r < data.length; r++) {
          const row = data[r] ?? [];
          const cells: Cell[] = [];
          for (let c = 0; c < row.length; c++) {
            const cell = row[c];
            cells.push(cellOf(cell));
            if (cell?.t === 'n' && typeof cell.z === 'string' && isPercentFormat(cell.z)) percentColumns.add(c);
          }
          if (!(await visitAll([[cells, r]], visit))) return;
          await breathe(r / data.length);
        }
        options.onProgress?.(1);
      },
    };
  });
}

/** Any export to its sheets: a CSV is one sheet. Throws when the file cannot be read as what its bytes say it is. */
export function readFile(bytes: Uint8Array): ReadSheet[] {
  if (startsWith(bytes, ZIP)) return readXlsx(bytes);
  if (startsWith(bytes, OLE)) return readXls(bytes);
  return [csvSheet(decodeText(bytes))];
}
