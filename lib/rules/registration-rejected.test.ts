import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { campaign as baseCampaign, DAY, fillsMessage, NOW, placeholders, registration as baseRegistration, SHOP } from '../../test/fixtures/rule-entities';
import { affectedBy, loadInputs } from '../../test/fixtures/rule-inputs';
import type { AppDB } from '../db/app-db';
import type { Campaign, Registration, RegistrationState } from '../domain/types';
import { registrationRejected as rule } from './registration-rejected';
import type { FindingDraft } from './types';
import type { RegistrationInput } from './util';

const registration = (over: Partial<Registration> = {}) => baseRegistration({ state: 'REJECTED', stateRaw: '4', totalCommissionBps: 1200, ...over });
const campaign = (over: Partial<Campaign> = {}) => baseCampaign({ registrationEndAt: NOW + 2 * DAY, commissionRequirementBps: 1500, ...over });

const input = (r: Partial<Registration> = {}, c: Partial<Campaign> | null = {}): RegistrationInput => {
  const reg = registration(r);
  return { key: reg.key, registration: reg, campaign: c === null ? undefined : campaign(c), productTitle: 'Serum Vitamin C' };
};

const check = (i: RegistrationInput, now = NOW) => rule.check(i, { thresholds: {}, now });
const one = (i: RegistrationInput): FindingDraft => {
  const out = check(i);
  expect(out).toHaveLength(1);
  return out[0] as FindingDraft;
};
/** The sentence a finding is shown with, its variant's, has every placeholder filled in both languages. */
const expectFilled = (f: FindingDraft) => expect(fillsMessage({ message: rule.variantMessages?.[f.variant ?? ''] ?? rule.message }, f)).toBe(true);

describe('registration-rejected: rejected with a reason', () => {
  it('suggests raising the commission to the campaign’s requirement when the partner found it too low', () => {
    const f = one(input({ rejectCodes: ['COMMISSION_TOO_LOW'] }));
    expect(f).toMatchObject({
      subject: 'registration',
      subjectKey: 'c1|p1',
      shopKey: SHOP,
      variant: 'commission-requirement',
      params: { product: 'Serum Vitamin C', campaign: 'Ramadan Beauty Week', commission: { bps: 1200 }, required: { bps: 1500 } },
    });
    expect(f.severity).toBeUndefined();
    expect(f.evidence.map((e) => [e.entity, e.key])).toEqual([
      ['registration', 'c1|p1'],
      ['campaign', 'c1'],
    ]);
    expectFilled(f);
  });

  it('asks for a higher commission without a figure when the rate already met the requirement or is not known', () => {
    for (const f of [
      one(input({ rejectCodes: ['COMMISSION_TOO_LOW'], totalCommissionBps: 1500 })),
      one(input({ rejectCodes: ['COMMISSION_TOO_LOW'], totalCommissionBps: undefined })),
      one(input({ rejectCodes: ['COMMISSION_TOO_LOW'] }, { commissionRequirementBps: undefined })),
    ]) {
      expect(f.variant).toBe('commission');
      expect(f.params).not.toHaveProperty('required');
      expectFilled(f);
    }
  });

  it('maps each known reason code to its suggestion, the commission first when there are several', () => {
    const cases: [string[], string][] = [
      [['PRODUCT_TOO_EXPENSIVE'], 'price'],
      [['PRODUCT_HARD_TO_PROMOTE'], 'hard-to-promote'],
      [['NO_SUITABLE_CREATOR'], 'no-creator'],
      [[' product_too_expensive '], 'price'],
      [['NO_SUITABLE_CREATOR', 'PRODUCT_TOO_EXPENSIVE'], 'price'],
      [['PRODUCT_HARD_TO_PROMOTE', 'COMMISSION_TOO_LOW'], 'commission-requirement'],
    ];
    for (const [codes, variant] of cases) {
      const f = one(input({ rejectCodes: codes }));
      expect(f.variant, codes.join()).toBe(variant);
      expectFilled(f);
    }
  });

  it('quotes the partner’s text when no code is known, and says so when there is neither', () => {
    const quoted = one(input({ rejectCodes: ['7'], rejectReason: '  Stock too low for our creators  ' }));
    expect(quoted).toMatchObject({ variant: 'reason', params: { reason: 'Stock too low for our creators' } });
    expectFilled(quoted);
    for (const f of [one(input({ rejectReason: '   ' })), one(input({}))]) {
      expect(f.variant).toBe('rejected');
      expectFilled(f);
    }
  });

  it('keeps a rejection only while the campaign takes registrations', () => {
    expect(check(input({}, { registrationEndAt: NOW }))).toEqual([]);
    expect(check(input({}, { registrationEndAt: NOW + 1 }))).toHaveLength(1);
    expect(check(input({}, { registrationEndAt: undefined }))).toHaveLength(1);
    const f = one(input({}, null));
    expect(f.params).toMatchObject({ campaign: 'c1' });
    expect(f.evidence).toHaveLength(1);
  });
});

describe('registration-rejected: blocked and cancellation', () => {
  it('says a blocked product cannot be registered in that campaign again, at low severity, while registration is open', () => {
    const f = one(input({ state: 'REJECTED_BLOCKED', rejectCodes: ['COMMISSION_TOO_LOW'] }));
    expect(f).toMatchObject({ variant: 'blocked', severity: 'low' });
    expectFilled(f);
    expect(check(input({ state: 'REJECTED_BLOCKED' }, { registrationEndAt: NOW - 1 }))).toEqual([]);
  });

  it('shows a cancellation waiting for the partner, even after registration closed', () => {
    const f = one(input({ state: 'CANCEL_REQUESTED' }, { registrationEndAt: NOW - DAY }));
    expect(f.variant).toBe('cancel-requested');
    expectFilled(f);
  });

  it('says nothing about registrations that are pending, approved, live, cancelled or unreadable', () => {
    const quiet: RegistrationState[] = ['PENDING', 'APPROVED', 'LIVE', 'CANCELLED', 'UNKNOWN'];
    for (const state of quiet) expect(check(input({ state, rejectCodes: ['COMMISSION_TOO_LOW'] })), state).toEqual([]);
  });

  it('has a sentence for every variant in both languages, with the same placeholders', () => {
    for (const [variant, texts] of Object.entries(rule.variantMessages ?? {})) {
      expect(texts.en, variant).not.toBe(texts.id);
      expect(placeholders(texts.id), variant).toEqual(placeholders(texts.en));
    }
  });
});

describe('registration-rejected: load and affected', () => {
  let db: AppDB;
  beforeEach(async () => {
    db = freshDb();
    await db.registrations.bulkPut([registration({ rejectCodes: ['PRODUCT_TOO_EXPENSIVE'] }), registration({ key: 'c2|p1', campaignId: 'c2', state: 'APPROVED' })]);
    await db.campaigns.put(campaign());
  });
  afterEach(() => db.close());

  it('loads registrations with their campaigns and finds the rejected one', async () => {
    const inputs = await loadInputs(rule, db, undefined, NOW);
    const findings = inputs.flatMap((i) => check(i));
    expect(findings.map((f) => [f.subjectKey, f.variant])).toEqual([['c1|p1', 'price']]);
  });

  it('re-checks the registrations of a changed campaign', async () => {
    expect(await affectedBy(rule, db, { campaigns: ['c2'] })).toEqual(['c2|p1']);
    expect(await affectedBy(rule, db, { registrations: ['c1|p1'] })).toEqual(['c1|p1']);
  });
});
