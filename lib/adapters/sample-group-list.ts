import { applyInfo, parseApplyList } from './sample-elements';
import type { EndpointAdapter } from './types';

/**
 * POST /api/v1/affiliate/sample/group/list: the Sample requests page, every tab (domain.md §3.1). The element shapes
 * are shared with the refundable list (see sample-elements.ts).
 */
export const sampleGroupList: EndpointAdapter = {
  parse: (json, requestBody) => parseApplyList(json, requestBody, { schema: applyInfo }),
};
