import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { campaign, DAY, fillsMessage, NOW, product, registration as baseRegistration, SHOP } from '../../test/fixtures/rule-entities';
import { affectedBy, loadInputs } from '../../test/fixtures/rule-inputs';
import type { AppDB } from '../db/app-db';
import type { Campaign, Registration, RegistrationState } from '../domain/types';
import { campaignSampleQuantity as rule } from './campaign-sample-quantity';
import type { RegistrationInput } from './util';

const registration = (over: Partial<Registration> = {}) => baseRegistration({ state: 'APPROVED', stateRaw: '2', sampleQuantity: 11, ...over });
const running = (over: Partial<Campaign> = {}) => campaign({ campaignEndAt: NOW + 10 * DAY, ...over });

const input = (r: Partial<Registration> = {}, c: Campaign = running()): RegistrationInput => {
  const reg = registration(r);
  return { key: reg.key, registration: reg, campaign: c, productTitle: 'Serum Vitamin C' };
};

const check = (i: RegistrationInput, maxSamples = 10, now = NOW) => rule.check(i, { thresholds: { maxSamples }, now });

describe('campaign-sample-quantity: check', () => {
  it('fires when the auto-approved sample quantity is above the limit, naming product, campaign and both numbers', () => {
    const [f, ...rest] = check(input({ sampleQuantity: 11 }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      subject: 'registration',
      subjectKey: 'c1|p1',
      shopKey: SHOP,
      params: { product: 'Serum Vitamin C', campaign: 'Ramadan Beauty Week', quantity: 11, max: 10, productId: 'p1', campaignId: 'c1' },
    });
    const [r, c] = [registration(), running()];
    expect(f?.evidence).toEqual([
      { entity: 'registration', key: 'c1|p1', seenAt: r.lastSeenAt, source: r.source },
      { entity: 'campaign', key: 'c1', seenAt: c.lastSeenAt, source: c.source },
    ]);
    expect(fillsMessage(rule, f)).toBe(true);
  });

  it('does not fire at the limit or below it, nor when the quantity was not shown', () => {
    expect(check(input({ sampleQuantity: 10 }))).toEqual([]);
    expect(check(input({ sampleQuantity: 0 }))).toEqual([]);
    expect(check(input({ sampleQuantity: undefined }))).toEqual([]);
  });

  it('follows the seller’s limit, down to no samples at all', () => {
    expect(check(input({ sampleQuantity: 11 }), 11)).toEqual([]);
    expect(check(input({ sampleQuantity: 1 }), 0)).toHaveLength(1);
    expect(check(input({ sampleQuantity: 0 }), 0)).toEqual([]);
  });

  it('counts every registration partners can still request samples under, an unreadable state included', () => {
    const open: RegistrationState[] = ['PENDING', 'APPROVED', 'LIVE', 'CANCEL_REQUESTED', 'UNKNOWN'];
    for (const state of open) expect(check(input({ state })), state).toHaveLength(1);
    const closed: RegistrationState[] = ['REJECTED', 'REJECTED_BLOCKED', 'CANCELLED'];
    for (const state of closed) expect(check(input({ state })), state).toEqual([]);
  });

  it('stops once the campaign has ended, and names ids when titles were not seen', () => {
    expect(check(input({}, running({ campaignEndAt: NOW })))).toEqual([]);
    expect(check(input({}, running({ campaignEndAt: NOW + 1 })))).toHaveLength(1);
    const [f] = check({ key: 'c1|p1', registration: registration() });
    expect(f?.params).toMatchObject({ product: 'p1', campaign: 'c1' });
    expect(f?.evidence).toHaveLength(1);
  });
});

describe('campaign-sample-quantity: load and affected', () => {
  let db: AppDB;
  beforeEach(async () => {
    db = freshDb();
    await db.registrations.bulkPut([
      registration(),
      registration({ key: 'c1|p2', productId: 'p2' }),
      registration({ key: 'c2|p1', campaignId: 'c2' }),
    ]);
    await db.campaigns.bulkPut([running(), running({ id: 'c2', name: 'Payday Sale' })]);
    await db.products.bulkPut([product()]);
  });
  afterEach(() => db.close());

  it('loads every registration with its campaign and product title', async () => {
    const all = await loadInputs(rule, db, undefined, NOW);
    expect(all.map((i) => [i.key, i.campaign?.name, i.productTitle]).sort()).toEqual([
      ['c1|p1', 'Ramadan Beauty Week', 'Serum Vitamin C'],
      ['c1|p2', 'Ramadan Beauty Week', undefined],
      ['c2|p1', 'Payday Sale', 'Serum Vitamin C'],
    ]);
  });

  it('loads only the registrations asked for that exist', async () => {
    const some = await loadInputs(rule, db, ['c2|p1', 'gone|p9'], NOW);
    expect(some.map((i) => i.key)).toEqual(['c2|p1']);
  });

  it('maps changed registrations to themselves, and changed campaigns and products to their registrations', async () => {
    expect(await affectedBy(rule, db, { registrations: ['c1|p2'] })).toEqual(['c1|p2']);
    expect([...((await affectedBy(rule, db, { campaigns: ['c1'] })) as string[])].sort()).toEqual(['c1|p1', 'c1|p2']);
    expect([...((await affectedBy(rule, db, { products: ['p1'] })) as string[])].sort()).toEqual(['c1|p1', 'c2|p1']);
    expect(await affectedBy(rule, db, { campaigns: ['c9'], products: ['p9'] })).toEqual([]);
  });
});
