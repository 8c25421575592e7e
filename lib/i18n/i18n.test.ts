import { describe, expect, it } from 'vitest';
import { createI18n, detectLocale } from '.';
import { en } from './en';
import { id } from './id';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  it('has the same placeholders in every Indonesian string as in the English one', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(id[key]), key).toEqual(placeholders(en[key]));
      expect(id[key].trim(), key).not.toBe('');
    }
  });

  it('follows the browser language', () => {
    expect(detectLocale(['id-ID', 'en-US'])).toBe('id');
    expect(detectLocale(['in'])).toBe('id');
    expect(detectLocale(['en-GB', 'id'])).toBe('en');
    expect(detectLocale(['fr-FR'])).toBe('en');
  });

  it('fills placeholders and formats numbers per locale', () => {
    const en = createI18n('en');
    const idn = createI18n('id');
    expect(en.t('badge.history', { sent: 3, content: 2 })).toBe('3 sent · 2 posted');
    expect(idn.t('badge.history', { sent: 3, content: 2 })).toBe('3 dikirim · 2 diposting');
    expect(en.percent(6085)).toBe('60.85%');
    expect(idn.percent(6085)).toBe('60,85%');
    expect(en.percent(6085, 'whole')).toBe('61%');
    expect(en.duration(26 * 3_600_000 + 5 * 60_000)).toBe('1d 2h');
    expect(en.duration(5 * 3_600_000 + 7 * 60_000)).toBe('5h 7m');
    expect(idn.duration(26 * 3_600_000)).toBe('1h 2j');
  });
});
