import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AdapterResult } from '../adapters/types';
import { readsOf } from './reads';
import { shapeOf } from './shape';
import { MAX_NAMED_PATHS, recordLists, silentDropFailures, unreadPaths } from './unread';

const reads = readsOf({
  '': z.object({ code: z.number().optional(), data: z.object({ agg_info: z.array(z.unknown()).nullish() }).nullish() }),
  'data.agg_info[].apply_group': z.object({ group_id: z.string(), creator_info: z.object({ name: z.string() }) }),
});
const nothing: AdapterResult = { records: {}, accepted: 0, rejections: [] };

describe('unreadPaths', () => {
  it('names the first unread node of each branch, and leaves the envelope out', () => {
    const json = {
      code: 0,
      message: 'ok',
      extra: { now: 1 },
      data: { agg_info: [{ apply_group: { group_id: '1', creator_info: { name: 'a', gmv: '$1' } }, apply_deatil: { apply_info: { apply_id: '2' } } }], total: 1 },
    };
    expect(unreadPaths(shapeOf(json), reads)).toEqual(['data.agg_info[].apply_deatil', 'data.agg_info[].apply_group.creator_info.gmv', 'data.total']);
  });
});

describe('recordLists', () => {
  it('finds arrays of objects, not arrays of ids', () => {
    const json = { data: { agg_info: [{ a: 1 }], apply_ids: ['1'] }, extra: { list: [{ x: 1 }] } };
    expect(recordLists(shapeOf(json))).toEqual(['data.agg_info']);
  });
});

describe('silentDropFailures', () => {
  it('calls a list that gave no record a failure, with the paths nothing read', () => {
    const json = { code: 0, data: { agg_info: [{ apply_deatil: { apply_info: { apply_id: '1' } } }] } };
    expect(silentDropFailures(nothing, shapeOf(json), reads)).toEqual([
      { path: 'data.agg_info', code: 'no_record' },
      { path: 'data.agg_info[].apply_deatil', code: 'not_read' },
    ]);
  });

  it('calls data without a list that gave nothing a failure too', () => {
    const json = { code: 0, creator_profile: { gmv: { value: '1' } } };
    expect(silentDropFailures(nothing, shapeOf(json), reads)).toEqual([
      { path: '(response)', code: 'no_record' },
      { path: 'creator_profile', code: 'not_read' },
    ]);
  });

  it('a list read to its end with no element is an empty page, and the envelope alone is nothing', () => {
    expect(silentDropFailures(nothing, shapeOf({ code: 0, message: '', data: { agg_info: [] } }), reads)).toEqual([]);
    expect(silentDropFailures(nothing, shapeOf({ code: 0, data: { agg_info: [], view_type: 1, zz_new: { a: 1 } } }), reads)).toEqual([]);
    expect(silentDropFailures(nothing, shapeOf({ code: 0, data: { zz_rows: [], zz_new: 1 } }), reads)).toEqual([
      { path: '(response)', code: 'no_record' },
      { path: 'data.zz_new', code: 'not_read' },
      { path: 'data.zz_rows', code: 'not_read' },
    ]);
    expect(silentDropFailures(nothing, shapeOf({ code: 0, message: 'success', log_id: 'x' }), reads)).toEqual([]);
  });

  it('leaves answers that gave a record, a rejection or an error code to their adapter', () => {
    const json = { code: 0, data: { agg_info: [{ zz: 1 }] } };
    expect(silentDropFailures({ ...nothing, accepted: 1 }, shapeOf(json), reads)).toEqual([]);
    expect(silentDropFailures({ ...nothing, rejections: [{ path: 'x', code: 'y' }] }, shapeOf(json), reads)).toEqual([]);
    expect(silentDropFailures({ ...nothing, skipped: true }, shapeOf(json), reads)).toEqual([]);
  });

  it(`names at most ${MAX_NAMED_PATHS} paths`, () => {
    const json = { data: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${i}`, i])) };
    expect(silentDropFailures(nothing, shapeOf(json), reads)).toHaveLength(MAX_NAMED_PATHS + 1);
  });
});
