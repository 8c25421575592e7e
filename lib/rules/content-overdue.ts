import type { Rule } from './types';
import { DAY_MS, POSTING_EXTENSION_DAYS, POSTING_WINDOW_DAYS, requestEvidence, type ContentInput } from './util';

/**
 * A delivered sample with no content after the posting time. TikTok gives the creator 14 days from delivery to post and
 * one 7-day extension (the seller is not told when it is taken), so by default a sample counts as overdue 21 days after
 * delivery; when Affiliate Center showed a later content deadline, that one counts.
 *
 * Assumptions (research/domain.md §1.5, user-needs.md need 1 and idea 2):
 * - Delivery is when the request reached `CONTENT_PENDING` ("received, content expected"): its first transition to it,
 *   or `statusSeenAt` when no transition was kept. Collab Lens only sees that when the seller opens the list, so the
 *   real delivery was at or before it: the clock never runs early.
 * - A request only seen as `SHIPPED` has no known delivery and is not flagged.
 * - Content is posted when the request moved on (`COMPLETED`, or a cancellation such as `UNFULFILL_CANCELLED`, which
 *   `creator-no-content` counts) or a post for it was captured (`sampleContents.applyId`).
 */
export const contentOverdue: Rule<ContentInput, { days: number }> = {
  id: 'content-overdue',
  title: { en: 'Sample delivered, content overdue', id: 'Sampel sudah diterima, konten terlambat' },
  explanation: {
    en: `A creator has ${POSTING_WINDOW_DAYS} days from receiving a sample to post content for it, and may extend this once by ${POSTING_EXTENSION_DAYS} days; you are not told when they do. Collab Lens counts from the first time it saw the sample as delivered (the delivery was then or earlier) and flags samples still waiting for content this many days later. Contact the creator, and weigh it before sending them another sample.`,
    id: `Kreator punya waktu ${POSTING_WINDOW_DAYS} hari sejak menerima sampel untuk memposting konten, dan dapat memperpanjangnya satu kali selama ${POSTING_EXTENSION_DAYS} hari; Anda tidak diberi tahu saat mereka melakukannya. Collab Lens menghitung sejak pertama kali melihat sampel berstatus diterima (penerimaannya terjadi saat itu atau lebih awal) dan menandai sampel yang masih menunggu konten setelah sekian hari. Hubungi kreatornya, dan pertimbangkan hal ini sebelum mengirimi mereka sampel lagi.`,
  },
  message: {
    en: '@{handle} has not posted content for {product}. The sample was delivered by {delivered}, and the time to post, including the one 7-day extension, ran out on {due}.',
    id: '@{handle} belum memposting konten untuk {product}. Sampel sudah diterima paling lambat {delivered}, dan waktu untuk memposting, termasuk satu kali perpanjangan 7 hari, habis pada {due}.',
  },
  severity: 'medium',
  subject: 'sampleRequest',
  thresholds: {
    days: {
      label: {
        en: `Days after delivery before content counts as overdue (TikTok: ${POSTING_WINDOW_DAYS} days plus one ${POSTING_EXTENSION_DAYS}-day extension)`,
        id: `Jumlah hari setelah sampel diterima sebelum konten dianggap terlambat (TikTok: ${POSTING_WINDOW_DAYS} hari ditambah satu kali perpanjangan ${POSTING_EXTENSION_DAYS} hari)`,
      },
      unit: 'days',
      default: POSTING_WINDOW_DAYS + POSTING_EXTENSION_DAYS,
      min: POSTING_WINDOW_DAYS,
      max: 60,
    },
  },
  timeBased: true,
  input: 'deliveredSamples',
  check({ request: r, product, delivered, hasContent }, { thresholds, now }) {
    if (r.status !== 'CONTENT_PENDING' || hasContent || !delivered) return [];
    const shown = r.deadline?.kind === 'content' ? r.deadline.at : -Infinity;
    const due = Math.max(delivered.at + thresholds.days * DAY_MS, shown);
    if (now < due) return [];
    return [
      {
        subject: 'sampleRequest',
        subjectKey: r.applyId,
        shopKey: r.shopKey,
        params: { handle: r.creatorHandle, product, productId: r.productId, delivered: { at: delivered.at }, due: { at: due } },
        evidence: [{ entity: 'sampleRequest', key: r.applyId, seenAt: delivered.at, source: delivered.source }, requestEvidence(r)],
        dueAt: due,
      },
    ];
  },
};
