import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { rejectionsOf } from '../adapters/values';
import type { EndpointStat } from '../domain/types';
import { readsOf } from './reads';
import { shapeReport } from './report';
import { pathSanitiser, shapeOf } from './shape';
import { silentDropFailures } from './unread';
import { mergeShape, type EndpointShape } from './watch';

const T0 = Date.UTC(2026, 10, 1, 13, 45);
const reads = readsOf({ '': z.object({ code: z.number(), data: z.object({ list: z.array(z.object({ id: z.string(), name: z.string() })) }) }) });
/** A schema whose issues name a record's keys (`data.by_key.<key>.n`). */
const byKey = z.object({ data: z.object({ by_key: z.record(z.string(), z.object({ n: z.string() })) }) });
const readsOf1 = (endpoint: string) => (endpoint === 'x.list' ? reads : undefined);

describe('shapeReport', () => {
  const answers = [
    { code: 0, data: { list: [{ id: '7000000000000000001', name: 'Maya', rate: '10%' }] } },
    { code: 0, data: { list: [{ id: '7000000000000000002', name: 'Budi', rate: '12%' }] } },
  ];
  const shape = answers.reduce<EndpointShape | undefined>((s, json, i) => mergeShape(s, 'x.list', 'tab:10', shapeOf(json), T0 + i * 86_400_000), undefined)!;
  const stat: EndpointStat = { endpoint: 'x.list', accepted: 2, rejected: 1, failures: { 'data.list[].id: invalid_type': 1 }, lastSeenAt: T0 };
  const other: EndpointStat = { endpoint: 'y.detail', accepted: 0, rejected: 1, failures: { 'creator_profile: no_record': 1 }, lastSeenAt: T0 };
  const report = shapeReport([shape], [stat, other], readsOf1, '0.2.0', T0 + 3 * 86_400_000);

  it('gives per endpoint and form of answer the paths, types and counts, what is read, unread and rejected', () => {
    expect(report).toMatchObject({ report: 'collab-lens-shape-report', format: 1, extension: '0.2.0', created: '2026-11-04' });
    expect(report.endpoints[0]).toMatchObject({
      endpoint: 'x.list',
      variant: 'tab:10',
      answers: 2,
      firstSeen: '2026-11-01',
      lastSeen: '2026-11-02',
      accepted: 2,
      rejected: 1,
      failures: { 'data.list[].id: invalid_type': 1 },
      unread: [{ path: 'data.list[].rate', types: ['string'], answers: 2, firstSeen: '2026-11-01', inside: 0 }],
      missing: [],
    });
    expect(report.endpoints[0]?.paths).toContainEqual({ path: 'data.list[].name', types: ['string'], answers: 2, read: true });
    expect(report.endpoints[0]?.paths).toContainEqual({ path: 'data.list[].rate', types: ['string'], answers: 2, read: false });
    expect(report.endpoints[1]).toEqual({ endpoint: 'y.detail', accepted: 0, rejected: 1, failures: { 'creator_profile: no_record': 1 } });
  });

  it('carries no value, id or name of the answers', () => {
    const text = JSON.stringify(report);
    for (const v of ['7000000000000000001', 'Maya', 'Budi', '10%', '12%']) expect(text).not.toContain(v);
  });
});

describe('no value can leak into the shape report', () => {
  const HOSTILE = [
    '<img src=x onerror=alert(1)>',
    '"><script>window.__pwned=1</script>',
    'glow.with.maya',
    'maya@example.com',
    '+62 812-3456-7890',
    '7494000000000000001',
    'Rp130.973.930',
    "'; DROP TABLE creators; --",
    'Ｍａｙａ✨ 스킨케어',
    '\u202Eevil',
  ];
  /** Secrets the answers carry as values: hostile text, ids, and plain identifiers (the hardest: they look like keys). */
  const secret = fc.oneof(
    fc.constantFrom(...HOSTILE),
    fc.stringMatching(/^[a-z][a-z0-9_]{2,12}$/).map((s) => `zq${s}`),
    fc.bigInt({ min: 10n ** 6n, max: 10n ** 19n }).map(String),
    fc.string({ minLength: 1, maxLength: 12 }).map((s) => `zq§${s}`),
  );
  const key = fc.oneof(fc.constantFrom('code', 'data', 'list', 'name', 'gmv', 'creator_info', 'apply_infos', 'value'), secret);
  const { json } = fc.letrec<{ json: unknown; obj: unknown; arr: unknown }>((tie) => ({
    json: fc.oneof({ depthSize: 'small', withCrossShrink: true }, secret, fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), tie('obj'), tie('arr')),
    obj: fc.dictionary(key, tie('json'), { maxKeys: 6 }),
    arr: fc.array(tie('json'), { maxLength: 4 }),
  }));
  const numbersOf = (v: unknown, out: number[] = []): number[] => {
    if (typeof v === 'number') out.push(v);
    else if (Array.isArray(v)) v.forEach((x) => numbersOf(x, out));
    else if (v && typeof v === 'object') Object.values(v).forEach((x) => numbersOf(x, out));
    return out;
  };
  const stringsOf = (v: unknown, out: string[] = []): string[] => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach((x) => stringsOf(x, out));
    else if (v && typeof v === 'object') Object.values(v).forEach((x) => stringsOf(x, out));
    return out;
  };

  it('whatever the answer holds, as values or as keys that repeat a value', () => {
    fc.assert(
      fc.property(json, fc.array(secret, { maxLength: 4 }), (answer, mapKeys) => {
        // A map keyed by values that also appear in the answer (creators keyed by handle, rows keyed by id).
        const withMap = { code: 0, data: { list: [answer], by_key: Object.fromEntries(mapKeys.map((k) => [k, { n: 1 }])), keys: mapKeys } };
        const shape = shapeOf(withMap);
        const merged = mergeShape(undefined, 'x.list', 'tab:10', shape, T0);
        const dropped = silentDropFailures({ records: {}, accepted: 0, rejections: [] }, shape, reads);
        // Rejection paths as zod builds them may name a record's key: the adapter and ingest fold them.
        const safe = pathSanitiser(withMap);
        const parsed = byKey.safeParse(withMap);
        const rejections = [...(parsed.success ? [] : rejectionsOf('', parsed.error)), ...dropped];
        const failures = Object.fromEntries(rejections.map((r) => [`${safe(r.path)}: ${r.code}`, 1]));
        const stat: EndpointStat = { endpoint: 'x.list', accepted: 0, rejected: dropped.length, failures, lastSeenAt: T0 };
        const text = JSON.stringify(shapeReport([merged], [stat], readsOf1, '0.2.0', T0));
        for (const v of stringsOf(withMap)) {
          if (v.length >= 3) expect(text).not.toContain(JSON.stringify(v).slice(1, -1));
        }
        for (const n of numbersOf(withMap)) if (Math.abs(n) >= 1e5) expect(text).not.toContain(String(n));
        expect(text).not.toMatch(/\d{6}/);
      }),
      { numRuns: 300 },
    );
  });
});
