/** Pure helpers the built-in rules share: time constants, evidence, change sets, inputs' shapes. Loaders: inputs/. */

import type { SampleStatus } from '../domain/sample-status';
import type { Campaign, Product, Registration, SampleRequest, SourceRef, Transition } from '../domain/types';
import { commissionBenchmark, regionOf, type CommissionObservation } from '../queries/benchmark';
import type { ChangeSet, Evidence, FindingDraft, SubjectInput, ThresholdSpec } from './types';

/**
 * TikTok's posting obligation for a sample (seller help "How to send sample post reminders" and the Sample Integrity
 * Policy, user-needs.md need 4 and idea 2): the creator posts within 14 days of delivery and may extend once by 7 days;
 * the seller may send one post reminder, no earlier than 5 days after delivery.
 */
export const POSTING_WINDOW_DAYS = 14;
export const POSTING_EXTENSION_DAYS = 7;
export const REMINDER_AFTER_DAYS = 5;

/** The keys of the `entity` records whose status history moved: a change set names transitions as `entity|key`. */
export function transitionSubjects(changes: ChangeSet, entity: string): string[] {
  const prefix = `${entity}|`;
  return [...new Set(changedKeys(changes, 'transitions').flatMap((k) => (k.startsWith(prefix) ? [k.slice(prefix.length)] : [])))];
}

/** When Collab Lens first saw a request in `status`, and on which page. */
export interface StatusSighting {
  at: number;
  source: SourceRef;
}

/**
 * The first sighting of `status` for a request: its earliest transition to it, or, when no transition was kept (a
 * restored or hand-made model), the request's own `statusSeenAt` if that is its current status. A sighting is an upper
 * bound: the change happened at or before it.
 */
export function firstSighting(request: SampleRequest, transitions: readonly Transition[] | undefined, status: SampleStatus): StatusSighting | undefined {
  const t = transitions?.find((x) => x.to === status);
  if (t) return { at: t.seenAt, source: t.source };
  return request.status === status ? { at: request.statusSeenAt, source: request.source } : undefined;
}

/** A sample request as evidence: its key, when it was last seen and on which page. */
export const requestEvidence = (r: SampleRequest, basis?: Evidence['basis']): Evidence => seenRecord('sampleRequest', r.applyId, r, basis);

/** A product's name for a message: its title when Collab Lens saw one, else its id. */
export const productName = (products: ReadonlyMap<string, Product>, productId: string): string => products.get(productId)?.title || productId;

/** A sample request with the name its messages give its product. */
export interface RequestInput extends SubjectInput {
  request: SampleRequest;
  product: string;
}

/** A request waiting for content: when Collab Lens first saw it delivered, and whether a post for it was captured. */
export interface ContentInput extends RequestInput {
  /** First sighting of `CONTENT_PENDING` (TikTok's status once the creator received the sample). */
  delivered?: StatusSighting;
  hasContent: boolean;
}

/** The benchmark group of a product: its shop's region and its category. */
export const benchmarkGroup = (shopKey: string, categoryId: string): string => `${regionOf(shopKey)}|${categoryId}`;

/** The benchmark rules' threshold: how many distinct rates a category needs before it is a benchmark. */
export const MIN_OBSERVATIONS: ThresholdSpec = {
  label: { en: 'Commission rates needed in a category before comparing', id: 'Jumlah tarif komisi yang dibutuhkan dalam satu kategori sebelum dibandingkan' },
  unit: 'count',
  default: 20,
  min: 5,
  max: 500,
};

/** The params and evidence the two benchmark rules share, or nothing when the rate is not under the 25th percentile. */
export function belowBenchmark(
  rate: number | undefined,
  product: Product | undefined,
  shopKey: string,
  observations: readonly CommissionObservation[],
  minCount: number,
): { params: FindingDraft['params']; evidence: Evidence[] } | undefined {
  if (rate === undefined || !product?.categoryId) return undefined;
  const b = commissionBenchmark(observations, product.categoryId, { minCount, region: regionOf(shopKey), excludeProductId: product.productId });
  if ('tooFew' in b || rate >= b.p25) return undefined;
  return {
    params: {
      product: product.title || product.productId,
      productId: product.productId,
      category: product.categoryName ?? product.categoryId,
      rate: { bps: rate },
      p25: { bps: b.p25 },
      p50: { bps: b.p50 },
      count: b.count,
      from: { at: b.from },
      to: { at: b.to },
    },
    evidence: [seenRecord('product', product.productId, product)],
  };
}

/** An hour and a day in epoch milliseconds. */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** The primary keys a change set holds for one table (none when the table did not change). */
export const changedKeys = (changes: ChangeSet, table: string): readonly string[] => changes[table] ?? [];

/** The two parts of a compound primary key as the change set writes it (`invitationId|handle`); the rest is `''`. */
export function keyParts(key: string): [string, string] {
  const i = key.indexOf('|');
  return i === -1 ? [key, ''] : [key.slice(0, i), key.slice(i + 1)];
}

/** Evidence of one stored record: which entity, its key, and when and on which page Collab Lens last saw it. */
export function seenRecord(entity: string, key: string, row: { lastSeenAt: number; source?: SourceRef }, basis?: Evidence['basis']): Evidence {
  return { entity, key, seenAt: row.lastSeenAt, ...(row.source ? { source: row.source } : {}), ...(basis ? { basis } : {}) };
}

/** A product registration with what its messages name: the campaign (name, windows) and the product's title. */
export interface RegistrationInput extends SubjectInput {
  registration: Registration;
  campaign?: Campaign;
  productTitle?: string;
}

/** How a registration's messages name its product and campaign: the title and name when seen, else their ids. */
export const registrationNames = (input: RegistrationInput): { product: string; campaign: string } => ({
  product: input.productTitle || input.registration.productId,
  campaign: input.campaign?.name || input.registration.campaignId,
});

/** Evidence of a registration and, when known, of the campaign it belongs to. */
export const registrationEvidence = (input: RegistrationInput): Evidence[] => [
  seenRecord('registration', input.registration.key, input.registration),
  ...(input.campaign ? [seenRecord('campaign', input.campaign.id, input.campaign)] : []),
];
