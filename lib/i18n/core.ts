import { minorDigits, type Money } from '../domain/money';

export type Locale = 'en' | 'id';

/** The UI language: Bahasa Indonesia when the browser prefers it, English otherwise (a setting will override this). */
export function detectLocale(languages: readonly string[] = globalThis.navigator?.languages ?? []): Locale {
  const first = languages.find((l) => /^(id|in|en)\b/i.test(l));
  return first && /^(id|in)\b/i.test(first) ? 'id' : 'en';
}

export type Vars = Record<string, string | number>;

/** A translator bound to one locale. Whole sentences are translated with named placeholders, never concatenated. */
export interface I18n<K extends string = string> {
  locale: Locale;
  t(key: K, vars?: Vars): string;
  /** A rate in basis points as a percentage: exact to two decimals, or rounded to whole percent. */
  percent(bps: number, precision?: 'exact' | 'whole'): string;
  number(n: number): string;
  dateTime(ms: number): string;
  relative(ms: number, now: number): string;
  duration(ms: number): string;
  /** An amount in its currency's minor units, formatted for the reader (one formatter per currency, kept). */
  money(m: Money): string;
}

/** Formats follow the browser's own English (en-US, en-GB, en-SG…) or Indonesian. */
function formatTag(locale: Locale, languages: readonly string[] = globalThis.navigator?.languages ?? []): string {
  if (locale === 'id') return 'id-ID';
  return languages.find((l) => /^en-[A-Z]{2}$/i.test(l)) ?? 'en-US';
}

/** The keys `duration` writes with: every catalogue has them. */
type TimeKey = 'time.left' | 'time.leftHours' | 'time.leftMinutes';

/** A translator over one catalogue (all UI strings, or only those the pages show). */
export function i18nFrom<K extends string>(locale: Locale, catalogue: Readonly<Record<K | TimeKey, string>>): I18n<K> {
  const tag = formatTag(locale);
  const t = (key: K | TimeKey, vars?: Vars) =>
    catalogue[key].replace(/\{(\w+)\}/g, (m, name: string) => (vars && name in vars ? String(vars[name]) : m));
  const pct = {
    exact: new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 2 }),
    whole: new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }),
  };
  const num = new Intl.NumberFormat(tag);
  const dt = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const rel = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
  const currencies = new Map<string, Intl.NumberFormat | undefined>();
  const currencyFormat = (currency: string) => {
    if (!currencies.has(currency)) {
      let f: Intl.NumberFormat | undefined;
      try {
        f = new Intl.NumberFormat(tag, { style: 'currency', currency });
      } catch {
        f = undefined;
      }
      currencies.set(currency, f);
    }
    return currencies.get(currency);
  };
  return {
    locale,
    t,
    percent: (bps, precision = 'exact') => pct[precision].format(bps / 10_000),
    number: (n) => num.format(n),
    dateTime: (ms) => dt.format(ms),
    relative(ms, now) {
      const diff = ms - now;
      const abs = Math.abs(diff);
      if (abs < 60_000) return rel.format(Math.round(diff / 1000), 'second');
      if (abs < 3_600_000) return rel.format(Math.round(diff / 60_000), 'minute');
      if (abs < 86_400_000) return rel.format(Math.round(diff / 3_600_000), 'hour');
      return rel.format(Math.round(diff / 86_400_000), 'day');
    },
    money(m) {
      const major = m.minor / 10 ** minorDigits(m.currency);
      return currencyFormat(m.currency)?.format(major) ?? `${num.format(major)} ${m.currency}`;
    },
    duration(ms) {
      const m = Math.max(0, Math.floor(ms / 60_000));
      const d = Math.floor(m / 1440);
      const h = Math.floor((m % 1440) / 60);
      if (d > 0) return t('time.left', { d, h });
      if (h > 0) return t('time.leftHours', { h, m: m % 60 });
      return t('time.leftMinutes', { m });
    },
  };
}
