import { ADAPTERS } from '../adapters';
import type { AdapterResult, RecordKind, Records, Rejection } from '../adapters/types';
import { endpointOf } from '../capture/endpoints';
import type { Capture } from '../capture/schema';
import { ingestTables, type AppDB } from '../db/app-db';
import type { Contact, EndpointStat, Observation, Shop } from '../domain/types';
import { fnv1a52 } from './hash';
import { History } from './history';
import type { Sighting } from './merge';
import { sanitisePage, shopOf, type ShopRef } from './page';
import { SINKS } from './sinks';
import type { Sink, SinkContext } from './sinks/sink';

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
  recordKeys: string[];
  observationId: string;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

const kinds = (records: Records) => Object.keys(records) as RecordKind[];
const sinkOf = (kind: RecordKind) => SINKS[kind] as Sink<unknown>;

/** Facts of each kind with one fact per key: the last one a response gives wins. */
function dedupe(records: Records): Records {
  const out: Records = {};
  for (const kind of kinds(records)) {
    const byKey = new Map<string, unknown>();
    for (const f of records[kind] ?? []) byKey.set(sinkOf(kind).keyOf(f), f);
    (out as Record<string, unknown[]>)[kind] = [...byKey.values()];
  }
  return out;
}

/**
 * Validate and map one capture. Pure: nothing is written here. Captures of endpoints we do not read, and error
 * envelopes (nothing was shown), give no plan.
 */
export function planCapture(c: Capture): Plan | undefined {
  const endpoint = endpointOf(c.url);
  if (!endpoint) return undefined;
  const response = parseJson(c.responseText);
  const requestBody = c.requestBody === undefined ? undefined : parseJson(c.requestBody);
  const parsed: AdapterResult = response.ok
    ? ADAPTERS[endpoint].parse(response.value, requestBody?.ok ? requestBody.value : undefined)
    : { records: {}, accepted: 0, rejections: [{ path: '(body)', code: 'invalid_json' }] };
  if (parsed.skipped) return undefined;
  const result = { ...parsed, records: dedupe(parsed.records) };
  const shop = shopOf(c.url, c.pageUrl);
  const page = sanitisePage(c.pageUrl);
  const recordKeys = kinds(result.records)
    .flatMap((k) => (result.records[k] ?? []).map((f) => `${k}:${sinkOf(k).keyOf(f)}`))
    .sort();
  const failures = result.rejections.map((r) => `${r.path}:${r.code}`).sort();
  return {
    endpoint,
    shop,
    result,
    recordKeys,
    sighting: { seenAt: c.seenAt, source: { endpoint, page }, shopKey: shop.key },
    observationId: fnv1a52([endpoint, shop.key, page, recordKeys.join(','), failures.join(',')].join('|')),
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

  const history = new History(p.sighting);
  const contacts: Contact[] = [];
  const ctx: SinkContext = {
    db,
    sighting: p.sighting,
    history,
    contact: (entity, key, channel, value) => contacts.push({ id: `${entity}|${key}|${channel}`, entity, key, channel, value, seenAt }),
  };
  for (const kind of kinds(records)) {
    const facts = records[kind];
    if (facts?.length) await sinkOf(kind).apply(ctx, facts);
  }
  await history.flush(db);
  if (contacts.length) await db.contacts.bulkPut(contacts);

  const prevObs = await db.observations.get(p.observationId);
  const observation: Observation = {
    id: p.observationId,
    endpoint: p.endpoint,
    shopKey: p.shop.key,
    page: source.page,
    recordKeys: p.recordKeys,
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
    handles: [...new Set(plans.flatMap((p) => (p.result.records.creators ?? []).map((c) => c.handle)))],
  };
}
