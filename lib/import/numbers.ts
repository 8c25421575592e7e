import { money, type Money } from '../domain/money';
import type { Cell } from './types';

/**
 * Numbers as exports write them, in every locale Affiliate Center serves: `$1,234.56`, `Rp1.234.567`, `RM1,234.50`,
 * `฿1,234.50`, `₫1.234.567`, `£1,234.56`, `€1.234,56`, `1 234,56 €`, `0,97%`. Pure functions: a value parses or it does
 * not (undefined), and the caller says which cell it was.
 */

export type Decimal = '.' | ',';

/** How the numbers of one file are written: its decimal mark when the file shows it, and the currency of a bare amount. */
export interface NumberFormat {
  /** Breaks the tie for `1,234` / `1.234` (thousands or decimals?): undefined = thousands. */
  decimal?: Decimal;
  /** The currency of an amount written without one (the column title's, else the shop's). */
  currency?: string;
}

/** Cells that mean "no value" in exports. */
const BLANK = /^(|-|--|—|–|n\/?a|null|none|tidak ada)$/i;

export function isBlank(cell: Cell | undefined | null): boolean {
  if (cell === undefined || cell === null) return true;
  if (typeof cell !== 'string') return false;
  const t = cell.trim();
  return t.length <= 9 && BLANK.test(t);
}

/** Spaces, narrow and non-breaking spaces and apostrophes used between digit groups (`1 234,56`, `1'234.56`). */
const GROUP_SPACE = /(?<=\d)[\s\u00a0\u202f\u2009'’](?=\d{3}(?!\d))/g;
const HAS_GROUP_SPACE = /[\s\u00a0\u202f\u2009'’]/;
const MINUS = /^[-\u2212]/;
const DOT = 46;
const COMMA = 44;
const DOLLAR = 36;
const isDigit = (c: number) => c >= 48 && c <= 57;

/** Drops a leading minus (ASCII or U+2212) and the spaces and apostrophes that group thousands. */
function unsigned(text: string): { sign: '' | '-'; s: string } {
  let s = text.trim();
  let sign: '' | '-' = '';
  if (MINUS.test(s)) {
    sign = '-';
    s = s.slice(1).trim();
  }
  if (HAS_GROUP_SPACE.test(s)) s = s.replace(GROUP_SPACE, '');
  return { sign, s };
}

/** Where the marks of a digits-and-marks string are; undefined if it holds anything else or does not start and end with a digit. */
function marksOf(s: string): { dots: number; commas: number; lastDot: number; lastComma: number } | undefined {
  if (!s || !isDigit(s.charCodeAt(0)) || !isDigit(s.charCodeAt(s.length - 1))) return undefined;
  let dots = 0;
  let commas = 0;
  let lastDot = -1;
  let lastComma = -1;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) continue;
    if (c === DOT) {
      dots++;
      lastDot = i;
    } else if (c === COMMA) {
      commas++;
      lastComma = i;
    } else return undefined;
  }
  return { dots, commas, lastDot, lastComma };
}

/**
 * A written number (no currency, no `%`) to a plain decimal string (`"-1234.56"`), or undefined. Rules: with both marks
 * the last one is the decimal mark; a mark written more than once groups thousands; a single mark followed by other than
 * three digits is the decimal mark; a single mark followed by exactly three digits is the file's decimal mark only if
 * the file shows that elsewhere, thousands otherwise. Thousands groups must have three digits.
 */
export function plainDecimal(text: string, decimal?: Decimal): string | undefined {
  const { sign, s } = unsigned(text);
  const m = marksOf(s);
  if (!m) return undefined;
  const { dots, commas, lastDot, lastComma } = m;
  let markAt = -1;
  let group = '';
  if (dots && commas) {
    markAt = Math.max(lastDot, lastComma);
    const markIsDot = markAt === lastDot;
    if ((markIsDot ? dots : commas) !== 1) return undefined;
    group = markIsDot ? ',' : '.';
  } else if (dots + commas === 1) {
    const at = dots ? lastDot : lastComma;
    const only: Decimal = dots ? '.' : ',';
    if (s.length - at - 1 !== 3 || decimal === only) markAt = at;
    else group = only;
  } else if (dots + commas > 1) {
    group = dots ? '.' : ',';
  }
  let whole = markAt >= 0 ? s.slice(0, markAt) : s;
  const fraction = markAt >= 0 ? s.slice(markAt + 1) : '';
  if (group) {
    if (fraction.includes(group)) return undefined;
    const groups = whole.split(group);
    if ((groups[0] ?? '').length > 3 || groups.some((g, i) => i > 0 && g.length !== 3)) return undefined;
    whole = groups.join('');
  }
  whole = whole.replace(/^0+(?=\d)/, '');
  if (whole.length > 15) return undefined;
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** What a written number says about the file's decimal mark, if anything (`1.234,56`, `0,97`, `12.5`: yes; `1,234`: no). */
export function decimalEvidence(text: string): Decimal | undefined {
  const t = text.trim();
  const { s } = unsigned(stripCurrency(t.endsWith('%') ? t.slice(0, -1) : t).number);
  const m = marksOf(s);
  if (!m) return undefined;
  if (m.dots && m.commas) return m.lastDot > m.lastComma ? '.' : ',';
  if (m.dots + m.commas !== 1) return undefined;
  const at = m.dots ? m.lastDot : m.lastComma;
  return s.length - at - 1 === 3 ? undefined : m.dots ? '.' : ',';
}

/** Currencies written with a bare `$` at home; anywhere else a bare `$` is US dollars. */
const DOLLAR_CURRENCIES = new Set(['USD', 'SGD', 'MXN', 'AUD', 'CAD', 'NZD', 'HKD', 'TWD']);

/** Symbols and prefixes, longest first so `US$` wins over `$`; `null` = the dollar of the context. */
const SYMBOLS: readonly (readonly [string, string | null])[] = [
  ['ر.س', 'SAR'],
  ['US$', 'USD'],
  ['MX$', 'MXN'],
  ['HK$', 'HKD'],
  ['NT$', 'TWD'],
  ['S$', 'SGD'],
  ['R$', 'BRL'],
  ['A$', 'AUD'],
  ['C$', 'CAD'],
  ['Rp', 'IDR'],
  ['RM', 'MYR'],
  ['zł', 'PLN'],
  ['Kč', 'CZK'],
  ['Ft', 'HUF'],
  ['SR', 'SAR'],
  ['₱', 'PHP'],
  ['฿', 'THB'],
  ['₫', 'VND'],
  ['đ', 'VND'],
  ['£', 'GBP'],
  ['€', 'EUR'],
  ['¥', 'JPY'],
  ['￥', 'JPY'],
  ['₩', 'KRW'],
  ['$', null],
];
/** The same, compared in lower case (letter symbols are matched whatever their case: `rp`, `RM`). */
const LOWER_SYMBOLS = SYMBOLS.map(([sym, code]) => [sym.toLowerCase(), code, sym.length] as const);

let isoCodes: Set<string> | undefined;
function isIsoCurrency(code: string): boolean {
  isoCodes ??= new Set(Intl.supportedValuesOf('currency'));
  return isoCodes.has(code);
}

const dollarOf = (context?: string) => (context && DOLLAR_CURRENCIES.has(context) ? context : 'USD');

/** A currency named by a symbol or an ISO code (`Rp`, `RM`, `€`, `IDR`, `rp`), or undefined. */
export function currencyOfSymbol(symbol: string, context?: string): string | undefined {
  const lower = symbol.trim().toLowerCase();
  const known = LOWER_SYMBOLS.find(([sym]) => sym === lower);
  if (known) return known[1] ?? dollarOf(context);
  const upper = lower.toUpperCase();
  return /^[A-Z]{3}$/.test(upper) && isIsoCurrency(upper) ? upper : undefined;
}

const ISO_BEFORE = /^([A-Za-z]{3})\s*(.+)$/;
const ISO_AFTER = /^(.+?)\s*([A-Za-z]{3})$/;

/** Split a currency symbol or code off either end of an amount: `-Rp 1.234` → `{ currency: 'IDR', number: '-1.234' }`. */
function stripCurrency(text: string, context?: string): { currency?: string; number: string } {
  let s = text.trim();
  let sign = '';
  if (MINUS.test(s)) {
    sign = '-';
    s = s.slice(1).trim();
  }
  // Most cells are bare numbers: nothing to strip.
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  if (isDigit(first) && isDigit(last)) return { number: sign + s };
  if (first === DOLLAR) return { currency: dollarOf(context), number: sign + s.slice(1).trim() };
  const lower = s.toLowerCase();
  for (const [sym, code, length] of LOWER_SYMBOLS) {
    const currency = code ?? dollarOf(context);
    if (lower.startsWith(sym)) return { currency, number: sign + s.slice(length).trim() };
    if (lower.endsWith(sym)) return { currency, number: sign + s.slice(0, -length).trim() };
  }
  const before = ISO_BEFORE.exec(s);
  const after = before ? undefined : ISO_AFTER.exec(s);
  const [code, rest] = before ? [before[1], before[2]] : after ? [after[2], after[1]] : [];
  const currency = code ? currencyOfSymbol(code) : undefined;
  if (currency && rest !== undefined) return { currency, number: sign + rest.trim() };
  return { number: sign + s };
}

export type AmountResult = { ok: true; value: Money } | { ok: false; problem: 'amount' | 'currency' };

/** A money cell to Money in minor units. A number cell, or text without a symbol, is in `format.currency`. */
export function parseAmount(cell: Cell, format: NumberFormat): AmountResult {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { ok: false, problem: 'amount' };
    if (!format.currency) return { ok: false, problem: 'currency' };
    const m = money(numberText(cell), format.currency);
    return m ? { ok: true, value: m } : { ok: false, problem: 'amount' };
  }
  const { currency, number } = stripCurrency(cell, format.currency);
  const plain = plainDecimal(number, format.decimal);
  if (plain === undefined) return { ok: false, problem: 'amount' };
  const code = currency ?? format.currency;
  if (!code) return { ok: false, problem: 'currency' };
  const m = money(plain, code);
  return m ? { ok: true, value: m } : { ok: false, problem: 'amount' };
}

/** How a rate column writes its values: `2.04%` / `2.04` (percent) or `0.0204` (fraction). `%` always means percent. */
export type RateForm = 'percent' | 'fraction';

/**
 * A rate cell to basis points: `0.97%` → 97, `0,97%` → 97, `200%` → 20000. A cell without `%` (text or a number) is
 * read in the column's `bare` form: `12.5` → 1250 as a percent, `0.0204` → 204 as a fraction. The xlsx reader turns a
 * percent-formatted cell's fraction into its percent, and marks its column as percent.
 */
export function parsePercentBps(cell: Cell, format: NumberFormat, bare: RateForm = 'percent'): number | undefined {
  let plain: string | undefined;
  let percent = bare === 'percent';
  if (typeof cell === 'number') plain = Number.isFinite(cell) ? numberText(cell) : undefined;
  else {
    const text = cell.trim();
    if (text.endsWith('%')) percent = true;
    plain = plainDecimal(text.replace(/\s*%$/, ''), format.decimal);
  }
  if (plain === undefined) return undefined;
  const bps = Math.round(Number(plain) * (percent ? 100 : 10_000));
  return Number.isSafeInteger(bps) ? bps : undefined;
}

/** Whether a text cell writes its rate with `%`. */
export const isPercentText = (cell: Cell | undefined) => typeof cell === 'string' && cell.trim().endsWith('%');

/** A whole number: `1,234`, `1.234` (Indonesian thousands), `1 234`, `12`, a whole number cell. */
export function parseCount(cell: Cell, format: NumberFormat): number | undefined {
  if (typeof cell === 'number') return Number.isSafeInteger(cell) ? cell : undefined;
  const plain = plainDecimal(cell, format.decimal);
  if (plain === undefined || !/^-?\d+(\.0+)?$/.test(plain)) return undefined;
  const n = Number(plain.replace(/\.0+$/, ''));
  return Number.isSafeInteger(n) ? n : undefined;
}

/** A number cell as a plain decimal string, to six decimals (what a spreadsheet shows; floats carry noise past that). */
function numberText(n: number): string {
  return n.toFixed(6).replace(/\.?0+$/, '');
}
