import { describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import type { SampleStatus } from '../domain/sample-status';
import type { Creator, SampleRequest } from '../domain/types';
import { createI18n } from '../i18n';
import type { Finding } from '../rules/types';
import { selectByFilter } from './filters';
import { findingsOf, historyOf, loadFindings, loadMarks, loadQueue, rankQueue, type Mark } from './queue';

const SHOP = 'US:7495000000000000001';
const NOW = Date.UTC(2025, 5, 1, 12);
const H = 3_600_000;
const source = { endpoint: 'test', page: 'https://affiliate-us.tiktok.com/product/sample-request' };

function request(applyId: string, handle: string, status: SampleStatus, o: Partial<SampleRequest> = {}): SampleRequest {
  return { applyId, shopKey: SHOP, creatorHandle: handle, productId: 'P1', status, statusRaw: status, statusSeenAt: NOW, firstSeenAt: NOW - H, lastSeenAt: NOW - H, source, ...o };
}
const creator = (handle: string, fulfilment?: number): Creator => ({
  handle,
  aliases: [],
  ...(fulfilment === undefined ? {} : { fulfillmentBps: { value: fulfilment, seenAt: NOW - H, source } }),
  firstSeenAt: NOW - H,
  lastSeenAt: NOW - H,
});
const review = (hours: number) => ({ deadline: { kind: 'review' as const, at: NOW + hours * H, seenAt: NOW - H } });

describe('historyOf', () => {
  it('counts posted, concluded (posted or cancelled for no content) and open samples', () => {
    const h = historyOf([
      request('1', 'a', 'COMPLETED'),
      request('2', 'a', 'OPS_COMPLETED'),
      request('3', 'a', 'UNFULFILL_CANCELLED'),
      request('4', 'a', 'SHIPPED'),
      request('5', 'a', 'CONTENT_PENDING'),
      request('6', 'a', 'REJECT_CANCELLED'),
      request('7', 'a', 'PENDING', { lastSeenAt: NOW }),
    ]);
    expect(h).toEqual({ seen: 7, posted: 2, concluded: 3, open: 2, lastSeenAt: NOW, source });
  });

});

async function seeded() {
  const db = freshDb();
  await db.sampleRequests.bulkPut([
    // ann: fulfils 90%, posted for both samples this shop sent; 100 h left.
    request('101', 'ann', 'PENDING', review(100)),
    request('102', 'ann', 'COMPLETED'),
    request('103', 'ann', 'COMPLETED'),
    // ben: fulfils 30%, never posted for the sample he got; 10 h left.
    request('201', 'ben', 'PENDING', review(10)),
    request('202', 'ben', 'UNFULFILL_CANCELLED'),
    // cat: nothing known; past her deadline.
    request('301', 'cat', 'PENDING', review(-1)),
    // another shop's request is not in this queue
    { ...request('401', 'ann', 'PENDING'), shopKey: 'GB:1' },
  ]);
  await db.creators.bulkPut([creator('ann', 9000), creator('ben', 3000)]);
  return db;
}

describe('loadQueue and rankQueue', () => {
  it('ranks the pending requests by score and puts those past their deadline last', async () => {
    const db = await seeded();
    const items = rankQueue(await loadQueue(db, SHOP), NOW);
    expect(items.map((i) => i.applyId)).toEqual(['101', '201', '301']);
    const [ann, ben, cat] = items;
    // ann: fulfilment 0.9 × 25 = 22.5; history (2+1)/(2+2) × 25 = 18.75; gmv, views, payback neutral 7.5 + 5 + 7.5;
    // deadline (168 − 100)/144 × 10.
    expect(ann?.score.total).toBeCloseTo(22.5 + 18.75 + 7.5 + 5 + 7.5 + (68 / 144) * 10, 10);
    // ben: 0.3 × 25 = 7.5; (0+1)/(1+2) × 25; neutral 20; 10 h left: full 10.
    expect(ben?.score.total).toBeCloseTo(7.5 + 25 / 3 + 20 + 10, 10);
    expect(ben?.history).toMatchObject({ seen: 2, posted: 0, concluded: 1, open: 0 });
    expect(cat).toMatchObject({ overdue: true, handle: 'cat' });
    expect(cat?.fulfilmentBps).toBeUndefined();
  });

  it('reads the same creators when the table holds many more than the queue needs (looked up one by one) as when it is read whole', async () => {
    const db = await seeded();
    const small = await loadQueue(db, SHOP);
    await db.creators.bulkPut(Array.from({ length: 40 }, (_, i) => creator(`other.${i}`, 100)));
    const large = await loadQueue(db, SHOP);
    expect([...large.creators.keys()].sort()).toEqual(['ann', 'ben']);
    expect(large.creators).toEqual(small.creators);
    expect(rankQueue(large, NOW)).toEqual(rankQueue(small, NOW));
  });

  it('selects by filter: fulfilment under a rate (unknown rates never match), no content, deadline within hours, score under', async () => {
    const db = await seeded();
    const items = rankQueue(await loadQueue(db, SHOP), NOW);
    const none = new Map<string, Mark>();
    expect(selectByFilter(items, { kind: 'fulfilment-under', percent: 40 }, NOW, none, false)).toEqual(['201']);
    expect(selectByFilter(items, { kind: 'no-content' }, NOW, none, false)).toEqual(['201', '301']);
    expect(selectByFilter(items, { kind: 'deadline-within', hours: 24 }, NOW, none, false)).toEqual(['201']);
    expect(selectByFilter(items, { kind: 'score-under', points: 60 }, NOW, none, false)).toEqual(['201', '301']);
    expect(selectByFilter(items, { kind: 'no-content' }, NOW, new Map([['201', 'reject' as const]]), true)).toEqual(['301']);
  });

  it('carries TikTok’s own view beside the score without counting it, and selects the requests TikTok says cannot be approved', async () => {
    const db = await seeded();
    const before = rankQueue(await loadQueue(db, SHOP), NOW);
    const tiktok = (canBeApproved: boolean, predictedRoi: number) => ({ value: { canBeApproved, predictedRoi }, seenAt: NOW - H, source });
    await db.sampleRequests.update('101', { tiktok: tiktok(false, 0.4) });
    await db.sampleRequests.update('201', { tiktok: tiktok(true, 2.5) });
    const items = rankQueue(await loadQueue(db, SHOP), NOW);
    expect(items.map((i) => [i.applyId, i.tiktok?.value])).toEqual([
      ['101', { canBeApproved: false, predictedRoi: 0.4 }],
      ['201', { canBeApproved: true, predictedRoi: 2.5 }],
      ['301', undefined],
    ]);
    expect(items.map((i) => i.score.total)).toEqual(before.map((i) => i.score.total));
    expect(selectByFilter(items, { kind: 'tiktok-cannot' }, NOW, new Map(), false)).toEqual(['101']);
  });

  it('flags the requests of a creator the seller blocked, with the seller’s tags, without counting it in the score, and selects them', async () => {
    const db = await seeded();
    const before = rankQueue(await loadQueue(db, SHOP), NOW);
    await db.creatorMarks.bulkPut([
      { handle: 'ben', tags: ['late'], watch: 0, blocked: 1, updatedAt: NOW },
      { handle: 'cat', tags: ['vip'], watch: 1, blocked: 0, updatedAt: NOW },
    ]);
    const items = rankQueue(await loadQueue(db, SHOP), NOW);
    expect(items.map((i) => [i.applyId, i.blocked, i.tags])).toEqual([
      ['101', undefined, undefined],
      ['201', true, ['late']],
      ['301', undefined, ['vip']],
    ]);
    expect(items.map((i) => i.score.total)).toEqual(before.map((i) => i.score.total));
    expect(selectByFilter(items, { kind: 'blocked' }, NOW, new Map(), false)).toEqual(['201']);
    expect(selectByFilter(before, { kind: 'blocked' }, NOW, new Map(), false)).toEqual([]);
  });

  it('scores the GMV factor from the figures the sample list showed, saying where they were seen', async () => {
    const db = await seeded();
    const sampleList = { endpoint: 'sample.group.list', page: source.page };
    await db.creators.update('ann', { metrics: { value: { followers: 125_300, gmv: { minor: 2_500_000, currency: 'USD' }, unitsSold: 1204 }, seenAt: NOW - H, source: sampleList } });
    await db.products.put({ productId: 'P1', shopKey: SHOP, title: 'Serum', price: { minor: 2500, currency: 'USD' }, firstSeenAt: NOW - H, lastSeenAt: NOW - H, source: sampleList });
    const ann = rankQueue(await loadQueue(db, SHOP), NOW).find((i) => i.applyId === '101');
    // $25,000 is 1,000× the $25.00 price: the full 15 points.
    expect(ann?.score.reasons.find((r) => r.factor === 'gmv')).toMatchObject({ kind: 'gmv', multiple: 1000, points: 15, fromRange: false, seen: { seenAt: NOW - H, source: sampleList } });
  });
});

describe('loadMarks', () => {
  it('reads the shop’s marks only', async () => {
    const db = freshDb();
    await db.triageMarks.bulkPut([
      { applyId: '1', shopKey: SHOP, mark: 'approve', markedAt: NOW },
      { applyId: '2', shopKey: 'GB:1', mark: 'reject', markedAt: NOW },
    ]);
    expect(await loadMarks(db, SHOP)).toEqual(new Map([['1', 'approve']]));
  });
});

describe('loadFindings', () => {
  it('gives the active findings about a request and its creator in the reader’s language, leaving out dismissed ones', async () => {
    const db = freshDb();
    const finding = (id: string, subject: 'sampleRequest' | 'creator', subjectKey: string, ruleId: string): Finding => ({
      id,
      ruleId,
      subject,
      subjectKey,
      shopKey: SHOP,
      params: { handle: 'ann', product: 'Serum', deadline: { at: NOW + 5 * H } },
      evidence: [],
      dueAt: NOW + 5 * H,
      severity: 'high',
      firstSeenAt: NOW,
      evaluatedAt: NOW,
    });
    await db.findings.bulkPut([
      finding('sample-review-deadline|101', 'sampleRequest', '101', 'sample-review-deadline'),
      finding('sample-review-deadline|201', 'sampleRequest', '201', 'sample-review-deadline'),
      finding('gone-rule|101', 'sampleRequest', '101', 'gone-rule'),
    ]);
    await db.findingStates.put({ id: 'sample-review-deadline|201', dismissedAt: NOW });
    const byKey = await loadFindings(db, SHOP, createI18n('id'), NOW);
    const views = findingsOf(byKey, { applyId: '101', handle: 'ann' });
    expect(views.map((v) => v.id)).toEqual(['sample-review-deadline|101']);
    expect(views[0]?.title).toBe('Batas waktu tinjauan permintaan sampel sudah dekat');
    expect(views[0]?.message).toContain('@ann');
    expect(findingsOf(byKey, { applyId: '201', handle: 'ben' })).toEqual([]);
  });
});
