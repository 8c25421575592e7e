import { findingAnnotations, type FeatureDeps } from '../overlay/annotations';
import type { Feature } from '../overlay/manager';
import { isOrders } from '../page-detect';

/**
 * Affiliate orders: commission sanity (`order-commission-sanity`: a zero commission where one is due, or an estimate
 * and an actual commission far apart) on the order the SKU row belongs to, anchored by the order id.
 */
export const orderFindings = (deps: FeatureDeps): Feature =>
  findingAnnotations(deps, { id: 'order-findings', include: [isOrders], subjects: ['orderSku'] });

/* Test pages: test/sim (Affiliate orders, markups `table` and `cards`); test/e2e/annotations.test.ts */
