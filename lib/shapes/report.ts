import type { EndpointStat } from '../domain/types';
import { isRead, type ReadSet } from './reads';
import { FOLDED_KEY, pathSanitiser, typesOf } from './shape';
import { analyseShape, type EndpointShape } from './watch';

/**
 * The shape report a seller pastes into a bug report when a page stops being read: per endpoint and form of answer,
 * the paths answers carried with their JSON types and counts, which of them Collab Lens reads, the fields nothing
 * reads, the read fields that stopped coming, and where answers were rejected. Paths, types, counts, days and the
 * extension's version: no value, no id, no name, no shop, no page address.
 */
export interface ShapeReport {
  report: 'collab-lens-shape-report';
  format: 1;
  extension: string;
  /** The day it was made (UTC). */
  created: string;
  endpoints: EndpointReport[];
}

export interface EndpointReport {
  endpoint: string;
  variant?: string;
  answers?: number;
  firstSeen?: string;
  lastSeen?: string;
  accepted?: number;
  rejected?: number;
  /** `path: code` → count, where answers were rejected. */
  failures?: Record<string, number>;
  unread?: { path: string; types: string[]; answers: number; firstSeen: string; inside: number }[];
  missing?: { path: string; types: string[]; lastSeen: string; absentFor: number }[];
  paths?: { path: string; types: string[]; answers: number; read: boolean }[];
  truncated?: number;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Ingest folds value-like segments of rejection paths; the report checks the form again, knowing no values. */
const structural = pathSanitiser(undefined);

/** A failure (`a.b[].c: code`) with every segment that could not be a field name folded. */
function safeFailure(key: string): string {
  const [path = '', code = ''] = key.split(': ');
  return `${structural(path)}: ${/^[a-z_]{1,40}$/.test(code) ? code : FOLDED_KEY}`;
}

export function shapeReport(
  shapes: readonly EndpointShape[],
  stats: readonly EndpointStat[],
  readsOf: (endpoint: string) => ReadSet | undefined,
  extension: string,
  now: number,
): ShapeReport {
  const endpoints: EndpointReport[] = [];
  const withShape = new Set(shapes.map((s) => s.endpoint));
  const statOf = new Map(stats.map((s) => [s.endpoint, s]));
  const failuresOf = (stat: EndpointStat | undefined) => {
    if (!stat) return {};
    const failures: Record<string, number> = {};
    for (const [k, n] of Object.entries(stat.failures)) {
      const safe = safeFailure(k);
      failures[safe] = (failures[safe] ?? 0) + n;
    }
    return { accepted: stat.accepted, rejected: stat.rejected, failures };
  };
  const sorted = [...shapes].sort((a, b) => a.key.localeCompare(b.key));
  for (const [i, s] of sorted.entries()) {
    const reads = readsOf(s.endpoint);
    const analysis = reads ? analyseShape(s, reads) : { unread: [], missing: [] };
    // An endpoint's counts go with its first form of answer, once.
    const first = sorted.findIndex((x) => x.endpoint === s.endpoint) === i;
    endpoints.push({
      endpoint: s.endpoint,
      ...(s.variant === undefined ? {} : { variant: s.variant }),
      answers: s.answers,
      firstSeen: day(s.firstSeenAt),
      lastSeen: day(s.lastSeenAt),
      ...(first ? failuresOf(statOf.get(s.endpoint)) : {}),
      unread: analysis.unread.map((u) => ({ path: u.path, types: typesOf(u.types), answers: u.seen, firstSeen: day(u.first), inside: u.inside })),
      missing: analysis.missing.map((m) => ({ path: m.path, types: typesOf(m.types), lastSeen: day(m.last), absentFor: m.absentFor })),
      paths: Object.entries(s.paths)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([path, p]) => ({ path, types: typesOf(p.types), answers: p.seen, read: reads ? isRead(reads, path) : false })),
      truncated: s.truncated,
    });
  }
  for (const stat of [...stats].sort((a, b) => a.endpoint.localeCompare(b.endpoint))) {
    if (!withShape.has(stat.endpoint)) endpoints.push({ endpoint: stat.endpoint, ...failuresOf(stat) });
  }
  return { report: 'collab-lens-shape-report', format: 1, extension, created: day(now), endpoints };
}
