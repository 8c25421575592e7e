import type { z } from 'zod';

/**
 * What an adapter reads of a response, as JSON paths: object keys joined by `.`, every array index folded to `[]`
 * (`agg_info[].apply_group.creator_info.name`). The root is `''`.
 *
 * A path is read *exactly* (the adapter looks at this node; its children count only where they are listed too) or as a
 * *subtree* (the adapter takes the node whole: a wrapped field `{value, is_authorized, status}`, a record of any keys).
 * The shape watch compares the paths real responses carry with this set: a path no read covers is a field nothing
 * reads, a read path that stopped coming is a field the adapter misses.
 */
export interface ReadSet {
  exact: ReadonlySet<string>;
  subtree: readonly string[];
}

export const join = (base: string, key: string) => (base ? `${base}.${key}` : key);

/** The JSON node types a path carried, as bits (a path may carry several: a number in one answer, a string in another). */
export const JSON_TYPES = ['object', 'array', 'string', 'number', 'boolean', 'null'] as const;
export type JsonType = (typeof JSON_TYPES)[number];

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional', 'success']);
const WHOLE = new Set(['record', 'map', 'any', 'custom', 'set']);

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: readonly z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  getter?: () => z.ZodType;
  items?: readonly z.ZodType[];
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * The read set of an adapter: each schema mounted at the path where the adapter applies it, plus paths the adapter
 * reads by hand (`extra`, exact) and nodes it takes whole (`whole`, subtree). Derived from the very schemas that parse
 * the response, so the set cannot drift from the code.
 *
 * How schemas map to paths: an object reads its path and walks its keys; an array reads its path and walks its element
 * at `path[]`; a union walks every option; a pipe walks its input (what the JSON must look like); `z.preprocess` and
 * records take their node whole. `z.unknown()` reads the node only: its content is parsed elsewhere and mounted there.
 */
export function readsOf(mounts: Readonly<Record<string, z.ZodType>>, extra: readonly string[] = [], whole: readonly string[] = []): ReadSet {
  const exact = new Set<string>(extra);
  const subtree = new Set<string>(whole);
  // A recursive (lazy) schema is walked once down each branch: met again inside itself, it reads the rest whole.
  const open = new Set<z.ZodType>();
  const walk = (schema: z.ZodType, path: string): void => {
    for (let p = path; p; p = parentOf(p)) exact.add(p);
    const def = defOf(schema);
    if (def.type === 'object') {
      for (const [k, v] of Object.entries(def.shape ?? {})) walk(v, join(path, k));
    } else if (def.type === 'array') walk(def.element as z.ZodType, `${path}[]`);
    else if (def.type === 'tuple') for (const item of def.items ?? []) walk(item, `${path}[]`);
    else if (WRAPPERS.has(def.type)) walk(def.innerType as z.ZodType, path);
    else if (def.type === 'union') for (const o of def.options ?? []) walk(o, path);
    else if (def.type === 'intersection') {
      walk(def.left as z.ZodType, path);
      walk(def.right as z.ZodType, path);
    } else if (def.type === 'pipe') {
      const input = def.in as z.ZodType;
      if (defOf(input).type === 'transform') subtree.add(path);
      else walk(input, path);
    } else if (def.type === 'lazy') {
      if (open.has(schema)) {
        subtree.add(path);
        return;
      }
      open.add(schema);
      walk((def.getter as () => z.ZodType)(), path);
      open.delete(schema);
    }
    else if (WHOLE.has(def.type)) subtree.add(path);
  };
  for (const [path, schema] of Object.entries(mounts)) walk(schema, path);
  return { exact, subtree: [...subtree].sort() };
}

/** Several read sets as one (an adapter that reads several response forms). */
export function unionReads(...sets: readonly ReadSet[]): ReadSet {
  return {
    exact: new Set(sets.flatMap((s) => [...s.exact])),
    subtree: [...new Set(sets.flatMap((s) => s.subtree))].sort(),
  };
}

/** The path one level up (`a.b[]` → `a.b`, `a.b` → `a`, `a` → `''`). */
export function parentOf(path: string): string {
  if (path.endsWith('[]')) return path.slice(0, -2);
  const dot = path.lastIndexOf('.');
  return dot < 0 ? '' : path.slice(0, dot);
}

/** Whether `reads` covers `path`: read exactly, or inside a node read whole. */
export function isRead(reads: ReadSet, path: string): boolean {
  if (path === '' || reads.exact.has(path)) return true;
  return reads.subtree.some((s) => path === s || path.startsWith(`${s}.`) || path.startsWith(`${s}[]`));
}
