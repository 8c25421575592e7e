import type { CreatorFiguresRow, CreatorRow, FigureSource, PeriodInfo } from '../creators/model';
import { termFormula, termName, type Term } from '../creators/terms';
import type { Money } from '../domain/money';
import { enPage } from '../i18n/en-page';
import { count, money, rate, ratio, tableOf, text, time, yesNo, type Column } from './columns';
import type { ExportTable } from './table';

/**
 * The creators view as a file: the rows the seller sees, every figure under its term's name (lib/creators/terms.ts, the
 * same names as the view, the card, the badge and the popup), each with where it came from. Column names are English
 * in every language, as the other exports' are. Write it with `downloadTable` (lib/export/download.ts).
 */

/** The figures in the view's column order, by the term that defines each. */
const FIGURES: { key: keyof CreatorFiguresRow; term: Term; kind: 'count' | 'ratio' | 'rate' | 'money' }[] = [
  { key: 'gmv', term: 'gmv', kind: 'money' },
  { key: 'orders', term: 'orders', kind: 'count' },
  { key: 'skuOrders', term: 'skuOrders', kind: 'count' },
  { key: 'commission', term: 'commission', kind: 'money' },
  { key: 'refunds', term: 'refunds', kind: 'money' },
  { key: 'samplesSent', term: 'samplesSent', kind: 'count' },
  { key: 'contentPosted', term: 'contentPosted', kind: 'count' },
  { key: 'postingRateBps', term: 'postingRate', kind: 'rate' },
  { key: 'fulfilmentBps', term: 'fulfilment', kind: 'rate' },
  { key: 'sampleCost', term: 'sampleCost', kind: 'money' },
  { key: 'cashRoi', term: 'cashRoi', kind: 'ratio' },
  { key: 'fullCostRoi', term: 'fullCostRoi', kind: 'ratio' },
];

/** The terms computed from other columns of the file carry their formula in the header: `Cash ROI (GMV ÷ commission)`. */
const FORMULA_IN_HEADER = new Set<Term>(['postingRate', 'cashRoi', 'fullCostRoi']);

/** A term's header: its name, and for a formula of other columns the formula's first clause (what a capture computes). */
export function termHeader(term: Term): string {
  const name = enPage[termName(term)];
  if (!FORMULA_IN_HEADER.has(term)) return name;
  const formula = enPage[termFormula(term)].split(';')[0]!.replace(/\.$/, '');
  return `${name} (${formula})`;
}

/** A figure's value column(s), then where it came from: capture or import, the period, and the newest sighting. */
function figureColumns({ key, term, kind }: (typeof FIGURES)[number]): Column<CreatorRow>[] {
  const header = termHeader(term);
  const name = enPage[termName(term)];
  const source = (r: CreatorRow): FigureSource | undefined => r.sources[key];
  const value: Column<CreatorRow>[] =
    kind === 'money'
      ? money<CreatorRow>(header, (r) => r[key] as Money | undefined)
      : [(kind === 'ratio' ? ratio : kind === 'rate' ? rate : count)<CreatorRow>(header, (r) => r[key] as number | undefined)];
  return [
    ...value,
    text(`${name} source`, (r) => source(r)?.source),
    text(`${name} period`, (r) => source(r)?.period),
    time(`${name} seen`, (r) => source(r)?.seenAt),
  ];
}

/**
 * The rows of the creators view as an export table: who, the seller's own marks, the period (with its dates and, for an
 * import, its file when `periods` knows it), then every figure with its source.
 */
export function creatorRowsTable(rows: readonly CreatorRow[], periods: ReadonlyMap<string, PeriodInfo> = new Map()): ExportTable {
  const period = (r: CreatorRow) => periods.get(r.period);
  return tableOf<CreatorRow>(
    'Creators view',
    [
      text('Handle', (r) => r.handle),
      text('Nickname', (r) => r.nickname),
      text('Tags', (r) => r.tags.join('; ')),
      yesNo('Watched', (r) => r.watch === 1),
      yesNo('Blocked', (r) => r.blocked === 1),
      time('Last seen', (r) => r.lastSeenAt),
      text('Shop', (r) => r.shopKey),
      text('Period', (r) => r.period),
      text('Period source', (r) => (r.period.startsWith('import:') ? 'import' : 'capture')),
      time('Period starts', (r) => period(r)?.start),
      time('Period ends', (r) => period(r)?.end),
      text('Period file', (r) => period(r)?.fileName),
      ...FIGURES.flatMap(figureColumns),
      count('Figures left out (other currency)', (r) => r.otherCurrency),
    ],
    rows,
  );
}
