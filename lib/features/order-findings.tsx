import { findingAnnotations, type FeatureDeps } from '../overlay/annotations';
import type { Feature } from '../overlay/manager';
import { isOrders } from '../page-detect';

/**
 * Affiliate orders: commission sanity (`order-commission-sanity`: a zero commission where one is due, or an estimate
 * and an actual commission far apart) on the order the line belongs to, anchored by the order id; among the order's
 * lines, on the one that shows the line's SKU id, product id or product name (`anchorsOf` in lib/rules/view.ts). A line
 * sent with none of these (the Affiliate orders page sends none) is annotated on every line of its order shown.
 */
export const orderFindings = (deps: FeatureDeps): Feature =>
  findingAnnotations(deps, { id: 'order-findings', include: [isOrders], subjects: ['orderSku'] });

/* Test pages: test/sim (Affiliate orders, markups `table` and `cards`); test/e2e/annotations.test.ts */
