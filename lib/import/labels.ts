import { normaliseSettlement } from '../domain/settlement';
import type { OrderSku, Settlement } from '../domain/types';
import { titleKey } from './columns';

/**
 * The words an orders export writes for its statuses and types (English and Indonesian labels as the page shows them,
 * and the API's own spellings), to the model's values. Keys are compared like column titles (`titleKey`).
 */

const SETTLEMENT_LABELS: Readonly<Record<string, string>> = {
  pending: 'TO_SETTLE',
  pendingsettlement: 'TO_SETTLE',
  tobesettled: 'TO_SETTLE',
  unsettled: 'TO_SETTLE',
  awaitingsettlement: 'TO_SETTLE',
  notsettled: 'TO_SETTLE',
  paid: 'SETTLED',
  completed: 'SETTLED',
  noteligible: 'INELIGIBLE',
  menunggupembayaran: 'AWAITING_PAYMENT',
  belumdibayar: 'AWAITING_PAYMENT',
  akandiselesaikan: 'TO_SETTLE',
  menunggupenyelesaian: 'TO_SETTLE',
  belumdiselesaikan: 'TO_SETTLE',
  diselesaikan: 'SETTLED',
  sudahdiselesaikan: 'SETTLED',
  selesai: 'SETTLED',
  tidakmemenuhisyarat: 'INELIGIBLE',
  tidakdapatdiselesaikan: 'INELIGIBLE',
  tidakdiketahui: 'UNKNOWN',
};

/**
 * A settlement status cell: the API spellings go through the orders surface's own normaliser (`To-SETTLE`,
 * `AWAITING PAYMENT`…); the page's labels in either language are mapped to those first. Undefined for a word we do
 * not know (the row is reported, not guessed).
 */
export function settlementOf(text: string): Settlement | undefined {
  const key = titleKey(text);
  const label = SETTLEMENT_LABELS[key];
  if (label) return normaliseSettlement(label);
  const normalised = normaliseSettlement(text);
  return normalised !== 'UNKNOWN' || key === 'unknown' || key === 'unspecified' ? normalised : undefined;
}

type ContentType = NonNullable<OrderSku['contentType']>;

const CONTENT_TYPES: Readonly<Record<string, ContentType>> = {
  shop: 'SHOP',
  showcase: 'SHOP',
  shoptab: 'SHOP',
  productcard: 'SHOP',
  etalase: 'SHOP',
  toko: 'SHOP',
  video: 'VIDEO',
  shoppablevideo: 'VIDEO',
  live: 'LIVE',
  livestream: 'LIVE',
  siaranlive: 'LIVE',
  prelive: 'PRE_LIVE',
  pralive: 'PRE_LIVE',
  sebelumlive: 'PRE_LIVE',
  promotionpage: 'PROMOTION_PAGE',
  halamanpromosi: 'PROMOTION_PAGE',
  linkshare: 'LINKSHARE',
  sharedlink: 'LINKSHARE',
  berbagitautan: 'LINKSHARE',
  tautan: 'LINKSHARE',
};

/** A content type cell; a type we do not know is `OTHER` with the text kept beside it. */
export function contentTypeOf(text: string): { contentType: ContentType; contentTypeRaw?: string } {
  const known = CONTENT_TYPES[titleKey(text)];
  return known ? { contentType: known } : { contentType: 'OTHER', contentTypeRaw: text.trim() };
}

const COLLABORATIONS: Readonly<Record<string, 'open' | 'target' | 'campaign'>> = {
  open: 'open',
  opencollaboration: 'open',
  openplan: 'open',
  kolaborasiterbuka: 'open',
  terbuka: 'open',
  target: 'target',
  targetcollaboration: 'target',
  targetedcollaboration: 'target',
  targetinvitation: 'target',
  kolaborasitarget: 'target',
  kolaborasitertarget: 'target',
  undangantarget: 'target',
  campaign: 'campaign',
  partnercampaign: 'campaign',
  tapcampaign: 'campaign',
  affiliatepartnercampaign: 'campaign',
  kampanyemitra: 'campaign',
  kampanyepartner: 'campaign',
};

export function collaborationKindOf(text: string): 'open' | 'target' | 'campaign' | undefined {
  return COLLABORATIONS[titleKey(text)];
}

const YES = new Set(['yes', 'y', 'true', '1', 'ya', 'refunded', 'fullyrefunded', 'dikembalikan']);
const NO = new Set(['no', 'n', 'false', '0', 'tidak', 'notrefunded', 'tidakdikembalikan']);

export function yesNoOf(text: string): 0 | 1 | undefined {
  const k = titleKey(text);
  if (YES.has(k)) return 1;
  if (NO.has(k)) return 0;
  return undefined;
}
