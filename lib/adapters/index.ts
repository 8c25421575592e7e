import type { EndpointId } from '../capture/endpoints';
import { sampleGroupList } from './sample-group-list';
import type { EndpointAdapter } from './types';

/** One adapter per captured endpoint; the type makes a missing one a compile error. */
export const ADAPTERS: Readonly<Record<EndpointId, EndpointAdapter>> = {
  'sample.group.list': sampleGroupList,
};
