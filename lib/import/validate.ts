import { z } from 'zod';
import { dayFirstEvidence, parseDateTime, type DateFormat } from './dates';
import { RATE_TYPES, titleUnit, type ColumnMap, type MappedColumn, type ValueType } from './columns';
import { isHandle, type CreatorIndex, type CreatorMatch } from './creators';
import { collaborationKindOf, contentTypeOf, settlementOf, yesNoOf } from './labels';
import type { CreatorRow, OrderRow } from './message';
import { currencyOfSymbol, decimalEvidence, isBlank, isPercentText, parseAmount, parseCount, parsePercentBps, type NumberFormat, type RateForm } from './numbers';
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

/** The form of each rate column, by field, for the import record. */
export function rateFormsByField(map: ColumnMap, f: FileFormat): Record<string, RateForm> | undefined {
  const entries = map.columns.filter((c) => f.rates.has(c.index)).map((c) => [c.field, f.rates.get(c.index) as RateForm] as const);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/**
 * What the cells of a file say about how it writes numbers, rates and dates, gathered row by row (so a file can be read
 * as a stream): the decimal marks its amounts and rates use, the first date that shows its day-month order, the rate
 * columns with a `%` in a cell.
 */
export class FormatEvidence {
  private dot = 0;
  private comma = 0;
  private dayFirst: boolean | undefined;
  private readonly percentText = new Set<number>();
  private readonly numberColumns: number[];
  private readonly dateColumns: number[];
  private readonly rateColumns: number[];

  constructor(private readonly map: ColumnMap) {
    const of = (types: readonly ValueType[]) => map.columns.filter((c) => types.includes(c.type)).map((c) => c.index);
    this.numberColumns = of(['amount', ...RATE_TYPES]);
    this.dateColumns = of(['datetime']);
    this.rateColumns = of(RATE_TYPES);
  }

  add(row: readonly Cell[]): void {
    for (const i of this.numberColumns) {
      const v = row[i];
      if (typeof v !== 'string' || isBlank(v)) continue;
      const e = decimalEvidence(v);
      if (e === '.') this.dot++;
      else if (e === ',') this.comma++;
    }
    if (this.dayFirst === undefined) {
      for (const i of this.dateColumns) {
        const v = row[i];
        if (typeof v === 'string' && !isBlank(v)) this.dayFirst ??= dayFirstEvidence([v]);
      }
    }
    for (const i of this.rateColumns) if (!this.percentText.has(i) && isPercentText(row[i])) this.percentText.add(i);
  }

  /** The file's format from the evidence (the shop's conventions where it says nothing); `percentColumns` as in `fileFormat`. */
  format(shop: ShopLocale, percentColumns: ReadonlySet<number> = new Set()): FileFormat {
    const rates = new Map<number, RateForm>();
    for (const c of this.map.columns) {
      if (!RATE_TYPES.includes(c.type)) continue;
      const percent = titleUnit(c.title).percent === true || percentColumns.has(c.index) || this.percentText.has(c.index);
      rates.set(c.index, percent ? 'percent' : bareForm(c.type));
    }
    return {
      shop,
      numbers: { decimal: this.dot === this.comma ? undefined : this.dot > this.comma ? '.' : ',', currency: shop.currency },
      dates: { zone: shop.zone, dayFirst: this.dayFirst ?? !shop.monthFirst },
      rates,
    };
  }
}

/**
 * How this file writes numbers, rates and dates, from its own cells (the shop's conventions where they do not say).
 * `percentColumns`: the columns the xlsx reader found percent-formatted numbers in.
 */
export function fileFormat(
  rows: Iterable<readonly Cell[]>,
  map: ColumnMap,
  shop: ShopLocale,
  percentColumns: ReadonlySet<number> = new Set(),
): FileFormat {
  const evidence = new FormatEvidence(map);
  for (const row of rows) evidence.add(row);
  return evidence.format(shop, percentColumns);
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

/**
 * A file's data rows checked one at a time, in order (a file is read as a stream): `add` gives the row's value, or
 * undefined when the row is blank or has issues; the tallies grow as rows come.
 */
export interface RowChecker<T> {
  add(row: readonly Cell[], index: number): T | undefined;
  readonly issues: ImportIssue[];
  /** Rows that are not blank, and those of them with issues. */
  readonly dataRows: number;
  readonly badRows: number;
}

export type Checker =
  | { kind: 'creator-analysis'; rows: RowChecker<CreatorRow>; matches: MatchStats }
  | { kind: 'orders'; rows: RowChecker<OrderRow>; orders(): number };

const shown = (c: Cell | undefined) => {
  const s = c === undefined ? '' : String(c);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

interface RowCheck<T> {
  /** The row's value, or undefined when it has issues. */
  value?: T;
  issues: ImportIssue[];
}

/** Blank rows are skipped; row numbers in issues are the sheet's (1-based: `index` + 1). */
function rowChecker<T>(
  map: ColumnMap,
  schemaOf: (rowCurrency?: string) => z.ZodType<Record<string, unknown>>,
  build: (parsed: Record<string, unknown>, rowNumber: number) => RowCheck<T>,
): RowChecker<T> {
  const byField = new Map(map.columns.map((c) => [c.field, c]));
  const currencyColumn = map.columns.find((c) => c.type === 'currency');
  const tally = { issues: [] as ImportIssue[], dataRows: 0, badRows: 0 };
  return Object.assign(tally, {
    add(row: readonly Cell[], index: number): T | undefined {
      if (row.every((c) => isBlank(c))) return undefined;
      tally.dataRows++;
      const input: Record<string, Cell | undefined> = {};
      for (const c of map.columns) input[c.field] = isBlank(row[c.index]) ? undefined : row[c.index];
      const rowNumber = index + 1;
      const named = currencyColumn ? row[currencyColumn.index] : undefined;
      const parsed = schemaOf(named === undefined || isBlank(named) ? undefined : currencyOfSymbol(String(named))).safeParse(input);
      if (!parsed.success) {
        tally.badRows++;
        for (const issue of parsed.error.issues) {
          const column = byField.get(String(issue.path[0]));
          if (!column) continue;
          const problem = (issue.code === 'custom' ? issue.message : 'range') as Problem;
          tally.issues.push({ row: rowNumber, column: column.title, value: shown(row[column.index]), problem });
        }
        return undefined;
      }
      const built = build(parsed.data, rowNumber);
      if (built.value === undefined) tally.badRows++;
      tally.issues.push(...built.issues);
      return built.value;
    },
  });
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

export function creatorAnalysisChecker(map: ColumnMap, format: FileFormat, creators: CreatorIndex): Checker {
  const nameColumn = map.columns.find((c) => c.field === 'creatorName');
  const seen = new Map<string, number>();
  const matches: MatchStats = { byHandle: 0, byAlias: 0, byNickname: 0, added: 0, unmatched: 0, ambiguous: 0 };
  const required = ['creatorName'];
  const rows = rowChecker<CreatorRow>(map, schemas(map, format, required), (p, rowNumber) => {
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
  });
  return { kind: 'creator-analysis', rows, matches };
}

export function ordersChecker(map: ColumnMap, format: FileFormat): Checker {
  const idColumn = map.columns.find((c) => c.field === 'orderId');
  const seen = new Map<string, number>();
  const required = ['orderId', 'skuId', 'createdAt'];
  const orderIds = new Set<string>();
  const rows = rowChecker<OrderRow>(map, schemas(map, format, required), (p, rowNumber) => {
    const key = `${p.orderId as string}|${p.skuId as string}`;
    const first = seen.get(key);
    if (first !== undefined) {
      return { issues: [{ row: rowNumber, column: idColumn?.title ?? '', value: shown(p.orderId as string), problem: 'duplicate', firstRow: first }] };
    }
    const kind = p.collaborationType as 'open' | 'target' | 'campaign' | undefined;
    const collaborationId = p.collaborationId as string | undefined;
    const campaignId = p.campaignId as string | undefined;
    seen.set(key, rowNumber);
    orderIds.add(p.orderId as string);
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
  });
  return { kind: 'orders', rows, orders: () => orderIds.size };
}

/** Drop absent fields, so rows are compact in the message and compare equal however they were built. */
function withoutUndefined<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}
