import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { DAY, fillsMessage, invitation as baseInvitation, NOW, SHOP } from '../../test/fixtures/rule-entities';
import { affectedBy, loadInputs } from '../../test/fixtures/rule-inputs';
import type { AppDB } from '../db/app-db';
import type { Invitation, InvitationCreator } from '../domain/types';
import { createI18n } from '../i18n';
import { invitationExpiringUnaccepted as rule, type ExpiringInvitationInput } from './invitation-expiring-unaccepted';
import { fillText } from './view';

const invitation = (over: Partial<Invitation> = {}) =>
  baseInvitation({ status: 'EXPIRING', statusRaw: 'tab:2', groupStatusRaw: '2', endAt: NOW + 3 * DAY, counts: { creators: 12, accepted: 0 }, ...over });

const input = (over: Partial<Invitation> = {}, creatorsSeen = 0, acceptedSeen = 0): ExpiringInvitationInput => {
  const inv = invitation(over);
  return { key: inv.id, invitation: inv, creatorsSeen, acceptedSeen };
};

const check = (i: ExpiringInvitationInput, days = 7) => rule.check(i, { thresholds: { days }, now: NOW });

describe('invitation-expiring-unaccepted: check', () => {
  it('fires for an invitation ending within 7 days that no invited creator accepted, due at its end', () => {
    const [f, ...rest] = check(input());
    expect(rest).toEqual([]);
    expect(f).toEqual({
      subject: 'invitation',
      subjectKey: 'inv1',
      shopKey: SHOP,
      params: { name: 'Ramadan glow', endsAt: { at: NOW + 3 * DAY }, invited: 12, invitationId: 'inv1', state: { text: { en: 'Expiring', id: 'Akan berakhir' } }, code: '2' },
      evidence: [{ entity: 'invitation', key: 'inv1', seenAt: invitation().lastSeenAt, source: invitation().source }],
      dueAt: NOW + 3 * DAY,
    });
    expect(fillsMessage(rule, f)).toBe(true);
  });

  it('says the status Collab Lens reads and TikTok’s own record code, as sent, in the reader’s language', () => {
    const en = createI18n('en');
    const id = createI18n('id');
    const [f] = check(input({ status: 'ONGOING', groupStatusRaw: '4' }));
    expect(fillText(rule.message.en, f!.params, en)).toContain('Status: Ongoing, from the tab it was listed under and its end date; TikTok’s own status code on it: 4.');
    expect(fillText(rule.message.id, f!.params, id)).toContain('Status: Berlangsung');
    expect(fillText(rule.message.id, f!.params, id)).toContain('kode status TikTok sendiri untuk undangan ini: 4.');
    const [unread] = check(input({ status: 'UNKNOWN', groupStatusRaw: undefined }));
    expect(fillText(rule.message.en, unread!.params, en)).toContain('Status: not known, from the tab it was listed under and its end date; TikTok’s own status code on it: —.');
  });

  it('fires from exactly N days before the end until the end, not before or after', () => {
    expect(check(input({ endAt: NOW + 7 * DAY }))).toHaveLength(1);
    expect(check(input({ endAt: NOW + 7 * DAY + 1 }))).toEqual([]);
    expect(check(input({ endAt: NOW + 1 }))).toHaveLength(1);
    expect(check(input({ endAt: NOW }))).toEqual([]);
    expect(check(input({ endAt: undefined }))).toEqual([]);
    expect(check(input({ endAt: NOW + 2 * DAY }), 1)).toEqual([]);
  });

  it('does not fire once a creator accepted, by the invitation’s count or its creator list', () => {
    expect(check(input({ counts: { creators: 12, accepted: 1 } }))).toEqual([]);
    expect(check(input({ counts: { creators: 12, accepted: 0 } }, 12, 1))).toEqual([]);
  });

  it('reads acceptance from the creator list when the count was not shown, and stays quiet when neither was seen', () => {
    const [f] = check(input({ counts: {} }, 3, 0));
    expect(f?.params.invited).toBe(3);
    expect(check(input({ counts: { creators: 4 } }, 0, 0))).toEqual([]);
    expect(check(input({ counts: {} }, 0, 0))).toEqual([]);
  });

  it('ignores invitations without invited creators, and those completed or being cancelled', () => {
    expect(check(input({ counts: { creators: 0, accepted: 0 } }))).toEqual([]);
    expect(check(input({ status: 'COMPLETED' }))).toEqual([]);
    expect(check(input({ status: 'CANCELING' }))).toEqual([]);
    expect(check(input({ status: 'ONGOING' }))).toHaveLength(1);
    expect(check(input({ status: 'UNKNOWN' }))).toHaveLength(1);
  });
});

describe('invitation-expiring-unaccepted: load and affected', () => {
  let db: AppDB;
  const creator = (invitationId: string, handle: string, accepted: 0 | 1): InvitationCreator => ({
    invitationId,
    handle,
    shopKey: SHOP,
    accepted,
    statusRaw: accepted ? '2' : '1',
    state: accepted ? 'ACCEPTED' : 'INVITED',
    lastSeenAt: NOW,
  });
  beforeEach(async () => {
    db = freshDb();
    await db.invitations.bulkPut([
      invitation({ id: 'soon', counts: {} }),
      invitation({ id: 'accepted', counts: {} }),
      invitation({ id: 'far', endAt: NOW + 31 * DAY }),
      invitation({ id: 'ended', endAt: NOW - 1 }),
    ]);
    await db.invitationCreators.bulkPut([
      creator('soon', 'ayu', 0),
      creator('soon', 'budi', 0),
      creator('accepted', 'ayu', 0),
      creator('accepted', 'citra', 1),
      creator('far', 'dewi', 1),
    ]);
  });
  afterEach(() => db.close());

  it('loads the invitations that can still warn, with the creators seen and accepted', async () => {
    const inputs = await loadInputs(rule, db, undefined, NOW);
    expect(inputs.map((i) => [i.key, i.creatorsSeen, i.acceptedSeen]).sort()).toEqual([
      ['accepted', 2, 1],
      ['soon', 2, 0],
    ]);
    expect(inputs.flatMap((i) => check(i)).map((f) => f.subjectKey)).toEqual(['soon']);
  });

  it('loads the invitations asked for, whenever they end', async () => {
    const inputs = await loadInputs(rule, db, ['far', 'ended', 'missing'], NOW);
    expect(inputs.map((i) => [i.key, i.creatorsSeen, i.acceptedSeen]).sort()).toEqual([
      ['ended', 0, 0],
      ['far', 1, 1],
    ]);
  });

  it('maps a changed invitation or invited creator to the invitation', async () => {
    expect(await affectedBy(rule, db, { invitations: ['far'] })).toEqual(['far']);
    expect(((await affectedBy(rule, db, { invitationCreators: ['soon|ayu', 'soon|budi', 'accepted|citra'] })) as string[]).sort()).toEqual(['accepted', 'soon']);
  });
});
