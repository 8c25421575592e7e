import { Dexie, type EntityTable, type Transaction } from 'dexie';
import { SORT_KEYS, type CreatorMarks, type CreatorRow } from '../creators/model';
import type {
  Campaign,
  Contact,
  Creator,
  CreatorApplication,
  CreatorPerformance,
  EndpointStat,
  ImportRecord,
  Insight,
  Invitation,
  InvitationCreator,
  InvitationProduct,
  Observation,
  OpenCollab,
  Order,
  OrderSku,
  Product,
  ProductCost,
  TriageMark,
  Aggregate,
  Registration,
  SampleContent,
  SampleRequest,
  Shop,
  ShopAccount,
  ShopCreator,
  Sku,
  Snapshot,
  Transition,
} from '../domain/types';
import type { Finding, FindingState } from '../rules/types';
import type { EndpointShape } from '../shapes/watch';
import { upgradeV1toV2 } from './upgrades/v1-to-v2';

export const DB_NAME = 'collab-lens';

/**
 * The local domain model. The background service worker is the only writer; extension pages read it through live queries.
 * Every shipped schema change is a new `version(n)` with a tested upgrade (lib/db/upgrades); never edit a shipped version.
 */
export class AppDB extends Dexie {
  shops!: EntityTable<Shop, 'key'>;
  accounts!: EntityTable<ShopAccount, 'key'>;
  creators!: EntityTable<Creator, 'handle'>;
  creatorPerformance!: EntityTable<CreatorPerformance, 'key'>;
  products!: EntityTable<Product, 'productId'>;
  skus!: EntityTable<Sku, 'skuId'>;
  sampleRequests!: EntityTable<SampleRequest, 'applyId'>;
  sampleContents!: EntityTable<SampleContent, 'contentId'>;
  invitations!: EntityTable<Invitation, 'id'>;
  invitationProducts!: Dexie.Table<InvitationProduct, [string, string]>;
  invitationCreators!: Dexie.Table<InvitationCreator, [string, string]>;
  openCollabs!: EntityTable<OpenCollab, 'key'>;
  creatorApplications!: EntityTable<CreatorApplication, 'id'>;
  orders!: EntityTable<Order, 'orderId'>;
  orderSkus!: EntityTable<OrderSku, 'key'>;
  campaigns!: EntityTable<Campaign, 'id'>;
  registrations!: EntityTable<Registration, 'key'>;
  insights!: EntityTable<Insight, 'key'>;
  snapshots!: EntityTable<Snapshot, 'id'>;
  transitions!: EntityTable<Transition, 'id'>;
  contacts!: EntityTable<Contact, 'id'>;
  observations!: EntityTable<Observation, 'id'>;
  endpointStats!: EntityTable<EndpointStat, 'endpoint'>;
  imports!: EntityTable<ImportRecord, 'id'>;
  findings!: EntityTable<Finding, 'id'>;
  findingStates!: EntityTable<FindingState, 'id'>;
  costs!: EntityTable<ProductCost, 'key'>;
  triageMarks!: EntityTable<TriageMark, 'applyId'>;
  aggregates!: EntityTable<Aggregate, 'key'>;
  shapes!: EntityTable<EndpointShape, 'key'>;
  shopCreators!: Dexie.Table<ShopCreator, [string, string]>;
  creatorRows!: Dexie.Table<CreatorRow, [string, string, string]>;
  creatorMarks!: EntityTable<CreatorMarks, 'handle'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(V1);
    this.version(2)
      .stores(V2)
      .upgrade((tx: Transaction) => upgradeV1toV2(tx));
    this.version(3).stores(V3);
    this.version(4).stores(V4);
  }
}

/** Shipped 0.1.0. */
export const V1 = {
  shops: 'key, lastSeenAt',
  creators: 'handle, *aliases, lastSeenAt',
  products: 'productId, shopKey',
  skus: 'skuId, productId',
  sampleRequests: 'applyId, shopKey, [shopKey+status], [shopKey+creatorHandle], creatorHandle, lastSeenAt',
  statusHistory: '++id, applyId',
  observations: 'id, endpoint, shopKey, lastSeenAt',
  endpointStats: 'endpoint',
};

/** Every Affiliate Center surface; status histories move into the generic `transitions`. */
export const V2 = {
  ...V1,
  statusHistory: null,
  accounts: 'key, shopKey',
  creatorPerformance: 'key, shopKey, handle, importId',
  products: 'productId, shopKey, categoryId',
  sampleContents: 'contentId, applyId, [shopKey+creatorHandle]',
  invitations: 'id, shopKey, endAt',
  invitationProducts: '[invitationId+productId], productId, shopKey',
  invitationCreators: '[invitationId+handle], handle, shopKey',
  openCollabs: 'key, shopKey, productId',
  creatorApplications: 'id, shopKey, productId, creatorHandle',
  orders: 'orderId, shopKey, createdAt',
  orderSkus: 'key, orderId, [shopKey+createdAt], creatorHandle, productId',
  campaigns: 'id, shopKey, registrationEndAt',
  registrations: 'key, campaignId, productId, shopKey',
  insights: 'key, shopKey',
  snapshots: '++id, [entity+key+seenAt], seenAt',
  transitions: '++id, [entity+key], seenAt',
  contacts: 'id, [entity+key], seenAt',
  imports: 'id, importedAt',
};

/**
 * The rule engine's findings (derived from the model, replaced by evaluation), the seller's decisions about them
 * (dismiss, snooze, notified: never touched by evaluation), the seller-entered product costs, the seller's triage
 * marks on sample requests and the aggregates the popup reads (kept current by the background). New tables only, so
 * no upgrade function: every v2 row stays as it is.
 */
export const V3 = {
  ...V2,
  sampleRequests: `${V2.sampleRequests}, productId`,
  findings: 'id, ruleId, [ruleId+subjectKey], [shopKey+subject], dueAt',
  findingStates: 'id',
  costs: 'key, shopKey, productId',
  triageMarks: 'applyId, shopKey',
  aggregates: 'key, shopKey',
};

/**
 * The shape watch (`lib/shapes`: per endpoint and form of answer, the JSON paths real answers carried, no values) and
 * the shop-relative view of creators. New tables only, so no upgrade function.
 */
export const V4 = {
  ...V3,
  shapes: 'key, endpoint',
  /** What each shop's creator marketplace showed about a creator: shop-relative flags, median commission (lib/queries/benchmark.ts). */
  shopCreators: '[shopKey+handle], handle, shopKey',
  /** The creators view's rows (lib/creators/model.ts): one per shop, period and creator, with a sort index per column. */
  creatorRows: ['[shopKey+period+handle]', 'handle', ...SORT_KEYS.map((k) => `[shopKey+period+sort.${k}]`)].join(', '),
  /** The seller's own tags, notes, watch and block marks per creator. */
  creatorMarks: 'handle, *tags',
};

/** Tables only the seller or the rule engine write; an ingest transaction never locks them. */
const NOT_INGESTED = new Set(['imports', 'findings', 'findingStates', 'costs', 'triageMarks', 'aggregates', 'creatorRows', 'creatorMarks']);

/** Tables the ingest transaction writes, in one place so the transaction scope and the model stay in step. */
export function ingestTables(db: AppDB) {
  return db.tables.filter((t) => !NOT_INGESTED.has(t.name));
}
