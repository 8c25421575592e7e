import type { SampleRequest } from '../domain/types';
import type { Rule, SubjectInput } from './types';
import { DAY_MS, POSTING_EXTENSION_DAYS, POSTING_WINDOW_DAYS, requestEvidence } from './util';

/**
 * A creator asks for a sample while samples this shop already sent them produced no content. A sent sample (one in
 * `SENT_STATUSES`) produced none when TikTok closed it as not fulfilled (`UNFULFILL_CANCELLED`), or when it is still
 * waiting for content past TikTok's posting time (14 days from delivery plus the one 7-day extension; delivery as in
 * `content-overdue`) with no post captured for it. Counted over the requests Collab Lens has seen, not TikTok's totals.
 *
 * The subject is the pending request, as in `creator-reliability`: the figure serves the decision to approve it.
 */
export interface SentSample {
  request: SampleRequest;
  /** First sighting of delivery (`CONTENT_PENDING`), for samples still waiting for content. */
  deliveredAt?: number;
  hasContent: boolean;
}

export interface CreatorHistoryInput extends SubjectInput {
  request: SampleRequest;
  /** This shop's sent samples to the same creator. */
  sent: SentSample[];
}

const OVERDUE_MS = (POSTING_WINDOW_DAYS + POSTING_EXTENSION_DAYS) * DAY_MS;

const producedNothing = (s: SentSample, now: number) =>
  s.request.status === 'UNFULFILL_CANCELLED' ||
  (s.request.status === 'CONTENT_PENDING' && !s.hasContent && s.deliveredAt !== undefined && now >= s.deliveredAt + OVERDUE_MS);

export const creatorNoContent: Rule<CreatorHistoryInput, { count: number }> = {
  id: 'creator-no-content',
  title: { en: 'Sample request from a creator who left your samples without content', id: 'Permintaan sampel dari kreator yang tidak membuat konten untuk sampel Anda' },
  explanation: {
    en: `Collab Lens remembers the samples your shop sent to each creator. A sample produced no content when TikTok closed it as not fulfilled, or when the creator has not posted ${POSTING_WINDOW_DAYS + POSTING_EXTENSION_DAYS} days after receiving it (${POSTING_WINDOW_DAYS} days plus the one ${POSTING_EXTENSION_DAYS}-day extension). When a creator with at least this many such samples asks for another one, the request waiting for your review is flagged. It counts only the requests Collab Lens has seen.`,
    id: `Collab Lens mengingat sampel yang dikirim toko Anda ke setiap kreator. Sebuah sampel dianggap tidak menghasilkan konten jika TikTok menutupnya sebagai tidak dipenuhi, atau jika kreator belum memposting ${POSTING_WINDOW_DAYS + POSTING_EXTENSION_DAYS} hari setelah menerimanya (${POSTING_WINDOW_DAYS} hari ditambah satu kali perpanjangan ${POSTING_EXTENSION_DAYS} hari). Saat kreator dengan sampel seperti itu sebanyak jumlah ini atau lebih meminta sampel lagi, permintaan yang menunggu tinjauan Anda ditandai. Hanya permintaan yang pernah dilihat Collab Lens yang dihitung.`,
  },
  message: {
    en: '{unposted} of the {sent} samples your shop sent to @{handle} produced no content: weigh it before approving this request.',
    id: '{unposted} dari {sent} sampel yang dikirim toko Anda ke @{handle} tidak menghasilkan konten: pertimbangkan hal ini sebelum menyetujui permintaan ini.',
  },
  severity: 'medium',
  subject: 'sampleRequest',
  thresholds: {
    count: { label: { en: 'Samples without content before a request is flagged', id: 'Jumlah sampel tanpa konten sebelum permintaan ditandai' }, unit: 'count', default: 1, min: 1, max: 20 },
  },
  timeBased: true,
  input: 'creatorHistory',
  check({ request: r, sent }, { thresholds, now }) {
    if (r.status !== 'PENDING') return [];
    const unposted = sent.filter((s) => producedNothing(s, now));
    if (unposted.length < thresholds.count) return [];
    return [
      {
        subject: 'sampleRequest',
        subjectKey: r.applyId,
        shopKey: r.shopKey,
        params: { handle: r.creatorHandle, unposted: unposted.length, sent: sent.length },
        evidence: [requestEvidence(r), ...unposted.map((s) => requestEvidence(s.request))],
      },
    ];
  },
};
