import type { Creator, SampleRequest } from '../domain/types';
import type { Rule, SubjectInput } from './types';
import { requestEvidence } from './util';

/**
 * A creator with a low sample fulfilment rate asks for a sample. The rate is TikTok's own 90-day figure (the share of
 * samples the creator posted content for), as Collab Lens last saw it on any page; a creator who has not shared it is
 * not flagged.
 *
 * The subject is the pending request, not the creator: the decision the figure serves is approving that sample, so the
 * finding sits in the review queue (side panel) and on the request's row; creator annotations find it through the
 * finding's handle. Samples the creator left without content from this shop are `creator-no-content`.
 */
export interface CreatorRequestInput extends SubjectInput {
  request: SampleRequest;
  creator?: Creator;
}

export const creatorReliability: Rule<CreatorRequestInput, { percent: number }> = {
  id: 'creator-reliability',
  title: { en: 'Sample request from a creator with a low fulfilment rate', id: 'Permintaan sampel dari kreator dengan tingkat pemenuhan rendah' },
  explanation: {
    en: "TikTok shows sellers each creator's sample fulfilment rate: the share of samples from the last 90 days they posted content for. Collab Lens flags a request waiting for your review when the creator's rate is under this percentage, as last seen on any Affiliate Center page. A creator who has not shared the rate is not flagged.",
    id: 'TikTok menampilkan tingkat pemenuhan sampel setiap kreator kepada seller: persentase sampel dalam 90 hari terakhir yang mereka buatkan konten. Collab Lens menandai permintaan yang menunggu tinjauan Anda jika tingkat kreatornya di bawah persentase ini, sesuai yang terakhir terlihat di halaman Affiliate Center mana pun. Kreator yang tidak membagikan tingkatnya tidak ditandai.',
  },
  message: {
    en: "@{handle}'s 90-day sample fulfilment rate is {rate}, under your limit of {limit}: weigh it before approving this request.",
    id: 'Tingkat pemenuhan sampel @{handle} dalam 90 hari adalah {rate}, di bawah batas Anda sebesar {limit}: pertimbangkan hal ini sebelum menyetujui permintaan ini.',
  },
  severity: 'medium',
  subject: 'sampleRequest',
  thresholds: {
    percent: { label: { en: 'Lowest fulfilment rate you accept', id: 'Tingkat pemenuhan terendah yang Anda terima' }, unit: 'percent', default: 40, min: 0, max: 100 },
  },
  input: 'requestCreators',
  check({ request: r, creator }, { thresholds }) {
    const rate = creator?.fulfillmentBps;
    const limit = Math.round(thresholds.percent * 100);
    if (r.status !== 'PENDING' || !creator || !rate || rate.value >= limit) return [];
    return [
      {
        subject: 'sampleRequest',
        subjectKey: r.applyId,
        shopKey: r.shopKey,
        params: { handle: r.creatorHandle, rate: { bps: rate.value }, limit: { bps: limit } },
        evidence: [{ entity: 'creator', key: creator.handle, seenAt: rate.seenAt, source: rate.source, basis: 'actual' }, requestEvidence(r)],
      },
    ];
  },
};
