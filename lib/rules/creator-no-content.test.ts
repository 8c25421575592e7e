import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { DAY, NOW, OTHER_SHOP, content, fillsMessage, request, transition } from '../../test/fixtures/rule-entities';
import { affectedBy, loadInputs } from '../../test/fixtures/rule-inputs';
import type { AppDB } from '../db/app-db';
import type { SampleRequest } from '../domain/types';
import { creatorNoContent as rule, type CreatorHistoryInput, type SentSample } from './creator-no-content';

const sent = (over: Partial<SampleRequest>, deliveredAt?: number, hasContent = false): SentSample => ({ request: request(over), hasContent, ...(deliveredAt !== undefined && { deliveredAt }) });
const input = (history: SentSample[], over: Partial<SampleRequest> = {}): CreatorHistoryInput => {
  const r = request(over);
  return { key: r.applyId, request: r, sent: history };
};
const check = (i: CreatorHistoryInput, count = 1, now = NOW) => rule.check(i, { thresholds: { count }, now });

describe('creator-no-content: check', () => {
  it('fires when a sample the creator got was closed as not fulfilled, with that sample as evidence', () => {
    const history = [sent({ applyId: 'old1', status: 'UNFULFILL_CANCELLED' }), sent({ applyId: 'old2', status: 'COMPLETED' })];
    const [f, ...rest] = check(input(history));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ subjectKey: 'a1', params: { handle: 'glowwithmaya', unposted: 1, sent: 2 } });
    expect(f?.evidence.map((e) => e.key)).toEqual(['a1', 'old1']);
    expect(fillsMessage(rule, f)).toBe(true);
  });

  it('counts a sample still waiting for content 21 days after delivery, not a day earlier, and not one with a post captured', () => {
    expect(check(input([sent({ status: 'CONTENT_PENDING' }, NOW - 21 * DAY)]))).toHaveLength(1);
    expect(check(input([sent({ status: 'CONTENT_PENDING' }, NOW - 21 * DAY + 1)]))).toEqual([]);
    expect(check(input([sent({ status: 'CONTENT_PENDING' }, NOW - 30 * DAY, true)]))).toEqual([]);
    expect(check(input([sent({ status: 'CONTENT_PENDING' })]))).toEqual([]);
    expect(check(input([sent({ status: 'SHIPPED' })]))).toEqual([]);
  });

  it('needs as many samples without content as the seller’s count', () => {
    const two = [sent({ applyId: 'o1', status: 'UNFULFILL_CANCELLED' }), sent({ applyId: 'o2', status: 'CONTENT_PENDING' }, NOW - 40 * DAY)];
    expect(check(input(two), 2)[0]?.params).toMatchObject({ unposted: 2, sent: 2 });
    expect(check(input(two), 3)).toEqual([]);
  });

  it('does not fire for a creator whose samples all produced content, without history, or for a decided request', () => {
    expect(check(input([sent({ status: 'COMPLETED' }), sent({ status: 'OPS_COMPLETED' })]))).toEqual([]);
    expect(check(input([]))).toEqual([]);
    expect(check(input([sent({ status: 'UNFULFILL_CANCELLED' })], { status: 'REJECT_CANCELLED' }))).toEqual([]);
  });
});

describe('creator-no-content: load and affected', () => {
  let db: AppDB;
  beforeEach(async () => {
    db = freshDb();
    await db.sampleRequests.bulkPut([
      request({ applyId: 'a1' }),
      request({ applyId: 'old1', status: 'CONTENT_PENDING', statusSeenAt: NOW - DAY }),
      request({ applyId: 'old2', status: 'CONTENT_PENDING', statusSeenAt: NOW - 30 * DAY }),
      request({ applyId: 'old3', status: 'REJECT_CANCELLED' }),
      request({ applyId: 'a2', shopKey: OTHER_SHOP }),
      request({ applyId: 'a3', creatorHandle: 'lee.reviews' }),
    ]);
    await db.transitions.add(transition('old1', 'CONTENT_PENDING', NOW - 25 * DAY, 'SHIPPED'));
    await db.sampleContents.put(content({ contentId: 'v2', applyId: 'old2' }));
  });
  afterEach(() => db.close());

  it('loads each pending request with this shop’s sent samples to the same creator, delivery and content included', async () => {
    const inputs = await loadInputs(rule, db, undefined, NOW);
    const a1 = inputs.find((i) => i.key === 'a1');
    expect(inputs.map((i) => [i.key, i.sent.length]).sort()).toEqual([
      ['a1', 2],
      ['a2', 0],
      ['a3', 0],
    ]);
    expect(a1?.sent.map((s) => [s.request.applyId, s.deliveredAt, s.hasContent]).sort()).toEqual([
      ['old1', NOW - 25 * DAY, false],
      ['old2', NOW - 30 * DAY, true],
    ]);
    expect(inputs.flatMap((i) => check(i)).map((f) => f.subjectKey)).toEqual(['a1']);
  });

  it('maps a change to any request, transition or post of a creator to that creator’s pending requests in the shop', async () => {
    expect(await affectedBy(rule, db, { sampleRequests: ['old3'] })).toEqual(['old3', 'a1']);
    expect(await affectedBy(rule, db, { transitions: ['sampleRequest|old1'] })).toEqual(['a1']);
    expect(await affectedBy(rule, db, { sampleContents: ['v2'] })).toEqual(['a1']);
    expect(await affectedBy(rule, db, { sampleRequests: ['a3'] })).toEqual(['a3']);
  });
});
