import type { SampleRequest } from '../domain/types';
import type { Rule } from './types';
import { requestEvidence, type RequestInput } from './util';

/**
 * A creator asks for a product this shop already sent them (user-needs.md need 11: duplicate samples sent from
 * spreadsheets). "Sent" is any status in `SENT_STATUSES` of an earlier request by the same handle for the same product in
 * the same shop, whatever SKU; counted over the requests Collab Lens has seen.
 */
export interface DuplicateInput extends RequestInput {
  /** This shop's other requests of the same creator for the same product that were sent. */
  previous: SampleRequest[];
}

export const duplicateSample: Rule<DuplicateInput, Record<string, never>> = {
  id: 'duplicate-sample',
  title: { en: 'Creator already received this product', id: 'Kreator sudah pernah menerima produk ini' },
  explanation: {
    en: 'A creator sometimes asks again for a product your shop already sent them. Collab Lens flags a request waiting for your review when an earlier sample of the same product (any variant) was already shipped to the same creator. Decide whether a second sample is worth it, or ask the creator about the content for the first one.',
    id: 'Kadang kreator meminta lagi produk yang sudah pernah dikirim toko Anda. Collab Lens menandai permintaan yang menunggu tinjauan Anda jika sampel produk yang sama (varian apa pun) sudah pernah dikirim ke kreator yang sama. Putuskan apakah sampel kedua sepadan, atau tanyakan kepada kreator tentang konten untuk sampel pertama.',
  },
  message: {
    en: '@{handle} is asking again for {product}, which your shop already sent them (earlier request made on {previous}).',
    id: '@{handle} meminta {product} lagi, padahal toko Anda sudah pernah mengirimkannya (permintaan sebelumnya diajukan pada {previous}).',
  },
  severity: 'medium',
  subject: 'sampleRequest',
  thresholds: {},
  input: 'duplicateHistory',
  check({ request: r, product, previous }) {
    if (r.status !== 'PENDING' || !previous.length) return [];
    const madeAt = (p: SampleRequest) => p.appliedAt ?? p.firstSeenAt;
    const latest = Math.max(...previous.map(madeAt));
    return [
      {
        subject: 'sampleRequest',
        subjectKey: r.applyId,
        shopKey: r.shopKey,
        params: { handle: r.creatorHandle, product, productId: r.productId, previous: { at: latest } },
        evidence: [requestEvidence(r), ...previous.map((p) => requestEvidence(p))],
      },
    ];
  },
};
