import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dump, freshDb, withoutSeenTimes } from '../../../test/db';
import { API_URL, apply, creatorMaya, element, requestBody, toReviewPage } from '../../../test/fixtures/sample-group-list';
import { APPLY_ID, livePage, NOW, performanceBody, PERFORMANCE_API_URL, video, videoPage } from '../../../test/fixtures/sample-performance';
import { REFUNDABLE_API_URL, refundableApply, refundablePage } from '../../../test/fixtures/sample-refundable-list';
import type { Capture } from '../../capture/schema';
import { money } from '../../domain/money';
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
const single = (info: Record<string, unknown>, creator: Record<string, unknown> = creatorMaya) => ({ code: 0, agg_info: [element('7300000000000000001', creator, info)] });

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
    expect((await db.snapshots.toArray()).filter((x) => x.entity === 'sampleRequest')).toHaveLength(4);
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
    const onGroupList = single(apply({ apply_id: '1729000000000000201', curr_status: 50, expired_in: 0 }));
    await ingestCaptures(db, [groupList(onGroupList, 50, NOW + DAY)]);
    const r = await db.sampleRequests.get('1729000000000000201');
    expect(r).toMatchObject({ status: 'COMPLETED', sampleType: 'REFUNDABLE_SAMPLE', refundable: { goalUnits: 20, soldUnits: 7 }, source: { endpoint: 'sample.group.list' } });
  });
});

describe('a request’s whole life', () => {
  const at = (code: number | null, tab: number, seenAt: number, name?: string) =>
    groupList(single(apply({ curr_status: code, expired_in: '86400000', ...(name && { status: name }) })), tab, seenAt);
  const history = () => db.transitions.where('[entity+key]').equals(['sampleRequest', '1729000000000000101']).sortBy('seenAt');

  it('records one transition per stage, each dated when it was first seen, whichever list showed it', async () => {
    await ingestCaptures(db, [at(10, 10, NOW)]);
    await ingestCaptures(db, [at(20, 20, NOW + DAY)]);
    await ingestCaptures(db, [at(20, 20, NOW + DAY + 3_600_000)]);
    await ingestCaptures(db, [at(30, 30, NOW + 2 * DAY)]);
    await ingestCaptures(db, [refundable(single(refundableApply({ apply_id: '1729000000000000101' })), NOW + 5 * DAY)]);
    await ingestCaptures(db, [at(50, 50, NOW + 9 * DAY)]);
    expect((await history()).map((h) => [h.from, h.to, h.raw, h.seenAt, h.source.endpoint])).toEqual([
      [undefined, 'PENDING', 'curr_status:10', NOW, 'sample.group.list'],
      ['PENDING', 'AWAITING_SHIPMENT', 'curr_status:20', NOW + DAY, 'sample.group.list'],
      ['AWAITING_SHIPMENT', 'SHIPPED', 'curr_status:30', NOW + 2 * DAY, 'sample.group.list'],
      ['SHIPPED', 'CONTENT_PENDING', 'curr_status:40', NOW + 5 * DAY, 'sample.refundable.list'],
      // The Completed tab's code is our assumption: the record's own code is kept as sent.
      ['CONTENT_PENDING', 'COMPLETED', 'curr_status:50', NOW + 9 * DAY, 'sample.group.list'],
    ]);
    expect(await db.sampleRequests.get('1729000000000000101')).toMatchObject({ status: 'COMPLETED', statusSeenAt: NOW + 9 * DAY, deadline: undefined });
  });

  it('takes the stage from the tab when a record carries no curr_status, and records a cancelled ending a status name gives', async () => {
    await ingestCaptures(db, [at(null, 10, NOW)]);
    await ingestCaptures(db, [at(null, 20, NOW + DAY)]);
    await ingestCaptures(db, [at(60, 60, NOW + 4 * DAY, 'SELLER_NOT_SHIP_CANCELLED')]);
    expect((await history()).map((h) => [h.from, h.to, h.raw])).toEqual([
      [undefined, 'PENDING', 'tab:10'],
      ['PENDING', 'AWAITING_SHIPMENT', 'tab:20'],
      ['AWAITING_SHIPMENT', 'SELLER_NOT_SHIP_CANCELLED', 'curr_status:60 SELLER_NOT_SHIP_CANCELLED'],
    ]);
  });

  it('records a cancellation the Cancelled tab lists without a reason, which never replaces a reason already known', async () => {
    await ingestCaptures(db, [at(10, 10, NOW)]);
    await ingestCaptures(db, [at(60, 60, NOW + 8 * DAY)]);
    await ingestCaptures(db, [at(60, 60, NOW + 9 * DAY, 'REJECT_CANCELLED')]);
    await ingestCaptures(db, [at(60, 60, NOW + 10 * DAY)]);
    expect((await history()).map((h) => [h.from, h.to, h.raw])).toEqual([
      [undefined, 'PENDING', 'curr_status:10'],
      ['PENDING', 'CANCELLED', 'curr_status:60'],
      ['CANCELLED', 'REJECT_CANCELLED', 'curr_status:60 REJECT_CANCELLED'],
      ['REJECT_CANCELLED', 'REJECT_CANCELLED', 'curr_status:60'],
    ]);
    expect(await db.sampleRequests.get('1729000000000000101')).toMatchObject({ status: 'REJECT_CANCELLED', statusRaw: 'curr_status:60' });
  });

  it('keeps the last known stage when a sighting’s state cannot be read (a code and a tab we do not know)', async () => {
    await ingestCaptures(db, [at(10, 10, NOW)]);
    await ingestCaptures(db, [at(70, 70, NOW + 8 * DAY)]);
    expect(await db.sampleRequests.get('1729000000000000101')).toMatchObject({ status: 'PENDING', lastSeenAt: NOW + 8 * DAY });
    expect(await history()).toHaveLength(1);
  });
});

describe('what TikTok says of a request, and the creator’s figures on the sample list', () => {
  const page = (overrides: Record<string, unknown>, seenAt: number, creator: Record<string, unknown> = creatorMaya) =>
    groupList(single(apply(overrides), creator), 10, seenAt);
  const SOURCE = { endpoint: 'sample.group.list', page: SOURCE_PAGE };

  it('stores TikTok’s flags and scores with where and when they were seen, the review status and the sample’s order', async () => {
    await ingestCaptures(db, [page({}, NOW)]);
    expect(await db.sampleRequests.get('1729000000000000101')).toMatchObject({
      tiktok: { value: { canBeApproved: true, operable: true, predictedRoi: 0.3, finalScore: 0.7215, exposureScore: 0.5 }, seenAt: NOW, source: SOURCE },
      reviewStatusRaw: '10',
    });
    expect(await db.sampleRequests.get('1729000000000000101')).not.toHaveProperty('mainOrderId');
    await ingestCaptures(db, [page({ curr_status: 30, main_order_id: '576000000000000001', review_status: 20 }, NOW + DAY)]);
    expect(await db.sampleRequests.get('1729000000000000101')).toMatchObject({ mainOrderId: '576000000000000001', reviewStatusRaw: '20', tiktok: { seenAt: NOW + DAY } });
  });

  it('keeps the first sighting of an unchanged flag, dates a change, and keeps them when a list that carries none sees the request', async () => {
    await ingestCaptures(db, [page({}, NOW)]);
    await ingestCaptures(db, [page({}, NOW + 60_000)]);
    expect((await db.sampleRequests.get('1729000000000000101'))?.tiktok?.seenAt).toBe(NOW);
    await ingestCaptures(db, [page({ can_be_approved: false }, NOW + DAY)]);
    expect((await db.sampleRequests.get('1729000000000000101'))?.tiktok).toMatchObject({ value: { canBeApproved: false }, seenAt: NOW + DAY });
    const bare = refundableApply({ apply_id: '1729000000000000101', can_be_approved: undefined, operable: undefined, predict_roi: undefined, final_score: undefined, exposure_score: undefined });
    await ingestCaptures(db, [refundable(single(bare), NOW + 2 * DAY)]);
    // A late, older capture does not take them back either.
    await ingestCaptures(db, [page({}, NOW + DAY / 2)]);
    expect((await db.sampleRequests.get('1729000000000000101'))?.tiktok).toMatchObject({ value: { canBeApproved: false }, seenAt: NOW + DAY });
  });

  it('stores the creator’s figures as observed metrics with their provenance, dated as a snapshot when they change', async () => {
    await ingestCaptures(db, [page({}, NOW)]);
    const maya = await db.creators.get('glowwithmaya');
    expect(maya?.metrics).toEqual({
      value: {
        followers: 125_300,
        gmv: { minor: 4_825_050, currency: 'USD' },
        unitsSold: 1204,
        fulfillmentBps: 6085,
        contentVideoViews: 18_400,
        audience: {
          gender: [
            { key: 'female', bps: 8200 },
            { key: 'male', bps: 1800 },
          ],
          age: [
            { key: '18-24', bps: 4600 },
            { key: '25-34', bps: 3800 },
          ],
        },
      },
      seenAt: NOW,
      source: SOURCE,
    });
    expect(maya).toMatchObject({ followerCount: { value: 125_300, seenAt: NOW, source: SOURCE }, categories: ['Beauty & Personal Care'] });
    await ingestCaptures(db, [page({}, NOW + DAY)]);
    await ingestCaptures(db, [page({}, NOW + 2 * DAY, { ...creatorMaya, gmv: '$51,000.00' })]);
    const snapshots = await db.snapshots.where('[entity+key+seenAt]').between(['creator', 'glowwithmaya', 0], ['creator', 'glowwithmaya', Infinity]).toArray();
    expect(snapshots.map((x) => [x.seenAt, (x.values.gmv as { minor: number }).minor, x.source.endpoint])).toEqual([
      [NOW, 4_825_050, 'sample.group.list'],
      [NOW + 2 * DAY, 5_100_000, 'sample.group.list'],
    ]);
  });

  it('reads the figures in the shop’s own locale: an Indonesian shop’s rupiah', async () => {
    const idUrl = API_URL.replace('affiliate-us.tiktok.com', 'affiliate-id.tokopedia.com').replace('shop_region=US', 'shop_region=ID');
    const creator = { ...creatorMaya, gmv: 'Rp130.973.930', item_sold: '1.204', follower_num: '125.300', fulfillment_rate: '100.00%' };
    await ingestCaptures(db, [{ ...groupList(single(apply({ sku_price: { formatted_price: 'Rp455.000' } }), creator), 10, NOW), url: idUrl }]);
    expect((await db.creators.get('glowwithmaya'))?.metrics?.value).toMatchObject({ followers: 125_300, gmv: money('130973930', 'IDR'), unitsSold: 1204, fulfillmentBps: 10_000 });
    expect((await db.products.get('1729500000000000001'))?.price).toEqual(money('455000', 'IDR'));
  });

  it('stores every request of a page, a creator without figures staying without metrics', async () => {
    await ingestCaptures(db, [groupList(toReviewPage(), 10, NOW)]);
    expect(await db.sampleRequests.count()).toBe(5);
    expect((await db.creators.get('lee.reviews'))?.metrics).toBeUndefined();
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
