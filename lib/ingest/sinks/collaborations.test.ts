import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  APPLICATIONS_URL,
  application,
  applicationsBody,
  applicationsPage,
  DETAIL_PAGE,
  DETAIL_URL,
  detailBody,
  detailCreator,
  detailPage,
  HISTORY_URL,
  historyBody,
  historyPage,
  LIST_PAGE,
  NOW,
  OPEN_PAGE,
  plan,
  PLANS_URL,
  plansBody,
  plansPage,
  SEARCH_URL,
  searchBody,
  searchItem,
  searchPage,
  searchPageTabEnum,
  SELLER,
} from '../../../test/fixtures/collaborations';
import { dump, freshDb, withoutSeenTimes } from '../../../test/db';
import type { Capture } from '../../capture/schema';
import type { AppDB } from '../../db/app-db';
import { valuesHash } from '../history';
import { ingestCaptures } from '../ingest';
import { SEEN_RESOLUTION_MS } from '../repeat';

const SHOP = `US:${SELLER}`;
const DAY = 86_400_000;
let n = 0;
const capture = (url: string, json: unknown, requestBody: string, pageUrl: string, seenAt = NOW): Capture => ({
  v: 1,
  id: `capture-${++n}`,
  url,
  method: 'POST',
  status: 200,
  requestBody,
  responseText: JSON.stringify(json),
  pageUrl,
  seenAt,
});
const searchCapture = (json: unknown = searchPage(), seenAt = NOW, status = 1) => capture(SEARCH_URL, json, searchBody(status), LIST_PAGE, seenAt);
const detailCapture = (json: unknown = detailPage(), seenAt = NOW) => capture(DETAIL_URL, json, detailBody(), DETAIL_PAGE, seenAt);
const plansCapture = (json: unknown = plansPage(), seenAt = NOW) => capture(PLANS_URL, json, plansBody(), OPEN_PAGE, seenAt);
const historyCapture = (json: unknown = historyPage(), seenAt = NOW) => capture(HISTORY_URL, json, historyBody(), OPEN_PAGE, seenAt);
const applicationsCapture = (json: unknown = applicationsPage(), seenAt = NOW) => capture(APPLICATIONS_URL, json, applicationsBody(), `${OPEN_PAGE.replace('open-collaboration', 'open-collaboration/creator-applications')}`, seenAt);

const transitionsOf = (db: AppDB, entity: string, key: string) =>
  db.transitions.where('[entity+key]').equals([entity, key]).sortBy('seenAt').then((ts) => ts.map((t) => [t.from, t.to, t.raw, t.seenAt]));
const snapshotsOf = (db: AppDB, entity: string, key: string) =>
  db.snapshots.where('[entity+key+seenAt]').between([entity, key, 0], [entity, key, Infinity]).toArray().then((ss) => ss.sort((a, b) => a.at - b.at || a.seenAt - b.seenAt));

let db: AppDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

describe('target invitations', () => {
  it('stores invitations, their products and invited creators, products with prices, creators with cid aliases', async () => {
    const summary = await ingestCaptures(db, [searchCapture(), detailCapture()]);
    expect(summary.rejected).toBe(0);
    expect(summary.shops).toEqual([SHOP]);
    expect(await db.invitations.count()).toBe(3);
    expect(await db.invitations.get('7510000000000000001')).toMatchObject({
      shopKey: SHOP,
      status: 'ONGOING',
      message: expect.stringContaining('Free samples') as unknown,
      counts: { creators: 3, accepted: 2, posted: 1, products: 2 },
      contactChannels: ['email', 'telegram', 'whatsapp'],
      contentPreference: 'video',
      freeSample: { offered: true, autoApproved: true },
      source: { endpoint: 'invitations.detail', page: expect.stringContaining('/connection/target-invitation/detail') as unknown },
    });
    expect(await db.invitationProducts.get(['7510000000000000001', '1729500000000000001'])).toMatchObject({
      targetCommissionBps: 2000,
      adsCommissionBps: 500,
      openCommissionBps: 1200,
      shopKey: SHOP,
    });
    expect(await db.invitationProducts.count()).toBe(3);
    expect((await db.invitationCreators.toArray()).map((c) => [c.handle, c.state, c.accepted])).toEqual([
      ['dapurbunda.id', 'ACCEPTED', 1],
      ['glowwithmaya', 'POSTED', 1],
      ['lee.reviews', 'INVITED', 0],
    ]);
    expect((await db.products.get('1729500000000000001'))?.price).toEqual({ minor: 2499, currency: 'USD' });
    expect((await db.creators.get('glowwithmaya'))?.aliases).toEqual(['cid:7494000000000000001']);
  });

  it('keeps contact values apart from the invitation, and drops the value of a channel no longer shown', async () => {
    await ingestCaptures(db, [detailCapture()]);
    const inv = await db.invitations.get('7510000000000000001');
    expect(JSON.stringify(inv)).not.toMatch(/8123456789|brightwell\.example|brightwell_team/);
    expect((await db.contacts.toArray()).map((c) => [c.id, c.value])).toEqual([
      ['invitation|7510000000000000001|email', 'partners@brightwell.example'],
      ['invitation|7510000000000000001|telegram', '@brightwell_team'],
      ['invitation|7510000000000000001|whatsapp', '+62 8123456789'],
    ]);
    const later = detailPage();
    (later.data.invitation.contacts_info as unknown[]).splice(3, 1);
    await ingestCaptures(db, [detailCapture(later, NOW + DAY)]);
    expect((await db.invitations.get('7510000000000000001'))?.contactChannels).toEqual(['email', 'whatsapp']);
    expect((await db.contacts.toArray()).map((c) => c.channel)).toEqual(['email', 'whatsapp']);
    // A search result carries no contacts: it leaves them as they are.
    await ingestCaptures(db, [searchCapture(searchPage(), NOW + 2 * DAY)]);
    expect(await db.contacts.count()).toBe(2);
    expect((await db.invitations.get('7510000000000000001'))?.contactChannels).toEqual(['email', 'whatsapp']);
  });

  it('is idempotent: the same pages seen again add no row and change no fact', async () => {
    await ingestCaptures(db, [searchCapture(), detailCapture()]);
    const before = await dump(db);
    const later = NOW + SEEN_RESOLUTION_MS;
    await ingestCaptures(db, [searchCapture(searchPage(), later), detailCapture(detailPage(), later)]);
    await ingestCaptures(db, [searchCapture(), detailCapture()]);
    const after = await dump(db);
    for (const name of Object.keys(before)) expect(after[name]?.length, name).toBe(before[name]?.length);
    expect(withoutSeenTimes(after)).toEqual(withoutSeenTimes(before));
    expect((await db.invitations.get('7510000000000000002'))?.lastSeenAt).toBe(later);
  });

  it('records status transitions once each, and snapshots counts only when they change', async () => {
    await ingestCaptures(db, [searchCapture()]);
    await ingestCaptures(db, [searchCapture(searchPage(), NOW + DAY)]);
    const moved = { code: 0, data: { invitation_list: [searchItem({ group_status: 2, creator_added_cnt: 6 })] } };
    await ingestCaptures(db, [searchCapture(moved, NOW + 2 * DAY, 2)]);
    await ingestCaptures(db, [searchCapture(moved, NOW + 3 * DAY, 2)]);
    expect(await transitionsOf(db, 'invitation', '7510000000000000001')).toEqual([
      [undefined, 'ONGOING', 'tab:1', NOW],
      ['ONGOING', 'EXPIRING', 'tab:2', NOW + 2 * DAY],
    ]);
    const snaps = await snapshotsOf(db, 'invitation', '7510000000000000001');
    expect(snaps.map((s) => [s.seenAt, s.values.accepted])).toEqual([
      [NOW, 2],
      [NOW + 2 * DAY, 6],
    ]);
  });

  it('never lets a late, older capture overwrite a newer status or counts, and an unknown status never replaces a known one', async () => {
    const moved = { code: 0, data: { invitation_list: [searchItem({ group_status: 4, creator_added_cnt: 9 })] } };
    await ingestCaptures(db, [searchCapture(moved, NOW + DAY, 4)]);
    await ingestCaptures(db, [searchCapture(searchPage(), NOW)]);
    expect(await db.invitations.get('7510000000000000001')).toMatchObject({ status: 'COMPLETED', counts: { accepted: 9 } });
    const odd = { code: 0, data: { invitation_list: [searchItem({ group_status: 7 })] } };
    await ingestCaptures(db, [capture(SEARCH_URL, odd, JSON.stringify({ cur_page: 1 }), LIST_PAGE, NOW + 2 * DAY)]);
    // The state stays the known one; TikTok's record code is the latest sent.
    expect(await db.invitations.get('7510000000000000001')).toMatchObject({ status: 'COMPLETED', statusRaw: 'tab:4', groupStatusRaw: '7' });
  });

  it('keeps TikTok’s record code as sent and takes the state from the tab, whichever reading the code follows', async () => {
    await ingestCaptures(db, [searchCapture(searchPageTabEnum(), NOW, 2)]);
    expect(await db.invitations.get('7510000000000000001')).toMatchObject({ status: 'EXPIRING', statusRaw: 'tab:2', groupStatusRaw: '1' });
    // The detail says nothing of the tab: the state stays, the code follows the newer answer.
    await ingestCaptures(db, [detailCapture(detailPage(), NOW + DAY)]);
    expect(await db.invitations.get('7510000000000000001')).toMatchObject({ status: 'EXPIRING', statusRaw: 'tab:2', groupStatusRaw: '2' });
  });

  it('takes an invitation whose end had passed when seen for over, whatever tab listed it, and says so', async () => {
    const ended = { code: 0, data: { invitation_list: [searchItem({ end_time: String(NOW - DAY) })] } };
    await ingestCaptures(db, [searchCapture(ended, NOW, 1)]);
    expect(await db.invitations.get('7510000000000000001')).toMatchObject({ status: 'COMPLETED', statusRaw: 'ended', groupStatusRaw: '2' });
    // A detail seen before any list: unknown while it runs, over once its end has passed.
    const fresh = freshDb();
    await ingestCaptures(fresh, [detailCapture(detailPage(), NOW)]);
    expect(await fresh.invitations.get('7510000000000000001')).toMatchObject({ status: 'UNKNOWN', statusRaw: '', groupStatusRaw: '2' });
    await ingestCaptures(fresh, [detailCapture(detailPage(), NOW + 21 * DAY)]);
    expect(await fresh.invitations.get('7510000000000000001')).toMatchObject({ status: 'COMPLETED', statusRaw: 'ended' });
    fresh.close();
  });

  it("logs each invited creator's accept and posting as transitions keyed invitationId|handle", async () => {
    const page = (added: number, posted: number) => {
      const p = detailPage();
      (p.data.invitation as { creator_id_list: unknown[] }).creator_id_list = [detailCreator({ product_add_cnt: added, content_posted_cnt: posted })];
      return p;
    };
    await ingestCaptures(db, [detailCapture(page(0, 0), NOW)]);
    await ingestCaptures(db, [detailCapture(page(0, 0), NOW + DAY)]);
    await ingestCaptures(db, [detailCapture(page(1, 0), NOW + 2 * DAY)]);
    await ingestCaptures(db, [detailCapture(page(2, 1), NOW + 3 * DAY)]);
    expect(await transitionsOf(db, 'invitationCreator', '7510000000000000001|glowwithmaya')).toEqual([
      [undefined, 'INVITED', '0', NOW],
      ['INVITED', 'ACCEPTED', '0', NOW + 2 * DAY],
      ['ACCEPTED', 'POSTED', '0', NOW + 3 * DAY],
    ]);
    expect(await db.invitationCreators.get(['7510000000000000001', 'glowwithmaya'])).toMatchObject({ accepted: 1, productsAdded: 2, contentPosted: 1 });
  });

  it('snapshots an invitation product\'s commissions dated when they took effect, only on change', async () => {
    await ingestCaptures(db, [detailCapture()]);
    await ingestCaptures(db, [detailCapture(detailPage(), NOW + DAY)]);
    const raised = detailPage();
    (raised.data.invitation.product_list[0] as Record<string, unknown>).target_commission = 2500;
    (raised.data.invitation.product_list[0] as Record<string, unknown>).commission_effective_time = String(NOW + 2 * DAY);
    await ingestCaptures(db, [detailCapture(raised, NOW + 2 * DAY + 1000)]);
    const snaps = await snapshotsOf(db, 'invitationProduct', '7510000000000000001|1729500000000000001');
    expect(snaps.map((s) => [s.at, s.values])).toEqual([
      [NOW - 10 * DAY, { targetCommissionBps: 2000, adsCommissionBps: 500 }],
      [NOW + 2 * DAY, { targetCommissionBps: 2500, adsCommissionBps: 500 }],
    ]);
  });

  it('counts rejected records per endpoint with their paths and stores none of them', async () => {
    const page = searchPage();
    page.data.invitation_list[0] = searchItem({ creator_cnt: { value: 12 } });
    await ingestCaptures(db, [searchCapture(page)]);
    expect(await db.invitations.get('7510000000000000001')).toBeUndefined();
    expect(await db.endpointStats.get('invitations.search')).toMatchObject({ accepted: 3, rejected: 1, failures: { 'invitation_list[].creator_cnt: invalid_union': 1 } });
  });
});

describe('open collaboration', () => {
  it('stores open plan products with their commission, and the commission as a snapshot dated when it took effect', async () => {
    await ingestCaptures(db, [plansCapture()]);
    expect(await db.openCollabs.get(`${SHOP}|1729500000000000003`)).toMatchObject({
      productId: '1729500000000000003',
      status: 'TERMINATING',
      commissionBps: 1000,
      commissionEndAt: NOW + 2 * DAY,
      showcaseCreators: 41,
      contentCreators: 9,
      source: { endpoint: 'openCollab.plans', page: expect.stringContaining('/product/open-collaboration') as unknown },
    });
    expect((await snapshotsOf(db, 'openCollab', `${SHOP}|1729500000000000001`)).map((s) => [s.at, s.seenAt, s.values])).toEqual([
      [NOW - 5 * DAY, NOW, { commissionBps: 1500 }],
    ]);
    expect((await db.products.get('1729500000000000003'))?.price).toEqual({ minor: 3200, currency: 'USD' });
    expect(await transitionsOf(db, 'openCollab', `${SHOP}|1729500000000000003`)).toEqual([[undefined, 'TERMINATING', 'TERMINATING', NOW]]);
  });

  it('keeps a commission history as snapshots of the changes only, merged with what the list showed, without duplicates', async () => {
    const key = `${SHOP}|1729500000000000001`;
    await ingestCaptures(db, [plansCapture()]);
    await ingestCaptures(db, [historyCapture(historyPage(), NOW + 1000)]);
    await ingestCaptures(db, [historyCapture(historyPage(), NOW + 2000)]);
    await ingestCaptures(db, [plansCapture(plansPage(), NOW + 3000)]);
    const snaps = await snapshotsOf(db, 'openCollab', key);
    expect(snaps.map((s) => [s.at, s.values.commissionBps])).toEqual([
      [NOW - 60 * DAY, 1000],
      [NOW - 30 * DAY, 1200],
      [NOW - 5 * DAY, 1500],
    ]);
    // The entity keeps the hash of its latest commission, so the next list with the same commission adds nothing.
    expect(await db.openCollabs.get(key)).toMatchObject({ commissionBps: 1500, snapshotHash: valuesHash({ commissionBps: 1500 }) });
    await ingestCaptures(db, [plansCapture(plansPage(), NOW + 4000)]);
    expect(await snapshotsOf(db, 'openCollab', key)).toHaveLength(3);
  });

  it('stores a history seen before the list, then adds only a real change', async () => {
    const key = `${SHOP}|1729500000000000001`;
    await ingestCaptures(db, [historyCapture()]);
    expect(await db.openCollabs.get(key)).toBeUndefined();
    await ingestCaptures(db, [plansCapture(plansPage(), NOW + 1000)]);
    expect(await snapshotsOf(db, 'openCollab', key)).toHaveLength(3);
    const raised = { code: 0, data: { open_plan_list: [plan({ current_commission: { rate: 1800, start_time: String(NOW + DAY), end_time: '0' } })] } };
    await ingestCaptures(db, [plansCapture(raised, NOW + DAY + 1000)]);
    expect((await snapshotsOf(db, 'openCollab', key)).map((s) => [s.at, s.values.commissionBps])).toEqual([
      [NOW - 60 * DAY, 1000],
      [NOW - 30 * DAY, 1200],
      [NOW - 5 * DAY, 1500],
      [NOW + DAY, 1800],
    ]);
    expect((await db.openCollabs.get(key))?.commissionBps).toBe(1800);
  });

  it('drops a snapshot the list dated by when it was seen once the history tells since when that commission holds', async () => {
    const key = `${SHOP}|1729500000000000001`;
    const undated = { code: 0, data: { open_plan_list: [plan({ current_commission: { rate: 1500 } })] } };
    await ingestCaptures(db, [plansCapture(undated, NOW)]);
    expect((await snapshotsOf(db, 'openCollab', key)).map((s) => s.at)).toEqual([NOW]);
    await ingestCaptures(db, [historyCapture(historyPage(), NOW + 1000)]);
    expect((await snapshotsOf(db, 'openCollab', key)).map((s) => [s.at, s.values.commissionBps])).toEqual([
      [NOW - 60 * DAY, 1000],
      [NOW - 30 * DAY, 1200],
      [NOW - 5 * DAY, 1500],
    ]);
    expect((await db.openCollabs.get(key))?.snapshotHash).toBe(valuesHash({ commissionBps: 1500 }));
  });

  it('stores creator applications with status transitions, and the applying creators', async () => {
    await ingestCaptures(db, [applicationsCapture()]);
    const approved = { code: 0, data: { application_list: [application({ status: 'APPROVED' })] } };
    await ingestCaptures(db, [applicationsCapture(approved, NOW + DAY)]);
    await ingestCaptures(db, [applicationsCapture(applicationsPage(), NOW + 1000)]);
    expect(await db.creatorApplications.get('7530000000000000001')).toMatchObject({ status: 'APPROVED', creatorHandle: 'glowwithmaya', commissionBps: 1500, shopKey: SHOP });
    expect(await transitionsOf(db, 'creatorApplication', '7530000000000000001')).toEqual([
      [undefined, 'PENDING', 'PENDING', NOW],
      ['PENDING', 'APPROVED', 'APPROVED', NOW + DAY],
    ]);
    expect((await db.creators.get('lee.reviews'))?.followerCount?.value).toBe(900);
  });

  it('is idempotent for every open-collaboration endpoint', async () => {
    const all = (at: number) => [plansCapture(plansPage(), at), historyCapture(historyPage(), at), applicationsCapture(applicationsPage(), at)];
    await ingestCaptures(db, all(NOW));
    const before = await dump(db);
    await ingestCaptures(db, all(NOW + 60_000));
    const after = await dump(db);
    for (const name of Object.keys(before)) expect(after[name]?.length, name).toBe(before[name]?.length);
    expect(withoutSeenTimes(after)).toEqual(withoutSeenTimes(before));
  });
});
