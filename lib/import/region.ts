import { currencyOfRegion, regionOfShopKey } from '../domain/currency';

/**
 * The time zone Affiliate Center shows a shop's times in, by `shop_region` (our assumption: the region's main business
 * zone; TikTok Shop US reports in Pacific time). Exports write times without an offset, so they are read in this zone.
 */
const ZONE_OF_REGION: Readonly<Record<string, string>> = {
  US: 'America/Los_Angeles',
  GB: 'Europe/London',
  IE: 'Europe/Dublin',
  DE: 'Europe/Berlin',
  FR: 'Europe/Paris',
  IT: 'Europe/Rome',
  ES: 'Europe/Madrid',
  NL: 'Europe/Amsterdam',
  BE: 'Europe/Brussels',
  AT: 'Europe/Vienna',
  GR: 'Europe/Athens',
  PT: 'Europe/Lisbon',
  PL: 'Europe/Warsaw',
  CZ: 'Europe/Prague',
  HU: 'Europe/Budapest',
  ID: 'Asia/Jakarta',
  MY: 'Asia/Kuala_Lumpur',
  SG: 'Asia/Singapore',
  VN: 'Asia/Ho_Chi_Minh',
  TH: 'Asia/Bangkok',
  PH: 'Asia/Manila',
  SA: 'Asia/Riyadh',
  MX: 'America/Mexico_City',
  BR: 'America/Sao_Paulo',
  JP: 'Asia/Tokyo',
};

/** Regions whose people write a date month first (`01/31/2025`); everyone else writes the day first. */
const MONTH_FIRST = new Set(['US']);

/** What an import needs to know about the shop the seller picked: how its numbers, money and times are written. */
export interface ShopLocale {
  shopKey: string;
  region: string;
  /** The shop's currency, for amounts written without a symbol; `undefined` for a region we do not know. */
  currency?: string;
  zone: string;
  monthFirst: boolean;
}

export function shopLocale(shopKey: string): ShopLocale {
  const region = regionOfShopKey(shopKey).toUpperCase();
  return {
    shopKey,
    region,
    currency: currencyOfRegion(region),
    zone: ZONE_OF_REGION[region] ?? 'UTC',
    monthFirst: MONTH_FIRST.has(region),
  };
}
