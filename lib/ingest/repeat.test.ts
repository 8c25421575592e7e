import { describe, expect, it } from 'vitest';
import { repeats, same, SEEN_RESOLUTION_MS, withinResolution } from './repeat';

describe('same', () => {
  it('compares stored values by structure, a missing property equal to one set to undefined', () => {
    expect(same({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(same({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(same({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(same({ a: [] }, { a: {} })).toBe(false);
    expect(same({ a: null }, { a: undefined })).toBe(false);
    expect(same({ a: 1, t: 5 }, { a: 1, t: 6 }, 't')).toBe(true);
  });
});

describe('repeats', () => {
  const row = { handle: 'maya', nickname: 'Maya', lastSeenAt: 1_000 };

  it('holds for an unchanged row seen again within the resolution', () => {
    expect(withinResolution(1_000, 1_000 + SEEN_RESOLUTION_MS - 1)).toBe(true);
    expect(repeats(row, { ...row, lastSeenAt: 1_000 + SEEN_RESOLUTION_MS - 1 })).toBe(true);
    expect(repeats(row, { ...row })).toBe(true);
  });

  it('fails for a row seen again after the resolution, a changed field, an earlier time or no stored row', () => {
    expect(repeats(row, { ...row, lastSeenAt: 1_000 + SEEN_RESOLUTION_MS })).toBe(false);
    expect(repeats(row, { ...row, nickname: 'Maya ✨', lastSeenAt: 1_001 })).toBe(false);
    expect(repeats(row, { ...row, lastSeenAt: 999 })).toBe(false);
    expect(repeats(undefined, row)).toBe(false);
  });
});
