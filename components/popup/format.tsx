import type { Rate } from '../../lib/aggregates/model';
import type { I18n } from '../../lib/i18n';

const dates = new Map<string, Intl.DateTimeFormat>();

/** A day (UTC, like the ISO weeks) in the reader's language: `16 Jun 2025`. */
export function day(i18n: I18n, ms: number): string {
  const tag = i18n.locale === 'id' ? 'id-ID' : (globalThis.navigator?.languages ?? []).find((l) => /^en-[A-Z]{2}$/i.test(l)) ?? 'en-US';
  let f = dates.get(tag);
  if (!f) dates.set(tag, (f = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })));
  return f.format(ms);
}

/** A rate with the number it rests on (`34% of 120`), or "too few" with that number and why. */
export function RateText({ rate, i18n, min }: { rate: Rate; i18n: I18n; min: number }) {
  if ('tooFew' in rate) {
    return (
      <span class="too-few" title={i18n.t('popup.rateTooFewTitle', { min })}>
        {i18n.t('popup.rateTooFew', { n: i18n.number(rate.n) })}
      </span>
    );
  }
  return <span>{i18n.t('popup.rate', { rate: i18n.percent(rate.bps, 'whole'), n: i18n.number(rate.n) })}</span>;
}
