import type { SampleContentFact } from '../../adapters/sample-performance';
import type { SampleRequestFact } from '../../adapters/types';
import { STAGE_OF } from '../../domain/sample-status';
import type { SampleContent, SampleRequest } from '../../domain/types';
import { mergeSampleRequest, type MergedRequest, type Sighting } from '../merge';
import { same, withinResolution } from '../repeat';
import { mergeAll, type Sink } from './sink';

/**
 * A cancellation the Cancelled tab lists without its reason (`CANCELLED`) never replaces the reason already known (a
 * `REJECT_CANCELLED` seen before): the raw codes still move on, so the sighting is recorded.
 */
function keepReason(prev: SampleRequest | undefined, fact: SampleRequestFact): SampleRequestFact {
  return fact.status === 'CANCELLED' && prev && prev.status !== 'CANCELLED' && STAGE_OF[prev.status] === 'cancelled' ? { ...fact, status: prev.status } : fact;
}

/**
 * What TikTok says of the request (its flags and scores), its sample's order and its review status: a sighting at least
 * as new as the stored request takes what it carries, and a flag seen again unchanged keeps when and where it was first
 * seen; a list that carries none of them never erases them.
 */
function mergeTikTok(prev: SampleRequest | undefined, m: MergedRequest, fact: SampleRequestFact, s: Sighting): MergedRequest {
  const newer = !prev || s.seenAt >= prev.lastSeenAt;
  const before = prev?.tiktok;
  const tiktok =
    newer && fact.tiktok && !(before && withinResolution(before.seenAt, s.seenAt) && same(before.value, fact.tiktok))
      ? { value: fact.tiktok, seenAt: s.seenAt, source: s.source }
      : before;
  const mainOrderId = (newer ? fact.mainOrderId : undefined) ?? prev?.mainOrderId ?? fact.mainOrderId;
  const reviewStatusRaw = (newer ? fact.reviewStatusRaw : undefined) ?? prev?.reviewStatusRaw ?? fact.reviewStatusRaw;
  return {
    ...m,
    request: { ...m.request, ...(tiktok && { tiktok }), ...(mainOrderId !== undefined && { mainOrderId }), ...(reviewStatusRaw !== undefined && { reviewStatusRaw }) },
  };
}

export const sampleRequestsSink: Sink<SampleRequestFact> = {
  keyOf: (f) => f.applyId,
  table: 'sampleRequests',
  apply: async ({ tables, sighting, history }, facts) => {
    const prev = await tables.sampleRequests.bulkGet(facts.map((f) => f.applyId));
    const merged = facts.map((f, i) => {
      const fact = keepReason(prev[i], f);
      return { ...mergeTikTok(prev[i], mergeSampleRequest(prev[i], fact, sighting), fact, sighting), prev: prev[i] };
    });
    for (const { request } of merged) {
      // Refundable progress (units sold toward the goal) is dated each time it changes.
      if (request.refundable) request.snapshotHash = history.snapshot('sampleRequest', request.applyId, { refundable: request.refundable }, request.snapshotHash);
    }
    await tables.sampleRequests.bulkPut(merged.map((m) => m.request));
    for (const m of merged) {
      if (m.statusChanged) history.transition('sampleRequest', m.request.applyId, m.prev?.status, m.request.status, m.request.statusRaw);
    }
  },
};

/** What a sighting says about a content's counts; a field it does not carry keeps the stored value. */
export function mergeSampleContent(prev: SampleContent | undefined, fact: SampleContentFact, s: Sighting): SampleContent {
  const newer = !prev || s.seenAt >= prev.lastSeenAt;
  const pick = <K extends keyof SampleContentFact & keyof SampleContent>(k: K) => (newer ? fact[k] : undefined) ?? prev?.[k] ?? fact[k];
  return {
    contentId: fact.contentId,
    applyId: pick('applyId'),
    shopKey: prev?.shopKey ?? s.shopKey,
    creatorHandle: newer ? fact.creatorHandle : prev.creatorHandle,
    productId: pick('productId'),
    format: newer ? fact.format : prev.format,
    postedAt: pick('postedAt'),
    liveEndAt: pick('liveEndAt'),
    description: pick('description'),
    url: pick('url'),
    views: pick('views'),
    likes: pick('likes'),
    comments: pick('comments'),
    paidOrders: pick('paidOrders'),
    snapshotHash: prev?.snapshotHash,
    firstSeenAt: Math.min(prev?.firstSeenAt ?? s.seenAt, s.seenAt),
    lastSeenAt: Math.max(prev?.lastSeenAt ?? s.seenAt, s.seenAt),
    source: newer ? s.source : prev.source,
  };
}

export const sampleContentsSink: Sink<SampleContentFact> = {
  keyOf: (f) => f.contentId,
  table: 'sampleContents',
  apply: async ({ tables, sighting, history }, facts) => {
    await mergeAll<SampleContent, SampleContentFact>(tables.sampleContents, facts, (f) => f.contentId, (prev, f) => {
      const next = mergeSampleContent(prev, f, sighting);
      const { views, likes, comments, paidOrders } = next;
      // Views, likes, comments and paid orders grow after posting: dated each time they change.
      next.snapshotHash = history.snapshot('sampleContent', next.contentId, { views, likes, comments, paidOrders }, next.snapshotHash);
      return next;
    });
  },
};
