import type { ImportRecord } from '../domain/types';
import { detect, HEADER_SEARCH_ROWS, type ColumnMap, type Detected } from './columns';
import { CreatorIndex, type KnownCreator } from './creators';
import { importIdOfHashes, rowHashOf } from './identity';
import { STAGE_ROWS, type CreatorRow, type ImportRequest, type OrderRow, type StageChunk } from './message';
import { readFile, type ReadSheet } from './read';
import type { ShopLocale } from './region';
import { creatorAnalysisChecker, FormatEvidence, isDescriptionRow, ordersChecker, rateFormsByField, type FileFormat, type MatchStats } from './validate';
import { MAX_ROWS, type Cell, type FileProblem, type ImportIssue, type ImportKind } from './types';

/**
 * Everything an import does before anything is stored, on the options page: read the file, recognise it by its header,
 * validate every row, and derive the import's identity from what the rows say (the same data is the same import,
 * whatever file carried it). The file is read as a stream, twice: a first pass finds the header and how the file writes
 * numbers and dates (which the whole file decides); the second validates each row and hands the valid ones to the
 * background's stage in chunks (`stage`), so no pass holds more than a chunk of rows. The result is a problem with the
 * file, the earlier import of the same data, or the commit to send with the issues found; a staged import that will
 * not be committed (a problem, the same data again, a cancel, an error) is dropped.
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
  /** Stages one chunk of valid rows in the background; chunks come in order, each after the last one's promise. */
  stage(chunk: StageChunk): Promise<void>;
  /** Forgets a stage that will not be committed. */
  drop(stage: string): Promise<void>;
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
      /** The commit of every valid row, staged; `skippedRows` says how many rows had issues. */
      request: ImportRequest;
      issues: ImportIssue[];
      dataRows: number;
      unused: string[];
      /** The rate columns and how the file wrote them, by their titles in the file. */
      rates: { column: string; form: 'percent' | 'fraction' }[];
      matches?: MatchStats;
      orders?: number;
    };

/** What the first pass found in a sheet. */
interface Survey {
  detected?: Detected & { format: FileFormat; next?: Cell[] };
  closest?: ColumnMap;
  /** Rows in the sheet (the last row's index + 1), when it was recognised. */
  rows: number;
  blank: boolean;
  firstRow: Cell[];
}

/** First pass over a sheet: its header among the first rows; if it has one, the evidence of its format in every row after it. */
async function survey(sheet: ReadSheet, shop: ShopLocale, options: Pick<PrepareOptions, 'signal' | 'onProgress'>): Promise<Survey> {
  const head: Cell[][] = [];
  let found: Detected | undefined;
  let closest: ColumnMap | undefined;
  let evidence: FormatEvidence | undefined;
  let next: Cell[] | undefined;
  let rows = 0;
  let blank = true;
  let decided = false;
  const decide = () => {
    decided = true;
    const d = detect(head);
    found = d.detected;
    closest = d.closest;
    if (!found) return;
    evidence = new FormatEvidence(found.map);
    for (let r = found.headerRow + 1; r < head.length; r++) evidence.add(head[r] ?? []);
    next = head[found.headerRow + 1];
  };
  await sheet.scan(
    (cells, index) => {
      rows = index + 1;
      if (blank && cells.some((c) => String(c).trim() !== '')) blank = false;
      if (!decided) {
        head.push(cells);
        if (head.length === HEADER_SEARCH_ROWS) decide();
        return;
      }
      if (evidence && found) {
        if (index === found.headerRow + 1) next = cells;
        evidence.add(cells);
        return;
      }
      // Not recognised: all that is left to learn is whether the sheet has anything in it.
      if (!blank) return 'stop';
    },
    { signal: options.signal, onProgress: (fraction) => options.onProgress?.({ phase: 'reading', fraction }) },
  );
  if (!decided) decide();
  const firstRow = head[0] ?? [];
  if (!found || !evidence) return { closest, rows, blank, firstRow };
  return { detected: { ...found, format: evidence.format(shop, sheet.percentColumns), next }, rows, blank, firstRow };
}

export async function prepareImport(file: FileToImport, options: PrepareOptions): Promise<Prepared> {
  const { signal } = options;
  if (file.bytes.length === 0) return { status: 'problem', problem: { problem: 'empty' } };

  let sheet: ReadSheet | undefined;
  let found: NonNullable<Survey['detected']> | undefined;
  let rowsInSheet = 0;
  let closest: ColumnMap | undefined;
  const surveys: Survey[] = [];
  try {
    for (const s of readFile(file.bytes)) {
      const surveyed = await survey(s, options.shop, options);
      surveys.push(surveyed);
      if (surveyed.detected) {
        sheet = s;
        found = surveyed.detected;
        rowsInSheet = surveyed.rows;
        break;
      }
      closest ??= surveyed.closest;
    }
  } catch (error) {
    if (signal?.aborted) throw error;
    return { status: 'problem', problem: { problem: 'unreadable' } };
  }
  signal?.throwIfAborted();

  if (!sheet || !found) {
    if (surveys.every((s) => s.blank)) return { status: 'problem', problem: { problem: 'empty' } };
    if (closest) return { status: 'problem', problem: { problem: 'missingColumns', kind: closest.kind, columns: closest.missing } };
    const titles = (surveys[0]?.firstRow ?? []).map((c) => String(c).trim()).filter(Boolean).slice(0, 12);
    return { status: 'problem', problem: { problem: 'unrecognised', columns: titles } };
  }

  const { map, headerRow, format, next } = found;
  const firstData = headerRow + 1 + (next && isDescriptionRow(next, map, format) ? 1 : 0);
  const total = rowsInSheet - firstData;
  if (total > MAX_ROWS) return { status: 'problem', problem: { problem: 'tooManyRows', kind: map.kind, rows: total, max: MAX_ROWS } };

  const checker = map.kind === 'creator-analysis' ? creatorAnalysisChecker(map, format, new CreatorIndex(await options.knownCreators())) : ordersChecker(map, format);
  const { kind } = checker;
  const stage = crypto.randomUUID();
  const hashes: string[] = [];
  let chunk: (CreatorRow | OrderRow)[] = [];
  let seq = 0;
  const flush = async () => {
    if (!chunk.length) return;
    const rows = chunk;
    chunk = [];
    await options.stage({ kind, stage, seq: seq++, rows } as StageChunk);
  };
  let done = 0;
  const drop = () => (seq ? options.drop(stage).catch((error: unknown) => console.error('[collab-lens] dropping a staged import failed', error)) : undefined);
  let id: string;
  try {
    await sheet.scan(
      (cells, index) => {
        if (index < firstData) return;
        done = index - firstData + 1;
        const value = checker.rows.add(cells, index);
        if (value === undefined) return;
        hashes.push(rowHashOf(kind, value));
        chunk.push(value);
        if (chunk.length === STAGE_ROWS) return flush();
      },
      { signal, onProgress: () => options.onProgress?.({ phase: 'checking', fraction: total ? done / total : 1, done, total }) },
    );
    await flush();
    options.onProgress?.({ phase: 'checking', fraction: 1, done: total, total });
    signal?.throwIfAborted();
    id = await importIdOfHashes({ kind, shopKey: options.shop.shopKey, period: options.period }, hashes);
  } catch (error) {
    await drop();
    throw error;
  }
  const { rows: checked } = checker;
  if (checked.dataRows === 0) return { status: 'problem', problem: { problem: 'noRows', kind } };

  const earlier = await options.findImport(id);
  if (earlier) {
    await drop();
    return { status: 'already', record: earlier };
  }
  if (signal?.aborted) {
    await drop();
    signal.throwIfAborted();
  }

  const rateForms = rateFormsByField(map, format);
  const request: ImportRequest = {
    kind,
    id,
    fileName: file.name.slice(0, 255) || 'export',
    shopKey: options.shop.shopKey,
    period: options.period,
    skippedRows: checked.badRows,
    ...(rateForms && { rateForms }),
    stage,
    chunks: seq,
    rowCount: hashes.length,
  };
  return {
    status: 'checked',
    kind,
    request,
    issues: checked.issues,
    dataRows: checked.dataRows,
    unused: map.unused,
    rates: map.columns.flatMap((c) => {
      const form = format.rates.get(c.index);
      return form ? [{ column: c.title, form }] : [];
    }),
    matches: checker.kind === 'creator-analysis' ? checker.matches : undefined,
    orders: checker.kind === 'orders' ? checker.orders() : undefined,
  };
}
