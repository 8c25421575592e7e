import { describe, expect, it } from 'vitest';
import { FOLDED_KEY, MAP_KEYS, MAX_PATHS, shapeOf, typesOf } from './shape';

const typesAt = (json: unknown, path: string) => {
  const mask = shapeOf(json).paths.get(path);
  return mask === undefined ? undefined : typesOf(mask);
};

describe('shapeOf', () => {
  const answer = {
    code: 0,
    message: '',
    has_more: false,
    agg_info: [
      { apply_group: { group_id: '7000000000000000001', apply_ids: ['8000000000000000001'] }, apply_deatil: { apply_info: { curr_status: 10, sku_stock: null } } },
      { apply_group: { group_id: '7000000000000000002', apply_ids: [] }, apply_deatil: { apply_info: { curr_status: '30' } } },
    ],
  };

  it('names every path with the JSON types seen there, arrays folded to []', () => {
    const { paths, truncated } = shapeOf(answer);
    expect([...paths.keys()].sort()).toEqual([
      'agg_info',
      'agg_info[]',
      'agg_info[].apply_deatil',
      'agg_info[].apply_deatil.apply_info',
      'agg_info[].apply_deatil.apply_info.curr_status',
      'agg_info[].apply_deatil.apply_info.sku_stock',
      'agg_info[].apply_group',
      'agg_info[].apply_group.apply_ids',
      'agg_info[].apply_group.apply_ids[]',
      'agg_info[].apply_group.group_id',
      'code',
      'has_more',
      'message',
    ]);
    expect(truncated).toBe(0);
    expect(typesAt(answer, 'agg_info[].apply_deatil.apply_info.curr_status')).toEqual(['string', 'number']);
    expect(typesAt(answer, 'agg_info[].apply_deatil.apply_info.sku_stock')).toEqual(['null']);
    expect(typesAt(answer, 'agg_info')).toEqual(['array']);
    expect(typesAt(answer, 'has_more')).toEqual(['boolean']);
  });

  it('folds keys that could be values: ids, non-identifiers, digit runs, keys equal to a value, maps', () => {
    const json = {
      by_id: { '7000000000000000001': { n: 1 }, creator_7000001: 2 },
      by_text: { 'a b': 1, '<img src=x>': 2, 'x@y.z': 3, 'glow.with.maya': 4 },
      by_handle: { glowwithmaya: { n: 1 } },
      names: ['glowwithmaya'],
      map: Object.fromEntries(Array.from({ length: MAP_KEYS + 1 }, (_, i) => [`k${i}`, i])),
    };
    const paths = [...shapeOf(json).paths.keys()];
    expect(paths).toContain(`by_id.${FOLDED_KEY}.n`);
    expect(paths).toContain(`by_handle.${FOLDED_KEY}.n`);
    expect(paths).toContain(`map.${FOLDED_KEY}`);
    expect(paths.filter((p) => p.startsWith('by_text.'))).toEqual([`by_text.${FOLDED_KEY}`]);
    for (const p of paths) expect(p).not.toMatch(/glowwithmaya|7000|img|@|\sb|k1/);
  });

  it('is bounded in paths and depth, and says how much it left out', () => {
    const wide = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`f${i}`, { a: 1, b: 'x', c: [true] }]));
    const { paths, truncated } = shapeOf(wide);
    expect(paths.size).toBe(MAX_PATHS);
    expect(truncated).toBeGreaterThan(0);
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = { d: deep };
    const longest = Math.max(...[...shapeOf(deep).paths.keys()].map((p) => p.split('.').length));
    expect(longest).toBeLessThanOrEqual(25);
  });

  it('takes any JSON: a top-level array, a bare value, an empty object', () => {
    expect([...shapeOf([{ a: 1 }]).paths.keys()]).toEqual(['[]', '[].a']);
    expect(shapeOf('text').paths.size).toBe(0);
    expect(shapeOf({}).paths.size).toBe(0);
  });
});
