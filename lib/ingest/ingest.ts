import { ADAPTERS } from '../adapters';
import { emptyRecords, type AdapterResult, type Rejection } from '../adapters/types';
import { endpointOf } from '../capture/endpoints';
import type { Capture } from '../capture/schema';
import { ingestTables, type AppDB } from '../db/app-db';
import type { EndpointStat, Observation, Shop } from '../domain/types';
import { fnv1a52 } from './hash';
import { mergeCreator, mergeProduct, mergeSampleRequest, mergeSku, type Sighting } from './merge';
import { sanitisePage, shopOf, type ShopRef } from './page';

export interface IngestSummary {
  accepted: number;
  rejected: number;
  /** Shops and creators the batch touched, so the page overlay knows what to look for. */
  shops: string[];
  handles: string[];
}

interface Plan {
  endpoint: string;
  shop: ShopRef;
  sighting: Sighting;
  result: AdapterResult;
  observationId: string;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Validate and map one capture. Pure: nothing is written here. Captures of endpoints we do not read give no plan. */
export function planCapture(c: Capture): Plan | undefined {
  const endpoint = endpointOf(c.url);
  if (!endpoint) return undefined;
  const response = parseJson(c.responseText);
  const requestBody = c.requestBody === undefined ? undefined : parseJson(c.requestBody);
  const result: AdapterResult = response.ok
    ? ADAPTERS[endpoint].parse(response.value, requestBody?.ok ? requestBody.value : undefined)
    : { records: emptyRecords(), accepted: 0, rejections: [{ path: '(body)', code: 'invalid_json' }] };
  const shop = shopOf(c.url, c.pageUrl);
  const page = sanitisePage(c.pageUrl);
  const keys = result.records.sampleRequests.map((r) => r.applyId).sort();
  const failures = result.rejections.map((r) => `${r.path}:${r.code}`).sort();
  return {
    endpoint,
    shop,
    result,
    sighting: { seenAt: c.seenAt, source: { endpoint, page }, shopKey: shop.key },
    observationId: fnv1a52([endpoint, shop.key, page, keys.join(','), failures.join(',')].join('|')),
  };
}

function countFailures(into: Record<string, number>, rejections: Rejection[]): Record<string, number> {
  const out = { ...into };
  for (const r of rejections) {
    const k = `${r.path}: ${r.code}`;
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

async function applyPlan(db: AppDB, p: Plan): Promise<void> {
  const { seenAt, source } = p.sighting;
  const { records, rejections, accepted } = p.result;

  const prevShop = await db.shops.get(p.shop.key);
  const shop: Shop = {
    ...p.shop,
    firstSeenAt: Math.min(prevShop?.firstSeenAt ?? seenAt, seenAt),
    lastSeenAt: Math.max(prevShop?.lastSeenAt ?? seenAt, seenAt),
  };
  await db.shops.put(shop);

  const creators = await db.creators.bulkGet(records.creators.map((c) => c.handle));
  await db.creators.bulkPut(records.creators.map((f, i) => mergeCreator(creators[i], f, p.sighting)));

  const products = await db.products.bulkGet(records.products.map((x) => x.productId));
  await db.products.bulkPut(records.products.map((f, i) => mergeProduct(products[i], f, p.sighting)));

  const skus = await db.skus.bulkGet(records.skus.map((x) => x.skuId));
  await db.skus.bulkPut(records.skus.map((f, i) => mergeSku(skus[i], f, p.sighting)));

  const requests = await db.sampleRequests.bulkGet(records.sampleRequests.map((r) => r.applyId));
  const merged = records.sampleRequests.map((f, i) => mergeSampleRequest(requests[i], f, p.sighting));
  await db.sampleRequests.bulkPut(merged.map((m) => m.request));
  await db.statusHistory.bulkAdd(
    merged
      .filter((m) => m.statusChanged)
      .map(({ request: r }) => ({ applyId: r.applyId, status: r.status, statusRaw: r.statusRaw, seenAt, source })),
  );

  const prevObs = await db.observations.get(p.observationId);
  const observation: Observation = {
    id: p.observationId,
    endpoint: p.endpoint,
    shopKey: p.shop.key,
    page: source.page,
    recordKeys: records.sampleRequests.map((r) => r.applyId),
    firstSeenAt: Math.min(prevObs?.firstSeenAt ?? seenAt, seenAt),
    lastSeenAt: Math.max(prevObs?.lastSeenAt ?? seenAt, seenAt),
  };
  await db.observations.put(observation);

  // Counts are per distinct sighting: the same page seen again (a reload, a re-sent batch) does not count twice.
  const prevStat = await db.endpointStats.get(p.endpoint);
  const isNew = !prevObs;
  const stat: EndpointStat = {
    endpoint: p.endpoint,
    accepted: (prevStat?.accepted ?? 0) + (isNew ? accepted : 0),
    rejected: (prevStat?.rejected ?? 0) + (isNew ? rejections.length : 0),
    failures: isNew ? countFailures(prevStat?.failures ?? {}, rejections) : (prevStat?.failures ?? {}),
    lastSeenAt: Math.max(prevStat?.lastSeenAt ?? seenAt, seenAt),
    lastRejectedAt: rejections.length ? Math.max(prevStat?.lastRejectedAt ?? seenAt, seenAt) : prevStat?.lastRejectedAt,
  };
  await db.endpointStats.put(stat);
}

/**
 * Store a batch of captures in one transaction: either all of it lands or none of it does, and applying the same batch
 * again changes no record (only `lastSeenAt` moves).
 */
export async function ingestCaptures(db: AppDB, captures: readonly Capture[]): Promise<IngestSummary> {
  const plans = captures.map(planCapture).filter((p): p is Plan => p !== undefined);
  plans.sort((a, b) => a.sighting.seenAt - b.sighting.seenAt);
  if (plans.length) {
    await db.transaction('rw', ingestTables(db), async () => {
      for (const p of plans) await applyPlan(db, p);
    });
  }
  return {
    accepted: plans.reduce((n, p) => n + p.result.accepted, 0),
    rejected: plans.reduce((n, p) => n + p.result.rejections.length, 0),
    shops: [...new Set(plans.map((p) => p.shop.key))],
    handles: [...new Set(plans.flatMap((p) => p.result.records.creators.map((c) => c.handle)))],
  };
}
