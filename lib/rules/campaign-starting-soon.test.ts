import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { DAY, HOUR, NOW, campaign, fillsMessage, registration } from '../../test/fixtures/rule-entities';
import { affectedBy, loadInputs } from '../../test/fixtures/rule-inputs';
import type { AppDB } from '../db/app-db';
import type { Campaign, Registration } from '../domain/types';
import { campaignStartingSoon as rule, type CampaignApprovalsInput } from './campaign-starting-soon';

const starting = (start: number, over: Partial<Campaign> = {}) => campaign({ campaignStartAt: start, ...over });
const approved = (productId: string) => registration({ key: `c1|${productId}`, productId, state: 'APPROVED', stateRaw: '2' });
const input = (c: Campaign, regs: Registration[] = [approved('p1')]): CampaignApprovalsInput => ({ key: c.id, campaign: c, approved: regs });
const check = (i: CampaignApprovalsInput, hours = 48, now = NOW) => rule.check(i, { thresholds: { hours }, now });

describe('campaign-starting-soon: check', () => {
  it('fires for a campaign starting within 48 h with approved products, counting them', () => {
    const [f, ...rest] = check(input(starting(NOW + 20 * HOUR), [approved('p1'), approved('p2')]));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ subject: 'campaign', subjectKey: 'c1', params: { campaign: 'Ramadan Beauty Week', starts: { at: NOW + 20 * HOUR }, count: 2 }, dueAt: NOW + 20 * HOUR });
    expect(f?.evidence.map((e) => `${e.entity}:${e.key}`)).toEqual(['campaign:c1', 'registration:c1|p1', 'registration:c1|p2']);
    expect(fillsMessage(rule, f)).toBe(true);
  });

  it('fires from exactly the threshold until the start, not after', () => {
    expect(check(input(starting(NOW + 48 * HOUR)))).toHaveLength(1);
    expect(check(input(starting(NOW + 48 * HOUR + 1)))).toEqual([]);
    expect(check(input(starting(NOW)))).toEqual([]);
    expect(check(input(starting(NOW + 5 * DAY)), 120)).toHaveLength(1);
  });

  it('does not fire without an approved product or a known start', () => {
    expect(check(input(starting(NOW + HOUR), []))).toEqual([]);
    expect(check(input(campaign()))).toEqual([]);
  });
});

describe('campaign-starting-soon: load and affected', () => {
  let db: AppDB;
  beforeEach(async () => {
    db = freshDb();
    await db.campaigns.bulkPut([starting(NOW + HOUR), starting(NOW + 30 * DAY, { id: 'later' }), starting(NOW - HOUR, { id: 'started' })]);
    await db.registrations.bulkPut([approved('p1'), registration({ key: 'c1|p2', productId: 'p2', state: 'PENDING' }), registration({ key: 'later|p1', campaignId: 'later', state: 'APPROVED' })]);
  });
  afterEach(() => db.close());

  it('loads campaigns starting within the longest setting with their approved registrations only', async () => {
    expect((await loadInputs(rule, db, undefined, NOW)).map((i) => [i.key, i.approved.map((r) => r.key)])).toEqual([['c1', ['c1|p1']]]);
    expect((await loadInputs(rule, db, ['later'], NOW)).map((i) => [i.key, i.approved.length])).toEqual([['later', 1]]);
  });

  it('maps changed campaigns and registrations to campaigns', async () => {
    expect(await affectedBy(rule, db, { registrations: ['later|p1'], campaigns: ['c1'] })).toEqual(['c1', 'later']);
  });
});
