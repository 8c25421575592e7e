import type { ProductCost } from '../domain/types';

/** A shop's entered costs, by SKU and by product. */
export interface CostIndex {
  bySku: Map<string, ProductCost>;
  byProduct: Map<string, ProductCost[]>;
}

export function costIndex(costs: readonly ProductCost[]): CostIndex {
  const index: CostIndex = { bySku: new Map(), byProduct: new Map() };
  for (const c of costs) {
    index.bySku.set(c.skuId, c);
    const list = index.byProduct.get(c.productId);
    if (list) list.push(c);
    else index.byProduct.set(c.productId, [c]);
  }
  return index;
}

/** The cost of a request's sample: its SKU's, or the product's only cost row when the request names no SKU. */
export function costFor(index: CostIndex, productId: string, skuId: string | undefined): ProductCost | undefined {
  if (skuId !== undefined) return index.bySku.get(skuId);
  const ofProduct = index.byProduct.get(productId) ?? [];
  return ofProduct.length === 1 ? ofProduct[0] : undefined;
}
