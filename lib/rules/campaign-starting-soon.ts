import type { Campaign, Registration } from '../domain/types';
import type { Rule, SubjectInput } from './types';
import { HOUR_MS, changedKeys, keyParts, rowsWhere, seenRecord } from './util';

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
  reads: ['campaigns', 'registrations'],
  thresholds: {
    hours: { label: { en: 'Tell me this many hours before the campaign starts', id: 'Beri tahu saya sekian jam sebelum kampanye dimulai' }, unit: 'hours', default: 48, min: 1, max: MAX_HOURS },
  },
  timeBased: true,
  async affected(_db, changes) {
    return [...new Set([...changedKeys(changes, 'campaigns'), ...changedKeys(changes, 'registrations').map((k) => keyParts(k)[0])])];
  },
  async load(db, keys, now) {
    // Campaigns have no start-time index; the table holds what the seller browsed, a few hundred rows at most.
    const campaigns = keys
      ? (await db.campaigns.bulkGet([...keys])).filter((c): c is Campaign => c !== undefined)
      : await db.campaigns.filter((c) => c.campaignStartAt !== undefined && c.campaignStartAt > now && c.campaignStartAt <= now + MAX_HOURS * HOUR_MS).toArray();
    const ids = campaigns.map((c) => c.id);
    const registrations = await rowsWhere(db.registrations, 'campaignId', ids);
    const approved = new Map<string, Registration[]>();
    for (const r of registrations) {
      if (r.state !== 'APPROVED') continue;
      const list = approved.get(r.campaignId);
      if (list) list.push(r);
      else approved.set(r.campaignId, [r]);
    }
    return campaigns.map((campaign) => ({ key: campaign.id, campaign, approved: approved.get(campaign.id) ?? [] }));
  },
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
