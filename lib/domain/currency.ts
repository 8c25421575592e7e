/**
 * The currency a shop sells in, by `shop_region`: the regions TikTok Shop serves (research/domain.md §1.1, the Compass
 * region list). Used where Affiliate Center sends a bare decimal amount "in the shop currency" and the currency itself
 * is not in the data; a region not listed here gives no currency, so such an amount is not stored rather than guessed.
 */
const CURRENCY_OF_REGION: Readonly<Record<string, string>> = {
  US: 'USD',
  GB: 'GBP',
  IE: 'EUR',
  DE: 'EUR',
  FR: 'EUR',
  IT: 'EUR',
  ES: 'EUR',
  NL: 'EUR',
  BE: 'EUR',
  AT: 'EUR',
  GR: 'EUR',
  PT: 'EUR',
  PL: 'PLN',
  CZ: 'CZK',
  HU: 'HUF',
  ID: 'IDR',
  MY: 'MYR',
  SG: 'SGD',
  VN: 'VND',
  TH: 'THB',
  PH: 'PHP',
  SA: 'SAR',
  MX: 'MXN',
  BR: 'BRL',
  JP: 'JPY',
};

export function currencyOfRegion(region: string): string | undefined {
  const key = region.toUpperCase();
  return Object.hasOwn(CURRENCY_OF_REGION, key) ? CURRENCY_OF_REGION[key] : undefined;
}

/** The region part of a shop key (`REGION:sellerId`). */
export function regionOfShopKey(shopKey: string): string {
  return shopKey.split(':')[0] ?? '';
}
