import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { DAY, NOW, OTHER_SHOP, SHOP } from '../../test/fixtures/rule-entities';
import { affectedBy, loadInputs } from '../../test/fixtures/rule-inputs';
import type { AppDB } from '../db/app-db';
import type { Observation, Shop } from '../domain/types';
import { INSIGHT_ENDPOINTS, weeklyAnalyticsReview as rule, type AnalyticsReviewInput } from './weekly-analytics-review';

const OTHER = OTHER_SHOP;
const INSIGHTS_PAGE = 'https://affiliate-id.tokopedia.com/insights/transaction-analysis';

const shop = (key: string, firstSeenAt = NOW - 30 * DAY): Shop => ({
  key,
  region: key.split(':')[0] as string,
  sellerId: key.split(':')[1],
  host: 'affiliate-id.tokopedia.com',
  firstSeenAt,
  lastSeenAt: NOW,
});

const observation = (id: string, endpoint: string, shopKey: string, lastSeenAt: number, page = INSIGHTS_PAGE): Observation => ({
  id,
  endpoint,
  shopKey,
  page,
  recordKeys: [],
  firstSeenAt: lastSeenAt - DAY,
  lastSeenAt,
});

const check = (input: AnalyticsReviewInput, days = 7) => rule.check(input, { thresholds: { days }, now: NOW });
const reviewedAt = (at: number): AnalyticsReviewInput => ({
  key: SHOP,
  watchedSince: NOW - 60 * DAY,
  lastReview: { observationId: 'o1', at, endpoint: 'insights.transaction', page: INSIGHTS_PAGE },
});

describe('weekly-analytics-review: check', () => {
  it('fires when Insights was last opened 7 days ago, with the sighting as evidence', () => {
    const [f, ...rest] = check(reviewedAt(NOW - 7 * DAY));
    expect(rest).toEqual([]);
    expect(f).toEqual({
      subject: 'shop',
      subjectKey: SHOP,
      shopKey: SHOP,
      params: { days: 7, lastReviewAt: { at: NOW - 7 * DAY } },
      evidence: [{ entity: 'observation', key: 'o1', seenAt: NOW - 7 * DAY, source: { endpoint: 'insights.transaction', page: INSIGHTS_PAGE } }],
    });
  });

  it('does not fire when Insights was opened within the last 7 days', () => {
    expect(check(reviewedAt(NOW - 7 * DAY + 1))).toEqual([]);
    expect(check(reviewedAt(NOW))).toEqual([]);
  });

  it('follows the number of days the seller chose', () => {
    expect(check(reviewedAt(NOW - 3 * DAY), 3)).toHaveLength(1);
    expect(check(reviewedAt(NOW - 8 * DAY), 14)).toEqual([]);
  });

  it('for a shop never seen on Insights, fires only once Collab Lens has watched it for that long', () => {
    const [f] = check({ key: SHOP, watchedSince: NOW - 8 * DAY });
    expect(f?.params).toEqual({ days: 7, watchedSince: { at: NOW - 8 * DAY } });
    expect(f?.evidence).toEqual([{ entity: 'shop', key: SHOP, seenAt: NOW - 8 * DAY }]);
    expect(check({ key: SHOP, watchedSince: NOW - 6 * DAY })).toEqual([]);
  });
});

describe('weekly-analytics-review: load and affected', () => {
  let db: AppDB;
  beforeEach(async () => {
    db = freshDb();
    await db.shops.bulkPut([shop(SHOP), shop(OTHER, NOW - 2 * DAY)]);
    await db.observations.bulkPut([
      observation('t-old', 'insights.transaction', SHOP, NOW - 20 * DAY),
      observation('s-new', 'insights.sample', SHOP, NOW - 9 * DAY),
      // Not an Insights page: seen more recently, but not a review.
      observation('orders', 'orders.list', SHOP, NOW - DAY, 'https://affiliate-id.tokopedia.com/product/order'),
      observation('other-shop', 'insights.outreach', OTHER, NOW - DAY),
    ]);
  });
  afterEach(() => db.close());

  it('reads the Insights endpoints the capture knows', () => {
    expect([...INSIGHT_ENDPOINTS].sort()).toEqual(['insights.outreach', 'insights.sample', 'insights.transaction']);
  });

  it('loads each shop with its latest Insights sighting only', async () => {
    const inputs = await loadInputs(rule, db, undefined, NOW);
    const byShop = new Map(inputs.map((i) => [i.key, i]));
    expect(byShop.get(SHOP)).toEqual({
      key: SHOP,
      watchedSince: NOW - 30 * DAY,
      lastReview: { observationId: 's-new', at: NOW - 9 * DAY, endpoint: 'insights.sample', page: INSIGHTS_PAGE },
    });
    expect(inputs.flatMap((i) => check(i)).map((f) => f.subjectKey)).toEqual([SHOP]);
    expect((await loadInputs(rule, db, [OTHER, 'XX:-'], NOW)).map((i) => i.key)).toEqual([OTHER]);
  });

  it('re-checks a shop when one of its Insights sightings or the shop itself changed', async () => {
    expect(((await affectedBy(rule, db, { observations: ['t-old', 'other-shop'] })) as string[]).sort()).toEqual([SHOP, OTHER].sort());
    expect(await affectedBy(rule, db, { observations: ['orders'] })).toEqual([]);
    expect(await affectedBy(rule, db, { shops: [OTHER] })).toEqual([OTHER]);
  });
});
