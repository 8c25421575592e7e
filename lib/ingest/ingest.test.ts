import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_URL, apply, creatorMaya, element, NOW, PAGE_URL, requestBody, toReviewPage } from '../../test/fixtures/sample-group-list';
import { dump, freshDb, withoutSeenTimes } from '../../test/db';
import type { Capture } from '../capture/schema';
import type { AppDB } from '../db/app-db';
import { ingestCaptures } from './ingest';
import { SEEN_RESOLUTION_MS } from './repeat';

let n = 0;
const capture = (json: unknown, overrides: Partial<Capture> = {}): Capture => ({
  v: 1,
  id: `capture-${++n}`,
  url: API_URL,
  method: 'POST',
  status: 200,
  requestBody: requestBody(),
  responseText: JSON.stringify(json),
  pageUrl: PAGE_URL,
  seenAt: NOW,
  ...overrides,
});

const REQUESTS = ['1729000000000000101', '1729000000000000102', '1729000000000000103', '1729000000000000104', '1729000000000000105'];

let db: AppDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

describe('ingestCaptures', () => {
  it('stores shop, creators, products, SKUs, requests, first statuses and one observation', async () => {
    const summary = await ingestCaptures(db, [capture(toReviewPage())]);
    expect(summary).toEqual({
      accepted: 5,
      rejected: 0,
      shops: ['US:7495000000000000001'],
      handles: ['glowwithmaya', 'lee.reviews', 'dapurbunda.id'],
      changes: {
        shops: ['US:7495000000000000001'],
        creators: ['glowwithmaya', 'lee.reviews', 'dapurbunda.id'],
        products: ['1729500000000000001', '1729500000000000002', '1729500000000000003'],
        skus: ['1729600000000000001', '1729600000000000002'],
        sampleRequests: REQUESTS,
        transitions: REQUESTS.map((id) => `sampleRequest|${id}`),
        snapshots: ['creator|glowwithmaya', 'creator|dapurbunda.id'],
        observations: [expect.any(String) as unknown],
        endpointStats: ['sample.group.list'],
        shapes: ['sample.group.list|tab:10'],
      },
    });
    expect(await db.shops.toArray()).toEqual([
      { key: 'US:7495000000000000001', region: 'US', sellerId: '7495000000000000001', host: 'affiliate-us.tiktok.com', firstSeenAt: NOW, lastSeenAt: NOW },
    ]);
    expect(await db.creators.count()).toBe(3);
    expect(await db.products.count()).toBe(3);
    expect(await db.sampleRequests.count()).toBe(5);
    expect(await db.transitions.count()).toBe(5);
    const obs = await db.observations.toArray();
    expect(obs).toHaveLength(1);
    expect(obs[0]).toMatchObject({ endpoint: 'sample.group.list', page: PAGE_URL, recordKeys: expect.arrayContaining(['sampleRequests:1729000000000000101', 'creators:glowwithmaya']) as unknown });
  });

  it('derives the review deadline from expired_in and the capture time, with provenance', async () => {
    await ingestCaptures(db, [capture(toReviewPage())]);
    const r = await db.sampleRequests.get('1729000000000000101');
    expect(r?.deadline).toEqual({ kind: 'review', at: NOW + 82_800_000, seenAt: NOW });
    expect(r?.source).toEqual({ endpoint: 'sample.group.list', page: PAGE_URL });
    const maya = await db.creators.get('glowwithmaya');
    expect(maya?.fulfillmentBps).toEqual({ value: 6085, seenAt: NOW, source: { endpoint: 'sample.group.list', page: PAGE_URL } });
  });

  it('is idempotent: the same page seen again (a reload, a re-sent batch) adds no row and changes no fact', async () => {
    await ingestCaptures(db, [capture(toReviewPage())]);
    const before = await dump(db);
    // A reload later: expired_in has shrunk by the time that passed, the deadline is the same.
    const reloadAfter = (ms: number): unknown =>
      JSON.parse(
        JSON.stringify(toReviewPage()).replace(/"expired_in":("?)(\d+)"?/g, (_m, quote: string, left: string) => `"expired_in":${quote}${Number(left) - ms}${quote}`),
      );
    // Within the seen-time resolution a reload rewrites nothing but when the endpoint last answered, so the rule engine
    // has nothing to re-check.
    expect((await ingestCaptures(db, [capture(reloadAfter(60_000), { seenAt: NOW + 60_000 })])).changes).toEqual({ endpointStats: ['sample.group.list'] });
    expect({ ...(await dump(db)), endpointStats: before.endpointStats }).toEqual(before);
    expect((await db.endpointStats.toArray()).map((s) => s.lastSeenAt)).toEqual([NOW + 60_000]);
    await ingestCaptures(db, [capture(reloadAfter(SEEN_RESOLUTION_MS), { seenAt: NOW + SEEN_RESOLUTION_MS })]);
    await ingestCaptures(db, [capture(toReviewPage())]);
    const after = await dump(db);
    for (const name of Object.keys(before)) expect(after[name]?.length, name).toBe(before[name]?.length);
    expect(withoutSeenTimes(after)).toEqual(withoutSeenTimes(before));
    expect((await db.shops.toArray())[0]?.lastSeenAt).toBe(NOW + SEEN_RESOLUTION_MS);
  });

  it('records each observed status change once, with the time it was seen', async () => {
    await ingestCaptures(db, [capture(toReviewPage())]);
    const shipped = { agg_info: [element('7300000000000000001', creatorMaya, apply({ curr_status: 30, expired_in: 0 }))] };
    await ingestCaptures(db, [capture(shipped, { seenAt: NOW + 86_400_000, requestBody: requestBody(30) })]);
    await ingestCaptures(db, [capture(shipped, { seenAt: NOW + 90_000_000, requestBody: requestBody(30) })]);
    const history = await db.transitions.where('[entity+key]').equals(['sampleRequest', '1729000000000000101']).sortBy('seenAt');
    expect(history.map((h) => [h.from, h.to, h.seenAt])).toEqual([
      [undefined, 'PENDING', NOW],
      ['PENDING', 'SHIPPED', NOW + 86_400_000],
    ]);
    const r = await db.sampleRequests.get('1729000000000000101');
    expect(r).toMatchObject({ status: 'SHIPPED', statusSeenAt: NOW + 86_400_000, deadline: undefined });
  });

  it('never lets a late, older capture overwrite a newer status', async () => {
    const shipped = { agg_info: [element('7300000000000000001', creatorMaya, apply({ curr_status: 30 }))] };
    await ingestCaptures(db, [capture(shipped, { seenAt: NOW + 1000 })]);
    await ingestCaptures(db, [capture(toReviewPage(), { seenAt: NOW })]);
    expect((await db.sampleRequests.get('1729000000000000101'))?.status).toBe('SHIPPED');
  });

  it('counts rejected records per endpoint with their failing paths, stores none of them, and counts a sighting once', async () => {
    const page = toReviewPage();
    page.agg_info[0]!.apply_deatil.apply_info = apply({ expired_in: 'soon' });
    await ingestCaptures(db, [capture(page)]);
    await ingestCaptures(db, [capture(page)]);
    expect(await db.sampleRequests.get('1729000000000000101')).toBeUndefined();
    expect(await db.endpointStats.get('sample.group.list')).toMatchObject({
      accepted: 4,
      rejected: 1,
      failures: { 'agg_info[].apply_deatil.apply_info.expired_in: invalid_union': 1 },
      lastRejectedAt: NOW,
    });
  });

  it('reports a body that is not JSON', async () => {
    const summary = await ingestCaptures(db, [capture(null, { responseText: '{"data": [' })]);
    expect(summary.rejected).toBe(1);
    expect((await db.endpointStats.get('sample.group.list'))?.failures).toEqual({ '(body): invalid_json': 1 });
  });

  it('records nothing for an error envelope: no shop sighting, no observation', async () => {
    const summary = await ingestCaptures(db, [capture({ code: 10000, message: 'captcha' })]);
    expect(summary).toEqual({ accepted: 0, rejected: 0, shops: [], handles: [], changes: {} });
    expect(Object.values(await dump(db)).every((rows) => rows.length === 0)).toBe(true);
  });

  it('keeps a known status when a later sighting carries one it cannot read', async () => {
    await ingestCaptures(db, [capture(toReviewPage())]);
    const odd = { agg_info: [element('7300000000000000001', creatorMaya, apply({ curr_status: 99 }))] };
    await ingestCaptures(db, [capture(odd, { seenAt: NOW + 1000, requestBody: JSON.stringify({ cur_page: 1 }) })]);
    expect((await db.sampleRequests.get('1729000000000000101'))?.status).toBe('PENDING');
    expect(await db.transitions.where('[entity+key]').equals(['sampleRequest', '1729000000000000101']).count()).toBe(1);
  });

  it('ignores captures of endpoints it does not read', async () => {
    const summary = await ingestCaptures(db, [capture({}, { url: 'https://affiliate-us.tiktok.com/api/v1/affiliate/menu' })]);
    expect(summary).toEqual({ accepted: 0, rejected: 0, shops: [], handles: [], changes: {} });
    expect(await db.observations.count()).toBe(0);
  });

  it('writes all of a batch or nothing of it', async () => {
    vi.spyOn(db.transitions, 'bulkAdd').mockRejectedValueOnce(new Error('disk full'));
    await expect(ingestCaptures(db, [capture(toReviewPage())])).rejects.toThrow('disk full');
    const rows = await dump(db);
    expect(Object.values(rows).every((r) => r.length === 0)).toBe(true);
  });

  it('takes the shop from the API call when the page URL does not name it', async () => {
    await ingestCaptures(db, [capture(toReviewPage(), { pageUrl: 'https://affiliate.tiktok.com/affiliate/sample/sample-request?tab=10', url: API_URL.replace('shop_region=US', 'shop_region=GB') })]);
    expect((await db.shops.toArray()).map((s) => s.key)).toEqual(['GB:7495000000000000001']);
  });
});
