/**
 * Affiliate Center hosts (research/domain.md §2.1) and the facts a URL tells us about the shop.
 * This module is imported by the manifest config, the page-world hook and the simulator, so it stays dependency-free.
 */

export interface AffiliateHost {
  host: string;
  /** Region implied by the host alone; `undefined` when the host serves many regions (`shop_region=` decides). */
  region?: string;
  /** Whether every Affiliate Center path is prefixed with `/affiliate` on this host. */
  prefixed?: boolean;
}

export const AFFILIATE_HOSTS: readonly AffiliateHost[] = [
  { host: 'affiliate-us.tiktok.com', region: 'US' },
  { host: 'affiliate.tiktok.com' },
  { host: 'affiliate-id.tokopedia.com', region: 'ID' },
  { host: 'affiliate.tiktokshopglobalselling.com', prefixed: true },
  { host: 'affiliate.tiktokglobalshop.com', prefixed: true },
];

/** Match patterns for manifests and script registration. */
export const AFFILIATE_MATCHES: readonly string[] = AFFILIATE_HOSTS.map((h) => `https://${h.host}/*`);

export function affiliateHost(hostname: string): AffiliateHost | undefined {
  return AFFILIATE_HOSTS.find((h) => h.host === hostname);
}

const REGION = /^[A-Z]{2}$/;

/** Shop identity as far as a URL can tell: region from `shop_region`/`oec_region` or the host, seller id from `shop_id`/`oec_seller_id`. */
export function shopFromUrl(url: URL): { region?: string; sellerId?: string } {
  const q = url.searchParams;
  const regionParam = (q.get('shop_region') ?? q.get('oec_region') ?? '').toUpperCase();
  const region = REGION.test(regionParam) ? regionParam : affiliateHost(url.hostname)?.region;
  const seller = q.get('shop_id') ?? q.get('oec_seller_id') ?? undefined;
  const sellerId = seller && /^\d{1,24}$/.test(seller) ? seller : undefined;
  return { region, sellerId };
}
