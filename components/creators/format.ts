import type { FigureSource, CreatorFiguresRow, CreatorRow, PeriodInfo, PeriodKey, SortKey } from '../../lib/creators/model';
import { roundRatio, type Term } from '../../lib/creators/terms';
import { minorDigits, type Money } from '../../lib/domain/money';
import type { I18n } from '../../lib/i18n';
import { pageKindOf } from '../../lib/page-detect';
import { day } from '../popup/format';

/**
 * How the creators pages write their figures: each sortable column's field, unit and term, a figure in the reader's
 * language (money in its currency, rates as percentages, ratios as `10.99×`), where a figure came from, and a
 * seller's minimum typed in the figure's own unit turned into its sort units.
 */

export type FigureKind = 'money' | 'count' | 'rate' | 'ratio' | 'time';

export interface Column {
  key: SortKey;
  kind: FigureKind;
  /** The row's field, and the name its source is kept under (none for the last sighting). */
  field: keyof CreatorRow;
  source?: keyof CreatorFiguresRow;
  /** The term that defines it (lib/creators/terms.ts); the last sighting is no computed figure. */
  term?: Term;
}

export const COLUMNS: readonly Column[] = [
  { key: 'gmv', kind: 'money', field: 'gmv', source: 'gmv', term: 'gmv' },
  { key: 'orders', kind: 'count', field: 'orders', source: 'orders', term: 'orders' },
  { key: 'commission', kind: 'money', field: 'commission', source: 'commission', term: 'commission' },
  { key: 'samplesSent', kind: 'count', field: 'samplesSent', source: 'samplesSent', term: 'samplesSent' },
  { key: 'contentPosted', kind: 'count', field: 'contentPosted', source: 'contentPosted', term: 'contentPosted' },
  { key: 'postingRate', kind: 'rate', field: 'postingRateBps', source: 'postingRateBps', term: 'postingRate' },
  { key: 'fulfilment', kind: 'rate', field: 'fulfilmentBps', source: 'fulfilmentBps', term: 'fulfilment' },
  { key: 'cashRoi', kind: 'ratio', field: 'cashRoi', source: 'cashRoi', term: 'cashRoi' },
  { key: 'fullCostRoi', kind: 'ratio', field: 'fullCostRoi', source: 'fullCostRoi', term: 'fullCostRoi' },
  { key: 'lastSeen', kind: 'time', field: 'lastSeenAt' },
];

export const columnOf = (key: SortKey): Column => COLUMNS.find((c) => c.key === key) as Column;

/** A figure's value as the reader reads it; undefined when unknown (the caller says "unknown", never zero). */
export function formatValue(i18n: I18n, kind: FigureKind, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  switch (kind) {
    case 'money':
      return i18n.money(value as Money);
    case 'count':
      return i18n.number(value as number);
    case 'rate':
      return i18n.percent(value as number, 'exact');
    case 'ratio':
      return i18n.t('creators.ratio', { ratio: i18n.number(roundRatio(value as number)) });
    case 'time':
      return day(i18n, value as number);
  }
}

/** A column's header: its term's name, or the last sighting's own. */
export const columnName = (i18n: I18n, c: Column) => (c.term ? i18n.t(`term.${c.term}.name`) : i18n.t('creators.col.lastSeen'));

/** What a column's figure means: its name and its term's formula. */
export const columnFormula = (i18n: I18n, c: Column) =>
  i18n.t('creators.termTip', { name: columnName(i18n, c), formula: c.term ? i18n.t(`term.${c.term}.formula`) : i18n.t('creators.lastSeen.formula') });

/** A term's name and formula, as its tooltip says them. */
export const termTip = (i18n: I18n, term: Term) => i18n.t('creators.termTip', { name: i18n.t(`term.${term}.name`), formula: i18n.t(`term.${term}.formula`) });

/** A period as the picker and the figures name it: a captured window with its dates, or an import with its file and dates. */
export function periodLabel(i18n: I18n, p: Pick<PeriodInfo, 'key' | 'start' | 'end' | 'fileName'> | undefined, key?: PeriodKey): string {
  const k = p?.key ?? key;
  if (k === 'd30' || k === 'd90' || k === 'all') {
    // `end` is the start of the day after the last one the window counts.
    const last = p ? day(i18n, p.end - 1) : undefined;
    if (k === 'all') return last ? i18n.t('creators.period.allTo', { to: last }) : i18n.t('creators.period.all');
    const days = k === 'd30' ? 30 : 90;
    return last ? i18n.t('creators.period.lastTo', { days, to: last }) : i18n.t('creators.period.last', { days });
  }
  if (!p) return i18n.t('creators.period.import', { file: k?.slice('import:'.length) ?? '' });
  return i18n.t('creators.period.importDated', { file: p.fileName ?? '', from: p.start === undefined ? '' : day(i18n, p.start), to: day(i18n, p.end) });
}

/** Where a figure came from: its period (which says capture or import) and the newest page (or the import) behind it. */
export function sourceLabel(i18n: I18n, s: FigureSource | undefined, periods: ReadonlyMap<string, PeriodInfo>): string {
  if (!s) return i18n.t('creators.source.none');
  const period = periodLabel(i18n, periods.get(s.period), s.period);
  if (s.source === 'import') return s.seenAt === undefined ? i18n.t('creators.source.import', { period }) : i18n.t('creators.source.importAt', { period, when: i18n.dateTime(s.seenAt) });
  if (s.seenAt === undefined) return i18n.t('creators.source.capture', { period });
  if (!s.ref) return i18n.t('creators.source.captureAt', { period, when: i18n.dateTime(s.seenAt) });
  return i18n.t('creators.source.captureOn', { period, when: i18n.dateTime(s.seenAt), page: i18n.t(`page.${pageKindOf(s.ref.page)}`) });
}

const DAY_MS = 86_400_000;

/**
 * A minimum the seller typed, in the figure's own unit (an amount in the shop's currency, a percentage, a count, a
 * ratio, a date `YYYY-MM-DD`), as a value of its sort index; undefined when it is not a number of that kind.
 */
export function minimumOf(kind: FigureKind, input: string, currency: string | undefined): number | undefined {
  const text = input.trim();
  if (!text) return undefined;
  if (kind === 'time') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
    return Number.isFinite(ms) && new Date(ms).toISOString().startsWith(text) ? Math.floor(ms / DAY_MS) * DAY_MS : undefined;
  }
  const n = Number(text.replace(',', '.'));
  if (!Number.isFinite(n)) return undefined;
  switch (kind) {
    case 'money':
      return currency === undefined ? undefined : Math.round(n * 10 ** minorDigits(currency));
    case 'rate':
      return Math.round(n * 100);
    case 'count':
      return Math.ceil(n);
    case 'ratio':
      return n;
  }
}
