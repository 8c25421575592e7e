import { isRead, parentOf, type ReadSet } from './reads';
import type { ResponseShape } from './shape';
import { isData } from './unread';

/**
 * The shape watch: per endpoint (and per form of answer, `variant`), the JSON paths real answers carried with their
 * types, how many distinct answers carried each and when it first and last came. No values. Compared with what the
 * adapter reads (`analyseShape`), it tells which fields TikTok sends that nothing reads, and which fields the adapter
 * expects that stopped coming: the evidence for fixing an adapter after TikTok changes a page.
 */

export interface PathStat {
  /** JSON types seen at the path (bits of `JSON_TYPES`). */
  types: number;
  /** Distinct answers that carried the path. */
  seen: number;
  /** When it first and last came (epoch ms UTC). */
  first: number;
  last: number;
  /** The answer counts (`EndpointShape.answers`) at its first and last sighting. */
  firstAnswer: number;
  lastAnswer: number;
}

export interface EndpointShape {
  /** `endpoint` or `endpoint|variant`. */
  key: string;
  endpoint: string;
  variant?: string;
  /** Distinct answers merged (the same answer seen again, as on a reload, counts once). */
  answers: number;
  firstSeenAt: number;
  lastSeenAt: number;
  paths: Record<string, PathStat>;
  /** Paths not kept because the record was full (`MAX_STORED_PATHS`) or the answer was past the walk's bounds. */
  truncated: number;
}

/** Paths one endpoint's record keeps at most: a changed page adds paths, never without bound. */
export const MAX_STORED_PATHS = 400;
/** A regular field absent from this many answers in a row has stopped coming. */
export const MISSING_AFTER = 2;

export const shapeKey = (endpoint: string, variant?: string) => (variant ? `${endpoint}|${variant}` : endpoint);

/** `prev` with one more distinct answer of shape `shape` seen at `seenAt`. Pure. */
export function mergeShape(
  prev: EndpointShape | undefined,
  endpoint: string,
  variant: string | undefined,
  shape: ResponseShape,
  seenAt: number,
): EndpointShape {
  const answers = (prev?.answers ?? 0) + 1;
  const paths: Record<string, PathStat> = { ...prev?.paths };
  let truncated = (prev?.truncated ?? 0) + shape.truncated;
  let size = Object.keys(paths).length;
  for (const [path, types] of shape.paths) {
    const p = paths[path];
    if (p) {
      paths[path] = { ...p, types: p.types | types, seen: p.seen + 1, last: Math.max(p.last, seenAt), lastAnswer: answers };
    } else if (size < MAX_STORED_PATHS) {
      paths[path] = { types, seen: 1, first: seenAt, last: seenAt, firstAnswer: answers, lastAnswer: answers };
      size += 1;
    } else truncated += 1;
  }
  return {
    key: shapeKey(endpoint, variant),
    endpoint,
    ...(variant === undefined ? {} : { variant }),
    answers,
    firstSeenAt: Math.min(prev?.firstSeenAt ?? seenAt, seenAt),
    lastSeenAt: Math.max(prev?.lastSeenAt ?? seenAt, seenAt),
    paths,
    truncated,
  };
}

export interface UnreadField {
  path: string;
  types: number;
  seen: number;
  first: number;
  /** Paths stored under it (unread with it). */
  inside: number;
}

export interface MissingField {
  path: string;
  types: number;
  /** When it last came. */
  last: number;
  /** Answers since that did not carry it. */
  absentFor: number;
}

export interface ShapeAnalysis {
  unread: UnreadField[];
  missing: MissingField[];
}

/**
 * What the stored shape says against what the adapter reads:
 * - `unread`: paths nothing reads, at their frontier (the first unread node of a branch; what lies inside is counted);
 * - `missing`: paths the adapter reads that came in every answer from their first to their last (at least twice) and
 *   have not come in the last `MISSING_AFTER` answers or more. A field that comes only now and then is not missing.
 */
export function analyseShape(shape: EndpointShape, reads: ReadSet): ShapeAnalysis {
  const entries = Object.entries(shape.paths);
  // The envelope (`code`, `message`, `msg`, `log_id`…) is understood by every adapter, whether it reads it or not.
  const unreadSet = new Set(entries.filter(([p]) => isData(p) && !isRead(reads, p)).map(([p]) => p));
  const unread: UnreadField[] = [];
  for (const [path, s] of entries) {
    if (!unreadSet.has(path) || unreadSet.has(parentOf(path))) continue;
    const inside = entries.filter(([p]) => p !== path && (p.startsWith(`${path}.`) || p.startsWith(`${path}[]`))).length;
    unread.push({ path, types: s.types, seen: s.seen, first: s.first, inside });
  }
  const isMissing = (s: PathStat) =>
    s.seen >= 2 && s.seen === s.lastAnswer - s.firstAnswer + 1 && shape.answers - s.lastAnswer >= MISSING_AFTER;
  const missingSet = new Set(entries.filter(([p, s]) => !unreadSet.has(p) && isMissing(s)).map(([p]) => p));
  const missing = entries
    .filter(([p]) => missingSet.has(p) && !missingSet.has(parentOf(p)))
    .map(([path, s]) => ({ path, types: s.types, last: s.last, absentFor: shape.answers - s.lastAnswer }));
  const byPath = (a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path);
  return { unread: unread.sort(byPath), missing: missing.sort(byPath) };
}
