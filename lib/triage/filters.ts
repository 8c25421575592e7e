import type { Mark, TriageItem } from './queue';

/**
 * What the seller can select the queue by, to mark many requests at once. A request whose figure is unknown never
 * matches a threshold filter (a fulfilment rate the creator has not shared is not "under 40%").
 */
export type BulkFilter =
  | { kind: 'fulfilment-under'; percent: number }
  | { kind: 'no-content' }
  | { kind: 'deadline-within'; hours: number }
  | { kind: 'score-under'; points: number }
  | { kind: 'tiktok-cannot' }
  | { kind: 'blocked' };

export const FILTER_KINDS = ['fulfilment-under', 'no-content', 'deadline-within', 'score-under', 'tiktok-cannot', 'blocked'] as const satisfies readonly BulkFilter['kind'][];

/** The filters that take no value. */
export const VALUELESS: ReadonlySet<BulkFilter['kind']> = new Set(['no-content', 'tiktok-cannot', 'blocked']);

/** Pure: does the request match the filter at `now`? */
export function matchesFilter(item: TriageItem, filter: BulkFilter, now: number): boolean {
  switch (filter.kind) {
    case 'fulfilment-under':
      return item.fulfilmentBps !== undefined && item.fulfilmentBps < filter.percent * 100;
    case 'no-content':
      return item.history.posted === 0;
    case 'deadline-within': {
      if (item.deadline?.kind !== 'review') return false;
      const left = item.deadline.at - now;
      return left > 0 && left <= filter.hours * 3_600_000;
    }
    case 'score-under':
      return item.score.total < filter.points;
    case 'tiktok-cannot':
      return item.tiktok?.value.canBeApproved === false;
    case 'blocked':
      return item.blocked === true;
  }
}

/** Pure: the apply ids of the requests matching `filter`, in queue order; with `unmarkedOnly`, those not yet marked. */
export function selectByFilter(
  items: readonly TriageItem[],
  filter: BulkFilter,
  now: number,
  marks: ReadonlyMap<string, Mark>,
  unmarkedOnly: boolean,
): string[] {
  return items.filter((i) => matchesFilter(i, filter, now) && !(unmarkedOnly && marks.has(i.applyId))).map((i) => i.applyId);
}
