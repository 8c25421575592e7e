import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { DAY, NOW, SHOP, creator, fillsMessage, request } from '../../test/fixtures/rule-entities';
import { affectedBy, loadInputs } from '../../test/fixtures/rule-inputs';
import type { AppDB } from '../db/app-db';
import type { Creator, SampleRequest } from '../domain/types';
import { creatorReliability as rule, type CreatorRequestInput } from './creator-reliability';

const FIND_SOURCE = { endpoint: 'creator.marketplace.find', page: 'https://affiliate-id.tokopedia.com/affiliate/creator' };
const withRate = (bps: number | undefined, over: Partial<Creator> = {}) =>
  creator({ ...(bps !== undefined && { fulfillmentBps: { value: bps, seenAt: NOW - 3 * DAY, source: FIND_SOURCE } }), ...over });
const input = (c: Creator | undefined, over: Partial<SampleRequest> = {}): CreatorRequestInput => {
  const r = request(over);
  return { key: r.applyId, request: r, creator: c };
};
const check = (i: CreatorRequestInput, percent = 40) => rule.check(i, { thresholds: { percent }, now: NOW });

describe('creator-reliability: check', () => {
  it('fires for a pending request from a creator under the fulfilment limit, with TikTok’s figure as evidence', () => {
    const [f, ...rest] = check(input(withRate(3999)));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ subject: 'sampleRequest', subjectKey: 'a1', shopKey: SHOP, params: { handle: 'glowwithmaya', rate: { bps: 3999 }, limit: { bps: 4000 } } });
    expect(f?.evidence[0]).toEqual({ entity: 'creator', key: 'glowwithmaya', seenAt: NOW - 3 * DAY, source: FIND_SOURCE, basis: 'actual' });
    expect(f?.evidence[1]).toMatchObject({ entity: 'sampleRequest', key: 'a1' });
    expect(fillsMessage(rule, f)).toBe(true);
  });

  it('does not fire at the limit or above it, and follows the seller’s limit, fractions included', () => {
    expect(check(input(withRate(4000)))).toEqual([]);
    expect(check(input(withRate(9000)))).toEqual([]);
    expect(check(input(withRate(5999)), 60)).toHaveLength(1);
    expect(check(input(withRate(4049)), 40.5)).toHaveLength(1);
    expect(check(input(withRate(0)), 0)).toEqual([]);
    expect(check(input(withRate(0)), 1)).toHaveLength(1);
  });

  it('does not fire when the creator has not shared a rate or is unknown, nor for a request already decided', () => {
    expect(check(input(withRate(undefined)))).toEqual([]);
    expect(check(input(undefined))).toEqual([]);
    expect(check(input(withRate(1000), { status: 'AWAITING_SHIPMENT' }))).toEqual([]);
  });
});

describe('creator-reliability: load and affected', () => {
  let db: AppDB;
  beforeEach(async () => {
    db = freshDb();
    await db.creators.bulkPut([withRate(1000), withRate(8000, { handle: 'lee.reviews' })]);
    await db.sampleRequests.bulkPut([
      request({ applyId: 'a1' }),
      request({ applyId: 'a2', creatorHandle: 'lee.reviews' }),
      request({ applyId: 'a3', status: 'COMPLETED' }),
      request({ applyId: 'a4', creatorHandle: 'nobody' }),
    ]);
  });
  afterEach(() => db.close());

  it('loads pending requests with their creators', async () => {
    const inputs = await loadInputs(rule, db, undefined, NOW);
    expect(inputs.map((i) => [i.key, i.creator?.fulfillmentBps?.value]).sort()).toEqual([
      ['a1', 1000],
      ['a2', 8000],
      ['a4', undefined],
    ]);
    expect(inputs.flatMap((i) => check(i)).map((f) => f.subjectKey)).toEqual(['a1']);
  });

  it('maps a changed creator to their pending requests only', async () => {
    expect(await affectedBy(rule, db, { creators: ['glowwithmaya'] })).toEqual(['a1']);
    expect(await affectedBy(rule, db, { creators: ['lee.reviews'], sampleRequests: ['a3'] })).toEqual(['a3', 'a2']);
  });
});
