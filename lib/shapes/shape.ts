import { JSON_TYPES, join, type JsonType } from './reads';

/**
 * The shape of one JSON response: every path it carries (array indices folded to `[]`, as in `reads.ts`) with the JSON
 * types seen there, as bits of `JSON_TYPES`. Never a value: strings, numbers and booleans become their type, and an
 * object key that could itself be a value becomes `{key}`:
 * - a key that is not a plain identifier (`7000000000000000001`, `a b`, `<img>`, `x@y.z`), or that holds a run of
 *   six or more digits (`creator_7000000001`);
 * - a key equal to a string value of the same response (a map keyed by handles whose handles also appear as values);
 * - every key of an object with more than `MAP_KEYS` keys (a map, not a record).
 * Bounded: at most `MAX_PATHS` paths (the rest counted in `truncated`), `MAX_DEPTH` levels, `MAX_NODES` nodes visited.
 */
export interface ResponseShape {
  paths: Map<string, number>;
  /** Distinct paths left out once `MAX_PATHS` were kept, or nodes left unvisited past the bounds. */
  truncated: number;
}

export const MAX_PATHS = 600;
export const MAX_DEPTH = 24;
export const MAX_NODES = 200_000;
export const MAP_KEYS = 200;
export const FOLDED_KEY = '{key}';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const DIGIT_RUN = /\d{6}/;

export const typeBit = (t: JsonType) => 1 << JSON_TYPES.indexOf(t);

export function typesOf(mask: number): JsonType[] {
  return JSON_TYPES.filter((t) => (mask & typeBit(t)) !== 0);
}

function typeOf(v: unknown): JsonType {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  return t === 'string' || t === 'number' || t === 'boolean' ? t : 'object';
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** String values of a response (bounded): keys equal to one of them are folded. */
function stringValues(json: unknown, limit: number): Set<string> {
  const out = new Set<string>();
  const stack: unknown[] = [json];
  let visited = 0;
  while (stack.length && visited < MAX_NODES && out.size < limit) {
    const v = stack.pop();
    visited += 1;
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (isPlainObject(v)) for (const x of Object.values(v)) stack.push(x);
  }
  return out;
}

/** `key` as it may appear in a path, or `{key}` when it could carry a value. */
export function safeKey(key: string, values: ReadonlySet<string>, inMap: boolean): string {
  if (inMap || !IDENTIFIER.test(key) || DIGIT_RUN.test(key) || values.has(key)) return FOLDED_KEY;
  return key;
}

/**
 * A path as a rejection names it (`data.by_key.glowwithmaya.n`, from zod's issue path), with every segment that could be
 * a value of `json` folded as `shapeOf` folds keys. Array markers and `(response)`-style names are kept.
 */
export function pathSanitiser(json: unknown): (path: string) => string {
  const values = stringValues(json, 50_000);
  return (path) =>
    path
      .split('.')
      .map((seg) => {
        const arrays = /(\[\])*$/.exec(seg)?.[0] ?? '';
        const name = seg.slice(0, seg.length - arrays.length);
        return `${name === '' || /^\(\w+\)$/.test(name) ? name : safeKey(name, values, false)}${arrays}`;
      })
      .join('.');
}

export function shapeOf(json: unknown): ResponseShape {
  const values = stringValues(json, 50_000);
  const paths = new Map<string, number>();
  let truncated = 0;
  let visited = 0;
  const note = (path: string, bit: number): boolean => {
    const prev = paths.get(path);
    if (prev === undefined && paths.size >= MAX_PATHS) {
      truncated += 1;
      return false;
    }
    paths.set(path, (prev ?? 0) | bit);
    return true;
  };
  const walk = (v: unknown, path: string, depth: number): void => {
    visited += 1;
    if (visited > MAX_NODES) {
      truncated += 1;
      return;
    }
    // The root is implied by every other path; naming it would only add an empty name.
    if (path !== '' && !note(path, typeBit(typeOf(v)))) return;
    if (depth >= MAX_DEPTH) return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, `${path}[]`, depth + 1);
    } else if (isPlainObject(v)) {
      const keys = Object.keys(v);
      const inMap = keys.length > MAP_KEYS;
      for (const k of keys) walk(v[k], join(path, safeKey(k, values, inMap)), depth + 1);
    }
  };
  walk(json, '', 0);
  return { paths, truncated };
}
