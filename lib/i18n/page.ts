import { detectLocale, i18nFrom, type I18n, type Locale } from './core';
import { enPage, type PageKey } from './en-page';
import { idPage } from './id-page';

/** A translator with only the strings Affiliate Center pages show: what the content script carries. */
export type PageI18n = I18n<PageKey>;
export type { PageKey };

export function createPageI18n(locale: Locale = detectLocale()): PageI18n {
  return i18nFrom(locale, locale === 'id' ? idPage : enPage);
}
