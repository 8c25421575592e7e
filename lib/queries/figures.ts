import { Dexie } from 'dexie';
import type { CreatorMarks } from '../creators/model';
import type { AppDB } from '../db/app-db';
import { CONTENT_STATUSES, SENT_STATUSES, type SampleStatus } from '../domain/sample-status';
import type { Creator, CreatorMetrics, Deadline, Observed, SourceRef, TikTokView, TriageMark } from '../domain/types';

/** What the badge and the side panel say about one request, with where each figure came from. */
export interface RequestFigure {
  applyId: string;
  productId: string;
  productTitle?: string;
  status: SampleStatus;
  deadline?: Deadline;
  lastSeenAt: number;
  source: SourceRef;
  /** The seller's triage mark on the request (side panel), if any. */
  mark?: TriageMark['mark'];
  /** What TikTok itself says of the request (can it be approved, its predicted ROI), where and when seen. */
  tiktok?: Observed<TikTokView>;
}

/** The seller's own marks on a creator, as the page badges show them. */
export type MarksView = Pick<CreatorMarks, 'tags' | 'note' | 'watch' | 'blocked'>;

/** What Collab Lens knows about one creator for one shop. */
export interface CreatorFigures {
  handle: string;
  nickname?: string;
  /** The seller's tags, note, watch and block marks (lib/creators/marks.ts), when set. */
  marks?: MarksView;
  fulfillment?: Observed<number>;
  /** The creator's public figures as last seen (followers, GMV, items sold…), with the page and time. */
  metrics?: Observed<CreatorMetrics>;
  /** Where and when each of those figures was seen. */
  metricSources?: Creator['metricSources'];
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

/**
 * The seller's marks on these requests. Inside a caller's transaction that does not cover `triageMarks` (a query that
 * needs no marks), none are read: reading outside its scope would fail the caller's transaction.
 */
async function marksOf(db: AppDB, applyIds: readonly string[]): Promise<Map<string, TriageMark['mark']>> {
  const tx = Dexie.currentTransaction;
  if (tx && !tx.storeNames.includes('triageMarks')) return new Map();
  const marks = await db.triageMarks.bulkGet([...applyIds]);
  return new Map(marks.flatMap((m) => (m ? [[m.applyId, m.mark] as const] : [])));
}

/** The seller's marks on these creators, by handle; none inside a caller's transaction that does not cover them. */
export async function creatorMarksOf(db: AppDB, handles: readonly string[]): Promise<Map<string, MarksView>> {
  const tx = Dexie.currentTransaction;
  if (tx && !tx.storeNames.includes('creatorMarks')) return new Map();
  const marks = await db.creatorMarks.bulkGet([...handles]);
  return new Map(marks.flatMap((m) => (m ? [[m.handle, { tags: m.tags, ...(m.note ? { note: m.note } : {}), watch: m.watch, blocked: m.blocked }] as const] : [])));
}

export async function creatorFigures(db: AppDB, shopKey: string, handles: readonly string[]): Promise<CreatorFigures[]> {
  const unique = [...new Set(handles)];
  const creators = await db.creators.bulkGet(unique);
  const creatorMarks = await creatorMarksOf(db, unique);
  const perCreator = await Promise.all(
    unique.map((h) => db.sampleRequests.where('[shopKey+creatorHandle]').equals([shopKey, h]).toArray()),
  );
  const productIds = [...new Set(perCreator.flat().map((r) => r.productId))];
  const products = await db.products.bulkGet(productIds);
  const titles = new Map(products.flatMap((p) => (p ? [[p.productId, p.title] as const] : [])));
  const marks = await marksOf(db, perCreator.flat().map((r) => r.applyId));

  return unique.flatMap((handle, i) => {
    const creator = creators[i];
    const requests = perCreator[i] ?? [];
    if (!creator) return [];
    const seenTimes = requests.map((r) => r.firstSeenAt);
    return [
      {
        handle,
        nickname: creator.nickname,
        ...(creatorMarks.has(handle) && { marks: creatorMarks.get(handle) }),
        fulfillment: creator.fulfillmentBps,
        ...(creator.metrics && { metrics: creator.metrics }),
        ...(creator.metricSources && { metricSources: creator.metricSources }),
        history: {
          seen: requests.length,
          sent: requests.filter((r) => SENT_STATUSES.has(r.status)).length,
          withContent: requests.filter((r) => CONTENT_STATUSES.has(r.status)).length,
          firstSeenAt: seenTimes.length ? Math.min(...seenTimes) : undefined,
          lastSeenAt: requests.length ? Math.max(...requests.map((r) => r.lastSeenAt)) : undefined,
        },
        requests: requests.map((r): RequestFigure => ({
          applyId: r.applyId,
          productId: r.productId,
          productTitle: titles.get(r.productId),
          status: r.status,
          deadline: r.deadline,
          lastSeenAt: r.lastSeenAt,
          source: r.source,
          mark: marks.get(r.applyId),
          ...(r.tiktok && { tiktok: r.tiktok }),
        })),
      },
    ];
  });
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
