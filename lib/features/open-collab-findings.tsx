import { findingAnnotations, type FeatureDeps } from '../overlay/annotations';
import type { Feature } from '../overlay/manager';
import { isOpenCollaboration } from '../page-detect';

/**
 * Open collaboration: a product's open commission under the benchmark of its category, on the product's row. Not on
 * Creator applications: a row there is a creator's application (its card is there), not the product.
 */
const isProductList = (url: URL) => isOpenCollaboration(url) && !/\/creator-applications\/?$/.test(url.pathname);

export const openCollabFindings = (deps: FeatureDeps): Feature =>
  findingAnnotations(deps, { id: 'open-collab-findings', include: [isProductList], subjects: ['openCollab'] });

/* Test pages: test/sim (Open collaboration, markups `table` and `cards`); test/e2e/annotations.test.ts */
