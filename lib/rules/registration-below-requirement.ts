import type { Rule } from './types';
import { registrationEvidence, registrationNames, type RegistrationInput } from './util';

/**
 * A registration waiting for the partner's review whose total commission is under the campaign's commission requirement
 * (seed 004: sellers "check campaign details and commission requirements before joining"; partners reject with
 * `COMMISSION_TOO_LOW`). Only `PENDING` registrations: an approved one was accepted as it is, and what to change after a
 * rejection is `registration-rejected`'s to say.
 */
export const registrationBelowRequirement: Rule<RegistrationInput, Record<string, never>> = {
  id: 'registration-below-requirement',
  title: { en: 'Registration commission under the campaign requirement', id: 'Komisi pendaftaran di bawah syarat kampanye' },
  explanation: {
    en: "Each agency partner campaign states the total commission it requires, and partners tend to reject products registered under it. Collab Lens compares every registration waiting for the partner's review with its campaign's requirement, as last seen on the partner campaign pages. Raise the commission of the registered product, or expect a rejection.",
    id: 'Setiap kampanye mitra dari agensi mencantumkan total komisi yang disyaratkan, dan mitra cenderung menolak produk yang didaftarkan di bawahnya. Collab Lens membandingkan setiap pendaftaran yang menunggu tinjauan mitra dengan syarat kampanyenya, sesuai yang terakhir terlihat di halaman kampanye mitra. Naikkan komisi produk yang didaftarkan, atau bersiaplah pendaftarannya ditolak.',
  },
  message: {
    en: '{product} is registered in {campaign} at a total commission of {rate}, under the campaign requirement of {requirement}: the partner is likely to reject it.',
    id: '{product} didaftarkan di {campaign} dengan total komisi {rate}, di bawah syarat kampanye sebesar {requirement}: kemungkinan besar mitra akan menolaknya.',
  },
  severity: 'medium',
  subject: 'registration',
  thresholds: {},
  input: 'registrations',
  check(input) {
    const r = input.registration;
    const requirement = input.campaign?.commissionRequirementBps;
    if (r.state !== 'PENDING' || requirement === undefined || r.totalCommissionBps === undefined || r.totalCommissionBps >= requirement) return [];
    return [
      {
        subject: 'registration',
        subjectKey: r.key,
        shopKey: r.shopKey,
        params: { ...registrationNames(input), productId: r.productId, campaignId: r.campaignId, rate: { bps: r.totalCommissionBps }, requirement: { bps: requirement } },
        evidence: registrationEvidence(input),
      },
    ];
  },
};
