/**
 * Checks every adapter's unit tests share: that its declared read set covers what it really reads, and that no element
 * of a list it reads passes without a record or a rejection (no silent drop).
 */
import { expect } from 'vitest';
import type { AdapterResult, EndpointAdapter } from '../lib/adapters/types';
import { isRead, join } from '../lib/shapes/reads';
import { shapeOf } from '../lib/shapes/shape';
import { silentDropFailures } from '../lib/shapes/unread';

/**
 * The JSON paths `adapter.parse` looks at (property reads and `in` checks of keys the response has), found by running
 * it on a recording proxy of the response. Array indices fold to `[]`.
 */
export function accessedPaths(adapter: EndpointAdapter, json: unknown, requestBody?: unknown): Set<string> {
  const seen = new Set<string>();
  const wrap = (value: unknown, path: string): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const isArray = Array.isArray(value);
    const childPath = (key: string) => (isArray ? `${path}[]` : join(path, key));
    const owns = (target: object, key: string | symbol): key is string =>
      typeof key === 'string' && Object.prototype.hasOwnProperty.call(target, key) && !(isArray && key === 'length');
    return new Proxy(value, {
      get(target, key, receiver) {
        const v = Reflect.get(target, key, receiver);
        if (!owns(target, key)) return v;
        seen.add(childPath(key));
        return wrap(v, childPath(key));
      },
      has(target, key) {
        if (owns(target, key)) seen.add(childPath(key));
        return Reflect.has(target, key);
      },
      getOwnPropertyDescriptor(target, key) {
        const d = Reflect.getOwnPropertyDescriptor(target, key);
        if (d && 'value' in d && owns(target, key)) {
          seen.add(childPath(key));
          return { ...d, value: wrap(d.value, childPath(key)) };
        }
        return d;
      },
    });
  };
  adapter.parse(wrap(json, ''), requestBody);
  return seen;
}

/** Every path the adapter reads from `json` is in its declared read set (else the shape watch would call it unread). */
export function expectReadsCover(adapter: EndpointAdapter, json: unknown, requestBody?: unknown): void {
  const missing = [...accessedPaths(adapter, json, requestBody)].filter((p) => !isRead(adapter.reads, p)).sort();
  expect(missing, 'paths the adapter reads but does not declare in `reads`').toEqual([]);
}

/** The elements of the array at `listPath` (`data.agg_info`, `orders`), or throws. */
function listAt(json: unknown, listPath: string): { holder: Record<string, unknown>; key: string; list: unknown[] } {
  const keys = listPath.split('.');
  let node = json as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
  const key = keys[keys.length - 1] as string;
  const list = node[key];
  if (!Array.isArray(list)) throw new Error(`no list at ${listPath}`);
  return { holder: node, key, list };
}

/** `json` with the list at `listPath` replaced by `elements` (a deep copy; `json` is not changed). */
export function withList(json: unknown, listPath: string, elements: unknown[]): unknown {
  const copy = structuredClone(json);
  const { holder, key } = listAt(copy, listPath);
  holder[key] = elements;
  return copy;
}

/** What the ingest pipeline would make of the answer: the adapter's result plus the failures of a silent drop. */
export function outcome(adapter: EndpointAdapter, json: unknown, requestBody?: unknown): AdapterResult {
  const result = adapter.parse(json, requestBody);
  return { ...result, rejections: [...result.rejections, ...silentDropFailures(result, shapeOf(json), adapter.reads)] };
}

/**
 * No silent drop: each element of the list at `listPath`, alone on a page, gives a record or a rejection; so does the
 * page with each element's every key removed in turn.
 */
export function expectNoSilentDrop(adapter: EndpointAdapter, json: unknown, listPath: string, requestBody?: unknown): void {
  const { list } = listAt(json, listPath);
  expect(list.length, `a list to check at ${listPath}`).toBeGreaterThan(0);
  for (const [i, el] of list.entries()) {
    const variants: [string, unknown][] = [[`element ${i}`, el]];
    if (typeof el === 'object' && el !== null && !Array.isArray(el)) {
      for (const k of Object.keys(el)) {
        const { [k]: _dropped, ...rest } = el as Record<string, unknown>;
        variants.push([`element ${i} without ${k}`, rest]);
      }
    }
    for (const [name, variant] of variants) {
      const r = adapter.parse(withList(json, listPath, [variant]), requestBody);
      expect(r.accepted + r.rejections.length, `${name}: a record or a rejection`).toBeGreaterThan(0);
    }
  }
}
