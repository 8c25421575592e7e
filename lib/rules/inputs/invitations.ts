import { Dexie } from 'dexie';
import type { Invitation } from '../../domain/types';
import { invitationExpiringUnaccepted, type ExpiringInvitationInput } from '../invitation-expiring-unaccepted';
import type { InputLoader } from '../types';
import { changedKeys, DAY_MS, keyParts } from '../util';

/** A target invitation with how many of the creators Collab Lens saw listed in it had accepted. */
export const expiringInvitations: InputLoader<ExpiringInvitationInput> = {
  reads: ['invitations', 'invitationCreators'],
  affected: async (_db, changes) => [
    ...new Set([...changedKeys(changes, 'invitations'), ...changedKeys(changes, 'invitationCreators').map((k) => keyParts(k)[0])]),
  ],
  async load(db, keys, now) {
    // Without keys, only invitations that end within the longest warning the settings allow can get a finding.
    const maxDays = invitationExpiringUnaccepted.thresholds.days.max;
    const invitations = keys
      ? (await db.invitations.bulkGet([...keys])).filter((i): i is Invitation => i !== undefined)
      : await db.invitations.where('endAt').between(now, now + maxDays * DAY_MS, false, true).toArray();
    const ids = invitations.map((i) => i.id);
    const creators = ids.length
      ? await db.invitationCreators
          .where('[invitationId+handle]')
          .inAnyRange(ids.map((id) => [[id, Dexie.minKey], [id, Dexie.maxKey]]))
          .toArray()
      : [];
    const seen = new Map<string, { creators: number; accepted: number }>();
    for (const c of creators) {
      const s = seen.get(c.invitationId) ?? { creators: 0, accepted: 0 };
      s.creators += 1;
      s.accepted += c.accepted;
      seen.set(c.invitationId, s);
    }
    return invitations.map((invitation) => ({
      key: invitation.id,
      invitation,
      creatorsSeen: seen.get(invitation.id)?.creators ?? 0,
      acceptedSeen: seen.get(invitation.id)?.accepted ?? 0,
    }));
  },
};
