import { z } from 'zod';
import { dayFirstEvidence, parseDateTime, type DateFormat } from './dates';
import { RATE_TYPES, titleUnit, type ColumnMap, type MappedColumn, type ValueType } from './columns';
import { isHandle, type CreatorIndex, type CreatorMatch } from './creators';
import { collaborationKindOf, contentTypeOf, settlementOf, yesNoOf } from './labels';
import type { CreatorRow, OrderRow } from './message';
import { currencyOfSymbol, inferDecimal, isBlank, isPercentText, parseAmount, parseCount, parsePercentBps, type NumberFormat, type RateForm } from './numbers';
import type { ShopLocale } from './region';
import type { Cell, ImportIssue, Problem } from './types';

/**
 * Row validation: every cell of every data row is parsed by a zod schema built for the file (its decimal mark, date
 * order, the shop's currency and time zone), and each failure becomes an issue naming the spreadsheet row and the
 * column title. Nothing here writes anything.
 */

const cell = z.union([z.string(), z.number()]).optional();

/** A cell that does not hold what its column needs. */
class Bad {
  constructor(readonly problem: Problem) {}
}
const fail = (problem: Problem) => new Bad(problem);

/** Parses one cell to its value, or says what is wrong with it. */
type CellParser = (c: Cell) => unknown;

/** A zod field that parses one cell with `parse`; a blank cell is `undefined` (or a `required` issue). */
function field(parse: CellParser, required = false) {
  return cell.transform((c, ctx): unknown => {
    if (c === undefined) {
      if (required) ctx.addIssue({ code: 'custom', message: 'required' });
      return undefined;
    }
    const r = parse(c);
    if (r instanceof Bad) {
      ctx.addIssue({ code: 'custom', message: r.problem });
      return z.NEVER;
    }
    return r;
  });
}
const textOf = (c: Cell) => (typeof c === 'number' ? String(c) : c.trim());

/** A 64-bit id: digits, possibly written `'123…` or `="123…"` to keep a spreadsheet from rounding it. */
function idOf(c: Cell): string | Bad {
  if (typeof c === 'number') return Number.isSafeInteger(c) && c >= 0 ? String(c) : fail('id');
  const s = c.trim().replace(/^'/, '').replace(/^="(.*)"$/, '$1').replace(/^\t/, '').trim();
  return /^\d{1,24}$/.test(s) ? s : fail('id');
}

function handleOf(c: Cell): string | Bad {
  const s = textOf(c).replace(/^@/, '').toLowerCase();
  return /^[a-z0-9._]{1,64}$/.test(s) ? s : fail('handle');
}

export interface FileFormat {
  shop: ShopLocale;
  numbers: NumberFormat;
  dates: DateFormat;
  /** How each rate column writes a value without `%`, by column index. */
  rates: ReadonlyMap<number, RateForm>;
}

/** The largest rate kept, in basis points: a click rate can pass 100% (200% is real), never by this much. */
const MAX_RATIO_BPS = 1e8;

/**
 * A parser per value type, for one column of one file. `rowCurrency` is the currency the row's `Currency` column names:
 * a bare amount is in it (else in the column title's, else the shop's).
 */
function parserOf(type: ValueType, column: MappedColumn, f: FileFormat, rowCurrency?: string): CellParser {
  const numbers: NumberFormat = { decimal: f.numbers.decimal, currency: rowCurrency ?? column.currency ?? f.shop.currency };
  switch (type) {
    case 'amount':
      return (c: Cell) => {
        const r = parseAmount(c, numbers);
        return r.ok ? r.value : fail(r.problem);
      };
    case 'percent':
    case 'ratio': {
      const form = f.rates.get(column.index) ?? bareForm(type);
      const max = type === 'percent' ? 10_000 : MAX_RATIO_BPS;
      return (c: Cell) => {
        const bps = parsePercentBps(c, numbers, form);
        if (bps === undefined) return fail('percent');
        return bps >= 0 && bps <= max ? bps : fail('range');
      };
    }
    case 'count':
      return (c: Cell) => {
        const n = parseCount(c, numbers);
        if (n === undefined) return fail('count');
        return n >= 0 ? n : fail('range');
      };
    case 'datetime':
      return (c: Cell) => parseDateTime(c, f.dates) ?? fail('date');
    case 'id':
      return idOf;
    case 'handle':
      return handleOf;
    case 'name':
      return (c: Cell) => {
        const s = textOf(c);
        return s.length <= 200 ? s : fail('text');
      };
    case 'text':
      return (c: Cell) => {
        const s = textOf(c);
        return s.length <= 500 ? s : fail('text');
      };
    case 'currency':
      return (c: Cell) => currencyOfSymbol(textOf(c)) ?? fail('currency');
    case 'settlement':
      return (c: Cell) => {
        const s = settlementOf(textOf(c));
        return s ? { settlement: s, settlementRaw: textOf(c) } : fail('settlement');
      };
    case 'contentType':
      return (c: Cell) => contentTypeOf(textOf(c));
    case 'collaboration':
      return (c: Cell) => collaborationKindOf(textOf(c)) ?? fail('collaboration');
    case 'yesNo':
      return (c: Cell) => yesNoOf(textOf(c)) ?? fail('yesNo');
  }
}

/** The zod schema of one data row of this file (in a row currency): an object of the mapped fields, each parsing its cell. */
function rowSchema(map: ColumnMap, f: FileFormat, required: readonly string[], rowCurrency?: string) {
  const shape: Record<string, ReturnType<typeof field>> = {};
  for (const column of map.columns) shape[column.field] = field(parserOf(column.type, column, f, rowCurrency), required.includes(column.field));
  return z.object(shape);
}

type RowSchema = ReturnType<typeof rowSchema>;

/** The row schema for each currency a row's `Currency` column names, built once per currency. */
function schemas(map: ColumnMap, f: FileFormat, required: readonly string[]): (rowCurrency?: string) => RowSchema {
  const built = new Map<string | undefined, RowSchema>();
  return (rowCurrency) => {
    let schema = built.get(rowCurrency);
    if (!schema) built.set(rowCurrency, (schema = rowSchema(map, f, required, rowCurrency)));
    return schema;
  };
}

/** What a rate column without a `%` anywhere means: commission rates are written in percent, click rates as fractions. */
const bareForm = (type: ValueType): RateForm => (type === 'ratio' ? 'fraction' : 'percent');

/**
 * How each rate column writes its values: in percent when its title says `(%)`, a cell says `%`, or the xlsx formats
 * a cell as a percent; otherwise in its type's bare form (`bareForm`).
 */
function rateForms(rows: readonly (readonly Cell[])[], map: ColumnMap, percentColumns: ReadonlySet<number>): Map<number, RateForm> {
  const out = new Map<number, RateForm>();
  for (const c of map.columns) {
    if (!RATE_TYPES.includes(c.type)) continue;
    const percent = titleUnit(c.title).percent === true || percentColumns.has(c.index) || rows.some((row) => isPercentText(row[c.index]));
    out.set(c.index, percent ? 'percent' : bareForm(c.type));
  }
  return out;
}

/** The form of each rate column, by field, for the import record. */
export function rateFormsByField(map: ColumnMap, f: FileFormat): Record<string, RateForm> | undefined {
  const entries = map.columns.filter((c) => f.rates.has(c.index)).map((c) => [c.field, f.rates.get(c.index) as RateForm] as const);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/** The text cells of the columns of these types, for inferring how the file writes numbers and dates. */
function* textsOf(rows: readonly (readonly Cell[])[], map: ColumnMap, types: readonly ValueType[]) {
  const indices = map.columns.filter((c) => types.includes(c.type)).map((c) => c.index);
  for (const row of rows) {
    for (const i of indices) {
      const v = row[i];
      if (typeof v === 'string' && !isBlank(v)) yield v;
    }
  }
}

/**
 * How this file writes numbers, rates and dates, from its own cells (the shop's conventions where they do not say).
 * `percentColumns`: the columns the xlsx reader found percent-formatted numbers in.
 */
export function fileFormat(
  rows: readonly (readonly Cell[])[],
  map: ColumnMap,
  shop: ShopLocale,
  percentColumns: ReadonlySet<number> = new Set(),
): FileFormat {
  return {
    shop,
    numbers: { decimal: inferDecimal(textsOf(rows, map, ['amount', ...RATE_TYPES])), currency: shop.currency },
    dates: { zone: shop.zone, dayFirst: dayFirstEvidence(textsOf(rows, map, ['datetime'])) ?? !shop.monthFirst },
    rates: rateForms(rows, map, percentColumns),
  };
}

const VALUE_TYPES: readonly ValueType[] = ['amount', 'count', 'datetime', ...RATE_TYPES];

/**
 * Whether a row is the export's description row (creator analysis: the row under the titles explains each field):
 * some value column has text in it and none of them holds a value.
 */
export function isDescriptionRow(row: readonly Cell[], map: ColumnMap, f: FileFormat): boolean {
  const columns = map.columns.filter((c) => VALUE_TYPES.includes(c.type) && !isBlank(row[c.index]));
  if (!columns.length) return false;
  return columns.every((c) => {
    const v = row[c.index];
    if (typeof v !== 'string' || !/\p{L}{3}/u.test(v)) return false;
    return parserOf(c.type, c, f)(v) instanceof Bad;
  });
}

interface Progress {
  done: number;
  total: number;
}

interface CheckOptions {
  signal?: AbortSignal;
  onProgress?(p: Progress): void;
}

export interface MatchStats {
  byHandle: number;
  byAlias: number;
  byNickname: number;
  /** Usernames no known creator has: they become known creators. */
  added: number;
  /** Names that are no username and match no known creator (kept as written). */
  unmatched: number;
  /** Names that are the nickname of more than one known creator (kept as written). */
  ambiguous: number;
}

export type Checked =
  | { kind: 'creator-analysis'; rows: CreatorRow[]; issues: ImportIssue[]; dataRows: number; badRows: number; matches: MatchStats }
  | { kind: 'orders'; rows: OrderRow[]; issues: ImportIssue[]; dataRows: number; badRows: number; orders: number };

/** Give the page a chance to paint and to take a click on Cancel, about every frame's worth of work. */
async function breathe(state: { last: number }, options: CheckOptions, p: Progress): Promise<void> {
  const now = performance.now();
  if (now - state.last < 25) return;
  state.last = now;
  options.onProgress?.(p);
  await new Promise((r) => setTimeout(r, 0));
  options.signal?.throwIfAborted();
}

const shown = (c: Cell | undefined) => {
  const s = c === undefined ? '' : String(c);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

interface RowCheck<T> {
  /** The row's value, or undefined when it has issues. */
  value?: T;
  issues: ImportIssue[];
}

/**
 * Validate the data rows (`rows` = the whole sheet; `firstData` = index of the first data row), in order, reporting
 * progress. Blank rows are skipped; row numbers in issues are the sheet's (1-based).
 */
async function checkEach<T>(
  rows: readonly (readonly Cell[])[],
  firstData: number,
  map: ColumnMap,
  schemaOf: (rowCurrency?: string) => z.ZodType<Record<string, unknown>>,
  build: (parsed: Record<string, unknown>, rowNumber: number) => RowCheck<T>,
  options: CheckOptions,
): Promise<{ values: T[]; issues: ImportIssue[]; dataRows: number; badRows: number }> {
  const values: T[] = [];
  const issues: ImportIssue[] = [];
  const byField = new Map(map.columns.map((c) => [c.field, c]));
  const currencyColumn = map.columns.find((c) => c.type === 'currency');
  const state = { last: performance.now() };
  const total = rows.length - firstData;
  let dataRows = 0;
  let badRows = 0;
  for (let r = firstData; r < rows.length; r++) {
    await breathe(state, options, { done: r - firstData, total });
    const row = rows[r] ?? [];
    if (row.every((c) => isBlank(c))) continue;
    dataRows++;
    const input: Record<string, Cell | undefined> = {};
    for (const c of map.columns) input[c.field] = isBlank(row[c.index]) ? undefined : row[c.index];
    const rowNumber = r + 1;
    const named = currencyColumn ? row[currencyColumn.index] : undefined;
    const parsed = schemaOf(named === undefined || isBlank(named) ? undefined : currencyOfSymbol(String(named))).safeParse(input);
    if (!parsed.success) {
      badRows++;
      for (const issue of parsed.error.issues) {
        const column = byField.get(String(issue.path[0]));
        if (!column) continue;
        const problem = (issue.code === 'custom' ? issue.message : 'range') as Problem;
        issues.push({ row: rowNumber, column: column.title, value: shown(row[column.index]), problem });
      }
      continue;
    }
    const built = build(parsed.data, rowNumber);
    if (built.value === undefined) badRows++;
    else values.push(built.value);
    issues.push(...built.issues);
  }
  options.onProgress?.({ done: total, total });
  return { values, issues, dataRows, badRows };
}

function count(stats: MatchStats, m: CreatorMatch): void {
  if (m.matchedBy === 'handle') stats.byHandle++;
  else if (m.matchedBy === 'alias') stats.byAlias++;
  else if (m.matchedBy === 'nickname') stats.byNickname++;
  else if (m.ambiguous) stats.ambiguous++;
  else if (isHandle(m.handle)) stats.added++;
  else stats.unmatched++;
}

type Money = NonNullable<CreatorRow['gmv']>;

export async function checkCreatorAnalysis(
  rows: readonly (readonly Cell[])[],
  firstData: number,
  map: ColumnMap,
  format: FileFormat,
  creators: CreatorIndex,
  options: CheckOptions = {},
): Promise<Checked> {
  const nameColumn = map.columns.find((c) => c.field === 'creatorName');
  const seen = new Map<string, number>();
  const matches: MatchStats = { byHandle: 0, byAlias: 0, byNickname: 0, added: 0, unmatched: 0, ambiguous: 0 };
  const required = ['creatorName'];
  const result = await checkEach<CreatorRow>(rows, firstData, map, schemas(map, format, required), (p, rowNumber) => {
    const name = p.creatorName as string;
    const creatorId = p.creatorId as string | undefined;
    const match = creators.match(name, creatorId);
    if (!match) return { issues: [{ row: rowNumber, column: nameColumn?.title ?? '', value: '', problem: 'required' }] };
    const first = seen.get(match.handle);
    if (first !== undefined) {
      return { issues: [{ row: rowNumber, column: nameColumn?.title ?? '', value: shown(name), problem: 'duplicate', firstRow: first }] };
    }
    seen.set(match.handle, rowNumber);
    count(matches, match);
    const value: CreatorRow = {
      handle: match.handle,
      matchedBy: match.matchedBy,
      ambiguous: match.ambiguous ? true : undefined,
      name: name !== match.handle ? name : undefined,
      creatorId,
      gmv: p.gmv as Money | undefined,
      liveGmv: p.liveGmv as Money | undefined,
      videoGmv: p.videoGmv as Money | undefined,
      productCardGmv: p.productCardGmv as Money | undefined,
      refunds: p.refunds as Money | undefined,
      orders: p.orders as number | undefined,
      itemsSold: p.itemsSold as number | undefined,
      itemsRefunded: p.itemsRefunded as number | undefined,
      productsSold: p.productsSold as number | undefined,
      aov: p.aov as Money | undefined,
      customers: p.customers as number | undefined,
      samplesShipped: p.samplesShipped as number | undefined,
      sampleContent: p.sampleContent as number | undefined,
      videos: p.videos as number | undefined,
      lives: p.lives as number | undefined,
      showcaseAdds: p.showcaseAdds as number | undefined,
      productImpressions: p.productImpressions as number | undefined,
      videoViews: p.videoViews as number | undefined,
      estCommission: p.estCommission as Money | undefined,
      estFlatFee: p.estFlatFee as Money | undefined,
      ctrBps: p.ctr as number | undefined,
      ctorBps: p.ctor as number | undefined,
    };
    return { value: withoutUndefined(value), issues: [] };
  }, options);
  return { kind: 'creator-analysis', rows: result.values, issues: result.issues, dataRows: result.dataRows, badRows: result.badRows, matches };
}

export async function checkOrders(
  rows: readonly (readonly Cell[])[],
  firstData: number,
  map: ColumnMap,
  format: FileFormat,
  options: CheckOptions = {},
): Promise<Checked> {
  const idColumn = map.columns.find((c) => c.field === 'orderId');
  const seen = new Map<string, number>();
  const required = ['orderId', 'skuId', 'createdAt'];
  const result = await checkEach<OrderRow>(rows, firstData, map, schemas(map, format, required), (p, rowNumber) => {
    const key = `${p.orderId as string}|${p.skuId as string}`;
    const first = seen.get(key);
    if (first !== undefined) {
      return { issues: [{ row: rowNumber, column: idColumn?.title ?? '', value: shown(p.orderId as string), problem: 'duplicate', firstRow: first }] };
    }
    const kind = p.collaborationType as 'open' | 'target' | 'campaign' | undefined;
    const collaborationId = p.collaborationId as string | undefined;
    const campaignId = p.campaignId as string | undefined;
    seen.set(key, rowNumber);
    const settlement = p.settlement as { settlement: OrderRow['settlement']; settlementRaw: string } | undefined;
    const content = p.contentType as { contentType: OrderRow['contentType']; contentTypeRaw?: string } | undefined;
    const value: OrderRow = {
      orderId: p.orderId as string,
      skuId: p.skuId as string,
      createdAt: p.createdAt as number,
      productId: p.productId as string | undefined,
      productTitle: p.productTitle as string | undefined,
      statusRaw: p.orderStatus as string | undefined,
      deliveredAt: p.deliveredAt as number | undefined,
      quantity: p.quantity as number | undefined,
      price: p.price as OrderRow['price'],
      creatorHandle: p.creatorHandle as string | undefined,
      contentType: content?.contentType,
      contentTypeRaw: content?.contentTypeRaw,
      contentId: p.contentId as string | undefined,
      collaboration: campaignId ? { kind: 'campaign', id: campaignId } : kind && collaborationId ? { kind, id: collaborationId } : undefined,
      commissionBps: p.commissionRate as number | undefined,
      partnerCommissionBps: p.partnerCommissionRate as number | undefined,
      adsCommissionBps: p.adsCommissionRate as number | undefined,
      estimatedCommission: p.estimatedCommission as OrderRow['price'],
      actualCommission: p.actualCommission as OrderRow['price'],
      estimatedAdsCommission: p.estimatedAdsCommission as OrderRow['price'],
      actualAdsCommission: p.actualAdsCommission as OrderRow['price'],
      estimatedPartnerCommission: p.estimatedPartnerCommission as OrderRow['price'],
      actualPartnerCommission: p.actualPartnerCommission as OrderRow['price'],
      settlement: settlement?.settlement ?? 'UNKNOWN',
      settlementRaw: settlement?.settlementRaw ?? '',
      refunded: p.refunded as 0 | 1 | undefined,
    };
    return { value: withoutUndefined(value), issues: [] };
  }, options);
  const orders = new Set(result.values.map((r) => r.orderId)).size;
  return { kind: 'orders', rows: result.values, issues: result.issues, dataRows: result.dataRows, badRows: result.badRows, orders };
}

/** Drop absent fields, so rows are compact in the message and compare equal however they were built. */
function withoutUndefined<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}
