import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import type { AppDB } from '../db/app-db';
import { MAX_TAGS, normaliseNote, normaliseTags, setCreatorMarks } from './marks';
import { SORT_KEYS, SORT_MISSING, type CreatorRow } from './model';

const NOW = Date.UTC(2025, 5, 15, 12);

let db: AppDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

const row = (shopKey: string, period: CreatorRow['period'], handle: string): CreatorRow => ({
  shopKey,
  period,
  handle,
  tags: [],
  watch: 0,
  blocked: 0,
  sources: {},
  sort: Object.fromEntries(SORT_KEYS.map((k) => [k, SORT_MISSING])) as CreatorRow['sort'],
  updatedAt: NOW - 1000,
});

describe('normaliseTags', () => {
  it('drops a leading #, joins runs of spaces, drops empty tags and keeps the first of duplicates that differ in case', () => {
    expect(normaliseTags(['#vip', '  Ramadan   ✨ ', 'VIP', '', '   ', '## skincare'])).toEqual(['vip', 'Ramadan ✨', 'skincare']);
    // NFC: "é" typed as e + combining accent is the same tag as the precomposed one.
    expect(normaliseTags(['caf\u0065\u0301', 'caf\u00e9'])).toEqual(['caf\u00e9']);
  });

  it('refuses control characters, bidirectional overrides, a tag over 30 characters and more than ten tags', () => {
    expect(normaliseTags(['a\u0007b'])).toBeUndefined();
    expect(normaliseTags(['\u202eevil'])).toBeUndefined();
    expect(normaliseTags(['x'.repeat(31)])).toEqual(undefined);
    expect(normaliseTags(['x'.repeat(30)])).toEqual(['x'.repeat(30)]);
    const many = Array.from({ length: MAX_TAGS + 1 }, (_, i) => `t${i}`);
    expect(normaliseTags(many)).toBeUndefined();
    expect(normaliseTags(many.slice(0, MAX_TAGS))).toHaveLength(MAX_TAGS);
  });
});

describe('normaliseNote', () => {
  it('keeps line breaks and tabs, trims, and refuses other control characters and more than 1,000 characters', () => {
    expect(normaliseNote('  Late twice\r\n\tAsk first  ')).toBe('Late twice\n\tAsk first');
    expect(normaliseNote('bell\u0007')).toBeUndefined();
    expect(normaliseNote('x'.repeat(1001))).toBeUndefined();
  });
});

describe('setCreatorMarks', () => {
  it('stores the marks, copies them into every row of the creator in every shop and period, and leaves other creators alone', async () => {
    await db.creatorRows.bulkPut([row('US:1', 'all', 'maya'), row('US:1', 'd30', 'maya'), row('ID:2', 'all', 'maya'), row('US:1', 'all', 'budi')]);
    const ack = await setCreatorMarks(db, { handle: 'maya', tags: ['#vip', 'Skincare'], note: 'Posts late', blocked: true }, NOW);
    expect(ack).toEqual({ ok: true, marks: { handle: 'maya', tags: ['vip', 'Skincare'], note: 'Posts late', watch: 0, blocked: 1, updatedAt: NOW } });
    expect(await db.creatorMarks.get('maya')).toEqual({ handle: 'maya', tags: ['vip', 'Skincare'], note: 'Posts late', watch: 0, blocked: 1, updatedAt: NOW });
    const rows = await db.creatorRows.toArray();
    expect(rows.filter((r) => r.handle === 'maya').map((r) => [r.tags, r.watch, r.blocked, r.updatedAt])).toEqual(Array(3).fill([['vip', 'Skincare'], 0, 1, NOW]));
    expect(rows.find((r) => r.handle === 'budi')).toMatchObject({ tags: [], blocked: 0, updatedAt: NOW - 1000 });
  });

  it('replaces only the fields given, and removes marks left empty', async () => {
    await setCreatorMarks(db, { handle: 'maya', tags: ['vip'], note: 'Posts late' }, NOW);
    await setCreatorMarks(db, { handle: 'maya', watch: true }, NOW + 1);
    expect(await db.creatorMarks.get('maya')).toEqual({ handle: 'maya', tags: ['vip'], note: 'Posts late', watch: 1, blocked: 0, updatedAt: NOW + 1 });
    const ack = await setCreatorMarks(db, { handle: 'maya', tags: [], note: '', watch: false }, NOW + 2);
    expect(ack).toEqual({ ok: true, marks: null });
    expect(await db.creatorMarks.count()).toBe(0);
  });

  it('refuses a change that is not valid whole, storing nothing', async () => {
    await db.creatorRows.put(row('US:1', 'all', 'maya'));
    expect(await setCreatorMarks(db, { handle: 'Maya!', blocked: true }, NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(await setCreatorMarks(db, { handle: 'maya', blocked: 'yes' }, NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(await setCreatorMarks(db, { handle: 'maya', blocked: true, tags: ['x'.repeat(31)] }, NOW)).toEqual({ ok: false, reason: 'tags' });
    expect(await setCreatorMarks(db, { handle: 'maya', blocked: true, note: 'a\u0000b' }, NOW)).toEqual({ ok: false, reason: 'note' });
    expect(await db.creatorMarks.count()).toBe(0);
    expect(await db.creatorRows.get(['US:1', 'all', 'maya'])).toMatchObject({ blocked: 0, updatedAt: NOW - 1000 });
  });
});
