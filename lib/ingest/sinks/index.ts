import { productsSink, skusSink } from './catalog';
import { creatorsSink } from './creators';
import { sampleRequestsSink } from './samples';
import type { Sinks } from './sink';

/** Every record kind's sink. A kind without one does not compile. */
export const SINKS: Sinks = {
  creators: creatorsSink,
  products: productsSink,
  skus: skusSink,
  sampleRequests: sampleRequestsSink,
};
