import { detectLocale, i18nFrom, type I18n as CatalogueI18n, type Locale } from './core';
import { en, type MessageKey } from './en';
import { id } from './id';

export { detectLocale, type Locale, type Vars } from './core';
export type { MessageKey };

/** A translator with every UI string: extension pages and the background. The content script uses ./page instead. */
export type I18n = CatalogueI18n<MessageKey>;

const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { en, id };

export function createI18n(locale: Locale = detectLocale()): I18n {
  return i18nFrom(locale, CATALOGUES[locale]);
}
