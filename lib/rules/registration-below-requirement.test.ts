import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { NOW, campaign, fillsMessage, product, registration } from '../../test/fixtures/rule-entities';
import { affectedBy, loadInputs } from '../../test/fixtures/rule-inputs';
import type { AppDB } from '../db/app-db';
import type { Campaign, Registration, RegistrationState } from '../domain/types';
import { registrationBelowRequirement as rule } from './registration-below-requirement';
import type { RegistrationInput } from './util';

const input = (r: Partial<Registration> = {}, c: Campaign | undefined = campaign({ commissionRequirementBps: 2000 })): RegistrationInput => {
  const reg = registration({ totalCommissionBps: 1500, ...r });
  return { key: reg.key, registration: reg, campaign: c, productTitle: 'Serum Vitamin C' };
};
const check = (i: RegistrationInput) => rule.check(i, { thresholds: {}, now: NOW });

describe('registration-below-requirement: check', () => {
  it('fires for a pending registration under the campaign requirement, naming both rates', () => {
    const [f, ...rest] = check(input());
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      subject: 'registration',
      subjectKey: 'c1|p1',
      params: { product: 'Serum Vitamin C', campaign: 'Ramadan Beauty Week', rate: { bps: 1500 }, requirement: { bps: 2000 } },
    });
    expect(f?.evidence.map((e) => `${e.entity}:${e.key}`)).toEqual(['registration:c1|p1', 'campaign:c1']);
    expect(fillsMessage(rule, f)).toBe(true);
  });

  it('does not fire at the requirement or above, one basis point under it does', () => {
    expect(check(input({ totalCommissionBps: 2000 }))).toEqual([]);
    expect(check(input({ totalCommissionBps: 2500 }))).toEqual([]);
    expect(check(input({ totalCommissionBps: 1999 }))).toHaveLength(1);
  });

  it('only looks at registrations waiting for the partner', () => {
    const others: RegistrationState[] = ['APPROVED', 'LIVE', 'REJECTED', 'REJECTED_BLOCKED', 'CANCEL_REQUESTED', 'CANCELLED', 'UNKNOWN'];
    for (const state of others) expect(check(input({ state })), state).toEqual([]);
  });

  it('does not fire without a rate, a requirement or the campaign', () => {
    expect(check(input({ totalCommissionBps: undefined }))).toEqual([]);
    expect(check(input({}, campaign()))).toEqual([]);
    expect(check({ ...input(), campaign: undefined })).toEqual([]);
  });
});

describe('registration-below-requirement: load and affected', () => {
  let db: AppDB;
  beforeEach(async () => {
    db = freshDb();
    await db.registrations.bulkPut([registration({ totalCommissionBps: 1500 }), registration({ key: 'c2|p2', campaignId: 'c2', productId: 'p2', totalCommissionBps: 1500 })]);
    await db.campaigns.bulkPut([campaign({ commissionRequirementBps: 2000 }), campaign({ id: 'c2', commissionRequirementBps: 1000 })]);
    await db.products.put(product());
  });
  afterEach(() => db.close());

  it('loads registrations with their campaigns, and fires only where the rate is under the requirement', async () => {
    const inputs = await loadInputs(rule, db, undefined, NOW);
    expect(inputs.flatMap(check).map((f) => f.subjectKey)).toEqual(['c1|p1']);
  });

  it('maps changed campaigns and products to their registrations', async () => {
    expect(await affectedBy(rule, db, { campaigns: ['c2'] })).toEqual(['c2|p2']);
    expect(await affectedBy(rule, db, { products: ['p1'], registrations: ['c9|p9'] })).toEqual(['c9|p9', 'c1|p1']);
  });
});
