import { describe, expect, it } from 'vitest';
import { MIN_RATE_BASE, aggregateKey, isoWeek, parseValues, rateOf, recentWeeks, tierOf, weekStart } from './model';

describe('ISO weeks (UTC)', () => {
  it('numbers weeks as ISO 8601 does, across year ends', () => {
    expect(isoWeek(Date.UTC(2025, 0, 1))).toBe('2025-W01');
    expect(isoWeek(Date.UTC(2024, 11, 30))).toBe('2025-W01');
    expect(isoWeek(Date.UTC(2021, 0, 3, 23, 59))).toBe('2020-W53');
    expect(isoWeek(Date.UTC(2021, 0, 4))).toBe('2021-W01');
    expect(isoWeek(Date.UTC(2026, 11, 31))).toBe('2026-W53');
    expect(isoWeek(Date.UTC(2025, 5, 16, 9))).toBe('2025-W25');
  });

  it('starts a week on Monday 00:00 UTC, and lists the recent weeks oldest first', () => {
    expect(weekStart(Date.UTC(2025, 5, 22, 23, 59))).toBe(Date.UTC(2025, 5, 16));
    expect(weekStart(Date.UTC(2025, 5, 16))).toBe(Date.UTC(2025, 5, 16));
    expect(weekStart(Date.UTC(1969, 11, 31))).toBe(Date.UTC(1969, 11, 29));
    expect(recentWeeks(Date.UTC(2025, 0, 1), 3)).toEqual([
      { week: '2024-W51', start: Date.UTC(2024, 11, 16) },
      { week: '2024-W52', start: Date.UTC(2024, 11, 23) },
      { week: '2025-W01', start: Date.UTC(2024, 11, 30) },
    ]);
  });
});

describe('figures and their bases', () => {
  it('gives a rate only from the minimum base on, and says how many it rests on either way', () => {
    expect(rateOf(3, MIN_RATE_BASE - 1)).toEqual({ n: MIN_RATE_BASE - 1, tooFew: true });
    expect(rateOf(3, MIN_RATE_BASE)).toEqual({ n: MIN_RATE_BASE, bps: 3000 });
    expect(rateOf(0, 0, 0)).toEqual({ n: 0, tooFew: true });
    expect(rateOf(2, 3, 1)).toEqual({ n: 3, bps: 6667 });
  });

  it('puts follower counts in tiers with inclusive lower bounds', () => {
    expect([undefined, Number.NaN, -1, 0, 999, 1000, 9999, 10_000, 99_999, 100_000, 999_999, 1_000_000].map(tierOf)).toEqual([
      'unknown',
      'unknown',
      'unknown',
      'under-1k',
      'under-1k',
      '1k-10k',
      '1k-10k',
      '10k-100k',
      '10k-100k',
      '100k-1m',
      '100k-1m',
      '1m-plus',
    ]);
  });

  it('keys rows by shop, kind and bucket, and refuses values of another shape', () => {
    expect(aggregateKey('ID:7495', 'benchmark', '601226')).toBe('ID:7495|benchmark|601226');
    expect(aggregateKey('ID:7495', 'tiers')).toBe('ID:7495|tiers|-');
    expect(parseValues('meta', { version: 1, builtAt: 5 })).toEqual({ version: 1, builtAt: 5 });
    expect(parseValues('meta', { version: '1' })).toBeUndefined();
    expect(parseValues('week', { week: '2025-W01', invitations: -1 })).toBeUndefined();
  });

  it('reads a benchmark only with its market side: a row from before the market source is not shown half', () => {
    const own = { categoryId: '601226', region: 'ID', count: 0, bySource: { open: 0, target: 0, application: 0, sample: 0, registration: 0, campaign: 0 }, own: [], productIds: [] };
    const market = { count: 1, from: 5, to: 6, byForm: { exact: 0, label: 1, bps: 0 }, byJoin: { id: 1, name: 0 } };
    expect(parseValues('benchmark', own)).toBeUndefined();
    expect(parseValues('benchmark', { ...own, market })).toEqual({ ...own, market });
  });
});
