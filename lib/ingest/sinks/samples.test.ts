import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dump, freshDb, withoutSeenTimes } from '../../../test/db';
import { API_URL, apply, creatorMaya, requestBody } from '../../../test/fixtures/sample-group-list';
import { APPLY_ID, livePage, NOW, performanceBody, PERFORMANCE_API_URL, video, videoPage } from '../../../test/fixtures/sample-performance';
import { REFUNDABLE_API_URL, refundableApply, refundablePage } from '../../../test/fixtures/sample-refundable-list';
import type { Capture } from '../../capture/schema';
import type { AppDB } from '../../db/app-db';
import { ingestCaptures } from '../ingest';

const DAY = 86_400_000;
const SOURCE_PAGE = 'https://affiliate-us.tiktok.com/product/sample-request?shop_region=US&shop_id=7495000000000000001&tab=40';
const SHOP = 'US:7495000000000000001';

let n = 0;
const capture = (url: string, json: unknown, requestBody: string, seenAt = NOW): Capture => ({
  v: 1,
  id: `capture-${++n}`,
  url,
  method: 'POST',
  status: 200,
  requestBody,
  responseText: JSON.stringify(json),
  pageUrl: SOURCE_PAGE,
  seenAt,
});
const refundable = (json: unknown, seenAt = NOW, tab = 40) => capture(REFUNDABLE_API_URL, json, requestBody(tab), seenAt);
const groupList = (json: unknown, tab: number, seenAt: number) => capture(API_URL, json, requestBody(tab), seenAt);
const performance = (json: unknown, contentType: 1 | 2, seenAt = NOW) => capture(PERFORMANCE_API_URL, json, performanceBody(contentType), seenAt);
const single = (info: Record<string, unknown>) => ({ code: 0, data: { agg_info: [{ apply_detail: { creator_info: creatorMaya, apply_info: info } }] } });

let db: AppDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

describe('refundable sample requests', () => {
  it('stores each request as a refundable sample with its goal, progress, window and deposit, and dates the progress', async () => {
    const summary = await ingestCaptures(db, [refundable(refundablePage())]);
    expect(summary).toMatchObject({ accepted: 5, rejected: 0, shops: [SHOP] });
    const r = await db.sampleRequests.get('1729000000000000201');
    expect(r).toMatchObject({
      shopKey: SHOP,
      creatorHandle: 'glowwithmaya',
      status: 'CONTENT_PENDING',
      sampleType: 'REFUNDABLE_SAMPLE',
      refundable: { goalUnits: 20, soldUnits: 7, windowEndAt: NOW + 12 * DAY, deposit: { minor: 2499, currency: 'USD' } },
      deadline: { kind: 'content', at: NOW + 12 * DAY, seenAt: NOW },
      source: { endpoint: 'sample.refundable.list', page: SOURCE_PAGE },
    });
    // The request without refundable_info is still a refundable sample, with no progress invented.
    const bare = await db.sampleRequests.get('1729000000000000204');
    expect(bare?.sampleType).toBe('REFUNDABLE_SAMPLE');
    expect(bare).not.toHaveProperty('refundable');
    const snapshots = await db.snapshots.where('[entity+key+seenAt]').between(['sampleRequest', '1729000000000000201', 0], ['sampleRequest', '1729000000000000201', Infinity]).toArray();
    expect(snapshots.map((s) => s.values)).toEqual([{ refundable: { goalUnits: 20, soldUnits: 7, windowEndAt: NOW + 12 * DAY, deposit: { minor: 2499, currency: 'USD' } } }]);
    expect(await db.snapshots.count()).toBe(4);
  });

  it('is idempotent: the same page again adds no row and changes no fact', async () => {
    await ingestCaptures(db, [refundable(refundablePage())]);
    const before = await dump(db);
    await ingestCaptures(db, [refundable(refundablePage(), NOW + 60_000)]);
    await ingestCaptures(db, [refundable(refundablePage())]);
    const after = await dump(db);
    for (const name of Object.keys(before)) expect(after[name]?.length, name).toBe(before[name]?.length);
    expect(withoutSeenTimes(after)).toEqual(withoutSeenTimes(before));
  });

  it('snapshots progress only when it changes, and a late, older capture never overwrites newer progress', async () => {
    const sold = (count: number) => single(refundableApply({ refundable_info: { sales_target: 20, sales_count: count, end_time: String(NOW + 12 * DAY) } }));
    await ingestCaptures(db, [refundable(sold(7), NOW)]);
    await ingestCaptures(db, [refundable(sold(7), NOW + DAY)]);
    await ingestCaptures(db, [refundable(sold(11), NOW + 2 * DAY)]);
    await ingestCaptures(db, [refundable(sold(9), NOW + DAY + 1000)]);
    const snapshots = await db.snapshots.where('[entity+key+seenAt]').between(['sampleRequest', '1729000000000000201', 0], ['sampleRequest', '1729000000000000201', Infinity]).toArray();
    expect(snapshots.map((s) => [s.seenAt, (s.values.refundable as { soldUnits: number }).soldUnits])).toEqual([
      [NOW, 7],
      [NOW + 2 * DAY, 11],
    ]);
    expect((await db.sampleRequests.get('1729000000000000201'))?.refundable?.soldUnits).toBe(11);
  });

  it('keeps the refundable progress when the same request is seen on the free-sample list, which carries none', async () => {
    await ingestCaptures(db, [refundable(refundablePage())]);
    const onGroupList = single(apply({ apply_id: '1729000000000000201', sample_type: 'REFUNDABLE_SAMPLE', status: 'COMPLETED', expired_in: '0' }));
    await ingestCaptures(db, [groupList(onGroupList, 50, NOW + DAY)]);
    const r = await db.sampleRequests.get('1729000000000000201');
    expect(r).toMatchObject({ status: 'COMPLETED', sampleType: 'REFUNDABLE_SAMPLE', refundable: { goalUnits: 20, soldUnits: 7 }, source: { endpoint: 'sample.group.list' } });
  });
});

describe('a request’s whole life', () => {
  const at = (status: string | null, tab: number, seenAt: number) => groupList(single(apply({ status, expired_in: '86400000' })), tab, seenAt);
  const history = () => db.transitions.where('[entity+key]').equals(['sampleRequest', '1729000000000000101']).sortBy('seenAt');

  it('records one transition per stage, each dated when it was first seen, whichever list showed it', async () => {
    await ingestCaptures(db, [at('PENDING', 10, NOW)]);
    await ingestCaptures(db, [at('AWAITING_SHIPMENT', 20, NOW + DAY)]);
    await ingestCaptures(db, [at('AWAITING_SHIPMENT', 20, NOW + DAY + 3_600_000)]);
    await ingestCaptures(db, [at('SHIPPED', 30, NOW + 2 * DAY)]);
    await ingestCaptures(db, [refundable(single(refundableApply({ apply_id: '1729000000000000101' })), NOW + 5 * DAY)]);
    await ingestCaptures(db, [at('COMPLETED', 50, NOW + 9 * DAY)]);
    expect((await history()).map((h) => [h.from, h.to, h.seenAt, h.source.endpoint])).toEqual([
      [undefined, 'PENDING', NOW, 'sample.group.list'],
      ['PENDING', 'AWAITING_SHIPMENT', NOW + DAY, 'sample.group.list'],
      ['AWAITING_SHIPMENT', 'SHIPPED', NOW + 2 * DAY, 'sample.group.list'],
      ['SHIPPED', 'CONTENT_PENDING', NOW + 5 * DAY, 'sample.refundable.list'],
      ['CONTENT_PENDING', 'COMPLETED', NOW + 9 * DAY, 'sample.group.list'],
    ]);
    expect(await db.sampleRequests.get('1729000000000000101')).toMatchObject({ status: 'COMPLETED', statusSeenAt: NOW + 9 * DAY, deadline: undefined });
  });

  it('takes the stage from the tab when a record carries no status, and records a cancelled ending it names', async () => {
    await ingestCaptures(db, [at(null, 10, NOW)]);
    await ingestCaptures(db, [at(null, 20, NOW + DAY)]);
    await ingestCaptures(db, [at('SELLER_NOT_SHIP_CANCELLED', 60, NOW + 4 * DAY)]);
    expect((await history()).map((h) => [h.from, h.to, h.raw])).toEqual([
      [undefined, 'PENDING', 'tab:10'],
      ['PENDING', 'AWAITING_SHIPMENT', 'tab:20'],
      ['AWAITING_SHIPMENT', 'SELLER_NOT_SHIP_CANCELLED', 'SELLER_NOT_SHIP_CANCELLED'],
    ]);
  });

  it('keeps the last known stage when the Cancelled tab lists a request without saying which ending', async () => {
    await ingestCaptures(db, [at('PENDING', 10, NOW)]);
    await ingestCaptures(db, [at(null, 60, NOW + 8 * DAY)]);
    expect(await db.sampleRequests.get('1729000000000000101')).toMatchObject({ status: 'PENDING', lastSeenAt: NOW + 8 * DAY });
    expect(await history()).toHaveLength(1);
  });
});

describe('sample content', () => {
  it('stores videos and LIVEs tied to the sample request, the creator and the shop, with the post link', async () => {
    const summary = await ingestCaptures(db, [performance(videoPage(), 2), performance(livePage(), 1, NOW + 1000)]);
    expect(summary).toMatchObject({ accepted: 3, rejected: 0, handles: ['glowwithmaya'] });
    const contents = await db.sampleContents.where('applyId').equals(APPLY_ID).sortBy('contentId');
    expect(contents.map((c) => [c.contentId, c.format, c.creatorHandle, c.shopKey])).toEqual([
      ['7310000000000000001', 'VIDEO', 'glowwithmaya', SHOP],
      ['7310000000000000002', 'VIDEO', 'glowwithmaya', SHOP],
      ['7320000000000000001', 'LIVE', 'glowwithmaya', SHOP],
    ]);
    expect(contents[0]).toMatchObject({
      url: 'https://www.tiktok.com/@glowwithmaya/video/7310000000000000001',
      views: 18_422,
      paidOrders: 9,
      postedAt: NOW - 2 * DAY,
      source: { endpoint: 'sample.performance', page: SOURCE_PAGE },
    });
    expect(await db.sampleContents.where('[shopKey+creatorHandle]').equals([SHOP, 'glowwithmaya']).count()).toBe(3);
    expect((await db.creators.get('glowwithmaya'))?.aliases).toEqual(['cid:7494000000000000001']);
  });

  it('is idempotent and dates the counts only when they change; a late, older capture never overwrites newer counts', async () => {
    const counts = (views: number) => ({ code: 0, data: { apply_id: APPLY_ID, creator_info: creatorMaya, content_list: [{ content: video({ view_count: views }) }] } });
    await ingestCaptures(db, [performance(counts(100), 2, NOW)]);
    const before = await dump(db);
    await ingestCaptures(db, [performance(counts(100), 2, NOW + 1000)]);
    const after = await dump(db);
    for (const name of Object.keys(before)) expect(after[name]?.length, name).toBe(before[name]?.length);
    expect(withoutSeenTimes(after)).toEqual(withoutSeenTimes(before));

    await ingestCaptures(db, [performance(counts(900), 2, NOW + 2 * DAY)]);
    await ingestCaptures(db, [performance(counts(400), 2, NOW + DAY)]);
    const snapshots = await db.snapshots.where('[entity+key+seenAt]').between(['sampleContent', '7310000000000000001', 0], ['sampleContent', '7310000000000000001', Infinity]).toArray();
    expect(snapshots.map((s) => [s.seenAt, s.values.views])).toEqual([
      [NOW, 100],
      [NOW + 2 * DAY, 900],
    ]);
    expect(await db.sampleContents.get('7310000000000000001')).toMatchObject({ views: 900, firstSeenAt: NOW, lastSeenAt: NOW + 2 * DAY });
  });

  it('keeps counts it already knows when a later sighting leaves them out', async () => {
    await ingestCaptures(db, [performance(videoPage(), 2)]);
    const page = videoPage();
    page.data.content_list[0]!.content = video({ like_count: null, comment_count: undefined });
    await ingestCaptures(db, [performance(page, 2, NOW + DAY)]);
    expect(await db.sampleContents.get('7310000000000000001')).toMatchObject({ likes: 1204, comments: 37, lastSeenAt: NOW + DAY });
  });

  it('stores nothing of a broken record and counts it for diagnostics', async () => {
    const page = videoPage();
    page.data.content_list[0]!.content = video({ url: 'javascript:alert(1)' });
    await ingestCaptures(db, [performance(page, 2)]);
    expect(await db.sampleContents.get('7310000000000000001')).toBeUndefined();
    expect(await db.sampleContents.count()).toBe(1);
    expect(await db.endpointStats.get('sample.performance')).toMatchObject({ accepted: 1, rejected: 1, failures: { 'data.content_list[].content.url: custom': 1 } });
  });
});
