import type { Rule } from './types';
import { DAY_MS, POSTING_EXTENSION_DAYS, POSTING_WINDOW_DAYS, REMINDER_AFTER_DAYS, requestEvidence, type ContentInput } from './util';

/**
 * A post reminder has become allowed: TikTok lets the seller send one reminder per sample, no earlier than 5 days after
 * delivery (user-needs.md need 4, S7). Delivery is the first sighting of `CONTENT_PENDING`, as in `content-overdue`;
 * the real delivery was then or earlier, so the reminder is never announced too early. The finding lasts until the
 * posting time with its extension runs out, when `content-overdue` takes over. Collab Lens cannot see whether a reminder
 * was sent: the seller dismisses the finding once they sent it, and a dismissal survives re-evaluation.
 */
export const contentReminderDue: Rule<ContentInput, { days: number }> = {
  id: 'content-reminder-due',
  title: { en: 'Post reminder can be sent', id: 'Pengingat posting bisa dikirim' },
  explanation: {
    en: `TikTok lets you send a creator one reminder to post, per sample, from day ${REMINDER_AFTER_DAYS} after they received it. Collab Lens tells you when that moment comes for a sample still waiting for content (counted from the first time it saw the sample as delivered) until the creator's time to post runs out. It cannot see whether you already sent the reminder: choose Dismiss on the finding once you have.`,
    id: `TikTok mengizinkan Anda mengirim satu pengingat posting ke kreator untuk setiap sampel, mulai hari ke-${REMINDER_AFTER_DAYS} setelah sampel diterima. Collab Lens memberi tahu saat waktunya tiba untuk sampel yang masih menunggu konten (dihitung sejak pertama kali Collab Lens melihat sampel berstatus diterima) sampai waktu posting kreator habis. Collab Lens tidak dapat melihat apakah Anda sudah mengirim pengingat: pilih Abaikan pada temuan ini setelah Anda mengirimnya.`,
  },
  message: {
    en: 'You can now send @{handle} a reminder to post about {product}: the sample was delivered by {delivered}. TikTok allows one reminder per sample.',
    id: 'Anda sekarang bisa mengirim pengingat posting ke @{handle} untuk {product}: sampel sudah diterima paling lambat {delivered}. TikTok hanya mengizinkan satu pengingat per sampel.',
  },
  severity: 'low',
  subject: 'sampleRequest',
  thresholds: {
    days: {
      label: { en: 'Days after delivery to suggest the reminder (TikTok allows it from day 5)', id: 'Jumlah hari setelah sampel diterima untuk menyarankan pengingat (TikTok mengizinkannya mulai hari ke-5)' },
      unit: 'days',
      default: REMINDER_AFTER_DAYS,
      min: REMINDER_AFTER_DAYS,
      max: POSTING_WINDOW_DAYS,
    },
  },
  timeBased: true,
  input: 'deliveredSamples',
  check({ request: r, product, delivered, hasContent }, { thresholds, now }) {
    if (r.status !== 'CONTENT_PENDING' || hasContent || !delivered) return [];
    const until = delivered.at + (POSTING_WINDOW_DAYS + POSTING_EXTENSION_DAYS) * DAY_MS;
    if (now < delivered.at + thresholds.days * DAY_MS || now >= until) return [];
    return [
      {
        subject: 'sampleRequest',
        subjectKey: r.applyId,
        shopKey: r.shopKey,
        params: { handle: r.creatorHandle, product, productId: r.productId, delivered: { at: delivered.at } },
        evidence: [{ entity: 'sampleRequest', key: r.applyId, seenAt: delivered.at, source: delivered.source }, requestEvidence(r)],
        dueAt: until,
      },
    ];
  },
};
