import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { DAY, HOUR, NOW, SOURCE, fillsMessage, product, request } from '../../test/fixtures/rule-entities';
import { affectedBy, loadInputs } from '../../test/fixtures/rule-inputs';
import type { AppDB } from '../db/app-db';
import type { SampleRequest } from '../domain/types';
import { refundableSampleProgress as rule } from './refundable-sample-progress';

type Refundable = NonNullable<SampleRequest['refundable']>;
const refundable = (r: Refundable = {}, over: Partial<SampleRequest> = {}) =>
  request({ status: 'CONTENT_PENDING', sampleType: 'REFUNDABLE_SAMPLE', refundable: { goalUnits: 3, soldUnits: 1, windowEndAt: NOW + 30 * DAY, ...r }, ...over });
const check = (r: SampleRequest, days = 7, now = NOW) => rule.check({ key: r.applyId, request: r, product: 'Serum Vitamin C' }, { thresholds: { days }, now });

describe('refundable-sample-progress: check', () => {
  it('shows the progress toward the goal and the window end while the window is open, low until it ends soon', () => {
    const [f, ...rest] = check(refundable());
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      subjectKey: 'a1',
      params: { handle: 'glowwithmaya', product: 'Serum Vitamin C', sold: 1, goal: 3, end: { at: NOW + 30 * DAY } },
      dueAt: NOW + 30 * DAY,
      severity: 'low',
      evidence: [{ entity: 'sampleRequest', key: 'a1', seenAt: NOW - HOUR, source: SOURCE, basis: 'actual' }],
    });
    expect(fillsMessage(rule, f)).toBe(true);
  });

  it('turns medium when the window ends within the seller’s days, from exactly the threshold', () => {
    expect(check(refundable({ windowEndAt: NOW + 7 * DAY }))[0]?.severity).toBe('medium');
    expect(check(refundable({ windowEndAt: NOW + 7 * DAY + 1 }))[0]?.severity).toBe('low');
    expect(check(refundable({ windowEndAt: NOW + 10 * DAY }), 10)[0]?.severity).toBe('medium');
  });

  it('does not fire once the goal is reached or the window has ended', () => {
    expect(check(refundable({ soldUnits: 3 }))).toEqual([]);
    expect(check(refundable({ soldUnits: 4 }))).toEqual([]);
    expect(check(refundable({ windowEndAt: NOW }))).toEqual([]);
    expect(check(refundable({ soldUnits: 2 }))).toHaveLength(1);
  });

  it('does not fire without a goal, progress or window, nor for a sample that is not running', () => {
    expect(check(request())).toEqual([]);
    expect(check(refundable({ goalUnits: undefined }))).toEqual([]);
    expect(check(refundable({ soldUnits: undefined }))).toEqual([]);
    expect(check(refundable({ windowEndAt: undefined }))).toEqual([]);
    expect(check(refundable({ goalUnits: 0, soldUnits: 0 }))).toEqual([]);
    expect(check(refundable({}, { status: 'REJECT_CANCELLED' }))).toEqual([]);
    expect(check(refundable({}, { status: 'PENDING' }))).toEqual([]);
    expect(check(refundable({}, { status: 'COMPLETED' }))).toHaveLength(1);
  });
});

describe('refundable-sample-progress: load and affected', () => {
  let db: AppDB;
  beforeEach(async () => {
    db = freshDb();
    await db.sampleRequests.bulkPut([
      refundable({}, { applyId: 'a1' }),
      request({ applyId: 'a2', status: 'COMPLETED' }),
      refundable({}, { applyId: 'a3', status: 'PENDING' }),
      refundable({}, { applyId: 'a4', status: 'SHIPPED', productId: 'p2' }),
    ]);
    await db.products.put(product());
  });
  afterEach(() => db.close());

  it('loads the running refundable samples (with the pending ones, for the review rule sharing the input), or the keys asked for', async () => {
    const all = await loadInputs(rule, db, undefined, NOW);
    expect(all.map((i) => [i.key, i.product]).sort()).toEqual([
      ['a1', 'Serum Vitamin C'],
      ['a3', 'Serum Vitamin C'],
      ['a4', 'p2'],
    ]);
    expect(all.flatMap((i) => rule.check(i, { thresholds: { days: 7 }, now: NOW })).map((f) => f.subjectKey).sort()).toEqual(['a1', 'a4']);
    expect((await loadInputs(rule, db, ['a2', 'a3'], NOW)).map((i) => i.key)).toEqual(['a2', 'a3']);
  });

  it('maps changed requests to themselves and a changed product to its running requests', async () => {
    expect(await affectedBy(rule, db, { sampleRequests: ['a3'] })).toEqual(['a3']);
    expect(((await affectedBy(rule, db, { products: ['p1'] })) as string[]).sort()).toEqual(['a1', 'a2', 'a3']);
  });
});
