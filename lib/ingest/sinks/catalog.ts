import type { ProductFact, SkuFact } from '../../adapters/types';
import type { Product, Sku } from '../../domain/types';
import { mergeAll, type Sink } from './sink';
import { mergeProduct, mergeSku } from '../merge';

export const productsSink: Sink<ProductFact> = {
  keyOf: (f) => f.productId,
  table: 'products',
  apply: async ({ tables, sighting }, facts) => {
    await mergeAll<Product, ProductFact>(tables.products, facts, (f) => f.productId, (prev, f) => mergeProduct(prev, f, sighting));
  },
};

export const skusSink: Sink<SkuFact> = {
  keyOf: (f) => f.skuId,
  table: 'skus',
  apply: async ({ tables, sighting }, facts) => {
    await mergeAll<Sku, SkuFact>(tables.skus, facts, (f) => f.skuId, (prev, f) => mergeSku(prev, f, sighting));
  },
};
