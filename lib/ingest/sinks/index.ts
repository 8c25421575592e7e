import { productsSink, skusSink } from './catalog';
import { creatorsSink } from './creators';
import { sampleRequestsSink } from './samples';
import type { Sinks } from './sink';
// [imports:orders]
// [imports:creators]
// [imports:collaborations]
// [imports:campaigns]
// [imports:samples]

/** Every record kind's sink. A kind without one does not compile. */
export const SINKS: Sinks = {
  creators: creatorsSink,
  products: productsSink,
  skus: skusSink,
  sampleRequests: sampleRequestsSink,
  // [section:orders]
  // [section:creators]
  // [section:collaborations]
  // [section:campaigns]
  // [section:samples]
};
