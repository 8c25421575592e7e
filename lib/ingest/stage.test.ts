import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dump, freshDb } from '../../test/db';
import * as campaigns from '../../test/fixtures/campaigns';
import * as collabs from '../../test/fixtures/collaborations';
import * as creators from '../../test/fixtures/creators';
import * as orders from '../../test/fixtures/orders';
import * as samples from '../../test/fixtures/sample-group-list';
import type { Capture } from '../capture/schema';
import type { AppDB } from '../db/app-db';
import { ingestCaptures } from './ingest';
import { Stage } from './stage';

let db: AppDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

const source = { endpoint: 'test', page: 'https://affiliate-us.tiktok.com/' };
const creator = (handle: string) => ({ handle, aliases: [], firstSeenAt: 1, lastSeenAt: 1 });

describe('Stage', () => {
  it('reads stored rows once, sees its own staged rows and deletes, and writes nothing before flush', async () => {
    await db.creators.bulkPut([creator('maya'), creator('lee')]);
    await db.contacts.put({ id: 'creator|maya|email', entity: 'creator', key: 'maya', channel: 'email', value: 'm@x.test', seenAt: 1 });
    const stage = new Stage(db);
    await stage.prefetch(new Map([['creators', ['maya', 'lee', 'nobody']]]));
    expect(await stage.tables.creators.bulkGet(['maya', 'nobody'])).toEqual([creator('maya'), undefined]);

    await stage.tables.creators.put({ ...creator('nobody'), nickname: 'New' });
    await stage.tables.contacts.bulkDelete(['creator|maya|email']);
    expect((await stage.tables.creators.get('nobody'))?.nickname).toBe('New');
    expect(await stage.tables.contacts.get('creator|maya|email')).toBeUndefined();
    expect(await db.creators.get('nobody')).toBeUndefined();
    expect(await db.contacts.count()).toBe(1);

    await stage.flush();
    expect((await db.creators.get('nobody'))?.nickname).toBe('New');
    expect(await db.contacts.count()).toBe(0);
    expect(stage.changes()).toEqual({ creators: ['nobody'], contacts: ['creator|maya|email'] });
  });

  it('keys compound primary keys as one string and reads them back by their parts', async () => {
    const row = { invitationId: 'inv1', productId: 'p1', shopKey: 'US:1', lastSeenAt: 1 };
    const stage = new Stage(db);
    await stage.tables.invitationProducts.bulkPut([row]);
    expect(await stage.tables.invitationProducts.bulkGet([['inv1', 'p1']])).toEqual([row]);
    await stage.flush();
    expect(await db.invitationProducts.get(['inv1', 'p1'])).toEqual(row);
    expect(stage.changes()).toEqual({ invitationProducts: ['inv1|p1'] });
  });

  it('writes everything staged, history included, before an index query runs', async () => {
    const stage = new Stage(db);
    await stage.tables.creators.put({ ...creator('maya'), aliases: ['cid:1'] });
    stage.snapshot({ entity: 'creator', key: 'maya', seenAt: 1, at: 1, values: { followers: 1 }, source });
    stage.transition({ entity: 'sampleRequest', key: '11', to: 'PENDING', raw: 'PENDING', seenAt: 1, source });
    const found = await stage.query((d) => d.creators.where('aliases').equals('cid:1').first());
    expect(found?.handle).toBe('maya');
    expect(await db.snapshots.count()).toBe(1);
    expect(await db.transitions.count()).toBe(1);
    expect(stage.changes()).toEqual({ creators: ['maya'], snapshots: ['creator|maya'], transitions: ['sampleRequest|11'] });
  });

  it('refuses to stage tables whose keys the database generates', () => {
    const stage = new Stage(db);
    expect(() => (stage.tables as unknown as Record<string, unknown>).snapshots).toThrow(/appended/);
  });
});

/** Captures of several surfaces, each seen twice (the second time later, with changes), in the order a seller browses. */
function pool(): Capture[] {
  let n = 0;
  const cap = (url: string, pageUrl: string, body: unknown, json: unknown, seenAt: number): Capture => ({
    v: 1,
    id: `pool-${++n}`,
    url,
    method: 'POST',
    status: 200,
    requestBody: typeof body === 'string' ? body : JSON.stringify(body),
    responseText: JSON.stringify(json),
    pageUrl,
    seenAt,
  });
  const T = samples.NOW;
  const shipped = samples.toReviewPage();
  const later = JSON.parse(JSON.stringify(shipped).replaceAll('"curr_status":10', '"curr_status":20')) as unknown;
  const campaign = (path: string, body: unknown, json: unknown, at: number) => cap(`${campaigns.API_BASE}/${path}${campaigns.API_QUERY}`, campaigns.PAGE_URL, body, json, at);
  return [
    cap(samples.API_URL, samples.PAGE_URL, samples.requestBody(), shipped, T),
    cap(orders.API_URL, orders.PAGE_URL, orders.requestBody(), orders.ordersPage(), T + 1),
    cap(creators.apiUrl(creators.FIND_PATH), creators.PAGE_URL, creators.listBody(), creators.listPage(), T + 2),
    cap(creators.apiUrl(creators.PROFILE_PATH), creators.DETAIL_PAGE_URL, creators.profileBody(1), creators.profilePart(1), T + 3),
    cap(creators.apiUrl(creators.RANK_PATH), creators.RANKINGS_PAGE_URL, creators.rankBody(), creators.rankPage(), T + 4),
    cap(collabs.SEARCH_URL, collabs.LIST_PAGE, collabs.searchBody(), collabs.searchPage(), T + 5),
    cap(collabs.DETAIL_URL, collabs.DETAIL_PAGE, collabs.detailBody(), collabs.detailPage(), T + 6),
    cap(collabs.PLANS_URL, collabs.OPEN_PAGE, collabs.plansBody(), collabs.plansPage(), T + 7),
    cap(collabs.HISTORY_URL, collabs.OPEN_PAGE, collabs.historyBody(), collabs.historyPage(), T + 8),
    campaign('search', campaigns.searchBody(), campaigns.searchPage(), T + 9),
    campaign('registered_products/get', campaigns.registeredBody(), campaigns.registeredPage(), T + 10),
    cap(samples.API_URL, samples.PAGE_URL, samples.requestBody(), later, T + 11),
    cap(creators.apiUrl(creators.RANK_PATH), creators.RANKINGS_PAGE_URL, creators.rankBody(), creators.rankPage(['lee.reviews', 'glowwithmaya']), T + 12),
    cap(creators.apiUrl(creators.PROFILE_PATH), creators.DETAIL_PAGE_URL, creators.profileBody(1), creators.profilePart(1, { profile: { follower_cnt: { value: '99999' } } }), T + 13),
  ];
}

describe('a batch through one stage', () => {
  it('stores exactly what the same captures store one batch at a time, in any split', async () => {
    const captures = pool();
    const oneByOne = freshDb();
    for (const c of captures) expect((await ingestCaptures(oneByOne, [c])).accepted, c.url).toBeGreaterThan(0);
    const expected = await dump(oneByOne);
    oneByOne.close();
    expect(expected.snapshots?.length).toBeGreaterThan(5);
    expect(expected.transitions?.length).toBeGreaterThan(5);

    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: captures.length }), { minLength: 1, maxLength: 4 }), async (cuts) => {
        const split = freshDb();
        const bounds = [...new Set([0, ...cuts, captures.length])].sort((a, b) => a - b);
        for (let i = 1; i < bounds.length; i++) await ingestCaptures(split, captures.slice(bounds[i - 1], bounds[i]));
        const got = await dump(split);
        split.close();
        expect(got).toEqual(expected);
      }),
      { numRuns: 15 },
    );
  });

  it('reports what it wrote, per table, for the rule engine', async () => {
    const [samplePage, ordersPage] = pool();
    const summary = await ingestCaptures(db, [samplePage as Capture, ordersPage as Capture]);
    expect(summary.changes.sampleRequests?.length).toBe(await db.sampleRequests.count());
    expect(summary.changes.orderSkus?.length).toBe(await db.orderSkus.count());
    expect([...(summary.changes.creators ?? [])].sort()).toEqual((await db.creators.toCollection().primaryKeys()).sort());
    expect(summary.changes.transitions).toContain('sampleRequest|1729000000000000101');
    expect(summary.changes.invitations).toBeUndefined();
  });
});
