/**
 * The contract between the simulator core and its surfaces (one page of the Affiliate Center plus the API it calls).
 * A surface lives in `surfaces/<name>.ts`, is listed in `surfaces/index.ts`, and renders through a client script in
 * `client/<name>.js`. See `README.md` in this folder.
 *
 * This module imports nothing at runtime, so surfaces can use its helpers without import cycles.
 */
import type { SimShop, World } from './world';

export type Generation = 'legacy' | 'migrated';

export interface ApiRequest {
  url: URL;
  method: string;
  body: string | null;
  /** Clock used for relative times such as `expired_in` (epoch ms); defaults to `Date.now()` at serve time. */
  now?: number;
}
export interface ApiResponse {
  status: number;
  json: unknown;
}

export interface SimSurface {
  /** Route id used in `simUrl()`, e.g. 'sample-request', 'home', 'orders', 'find-creators', 'creator-detail'. */
  route: string;
  /**
   * Left-nav entry. Entries appear in registry order, grouped under `group` (a section heading such as
   * 'Collaborations', 'Creators', 'Orders', 'Data'; sections appear in the order their first entry is registered).
   * Without `group` the entry sits at the top level, like Home. `icon` is one decorative character.
   */
  nav?: { label: string; group?: string; icon?: string };
  /**
   * Path of the route per generation on normal hosts (path only, no query). Hosts with `prefixed: true` (global
   * selling) put every legacy path under `/affiliate`; migrated paths already start with `/affiliate`.
   */
  paths: { legacy: string; migrated: string };
  /** API endpoints this surface serves: return `undefined` when the path is not yours. */
  api?(world: World, req: ApiRequest): ApiResponse | undefined;
  /** File name of the client script under `test/sim/client/` that renders this route (it registers itself). */
  client?: string;
  /** CSS for this surface's page, added to the shell's stylesheet. Prefix your classes (e.g. `.sr-`, `.home-`). */
  css?: string;
  /**
   * Static, JSON-serialisable data the client script needs up front (tab definitions, labels…), computed per shop
   * when the shell is served. The client reads it as `ctx.data`. Page data proper belongs in the API.
   */
  boot?(world: World, shop: SimShop): unknown;
  /**
   * The wire forms this surface can answer in besides its default, where the evidence is unknown or conflicting
   * (research/real-shapes.md): variant name → the evidence it rests on. A page asks for some with `?variant=a,b`
   * (`simUrl(…, { variant })`); the API reads them with `wireVariants(req)`. The default form is the best-evidenced one.
   */
  variants?: Readonly<Record<string, string>>;
}

/** The wire variants the page asked for (`cl_variant=a,b` on the API call; see `SimSurface.variants`). */
export function wireVariants(req: ApiRequest): ReadonlySet<string> {
  const raw = req.url.searchParams.get('cl_variant');
  return new Set(raw ? raw.split(',').map((s) => s.trim()).filter(Boolean) : []);
}

// ---------------------------------------------------------------------------------------------------------------
// Response envelopes of the internal API (research/domain.md §3): application errors come back as HTTP 200 with a
// non-zero `code`.

export const CODE_OK = 0;
/** Invalid parameters (also used by the real API for task/quota limits). */
export const CODE_INVALID_PARAMS = 98001004;

export const ok = (data: unknown): ApiResponse => ({ status: 200, json: { code: CODE_OK, message: 'success', data } });
export const invalid = (): ApiResponse => ({ status: 200, json: { code: CODE_INVALID_PARAMS, message: 'invalid parameters' } });
export const methodNotAllowed = (): ApiResponse => ({ status: 405, json: { code: 405, message: 'method not allowed' } });

/** Parses a JSON object body; `undefined` for an empty body, bad JSON, or anything but a plain object. */
export function jsonObjectBody(raw: string | null): Record<string, unknown> | undefined {
  if (raw === null || raw === '') return undefined;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  return v as Record<string, unknown>;
}
