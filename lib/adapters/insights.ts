import { z } from 'zod';
import type { Money } from '../domain/money';
import type { Insight } from '../domain/types';
import { readsOf } from '../shapes/reads';
import { enumCode } from './list-locations';
import { add, type AdapterResult, type EndpointAdapter, type Records, type Rejection } from './types';
import { epochMs, int, moneyObject, nonNegativeInt, percentBps, rejectionsOf, wrapped } from './values';

/**
 * Insights ("Compass") figures: transaction, sample and outreach analysis (domain.md §2.2, §3.1). The paths
 * `/api/v1/oec/affiliate/compass/{transaction|sample|outreach}/…/get` are known; the shapes are [unknown]
 * (real-shapes.md §6: no public evidence), so this reads our best guess and its plausible neighbours:
 *
 *   body     { date_type: 1 (last 7 days) | 2 (last 28 days) | 3 (last 90 days) | 4 (custom), start_time?, end_time? (ms) }
 *   response { period: { start_time, end_time, date_type }, core_stats: { <metric>: { value, change_rate } }, update_time },
 *            under `data` or at the top level beside `code` and `msg`
 *
 * A metric's value is a count (number or numeric string), a money object, or a rate (`"45.67%"` or a fraction
 * `"0.4567"`), each bare or wrapped in `{value}`. The figures of one response are one record: a metric of the wrong
 * type rejects the response's figures as a whole, with the metric's path. Only the metrics listed below are read; the
 * shape watch reports the others (and `change_rate`, `update_time`) as fields nothing reads.
 */

export type InsightModule = 'transaction' | 'sample' | 'outreach';

export interface InsightFact {
  module: InsightModule;
  /** The period as a key: `last_7_days`, `last_28_days`, `last_90_days`, or `<start>-<end>` for a custom range. */
  periodKey: string;
  period: Insight['period'];
  metrics: Record<string, number | Money>;
}

declare module './types' {
  interface RecordsMap {
    insights: InsightFact;
  }
}

/** A rate: `"45.67%"`, or a fraction `"0.4567"` / `0.4567`, to basis points. A bare integer is ambiguous and refused. */
const rate = z.union([
  percentBps.pipe(z.number()),
  z
    .union([z.string().regex(/^(0(\.\d{1,8})?|1(\.0{1,8})?)$/).transform(Number), z.number().min(0).max(1).refine((n) => !Number.isInteger(n) || n === 0)])
    .transform((f) => Math.round(f * 10_000)),
]);

type Kind = 'count' | 'money' | 'rate';
const SCHEMA: Record<Kind, z.ZodType<number | Money>> = {
  count: wrapped(nonNegativeInt),
  money: wrapped(moneyObject),
  rate: wrapped(rate),
};

/** Wire key → [metric name, kind], per module. Keys not listed are tolerated and not stored. */
export const INSIGHT_METRICS: Record<InsightModule, Record<string, [string, Kind]>> = {
  transaction: {
    gmv: ['gmv', 'money'],
    order_cnt: ['orders', 'count'],
    items_sold: ['itemsSold', 'count'],
    creator_cnt: ['creators', 'count'],
    video_cnt: ['videos', 'count'],
    live_cnt: ['lives', 'count'],
    est_commission: ['estCommission', 'money'],
    aov: ['avgOrderValue', 'money'],
  },
  sample: {
    apply_cnt: ['requested', 'count'],
    approve_cnt: ['approved', 'count'],
    ship_cnt: ['shipped', 'count'],
    content_cnt: ['withContent', 'count'],
    approve_rate: ['approveRateBps', 'rate'],
    content_rate: ['contentRateBps', 'rate'],
    video_cnt: ['videos', 'count'],
    sample_gmv: ['gmv', 'money'],
  },
  outreach: {
    invitation_cnt: ['invitationsSent', 'count'],
    invited_creator_cnt: ['creatorsInvited', 'count'],
    accepted_creator_cnt: ['creatorsAccepted', 'count'],
    posted_creator_cnt: ['creatorsPosted', 'count'],
    accept_rate: ['acceptRateBps', 'rate'],
    message_cnt: ['messagesSent', 'count'],
    reply_rate: ['replyRateBps', 'rate'],
    gmv: ['gmv', 'money'],
  },
};

const DATE_TYPES: Record<string, string> = {
  '1': 'last_7_days',
  '2': 'last_28_days',
  '3': 'last_90_days',
  LAST_7_DAYS: 'last_7_days',
  PAST_7_DAYS: 'last_7_days',
  LAST_28_DAYS: 'last_28_days',
  LAST_90_DAYS: 'last_90_days',
};

const dateType = z.union([z.string().max(32), z.number().int()]);

const period = z.object({ start_time: epochMs.nullish(), end_time: epochMs.nullish(), date_type: dateType.nullish() });

/** Where the figures may be: the metrics of `module` (each taken as it comes, parsed below), the period beside them. */
function figuresAt(module: InsightModule) {
  const stats = z.object(Object.fromEntries(Object.keys(INSIGHT_METRICS[module]).map((k) => [k, z.unknown().optional()])));
  return { period: period.nullish(), start_time: epochMs.nullish(), end_time: epochMs.nullish(), core_stats: stats.nullish() };
}

function envelopeOf(module: InsightModule) {
  const at = figuresAt(module);
  return z.object({ code: int.optional(), data: z.object(at).nullish(), ...at });
}

const ENVELOPES: Record<InsightModule, ReturnType<typeof envelopeOf>> = {
  transaction: envelopeOf('transaction'),
  sample: envelopeOf('sample'),
  outreach: envelopeOf('outreach'),
};

const body = z.object({ date_type: dateType.optional(), start_time: epochMs.optional(), end_time: epochMs.optional() });

function parseFor(module: InsightModule, json: unknown, requestBody: unknown): AdapterResult {
  const records: Records = {};
  const env = ENVELOPES[module].safeParse(json);
  if (!env.success) return { records, accepted: 0, rejections: rejectionsOf('', env.error) };
  if (env.data.code !== undefined && env.data.code !== 0) return { records, accepted: 0, rejections: [], skipped: true };
  const inData = env.data.data?.core_stats ? env.data.data : undefined;
  const data = inData ?? (env.data.core_stats ? env.data : undefined);
  // No figures: nothing to read (what the answer carried instead is the shape watch's to report).
  if (!data?.core_stats) return { records, accepted: 0, rejections: [] };
  const at = inData ? 'data.' : '';

  const asked = body.safeParse(requestBody);
  const start = data.period?.start_time ?? data.start_time ?? (asked.success ? asked.data.start_time : undefined) ?? undefined;
  const end = data.period?.end_time ?? data.end_time ?? (asked.success ? asked.data.end_time : undefined) ?? undefined;
  const type = data.period?.date_type ?? (asked.success ? asked.data.date_type : undefined);
  const label = type === null || type === undefined ? undefined : DATE_TYPES[String(type).toUpperCase()];
  const periodKey = label ?? (start !== undefined && end !== undefined && start <= end ? `${start}-${end}` : undefined);
  if (!periodKey) return { records, accepted: 0, rejections: [{ path: `${at}period`, code: 'no_period' }] };

  const metrics: Record<string, number | Money> = {};
  const rejections: Rejection[] = [];
  const stats = data.core_stats as Record<string, unknown>;
  for (const [key, [name, kind]] of Object.entries(INSIGHT_METRICS[module])) {
    const raw = stats[key];
    if (raw === null || raw === undefined) continue;
    const parsed = SCHEMA[kind].safeParse(raw);
    if (parsed.success) metrics[name] = parsed.data;
    else rejections.push(...rejectionsOf(`${at}core_stats.${key}`, parsed.error));
  }
  if (rejections.length) return { records, accepted: 0, rejections };
  add(records, 'insights', { module, periodKey, period: { start, end, label: label ?? 'custom' }, metrics });
  return { records, accepted: 1, rejections };
}

/** Each metric's schema mounted where it may be (`data.core_stats.gmv`, `core_stats.gmv`). */
const metricMounts = (module: InsightModule) =>
  Object.fromEntries(
    Object.entries(INSIGHT_METRICS[module]).flatMap(([key, [, kind]]) => [
      [`data.core_stats.${key}`, SCHEMA[kind]],
      [`core_stats.${key}`, SCHEMA[kind]],
    ]),
  );

const adapterFor = (module: InsightModule): EndpointAdapter => ({
  parse: (json, requestBody) => parseFor(module, json, requestBody),
  reads: readsOf({ '': ENVELOPES[module], ...metricMounts(module) }),
  // Each window is its own form of answer: a custom range (4) may carry its period differently.
  variantOf: (requestBody) => enumCode(requestBody, 'date_type', 'date'),
});

export const transactionInsights = adapterFor('transaction');
export const sampleInsights = adapterFor('sample');
export const outreachInsights = adapterFor('outreach');
