import type { ProductFact, SkuFact } from '../../adapters/types';
import type { Product, Sku } from '../../domain/types';
import { mergeAll, type Sink } from './sink';
import { mergeProduct, mergeSku } from '../merge';

/**
 * A product's category, when it first shows or moves, is a transition (entity `product`, from and to the category id):
 * a benchmark knows from it that a category gained or lost a product, without re-reading every product.
 */
export const productsSink: Sink<ProductFact> = {
  keyOf: (f) => f.productId,
  table: 'products',
  apply: async ({ tables, sighting, history }, facts) => {
    await mergeAll<Product, ProductFact>(tables.products, facts, (f) => f.productId, (prev, f) => {
      const next = mergeProduct(prev, f, sighting);
      if (next.categoryId !== undefined && next.categoryId !== prev?.categoryId) {
        history.transition('product', next.productId, prev?.categoryId, next.categoryId, next.categoryName ?? next.categoryId);
      }
      return next;
    });
  },
};

export const skusSink: Sink<SkuFact> = {
  keyOf: (f) => f.skuId,
  table: 'skus',
  apply: async ({ tables, sighting }, facts) => {
    await mergeAll<Sku, SkuFact>(tables.skus, facts, (f) => f.skuId, (prev, f) => mergeSku(prev, f, sighting));
  },
};
