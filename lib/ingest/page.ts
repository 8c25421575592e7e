import { affiliateHost, shopFromUrl } from '../hosts';

const KEPT_PARAMS = ['shop_region', 'shop_id', 'tab', 'route_migration'];

/** The page as provenance: origin, path and the few parameters that say which page it was. Tokens and fingerprints go. */
export function sanitisePage(pageUrl: string): string {
  try {
    const url = new URL(pageUrl);
    const kept = new URLSearchParams();
    for (const k of KEPT_PARAMS) {
      const v = url.searchParams.get(k);
      if (v !== null && /^[\w.-]{1,32}$/.test(v)) kept.set(k, v);
    }
    const q = kept.toString();
    return `${url.origin}${url.pathname}${q ? `?${q}` : ''}`;
  } catch {
    return '';
  }
}

export interface ShopRef {
  key: string;
  region: string;
  sellerId?: string;
  host: string;
}

/** The shop a capture belongs to: the API call's own parameters first (the page adds `oec_seller_id`), then the page URL. */
export function shopOf(apiUrl: string, pageUrl: string): ShopRef {
  const page = safeUrl(pageUrl);
  const api = safeUrl(apiUrl, pageUrl);
  const fromApi = api ? shopFromUrl(api) : {};
  const fromPage = page ? shopFromUrl(page) : {};
  const region = fromApi.region ?? fromPage.region ?? 'XX';
  const sellerId = fromApi.sellerId ?? fromPage.sellerId;
  const host = (page && affiliateHost(page.hostname)?.host) ?? page?.hostname ?? '';
  return { key: shopKey(region, sellerId), region, sellerId, host };
}

export function shopKey(region: string, sellerId?: string): string {
  return `${region}:${sellerId ?? '-'}`;
}

function safeUrl(url: string, base?: string): URL | undefined {
  try {
    return new URL(url, base);
  } catch {
    return undefined;
  }
}
