import type { Registration } from '../domain/types';
import type { FindingDraft, Param, Rule, Texts } from './types';
import { registrationEvidence, registrationNames, type RegistrationInput } from './util';

/**
 * A product registration in a partner campaign that did not go through (domain.md §1.8): rejected by the partner, with
 * the partner's reason codes (COMMISSION_TOO_LOW, PRODUCT_TOO_EXPENSIVE, PRODUCT_HARD_TO_PROMOTE, NO_SUITABLE_CREATOR)
 * or shown text; rejected for good ("blocked", REJECT_FOREVER); or a cancellation the seller asked for that the partner
 * has not confirmed (PENDING_CLOSED). A rejection is worth acting on only while the campaign still takes registrations,
 * so rejected and blocked registrations are shown until its registration window closes; a pending cancellation is shown
 * until the partner answers.
 */

const MESSAGES = {
  'commission-requirement': {
    en: '{product} was rejected from {campaign} because its commission is too low. Raise the total commission from {commission} to at least {required}, the campaign’s requirement, and register it again.',
    id: '{product} ditolak dari {campaign} karena komisinya terlalu rendah. Naikkan total komisi dari {commission} menjadi minimal {required} sesuai syarat kampanye, lalu daftarkan lagi.',
  },
  commission: {
    en: '{product} was rejected from {campaign} because its commission is too low. Offer a higher total commission than before and register it again.',
    id: '{product} ditolak dari {campaign} karena komisinya terlalu rendah. Tawarkan total komisi yang lebih tinggi dari sebelumnya, lalu daftarkan lagi.',
  },
  price: {
    en: '{product} was rejected from {campaign} because the partner found it too expensive. Lower its price or add a discount for the campaign, then register it again.',
    id: '{product} ditolak dari {campaign} karena menurut mitra harganya terlalu mahal. Turunkan harganya atau beri diskon untuk kampanye ini, lalu daftarkan lagi.',
  },
  'hard-to-promote': {
    en: '{product} was rejected from {campaign} because the partner found it hard to promote. Give creators more to work with, such as clearer selling points, better photos or free samples, then register it again.',
    id: '{product} ditolak dari {campaign} karena menurut mitra produk ini sulit dipromosikan. Beri kreator bahan yang lebih kuat, misalnya keunggulan produk yang lebih jelas, foto yang lebih baik, atau sampel gratis, lalu daftarkan lagi.',
  },
  'no-creator': {
    en: '{product} was rejected from {campaign} because the partner has no suitable creator for it. Register it in a campaign of a partner whose creators work in its category.',
    id: '{product} ditolak dari {campaign} karena mitra tidak punya kreator yang cocok untuk produk ini. Daftarkan ke kampanye mitra lain yang kreatornya bergerak di kategori produk ini.',
  },
  reason: {
    en: 'The partner rejected {product} from {campaign} with this reason: “{reason}”. Change what it asks for and register the product again.',
    id: 'Mitra menolak {product} dari {campaign} dengan alasan: “{reason}”. Ubah sesuai permintaannya, lalu daftarkan produk ini lagi.',
  },
  rejected: {
    en: 'The partner rejected {product} from {campaign}. Read the reason on the Partner campaigns page, change what it asks for and register the product again.',
    id: 'Mitra menolak {product} dari {campaign}. Baca alasannya di halaman Kampanye mitra, ubah sesuai permintaannya, lalu daftarkan produk ini lagi.',
  },
  blocked: {
    en: 'The partner blocked {product} from {campaign}: it cannot be registered in this campaign again. Register it in another campaign instead.',
    id: 'Mitra memblokir {product} dari {campaign}: produk ini tidak bisa didaftarkan lagi ke kampanye ini. Daftarkan ke kampanye lain.',
  },
  'cancel-requested': {
    en: 'You asked to cancel {product} in {campaign} and the partner has not confirmed it yet. Until it does, the product stays registered and partners may still request its samples, which are approved automatically.',
    id: 'Anda meminta pembatalan {product} di {campaign} dan mitra belum mengonfirmasinya. Selama belum dikonfirmasi, produk tetap terdaftar dan mitra masih bisa meminta sampelnya, yang disetujui otomatis.',
  },
} as const satisfies Record<string, Texts>;

type Variant = keyof typeof MESSAGES;

/** The partner's reason codes, most actionable first: the one the seller can change directly leads. */
const REASONS = ['COMMISSION_TOO_LOW', 'PRODUCT_TOO_EXPENSIVE', 'PRODUCT_HARD_TO_PROMOTE', 'NO_SUITABLE_CREATOR'] as const;
type Reason = (typeof REASONS)[number];

const VARIANT_OF_REASON: Readonly<Record<Exclude<Reason, 'COMMISSION_TOO_LOW'>, Variant>> = {
  PRODUCT_TOO_EXPENSIVE: 'price',
  PRODUCT_HARD_TO_PROMOTE: 'hard-to-promote',
  NO_SUITABLE_CREATOR: 'no-creator',
};

function leadingReason(codes: readonly string[] | undefined): Reason | undefined {
  const normal = new Set((codes ?? []).map((c) => c.trim().toUpperCase()));
  return REASONS.find((r) => normal.has(r));
}

/** Which sentence a rejection gets: the partner's leading reason code, else its text, else none. */
function rejectedVariant(r: Registration, requiredBps: number | undefined): { variant: Variant; params: Record<string, Param> } {
  const reason = leadingReason(r.rejectCodes);
  if (reason === 'COMMISSION_TOO_LOW') {
    const commission = r.totalCommissionBps;
    return commission !== undefined && requiredBps !== undefined && commission < requiredBps
      ? { variant: 'commission-requirement', params: { commission: { bps: commission }, required: { bps: requiredBps } } }
      : { variant: 'commission', params: {} };
  }
  if (reason) return { variant: VARIANT_OF_REASON[reason], params: {} };
  const text = r.rejectReason?.trim();
  return text ? { variant: 'reason', params: { reason: text } } : { variant: 'rejected', params: {} };
}

/** The campaign still takes registrations: its window has not closed (or Collab Lens has not seen when it closes). */
const registrationOpen = (input: RegistrationInput, now: number) => {
  const end = input.campaign?.registrationEndAt;
  return end === undefined || end > now;
};

export const registrationRejected: Rule<RegistrationInput, Record<never, number>> = {
  id: 'registration-rejected',
  title: {
    en: 'Partner campaign registration rejected, blocked or waiting for cancellation',
    id: 'Pendaftaran kampanye mitra ditolak, diblokir, atau menunggu pembatalan',
  },
  explanation: {
    en: 'A partner reviews every product you register in its campaign. When it rejects one with a reason, Collab Lens suggests what to change so you can register it again while the campaign still takes registrations: a higher commission, a lower price, more for creators to work with, or a partner with suitable creators. A product the partner blocked cannot be registered in that campaign again. A cancellation you asked for waits for the partner, and until then the product and its automatically approved samples stay in the campaign.',
    id: 'Mitra meninjau setiap produk yang Anda daftarkan ke kampanyenya. Jika mitra menolak dengan alasan tertentu, Collab Lens menyarankan apa yang perlu diubah agar Anda bisa mendaftarkannya lagi selama kampanye masih menerima pendaftaran: komisi lebih tinggi, harga lebih rendah, bahan promosi yang lebih kuat untuk kreator, atau mitra dengan kreator yang cocok. Produk yang diblokir mitra tidak bisa didaftarkan lagi ke kampanye itu. Pembatalan yang Anda minta menunggu konfirmasi mitra, dan sampai saat itu produk beserta sampel yang disetujui otomatis tetap ada di kampanye.',
  },
  message: {
    en: 'Check the registration of {product} in {campaign}: the partner rejected it or has not yet confirmed your cancellation.',
    id: 'Periksa pendaftaran {product} di {campaign}: mitra menolaknya atau belum mengonfirmasi pembatalan Anda.',
  },
  variantMessages: MESSAGES,
  severity: 'medium',
  subject: 'registration',
  thresholds: {},
  timeBased: true,
  input: 'registrations',
  check(input, { now }) {
    const r = input.registration;
    const finding = (variant: Variant, params: Record<string, Param>, severity?: FindingDraft['severity']): FindingDraft[] => [
      {
        subject: 'registration',
        subjectKey: r.key,
        shopKey: r.shopKey,
        variant,
        params: { ...registrationNames(input), productId: r.productId, campaignId: r.campaignId, ...params },
        evidence: registrationEvidence(input),
        ...(severity ? { severity } : {}),
      },
    ];
    switch (r.state) {
      case 'REJECTED': {
        if (!registrationOpen(input, now)) return [];
        const { variant, params } = rejectedVariant(r, input.campaign?.commissionRequirementBps);
        return finding(variant, params);
      }
      case 'REJECTED_BLOCKED':
        return registrationOpen(input, now) ? finding('blocked', {}, 'low') : [];
      case 'CANCEL_REQUESTED':
        return finding('cancel-requested', {});
      default:
        return [];
    }
  },
};
