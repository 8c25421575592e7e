import type { Campaign, Registration } from '../domain/types';
import type { Rule, SubjectInput } from './types';
import { HOUR_MS, seenRecord } from './util';

/**
 * A partner campaign starts soon and a partner approved some of the seller's products in it (seed 003: "your campaign
 * will be live starting for that product once the start of the Campaign period begins"). One finding per campaign,
 * counting the approved registrations, so the seller checks stock and samples before creators start promoting.
 */
export interface CampaignApprovalsInput extends SubjectInput {
  campaign: Campaign;
  /** This campaign's registrations in state `APPROVED`. */
  approved: Registration[];
}

const MAX_HOURS = 336;

export const campaignStartingSoon: Rule<CampaignApprovalsInput, { hours: number }> = {
  id: 'campaign-starting-soon',
  title: { en: 'Partner campaign starting soon with your approved products', id: 'Kampanye mitra dengan produk Anda yang disetujui segera dimulai' },
  explanation: {
    en: 'A product a partner approved in a campaign goes live when the campaign period starts, and creators begin to promote it and ask for samples. Collab Lens tells you when such a campaign starts within this many hours, so you can check stock and samples beforehand.',
    id: 'Produk yang disetujui mitra dalam sebuah kampanye mulai tayang saat periode kampanye dimulai, dan kreator mulai mempromosikannya serta meminta sampel. Collab Lens memberi tahu Anda saat kampanye seperti itu dimulai dalam sekian jam, agar Anda bisa memeriksa stok dan sampel lebih dulu.',
  },
  message: {
    en: 'The partner campaign {campaign} starts on {starts}. Your products approved in it: {count}. Make sure their stock and samples are ready.',
    id: 'Kampanye mitra {campaign} dimulai pada {starts}. Produk Anda yang disetujui di kampanye ini: {count}. Pastikan stok dan sampelnya sudah siap.',
  },
  severity: 'low',
  subject: 'campaign',
  thresholds: {
    hours: { label: { en: 'Tell me this many hours before the campaign starts', id: 'Beri tahu saya sekian jam sebelum kampanye dimulai' }, unit: 'hours', default: 48, min: 1, max: MAX_HOURS },
  },
  timeBased: true,
  input: 'campaignApprovals',
  check({ campaign: c, approved }, { thresholds, now }) {
    const start = c.campaignStartAt;
    if (!approved.length || start === undefined || start <= now || start - now > thresholds.hours * HOUR_MS) return [];
    return [
      {
        subject: 'campaign',
        subjectKey: c.id,
        shopKey: c.shopKey,
        params: { campaign: c.name, campaignId: c.id, starts: { at: start }, count: approved.length },
        evidence: [seenRecord('campaign', c.id, c), ...approved.map((r) => seenRecord('registration', r.key, r))],
        dueAt: start,
      },
    ];
  },
};
