import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { money } from '../../lib/domain/money';
import { simUrl } from '../sim/install';
import { bandRate, commissionBand, gmvRangeLabel, HOSTILE_BIO, marketOf, TREND_DAYS, type MarketCreator } from '../sim/surfaces/creator-marketplace';
import { latestRankDate, rankingOf } from '../sim/surfaces/creator-rankings';
import { FIND_FAULT_POSITIONS, listingOf } from '../sim/surfaces/find-creators';
import { HOSTILE, shopByKey, type SimShop } from '../sim/world';
import { capturedAfter, readDb, waitFor } from './browser';
import { afterRender, clickTab, navigate, nextPage, open, startEnv, type Env } from './pages';

/**
 * Find creators, Creator rankings and Creator detail on the simulated Affiliate Center (its default answers follow
 * research/real-shapes.md §3, §4; its variants the forms the evidence leaves open), checked against what was stored.
 */

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
  (db.snapshots ?? []).filter((s) => s.entity === entity && s.key === key).sort((a, b) => a.seenAt - b.seenAt || a.at - b.at);
const shopCreator = (db: Db, shop: SimShop, handle: string) => (db.shopCreators ?? []).find((r) => r.shopKey === `${shop.region}:${shop.sellerId}` && r.handle === handle);

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

/** What the shop's marketplace showed about the creator relative to the shop: flags, median commission, categories. */
function expectShopCreator(db: Db, shop: SimShop, m: MarketCreator) {
  const row = shopCreator(db, shop, m.creator.handle);
  expect(row, m.creator.handle).toBeDefined();
  expect(row!.flags.value).toEqual({ hasCollaborated: m.hasCollaborated, invitedWithin90d: m.invitedBefore, blockedByShop: false, highSampleDispatchRate: m.highSampleDispatch });
  const band = commissionBand(m.commissionBps);
  expect(row!.medianCommission).toMatchObject({ bps: bandRate(band), minBps: band.minBps, label: band.label, form: 'label' });
  expect(row!.categories.value).toEqual(m.categories.map((name, i) => ({ id: m.categoryIds[i], name })));
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
        'creator_profile_list[].med_gmv_revenue: invalid_union': 1,
      },
    });
    expect(creatorsIn(db, broken)).toEqual([]);
    for (const m of intact) expectStored(us, m, creatorsIn(db, [m.creator.handle])[0]);

    // Rankings: the page with an unreadable entry keeps its creators but stores no order.
    await page.goto(simUrl(us, 'creator-rankings', { fault: 'shape', params: { rank_type: '3' } }));
    const ranked = await dbWhen((d) => stat(d, 'creators.rankings')?.rejected === 1, 'the rejected ranking entry');
    expect(snapshots(ranked, 'ranking', '3|1|All|1')).toEqual([]);
    expect(stat(ranked, 'creators.rankings')).toMatchObject({ accepted: 19, failures: { 'data.creator_rank_info_list[].rank_position: invalid_union': 1 } });

    // Creator detail: the broken overview is rejected; the other parts, which name only the creator id, are tied to the
    // creator Find creators stored under that id and stored.
    const m = intact.find((x) => x.authorised && x.creator.creatorId !== HOSTILE.creatorId)!;
    await page.goto(simUrl(us, 'creator-detail', { fault: 'shape', params: { cid: m.oecId } }));
    await waitFor(async () => (await page.locator('[data-profile-type]').count()) === 5, 'the five parts of the detail');
    const detail = await dbWhen((d) => stat(d, 'creators.profile')?.accepted === 4, 'four profile parts');
    expect(stat(detail, 'creators.profile')).toMatchObject({ rejected: 1, failures: { 'creator_profile.med_gmv_revenue: invalid_union': 1 } });
    const stored = creatorsIn(detail, [m.creator.handle])[0]!;
    expect(stored.metrics.value.postRateBps).toBe(m.postRateBps);
    expect(snapshots(detail, 'creatorTrend', m.creator.handle)).toHaveLength(TREND_DAYS);
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
    for (const m of seen) {
      expectStored(shop, m, creatorsIn(db, [m.creator.handle])[0]);
      expectShopCreator(db, shop, m);
    }
    expect(JSON.stringify(creatorsIn(db, handles))).not.toMatch(/hasCollaborated|medianCommission/);
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
  it('stores every part: the overview, performance, audience, the trend as dated points and the top videos, contacts apart', async () => {
    const id = shopByKey(env.world, 'id');
    const m = [...marketOf(env.world, id).values()].find((x) => x.authorised && x.contacts.email && x.contacts.whatsapp && x.lives30d > 0 && x.videos30d > 0)!;
    const page = await open(env, simUrl(id, 'creator-detail', { generation: 'migrated', params: { cid: m.oecId, pair_source: 'authorized' } }));
    await waitFor(async () => (await page.locator('[data-profile-type]').count()) === 5, 'the five parts of the detail');
    const ready = (d: Db) => {
      const c = creatorsIn(d, [m.creator.handle])[0];
      return c?.metrics?.value?.audience !== undefined && c.metrics.value.postRateBps !== undefined && snapshots(d, 'creatorTrend', m.creator.handle).length === TREND_DAYS;
    };
    const db = await dbWhen(ready, 'the merged creator, its trend and its top videos');
    const c = creatorsIn(db, [m.creator.handle])[0]!;
    expect(c.aliases).toEqual([`cid:${m.oecId}`, `oecuid:${m.oecId}`]);
    expect(c.metrics.value).toMatchObject({
      followers: m.creator.followers,
      gmv: money(String(Math.round(m.gmv)), 'IDR'),
      postRateBps: m.postRateBps,
      avgCommissionBps: m.commissionBps,
      medianVideoViews: m.medianVideoViews,
      collaboratedBrands: m.brands,
    });
    expect(c.metrics.value.audience.gender).toEqual(m.audience.gender.map(([k, v]) => ({ key: k, bps: Math.round(v * 10_000) })));
    expect(c.contactChannels).toEqual(['email', 'whatsapp']);
    expect(JSON.stringify(db.creators)).not.toContain(m.contacts.email!);
    const contacts = (db.contacts ?? []).filter((x) => x.entity === 'creator' && x.key === m.creator.handle);
    expect(contacts.map((x) => [x.channel, x.value]).sort()).toEqual([
      ['email', m.contacts.email],
      ['whatsapp', `${m.contacts.whatsapp!.code} ${m.contacts.whatsapp!.number}`],
    ]);
    // The trend: one snapshot per day, dated by the day it covers, in the shop's currency.
    const trend = snapshots(db, 'creatorTrend', m.creator.handle);
    const days = trend.map((s) => s.at);
    expect(new Set(days).size).toBe(TREND_DAYS);
    expect(days.every((at) => at % 86_400_000 === 0 && at < env.world.now)).toBe(true);
    expect(trend.find((s) => s.at === Math.max(...days))?.values).toMatchObject({ followers: m.creator.followers, gmv: { currency: 'IDR' } });
    await waitFor(async () => snapshots(await read(), 'creatorTopVideos', m.creator.handle).length === 1, 'the top videos');
    // The overview's median commission, exact, is the shop's market observation.
    expect(shopCreator(db, id, m.creator.handle)?.medianCommission).toMatchObject({ bps: m.commissionBps, form: 'exact', label: commissionBand(m.commissionBps).label });
    // Every part read: no rejection, and no failure for the trend part, which carries no creator_profile.
    // (The only failure on record is the overview broken on purpose in the first test.)
    expect(Object.keys(stat(db, 'creators.profile')?.failures ?? {})).toEqual(['creator_profile.med_gmv_revenue: invalid_union']);
    const before = stat(db, 'creators.profile')?.rejected ?? 0;
    const hidden = [...marketOf(env.world, id).values()].find((x) => !x.authorised)!;
    await navigate(page, simUrl(id, 'creator-detail', { generation: 'migrated', params: { cid: hidden.oecId } }));
    await waitFor(async () => (await page.locator('[data-profile-type]').count()) === 5, 'the parts of an unauthorised creator');
    const after = await dbWhen((d) => creatorsIn(d, [hidden.creator.handle])[0]?.aliases.includes(`cid:${hidden.oecId}`), 'the unauthorised creator’s detail');
    expect(stat(after, 'creators.profile')?.rejected ?? 0).toBe(before);
    expect(snapshots(after, 'creatorTrend', hidden.creator.handle)).toEqual([]);
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
    await waitFor(async () => (await page.locator('[data-profile-type]').count()) === 5, 'the detail page');
    expect(page.url()).toContain(`cid=${HOSTILE.creatorId}`);
    expect(await page.locator('.cd-nick').textContent()).toBe(HOSTILE.nickname);
    expect(await page.locator('[data-profile-type="1"] dd').first().textContent()).toBe(HOSTILE_BIO);
    expect(await page.evaluate(() => (window as unknown as { __noReload?: number }).__noReload)).toBe(marker);
    expect(await noScriptRan(page)).toBe(true);
    const db = await dbWhen((d) => creatorsIn(d, [HOSTILE.handle])[0]?.aliases.includes(`cid:${HOSTILE.creatorId}`), 'the hostile creator’s detail');
    expect(creatorsIn(db, [HOSTILE.handle])[0]!.nickname).toBe(HOSTILE.nickname);
    expect(await page.evaluate(() => (window as unknown as { __simActions: unknown[] }).__simActions)).toEqual([]);
    await page.close();
  });
});

describe('wire variants the evidence leaves open', () => {
  it('find-creators.commission-bps: a median commission sent as basis points is stored as such', async () => {
    const gb = shopByKey(env.world, 'gb');
    const page = await open(env, simUrl(gb, 'find-creators', { variant: 'find-creators.commission-bps', params: { tab: 'recommended' } }));
    await waitFor(async () => (await page.locator(CARDS.grid).count()) > 0, 'the recommended creators');
    const shown = listingOf(env.world, gb, 'recommendation').slice(0, 20);
    const db = await dbWhen((d) => shown.every((m) => shopCreator(d, gb, m.creator.handle)?.medianCommission?.form === 'bps'), 'the creators’ rates as bps');
    for (const m of shown) expect(shopCreator(db, gb, m.creator.handle)?.medianCommission).toMatchObject({ bps: bandRate(commissionBand(m.commissionBps)), form: 'bps' });
    expect(stat(db, 'creators.recommendation')?.rejected ?? 0).toBe(0);
    await page.close();
  });

  it.each(['creator-detail.trend-flat', 'creator-detail.trend-map'])('%s: the trend is stored as the same dated points', async (variant) => {
    const us = shopByKey(env.world, 'us');
    const pool = [...marketOf(env.world, us).values()].filter((x) => x.authorised && x.creator.creatorId !== HOSTILE.creatorId);
    const m = pool[variant.endsWith('flat') ? pool.length - 1 : pool.length - 2]!;
    const page = await open(env, simUrl(us, 'creator-detail', { variant, params: { cid: m.oecId } }));
    await waitFor(async () => (await page.locator('[data-profile-type]').count()) === 5, 'the parts of the detail');
    const db = await dbWhen((d) => snapshots(d, 'creatorTrend', m.creator.handle).length === TREND_DAYS, `the ${TREND_DAYS} trend points`);
    expect(snapshots(db, 'creatorTrend', m.creator.handle).at(-1)?.values.followers).toBe(m.creator.followers);
    expect(Object.keys(stat(db, 'creators.profile')?.failures ?? {}).filter((k) => k.includes('trend'))).toEqual([]);
    await page.close();
  });

  it('creator-detail.auth-list: the authorised profiles found under data.list', async () => {
    const gb = shopByKey(env.world, 'gb');
    const m = [...marketOf(env.world, gb).values()].filter((x) => x.authorised).at(-1)!;
    const before = stat(await read(), 'creators.authProfiles')?.accepted ?? 0;
    const page = await open(env, simUrl(gb, 'creator-detail', { variant: 'creator-detail.auth-list', params: { cid: m.oecId } }));
    await waitFor(async () => (await page.locator('[data-profile-type]').count()) === 5, 'the parts of the detail');
    const db = await dbWhen((d) => (stat(d, 'creators.authProfiles')?.accepted ?? 0) > before, 'the authorised profile');
    expect(stat(db, 'creators.authProfiles')?.rejected ?? 0).toBe(0);
    expect(creatorsIn(db, [m.creator.handle])[0]?.aliases).toContain(`cid:${m.oecId}`);
    await page.close();
  });

  it('creator-rankings.list-top: a ranking answered at the top level is stored as its dated page', async () => {
    const gb = shopByKey(env.world, 'gb');
    const date = latestRankDate(env.world);
    const page = await open(env, simUrl(gb, 'creator-rankings', { variant: 'creator-rankings.list-top', params: { rank_type: '3' } }));
    await waitFor(async () => (await page.locator('table tbody tr').count()) === 20, 'the ranking page');
    const top = rankingOf(env.world, gb, { rankType: 3, rankPeriod: 1, rankDate: date, indusCate: 'All', contentType: 1 }).slice(0, 20).map((r) => r.m.creator.handle);
    const db = await dbWhen((d) => snapshots(d, 'ranking', '3|1|All|1').some((s) => s.values.region === gb.region), 'the ranking snapshot');
    expect(snapshots(db, 'ranking', '3|1|All|1').find((s) => s.values.region === gb.region)?.values).toEqual({ region: gb.region, date, firstRank: 1, handles: top });
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
