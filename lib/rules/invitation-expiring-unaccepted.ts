import type { Invitation } from '../domain/types';
import type { Rule, SubjectInput, Texts } from './types';
import { DAY_MS, seenRecord } from './util';

/**
 * A target invitation that ends soon while none of the creators it invited has accepted it (accepted = added its
 * products to their showcase; domain.md §1.4, §3.1). After it ends the creators can no longer accept, so this is the
 * last moment to follow up or invite others. Acceptance is read from the invitation's own count
 * (`creator_added_cnt`) and from its creator list when the detail page was opened; an invitation with no invited
 * creators (TikTok's top-creator programme carries products only) or whose acceptance Collab Lens has not seen gets no
 * finding. Affiliate Center calls an invitation "Expiring" from 7 days before its end, the threshold's default.
 * The message says the status Collab Lens reads (from the tab it was listed under and its end date) and TikTok's own
 * record code as sent, whose meaning sources dispute (real-shapes.md §5).
 */

export interface ExpiringInvitationInput extends SubjectInput {
  invitation: Invitation;
  /** Creators of the invitation Collab Lens has seen listed, and how many of them had accepted. */
  creatorsSeen: number;
  acceptedSeen: number;
}

type Thresholds = { days: number };

const DAYS = { default: 7, min: 1, max: 30 };

/** The invitation's status in the reader's language. */
const STATE: Readonly<Record<Invitation['status'], Texts>> = {
  ONGOING: { en: 'Ongoing', id: 'Berlangsung' },
  EXPIRING: { en: 'Expiring', id: 'Akan berakhir' },
  CANCELING: { en: 'Canceling', id: 'Sedang dibatalkan' },
  COMPLETED: { en: 'Completed', id: 'Selesai' },
  UNKNOWN: { en: 'not known', id: 'tidak diketahui' },
};

/** Invitations that are over or being cancelled: nothing to follow up. */
const CLOSED: ReadonlySet<Invitation['status']> = new Set(['CANCELING', 'COMPLETED']);

export const invitationExpiringUnaccepted: Rule<ExpiringInvitationInput, Thresholds> = {
  id: 'invitation-expiring-unaccepted',
  title: {
    en: 'Target invitation ending with no creator accepted',
    id: 'Undangan target akan berakhir tanpa kreator yang menerima',
  },
  explanation: {
    en: 'A creator accepts a target invitation by adding its products to their showcase. When an invitation is about to end and none of the creators you invited has accepted it, follow up with them or invite other creators before it ends: afterwards they can no longer accept it. Collab Lens reads acceptance from the invitation list and from the invitation’s detail page, as last seen.',
    id: 'Kreator menerima undangan target dengan menambahkan produknya ke Showcase mereka. Jika undangan hampir berakhir dan belum ada kreator undangan yang menerimanya, hubungi mereka atau undang kreator lain sebelum undangan berakhir: setelah itu mereka tidak bisa menerimanya lagi. Collab Lens membaca penerimaan dari daftar undangan dan halaman detail undangan, sesuai yang terakhir terlihat.',
  },
  message: {
    en: 'Target invitation “{name}” ends {endsAt} and none of the {invited} creators you invited has accepted it yet. Follow up with them or invite other creators before it ends. Status: {state}, from the tab it was listed under and its end date; TikTok’s own status code on it: {code}.',
    id: 'Undangan target “{name}” berakhir {endsAt} dan belum ada satu pun dari {invited} kreator yang Anda undang yang menerimanya. Hubungi mereka atau undang kreator lain sebelum undangan berakhir. Status: {state}, menurut tab tempat undangan ini tercantum dan tanggal berakhirnya; kode status TikTok sendiri untuk undangan ini: {code}.',
  },
  severity: 'medium',
  subject: 'invitation',
  thresholds: {
    days: {
      label: { en: 'Days before the invitation ends', id: 'Jumlah hari sebelum undangan berakhir' },
      unit: 'days',
      ...DAYS,
    },
  },
  timeBased: true,
  notify: true,
  input: 'expiringInvitations',
  check(input, { thresholds, now }) {
    const inv = input.invitation;
    const end = inv.endAt;
    if (end === undefined || end <= now || end > now + thresholds.days * DAY_MS || CLOSED.has(inv.status)) return [];
    const invited = inv.counts.creators ?? input.creatorsSeen;
    const acceptanceSeen = inv.counts.accepted !== undefined || input.creatorsSeen > 0;
    if (!invited || !acceptanceSeen || (inv.counts.accepted ?? 0) > 0 || input.acceptedSeen > 0) return [];
    return [
      {
        subject: 'invitation',
        subjectKey: inv.id,
        shopKey: inv.shopKey,
        // TikTok's record code is shown as sent: sources disagree on what it means (real-shapes.md §5).
        params: { name: inv.name, endsAt: { at: end }, invited, invitationId: inv.id, state: { text: STATE[inv.status] }, code: inv.groupStatusRaw ?? '—' },
        evidence: [seenRecord('invitation', inv.id, inv)],
        dueAt: end,
      },
    ];
  },
};
