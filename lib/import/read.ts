import Papa from 'papaparse';
import * as XLSX from '@e965/xlsx';
import type { Cell } from './types';

/**
 * Files to rows of cells. The kind of file is read from its bytes, not its name: a zip (xlsx) or an OLE compound
 * document (xls) goes to SheetJS; anything else is text (UTF-8, or UTF-16 with its byte-order mark) for papaparse,
 * streamed in chunks so the page can show progress and take a cancel. This module pulls in both libraries: import it
 * only dynamically, from the options page.
 */

interface ReadProgress {
  /** Fraction of the file read, 0–1. */
  fraction: number;
}

interface ReadOptions {
  signal?: AbortSignal;
  onProgress?(p: ReadProgress): void;
}

export interface ReadSheet {
  name: string;
  rows: Cell[][];
  /** Columns (0-based) with a percent-formatted number cell: their numbers are percents (`cellOf`), not fractions. */
  percentColumns?: ReadonlySet<number>;
}

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function isSpreadsheet(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP) || startsWith(bytes, OLE);
}

/** Text of a CSV export: UTF-16 when it says so with a byte-order mark, UTF-8 otherwise (a UTF-8 BOM is dropped). */
function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

const tick = () => new Promise((r) => setTimeout(r, 0));

/** CSV text to rows, in chunks: between chunks the parser pauses so the page can paint progress and a cancel can land. */
function readCsv(text: string, options: ReadOptions = {}): Promise<Cell[][]> {
  return new Promise((resolve, reject) => {
    const rows: Cell[][] = [];
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      reject(e);
    };
    Papa.parse<string[]>(text, {
      chunkSize: 256 * 1024,
      skipEmptyLines: false,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        for (const row of results.data) rows.push(row);
        parser.pause();
        options.onProgress?.({ fraction: text.length ? Math.min(1, results.meta.cursor / text.length) : 1 });
        tick().then(() => {
          if (options.signal?.aborted) {
            parser.abort();
            fail(options.signal.reason);
          } else parser.resume();
        }, fail);
      },
      complete() {
        if (settled || options.signal?.aborted) return;
        settled = true;
        // A final newline leaves one empty field behind: it is not a row.
        const last = rows[rows.length - 1];
        if (last && last.length === 1 && last[0] === '') rows.pop();
        resolve(rows);
      },
    });
  });
}

/** A spreadsheet date serial to the wall-clock text an export shows (`2025-01-31 13:45:12`), zone-free. */
function dateText(serial: number): string {
  const d = XLSX.SSF.parse_date_code(serial) as { y: number; m: number; d: number; H: number; M: number; S: number };
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.y}-${p(d.m)}-${p(d.d)} ${p(d.H)}:${p(d.M)}:${p(d.S)}`;
}

const isPercentCell = (c: XLSX.CellObject | undefined) => c?.t === 'n' && typeof c.z === 'string' && c.z.includes('%') && !XLSX.SSF.is_date(c.z);

/** One xlsx cell as the validator takes it: text, a number, a date as wall-clock text, a percent as its percent. */
function cellOf(c: XLSX.CellObject | undefined): Cell {
  if (!c) return '';
  switch (c.t) {
    case 's':
      return String(c.v ?? '');
    case 'n': {
      const v = Number(c.v);
      const format = typeof c.z === 'string' ? c.z : '';
      if (format && XLSX.SSF.is_date(format)) return dateText(v);
      if (format.includes('%')) return v * 100;
      return v;
    }
    case 'b':
      return c.v ? 'TRUE' : 'FALSE';
    default:
      return c.w ?? '';
  }
}

/** An xlsx or xls workbook to its sheets' rows. SheetJS reads the whole file at once; converting rows reports progress. */
async function readWorkbook(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadSheet[]> {
  options.onProgress?.({ fraction: 0 });
  await tick();
  const workbook = XLSX.read(bytes, { type: 'array', dense: true, cellNF: true, cellDates: false, cellHTML: false });
  options.signal?.throwIfAborted();
  const sheets: ReadSheet[] = [];
  for (const name of workbook.SheetNames) {
    const sheet = workbook.Sheets[name];
    const data = (sheet?.['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
    const rows: Cell[][] = [];
    const percentColumns = new Set<number>();
    let last = performance.now();
    for (let r = 0; r < data.length; r++) {
      const row = data[r] ?? [];
      const cells: Cell[] = [];
      for (let c = 0; c < row.length; c++) {
        cells.push(cellOf(row[c]));
        if (isPercentCell(row[c])) percentColumns.add(c);
      }
      rows.push(cells);
      if (performance.now() - last > 25) {
        options.onProgress?.({ fraction: (sheets.length + r / data.length) / workbook.SheetNames.length });
        await tick();
        options.signal?.throwIfAborted();
        last = performance.now();
      }
    }
    sheets.push({ name, rows, percentColumns });
  }
  options.onProgress?.({ fraction: 1 });
  return sheets;
}

/** Any export to its sheets: a CSV is one sheet. */
export async function readFile(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadSheet[]> {
  if (isSpreadsheet(bytes)) return readWorkbook(bytes, options);
  return [{ name: '', rows: await readCsv(decodeText(bytes), options) }];
}
