import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { languageItem, localeOf, readLanguage, readLocale, writeLanguage } from './preference';

describe('language preference', () => {
  it('follows the browser until the seller chooses', async () => {
    expect(await readLanguage()).toBe('auto');
    expect(localeOf('auto', ['id-ID', 'en-US'])).toBe('id');
    expect(localeOf('auto', ['en-GB', 'id'])).toBe('en');
    expect(localeOf('en', ['id-ID'])).toBe('en');
    expect(localeOf('id', ['en-US'])).toBe('id');
  });

  it('stores a valid choice under "language" and reads it back as the locale', async () => {
    await writeLanguage('id');
    expect(await fakeBrowser.storage.local.get('language')).toEqual({ language: 'id' });
    expect(await readLocale()).toBe('id');
  });

  it('refuses anything else and reads junk already stored as auto', async () => {
    await writeLanguage('en');
    await expect(writeLanguage('fr')).rejects.toThrow();
    await expect(writeLanguage('<script>')).rejects.toThrow();
    expect(await readLanguage()).toBe('en');
    await languageItem.setValue('xx' as never);
    expect(await readLanguage()).toBe('auto');
  });
});
