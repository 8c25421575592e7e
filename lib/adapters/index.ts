import type { EndpointId } from '../capture/endpoints';
import { sampleGroupList } from './sample-group-list';
import type { EndpointAdapter } from './types';
// [imports:orders]
// [imports:creators]
// [imports:collaborations]
// [imports:campaigns]
// [imports:samples]

/** One adapter per captured endpoint; the type makes a missing one a compile error. */
export const ADAPTERS: Readonly<Record<EndpointId, EndpointAdapter>> = {
  'sample.group.list': sampleGroupList,
  // [section:orders]
  // [section:creators]
  // [section:collaborations]
  // [section:campaigns]
  // [section:samples]
};
