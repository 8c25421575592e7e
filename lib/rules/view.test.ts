import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { commissionLow, lowFulfilment, reviewSoon, TEST_RULES } from '../../test/fixtures/rules';
import type { AppDB } from '../db/app-db';
import { createI18n } from '../i18n';
import type { AnyRule, Finding, SubjectKind } from './types';
import { anchorsOf, fillText, findingView, findingViews } from './view';

const T = 1_763_700_000_000;
const HOUR = 3_600_000;
const US = 'US:1';
const source = { endpoint: 'sample.group.list', page: 'https://affiliate-us.tiktok.com/product/sample-request' };
const en = createI18n('en');
const idn = createI18n('id');

const finding = (over: Partial<Finding> & Pick<Finding, 'ruleId' | 'subject' | 'subjectKey'>): Finding => ({
  id: `${over.ruleId}|${over.subjectKey}`,
  shopKey: US,
  severity: 'medium',
  params: {},
  evidence: [],
  firstSeenAt: T,
  evaluatedAt: T,
  ...over,
});

describe('texts', () => {
  it('format each kind of param for the reader’s language', () => {
    const params = { rate: { bps: 1250 }, fee: { money: { minor: 129_900, currency: 'USD' } }, n: 12_345, at: { at: T }, left: { duration: 26 * HOUR }, who: 'maya' };
    const text = '{who}: {rate}, {fee}, {n}, {at}, {left}';
    expect(fillText(text, params, en)).toBe(`maya: 12.5%, $1,299.00, 12,345, ${en.dateTime(T)}, 1d 2h`);
    expect(fillText(text, params, idn)).toBe(`maya: 12,5%, US$1.299,00, 12.345, ${idn.dateTime(T)}, 1h 2j`);
  });

  it('money follows its currency’s minor unit', () => {
    expect(en.money({ minor: 25_000, currency: 'VND' })).toBe('₫25,000');
    expect(en.money({ minor: 12_345, currency: 'BHD' })).toBe('BHD\u00a012.345');
    expect(idn.money({ minor: -450, currency: 'USD' })).toBe('-US$4,50');
  });

  it('insert strings as text, whatever they contain, and leave a placeholder without a param as written', () => {
    const hostile = '<img src=x onerror=alert(1)> $& $1 {who}';
    expect(fillText('Creator {who} ({missing})', { who: hostile }, en)).toBe(`Creator ${hostile} ({missing})`);
  });
});

describe('findingView', () => {
  const f = finding({
    ruleId: 'test-review-soon',
    subject: 'sampleRequest',
    subjectKey: '1',
    id: 'test-review-soon|1|review',
    variant: 'review',
    severity: 'high',
    params: { handle: 'maya', at: { at: T + 5 * HOUR }, left: { duration: 5 * HOUR } },
    evidence: [{ entity: 'sampleRequest', key: '1', seenAt: T, source, basis: 'estimated' }, { entity: 'creator', key: 'maya' }],
    dueAt: T + 5 * HOUR,
  });

  it('carries the rule’s title, explanation and filled message in the reader’s language, with the evidence', () => {
    const v = findingView(f, reviewSoon, undefined, ['maya', 'p1'], en, T);
    expect(v).toEqual({
      id: 'test-review-soon|1|review',
      ruleId: 'test-review-soon',
      subject: 'sampleRequest',
      subjectKey: '1',
      shopKey: US,
      severity: 'high',
      title: 'Review soon',
      message: `Review @maya by ${en.dateTime(T + 5 * HOUR)} (5h 0m left).`,
      explanation: 'A request whose review deadline is near.',
      dueAt: T + 5 * HOUR,
      firstSeenAt: T,
      evidence: [{ entity: 'sampleRequest', key: '1', seenAt: T, page: source.page, basis: 'estimated' }, { entity: 'creator', key: 'maya' }],
      state: 'active',
      anchors: ['maya', 'p1'],
    });
    const vi = findingView(f, reviewSoon, undefined, [], idn, T);
    expect([vi.title, vi.message, vi.explanation]).toEqual(['Segera tinjau', `Tinjau @maya sebelum ${idn.dateTime(T + 5 * HOUR)} (sisa 5j 0m).`, 'Permintaan yang batas tinjauannya dekat.']);
  });

  it('says whether the seller dismissed or snoozed it; a snooze that has run out is active again', () => {
    expect(findingView(f, reviewSoon, { id: f.id, dismissedAt: T }, [], en, T).state).toBe('dismissed');
    expect(findingView(f, reviewSoon, { id: f.id, snoozedUntil: T + HOUR }, [], en, T)).toMatchObject({ state: 'snoozed', snoozedUntil: T + HOUR });
    const expired = findingView(f, reviewSoon, { id: f.id, snoozedUntil: T + HOUR, notifiedAt: T }, [], en, T + HOUR);
    expect(expired.state).toBe('active');
    expect(expired).not.toHaveProperty('snoozedUntil');
  });
});

describe('anchors', () => {
  let db: AppDB;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(() => db.close());

  it('name each subject by the texts the page shows for it', async () => {
    await db.sampleRequests.put({ applyId: '11', shopKey: US, creatorHandle: 'maya', productId: '501', status: 'PENDING', statusRaw: 'PENDING', statusSeenAt: T, firstSeenAt: T, lastSeenAt: T, source });
    await db.products.bulkPut([
      { productId: '501', shopKey: US, title: 'Glow serum 30 ml', firstSeenAt: T, lastSeenAt: T, source },
      { productId: '502', shopKey: US, title: 'Lip tint', firstSeenAt: T, lastSeenAt: T, source },
    ]);
    await db.campaigns.put({ id: 'c1', shopKey: US, name: 'Payday sale', kind: 'agency', status: 'ONGOING', contactChannels: [], firstSeenAt: T, lastSeenAt: T, source });
    await db.invitations.put({ id: 'inv1', shopKey: US, name: 'Ramadan glow', status: 'ONGOING', statusRaw: '1', counts: {}, contactChannels: [], firstSeenAt: T, lastSeenAt: T, source });
    await db.accounts.put({ key: `${US}|acc1`, shopKey: US, accountId: 'acc1', handle: 'rose.official', role: 'official', roleRaw: '1', firstSeenAt: T, lastSeenAt: T, source });
    await db.orderSkus.put({ key: '5770002|1729600002', orderId: '5770002', shopKey: US, createdAt: T, productId: '502', skuId: '1729600002', settlement: 'SETTLED', settlementRaw: 'SETTLED', refunded: 0, firstSeenAt: T, lastSeenAt: T, source });
    const cases: [SubjectKind, string, string[]][] = [
      ['sampleRequest', '11', ['maya', '501']],
      ['creator', 'maya', ['maya']],
      ['product', '501', ['501', 'Glow serum 30 ml']],
      ['openCollab', `${US}|502`, ['502', 'Lip tint']],
      ['invitationProduct', 'inv1|503', ['503']],
      ['campaign', 'c1', ['Payday sale', 'c1']],
      ['registration', 'c1|501', ['501', 'Payday sale']],
      ['orderSku', '5770001|1729600001', ['5770001', '1729600001']],
      ['orderSku', '5770002|1729600002', ['5770002', '1729600002', '502']],
      ['invitation', 'inv1', ['Ramadan glow', 'inv1']],
      ['shopAccount', `${US}|acc1`, ['rose.official']],
      ['shop', US, []],
      // Subjects no longer stored still anchor by what their key says.
      ['sampleRequest', '99', []],
      ['campaign', 'c9', ['c9']],
    ];
    const findings = cases.map(([subject, subjectKey]) => finding({ ruleId: `r-${subject}`, subject, subjectKey }));
    const anchors = await anchorsOf(db, findings);
    expect(cases.map(([subject, key]) => [subject, key, anchors.get(`r-${subject}|${key}`)])).toEqual(cases);
  });
});

describe('findingViews', () => {
  it('reads states in bulk, leaves out findings of unknown rules and puts the most urgent first', async () => {
    const db = freshDb();
    const rules: AnyRule[] = [...TEST_RULES];
    const stored = [
      finding({ ruleId: lowFulfilment.id, subject: 'creator', subjectKey: 'maya', severity: 'medium', firstSeenAt: T - HOUR, params: { handle: 'maya', rate: { bps: 3000 } } }),
      finding({ ruleId: reviewSoon.id, subject: 'sampleRequest', subjectKey: '2', severity: 'high', dueAt: T + 9 * HOUR }),
      finding({ ruleId: reviewSoon.id, subject: 'sampleRequest', subjectKey: '1', severity: 'medium', dueAt: T + 2 * HOUR }),
      finding({ ruleId: commissionLow.id, subject: 'openCollab', subjectKey: `${US}|5`, severity: 'low' }),
      finding({ ruleId: 'retired-rule', subject: 'shop', subjectKey: US, severity: 'high' }),
    ];
    await db.findingStates.put({ id: `${reviewSoon.id}|2`, dismissedAt: T });
    const views = await findingViews(db, rules, stored, 'en', T);
    expect(views.map((v) => [v.id, v.state])).toEqual([
      [`${reviewSoon.id}|1`, 'active'],
      [`${reviewSoon.id}|2`, 'dismissed'],
      [`${lowFulfilment.id}|maya`, 'active'],
      [`${commissionLow.id}|${US}|5`, 'active'],
    ]);
    expect(views[2]?.message).toBe('@maya fulfils 30% of samples.');
    db.close();
  });
});

describe('variant messages', () => {
  it('use the sentence of the finding’s variant when the rule has one, else the rule’s message', () => {
    const rule: AnyRule = {
      ...reviewSoon,
      variantMessages: { ship: { en: 'Ship to {handle} by {at}.', id: 'Kirim ke {handle} sebelum {at}.' } },
    };
    const params = { handle: 'maya', at: { at: T } };
    const ship = finding({ ruleId: rule.id, subject: 'sampleRequest', subjectKey: '1', variant: 'ship', params });
    const review = finding({ ruleId: rule.id, subject: 'sampleRequest', subjectKey: '1', variant: 'review', params });
    expect(findingView(ship, rule, undefined, [], en, T).message).toBe(`Ship to maya by ${en.dateTime(T)}.`);
    expect(findingView(ship, rule, undefined, [], idn, T).message).toBe(`Kirim ke maya sebelum ${idn.dateTime(T)}.`);
    expect(findingView(review, rule, undefined, [], en, T).message).toBe(fillText(reviewSoon.message.en, params, en));
  });
});
