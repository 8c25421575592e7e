import type { Money } from '../domain/money';
import type { ReadSet } from '../shapes/reads';
import type { SampleStatus } from '../domain/sample-status';
import type { ContactChannel, CreatorMetrics, SampleRequest, SampleType, TikTokView } from '../domain/types';

/** Facts one response carries, before they are merged into the model with their provenance. */
export interface CreatorFact {
  handle: string;
  nickname?: string;
  aliases: string[];
  followerCount?: number;
  fulfillmentBps?: number;
  /** Public metrics shown with the creator on this surface (kept as a dated snapshot when they change). */
  metrics?: CreatorMetrics;
  categories?: string[];
  region?: string;
  /** Contact channels the creator shares; the values go to `contacts` through the sink, never onto the creator. */
  contactChannels?: ContactChannel[];
}

export interface ProductFact {
  productId: string;
  title: string;
  /** The list price, where the page shows one in a currency it names. */
  price?: Money;
  /** The first-level category, where the page sends one (see `categoryOf`). */
  categoryId?: string;
  categoryName?: string;
}

export interface SkuFact {
  skuId: string;
  productId: string;
  description?: string;
  stock?: number;
}

export interface SampleRequestFact {
  applyId: string;
  creatorHandle: string;
  productId: string;
  skuId?: string;
  groupId?: string;
  status: SampleStatus;
  statusRaw: string;
  sampleType?: SampleType;
  commissionBps?: number;
  appliedAt?: number;
  /** Milliseconds left to the current stage's deadline, as sent. */
  expiresInMs?: number;
  /** Refundable samples only (`sample/refundable/apply/list`): the sales goal, progress toward it, window and deposit. */
  refundable?: SampleRequest['refundable'];
  /** TikTok's own flags and scores for the request, where the list sends any. */
  tiktok?: TikTokView;
  mainOrderId?: string;
  reviewStatusRaw?: string;
}

/**
 * Every kind of fact an adapter can yield, by kind. A surface family adds its kinds by module augmentation from its
 * own file (`declare module '../adapters/types' { interface RecordsMap { orders: OrderFact } }`) and registers a sink
 * for each in lib/ingest/sinks/index.ts; the `Sinks` type makes a missing sink a compile error.
 */
export interface RecordsMap {
  creators: CreatorFact;
  products: ProductFact;
  skus: SkuFact;
  sampleRequests: SampleRequestFact;
}

export type RecordKind = keyof RecordsMap;

export type Records = { [K in RecordKind]?: RecordsMap[K][] };

/** Where a record broke: a path with array indices folded to `[]`, and zod's issue code. Never a value. */
export interface Rejection {
  path: string;
  code: string;
}

export interface AdapterResult {
  records: Records;
  accepted: number;
  rejections: Rejection[];
  /** The response was an error envelope (captcha, quota, bad parameters): nothing was seen, nothing is recorded. */
  skipped?: true;
}

/** What an adapter knows of where the answer was seen, besides the answer and its request. */
export interface ParseContext {
  /**
   * The shop's region (`US`, `ID`, `GB`…, from the page and API URLs; `XX` when unknown): the locale that display
   * strings (`"Rp130.973.930"`, `"$2,400"`, `"100.00%"`) are written in, and the currency of money sent without one.
   */
  region: string;
}

/** One endpoint family: validates a response (and the request body that asked for it) and maps it to facts. */
export interface EndpointAdapter {
  parse(json: unknown, requestBody: unknown, context?: ParseContext): AdapterResult;
  /** Every JSON path `parse` reads, derived from its schemas (`readsOf`): what the shape watch compares answers with. */
  reads: ReadSet;
  /**
   * Which form of answer a request asks for, where one endpoint answers in several (a sample-list tab, a creator
   * profile type): each form keeps its own shape. A short code built from the request's own enums (`tab:10`), never
   * a value the seller typed.
   */
  variantOf?(requestBody: unknown): string | undefined;
}

/** Append facts of one kind to a Records object. */
export function add<K extends RecordKind>(records: Records, kind: K, ...facts: RecordsMap[K][]): void {
  ((records[kind] ??= []) as RecordsMap[K][]).push(...facts);
}
