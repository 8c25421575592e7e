import * as z from 'zod/mini';
import { DEFAULT_MIN_COUNT } from '../queries/benchmark';

/**
 * The figures the popup shows, as rows of the `aggregates` table (`key` = `shopKey|kind|bucket`), kept current by the
 * background (lib/aggregates/maintain.ts) so that opening the popup reads a few small rows and never scans orders.
 * Each kind's `values` has a zod schema here: the writer builds them, the popup validates what it reads.
 *
 * Every figure carries the number of observations it rests on. A rate over fewer than `MIN_RATE_BASE` creators, and a
 * commission benchmark over fewer than `MIN_BENCHMARK_RATES` distinct rates, is stored as `{n, tooFew: true}` instead
 * of a number, and the popup says so.
 */

/** Bumped whenever a kind's shape or meaning changes: a shop whose `meta` row has another version is rebuilt. */
export const AGGREGATES_VERSION = 2;

/** A funnel rate needs at least this many creators in its base (invited, or accepted for the posting rate). */
export const MIN_RATE_BASE = 10;

/** A category's commission benchmark needs at least this many distinct rates, as the benchmark rules (lib/queries/benchmark.ts). */
export const MIN_BENCHMARK_RATES = DEFAULT_MIN_COUNT;

export type AggregateKind = 'meta' | 'summary' | 'benchmark' | 'invitation' | 'week' | 'message' | 'tiers' | 'channels';

/** The row key of one aggregate; buckets without a natural name use `-`. */
export const aggregateKey = (shopKey: string, kind: AggregateKind, bucket = '-'): string => `${shopKey}|${kind}|${bucket}`;

/** The bounds of every key of one kind of one shop, for a primary-key range read. */
export const kindRange = (shopKey: string, kind: AggregateKind): [string, string] => [`${shopKey}|${kind}|`, `${shopKey}|${kind}|\uffff`];

const count = z.int().check(z.gte(0));
const bps = z.int();
const time = z.number();

/** A share in basis points of `n` observations, or only `n` when there are too few to say. */
export const rateSchema = z.union([z.object({ n: count, bps }), z.object({ n: count, tooFew: z.literal(true) })]);
export type Rate = z.infer<typeof rateSchema>;

export function rateOf(part: number, base: number, min = MIN_RATE_BASE): Rate {
  return base < min || base === 0 ? { n: base, tooFew: true } : { n: base, bps: Math.round((part / base) * 10_000) };
}

// ── Outreach ────────────────────────────────────────────────────────────────────────────────────────────────────────

/** The funnel stages, in order. Each counts invited creators (one per invitation and creator) who reached it. */
export const STAGES = ['invited', 'accepted', 'requested', 'shipped', 'posted', 'ordered'] as const;

export const funnelSchema = z.object({
  invited: count,
  accepted: count,
  requested: count,
  shipped: count,
  posted: count,
  ordered: count,
  /** SKU orders of the products invited for, by the invited creators, since the invitation started. */
  skuOrders: count,
});
export type Funnel = z.infer<typeof funnelSchema>;

export const emptyFunnel = (): Funnel => ({ invited: 0, accepted: 0, requested: 0, shipped: 0, posted: 0, ordered: 0, skuOrders: 0 });

export function addFunnel(into: Funnel, f: Funnel): Funnel {
  for (const k of Object.keys(into) as (keyof Funnel)[]) into[k] += f[k];
  return into;
}

/** Every stage after `invited` as a share of the invited creators. */
export const funnelRatesSchema = z.object({ accepted: rateSchema, requested: rateSchema, shipped: rateSchema, posted: rateSchema, ordered: rateSchema });
export type FunnelRates = z.infer<typeof funnelRatesSchema>;

export const funnelRates = (f: Funnel): FunnelRates => ({
  accepted: rateOf(f.accepted, f.invited),
  requested: rateOf(f.requested, f.invited),
  shipped: rateOf(f.shipped, f.invited),
  posted: rateOf(f.posted, f.invited),
  ordered: rateOf(f.ordered, f.invited),
});

/**
 * Creator tiers by follower count (the latest count Collab Lens saw: `creators.followerCount`, else the metrics'
 * `followers`), the bands sellers and agencies commonly use: under 1K, nano 1K–10K, micro 10K–100K, mid 100K–1M,
 * macro 1M and more; `unknown` when no count was seen. Lower bounds are inclusive.
 */
export const TIERS = ['under-1k', '1k-10k', '10k-100k', '100k-1m', '1m-plus', 'unknown'] as const;
export type Tier = (typeof TIERS)[number];

export function tierOf(followers: number | undefined): Tier {
  if (followers === undefined || !Number.isFinite(followers) || followers < 0) return 'unknown';
  if (followers < 1_000) return 'under-1k';
  if (followers < 10_000) return '1k-10k';
  if (followers < 100_000) return '10k-100k';
  if (followers < 1_000_000) return '100k-1m';
  return '1m-plus';
}

const byTier = <T extends z.ZodMiniType>(s: T) =>
  z.object({ 'under-1k': s, '1k-10k': s, '10k-100k': s, '100k-1m': s, '1m-plus': s, unknown: s });

/** One target invitation's funnel, with the same funnel per creator tier. */
export const invitationSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** `messageKey` of the invitation's message text (`none` without one). */
  messageKey: z.string(),
  /** The message as written (whitespace collapsed, at most 1,000 characters), or empty. */
  message: z.string(),
  /** ISO week (UTC) the invitation started in: its start time as sent, or when Collab Lens first saw it. */
  week: z.string(),
  startAt: z.optional(time),
  /** Products of the invitation Collab Lens has seen: requests and orders are matched to them. */
  products: count,
  funnel: funnelSchema,
  rates: funnelRatesSchema,
  tiers: byTier(funnelSchema),
});
export type InvitationAggregate = z.infer<typeof invitationSchema>;

/** The invitations that started in one ISO week, summed. */
export const weekSchema = z.object({ week: z.string(), invitations: count, funnel: funnelSchema, rates: funnelRatesSchema });
export type WeekAggregate = z.infer<typeof weekSchema>;

/** The invitations sent with one message text, summed. */
export const messageSchema = z.object({
  messageKey: z.string(),
  /** The message as written (whitespace collapsed), or empty for invitations without one. */
  text: z.string(),
  invitations: count,
  funnel: funnelSchema,
  rates: funnelRatesSchema,
});
export type MessageAggregate = z.infer<typeof messageSchema>;

/** Response rate = accepted ÷ invited; posting rate = posted ÷ accepted. */
export const tierStatsSchema = z.object({ funnel: funnelSchema, response: rateSchema, posting: rateSchema });
export const tiersSchema = z.object({ tiers: byTier(tierStatsSchema) });
export type TiersAggregate = z.infer<typeof tiersSchema>;

// ── Order channels ──────────────────────────────────────────────────────────────────────────────────────────────────

/** One channel's affiliate order lines of one week (see lib/aggregates/outreach.ts `channelWeeks`). */
export const channelFiguresSchema = z.object({
  /** Order lines: what Affiliate Center counts as SKU orders. */
  skuOrders: count,
  /** Distinct orders with a line in the channel (an order with lines in two channels counts in both). */
  orders: count,
  /** Estimated GMV, in minor units of the week's `currency`, over `gmvLines` lines; `fromCommission` of them commission ÷ rate. */
  gmv: z.int(),
  gmvLines: count,
  fromCommission: count,
  /** Actual GMV over the `actualLines` lines that are settled or whose actual amounts are final. */
  actualGmv: z.int(),
  actualLines: count,
});
export type ChannelFigures = z.infer<typeof channelFiguresSchema>;

export const channelsSchema = z.object({
  week: z.string(),
  /** The currency of the GMV figures: the shop's (from its region), else the one most lines use. */
  currency: z.optional(z.string()),
  channels: z.object({ video: channelFiguresSchema, live: channelFiguresSchema, showcase: channelFiguresSchema, other: channelFiguresSchema, unknown: channelFiguresSchema }),
  /** Lines with GMV in another currency: counted as SKU orders, left out of GMV. */
  otherCurrency: count,
  /** Lines that came from an imported orders export rather than the Affiliate orders page. */
  imported: count,
  /** Creation times of the week's first and last order, and the latest sighting of its lines. */
  from: time,
  to: time,
  seenAt: time,
});
export type ChannelsAggregate = z.infer<typeof channelsSchema>;

// ── Commission benchmark ────────────────────────────────────────────────────────────────────────────────────────────

export const SOURCE_KINDS = ['open', 'target', 'application', 'sample', 'registration', 'campaign'] as const;

/** Percentiles (basis points) of the distinct rates, with every distinct rate for placing a typed one. */
export const distributionSchema = z.object({
  p10: bps,
  p25: bps,
  p50: bps,
  p75: bps,
  p90: bps,
  /** Every distinct (product, rate) pair's rate, ascending. */
  rates: z.array(bps),
});
export type Distribution = z.infer<typeof distributionSchema>;

/** One of the shop's own products placed on its category, compared with the other products' rates. */
export const placementSchema = z.object({
  productId: z.string(),
  title: z.string(),
  /** Its open-collaboration commission. */
  bps,
  /** Distinct rates of the other products of the category. */
  others: count,
  /** Percentile rank among them (share below, equal ones counted half) and their median; absent with too few. */
  rankBps: z.optional(bps),
  medianBps: z.optional(bps),
  /** The same against the market (creators' median commissions); absent with too few. */
  marketRankBps: z.optional(bps),
  marketMedianBps: z.optional(bps),
});
export type Placement = z.infer<typeof placementSchema>;

/**
 * The market side of a category's benchmark: the creators' median commissions seen in the region's creator marketplace
 * (lib/queries/benchmark.ts `marketObservations`), one per creator, kept apart from the seller's own rates.
 */
export const marketSchema = z.object({
  /** Creators counted. */
  count,
  from: z.optional(time),
  to: z.optional(time),
  /** Creators by how the rate was sent: exact, a range label, a number. */
  byForm: z.object({ exact: count, label: count, bps: count }),
  /** Creators by how their category met the products' one: by id, by name. */
  byJoin: z.object({ id: count, name: count }),
  /** Absent when there are fewer than `MIN_BENCHMARK_RATES` creators. */
  distribution: z.optional(distributionSchema),
});
export type MarketAggregate = z.infer<typeof marketSchema>;

export const benchmarkSchema = z.object({
  categoryId: z.string(),
  categoryName: z.optional(z.string()),
  region: z.string(),
  /** Distinct (product, rate) pairs seen in the region's shops for this category. */
  count,
  /** Pairs seen per kind of record (a pair seen in several kinds counts in each). */
  bySource: z.object({ open: count, target: count, application: count, sample: count, registration: count, campaign: count }),
  from: z.optional(time),
  to: z.optional(time),
  /** Absent when there are fewer than `MIN_BENCHMARK_RATES` pairs. */
  distribution: z.optional(distributionSchema),
  own: z.array(placementSchema),
  /** Every product whose rates are counted here (so a product leaving the category is noticed). */
  productIds: z.array(z.string()),
  market: marketSchema,
});
export type BenchmarkAggregate = z.infer<typeof benchmarkSchema>;

// ── Shop ────────────────────────────────────────────────────────────────────────────────────────────────────────────

/** What the popup's sample-request view counts, from index counts (no request is read to make it). */
export const summarySchema = z.object({
  requests: count,
  creators: count,
  products: count,
  byStatus: z.record(z.string(), count),
});
export type SummaryAggregate = z.infer<typeof summarySchema>;

export const metaSchema = z.object({ version: z.int(), builtAt: time });
export type MetaAggregate = z.infer<typeof metaSchema>;

export const SCHEMAS = {
  meta: metaSchema,
  summary: summarySchema,
  benchmark: benchmarkSchema,
  invitation: invitationSchema,
  week: weekSchema,
  message: messageSchema,
  tiers: tiersSchema,
  channels: channelsSchema,
} as const satisfies Record<AggregateKind, z.ZodMiniType>;

export interface AggregateValues {
  meta: MetaAggregate;
  summary: SummaryAggregate;
  benchmark: BenchmarkAggregate;
  invitation: InvitationAggregate;
  week: WeekAggregate;
  message: MessageAggregate;
  tiers: TiersAggregate;
  channels: ChannelsAggregate;
}

/** A row's values if they have the shape of `kind`, else undefined (a reader never trusts stored shapes). */
export function parseValues<K extends AggregateKind>(kind: K, values: unknown): AggregateValues[K] | undefined {
  const parsed = (SCHEMAS[kind] as z.ZodMiniType as z.ZodMiniType<AggregateValues[K]>).safeParse(values);
  return parsed.success ? parsed.data : undefined;
}

// ── Weeks ───────────────────────────────────────────────────────────────────────────────────────────────────────────

const DAY = 86_400_000;

/** Monday 00:00 UTC of the ISO week `ms` falls in. */
export function weekStart(ms: number): number {
  const day = Math.floor(ms / DAY);
  // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
  return (day - ((((day + 3) % 7) + 7) % 7)) * DAY;
}

/** The ISO 8601 week of `ms` in UTC, as `2025-W07`. */
export function isoWeek(ms: number): string {
  const thursday = new Date(weekStart(ms) + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The `count` ISO weeks up to and including the week of `now`, oldest first, with their Monday. */
export function recentWeeks(now: number, count: number): { week: string; start: number }[] {
  const last = weekStart(now);
  return Array.from({ length: count }, (_, i) => {
    const start = last - (count - 1 - i) * 7 * DAY;
    return { week: isoWeek(start), start };
  });
}
