import { ADAPTERS } from '../adapters';
import type { AdapterResult, RecordKind, Records, Rejection } from '../adapters/types';
import { endpointOf } from '../capture/endpoints';
import type { Capture } from '../capture/schema';
import { ingestTables, type AppDB } from '../db/app-db';
import type { Contact, EndpointStat, Observation, Shop } from '../domain/types';
import { fnv1a52 } from './hash';
import type { ChangeSet } from '../rules/types';
import type { Sighting } from './merge';
import { sanitisePage, shopOf, type ShopRef } from './page';
import { pathSanitiser, shapeOf, type ResponseShape } from '../shapes/shape';
import { silentDropFailures } from '../shapes/unread';
import { mergeShape, shapeKey } from '../shapes/watch';
import { SINKS } from './sinks';
import { Stage, type StagedTables } from './stage';
import { sinkContext, type Sink } from './sinks/sink';

export interface IngestSummary {
  accepted: number;
  rejected: number;
  /** Shops and creators the batch touched, so the page overlay knows what to look for. */
  shops: string[];
  handles: string[];
  /** What the batch wrote, for the rule engine: primary keys per table. */
  changes: ChangeSet;
}

/** What the page's content script is told about its batch: the changes stay with the background's rule engine. */
export type PageSummary = Omit<IngestSummary, 'changes'>;

interface Plan {
  endpoint: string;
  shop: ShopRef;
  sighting: Sighting;
  result: AdapterResult;
  recordKeys: string[];
  observationId: string;
  /** The answer's shape and the form of answer it is (`variantOf`), for the shape watch. */
  shape?: { key: string; variant?: string; paths: ResponseShape };
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

/** A stable digest of an answer's shape: the same paths and types give the same text. */
const shapeDigest = (shape: ResponseShape) => [...shape.paths].map(([path, types]) => `${path}:${types}`).sort().join(',');

/**
 * Validate and map one capture. Pure: nothing is written here. Captures of endpoints we do not read, and error
 * envelopes (nothing was shown), give no plan. An answer that carried data and gave no record is a failure to read
 * (`silentDropFailures`), never an empty page.
 */
export function planCapture(c: Capture): Plan | undefined {
  const endpoint = endpointOf(c.url);
  if (!endpoint) return undefined;
  const adapter = ADAPTERS[endpoint];
  const response = parseJson(c.responseText);
  const requestBody = c.requestBody === undefined ? undefined : parseJson(c.requestBody);
  const body = requestBody?.ok ? requestBody.value : undefined;
  const shop = shopOf(c.url, c.pageUrl);
  const parsed: AdapterResult = response.ok
    ? adapter.parse(response.value, body, { region: shop.region })
    : { records: {}, accepted: 0, rejections: [{ path: '(body)', code: 'invalid_json' }] };
  if (parsed.skipped) return undefined;
  const paths = response.ok ? shapeOf(response.value) : undefined;
  const dropped = paths ? silentDropFailures(parsed, paths, adapter.reads) : [];
  // A rejection's path may name a key of the answer (a record keyed by handle): fold any that could be a value.
  const safe = response.ok && parsed.rejections.length ? pathSanitiser(response.value) : (path: string) => path;
  const rejections = [...parsed.rejections.map((r) => ({ ...r, path: safe(r.path) })), ...dropped];
  const result = { ...parsed, rejections, records: dedupe(parsed.records) };
  const page = sanitisePage(c.pageUrl);
  const recordKeys = kinds(result.records)
    .flatMap((k) => (result.records[k] ?? []).map((f) => `${k}:${sinkOf(k).keyOf(f)}`))
    .sort();
  const failures = result.rejections.map((r) => `${r.path}:${r.code}`).sort();
  // A form of answer is a short code of the request's enums (`tab:10`, `types:2`): anything else is not kept.
  const asked = adapter.variantOf?.(body);
  const variant = asked !== undefined && /^[a-z_]{1,16}:[\w,-]{1,24}$/.test(asked) ? asked : undefined;
  return {
    endpoint,
    shop,
    result,
    recordKeys,
    sighting: { seenAt: c.seenAt, source: { endpoint, page }, shopKey: shop.key },
    // The same records in another shape are another sighting: the shape watch counts distinct answers.
    observationId: fnv1a52(
      [endpoint, shop.key, page, recordKeys.join(','), failures.join(','), variant ?? '', paths ? shapeDigest(paths) : ''].join('|'),
    ),
    ...(paths && { shape: { key: shapeKey(endpoint, variant), variant, paths } }),
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

async function applyPlan(stage: Stage, p: Plan): Promise<void> {
  const { tables } = stage;
  const { seenAt, source } = p.sighting;
  const { records, rejections, accepted } = p.result;

  const prevShop = await tables.shops.get(p.shop.key);
  const shop: Shop = {
    ...p.shop,
    firstSeenAt: Math.min(prevShop?.firstSeenAt ?? seenAt, seenAt),
    lastSeenAt: Math.max(prevShop?.lastSeenAt ?? seenAt, seenAt),
  };
  await tables.shops.put(shop);

  const contacts: Contact[] = [];
  const ctx = sinkContext(stage, p.sighting, (entity, key, channel, value) =>
    contacts.push({ id: `${entity}|${key}|${channel}`, entity, key, channel, value, seenAt }),
  );
  for (const kind of kinds(records)) {
    const facts = records[kind];
    if (facts?.length) await sinkOf(kind).apply(ctx, facts);
  }
  if (contacts.length) await tables.contacts.bulkPut(contacts);

  const prevObs = await tables.observations.get(p.observationId);
  const observation: Observation = {
    id: p.observationId,
    endpoint: p.endpoint,
    shopKey: p.shop.key,
    page: source.page,
    recordKeys: p.recordKeys,
    firstSeenAt: Math.min(prevObs?.firstSeenAt ?? seenAt, seenAt),
    lastSeenAt: Math.max(prevObs?.lastSeenAt ?? seenAt, seenAt),
  };
  await tables.observations.put(observation);

  // Counts are per distinct sighting: the same page seen again (a reload, a re-sent batch) does not count twice.
  const prevStat = await tables.endpointStats.get(p.endpoint);
  const isNew = !prevObs;
  const stat: EndpointStat = {
    endpoint: p.endpoint,
    accepted: (prevStat?.accepted ?? 0) + (isNew ? accepted : 0),
    rejected: (prevStat?.rejected ?? 0) + (isNew ? rejections.length : 0),
    failures: isNew ? countFailures(prevStat?.failures ?? {}, rejections) : (prevStat?.failures ?? {}),
    lastSeenAt: Math.max(prevStat?.lastSeenAt ?? seenAt, seenAt),
    lastRejectedAt: rejections.length ? Math.max(prevStat?.lastRejectedAt ?? seenAt, seenAt) : prevStat?.lastRejectedAt,
  };
  await tables.endpointStats.put(stat);

  if (isNew && p.shape) {
    const prevShape = await tables.shapes.get(p.shape.key);
    await tables.shapes.put(mergeShape(prevShape, p.endpoint, p.shape.variant, p.shape.paths, seenAt));
  }
}

/** Every key the batch's plans will read from tables keyed by what they carry, per table. */
function keysToRead(plans: readonly Plan[]): Map<keyof StagedTables, string[]> {
  const out = new Map<keyof StagedTables, string[]>([
    ['shops', plans.map((p) => p.shop.key)],
    ['observations', plans.map((p) => p.observationId)],
    ['endpointStats', plans.map((p) => p.endpoint)],
    ['shapes', plans.flatMap((p) => (p.shape ? [p.shape.key] : []))],
  ]);
  for (const p of plans) {
    for (const kind of kinds(p.result.records)) {
      const sink = sinkOf(kind);
      if (!sink.table) continue;
      const keys = out.get(sink.table) ?? [];
      for (const f of p.result.records[kind] ?? []) keys.push(sink.keyOf(f));
      out.set(sink.table, keys);
    }
  }
  return out;
}

/**
 * Store a batch of captures in one transaction: either all of it lands or none of it does, and applying the same batch
 * again changes no record (only `lastSeenAt` moves).
 */
export async function ingestCaptures(db: AppDB, captures: readonly Capture[]): Promise<IngestSummary> {
  const plans = captures.map(planCapture).filter((p): p is Plan => p !== undefined);
  plans.sort((a, b) => a.sighting.seenAt - b.sighting.seenAt);
  let changes: ChangeSet = {};
  if (plans.length) {
    changes = await db.transaction('rw', ingestTables(db), async () => {
      const stage = new Stage(db);
      await stage.prefetch(keysToRead(plans));
      for (const p of plans) await applyPlan(stage, p);
      await stage.flush();
      return stage.changes();
    });
  }
  return {
    accepted: plans.reduce((n, p) => n + p.result.accepted, 0),
    rejected: plans.reduce((n, p) => n + p.result.rejections.length, 0),
    shops: [...new Set(plans.map((p) => p.shop.key))],
    // Creators the pages named, and those a detail part named only by id (resolved through its alias while storing).
    handles: [...new Set([...plans.flatMap((p) => (p.result.records.creators ?? []).map((c) => c.handle)), ...(changes.creators ?? [])])],
    changes,
  };
}
