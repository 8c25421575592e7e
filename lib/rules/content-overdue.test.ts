import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { DAY, HOUR, NOW, SOURCE, content, fillsMessage, product, request, transition } from '../../test/fixtures/rule-entities';
import { affectedBy, loadInputs } from '../../test/fixtures/rule-inputs';
import type { AppDB } from '../db/app-db';
import type { SampleRequest } from '../domain/types';
import { contentOverdue as rule } from './content-overdue';
import type { ContentInput } from './util';

const DELIVERY_SOURCE = { endpoint: 'sample.group.list', page: 'https://affiliate-id.tokopedia.com/affiliate/sample/sample-request?tab=40' };
const waiting = (over: Partial<SampleRequest> = {}) => request({ status: 'CONTENT_PENDING', statusRaw: 'CONTENT_PENDING', ...over });
const input = (deliveredAt: number | undefined, over: Partial<SampleRequest> = {}, hasContent = false): ContentInput => {
  const r = waiting(over);
  return { key: r.applyId, request: r, product: 'Serum Vitamin C', hasContent, ...(deliveredAt !== undefined && { delivered: { at: deliveredAt, source: DELIVERY_SOURCE } }) };
};
const check = (i: ContentInput, days = 21, now = NOW) => rule.check(i, { thresholds: { days }, now });

describe('content-overdue: check', () => {
  it('fires 21 days after delivery with no content, saying when it was delivered and when the time ran out', () => {
    const [f, ...rest] = check(input(NOW - 21 * DAY));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      subjectKey: 'a1',
      params: { handle: 'glowwithmaya', product: 'Serum Vitamin C', delivered: { at: NOW - 21 * DAY }, due: { at: NOW } },
      dueAt: NOW,
    });
    expect(f?.evidence).toEqual([
      { entity: 'sampleRequest', key: 'a1', seenAt: NOW - 21 * DAY, source: DELIVERY_SOURCE },
      { entity: 'sampleRequest', key: 'a1', seenAt: NOW - HOUR, source: SOURCE },
    ]);
    expect(fillsMessage(rule, f)).toBe(true);
  });

  it('does not fire inside the 14 days plus the extension, nor a millisecond before', () => {
    expect(check(input(NOW - 14 * DAY))).toEqual([]);
    expect(check(input(NOW - 21 * DAY + 1))).toEqual([]);
    expect(check(input(NOW - 14 * DAY), 14)).toHaveLength(1);
  });

  it('waits for a later content deadline Affiliate Center showed (an extension taken)', () => {
    const extended = input(NOW - 21 * DAY, { deadline: { kind: 'content', at: NOW + DAY, seenAt: NOW - DAY } });
    expect(check(extended)).toEqual([]);
    expect(check(extended, 21, NOW + DAY)[0]?.params.due).toEqual({ at: NOW + DAY });
  });

  it('does not fire once content was posted or captured, or when delivery was never seen', () => {
    expect(check(input(NOW - 30 * DAY, {}, true))).toEqual([]);
    expect(check(input(NOW - 30 * DAY, { status: 'COMPLETED' }))).toEqual([]);
    expect(check(input(NOW - 30 * DAY, { status: 'UNFULFILL_CANCELLED' }))).toEqual([]);
    expect(check(input(NOW - 30 * DAY, { status: 'SHIPPED' }))).toEqual([]);
    expect(check(input(undefined))).toEqual([]);
  });
});

describe('content-overdue: load and affected', () => {
  let db: AppDB;
  beforeEach(async () => {
    db = freshDb();
    await db.sampleRequests.bulkPut([
      waiting({ applyId: 'a1', statusSeenAt: NOW - 2 * DAY }),
      waiting({ applyId: 'a2', statusSeenAt: NOW - 25 * DAY, productId: 'p2' }),
      waiting({ applyId: 'a3', statusSeenAt: NOW - 25 * DAY }),
      request({ applyId: 'a4', status: 'SHIPPED', productId: 'p2' }),
    ]);
    await db.transitions.bulkAdd([
      transition('a1', 'SHIPPED', NOW - 30 * DAY, 'AWAITING_SHIPMENT'),
      transition('a1', 'CONTENT_PENDING', NOW - 26 * DAY, 'SHIPPED'),
      transition('a1', 'CONTENT_PENDING', NOW - 2 * DAY, 'CONTENT_PENDING'),
    ]);
    await db.sampleContents.put(content({ contentId: 'v3', applyId: 'a3' }));
    await db.products.put(product());
  });
  afterEach(() => db.close());

  it('takes delivery from the first transition to CONTENT_PENDING, else from when the status was first seen', async () => {
    const inputs = await loadInputs(rule, db, undefined, NOW);
    const byKey = new Map(inputs.map((i) => [i.key, i]));
    expect([...byKey.keys()].sort()).toEqual(['a1', 'a2', 'a3']);
    expect(byKey.get('a1')?.delivered?.at).toBe(NOW - 26 * DAY);
    expect(byKey.get('a2')?.delivered?.at).toBe(NOW - 25 * DAY);
    expect(byKey.get('a3')?.hasContent).toBe(true);
    const fired = inputs.flatMap((i) => check(i)).map((f) => f.subjectKey);
    expect(fired.sort()).toEqual(['a1', 'a2']);
  });

  it('maps new transitions and posts to their requests, and a changed product to its waiting requests', async () => {
    expect(await affectedBy(rule, db, { transitions: ['sampleRequest|a1', 'registration|c1|p1'] })).toEqual(['a1']);
    expect(await affectedBy(rule, db, { sampleContents: ['v3', 'gone'] })).toEqual(['a3']);
    expect(await affectedBy(rule, db, { products: ['p2'] })).toEqual(['a2']);
    expect(await affectedBy(rule, db, { sampleRequests: ['a4'] })).toEqual(['a4']);
  });
});
