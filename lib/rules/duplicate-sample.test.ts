import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { DAY, NOW, OTHER_SHOP, fillsMessage, product, request } from '../../test/fixtures/rule-entities';
import { affectedBy, loadInputs } from '../../test/fixtures/rule-inputs';
import type { AppDB } from '../db/app-db';
import type { SampleRequest } from '../domain/types';
import { duplicateSample as rule, type DuplicateInput } from './duplicate-sample';

const input = (previous: SampleRequest[], over: Partial<SampleRequest> = {}): DuplicateInput => {
  const r = request(over);
  return { key: r.applyId, request: r, product: 'Serum Vitamin C', previous };
};
const check = (i: DuplicateInput) => rule.check(i, { thresholds: {}, now: NOW });

describe('duplicate-sample: check', () => {
  it('fires when the creator already received the product, dated by the latest earlier request', () => {
    const previous = [
      request({ applyId: 'old1', status: 'COMPLETED', appliedAt: NOW - 60 * DAY }),
      request({ applyId: 'old2', status: 'SHIPPED', appliedAt: undefined, firstSeenAt: NOW - 20 * DAY }),
    ];
    const [f, ...rest] = check(input(previous));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ subjectKey: 'a1', params: { handle: 'glowwithmaya', product: 'Serum Vitamin C', previous: { at: NOW - 20 * DAY } } });
    expect(f?.evidence.map((e) => e.key)).toEqual(['a1', 'old1', 'old2']);
    expect(fillsMessage(rule, f)).toBe(true);
  });

  it('does not fire without an earlier sent sample, nor for a request already decided', () => {
    expect(check(input([]))).toEqual([]);
    expect(check(input([request({ applyId: 'old1', status: 'COMPLETED' })], { status: 'AWAITING_SHIPMENT' }))).toEqual([]);
  });
});

describe('duplicate-sample: load and affected', () => {
  let db: AppDB;
  beforeEach(async () => {
    db = freshDb();
    await db.sampleRequests.bulkPut([
      request({ applyId: 'a1' }),
      request({ applyId: 'sent', status: 'CONTENT_PENDING', skuId: 'other-sku' }),
      request({ applyId: 'cancelled', status: 'REJECT_CANCELLED' }),
      request({ applyId: 'unposted', status: 'UNFULFILL_CANCELLED', productId: 'p2' }),
      request({ applyId: 'elsewhere', status: 'COMPLETED', shopKey: OTHER_SHOP }),
      request({ applyId: 'a2', creatorHandle: 'lee.reviews' }),
      request({ applyId: 'lee-sent', creatorHandle: 'lee.reviews', status: 'COMPLETED', productId: 'p2' }),
    ]);
    await db.products.put(product());
  });
  afterEach(() => db.close());

  it('finds earlier sent samples of the same product, any SKU, in the same shop only', async () => {
    const inputs = await loadInputs(rule, db, undefined, NOW);
    expect(inputs.map((i) => [i.key, i.product, i.previous.map((p) => p.applyId)]).sort()).toEqual([
      ['a1', 'Serum Vitamin C', ['sent']],
      ['a2', 'Serum Vitamin C', []],
    ]);
    expect(inputs.flatMap((i) => check(i)).map((f) => f.subjectKey)).toEqual(['a1']);
  });

  it('loads a decided request asked for without its history', async () => {
    expect(await loadInputs(rule, db, ['sent'], NOW)).toEqual([expect.objectContaining({ key: 'sent', previous: [] })]);
  });

  it('maps a changed request to the pending requests of the same creator and shop, and a product to its pending requests', async () => {
    expect(await affectedBy(rule, db, { sampleRequests: ['cancelled'] })).toEqual(['cancelled', 'a1']);
    expect(await affectedBy(rule, db, { sampleRequests: ['elsewhere'] })).toEqual(['elsewhere']);
    expect(((await affectedBy(rule, db, { products: ['p1'] })) as string[]).sort()).toEqual(['a1', 'a2']);
  });
});
