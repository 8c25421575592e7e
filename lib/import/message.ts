import { z } from 'zod';
import type { ImportRecord } from '../domain/types';
import { MAX_ROWS } from './types';

/**
 * The messages that carry an import's validated rows from the options page (where the file is parsed) to the background
 * (the only writer): the rows in staged chunks of at most `STAGE_ROWS` as the file is checked (so neither side ever
 * holds every row, and no one message carries them all), then one commit that names the stage, or a drop. The
 * background validates every message again with these schemas: the types are compile-time only.
 */

const moneyValue = z.object({ minor: z.number().int().refine(Number.isSafeInteger), currency: z.string().regex(/^[A-Z]{3}$/) }).strict();
const count = z.number().int().min(0).max(1e12);
/** Commission rates in basis points, 0–100%. */
const rate = z.number().int().min(0).max(10_000);
/** Click rates (CTR, CTOR) in basis points: above 100% is real (more clicks than impressions, orders than clicks). */
const ratio = z.number().int().min(0).max(1e8);
const id = z.string().regex(/^\d{1,24}$/);
const epochMs = z.number().int().min(1e12).max(1e13);
const handle = z.string().regex(/^[a-z0-9._]{1,64}$/);

/** Every figure of the creator analysis export, under its `CreatorPerformance` name and in its unit. */
const creatorRow = z
  .object({
    /** A known creator's handle, or the name as the file gives it (in handle form when it is one). */
    handle: z.string().min(1).max(200),
    matchedBy: z.enum(['handle', 'alias', 'nickname']).optional(),
    /** The name is the nickname of several known creators, so none was chosen: it never becomes a creator of its own. */
    ambiguous: z.literal(true).optional(),
    /** The name as written in the file, when it is not the handle itself. */
    name: z.string().max(200).optional(),
    /** The file's creator id column, kept as a platform id (`aliases`) of the creator. */
    creatorId: id.optional(),
    gmv: moneyValue.optional(),
    liveGmv: moneyValue.optional(),
    videoGmv: moneyValue.optional(),
    productCardGmv: moneyValue.optional(),
    refunds: moneyValue.optional(),
    orders: count.optional(),
    itemsSold: count.optional(),
    itemsRefunded: count.optional(),
    productsSold: count.optional(),
    aov: moneyValue.optional(),
    customers: count.optional(),
    samplesShipped: count.optional(),
    sampleContent: count.optional(),
    videos: count.optional(),
    lives: count.optional(),
    showcaseAdds: count.optional(),
    productImpressions: count.optional(),
    videoViews: count.optional(),
    estCommission: moneyValue.optional(),
    estFlatFee: moneyValue.optional(),
    ctrBps: ratio.optional(),
    ctorBps: ratio.optional(),
  })
  .strict();
export type CreatorRow = z.infer<typeof creatorRow>;

const orderRow = z
  .object({
    orderId: id,
    skuId: id,
    createdAt: epochMs,
    productId: id.optional(),
    productTitle: z.string().max(500).optional(),
    /** The order's status as written (`Order Status`), and when it was delivered. */
    statusRaw: z.string().max(200).optional(),
    deliveredAt: epochMs.optional(),
    quantity: count.optional(),
    price: moneyValue.optional(),
    creatorHandle: handle.optional(),
    contentType: z.enum(['SHOP', 'VIDEO', 'LIVE', 'PRE_LIVE', 'PROMOTION_PAGE', 'LINKSHARE', 'OTHER']).optional(),
    contentTypeRaw: z.string().max(200).optional(),
    contentId: id.optional(),
    collaboration: z.object({ kind: z.enum(['open', 'target', 'campaign']), id }).strict().optional(),
    commissionBps: rate.optional(),
    partnerCommissionBps: rate.optional(),
    adsCommissionBps: rate.optional(),
    estimatedCommission: moneyValue.optional(),
    actualCommission: moneyValue.optional(),
    estimatedAdsCommission: moneyValue.optional(),
    actualAdsCommission: moneyValue.optional(),
    estimatedPartnerCommission: moneyValue.optional(),
    actualPartnerCommission: moneyValue.optional(),
    settlement: z.enum(['UNKNOWN', 'AWAITING_PAYMENT', 'TO_SETTLE', 'SETTLED', 'INELIGIBLE']),
    settlementRaw: z.string().max(200),
    /** Absent when the file has no refund column: what is stored stays. */
    refunded: z.union([z.literal(0), z.literal(1)]).optional(),
  })
  .strict();
export type OrderRow = z.infer<typeof orderRow>;

const meta = {
  /** The import's identity, hex: SHA-256 of what the file says (`importIdOf`, lib/import/identity.ts). */
  id: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: z.string().min(1).max(255),
  shopKey: z.string().regex(/^[A-Z]{2}:(\d{1,24}|-)$/),
  period: z
    .object({ start: epochMs, end: epochMs })
    .strict()
    .refine((p) => p.start < p.end, { message: 'period ends before it starts' }),
  /** Rows of the file left out because they had errors, when the seller chose to import the rest. */
  skippedRows: z.number().int().min(0).max(MAX_ROWS),
  /** How each rate column of the file was written, by field: `2.04%` (percent) or `0.0204` (fraction). */
  rateForms: z.record(z.string().regex(/^[a-zA-Z]{1,40}$/), z.enum(['percent', 'fraction'])).optional(),
};

/** Rows per staged chunk: a bounded message, and a bounded share of memory on either side. */
export const STAGE_ROWS = 2_000;

/** The page's random name for one import's staged rows. */
const stage = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const seq = z.number().int().min(0).max(Math.ceil(MAX_ROWS / STAGE_ROWS) - 1);

export const stageChunk = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('creator-analysis'), stage, seq, rows: z.array(creatorRow).min(1).max(STAGE_ROWS) }).strict(),
  z.object({ kind: z.literal('orders'), stage, seq, rows: z.array(orderRow).min(1).max(STAGE_ROWS) }).strict(),
]);
export type StageChunk = z.infer<typeof stageChunk>;
export type StageResponse = { ok: true } | { ok: false; reason: string };

/** The commit: what the import is, and how many chunks and rows it staged. */
export const importRequest = z
  .object({
    kind: z.enum(['creator-analysis', 'orders']),
    ...meta,
    stage,
    chunks: z.number().int().min(1).max(Math.ceil(MAX_ROWS / STAGE_ROWS)),
    rowCount: z.number().int().min(1).max(MAX_ROWS),
  })
  .strict();
export type ImportRequest = z.infer<typeof importRequest>;

export const dropRequest = z.object({ stage }).strict();
export type DropRequest = z.infer<typeof dropRequest>;

export type ImportResponse =
  | { ok: true; status: 'imported' | 'already'; record: ImportRecord }
  | { ok: false; status: 'cancelled' }
  | { ok: false; status: 'invalid' | 'failed'; reason: string };

export const cancelRequest = z.object({ id: meta.id }).strict();
export type CancelRequest = z.infer<typeof cancelRequest>;
