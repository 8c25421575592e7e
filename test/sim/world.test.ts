import { describe, expect, it } from 'vitest';
import {
  HOSTILE,
  REVIEW_WINDOW_MS,
  SAMPLE_STATUSES,
  SAMPLE_TABS,
  generateWorld,
  pageElements,
  resolveShop,
  seededRandom,
  shopByKey,
  tabRequests,
  type SimShop,
} from './world';

const NOW = Date.UTC(2025, 10, 20, 9, 30);
const world = generateWorld({ seed: 1, now: NOW });
const us = shopByKey(world, 'us');

const ID19 = /^[1-9]\d{18}$/;
const HOUR = 3_600_000;

function distinct<T>(xs: T[]): number {
  return new Set(xs).size;
}

describe('generateWorld', () => {
  it('is deterministic for a seed and now', () => {
    expect(generateWorld({ seed: 1, now: NOW })).toEqual(world);
    expect(generateWorld({ seed: 42, now: NOW })).toEqual(generateWorld({ seed: 42, now: NOW }));
  });

  it('differs between seeds', () => {
    const other = shopByKey(generateWorld({ seed: 2, now: NOW }), 'us');
    expect(other.sellerId).not.toBe(us.sellerId);
    expect(other.requests.map((r) => r.applyId)).not.toEqual(us.requests.map((r) => r.applyId));
  });

  it('keeps relative timing when now moves', () => {
    const later = generateWorld({ seed: 1, now: NOW + 5 * HOUR });
    const a = us.requests.map((r) => (r.deadline === null ? null : r.deadline - NOW));
    const b = shopByKey(later, 'us').requests.map((r) => (r.deadline === null ? null : r.deadline - (NOW + 5 * HOUR)));
    expect(b).toEqual(a);
  });

  it('has the three required shops on their hosts', () => {
    const expected = [
      ['us', 'affiliate-us.tiktok.com', 'US', 'USD'],
      ['gb', 'affiliate.tiktok.com', 'GB', 'GBP'],
      ['id', 'affiliate-id.tokopedia.com', 'ID', 'IDR'],
    ] as const;
    for (const [key, host, region, currency] of expected) {
      const shop = shopByKey(world, key);
      expect(shop).toMatchObject({ host, region, currency });
      expect(shop.sellerId).toMatch(ID19);
    }
    expect(distinct(world.shops.map((s) => s.sellerId))).toBe(world.shops.length);
  });

  it('gives the US shop ≥300 requests over ≥120 creators and ≥40 products', () => {
    expect(us.requests.length).toBeGreaterThanOrEqual(300);
    expect(distinct(us.requests.map((r) => r.creatorId))).toBeGreaterThanOrEqual(120);
    expect(distinct(us.requests.map((r) => r.productId))).toBeGreaterThanOrEqual(40);
    for (const shop of world.shops) expect(shop.requests.length).toBeGreaterThanOrEqual(60);
  });

  it('uses every status and both sample types in the US shop', () => {
    const statuses = new Set(us.requests.map((r) => r.status));
    for (const s of SAMPLE_STATUSES) expect(statuses, s).toContain(s);
    expect(new Set(us.requests.map((r) => r.sampleType))).toEqual(new Set(['FREE_SAMPLE', 'REFUNDABLE_SAMPLE']));
  });

  it('puts every status in exactly one tab', () => {
    const all = SAMPLE_TABS.flatMap((t) => t.statuses);
    expect([...all].sort()).toEqual([...SAMPLE_STATUSES].sort());
  });

  it.each(world.shops.map((s) => [s.key, s] as const))('%s: ids, handles and values are well-formed', (_key, shop: SimShop) => {
    const ids = [
      ...shop.creators.map((c) => c.creatorId),
      ...shop.products.flatMap((p) => [p.productId, ...p.skus.map((s) => s.skuId)]),
      ...shop.requests.flatMap((r) => [r.applyId]),
    ];
    for (const id of ids) expect(id).toMatch(ID19);
    expect(distinct(ids)).toBe(ids.length);
    expect(distinct(shop.creators.map((c) => c.handle))).toBe(shop.creators.length);
    for (const c of shop.creators) {
      expect(c.handle).toMatch(/^[a-z0-9._]+$/);
      expect(c.followers).toBeGreaterThanOrEqual(1_000);
      expect(c.followers).toBeLessThanOrEqual(2_000_000);
      expect(c.fulfillmentPercentage).toMatch(/^(\d{1,3}\.\d{2}%)?$/);
      expect(c.avatarUrl).toMatch(/^https:\/\/p16-sign-(va|sg)\.tiktokcdn\.com\//);
    }
    for (const r of shop.requests) {
      expect(r.commissionBps).toBeGreaterThanOrEqual(500);
      expect(r.commissionBps).toBeLessThanOrEqual(3000);
      const product = shop.products.find((p) => p.productId === r.productId);
      expect(product?.skus.some((s) => s.skuId === r.skuId)).toBe(true);
      expect(r.applyTime).toBeLessThanOrEqual(NOW);
    }
    // Some creators are unauthorised, some nicknames carry emoji, and several creators send 2–4 requests at once.
    expect(shop.creators.some((c) => c.fulfillmentPercentage === '')).toBe(true);
    expect(shop.creators.some((c) => /\p{Extended_Pictographic}/u.test(c.nickname))).toBe(true);
    const bundleSizes = new Map<string, number>();
    for (const r of shop.requests) bundleSizes.set(r.groupId, (bundleSizes.get(r.groupId) ?? 0) + 1);
    expect([...bundleSizes.values()].filter((n) => n >= 2 && n <= 4).length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...bundleSizes.values())).toBeLessThanOrEqual(4);
  });

  it('writes ID shop handles the Indonesian way', () => {
    const id = shopByKey(world, 'id');
    expect(id.creators.some((c) => c.handle.endsWith('.id'))).toBe(true);
    expect(id.products.some((p) => /Wanita|Pedas|Tahan/.test(p.title))).toBe(true);
  });

  it('mixes PENDING review deadlines: some under 2 h, some under 24 h, most 1–6 days', () => {
    const left = us.requests.filter((r) => r.status === 'PENDING').map((r) => r.deadline! - NOW);
    expect(left.every((ms) => ms > 0 && ms <= 6 * 24 * HOUR + 60 * 60_000)).toBe(true);
    expect(left.filter((ms) => ms < 2 * HOUR).length).toBeGreaterThanOrEqual(3);
    expect(left.filter((ms) => ms >= 2 * HOUR && ms < 24 * HOUR).length).toBeGreaterThanOrEqual(3);
    expect(left.filter((ms) => ms >= 24 * HOUR).length).toBeGreaterThan(left.length / 2);
    for (const r of us.requests.filter((x) => x.status === 'PENDING')) expect(r.deadline! - r.applyTime).toBe(REVIEW_WINDOW_MS);
  });

  it('gives deadlines only to statuses with a stage deadline', () => {
    for (const r of us.requests) {
      const has = r.status === 'PENDING' || r.status === 'AWAITING_SHIPMENT' || r.status === 'CONTENT_PENDING';
      expect(r.deadline !== null, `${r.status}`).toBe(has);
    }
  });

  it('puts the hostile creator and product on the first page of To review', () => {
    const els = pageElements(us, 10, 1, 50);
    const el = els.find((e) => e.creator.creatorId === HOSTILE.creatorId);
    expect(el?.creator.nickname).toBe('<img src=x onerror=alert(1)>');
    expect(el?.creator.handle).toBe(HOSTILE.handle);
    expect(el?.requests.map((r) => r.productId)).toEqual([HOSTILE.productId]);
    expect(us.products.find((p) => p.productId === HOSTILE.productId)?.title).toBe('"><script>window.__pwned=1</script>');
    expect(us.requests.filter((r) => r.productId === HOSTILE.productId || r.creatorId === HOSTILE.creatorId)).toHaveLength(1);
  });

  it('orders To review by urgency and keeps a creator together', () => {
    const list = tabRequests(us, 10);
    const firstSeen = new Map<string, number>();
    list.forEach((r, i) => {
      if (!firstSeen.has(r.creatorId)) firstSeen.set(r.creatorId, i);
      else expect(list[i - 1]!.creatorId).toBe(r.creatorId);
    });
    expect(list[0]!.deadline! - NOW).toBeLessThan(2 * HOUR);
  });

  it('resolves the shop from a page or API URL', () => {
    const gb = shopByKey(world, 'gb');
    expect(resolveShop(world, new URL('https://affiliate-us.tiktok.com/product/sample-request'))).toBe(us);
    expect(resolveShop(world, new URL('https://affiliate.tiktok.com/x?shop_region=GB'))).toBe(gb);
    expect(resolveShop(world, new URL(`https://affiliate.tiktok.com/x?oec_seller_id=${gb.sellerId}`))).toBe(gb);
    expect(resolveShop(world, new URL('https://affiliate.tiktok.com/x?shop_region=DE'))).toBeUndefined();
    expect(resolveShop(world, new URL(`https://affiliate.tiktok.com/x?shop_id=${us.sellerId}`))).toBeUndefined();
    expect(resolveShop(world, new URL('https://example.com/'))).toBeUndefined();
  });
});

describe('seededRandom', () => {
  it('repeats for a seed and salt, and differs by seed and by salt', () => {
    const draw = (seed: number, salt: string) => {
      const r = seededRandom(seed, salt);
      return Array.from({ length: 8 }, () => r());
    };
    expect(draw(1, 'orders:US')).toEqual(draw(1, 'orders:US'));
    expect(draw(1, 'orders:US')).not.toEqual(draw(2, 'orders:US'));
    expect(draw(1, 'orders:US')).not.toEqual(draw(1, 'orders:GB'));
    const many = draw(7, 'spread').concat(draw(8, 'spread'), draw(9, 'spread'));
    expect(many.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(many).size).toBe(many.length);
  });
});
