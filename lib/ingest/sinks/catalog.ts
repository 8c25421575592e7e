import type { ProductFact, SkuFact } from '../../adapters/types';
import type { Product, Sku } from '../../domain/types';
import { mergeAll, type Sink } from './sink';
import { mergeProduct, mergeSku } from '../merge';

export const productsSink: Sink<ProductFact> = {
  keyOf: (f) => f.productId,
  apply: async ({ db, sighting }, facts) => {
    await mergeAll<Product, ProductFact>(db.products, facts, (f) => f.productId, (prev, f) => mergeProduct(prev, f, sighting));
  },
};

export const skusSink: Sink<SkuFact> = {
  keyOf: (f) => f.skuId,
  apply: async ({ db, sighting }, facts) => {
    await mergeAll<Sku, SkuFact>(db.skus, facts, (f) => f.skuId, (prev, f) => mergeSku(prev, f, sighting));
  },
};
