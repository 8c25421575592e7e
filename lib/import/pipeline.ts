import type { ImportRecord } from '../domain/types';
import { detect, type ColumnMap } from './columns';
import { CreatorIndex, type KnownCreator } from './creators';
import { importIdOf } from './identity';
import type { ImportRequest } from './message';
import { readFile, type ReadSheet } from './read';
import type { ShopLocale } from './region';
import { checkCreatorAnalysis, checkOrders, fileFormat, isDescriptionRow, rateFormsByField, type Checked, type MatchStats } from './validate';
import { MAX_ROWS, type FileProblem, type ImportIssue, type ImportKind } from './types';

/**
 * Everything an import does before anything is stored, on the options page: read the file, recognise it by its header,
 * validate every row, and derive the import's identity from what the rows say (the same data is the same import,
 * whatever file carried it). The result is either a problem with the file, the earlier import of the same data, or the
 * request to send to the background with the issues found.
 */

export type Phase = 'reading' | 'checking';

export interface PipelineProgress {
  phase: Phase;
  /** 0–1 within the phase. */
  fraction: number;
  /** Rows checked so far and in all (checking only). */
  done?: number;
  total?: number;
}

export interface PrepareOptions {
  shop: ShopLocale;
  period: { start: number; end: number };
  /** The earlier import with this identity (`importIdOf`), if any. */
  findImport(id: string): Promise<ImportRecord | undefined>;
  knownCreators(): Promise<KnownCreator[]>;
  signal?: AbortSignal;
  onProgress?(p: PipelineProgress): void;
}

export interface FileToImport {
  name: string;
  bytes: Uint8Array;
}

export type Prepared =
  | { status: 'already'; record: ImportRecord }
  | { status: 'problem'; problem: FileProblem }
  | {
      status: 'checked';
      kind: ImportKind;
      /** Every valid row, ready to send; `skippedRows` says how many rows had issues. */
      request: ImportRequest;
      issues: ImportIssue[];
      dataRows: number;
      unused: string[];
      /** The rate columns and how the file wrote them, by their titles in the file. */
      rates: { column: string; form: 'percent' | 'fraction' }[];
      matches?: MatchStats;
      orders?: number;
    };

export async function prepareImport(file: FileToImport, options: PrepareOptions): Promise<Prepared> {
  const { signal } = options;
  if (file.bytes.length === 0) return { status: 'problem', problem: { problem: 'empty' } };

  let sheets;
  try {
    sheets = await readFile(file.bytes, { signal, onProgress: (p) => options.onProgress?.({ phase: 'reading', fraction: p.fraction }) });
  } catch (error) {
    if (signal?.aborted) throw error;
    return { status: 'problem', problem: { problem: 'unreadable' } };
  }
  signal?.throwIfAborted();

  let found: { rows: ReadSheet['rows']; percentColumns?: ReadSheet['percentColumns']; map: ColumnMap; headerRow: number } | undefined;
  let closest: ColumnMap | undefined;
  for (const sheet of sheets) {
    const d = detect(sheet.rows);
    if (d.detected) {
      found = { rows: sheet.rows, percentColumns: sheet.percentColumns, ...d.detected };
      break;
    }
    closest ??= d.closest;
  }
  if (!found) {
    if (sheets.every((s) => s.rows.every((r) => r.every((c) => String(c).trim() === '')))) return { status: 'problem', problem: { problem: 'empty' } };
    if (closest) return { status: 'problem', problem: { problem: 'missingColumns', kind: closest.kind, columns: closest.missing } };
    const titles = (sheets[0]?.rows[0] ?? []).map((c) => String(c).trim()).filter(Boolean).slice(0, 12);
    return { status: 'problem', problem: { problem: 'unrecognised', columns: titles } };
  }

  const { rows, map, headerRow } = found;
  const format = fileFormat(rows.slice(headerRow + 1), map, options.shop, found.percentColumns);
  const next = rows[headerRow + 1];
  const firstData = headerRow + 1 + (next && isDescriptionRow(next, map, format) ? 1 : 0);
  const candidates = rows.length - firstData;
  if (candidates > MAX_ROWS) return { status: 'problem', problem: { problem: 'tooManyRows', kind: map.kind, rows: candidates, max: MAX_ROWS } };

  const check = {
    signal,
    onProgress: (p: { done: number; total: number }) =>
      options.onProgress?.({ phase: 'checking', fraction: p.total ? p.done / p.total : 1, done: p.done, total: p.total }),
  };
  const checked: Checked =
    map.kind === 'creator-analysis'
      ? await checkCreatorAnalysis(rows, firstData, map, format, new CreatorIndex(await options.knownCreators()), check)
      : await checkOrders(rows, firstData, map, format, check);
  signal?.throwIfAborted();
  if (checked.dataRows === 0) return { status: 'problem', problem: { problem: 'noRows', kind: map.kind } };

  const { shopKey } = options.shop;
  const { period } = options;
  const content = checked.kind === 'creator-analysis' ? { kind: checked.kind, shopKey, period, rows: checked.rows } : { kind: checked.kind, shopKey, period, rows: checked.rows };
  const id = await importIdOf(content);
  const earlier = await options.findImport(id);
  if (earlier) return { status: 'already', record: earlier };
  signal?.throwIfAborted();

  const rateForms = rateFormsByField(map, format);
  const meta = { id, fileName: file.name.slice(0, 255) || 'export', skippedRows: checked.badRows, ...(rateForms && { rateForms }) };
  const request: ImportRequest = content.kind === 'creator-analysis' ? { ...content, ...meta } : { ...content, ...meta };
  return {
    status: 'checked',
    kind: checked.kind,
    request,
    issues: checked.issues,
    dataRows: checked.dataRows,
    unused: map.unused,
    rates: map.columns.flatMap((c) => {
      const form = format.rates.get(c.index);
      return form ? [{ column: c.title, form }] : [];
    }),
    matches: checked.kind === 'creator-analysis' ? checked.matches : undefined,
    orders: checked.kind === 'orders' ? checked.orders : undefined,
  };
}
