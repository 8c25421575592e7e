import { z } from 'zod';
import { applyInfo, parseApplyList } from './sample-elements';
import type { EndpointAdapter } from './types';
import { epochMsOrNone, moneyObject, nonNegativeInt } from './values';

/**
 * POST /api/v1/affiliate/sample/refundable/apply/list: the "Refundable samples" view of the Sample requests page
 * (domain.md §1.5 names the endpoint [M]; its shape is our assumption [L]). Body and elements as the group list
 * (`{tab, cur_page, page_size, …}` → `agg_info[]` of `apply_group` / `apply_deatil`), and each `apply_info` adds
 * `refundable_info`: the creator is refunded the deposit once they sell `sales_target` units before `end_time`.
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
  parse: (json, requestBody) =>
    parseApplyList(json, requestBody, {
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
