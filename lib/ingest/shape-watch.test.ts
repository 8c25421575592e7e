import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dump, freshDb } from '../../test/db';
import { ADAPTERS } from '../adapters';
import type { EndpointId } from '../capture/endpoints';
import type { Capture } from '../capture/schema';
import type { AppDB } from '../db/app-db';
import { shapeReport } from '../shapes/report';
import { ingestCaptures } from './ingest';

/**
 * The shape watch and the no-silent-drop rule as ingest applies them to every endpoint. The answers here are of a shape
 * no adapter reads, so what they test does not depend on any adapter's reading.
 */

const NOW = Date.UTC(2026, 11, 1, 9);
const SHOP = { region: 'US', id: '7495000000000000001' };
const PAGE = `https://affiliate-us.tiktok.com/product/order?shop_region=${SHOP.region}&shop_id=${SHOP.id}`;
const URL_OF = (path: string) => `https://affiliate-us.tiktok.com${path}?shop_region=${SHOP.region}&oec_seller_id=${SHOP.id}&msToken=x`;

let n = 0;
const capture = (path: string, json: unknown, overrides: Partial<Capture> = {}): Capture => ({
  v: 1,
  id: `capture-${++n}`,
  url: URL_OF(path),
  method: 'POST',
  status: 200,
  requestBody: '{}',
  responseText: JSON.stringify(json),
  pageUrl: PAGE,
  seenAt: NOW,
  ...overrides,
});

const renamed = (rows: number) => ({ code: 0, message: '', data: { zz_order_rows: Array.from({ length: rows }, (_, i) => ({ zz_id: `70000000000000${i}`, zz_buyer: 'maya@example.com' })) } });

let db: AppDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

describe('an answer that carried a list and gave no record', () => {
  it('is a failure of its endpoint, with the paths nothing understood, and stores nothing else', async () => {
    const summary = await ingestCaptures(db, [capture('/api/v1/affiliate/orders', renamed(3))]);
    expect(summary.accepted).toBe(0);
    expect(summary.rejected).toBeGreaterThan(0);
    const [stat] = await db.endpointStats.toArray();
    expect(stat).toMatchObject({ endpoint: 'orders.list', accepted: 0 });
    expect(stat?.failures).toMatchObject({ 'data.zz_order_rows: no_record': 1, 'data.zz_order_rows: not_read': 1 });
    expect(stat?.lastRejectedAt).toBe(NOW);
    for (const table of ['orders', 'orderSkus', 'creators', 'products']) expect(await db.table(table).count(), table).toBe(0);
    expect(JSON.stringify(stat)).not.toMatch(/maya|70000000000000/);
  });

  it('holds for every endpoint Collab Lens reads', async () => {
    const { CAPTURED_ENDPOINTS } = await import('../capture/endpoints');
    const paths: Record<string, string> = {
      'insights.transaction': '/api/v1/oec/affiliate/compass/transaction/overview/get',
      'insights.sample': '/api/v1/oec/affiliate/compass/sample/overview/get',
      'insights.outreach': '/api/v1/oec/affiliate/compass/outreach/overview/get',
    };
    for (const [endpoint, pattern] of Object.entries(CAPTURED_ENDPOINTS)) {
      const path = paths[endpoint] ?? pattern.source.replace(/\\\//g, '/').replace(/^\^|\$$/g, '');
      const summary = await ingestCaptures(db, [capture(path, renamed(2), { pageUrl: PAGE })]);
      expect(summary.rejected, endpoint).toBeGreaterThan(0);
      expect((await db.endpointStats.get(endpoint))?.failures, endpoint).toHaveProperty(['data.zz_order_rows: no_record']);
    }
  });
});

describe('the shape watch', () => {
  const answer = { code: 0, message: '', data: { zz_total: 2, zz_rows: [{ zz_id: '1', zz_rate: '10%' }] } };

  it('keeps the paths and types of an answer, and no value', async () => {
    await ingestCaptures(db, [capture('/api/v1/affiliate/orders', answer)]);
    const [shape] = await db.shapes.toArray();
    expect(shape).toMatchObject({ key: 'orders.list', endpoint: 'orders.list', answers: 1, firstSeenAt: NOW, lastSeenAt: NOW, truncated: 0 });
    expect(Object.keys(shape!.paths).sort()).toEqual(['code', 'data', 'data.zz_rows', 'data.zz_rows[]', 'data.zz_rows[].zz_id', 'data.zz_rows[].zz_rate', 'data.zz_total', 'message']);
    expect(JSON.stringify(shape)).not.toContain('10%');
  });

  it('counts the same answer seen again (a reload) once, and writes nothing for it', async () => {
    await ingestCaptures(db, [capture('/api/v1/affiliate/orders', answer)]);
    const before = await dump(db);
    await ingestCaptures(db, [capture('/api/v1/affiliate/orders', answer, { seenAt: NOW + 60_000 })]);
    expect((await db.shapes.get('orders.list'))?.answers).toBe(1);
    expect((await dump(db)).shapes).toEqual(before.shapes);
  });

  it('counts an answer of another shape as another answer, even with the same records', async () => {
    await ingestCaptures(db, [capture('/api/v1/affiliate/orders', answer)]);
    const changed = { ...answer, data: { ...answer.data, zz_new: true } };
    await ingestCaptures(db, [capture('/api/v1/affiliate/orders', changed, { seenAt: NOW + 60_000 })]);
    const shape = await db.shapes.get('orders.list');
    expect(shape?.answers).toBe(2);
    expect(shape?.paths['data.zz_new']).toMatchObject({ seen: 1, first: NOW + 60_000 });
    expect(shape?.paths['data.zz_total']).toMatchObject({ seen: 2 });
  });

  it('keeps each form of answer apart where the adapter names one (a Sample requests tab)', async () => {
    const list = '/api/v1/affiliate/sample/group/list';
    await ingestCaptures(db, [
      capture(list, answer, { requestBody: JSON.stringify({ tab: 10, cur_page: 1, page_size: 50 }) }),
      capture(list, answer, { requestBody: JSON.stringify({ tab: 30, cur_page: 1, page_size: 50 }), seenAt: NOW + 1 }),
    ]);
    expect((await db.shapes.toArray()).map((s) => s.key).sort()).toEqual(['sample.group.list|tab:10', 'sample.group.list|tab:30']);
  });

  it('folds a rejection path that names a value of the answer', async () => {
    const json = { code: 0, message: '', data: { zz_rows: [{ zz_id: '1' }] }, orders: [{ main_order_id: 'glowwithmaya', create_time: 'x' }] };
    await ingestCaptures(db, [capture('/api/v1/affiliate/orders', json)]);
    const stat = await db.endpointStats.get('orders.list');
    expect(JSON.stringify(stat)).not.toContain('glowwithmaya');
  });
});

describe('the shape report of real answers full of hostile values', () => {
  const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../test/fixtures/real-shapes/${name}`, import.meta.url), 'utf8')) as unknown;
  const profiles = fixture('creator-profile.types-2-5.zn-fixture.json') as Record<string, unknown>;
  const answers: [string, unknown, unknown][] = [
    ['/api/v1/affiliate/sample/group/list', fixture('sample-group-list.tab10.zn-fixture.json'), { tab: 10, cur_page: 1, page_size: 50 }],
    ['/api/v1/affiliate/sample/group/list', fixture('sample-group-list.tab30.zn-fixture.json'), { tab: 30, cur_page: 1, page_size: 50 }],
    ...Object.entries(profiles).map(([type, json]): [string, unknown, unknown] => [
      '/api/v1/oec/affiliate/creator/marketplace/profile',
      json,
      { creator_oec_id: '7000000000000000001', profile_types: [Number(type)] },
    ]),
  ];
  const HOSTILE = ['<img src=x onerror=alert(1)>', 'glow.with.maya', 'maya@example.com', '+62 812-3456-7890', 'Rp130.973.930', "'; DROP TABLE x; --", '\u202Eevil'];
  const secret = fc.oneof(
    fc.constantFrom(...HOSTILE),
    fc.stringMatching(/^[a-z][a-z0-9_]{2,10}$/).map((x) => `zq${x}`),
    fc.bigInt({ min: 10n ** 6n, max: 10n ** 19n }).map(String),
  );
  /** The answer with every string replaced by a secret (ids, handles, money and rates as TikTok might send them). */
  const fill = (v: unknown, next: () => string): unknown => {
    if (typeof v === 'string') return next();
    if (Array.isArray(v)) return v.map((x) => fill(x, next));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x, next)]));
    return v;
  };

  it('carries none of them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(secret, { minLength: 8, maxLength: 8 }), async (secrets) => {
        const store = freshDb();
        let i = 0;
        const next = () => secrets[i++ % secrets.length] as string;
        await ingestCaptures(
          store,
          answers.map(([path, json, body], k) => capture(path, fill(json, next), { requestBody: JSON.stringify(body), seenAt: NOW + k })),
        );
        const readsOf = (endpoint: string) => ADAPTERS[endpoint as EndpointId]?.reads;
        const text = JSON.stringify(shapeReport(await store.shapes.toArray(), await store.endpointStats.toArray(), readsOf, '0.2.0', NOW));
        store.close();
        expect(text).toContain('sample.group.list');
        for (const v of secrets) expect(text).not.toContain(JSON.stringify(v).slice(1, -1));
        expect(text).not.toMatch(/\d{6}/);
      }),
      { numRuns: 25 },
    );
  });
});
