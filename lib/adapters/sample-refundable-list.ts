import { z } from 'zod';
import { applyInfo, listReads, parseApplyList, tabVariant } from './sample-elements';
import type { EndpointAdapter } from './types';
import { epochMsOrNone, moneyObject, nonNegativeInt } from './values';

/**
 * POST /api/v1/affiliate/sample/refundable/apply/list: the "Refundable samples" view of the Sample requests page.
 * domain.md §1.5 names the endpoint; its shape is unknown (research/real-shapes.md §6) [unknown]. Read as the group
 * list is, in its real form and domain.md's (`{tab, cur_page, page_size, …}` → `agg_info[]`, at the top level or under
 * `data`), each request adding `refundable_info`: the creator is refunded the deposit once they sell `sales_target`
 * units before `end_time` (our assumption).
 *
 *   refundable_info: { sales_target: 20 | "20", sales_count: 7 | "7", end_time: "1765…" (ms), deposit: {value, symbol} }
 *
 * Every record of this list is a refundable sample, whatever `sample_type` says or leaves out.
 */

const refundableInfo = z.object({
  /** Units the creator must sell in the window. */
  sales_target: nonNegativeInt.nullish(),
  /** Units sold so far. */
  sales_count: nonNegativeInt.nullish(),
  end_time: epochMsOrNone.nullish(),
  deposit: moneyObject.nullish(),
});

const refundableApply = applyInfo.extend({ refundable_info: refundableInfo.nullish() });

export const sampleRefundableList: EndpointAdapter = {
  reads: listReads(refundableApply),
  variantOf: tabVariant,
  parse: (json, requestBody, context) =>
    parseApplyList(json, requestBody, context, {
      schema: refundableApply,
      extra: (a) => {
        const r = a.refundable_info;
        return {
          sampleType: 'REFUNDABLE_SAMPLE',
          refundable: r
            ? {
                goalUnits: r.sales_target ?? undefined,
                soldUnits: r.sales_count ?? undefined,
                windowEndAt: r.end_time ?? undefined,
                deposit: r.deposit ?? undefined,
              }
            : undefined,
        };
      },
    }),
};
