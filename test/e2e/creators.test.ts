import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { money } from '../../lib/domain/money';
import { simUrl } from '../sim/install';
import { gmvRangeLabel, HOSTILE_BIO, marketOf, type MarketCreator } from '../sim/surfaces/creator-marketplace';
import { latestRankDate, rankingOf } from '../sim/surfaces/creator-rankings';
import { FIND_FAULT_POSITIONS, listingOf } from '../sim/surfaces/find-creators';
import { HOSTILE, shopByKey, type SimShop } from '../sim/world';
import { capturedAfter, readDb, waitFor } from './browser';
import { afterRender, clickTab, navigate, nextPage, open, startEnv, type Env } from './pages';

/** Find creators, Creator rankings and Creator detail on the simulated Affiliate Center, checked against what was stored. */

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(() => env?.session.close());

type Row = Record<string, any>;
type Db = Record<string, Row[]>;
const read = async () => (await readDb(env.session)) as Db;
const CARDS = { grid: 'article.fc-card', table: 'table tbody tr' } as const;

const creatorsIn = (db: Db, handles: string[]) => {
  const want = new Set(handles);
  return (db.creators ?? []).filter((c) => want.has(c.handle));
};
const stat = (db: Db, endpoint: string) => (db.endpointStats ?? []).find((s) => s.endpoint === endpoint);
const snapshots = (db: Db, entity: string, key: string) =>
  (db.snapshots ?? []).filter((s) => s.entity === entity && s.key === key).sort((a, b) => a.seenAt - b.seenAt);

async function dbWhen(check: (db: Db) => boolean, what: string) {
  return waitFor(async () => {
    const db = await read();
    return check(db) && db;
  }, what);
}

/** What the marketplace showed for a creator, as the model should hold it. */
function expectStored(shop: SimShop, m: MarketCreator, stored: Row | undefined) {
  expect(stored, m.creator.handle).toBeDefined();
  expect(stored!.aliases).toContain(`oecuid:${m.oecId}`);
  expect(stored!.followerCount.value).toBe(m.creator.followers);
  expect(stored!.region).toBe(shop.region);
  const metrics = stored!.metrics.value;
  if (m.authorised) {
    expect(metrics.gmv).toEqual(money(shop.currency === 'IDR' ? String(Math.round(m.gmv)) : m.gmv.toFixed(2), shop.currency));
    expect(metrics.fulfillmentBps).toBe(Math.round(Number.parseFloat(m.creator.fulfillmentPercentage) * 100));
  } else {
    expect(metrics.gmv).toBeUndefined();
    expect(metrics.gmvRange).toMatchObject({ label: gmvRangeLabel(shop, m.gmv), currency: shop.currency });
  }
}

const noScriptRan = (page: Page) =>
  page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned === undefined && document.querySelectorAll('img[src="x"]').length === 0);

describe('responses whose shape changed (first, before anything else is stored)', () => {
  it('store nothing invalid, count the rejects with their paths, and leave the pages rendering', async () => {
    const us = shopByKey(env.world, 'us');
    const page = await open(env, simUrl(us, 'find-creators', { fault: 'shape' }));
    await waitFor(async () => (await page.locator(CARDS.grid).count()) >= 17, 'the cards the page could read');
    const firstPage = listingOf(env.world, us, 'find').slice(0, 20);
    const broken = FIND_FAULT_POSITIONS.map((i) => firstPage[i]!.creator.handle);
    const intact = firstPage.filter((_, i) => !(FIND_FAULT_POSITIONS as readonly number[]).includes(i));
    const db = await dbWhen((d) => stat(d, 'creators.find')?.rejected === FIND_FAULT_POSITIONS.length, 'the rejected creators to be counted');
    expect(stat(db, 'creators.find')).toMatchObject({
      accepted: intact.length,
      failures: {
        'creator_profile_list[].follower_cnt: invalid_union': 1,
        'creator_profile_list[].handle: custom': 1,
        'creator_profile_list[].gmv: invalid_union': 1,
      },
    });
    expect(creatorsIn(db, broken)).toEqual([]);
    for (const m of intact) expectStored(us, m, creatorsIn(db, [m.creator.handle])[0]);

    // Rankings: the page with an unreadable entry keeps its creators but stores no order.
    await page.goto(simUrl(us, 'creator-rankings', { fault: 'shape', params: { rank_type: '3' } }));
    const ranked = await dbWhen((d) => stat(d, 'creators.rankings')?.rejected === 1, 'the rejected ranking entry');
    expect(snapshots(ranked, 'ranking', '3|1|All|1')).toEqual([]);
    expect(stat(ranked, 'creators.rankings')).toMatchObject({ accepted: 19, failures: { 'data.creator_rank_info_list[].rank_position: invalid_union': 1 } });

    // Creator detail: the broken part is rejected, the other five are stored.
    const m = [...marketOf(env.world, us).values()].find((x) => x.authorised && !intact.includes(x) && x.creator.creatorId !== HOSTILE.creatorId)!;
    await page.goto(simUrl(us, 'creator-detail', { fault: 'shape', params: { cid: m.oecId } }));
    await waitFor(async () => (await page.locator('[data-profile-type]').count()) === 6, 'the six parts of the detail');
    const detail = await dbWhen((d) => stat(d, 'creators.profile')?.accepted === 5, 'five profile parts');
    expect(stat(detail, 'creators.profile')).toMatchObject({ rejected: 1, failures: { 'creator_profile.med_gmv_revenue: invalid_union': 1 } });
    const stored = creatorsIn(detail, [m.creator.handle])[0]!;
    expect(stored.metrics.value.gmv).toBeUndefined();
    expect(stored.metrics.value.postRateBps).toBe(m.postRateBps);
    expect(await noScriptRan(page)).toBe(true);
    await page.close();
  });
});

describe.each([
  ['us', 'grid', 'legacy'],
  ['gb', 'table', 'migrated'],
  ['id', 'grid', 'migrated'],
  ['global', 'table', 'legacy'],
] as const)('Find creators: %s shop, %s markup, %s route', (key, markup, generation) => {
  it('stores every creator of the pages and tabs the seller browses, with the world’s figures', async () => {
    const shop = shopByKey(env.world, key);
    const page = await open(env, simUrl(shop, 'find-creators', { markup, generation }));
    await waitFor(async () => (await page.locator(CARDS[markup]).count()) === 20, 'the first page of creators');
    await nextPage(page);
    expect(await page.locator(CARDS[markup]).count()).toBe(Math.min(20, shop.creators.length - 20));
    await clickTab(page, 'Recommended');
    const seen = [...listingOf(env.world, shop, 'find').slice(0, 40), ...listingOf(env.world, shop, 'recommendation').slice(0, 20)];
    const handles = [...new Set(seen.map((m) => m.creator.handle))];
    const db = await dbWhen((d) => creatorsIn(d, handles).length === handles.length, `the ${handles.length} creators shown`);
    for (const m of seen) expectStored(shop, m, creatorsIn(db, [m.creator.handle])[0]);
    expect(stat(db, 'creators.recommendation')?.accepted).toBeGreaterThanOrEqual(20);
    // Each creator's metrics were snapshotted when first seen, and seeing them again adds none.
    const before = (db.snapshots ?? []).filter((s) => s.entity === 'creator' && handles.includes(s.key)).length;
    await capturedAfter(env.session, 'creators.recommendation', () => navigate(page, page.url()));
    const after = await read();
    expect((after.snapshots ?? []).filter((s) => s.entity === 'creator' && handles.includes(s.key)).length).toBe(before);
    expect(await noScriptRan(page)).toBe(true);
    await page.close();
  });
});

describe('search and AI search', () => {
  it('stores what the search and the AI box find, under their own endpoints', async () => {
    const gb = shopByKey(env.world, 'gb');
    const target = listingOf(env.world, gb, 'find')[33]!;
    const page = await open(env, simUrl(gb, 'find-creators'));
    await page.getByRole('searchbox', { name: 'Search creators' }).fill(target.creator.handle);
    await afterRender(page, () => page.getByRole('button', { name: 'Search', exact: true }).click());
    const found = listingOf(env.world, gb, 'search', target.creator.handle);
    await waitFor(async () => (await page.locator(CARDS.grid).count()) === found.length, 'the search results');
    const category = target.categories[0]!;
    await page.getByRole('textbox', { name: 'AI search' }).fill(`creators who sell ${category}`);
    await afterRender(page, () => page.getByRole('button', { name: 'AI search' }).click());
    const ai = listingOf(env.world, gb, 'ai', `creators who sell ${category}`).slice(0, 20);
    const db = await dbWhen((d) => (stat(d, 'creators.aiFind')?.accepted ?? 0) >= ai.length && (stat(d, 'creators.search')?.accepted ?? 0) >= found.length, 'search and AI results');
    for (const m of [...found, ...ai]) expectStored(gb, m, creatorsIn(db, [m.creator.handle])[0]);
    await page.close();
  });
});

describe('Creator detail', () => {
  it('merges the six profile parts and the authorised profile into the creator, keeping contacts apart', async () => {
    const id = shopByKey(env.world, 'id');
    const m = [...marketOf(env.world, id).values()].find((x) => x.authorised && x.contacts.email && x.contacts.whatsapp && x.lives30d > 0)!;
    const page = await open(env, simUrl(id, 'creator-detail', { generation: 'migrated', params: { cid: m.oecId, pair_source: 'authorized' } }));
    await waitFor(async () => (await page.locator('[data-profile-type]').count()) === 6, 'the six parts of the detail');
    const db = await dbWhen((d) => (creatorsIn(d, [m.creator.handle])[0]?.metrics?.value?.audience ?? null) !== null && creatorsIn(d, [m.creator.handle])[0]?.aliases.includes(`cid:${m.oecId}`), 'the merged creator');
    const c = creatorsIn(db, [m.creator.handle])[0]!;
    expect(c.aliases).toEqual([`cid:${m.oecId}`, `oecuid:${m.oecId}`]);
    expect(c.metrics.value).toMatchObject({
      followers: m.creator.followers,
      gmv: money(String(Math.round(m.gmv)), 'IDR'),
      postRateBps: m.postRateBps,
      avgCommissionBps: m.commissionBps,
      medianVideoViews: m.medianVideoViews,
      liveCount: m.lives30d,
      videoCount: m.videos30d,
    });
    expect(c.metrics.value.audience.gender).toEqual(m.audience.gender.map(([k, v]) => ({ key: k, bps: Math.round(v * 10_000) })));
    expect(c.contactChannels).toEqual(['email', 'whatsapp']);
    expect(JSON.stringify(db.creators)).not.toContain(m.contacts.email!);
    const contacts = (db.contacts ?? []).filter((x) => x.entity === 'creator' && x.key === m.creator.handle);
    expect(contacts.map((x) => [x.channel, x.value]).sort()).toEqual([
      ['email', m.contacts.email],
      ['whatsapp', `${m.contacts.whatsapp!.code} ${m.contacts.whatsapp!.number}`],
    ]);
    expect(snapshots(db, 'creator', m.creator.handle).length).toBeGreaterThanOrEqual(1);
    expect(stat(db, 'creators.authProfiles')?.accepted).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('opens from Find creators without a reload, and shows hostile text as text', async () => {
    const us = shopByKey(env.world, 'us');
    const page = await open(env, simUrl(us, 'find-creators', { generation: 'migrated', markup: 'table' }));
    const marker = await page.evaluate(() => ((window as unknown as { __noReload: number }).__noReload = 7));
    const hostile = page.locator(CARDS.table, { hasText: `@${HOSTILE.handle}` });
    expect(await hostile.locator('.creator-nick').textContent()).toBe(HOSTILE.nickname);
    await afterRender(page, () => hostile.getByRole('link', { name: 'View profile' }).click());
    await waitFor(async () => (await page.locator('[data-profile-type]').count()) === 6, 'the detail page');
    expect(page.url()).toContain(`cid=${HOSTILE.creatorId}`);
    expect(await page.locator('.cd-nick').textContent()).toBe(HOSTILE.nickname);
    expect(await page.locator('[data-profile-type="6"] dd').first().textContent()).toBe(HOSTILE_BIO);
    expect(await page.evaluate(() => (window as unknown as { __noReload?: number }).__noReload)).toBe(marker);
    expect(await noScriptRan(page)).toBe(true);
    const db = await dbWhen((d) => creatorsIn(d, [HOSTILE.handle])[0]?.aliases.includes(`cid:${HOSTILE.creatorId}`), 'the hostile creator’s detail');
    expect(creatorsIn(db, [HOSTILE.handle])[0]!.nickname).toBe(HOSTILE.nickname);
    expect(await page.evaluate(() => (window as unknown as { __simActions: unknown[] }).__simActions)).toEqual([]);
    await page.close();
  });
});

describe('Creator rankings', () => {
  it.each([
    ['us', 'table', 'legacy'],
    ['global', 'list', 'migrated'],
  ] as const)('%s shop, %s markup, %s route: one dated snapshot per ranking page, none when it repeats', async (key, markup, generation) => {
    const shop = shopByKey(env.world, key);
    const date = latestRankDate(env.world);
    const meta = (rankType: number) => ({ rankType, rankPeriod: 1, rankDate: date, indusCate: 'All', contentType: 1 });
    const top = (rankType: number, from: number) => rankingOf(env.world, shop, meta(rankType)).slice(from, from + 20).map((r) => r.m.creator.handle);
    const rows = markup === 'table' ? 'table tbody tr' : 'li.rk-item';
    const page = await open(env, simUrl(shop, 'creator-rankings', { markup, generation }));
    await waitFor(async () => (await page.locator(rows).count()) === 20, 'the first ranking page');
    await nextPage(page);
    await afterRender(page, () => page.getByRole('combobox', { name: 'Rank type' }).selectOption('2'));
    const mine = (d: Db, key: string) => snapshots(d, 'ranking', key).filter((s) => s.values.region === shop.region);
    const db = await dbWhen((d) => mine(d, '2|1|All|1').length > 0 && mine(d, '1|1|All|1').length >= 2, 'the ranking snapshots');
    expect(mine(db, '1|1|All|1').map((s) => s.values)).toEqual([
      { region: shop.region, date, firstRank: 1, handles: top(1, 0) },
      { region: shop.region, date, firstRank: 21, handles: top(1, 20) },
    ]);
    expect(mine(db, '2|1|All|1').map((s) => s.values)).toEqual([{ region: shop.region, date, firstRank: 1, handles: top(2, 0) }]);
    expect(creatorsIn(db, top(1, 0))).toHaveLength(20);
    // The same ranking seen again stores no new snapshot.
    const count = (db.snapshots ?? []).filter((s) => s.entity === 'ranking').length;
    await capturedAfter(env.session, 'creators.rankings', () => afterRender(page, () => page.getByRole('combobox', { name: 'Rank type' }).selectOption('1')));
    expect(((await read()).snapshots ?? []).filter((s) => s.entity === 'ranking').length).toBe(count);
    await page.close();
  });
});
