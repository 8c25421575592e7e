import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { HOUR, NOW, SHOP, SOURCE, fillsMessage, product, request } from '../../test/fixtures/rule-entities';
import { affectedBy, loadInputs } from '../../test/fixtures/rule-inputs';
import type { AppDB } from '../db/app-db';
import type { SampleRequest } from '../domain/types';
import { sampleReviewDeadline as rule } from './sample-review-deadline';

const pending = (at: number, over: Partial<SampleRequest> = {}) => request({ deadline: { kind: 'review', at, seenAt: NOW - 2 * HOUR }, ...over });
const check = (r: SampleRequest, hours = 24, now = NOW) => rule.check({ key: r.applyId, request: r, product: 'Serum Vitamin C' }, { thresholds: { hours }, now });

describe('sample-review-deadline: check', () => {
  it('fires for a pending request due within the hours, with the deadline, its estimate and the product', () => {
    const [f, ...rest] = check(pending(NOW + 5 * HOUR));
    expect(rest).toEqual([]);
    expect(f).toEqual({
      subject: 'sampleRequest',
      subjectKey: 'a1',
      shopKey: SHOP,
      params: { handle: 'glowwithmaya', product: 'Serum Vitamin C', productId: 'p1', deadline: { at: NOW + 5 * HOUR } },
      evidence: [{ entity: 'sampleRequest', key: 'a1', seenAt: NOW - 2 * HOUR, source: SOURCE, basis: 'estimated' }],
      dueAt: NOW + 5 * HOUR,
    });
    expect(fillsMessage(rule, f)).toBe(true);
  });

  it('fires exactly at the threshold and not a millisecond before it', () => {
    expect(check(pending(NOW + 24 * HOUR))).toHaveLength(1);
    expect(check(pending(NOW + 24 * HOUR + 1))).toEqual([]);
    expect(check(pending(NOW + 30 * HOUR), 30)).toHaveLength(1);
  });

  it('does not fire once the deadline has passed: the request is cancelled by then', () => {
    expect(check(pending(NOW))).toEqual([]);
    expect(check(pending(NOW - HOUR))).toEqual([]);
    expect(check(pending(NOW + 1))).toHaveLength(1);
  });

  it('does not fire for a request that is not pending, has no deadline, or another kind of deadline', () => {
    expect(check(pending(NOW + HOUR, { status: 'AWAITING_SHIPMENT' }))).toEqual([]);
    expect(check(request())).toEqual([]);
    expect(check(request({ deadline: { kind: 'ship', at: NOW + HOUR, seenAt: NOW } }))).toEqual([]);
  });
});

describe('sample-review-deadline: load and affected', () => {
  let db: AppDB;
  beforeEach(async () => {
    db = freshDb();
    await db.sampleRequests.bulkPut([
      pending(NOW + HOUR, { applyId: 'a1' }),
      pending(NOW + HOUR, { applyId: 'a2', productId: 'p2', shopKey: 'US:1' }),
      request({ applyId: 'a3', status: 'SHIPPED' }),
    ]);
    await db.products.put(product());
  });
  afterEach(() => db.close());

  it('loads the pending requests of every shop with their product names, or exactly the keys asked for', async () => {
    const all = await loadInputs(rule, db, undefined, NOW);
    expect(all.map((i) => [i.key, i.product]).sort()).toEqual([
      ['a1', 'Serum Vitamin C'],
      ['a2', 'p2'],
    ]);
    expect((await loadInputs(rule, db, ['a3', 'gone'], NOW)).map((i) => i.key)).toEqual(['a3']);
  });

  it('maps changed requests to themselves and a changed product to its requests the shared request input covers', async () => {
    expect(await affectedBy(rule, db, { sampleRequests: ['a3'] })).toEqual(['a3']);
    // The input is shared with the shipping and refundable rules: a shipped sample is among its subjects too.
    expect(((await affectedBy(rule, db, { products: ['p1'] })) as string[]).sort()).toEqual(['a1', 'a3']);
    expect(await affectedBy(rule, db, { products: ['p9'] })).toEqual([]);
  });
});
