import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dump, freshDb, withoutSeenTimes } from '../../../test/db';
import {
  apiUrl,
  authBody,
  authProfiles,
  DETAIL_PAGE_URL,
  FIND_PATH,
  leeListed,
  listBody,
  listPage,
  MAYA_CID,
  mayaListed,
  NOW,
  PAGE_URL,
  PROFILE_PATH,
  AUTH_PROFILES_PATH,
  profileBody,
  profilePart,
  RANK_PATH,
  rankBody,
  rankPage,
  RANKINGS_PAGE_URL,
  SEARCH_PATH,
  SELLER_ID,
  trendData,
} from '../../../test/fixtures/creators';
import { API_URL as SAMPLE_API_URL, PAGE_URL as SAMPLE_PAGE_URL, requestBody as sampleBody, toReviewPage } from '../../../test/fixtures/sample-group-list';
import type { Capture } from '../../capture/schema';
import type { AppDB } from '../../db/app-db';
import { ingestCaptures } from '../ingest';

const DAY = 86_400_000;
let n = 0;
function capture(path: string, json: unknown, body: unknown, overrides: Partial<Capture> = {}): Capture {
  return {
    v: 1,
    id: `creators-${++n}`,
    url: apiUrl(path),
    method: 'POST',
    status: 200,
    requestBody: JSON.stringify(body),
    responseText: JSON.stringify(json),
    pageUrl: PAGE_URL,
    seenAt: NOW,
    ...overrides,
  };
}
const findCapture = (list: unknown[], seenAt = NOW) => capture(FIND_PATH, listPage(list), listBody(), { seenAt });
const part = (type: number, seenAt = NOW, opts?: Parameters<typeof profilePart>[1]) =>
  capture(PROFILE_PATH, profilePart(type, type === 4 && opts?.trend === undefined ? { ...opts, trend: trendData() } : opts), profileBody(type), {
    seenAt,
    pageUrl: DETAIL_PAGE_URL,
  });
const ranking = (json: unknown, body: unknown, seenAt = NOW) => capture(RANK_PATH, json, body, { seenAt, pageUrl: RANKINGS_PAGE_URL });

const snapshotsOf = (db: AppDB, entity: string, key: string) =>
  db.snapshots.where('[entity+key+seenAt]').between([entity, key, 0], [entity, key, Number.MAX_SAFE_INTEGER]).toArray();

let db: AppDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

describe('creator metrics over time', () => {
  it('keeps one dated snapshot per change: two sightings that differ and one that repeats give exactly two', async () => {
    const first = mayaListed();
    const second = mayaListed({
      follower_cnt: { value: '131000', is_authorized: true },
      med_gmv_revenue: { is_authorized: true, status: 0, value: { value: { value: '15020.00', format: '$15K' }, symbol: '$' } },
    });
    await ingestCaptures(db, [findCapture([first], NOW)]);
    await ingestCaptures(db, [findCapture([second], NOW + DAY)]);
    await ingestCaptures(db, [findCapture([second], NOW + 2 * DAY)]);
    const snaps = await snapshotsOf(db, 'creator', 'glowwithmaya');
    expect(snaps.map((s) => [s.seenAt, s.values.followers, s.values.gmv])).toEqual([
      [NOW, 125_300, { minor: 1_284_050, currency: 'USD' }],
      [NOW + DAY, 131_000, { minor: 1_502_000, currency: 'USD' }],
    ]);
    expect(snaps[1]?.source).toEqual({ endpoint: 'creators.find', page: PAGE_URL });
    const maya = await db.creators.get('glowwithmaya');
    expect(maya?.followerCount).toEqual({ value: 131_000, seenAt: NOW + 2 * DAY, source: { endpoint: 'creators.find', page: PAGE_URL } });
    expect(maya?.lastSeenAt).toBe(NOW + 2 * DAY);
  });

  it('is idempotent: the same list again (a reload, a re-sent batch) adds no row and changes no fact', async () => {
    await ingestCaptures(db, [findCapture([mayaListed(), leeListed()])]);
    const before = await dump(db);
    await ingestCaptures(db, [findCapture([mayaListed(), leeListed()], NOW + 60_000)]);
    await ingestCaptures(db, [findCapture([mayaListed(), leeListed()])]);
    const after = await dump(db);
    for (const name of Object.keys(before)) expect(after[name]?.length, name).toBe(before[name]?.length);
    expect(withoutSeenTimes(after)).toEqual(withoutSeenTimes(before));
    expect((await db.endpointStats.get('creators.find'))?.accepted).toBe(2);
  });

  it('never lets a late, older sighting overwrite newer metrics', async () => {
    await ingestCaptures(db, [findCapture([mayaListed({ follower_cnt: { value: '131000' } })], NOW + DAY)]);
    await ingestCaptures(db, [findCapture([mayaListed()], NOW)]);
    expect((await db.creators.get('glowwithmaya'))?.metrics?.value.followers).toBe(131_000);
  });

  it('joins one creator across surfaces: the sample list’s creator id and the marketplace ids are aliases of one handle', async () => {
    await ingestCaptures(db, [
      { v: 1, id: 'sample', url: SAMPLE_API_URL, method: 'POST', status: 200, requestBody: sampleBody(), responseText: JSON.stringify(toReviewPage()), pageUrl: SAMPLE_PAGE_URL, seenAt: NOW },
      capture(SEARCH_PATH, listPage([mayaListed()]), { ...listBody(), query: 'maya' }, { seenAt: NOW + 1 }),
      part(1, NOW + 2),
    ]);
    const maya = await db.creators.get('glowwithmaya');
    expect(maya?.aliases).toEqual(['cid:7494000000000000001', `cid:${MAYA_CID}`, `oecuid:${MAYA_CID}`]);
    expect(maya?.fulfillmentBps?.value).toBe(9250);
    expect(await db.creators.where('aliases').equals(`oecuid:${MAYA_CID}`).count()).toBe(1);
  });

  it('stores unauthorised creators’ ranges, not values', async () => {
    await ingestCaptures(db, [findCapture([leeListed()])]);
    const lee = await db.creators.get('lee.reviews');
    expect(lee?.metrics?.value.gmv).toBeUndefined();
    expect(lee?.metrics?.value.gmvRange).toEqual({ min: 100_000, max: 1_000_000, label: '$1K-$10K', currency: 'USD' });
  });
});

describe('shop-relative flags and the median commission (shopCreators)', () => {
  it('keeps them per shop with when and where they were seen; the same rate extends its span, another starts anew', async () => {
    await ingestCaptures(db, [findCapture([mayaListed(), leeListed()], NOW)]);
    await ingestCaptures(db, [findCapture([mayaListed()], NOW + DAY)]);
    const shopKey = `US:${SELLER_ID}`;
    expect(await db.shopCreators.get([shopKey, 'glowwithmaya'])).toEqual({
      shopKey,
      handle: 'glowwithmaya',
      flags: { value: { hasCollaborated: false, invitedWithin90d: true, blockedByShop: false, highSampleDispatchRate: true }, seenAt: NOW + DAY, source: { endpoint: 'creators.find', page: PAGE_URL } },
      medianCommission: { bps: 1250, minBps: 1000, maxBps: 1500, label: '10%-15%', form: 'label', firstSeenAt: NOW, lastSeenAt: NOW + DAY, source: { endpoint: 'creators.find', page: PAGE_URL } },
      categories: {
        value: [
          { id: '601450', name: 'Beauty & Personal Care' },
          { id: '700645', name: 'Health' },
        ],
        seenAt: NOW + DAY,
        source: { endpoint: 'creators.find', page: PAGE_URL },
      },
      firstSeenAt: NOW,
      lastSeenAt: NOW + DAY,
    });
    await ingestCaptures(db, [findCapture([mayaListed({ med_commission_rate_range: { is_authorized: true, status: 0, value: '15%-20%' } })], NOW + 2 * DAY)]);
    expect((await db.shopCreators.get([shopKey, 'glowwithmaya']))?.medianCommission).toMatchObject({ bps: 1750, firstSeenAt: NOW + 2 * DAY, lastSeenAt: NOW + 2 * DAY });
    // A late, older sighting changes nothing.
    await ingestCaptures(db, [findCapture([mayaListed()], NOW + DAY + 1)]);
    expect((await db.shopCreators.get([shopKey, 'glowwithmaya']))?.medianCommission?.bps).toBe(1750);
    // Another shop sees the same creator apart; the creator itself carries no shop-relative flag.
    const gbUrl = apiUrl(FIND_PATH).replace('shop_region=US', 'shop_region=GB').replace(SELLER_ID, '7495000000000000002');
    await ingestCaptures(db, [{ ...findCapture([mayaListed({ has_collaborated: { is_authorized: true, status: 0, value: true } })], NOW + 3 * DAY), url: gbUrl }]);
    expect((await db.shopCreators.get(['GB:7495000000000000002', 'glowwithmaya']))?.flags?.value.hasCollaborated).toBe(true);
    expect((await db.shopCreators.get([shopKey, 'glowwithmaya']))?.flags?.value.hasCollaborated).toBe(false);
    expect(JSON.stringify(await db.creators.get('glowwithmaya'))).not.toContain('hasCollaborated');
  });
});

describe('creator detail', () => {
  it('merges every profile type into the one creator, trend points as dated snapshots, contacts apart', async () => {
    await ingestCaptures(db, [1, 2, 3, 4, 5].map((t) => part(t, NOW + t)));
    expect(await db.creators.count()).toBe(1);
    const maya = await db.creators.get('glowwithmaya');
    expect(maya?.aliases).toEqual([`cid:${MAYA_CID}`, `oecuid:${MAYA_CID}`]);
    expect(Object.keys(maya?.metrics?.value ?? {}).sort()).toEqual(
      [
        'allLiveEngagementBps', 'allLiveMedianViews', 'allVideoEngagementBps', 'allVideoMedianViews', 'audience', 'avgCommissionBps', 'avgRevenuePerBuyer',
        'collaboratedBrands', 'engagementBps', 'followers', 'fulfillmentBps', 'gmv', 'gpm', 'liveEngagementBps', 'liveGmv', 'liveGpm', 'liveGpmRange',
        'medianLiveViews', 'medianVideoViews', 'postRateBps', 'unitsSold', 'videoGmv', 'videoGpm', 'videoGpmRange',
      ].sort(),
    );
    expect(maya?.contactChannels).toEqual(['email', 'whatsapp']);
    expect(JSON.stringify(await db.creators.toArray())).not.toMatch(/example\.com|5551234567/);
    expect(await db.contacts.where('[entity+key]').equals(['creator', 'glowwithmaya']).toArray()).toEqual([
      { id: 'creator|glowwithmaya|email', entity: 'creator', key: 'glowwithmaya', channel: 'email', value: 'maya.collabs@example.com', seenAt: NOW + 1 },
      { id: 'creator|glowwithmaya|whatsapp', entity: 'creator', key: 'glowwithmaya', channel: 'whatsapp', value: '+1 5551234567', seenAt: NOW + 1 },
    ]);
    // Parts 1–3 each add metrics (a dated snapshot each); the trend (4) and the top videos (5) are snapshots of their own.
    expect((await snapshotsOf(db, 'creator', 'glowwithmaya')).map((s) => s.seenAt)).toEqual([1, 2, 3].map((t) => NOW + t));
    const trend = await snapshotsOf(db, 'creatorTrend', 'glowwithmaya');
    expect(trend.map((s) => [s.at, s.values.followers, s.seenAt])).toEqual([
      [1_763_251_200_000, 125_000, NOW + 4],
      [1_763_337_600_000, 125_100, NOW + 4],
      [1_763_424_000_000, 125_200, NOW + 4],
    ]);
    expect(trend[0]?.values.gmv).toEqual({ minor: 40_050, currency: 'USD' });
    expect((await snapshotsOf(db, 'creatorTopVideos', 'glowwithmaya')).map((s) => s.values)).toEqual([{ videos: [] }]);
    // The parts again add nothing; the next day's trend adds only its new point.
    await ingestCaptures(db, [1, 2, 3, 5].map((t) => part(t, NOW + DAY + t)));
    await ingestCaptures(db, [part(4, NOW + DAY + 4, { trend: trendData(4) })]);
    expect(await snapshotsOf(db, 'creator', 'glowwithmaya')).toHaveLength(3);
    expect((await snapshotsOf(db, 'creatorTrend', 'glowwithmaya')).map((s) => s.seenAt)).toEqual([NOW + 4, NOW + 4, NOW + 4, NOW + DAY + 4]);
    expect(await snapshotsOf(db, 'creatorTopVideos', 'glowwithmaya')).toHaveLength(1);
    // Each part is its own sighting on the page, counted once however often it is seen.
    expect((await db.endpointStats.get('creators.profile'))?.accepted).toBe(5);
    expect((await db.endpointStats.get('creators.profile'))?.rejected ?? 0).toBe(0);
    // The overview's median commission and categories are the shop's market observation.
    expect((await db.shopCreators.get([`US:${SELLER_ID}`, 'glowwithmaya']))?.medianCommission).toMatchObject({ bps: 1500, form: 'exact', firstSeenAt: NOW + 1 });
  });

  it('keeps the channels the newest part lists, whatever arrives late', async () => {
    const emailOnly = { contact_info: [{ field: 7, value: 'maya.collabs@example.com' }] };
    await ingestCaptures(db, [part(1, NOW + DAY, { connect: emailOnly })]);
    await ingestCaptures(db, [part(1, NOW)]);
    expect((await db.creators.get('glowwithmaya'))?.contactChannels).toEqual(['email']);
    await ingestCaptures(db, [part(1, NOW + 2 * DAY, { connect: null })]);
    expect((await db.creators.get('glowwithmaya'))?.contactChannels).toEqual(['email']);
  });

  it('ties a part without a handle to the creator stored under its cid or oecuid, and holds it until that creator is known', async () => {
    // The audience part (no handle) arrives before the overview: it waits, then lands on the creator.
    await ingestCaptures(db, [part(3, NOW)]);
    expect(await db.creators.count()).toBe(0);
    expect(await snapshotsOf(db, 'creatorDetailPending', MAYA_CID)).toHaveLength(1);
    await ingestCaptures(db, [part(1, NOW + 1)]);
    expect((await db.creators.get('glowwithmaya'))?.metrics?.value.audience?.gender).toEqual([{ key: 'female', bps: 7000 }]);
    expect(await snapshotsOf(db, 'creatorDetailPending', MAYA_CID)).toHaveLength(0);
    // The page is told which creator the part was about, though it named only the creator id.
    expect((await ingestCaptures(db, [part(2, NOW + 2)])).handles).toEqual(['glowwithmaya']);
    expect((await db.creators.get('glowwithmaya'))?.metrics?.value.postRateBps).toBe(9125);
  });

  it('ties a part to a creator seen only in Find creators, by the list’s oecuid', async () => {
    await ingestCaptures(db, [findCapture([mayaListed()], NOW), part(2, NOW + 1)]);
    expect((await db.creators.get('glowwithmaya'))?.metrics?.value.postRateBps).toBe(9125);
  });

  it('stores the authorised profiles list under the same creator', async () => {
    await ingestCaptures(db, [capture(AUTH_PROFILES_PATH, authProfiles(), authBody(), { pageUrl: DETAIL_PAGE_URL }), part(2, NOW + 1)]);
    const maya = await db.creators.get('glowwithmaya');
    expect(maya).toMatchObject({ aliases: [`cid:${MAYA_CID}`], categories: ['Beauty & Personal Care'] });
    expect(maya?.metrics?.value).toMatchObject({ followers: 125_300, postRateBps: 9125 });
  });
});

describe('creator rankings', () => {
  const list = '1|1|All|1';
  it('keeps each ranking page as a dated snapshot, only when it changed', async () => {
    await ingestCaptures(db, [ranking(rankPage(), rankBody())]);
    await ingestCaptures(db, [ranking(rankPage(), rankBody(), NOW + 60_000)]);
    let snaps = await snapshotsOf(db, 'ranking', list);
    expect(snaps.map((s) => s.values)).toEqual([{ region: 'US', date: '2025-11-19', firstRank: 1, handles: ['glowwithmaya', 'lee.reviews', 'dapurbunda.id'] }]);
    expect(snaps[0]?.source).toEqual({ endpoint: 'creators.rankings', page: RANKINGS_PAGE_URL });

    // Page 2 of the same list is its own page: flipping between them stores nothing new.
    await ingestCaptures(db, [ranking(rankPage(['x.four', 'y.five'], 21), rankBody({}, 2), NOW + 120_000)]);
    await ingestCaptures(db, [ranking(rankPage(), rankBody(), NOW + 180_000)]);
    await ingestCaptures(db, [ranking(rankPage(['x.four', 'y.five'], 21), rankBody({}, 2), NOW + 240_000)]);
    snaps = await snapshotsOf(db, 'ranking', list);
    expect(snaps.map((s) => s.values.firstRank)).toEqual([1, 21]);

    // The next day's ranking, and a changed order, are new snapshots; another list is another key.
    await ingestCaptures(db, [ranking(rankPage(['lee.reviews', 'glowwithmaya', 'dapurbunda.id'], 1, '2025-11-20'), rankBody(), NOW + DAY)]);
    await ingestCaptures(db, [ranking(rankPage(['glowwithmaya'], 1, '2025-11-20'), rankBody({ rank_period: 2 }), NOW + DAY)]);
    snaps = await snapshotsOf(db, 'ranking', list);
    expect(snaps.map((s) => [s.seenAt, s.values.date, (s.values.handles as string[])[0]])).toEqual([
      [NOW, '2025-11-19', 'glowwithmaya'],
      [NOW + 120_000, '2025-11-19', 'x.four'],
      [NOW + DAY, '2025-11-20', 'lee.reviews'],
    ]);
    expect(await snapshotsOf(db, 'ranking', '1|2|All|1')).toHaveLength(1);
    expect(await db.creators.count()).toBe(5);
  });

  it('keeps each region’s ranking apart: another region’s list in between stores nothing new for this one', async () => {
    const gb = (at: number) => ranking(rankPage(['x.four', 'y.five']), rankBody(), at);
    await ingestCaptures(db, [ranking(rankPage(), rankBody(), NOW)]);
    await ingestCaptures(db, [{ ...gb(NOW + 1), url: apiUrl(RANK_PATH).replace('shop_region=US', 'shop_region=GB').replace(SELLER_ID, '7495000000000000002') }]);
    await ingestCaptures(db, [ranking(rankPage(), rankBody(), NOW + 2)]);
    expect((await snapshotsOf(db, 'ranking', list)).map((s) => [s.values.region, s.seenAt])).toEqual([
      ['US', NOW],
      ['GB', NOW + 1],
    ]);
  });

  it('compares a late capture with the ranking as it was then, not with a newer one', async () => {
    await ingestCaptures(db, [ranking(rankPage(), rankBody(), NOW)]);
    await ingestCaptures(db, [ranking(rankPage(['lee.reviews', 'glowwithmaya'], 1, '2025-11-20'), rankBody(), NOW + DAY)]);
    await ingestCaptures(db, [ranking(rankPage(), rankBody(), NOW + 60_000)]);
    expect((await snapshotsOf(db, 'ranking', list)).map((s) => s.seenAt)).toEqual([NOW, NOW + DAY]);
  });

  it('stores no order for a page with an unreadable entry, and counts the rejection', async () => {
    const page = rankPage();
    (page.data.creator_rank_info_list[2] as Record<string, unknown>).creator_handle = null;
    await ingestCaptures(db, [ranking(page, rankBody())]);
    expect(await snapshotsOf(db, 'ranking', list)).toHaveLength(0);
    expect(await db.creators.count()).toBe(2);
    expect(await db.endpointStats.get('creators.rankings')).toMatchObject({ accepted: 2, rejected: 1, failures: { 'data.creator_rank_info_list[].creator_handle: custom': 1 } });
  });
});
