import type { AppDB } from '../db/app-db';
import { CONTENT_STATUSES, SENT_STATUSES, type SampleStatus } from '../domain/sample-status';
import type { Deadline, Observed, SourceRef } from '../domain/types';

/** What the badge and the side panel say about one request, with where each figure came from. */
export interface RequestFigure {
  applyId: string;
  productId: string;
  productTitle?: string;
  status: SampleStatus;
  deadline?: Deadline;
  lastSeenAt: number;
  source: SourceRef;
}

/** What Collab Lens knows about one creator for one shop. */
export interface CreatorFigures {
  handle: string;
  nickname?: string;
  fulfillment?: Observed<number>;
  /** This shop's samples to the creator, over the requests Collab Lens has seen. */
  history: {
    seen: number;
    sent: number;
    withContent: number;
    firstSeenAt?: number;
    lastSeenAt?: number;
  };
  requests: RequestFigure[];
}

export async function creatorFigures(db: AppDB, shopKey: string, handles: readonly string[]): Promise<CreatorFigures[]> {
  const unique = [...new Set(handles)];
  const creators = await db.creators.bulkGet(unique);
  const perCreator = await Promise.all(
    unique.map((h) => db.sampleRequests.where('[shopKey+creatorHandle]').equals([shopKey, h]).toArray()),
  );
  const productIds = [...new Set(perCreator.flat().map((r) => r.productId))];
  const products = await db.products.bulkGet(productIds);
  const titles = new Map(products.flatMap((p) => (p ? [[p.productId, p.title] as const] : [])));

  return unique.flatMap((handle, i) => {
    const creator = creators[i];
    const requests = perCreator[i] ?? [];
    if (!creator) return [];
    const seenTimes = requests.map((r) => r.firstSeenAt);
    return [
      {
        handle,
        nickname: creator.nickname,
        fulfillment: creator.fulfillmentBps,
        history: {
          seen: requests.length,
          sent: requests.filter((r) => SENT_STATUSES.has(r.status)).length,
          withContent: requests.filter((r) => CONTENT_STATUSES.has(r.status)).length,
          firstSeenAt: seenTimes.length ? Math.min(...seenTimes) : undefined,
          lastSeenAt: requests.length ? Math.max(...requests.map((r) => r.lastSeenAt)) : undefined,
        },
        requests: requests.map((r) => ({
          applyId: r.applyId,
          productId: r.productId,
          productTitle: titles.get(r.productId),
          status: r.status,
          deadline: r.deadline,
          lastSeenAt: r.lastSeenAt,
          source: r.source,
        })),
      },
    ];
  });
}

export interface PendingItem {
  request: RequestFigure;
  creator: CreatorFigures;
}

/** The review queue: pending requests of a shop, soonest review deadline first (unknown deadlines last). */
export async function pendingQueue(db: AppDB, shopKey: string): Promise<PendingItem[]> {
  const pending = await db.sampleRequests.where('[shopKey+status]').equals([shopKey, 'PENDING']).toArray();
  const figures = await creatorFigures(
    db,
    shopKey,
    pending.map((r) => r.creatorHandle),
  );
  const byHandle = new Map(figures.map((f) => [f.handle, f]));
  return pending
    .flatMap((r) => {
      const creator = byHandle.get(r.creatorHandle);
      const request = creator?.requests.find((x) => x.applyId === r.applyId);
      return creator && request ? [{ request, creator }] : [];
    })
    .sort((a, b) => (a.request.deadline?.at ?? Infinity) - (b.request.deadline?.at ?? Infinity));
}

export interface ShopSummary {
  shopKey: string;
  region: string;
  host: string;
  byStatus: Partial<Record<SampleStatus, number>>;
  requests: number;
  creators: number;
  products: number;
  lastCapturedAt: number;
}

export async function shopSummary(db: AppDB, shopKey: string): Promise<ShopSummary | undefined> {
  const shop = await db.shops.get(shopKey);
  if (!shop) return undefined;
  const requests = await db.sampleRequests.where('shopKey').equals(shopKey).toArray();
  const byStatus: Partial<Record<SampleStatus, number>> = {};
  for (const r of requests) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  return {
    shopKey,
    region: shop.region,
    host: shop.host,
    byStatus,
    requests: requests.length,
    creators: new Set(requests.map((r) => r.creatorHandle)).size,
    products: await db.products.where('shopKey').equals(shopKey).count(),
    lastCapturedAt: shop.lastSeenAt,
  };
}
