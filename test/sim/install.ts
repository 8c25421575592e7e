/**
 * Serves the simulated Affiliate Center at the real host names through Playwright routing: every request to an
 * Affiliate Center host or to the image CDN hosts the world references is fulfilled from Node. Nothing reaches the
 * network.
 */
import type { BrowserContext, Route } from 'playwright-core';
import { AFFILIATE_HOSTS, affiliateHost } from '../../lib/hosts';
import { handleApi } from './api';
import { CLIENT_SCRIPT_BASE, clientScriptSource, escapeHtml, matchRoute, render404, renderShell, routePath, type Generation, type SimRoute } from './pages';
import { IMAGE_HOSTS, resolveShop, type SimShop, type World } from './world';

export interface SimUrlOptions {
  generation?: Generation;
  /** Page markup variant (`markup=`): 'table' (default) or 'cards' on Sample requests; a surface may define others. */
  markup?: 'table' | 'cards' | (string & {});
  tab?: number;
  transport?: 'fetch' | 'xhr';
  fault?: 'shape';
  /**
   * Which of the plausible wire forms the page's API answers in (`variant=`, sent on as `cl_variant=`), where the
   * evidence is unknown or conflicting (research/real-shapes.md); each surface names its own (`wireVariant`). Unset:
   * the surface's default, the best-evidenced form.
   */
  variant?: string;
  /**
   * A deliberate change of every answer's shape (`probe=`, sent on as `cl_probe=`; see `probeAnswer` in api.ts), as
   * TikTok might make one day: `add-field` or `drop:<key>[,…]`.
   */
  probe?: string;
  /** Re-render the same rows every 1.5 s (`rerender=1`). */
  rerender?: boolean;
  /** Surface-specific query parameters, e.g. `{ cid: creator.creatorOecId }` for creator detail. */
  params?: Record<string, string>;
}

/**
 * URL of a simulated page for any registered route id (`surfaces/index.ts`), e.g.
 * `https://affiliate-us.tiktok.com/product/sample-request?shop_region=US&shop_id=<sellerId>&markup=cards`.
 * Migrated routes add `route_migration=1`. Query order: shop, `route_migration`, `tab`, `params`, then the simulator
 * switches. Throws for an unregistered route.
 */
export function simUrl(shop: SimShop, route: SimRoute, opts: SimUrlOptions = {}): string {
  const generation = opts.generation ?? 'legacy';
  const prefixed = !!affiliateHost(shop.host)?.prefixed;
  const url = new URL(`https://${shop.host}${routePath(prefixed, route, generation)}`);
  const q = url.searchParams;
  q.set('shop_region', shop.region);
  q.set('shop_id', shop.sellerId);
  if (generation === 'migrated') q.set('route_migration', '1');
  if (opts.tab !== undefined) q.set('tab', String(opts.tab));
  for (const [k, v] of Object.entries(opts.params ?? {})) q.set(k, v);
  if (opts.markup) q.set('markup', opts.markup);
  if (opts.transport) q.set('transport', opts.transport);
  if (opts.fault) q.set('fault', opts.fault);
  if (opts.variant) q.set('variant', opts.variant);
  if (opts.probe) q.set('probe', opts.probe);
  if (opts.rerender) q.set('rerender', '1');
  return url.toString();
}

export interface InstallOptions {
  /** Delay before API responses (ms), so pages show their loading state. Default 50. */
  latencyMs?: number;
}

export async function installSimulator(context: BrowserContext, world: World, opts: InstallOptions = {}): Promise<void> {
  const latencyMs = opts.latencyMs ?? 50;
  const affiliate = new Set(AFFILIATE_HOSTS.map((h) => h.host));
  const images = new Set(IMAGE_HOSTS);
  await context.route(
    (url) => affiliate.has(url.hostname),
    (route) => serveAffiliate(route, world, latencyMs),
  );
  await context.route(
    (url) => images.has(url.hostname),
    (route) => serveImage(route),
  );
}

const HTML = 'text/html; charset=utf-8';
const NO_STORE = { 'cache-control': 'no-store' };

async function fulfill(route: Route, status: number, contentType: string, body: string, headers: Record<string, string> = {}): Promise<void> {
  try {
    await route.fulfill({ status, contentType, body, headers: { ...NO_STORE, ...headers } });
  } catch {
    // The page or context closed while the response was pending.
  }
}

/**
 * A client-side redirect. Chromium does not follow 3xx responses produced by `route.fulfill` for intercepted
 * navigations (it fails with ERR_NAME_NOT_RESOLVED), so the simulator answers with a page that replaces itself.
 */
function redirect(route: Route, to: URL): Promise<void> {
  const href = escapeHtml(to.toString());
  return fulfill(route, 200, HTML, `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${href}"><title>Redirecting…</title><a href="${href}">Continue</a>`);
}

async function serveAffiliate(route: Route, world: World, latencyMs: number): Promise<void> {
  const req = route.request();
  const url = new URL(req.url());
  if (url.protocol !== 'https:') {
    url.protocol = 'https:';
    return redirect(route, url);
  }

  const api = handleApi(world, { url, method: req.method(), body: req.postData() });
  if (api) {
    if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
    return fulfill(route, api.status, 'application/json; charset=utf-8', JSON.stringify(api.json));
  }
  if (url.pathname.startsWith('/api/')) {
    return fulfill(route, 404, 'application/json; charset=utf-8', JSON.stringify({ code: 404, message: 'not found' }));
  }
  if (url.pathname.startsWith(CLIENT_SCRIPT_BASE)) {
    const script = clientScriptSource(url.pathname);
    if (script !== undefined) return fulfill(route, 200, 'application/javascript; charset=utf-8', script);
    return fulfill(route, 404, 'text/plain; charset=utf-8', 'not found');
  }
  if (url.pathname === '/' || url.pathname === '/affiliate' || url.pathname === '/affiliate/') {
    // The bare host lands on Home, keeping the shop in the query.
    const home = new URL(routePath(!!affiliateHost(url.hostname)?.prefixed, 'home', 'legacy'), url.origin);
    const shop = resolveShop(world, url);
    if (shop) {
      home.searchParams.set('shop_region', shop.region);
      home.searchParams.set('shop_id', shop.sellerId);
    }
    return redirect(route, home);
  }
  if (matchRoute(url)) return fulfill(route, 200, HTML, renderShell(world, url));
  return fulfill(route, 404, HTML, render404(world, url));
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const AVATAR_BG = ['#ffd6e0', '#d6ecff', '#e3f9d9', '#fff1c9', '#eadcff', '#ffe1cc', '#d4f4f2', '#f1f1f1'];
const AVATAR_FG = ['#e8436b', '#3a7bd5', '#3f9b4f', '#c98a00', '#7b4bd8', '#e0723a', '#1f9c96', '#6b6f76'];
const PRODUCT_BG = ['#fdf2f4', '#f1f6fd', '#f3faf0', '#fffaf0', '#f7f2fd', '#fff5ef', '#eefaf9', '#f6f6f6'];

/** Placeholder artwork for CDN images: a silhouette for avatars, a simple product shot for listings. */
export function placeholderSvg(url: URL): string {
  const h = hash(url.pathname);
  const i = h % AVATAR_BG.length;
  if (url.hostname.includes('tiktokcdn')) {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100"><rect width="100" height="100" fill="${AVATAR_BG[i]}"/><circle cx="50" cy="40" r="18" fill="${AVATAR_FG[i]}"/><ellipse cx="50" cy="92" rx="32" ry="26" fill="${AVATAR_FG[i]}"/></svg>`;
  }
  const shape = (h >>> 8) % 3;
  const fg = AVATAR_FG[(h >>> 4) % AVATAR_FG.length];
  const art =
    shape === 0
      ? `<rect x="118" y="70" width="64" height="170" rx="16" fill="${fg}"/><rect x="132" y="44" width="36" height="30" rx="6" fill="${fg}" opacity=".7"/>`
      : shape === 1
        ? `<rect x="70" y="90" width="160" height="130" rx="14" fill="${fg}"/><rect x="70" y="90" width="160" height="30" rx="10" fill="#fff" opacity=".35"/>`
        : `<circle cx="150" cy="150" r="72" fill="${fg}"/><circle cx="128" cy="128" r="20" fill="#fff" opacity=".35"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300" viewBox="0 0 300 300"><rect width="300" height="300" fill="${PRODUCT_BG[i]}"/>${art}</svg>`;
}

async function serveImage(route: Route): Promise<void> {
  const url = new URL(route.request().url());
  return fulfill(route, 200, 'image/svg+xml', placeholderSvg(url), { 'cache-control': 'public, max-age=86400' });
}
