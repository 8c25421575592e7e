import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readsOf } from './reads';
import { shapeOf } from './shape';
import { analyseShape, MAX_STORED_PATHS, MISSING_AFTER, mergeShape, type EndpointShape } from './watch';

const T0 = Date.UTC(2026, 10, 1);
const HOUR = 3_600_000;

const reads = readsOf({
  '': z.object({ code: z.number(), list: z.array(z.object({ id: z.string(), name: z.string().optional(), rate: z.string().optional() })) }),
});

function feed(answers: unknown[], start?: EndpointShape): EndpointShape {
  let s = start;
  answers.forEach((json, i) => {
    s = mergeShape(s, 'x.list', 'tab:10', shapeOf(json), T0 + i * HOUR);
  });
  return s as EndpointShape;
}

const full = { code: 0, list: [{ id: '1', name: 'a', rate: '1000' }] };
const noRate = { code: 0, list: [{ id: '1', name: 'a' }] };
const withNew = { code: 0, message: '', msg: 'success', log_id: 'x', list: [{ id: '1', name: 'a', rate: '1000', ratio_form: 'bps', trend: [{ d: 1 }] }] };

describe('mergeShape', () => {
  it('counts answers and, per path, how many answers carried it and when it first and last came', () => {
    const s = feed([full, noRate, full]);
    expect(s.key).toBe('x.list|tab:10');
    expect(s.answers).toBe(3);
    expect(s.paths['list[].rate']).toMatchObject({ seen: 2, first: T0, last: T0 + 2 * HOUR, firstAnswer: 1, lastAnswer: 3 });
    expect(s.paths['list[].id']).toMatchObject({ seen: 3 });
    expect(s.firstSeenAt).toBe(T0);
    expect(s.lastSeenAt).toBe(T0 + 2 * HOUR);
  });

  it('keeps at most MAX_STORED_PATHS paths and counts the rest', () => {
    const wide = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`f${i}`, { x: 1 }]));
    const wider = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`g${i}`, { x: 1 }]));
    const s = feed([wide, wider]);
    expect(Object.keys(s.paths).length).toBe(MAX_STORED_PATHS);
    expect(s.truncated).toBe(200);
  });
});

describe('analyseShape', () => {
  it('lists the fields nothing reads at their frontier, with what lies inside and when they first came; never the envelope', () => {
    const s = feed([full, withNew]);
    const { unread } = analyseShape(s, reads);
    expect(unread.map((u) => u.path)).toEqual(['list[].ratio_form', 'list[].trend']);
    expect(unread.find((u) => u.path === 'list[].trend')).toMatchObject({ inside: 2, seen: 1, first: T0 + HOUR });
  });

  it(`says a regular field stopped coming after ${MISSING_AFTER} answers without it`, () => {
    expect(analyseShape(feed([full, full, noRate]), reads).missing).toEqual([]);
    const s = feed([full, full, noRate, noRate]);
    expect(analyseShape(s, reads).missing).toEqual([{ path: 'list[].rate', types: s.paths['list[].rate']!.types, last: T0 + HOUR, absentFor: 2 }]);
    // It comes back: no longer missing.
    expect(analyseShape(feed([full], s), reads).missing).toEqual([]);
  });

  it('does not call a field missing that came only now and then, or only once', () => {
    expect(analyseShape(feed([full, noRate, full, noRate, noRate]), reads).missing).toEqual([]);
    expect(analyseShape(feed([full, noRate, noRate, noRate]), reads).missing).toEqual([]);
  });

  it('names a missing container once, not everything inside it', () => {
    const empty = { code: 0 };
    const missing = analyseShape(feed([full, full, empty, empty]), reads).missing.map((m) => m.path);
    expect(missing).toEqual(['list']);
  });
});
