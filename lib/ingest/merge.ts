import type { CreatorFact, ProductFact, SampleRequestFact, SkuFact } from '../adapters/types';
import { metricSightings } from '../domain/creator-metrics';
import { DEADLINE_KIND, STAGE_OF } from '../domain/sample-status';
import type { Creator, Deadline, Observed, Product, SampleRequest, Sku, SourceRef } from '../domain/types';
import { same, withinResolution } from './repeat';

/**
 * Pure merge rules: a fact seen at `seenAt` meets what the model already holds. A fact older than what is stored never
 * overwrites it (a capture re-sent after the service worker restarted may arrive late), and merging the same fact twice
 * gives the same entity.
 */

export interface Sighting {
  seenAt: number;
  source: SourceRef;
  shopKey: string;
}

/** A deadline re-derived from a later `expired_in` moves by the network's jitter; within this it is the same deadline. */
export const DEADLINE_TOLERANCE_MS = 60_000;

function observed<T>(prev: Observed<T> | undefined, value: T | undefined, s: Sighting): Observed<T> | undefined {
  if (value === undefined) return prev;
  if (prev && (prev.seenAt > s.seenAt || (withinResolution(prev.seenAt, s.seenAt) && same(prev.value, value)))) return prev;
  return { value, seenAt: s.seenAt, source: s.source };
}

const span = (prev: { firstSeenAt: number; lastSeenAt: number } | undefined, seenAt: number) => ({
  firstSeenAt: Math.min(prev?.firstSeenAt ?? seenAt, seenAt),
  lastSeenAt: Math.max(prev?.lastSeenAt ?? seenAt, seenAt),
});

/** Contact channels as the newest sighting that showed them lists them; a creator never seen with any has no such key. */
function contactChannelsOf(newer: boolean, prev: Creator | undefined, fact: CreatorFact): Pick<Creator, 'contactChannels'> {
  const channels = (newer ? fact.contactChannels : undefined) ?? prev?.contactChannels ?? fact.contactChannels;
  return channels ? { contactChannels: channels } : {};
}

export function mergeCreator(prev: Creator | undefined, fact: CreatorFact, s: Sighting): Creator {
  const newer = !prev || s.seenAt >= prev.lastSeenAt;
  const metrics = observed(prev?.metrics, fact.metrics && { ...prev?.metrics?.value, ...fact.metrics }, s);
  // Each figure keeps the sighting of the page that last showed it, not of the last page that showed any figure.
  const metricSources =
    metrics === prev?.metrics
      ? prev?.metricSources
      : { ...(prev && metricSightings(prev)), ...Object.fromEntries(Object.keys(fact.metrics ?? {}).map((k) => [k, { seenAt: s.seenAt, source: s.source }])) };
  return {
    handle: fact.handle,
    nickname: (newer ? fact.nickname : undefined) ?? prev?.nickname ?? fact.nickname,
    aliases: [...new Set([...(prev?.aliases ?? []), ...fact.aliases])].sort(),
    followerCount: observed(prev?.followerCount, fact.followerCount ?? fact.metrics?.followers, s),
    fulfillmentBps: observed(prev?.fulfillmentBps, fact.fulfillmentBps ?? fact.metrics?.fulfillmentBps, s),
    metrics,
    ...(metricSources && { metricSources }),
    categories: (newer ? fact.categories : undefined) ?? prev?.categories ?? fact.categories,
    region: (newer ? fact.region : undefined) ?? prev?.region ?? fact.region,
    ...contactChannelsOf(newer, prev, fact),
    snapshotHash: prev?.snapshotHash,
    ...span(prev, s.seenAt),
  };
}

/** The category a newer sighting names, else the one stored: a page that shows none never erases it. */
function categoryOf(newer: boolean, prev: Product | undefined, fact: ProductFact): Pick<Product, 'categoryId' | 'categoryName'> {
  const from = (newer && fact.categoryId !== undefined ? fact : undefined) ?? (prev?.categoryId !== undefined ? prev : fact);
  return {
    ...(from.categoryId !== undefined && { categoryId: from.categoryId }),
    ...(from.categoryName !== undefined && { categoryName: from.categoryName }),
  };
}

export function mergeProduct(prev: Product | undefined, fact: ProductFact, s: Sighting): Product {
  const newer = !prev || s.seenAt >= prev.lastSeenAt;
  return {
    productId: fact.productId,
    shopKey: prev?.shopKey ?? s.shopKey,
    title: newer ? fact.title : prev.title,
    price: (newer ? fact.price : undefined) ?? prev?.price ?? fact.price,
    ...categoryOf(newer, prev, fact),
    source: newer ? s.source : prev.source,
    ...span(prev, s.seenAt),
  };
}

export function mergeSku(prev: Sku | undefined, fact: SkuFact, s: Sighting): Sku {
  const newer = !prev || s.seenAt >= prev.lastSeenAt;
  return {
    skuId: fact.skuId,
    productId: fact.productId,
    description: (newer ? fact.description : undefined) ?? prev?.description ?? fact.description,
    stock: (newer ? fact.stock : undefined) ?? prev?.stock ?? fact.stock,
    lastSeenAt: Math.max(prev?.lastSeenAt ?? s.seenAt, s.seenAt),
  };
}

function deadlineOf(fact: SampleRequestFact, seenAt: number, prev: Deadline | undefined): Deadline | undefined {
  const kind = DEADLINE_KIND[STAGE_OF[fact.status]];
  if (!kind || fact.expiresInMs === undefined || fact.expiresInMs <= 0) return undefined;
  const at = seenAt + fact.expiresInMs;
  if (prev && prev.kind === kind && Math.abs(prev.at - at) < DEADLINE_TOLERANCE_MS) return prev;
  return { kind, at, seenAt };
}

export interface MergedRequest {
  request: SampleRequest;
  /** Set when this sighting is the first of a status for the request. */
  statusChanged: boolean;
}

type Refundable = NonNullable<SampleRequest['refundable']>;

/**
 * Refundable progress, field by field: a sighting at least as new as the stored request overwrites what it carries, an
 * older one only fills what is missing. The group list carries none of it, so it never erases what the refundable list
 * showed.
 */
function mergeRefundable(prev: SampleRequest | undefined, fact: SampleRequestFact, s: Sighting): Refundable | undefined {
  if (!fact.refundable) return prev?.refundable;
  const defined = (r: Refundable | undefined) => Object.fromEntries(Object.entries(r ?? {}).filter(([, v]) => v !== undefined)) as Refundable;
  const newer = !prev || s.seenAt >= prev.lastSeenAt;
  return newer ? { ...defined(prev?.refundable), ...defined(fact.refundable) } : { ...defined(fact.refundable), ...defined(prev.refundable) };
}

export function mergeSampleRequest(prev: SampleRequest | undefined, fact: SampleRequestFact, s: Sighting): MergedRequest {
  const refundable = mergeRefundable(prev, fact, s);
  // An older sighting, or one whose status we cannot read, never replaces a known status.
  if (prev && (s.seenAt < prev.statusSeenAt || (fact.status === 'UNKNOWN' && prev.status !== 'UNKNOWN'))) {
    return { request: { ...prev, ...(refundable && { refundable }), ...span(prev, s.seenAt) }, statusChanged: false };
  }
  const statusChanged = !prev || prev.status !== fact.status || prev.statusRaw !== fact.statusRaw;
  return {
    statusChanged,
    request: {
      applyId: fact.applyId,
      shopKey: prev?.shopKey ?? s.shopKey,
      creatorHandle: fact.creatorHandle,
      productId: fact.productId,
      skuId: fact.skuId ?? prev?.skuId,
      groupId: fact.groupId ?? prev?.groupId,
      status: fact.status,
      statusRaw: fact.statusRaw,
      statusSeenAt: statusChanged ? s.seenAt : prev.statusSeenAt,
      sampleType: fact.sampleType ?? prev?.sampleType,
      commissionBps: fact.commissionBps ?? prev?.commissionBps,
      appliedAt: fact.appliedAt ?? prev?.appliedAt,
      deadline: deadlineOf(fact, s.seenAt, statusChanged ? undefined : prev?.deadline),
      // Only refundable samples carry these keys.
      ...(refundable && { refundable }),
      ...(prev?.snapshotHash !== undefined && { snapshotHash: prev.snapshotHash }),
      source: s.source,
      ...span(prev, s.seenAt),
    },
  };
}
