import type { Campaign } from '../domain/types';
import type { Rule, SubjectInput } from './types';
import { HOUR_MS, seenRecord } from './util';

/**
 * An agency partner campaign whose registration closes soon while the seller has registered no product in it (seed 004:
 * the seller registers products during the campaign's registration period). "Registered nothing" means no registration
 * of the campaign was seen and the campaign list did not show a registered product. Seller-initiated campaigns (the
 * seller's own) and closed ones are left out; a campaign targeted at the seller is high severity.
 */
export interface CampaignRegistrationsInput extends SubjectInput {
  campaign: Campaign;
  /** Registrations of this campaign Collab Lens has seen. */
  registrations: number;
}

const MAX_HOURS = 168;

export const campaignRegistrationClosing: Rule<CampaignRegistrationsInput, { hours: number }> = {
  id: 'campaign-registration-closing',
  title: { en: 'Partner campaign registration closing, nothing registered', id: 'Pendaftaran kampanye mitra segera ditutup, belum ada produk terdaftar' },
  explanation: {
    en: 'Agency partner campaigns take product registrations only during their registration period. Collab Lens warns when a campaign you can join closes registration within this many hours and you have not registered any product in it, so you can decide in time. Campaigns an agency targeted at you are marked high.',
    id: 'Kampanye mitra dari agensi hanya menerima pendaftaran produk selama periode pendaftarannya. Collab Lens memberi peringatan saat pendaftaran kampanye yang bisa Anda ikuti ditutup dalam sekian jam dan Anda belum mendaftarkan produk apa pun, agar Anda sempat memutuskan. Kampanye yang ditargetkan agensi kepada Anda ditandai tinggi.',
  },
  message: {
    en: 'Registration for the partner campaign {campaign} closes on {closes}, and you have not registered any product in it.',
    id: 'Pendaftaran kampanye mitra {campaign} ditutup pada {closes}, dan Anda belum mendaftarkan produk apa pun di kampanye ini.',
  },
  severity: 'medium',
  subject: 'campaign',
  thresholds: {
    hours: { label: { en: 'Warn this many hours before registration closes', id: 'Beri peringatan sekian jam sebelum pendaftaran ditutup' }, unit: 'hours', default: 48, min: 1, max: MAX_HOURS },
  },
  timeBased: true,
  notify: true,
  input: 'campaignRegistrations',
  check({ campaign: c, registrations }, { thresholds, now }) {
    const end = c.registrationEndAt;
    if (c.kind !== 'agency' || c.status === 'CLOSED' || end === undefined || end <= now || end - now > thresholds.hours * HOUR_MS) return [];
    if ((c.registrationStartAt !== undefined && c.registrationStartAt > now) || registrations > 0 || (c.registeredProducts ?? 0) > 0) return [];
    return [
      {
        subject: 'campaign',
        subjectKey: c.id,
        shopKey: c.shopKey,
        params: { campaign: c.name, campaignId: c.id, closes: { at: end } },
        evidence: [seenRecord('campaign', c.id, c)],
        dueAt: end,
        severity: c.scope === 'targeted' ? 'high' : 'medium',
      },
    ];
  },
};
