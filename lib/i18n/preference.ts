import { storage } from '#imports';
import * as z from 'zod/mini';
import { detectLocale, type Locale } from './core';

/**
 * The seller's UI language: `auto` follows the browser (Bahasa Indonesia when it prefers Indonesian, else English).
 * Stored in `storage.local`; only the background writes it (message `saveLanguage`). Every extension page, the
 * content script and the background's notifications read it when they start.
 */
export const languageChoice = z.enum(['auto', 'en', 'id']);
export type LanguageChoice = z.infer<typeof languageChoice>;

export const languageItem = storage.defineItem<LanguageChoice>('local:language', { fallback: 'auto' });

/** The stored choice, or `auto` for anything else stored there. */
export async function readLanguage(): Promise<LanguageChoice> {
  const parsed = languageChoice.safeParse(await languageItem.getValue());
  return parsed.success ? parsed.data : 'auto';
}

export function localeOf(choice: LanguageChoice, languages?: readonly string[]): Locale {
  return choice === 'auto' ? detectLocale(languages) : choice;
}

/** The locale a UI starts in. */
export async function readLocale(): Promise<Locale> {
  return localeOf(await readLanguage());
}

/** Validate and store (throws on anything but a known choice). */
export async function writeLanguage(next: unknown): Promise<LanguageChoice> {
  const choice = languageChoice.parse(next);
  await languageItem.setValue(choice);
  return choice;
}
