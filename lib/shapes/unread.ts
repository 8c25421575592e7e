import type { AdapterResult, Rejection } from '../adapters/types';
import { isRead, parentOf, type ReadSet } from './reads';
import { typeBit, type ResponseShape } from './shape';

/**
 * Top-level keys of Affiliate Center's envelopes: status, messages and tracing that carry no record. A response with
 * only these (an error, an empty page, a profile part with nothing to show) is not a failure to read.
 */
export const ENVELOPE_KEYS: ReadonlySet<string> = new Set([
  'code',
  'message',
  'msg',
  'log_id',
  'logid',
  'request_id',
  'extra',
  'status_code',
  'status_msg',
  'BaseResp',
  'base_resp',
]);

/** Paths of the answer's own data (the envelope left out). */
export const isData = (path: string) => !ENVELOPE_KEYS.has(path.split(/[.[]/, 1)[0] as string);

/**
 * The paths of `shape` that `reads` does not cover, at their frontier: the first unread node of each branch (its
 * children are unread with it). The envelope is left out.
 */
export function unreadPaths(shape: ResponseShape, reads: ReadSet): string[] {
  const out: string[] = [];
  for (const path of shape.paths.keys()) {
    if (!isData(path) || isRead(reads, path)) continue;
    const parent = parentOf(path);
    if (parent === '' || isRead(reads, parent)) out.push(path);
  }
  return out.sort();
}

/** Lists of records in the answer: arrays whose elements are objects. */
export function recordLists(shape: ResponseShape): string[] {
  const object = typeBit('object');
  return [...shape.paths]
    .filter(([path, types]) => path.endsWith('[]') && (types & object) !== 0 && isData(path))
    .map(([path]) => path.slice(0, -2))
    .sort();
}

/** At most this many paths are named for one answer that could not be read. */
export const MAX_NAMED_PATHS = 20;

/**
 * An answer that carried data and gave no record, no rejection and no error code is a failure to read, never an
 * empty page: one `no_record` failure at its (first) list, or at `(response)` when it has no list, and one `not_read`
 * failure per path nothing understood. Paths only, never values. An answer whose only lists are empty arrays the
 * adapter reads is an empty page (a tab with nothing in it), whatever else it carries: the shape watch shows that.
 */
export function silentDropFailures(result: AdapterResult, shape: ResponseShape, reads: ReadSet): Rejection[] {
  if (result.skipped || result.accepted > 0 || result.rejections.length > 0) return [];
  const lists = recordLists(shape);
  const unread = unreadPaths(shape, reads);
  const emptyReadList = [...shape.paths].some(([path, types]) => types === typeBit('array') && !shape.paths.has(`${path}[]`) && isRead(reads, path));
  if (!lists.length && (!unread.length || emptyReadList)) return [];
  return [
    { path: lists[0] ?? '(response)', code: 'no_record' },
    ...unread.slice(0, MAX_NAMED_PATHS).map((path) => ({ path, code: 'not_read' })),
  ];
}
