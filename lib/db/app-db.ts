import { Dexie, type EntityTable } from 'dexie';
import type { Creator, EndpointStat, Observation, Product, SampleRequest, Shop, Sku, StatusChange } from '../domain/types';

export const DB_NAME = 'collab-lens';

/**
 * The local domain model. The background service worker is the only writer; extension pages read it through live queries.
 * Every shipped schema change is a new `version(n)` with a tested upgrade; never edit a version that has shipped.
 */
export class AppDB extends Dexie {
  shops!: EntityTable<Shop, 'key'>;
  creators!: EntityTable<Creator, 'handle'>;
  products!: EntityTable<Product, 'productId'>;
  skus!: EntityTable<Sku, 'skuId'>;
  sampleRequests!: EntityTable<SampleRequest, 'applyId'>;
  statusHistory!: EntityTable<StatusChange, 'id'>;
  observations!: EntityTable<Observation, 'id'>;
  endpointStats!: EntityTable<EndpointStat, 'endpoint'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      shops: 'key, lastSeenAt',
      creators: 'handle, *aliases, lastSeenAt',
      products: 'productId, shopKey',
      skus: 'skuId, productId',
      sampleRequests: 'applyId, shopKey, [shopKey+status], [shopKey+creatorHandle], creatorHandle, lastSeenAt',
      statusHistory: '++id, applyId',
      observations: 'id, endpoint, shopKey, lastSeenAt',
      endpointStats: 'endpoint',
    });
  }
}

/** Tables the ingest transaction writes, in one place so the transaction scope and the model stay in step. */
export function ingestTables(db: AppDB) {
  return [db.shops, db.creators, db.products, db.skus, db.sampleRequests, db.statusHistory, db.observations, db.endpointStats];
}
