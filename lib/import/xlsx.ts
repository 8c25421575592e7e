import * as XLSX from '@e965/xlsx';
import { Unzip, UnzipInflate, strFromU8, unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { breather, isPercentFormat, numberCell, visitAll, type ReadSheet } from './read';
import type { Cell } from './types';

/**
 * An xlsx read as a stream: the workbook's small parts (sheet list, shared strings, number formats) are unzipped whole;
 * a sheet's XML is inflated and parsed in slices on every scan, so only a slice of rows is ever in memory. Reading the
 * whole workbook with SheetJS held every cell as an object and the sheet's XML as one string: for a 50,000-row export,
 * hundreds of megabytes of the page's heap. Cells come out as SheetJS gave them (`read.ts`, `cellOf`).
 */

/** Compressed bytes handed to the inflater at a time: a few thousand rows of XML. */
const SLICE = 64 * 1024;

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Parses a whole small XML part, calling `open` and `close` with local tag names and `text` with decoded text. */
function parseXml(
  text: string,
  on: { open?(name: string, attributes: Record<string, string>): void; text?(t: string): void; close?(name: string): void },
): void {
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) => on.open?.(local(tag.name), (tag as SaxesTagPlain).attributes));
  if (on.text) {
    const t = on.text;
    parser.on('text', t);
    parser.on('cdata', t);
  }
  parser.on('closetag', (tag) => on.close?.(local(tag.name)));
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(text).close();
}

/** OOXML escapes control characters in text as `_xHHHH_`. */
const unescapeText = (s: string) => (s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s);

/** A part's path inside the zip, from a relationship target relative to the part that names it. */
function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
}

function relationships(files: Record<string, Uint8Array>, path: string): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  const bytes = files[path];
  if (!bytes) return out;
  parseXml(strFromU8(bytes), {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target) out.set(a.Id, { type: a.Type ?? '', target: a.Target });
    },
  });
  return out;
}

const relsOf = (path: string) => {
  const i = path.lastIndexOf('/');
  return `${path.slice(0, i + 1)}_rels/${path.slice(i + 1)}.rels`;
};

function sharedStrings(bytes: Uint8Array | undefined): string[] {
  const out: string[] = [];
  if (!bytes) return out;
  let text = '';
  let inT = false;
  // Phonetic runs (`rPh`) are reading aids, not part of the text.
  let inPhonetic = false;
  parseXml(strFromU8(bytes), {
    open(name) {
      if (name === 'si') text = '';
      else if (name === 'rPh') inPhonetic = true;
      else if (name === 't' && !inPhonetic) inT = true;
    },
    text(t) {
      if (inT) text += t;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') out.push(unescapeText(text));
    },
  });
  return out;
}

/** The number format of each cell style (`s` attribute), by its index. */
function cellFormats(bytes: Uint8Array | undefined): string[] {
  const builtin = XLSX.SSF.get_table() as Record<number, string>;
  if (!bytes) return [];
  const custom = new Map<number, string>();
  const formats: string[] = [];
  let inCellXfs = false;
  parseXml(strFromU8(bytes), {
    open(name, a) {
      if (name === 'numFmt' && a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        formats.push(custom.get(id) ?? builtin[id] ?? '');
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return formats;
}

/** `AB12` to its 0-based column, 27. */
function columnOf(ref: string): number {
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    c = c * 26 + code - 64;
  }
  return c - 1;
}

interface Book {
  strings: string[];
  formats: string[];
}

/** Inflates a sheet's XML slice by slice and hands its rows to `visit` between slices. */
async function scanSheet(bytes: Uint8Array, path: string, book: Book, percentColumns: Set<number>, visit: Parameters<ReadSheet['scan']>[0], options: Parameters<ReadSheet['scan']>[1] = {}) {
  const breathe = breather(options);
  let ready: [Cell[], number][] = [];
  let cells: Cell[] = [];
  let rowIndex = 0;
  let nextRow = 0;
  let column = 0;
  let type = '';
  let style = 0;
  let text = '';
  let hasValue = false;
  let inValue = false;
  let inInline = false;
  let inPhonetic = false;

  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) => {
    const a = (tag as SaxesTagPlain).attributes;
    switch (local(tag.name)) {
      case 'row':
        rowIndex = a.r ? Number(a.r) - 1 : nextRow;
        cells = [];
        column = 0;
        break;
      case 'c':
        if (a.r) column = columnOf(a.r);
        type = a.t ?? 'n';
        style = a.s ? Number(a.s) : 0;
        text = '';
        hasValue = false;
        break;
      case 'v':
        inValue = true;
        text = '';
        break;
      case 'is':
        inInline = true;
        text = '';
        break;
      case 'rPh':
        inPhonetic = true;
        break;
    }
  });
  const onText = (t: string) => {
    if (inValue || (inInline && !inPhonetic)) text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    switch (local(tag.name)) {
      case 'v':
        inValue = false;
        hasValue = true;
        break;
      case 'is':
        inInline = false;
        hasValue = true;
        break;
      case 'rPh':
        inPhonetic = false;
        break;
      case 'c':
        if (hasValue) cells[column] = cellValue(book, type, style, text, column, percentColumns);
        column++;
        break;
      case 'row': {
        // A gap between rows is empty rows, as SheetJS's dense sheet has them.
        for (; nextRow < rowIndex; nextRow++) ready.push([[], nextRow]);
        for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = '';
        ready.push([cells, rowIndex]);
        nextRow = rowIndex + 1;
        break;
      }
    }
  });
  parser.on('error', (e) => {
    throw e;
  });

  const decoder = new TextDecoder('utf-8');
  let found = false;
  let failure: unknown;
  const unzip = new Unzip((file) => {
    if (file.name !== path) return;
    found = true;
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      try {
        if (error) throw error;
        parser.write(decoder.decode(chunk, { stream: !final }));
        if (final) parser.close();
      } catch (e) {
        failure = e;
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  for (let at = 0; at < bytes.length; at += SLICE) {
    unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
    if (failure) throw failure;
    const batch = ready;
    ready = [];
    if (!(await visitAll(batch, visit))) return;
    await breathe(at / bytes.length);
  }
  if (!found) throw new Error(`no ${path} in the workbook`);
  options.onProgress?.(1);
}

function cellValue(book: Book, type: string, style: number, text: string, column: number, percentColumns: Set<number>): Cell {
  switch (type) {
    case 's':
      return book.strings[Number(text)] ?? '';
    case 'str':
    case 'inlineStr':
      return unescapeText(text);
    case 'b':
      return text === '1' || text === 'true' ? 'TRUE' : 'FALSE';
    case 'n': {
      const format = book.formats[style] ?? '';
      if (isPercentFormat(format)) percentColumns.add(column);
      return numberCell(Number(text), format);
    }
    default:
      // Errors (`#N/A`) and ISO dates: their text as written.
      return text;
  }
}

/** The sheets of an xlsx, in the workbook's order. Throws when the zip is no workbook. */
export function readXlsx(bytes: Uint8Array): ReadSheet[] {
  const small = (names: readonly string[]) => unzipSync(bytes, { filter: (f) => names.includes(f.name) });
  const root = relationships(small(['_rels/.rels']), '_rels/.rels');
  const office = [...root.values()].find((r) => r.type.endsWith('/officeDocument'));
  const workbookPath = office ? resolve('', office.target) : 'xl/workbook.xml';
  const workbookRels = relsOf(workbookPath);
  const top = small([workbookPath, workbookRels]);
  const workbook = top[workbookPath];
  if (!workbook) throw new Error('no workbook in the zip');
  const rels = relationships(top, workbookRels);
  const sheets: { name: string; path: string }[] = [];
  parseXml(strFromU8(workbook), {
    open(name, a) {
      const rel = name === 'sheet' ? rels.get(a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? '') : undefined;
      if (rel) sheets.push({ name: a.name ?? '', path: resolve(workbookPath, rel.target) });
    },
  });
  const partOf = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix));
  const stringsRel = partOf('/sharedStrings');
  const stylesRel = partOf('/styles');
  const stringsPath = stringsRel && resolve(workbookPath, stringsRel.target);
  const stylesPath = stylesRel && resolve(workbookPath, stylesRel.target);
  const parts = small([stringsPath, stylesPath].filter((p): p is string => p !== undefined));
  const book: Book = { strings: sharedStrings(stringsPath ? parts[stringsPath] : undefined), formats: cellFormats(stylesPath ? parts[stylesPath] : undefined) };
  return sheets.map(({ name, path }) => {
    const percentColumns = new Set<number>();
    return { name, percentColumns, scan: (visit, options) => scanSheet(bytes, path, book, percentColumns, visit, options) };
  });
}
