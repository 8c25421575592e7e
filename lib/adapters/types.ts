import type { SampleStatus } from '../domain/sample-status';
import type { SampleType } from '../domain/types';

/** Facts one response carries, before they are merged into the model with their provenance. */
export interface CreatorFact {
  handle: string;
  nickname?: string;
  aliases: string[];
  followerCount?: number;
  fulfillmentBps?: number;
}

export interface ProductFact {
  productId: string;
  title: string;
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
}

export interface Records {
  creators: CreatorFact[];
  products: ProductFact[];
  skus: SkuFact[];
  sampleRequests: SampleRequestFact[];
}

/** Where a record broke: a path with array indices folded to `[]`, and zod's issue code. Never a value. */
export interface Rejection {
  path: string;
  code: string;
}

export interface AdapterResult {
  records: Records;
  accepted: number;
  rejections: Rejection[];
}

/** One endpoint family: validates a response (and the request body that asked for it) and maps it to facts. */
export interface EndpointAdapter {
  parse(json: unknown, requestBody: unknown): AdapterResult;
}

export function emptyRecords(): Records {
  return { creators: [], products: [], skus: [], sampleRequests: [] };
}
