import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { DAY, HOUR, NOW, SOURCE, fillsMessage, product, request } from '../../test/fixtures/rule-entities';
import { affectedBy, loadInputs } from '../../test/fixtures/rule-inputs';
import type { AppDB } from '../db/app-db';
import type { SampleRequest } from '../domain/types';
import { sampleShipDeadline as rule } from './sample-ship-deadline';

const approved = (at: number, over: Partial<SampleRequest> = {}) =>
  request({ status: 'AWAITING_SHIPMENT', statusRaw: 'AWAITING_SHIPMENT', deadline: { kind: 'ship', at, seenAt: NOW - 3 * HOUR }, ...over });
const check = (r: SampleRequest, hours = 24, now = NOW) => rule.check({ key: r.applyId, request: r, product: 'Serum Vitamin C' }, { thresholds: { hours }, now });

describe('sample-ship-deadline: check', () => {
  it('fires for an approved sample within the hours of its shipping deadline, saying when it was last seen unshipped', () => {
    const [f, ...rest] = check(approved(NOW + 10 * HOUR));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      subjectKey: 'a1',
      params: { handle: 'glowwithmaya', product: 'Serum Vitamin C', deadline: { at: NOW + 10 * HOUR }, seen: { at: NOW - HOUR } },
      dueAt: NOW + 10 * HOUR,
    });
    expect(f?.evidence).toEqual([
      { entity: 'sampleRequest', key: 'a1', seenAt: NOW - 3 * HOUR, source: SOURCE, basis: 'estimated' },
      { entity: 'sampleRequest', key: 'a1', seenAt: NOW - HOUR, source: SOURCE },
    ]);
    expect(fillsMessage(rule, f)).toBe(true);
  });

  it('keeps firing past the deadline while the sample was last seen waiting for shipment', () => {
    expect(check(approved(NOW))).toHaveLength(1);
    expect(check(approved(NOW - 2 * DAY))).toHaveLength(1);
  });

  it('fires from exactly the threshold, following the seller’s hours', () => {
    expect(check(approved(NOW + 24 * HOUR))).toHaveLength(1);
    expect(check(approved(NOW + 24 * HOUR + 1))).toEqual([]);
    expect(check(approved(NOW + 48 * HOUR), 48)).toHaveLength(1);
    expect(check(approved(NOW + 2 * HOUR), 1)).toEqual([]);
  });

  it('does not fire once shipped or cancelled, nor without a shipping deadline', () => {
    expect(check(approved(NOW - HOUR, { status: 'SHIPPED' }))).toEqual([]);
    expect(check(approved(NOW - HOUR, { status: 'SELLER_NOT_SHIP_CANCELLED' }))).toEqual([]);
    expect(check(request({ status: 'AWAITING_SHIPMENT' }))).toEqual([]);
    expect(check(request({ status: 'AWAITING_SHIPMENT', deadline: { kind: 'review', at: NOW, seenAt: NOW } }))).toEqual([]);
  });
});

describe('sample-ship-deadline: load and affected', () => {
  let db: AppDB;
  beforeEach(async () => {
    db = freshDb();
    await db.sampleRequests.bulkPut([approved(NOW, { applyId: 'a1' }), request({ applyId: 'a2' }), approved(NOW, { applyId: 'a3', productId: 'p2' })]);
    await db.products.put(product());
  });
  afterEach(() => db.close());

  it('loads the requests waiting for shipment (with the pending ones, for the review rule sharing the input), or the keys asked for', async () => {
    const all = await loadInputs(rule, db, undefined, NOW);
    expect(all.map((i) => i.key).sort()).toEqual(['a1', 'a2', 'a3']);
    expect(all.flatMap((i) => rule.check(i, { thresholds: { hours: 24 }, now: NOW })).map((f) => f.subjectKey).sort()).toEqual(['a1', 'a3']);
    expect((await loadInputs(rule, db, ['a2'], NOW)).map((i) => i.key)).toEqual(['a2']);
  });

  it('maps a changed product only to its requests waiting for review or shipment', async () => {
    expect(((await affectedBy(rule, db, { products: ['p1'] })) as string[]).sort()).toEqual(['a1', 'a2']);
    expect(await affectedBy(rule, db, { sampleRequests: ['a2'], products: ['p2'] })).toEqual(['a2', 'a3']);
  });
});
