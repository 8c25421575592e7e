import type { AppDB } from '../db/app-db';
import type { Shop } from '../domain/types';
import { affiliateHost, shopFromUrl } from '../hosts';
import { shopKey } from '../ingest/page';

/**
 * The shop a tab is about. On an Affiliate Center page: the shop its URL names, or the most recently seen shop of its
 * region on that host when the URL carries no shop id. Elsewhere: the most recently seen shop.
 */
export async function resolveShop(db: AppDB, tabUrl: string | undefined): Promise<Shop | undefined> {
  const url = tabUrl ? safeUrl(tabUrl) : undefined;
  const host = url && affiliateHost(url.hostname);
  if (!url || !host) return db.shops.orderBy('lastSeenAt').last();
  const { region, sellerId } = shopFromUrl(url);
  if (region && sellerId) {
    const exact = await db.shops.get(shopKey(region, sellerId));
    if (exact) return exact;
  }
  const candidates = await db.shops.orderBy('lastSeenAt').reverse().toArray();
  return candidates.find((s) => s.host === host.host && (!region || s.region === region) && (!sellerId || s.sellerId === sellerId));
}

function safeUrl(s: string): URL | undefined {
  try {
    return new URL(s);
  } catch {
    return undefined;
  }
}
