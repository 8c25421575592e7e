import { applyInfo, listReads, parseApplyList, tabVariant } from './sample-elements';
import type { EndpointAdapter } from './types';

/**
 * POST /api/v1/affiliate/sample/group/list: the Sample requests page, every tab. Rests on research/real-shapes.md §1
 * [raw][fixture][parser]: `agg_info` at the top level, each element with `apply_group` and `apply_deatil` together,
 * the state in `curr_status`, the creator's figures as display strings. domain.md §3.1's forms are still read. The
 * element parsing is shared with the refundable list (sample-elements.ts); each tab is its own form of answer.
 */
export const sampleGroupList: EndpointAdapter = {
  parse: (json, requestBody, context) => parseApplyList(json, requestBody, context, { schema: applyInfo }),
  reads: listReads(applyInfo),
  variantOf: tabVariant,
};
