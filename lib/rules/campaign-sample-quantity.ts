import type { RegistrationState } from '../domain/types';
import type { Rule } from './types';
import { registrationEvidence, registrationNames, type RegistrationInput } from './util';

/**
 * Seed 004 ("How to Join Affiliate Partner Campaigns"): when the seller registers a product in an agency campaign they
 * set a sample quantity, and "these samples will be automatically approved when affiliate partners request a free
 * sample for creators". A quantity above what the seller meant to give away is stock given away without a review.
 *
 * The seller's intended maximum per registration is the threshold. Its default, 10, is a deliberate handful: the seed
 * names no number, TikTok's own sample auto-approval quota runs from 1 to 100 (user-needs.md, S4), and a seller who
 * wants none at all sets 0. A registration counts while the partner can still request samples under it: every state
 * but a rejection or a completed cancellation (an unreadable state counts, so a warning is never lost to a new code),
 * and not after the campaign has ended.
 */

const INACTIVE: ReadonlySet<RegistrationState> = new Set(['REJECTED', 'REJECTED_BLOCKED', 'CANCELLED']);

type Thresholds = { maxSamples: number };

export const campaignSampleQuantity: Rule<RegistrationInput, Thresholds> = {
  id: 'campaign-sample-quantity',
  title: {
    en: 'Partner campaign sample quantity above your limit',
    id: 'Jumlah sampel kampanye mitra melebihi batas Anda',
  },
  explanation: {
    en: 'When you register a product in a partner campaign you set a sample quantity, and every sample a partner requests for its creators within that quantity is approved automatically, without your review. Collab Lens compares each registration that is still open to partners with the most samples you want to give per registration. If the quantity is higher than you meant, lower it in Seller Center: you can change it at any time.',
    id: 'Saat mendaftarkan produk ke kampanye mitra, Anda menetapkan jumlah sampel, dan setiap sampel yang diminta mitra untuk kreatornya dalam jumlah itu disetujui otomatis tanpa Anda tinjau. Collab Lens membandingkan setiap pendaftaran yang masih terbuka bagi mitra dengan jumlah sampel terbanyak yang ingin Anda berikan per pendaftaran. Jika jumlahnya lebih tinggi dari yang Anda maksud, turunkan di Seller Center: jumlah ini bisa diubah kapan saja.',
  },
  message: {
    en: '{product} in {campaign}: up to {quantity} samples will be approved automatically when the partner requests them, more than the {max} you set as your limit. Lower the sample quantity in Seller Center if that is not what you meant.',
    id: '{product} di {campaign}: hingga {quantity} sampel akan disetujui otomatis saat mitra memintanya, lebih banyak dari batas {max} yang Anda tetapkan. Turunkan jumlah sampel di Seller Center jika itu bukan yang Anda maksud.',
  },
  severity: 'medium',
  subject: 'registration',
  thresholds: {
    maxSamples: {
      label: { en: 'Most samples you want to give per registration', id: 'Jumlah sampel terbanyak yang ingin Anda berikan per pendaftaran' },
      unit: 'count',
      default: 10,
      min: 0,
      max: 100,
    },
  },
  timeBased: true,
  input: 'registrations',
  check(input, { thresholds, now }) {
    const r = input.registration;
    if (INACTIVE.has(r.state) || r.sampleQuantity === undefined || r.sampleQuantity <= thresholds.maxSamples) return [];
    const end = input.campaign?.campaignEndAt;
    if (end !== undefined && end <= now) return [];
    return [
      {
        subject: 'registration',
        subjectKey: r.key,
        shopKey: r.shopKey,
        params: {
          ...registrationNames(input),
          productId: r.productId,
          campaignId: r.campaignId,
          quantity: r.sampleQuantity,
          max: thresholds.maxSamples,
        },
        evidence: registrationEvidence(input),
      },
    ];
  },
};
