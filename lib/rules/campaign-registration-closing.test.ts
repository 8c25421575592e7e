import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { DAY, HOUR, NOW, SHOP, campaign, fillsMessage, registration } from '../../test/fixtures/rule-entities';
import { affectedBy, loadInputs } from '../../test/fixtures/rule-inputs';
import type { AppDB } from '../db/app-db';
import type { Campaign } from '../domain/types';
import { campaignRegistrationClosing as rule, type CampaignRegistrationsInput } from './campaign-registration-closing';

const closing = (end: number, over: Partial<Campaign> = {}) => campaign({ registrationStartAt: NOW - 10 * DAY, registrationEndAt: end, ...over });
const input = (c: Campaign, registrations = 0): CampaignRegistrationsInput => ({ key: c.id, campaign: c, registrations });
const check = (i: CampaignRegistrationsInput, hours = 48, now = NOW) => rule.check(i, { thresholds: { hours }, now });

describe('campaign-registration-closing: check', () => {
  it('fires for an agency campaign closing within 48 h with nothing registered', () => {
    const c = closing(NOW + 30 * HOUR);
    const [f, ...rest] = check(input(c));
    expect(rest).toEqual([]);
    expect(f).toEqual({
      subject: 'campaign',
      subjectKey: 'c1',
      shopKey: SHOP,
      params: { campaign: 'Ramadan Beauty Week', campaignId: 'c1', closes: { at: NOW + 30 * HOUR } },
      evidence: [{ entity: 'campaign', key: 'c1', seenAt: c.lastSeenAt, source: c.source }],
      dueAt: NOW + 30 * HOUR,
      severity: 'medium',
    });
    expect(fillsMessage(rule, f)).toBe(true);
  });

  it('is high for a campaign an agency targeted at the seller', () => {
    expect(check(input(closing(NOW + HOUR, { scope: 'targeted' })))[0]?.severity).toBe('high');
  });

  it('fires from exactly 48 h before closing until it closes, following the seller’s hours', () => {
    expect(check(input(closing(NOW + 48 * HOUR)))).toHaveLength(1);
    expect(check(input(closing(NOW + 48 * HOUR + 1)))).toEqual([]);
    expect(check(input(closing(NOW + 1)))).toHaveLength(1);
    expect(check(input(closing(NOW)))).toEqual([]);
    expect(check(input(closing(NOW + 72 * HOUR)), 72)).toHaveLength(1);
  });

  it('does not fire once something is registered, whether Collab Lens saw the registration or only the count', () => {
    expect(check(input(closing(NOW + HOUR), 1))).toEqual([]);
    expect(check(input(closing(NOW + HOUR, { registeredProducts: 2 })))).toEqual([]);
    expect(check(input(closing(NOW + HOUR, { registeredProducts: 0 })))).toHaveLength(1);
  });

  it('does not fire for a seller-initiated or closed campaign, one not open yet, or one without a registration end', () => {
    expect(check(input(closing(NOW + HOUR, { kind: 'seller' })))).toEqual([]);
    expect(check(input(closing(NOW + HOUR, { status: 'CLOSED' })))).toEqual([]);
    expect(check(input(closing(NOW + HOUR, { registrationStartAt: NOW + 1 })))).toEqual([]);
    expect(check(input(campaign()))).toEqual([]);
  });
});

describe('campaign-registration-closing: load and affected', () => {
  let db: AppDB;
  beforeEach(async () => {
    db = freshDb();
    await db.campaigns.bulkPut([
      closing(NOW + HOUR),
      closing(NOW + 2 * HOUR, { id: 'c2' }),
      closing(NOW + 200 * HOUR, { id: 'far' }),
      closing(NOW - HOUR, { id: 'closed' }),
    ]);
    await db.registrations.bulkPut([registration({ key: 'c2|p1', campaignId: 'c2' }), registration({ key: 'c2|p2', campaignId: 'c2', productId: 'p2' })]);
  });
  afterEach(() => db.close());

  it('loads campaigns whose registration closes within the longest setting, with their registration counts', async () => {
    expect((await loadInputs(rule, db, undefined, NOW)).map((i) => [i.key, i.registrations]).sort()).toEqual([
      ['c1', 0],
      ['c2', 2],
    ]);
    expect((await loadInputs(rule, db, ['far', 'gone'], NOW)).map((i) => i.key)).toEqual(['far']);
  });

  it('maps changed campaigns to themselves and changed registrations to their campaigns', async () => {
    expect(await affectedBy(rule, db, { campaigns: ['far'], registrations: ['c2|p1', 'c2|p2', 'c9|p1'] })).toEqual(['far', 'c2', 'c9']);
  });
});
