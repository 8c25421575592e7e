/**
 * HTML for the simulated Affiliate Center, driven by the surface registry (`surfaces/index.ts`): the routes of both
 * generations, the app shell (a server-rendered frame plus `client/core.js` and every surface's client script, which
 * render the nav and the main area with plain DOM calls), and a 404 page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { affiliateHost } from '../../lib/hosts';
import type { Generation, SimSurface } from './surface';
import { SURFACES, surfaceByRoute } from './surfaces';
import { PLACEMENT_CSS } from './placement-markups';
import { resolveShop, type SimShop, type World } from './world';

export type { Generation } from './surface';
/** A registered route id (`SimSurface.route`), e.g. 'sample-request' or 'home'. */
export type SimRoute = string;

/** Where client scripts are served, on every Affiliate Center host: `<base><file name under client/>`. */
export const CLIENT_SCRIPT_BASE = '/static/js/sim/';
/** The shared client core; it must load before the surface scripts. */
export const CORE_CLIENT = 'core.js';
/** The building blocks of the placement markups (`placement-markups.ts`), shared by the creator lists. */
export const PLACEMENT_CLIENT = 'placement-markups.js';

function surfaceOrThrow(route: string): SimSurface {
  const s = surfaceByRoute(route);
  if (!s) throw new Error(`unknown simulated route "${route}" (registered: ${SURFACES.map((x) => x.route).join(', ')})`);
  return s;
}

/** Path of a surface on a host: its own path per generation, legacy paths under `/affiliate` on prefixed hosts. */
export function surfacePath(prefixed: boolean, surface: SimSurface, generation: Generation): string {
  if (generation === 'migrated') return surface.paths.migrated;
  return prefixed ? `/affiliate${surface.paths.legacy}` : surface.paths.legacy;
}

/**
 * Path of a route on a host. Legacy paths come from the menu API; migrated ones live under `/affiliate/...`.
 * Hosts with `prefixed: true` (global selling) put every legacy path under `/affiliate`.
 */
export function routePath(prefixed: boolean, route: SimRoute, generation: Generation): string {
  return surfacePath(prefixed, surfaceOrThrow(route), generation);
}

/**
 * The route and generation a page URL shows, or `undefined` for a path the simulated site does not have. Where a
 * route's two paths coincide (Home on the global-selling host), `route_migration=1` decides.
 */
export function matchRoute(url: URL): { route: SimRoute; generation: Generation } | undefined {
  const host = affiliateHost(url.hostname);
  if (!host) return undefined;
  const prefixed = !!host.prefixed;
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  const migrationFlag = url.searchParams.get('route_migration') === '1';
  for (const surface of SURFACES) {
    const legacy = surfacePath(prefixed, surface, 'legacy');
    const migrated = surfacePath(prefixed, surface, 'migrated');
    if (path === migrated && (legacy !== migrated || migrationFlag)) return { route: surface.route, generation: 'migrated' };
    if (path === legacy) return { route: surface.route, generation: 'legacy' };
  }
  return undefined;
}

/** One registered surface as the client sees it (`window.__SIM_BOOT__.surfaces`). */
export interface BootSurface {
  route: string;
  nav: { label: string; group: string | null; icon: string | null } | null;
  /** Paths on this host. */
  paths: Record<Generation, string>;
  /** Whether a client script renders this route (otherwise the client shows a "not simulated yet" placeholder). */
  client: boolean;
  /** `SimSurface.boot()` for this shop; `null` without a shop or without `boot`. */
  data: unknown;
}

export interface BootData {
  shop: { name: string; region: string; sellerId: string; currency: string } | null;
  prefixed: boolean;
  surfaces: BootSurface[];
}

export function bootData(world: World, shop: SimShop | undefined, prefixed: boolean): BootData {
  return {
    shop: shop ? { name: shop.name, region: shop.region, sellerId: shop.sellerId, currency: shop.currency } : null,
    prefixed,
    surfaces: SURFACES.map((s) => ({
      route: s.route,
      nav: s.nav ? { label: s.nav.label, group: s.nav.group ?? null, icon: s.nav.icon ?? null } : null,
      paths: { legacy: surfacePath(prefixed, s, 'legacy'), migrated: surfacePath(prefixed, s, 'migrated') },
      client: !!s.client,
      data: shop && s.boot ? (s.boot(world, shop) ?? null) : null,
    })),
  };
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]!);

/** JSON safe inside a `<script>` element. */
const scriptJson = (v: unknown): string => JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** The frame, the nav and the building blocks any page may use; each surface adds its own CSS (`SimSurface.css`). */
const BASE_STYLE = `
*{box-sizing:border-box}
body{margin:0;background:#f5f6f7;color:#161823;font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
a{color:inherit;text-decoration:none}
button{font:inherit;cursor:pointer}
.sim-header{position:sticky;top:0;z-index:5;height:56px;display:flex;align-items:center;justify-content:space-between;padding:0 24px;background:#fff;border-bottom:1px solid #e5e6eb}
.sim-brand{display:flex;align-items:center;gap:10px;font-weight:600;font-size:15px}
.sim-logo{width:28px;height:28px;border-radius:7px;background:#161823;position:relative;overflow:hidden}
.sim-logo:before{content:"";position:absolute;left:8px;top:6px;width:12px;height:16px;border-radius:3px;background:#fe2c55;box-shadow:-3px -2px 0 #25f4ee}
.sim-brand small{font-weight:400;color:#86909c;padding-left:10px;border-left:1px solid #e5e6eb}
.sim-account{display:flex;align-items:center;gap:10px;color:#4e5969}
.sim-region{font-size:12px;padding:1px 8px;border-radius:10px;background:#f2f3f5;color:#4e5969}
.sim-shop-avatar{width:32px;height:32px;border-radius:50%;background:linear-gradient(135deg,#fe2c55,#ff8a65);color:#fff;display:grid;place-items:center;font-weight:600}
.sim-layout{display:flex;min-height:calc(100vh - 56px)}
.sim-nav{width:216px;flex:none;background:#fff;border-right:1px solid #e5e6eb;padding:12px 8px}
.sim-nav a{display:flex;align-items:center;gap:10px;padding:9px 14px;margin:2px 0;border-radius:6px;color:#4e5969}
.sim-nav a:hover{background:#f7f8fa}
.sim-nav a[aria-current=page]{background:#fff0f3;color:#fe2c55;font-weight:600}
.sim-nav .nav-ico{width:16px;text-align:center;font-size:15px}
.sim-nav .nav-section{padding:16px 14px 4px;font-size:12px;color:#86909c}
.sim-main{flex:1;min-width:0;padding:20px 24px 40px}
.page-head h1{margin:0;font-size:20px;font-weight:600}
.page-head p{margin:4px 0 16px;color:#86909c}
.card{background:#fff;border-radius:8px;box-shadow:0 1px 2px rgba(0,0,0,.04);border:1px solid #eef0f2}
.sim-tabs{display:flex;gap:28px;padding:0 20px;border-bottom:1px solid #e5e6eb}
.sim-tabs [role=tab]{background:none;border:0;padding:14px 0 12px;color:#4e5969;border-bottom:2px solid transparent;margin-bottom:-1px}
.sim-tabs [role=tab][aria-selected=true]{color:#fe2c55;border-bottom-color:#fe2c55;font-weight:600}
.sim-toolbar{display:flex;align-items:center;justify-content:space-between;gap:12px;padding:14px 20px}
.sim-body{position:relative;min-height:160px}
.sim-loading{position:absolute;inset:0;display:flex;align-items:flex-start;justify-content:center;padding-top:60px;background:rgba(255,255,255,.6);color:#4e5969;z-index:2}
.sim-loading[hidden]{display:none}
.sim-spinner{width:18px;height:18px;margin-right:8px;border:2px solid #f2f3f5;border-top-color:#fe2c55;border-radius:50%;animation:sim-spin .8s linear infinite}
@keyframes sim-spin{to{transform:rotate(360deg)}}
.sim-empty,.sim-error{padding:48px 20px;text-align:center;color:#86909c}
.sim-error{color:#cb2634}
.sim-error button{margin-left:8px}
.sim-pager{display:flex;align-items:center;justify-content:flex-end;gap:12px;padding:14px 20px;color:#4e5969}
.sim-placeholder{margin-top:16px;padding:64px 20px;text-align:center;color:#86909c}
.sim-placeholder h1{margin:0 0 8px;font-size:20px;color:#161823}
.arco-table{width:100%;border-collapse:collapse;table-layout:fixed}
.arco-table th{background:#f7f8fa;color:#4e5969;font-weight:500;text-align:left;padding:10px 16px;border-bottom:1px solid #e5e6eb;font-size:13px}
.arco-table td{padding:12px 16px;border-bottom:1px solid #e5e6eb;vertical-align:top}
.arco-table tr:hover td{background:#fafbfc}
.creator-cell,.product-cell{display:flex;gap:10px;min-width:0}
.creator-avatar{width:36px;height:36px;border-radius:50%;flex:none;background:#f2f3f5}
.product-image{width:48px;height:48px;border-radius:4px;flex:none;background:#f2f3f5}
.creator-nick{font-weight:600;overflow-wrap:anywhere}
.creator-handle{color:#86909c;font-size:12px;display:block}
.creator-stats,.product-id,.sku-desc,.apply-time{color:#86909c;font-size:12px}
.product-title{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden;overflow-wrap:anywhere}
.status-tag{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;background:#f2f3f5;color:#4e5969}
.status-tag.s-pending{background:#fff7e8;color:#d25f00}
.status-tag.s-active{background:#e8f3ff;color:#165dff}
.status-tag.s-done{background:#e8ffea;color:#00a870}
.status-tag.s-cancelled{background:#f2f3f5;color:#86909c}
.time-left.urgent{color:#f53f3f;font-weight:600}
.btn{white-space:nowrap;border-radius:4px;padding:4px 12px;border:1px solid #e5e6eb;background:#fff;color:#1d2129;margin:0 6px 6px 0}
.btn:disabled{opacity:.5;cursor:not-allowed}
.btn-primary{background:#fe2c55;border-color:#fe2c55;color:#fff}
.not-found{padding:80px 20px;text-align:center}
.not-found .code{font-size:64px;font-weight:700;color:#e5e6eb;margin:0}
.not-found h1{font-size:20px;margin:8px 0}
.not-found p{color:#86909c}
.not-found a{display:inline-block;margin-top:12px;padding:6px 16px;border-radius:4px;background:#fe2c55;color:#fff}
`;

let style: string | undefined;
/** The base stylesheet, the placement markups' CSS, then every surface's CSS, in registry order. */
function styleSheet(): string {
  style ??= BASE_STYLE + PLACEMENT_CSS + SURFACES.map((s) => (s.css ? `/* ${s.route} */${s.css}` : '')).join('');
  return style;
}

function header(shop: SimShop | undefined): string {
  const name = shop ? escapeHtml(shop.name) : 'TikTok Shop';
  const initial = escapeHtml((shop?.name ?? 'T').slice(0, 1));
  return `<header class="sim-header">
  <div class="sim-brand"><span class="sim-logo" aria-hidden="true"></span>TikTok Shop<small>Affiliate Center</small></div>
  <div class="sim-account"><span class="sim-region">${shop ? escapeHtml(shop.region) : ''}</span><span class="sim-shop-name" id="sim-shop-name">${name}</span><span class="sim-shop-avatar" aria-hidden="true">${initial}</span></div>
</header>`;
}

/** Script URLs of the shell, in load order: the core first, the placement markups' blocks, then each surface's client script. */
export function clientScriptUrls(): string[] {
  const files = [CORE_CLIENT, PLACEMENT_CLIENT, ...SURFACES.flatMap((s) => (s.client ? [s.client] : []))];
  return [...new Set(files)].map((f) => CLIENT_SCRIPT_BASE + f);
}

/**
 * The app shell for a known route. `client/core.js` renders the nav from the boot data and hands the main area to
 * the renderer the route's client script registered.
 */
export function renderShell(world: World, url: URL): string {
  const host = affiliateHost(url.hostname);
  const shop = resolveShop(world, url);
  const boot = bootData(world, shop, !!host?.prefixed);
  const scripts = clientScriptUrls()
    .map((src) => `<script src="${escapeHtml(src)}" defer></script>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>TikTok Shop Affiliate Center</title>
<link rel="icon" href="data:,">
<style>${styleSheet()}</style>
<script>window.__SIM_BOOT__ = ${scriptJson(boot)};</script>
${scripts}
</head>
<body>
${header(shop)}
<div class="sim-layout">
  <nav class="sim-nav" aria-label="Main"></nav>
  <main class="sim-main" id="sim-main"></main>
</div>
</body>
</html>`;
}

/** A plain "page not found" document, as the real site serves for unknown paths. */
export function render404(world: World, url: URL): string {
  const host = affiliateHost(url.hostname);
  const shop = resolveShop(world, url);
  const home = new URL(routePath(!!host?.prefixed, 'home', 'legacy'), url.origin);
  if (shop) {
    home.searchParams.set('shop_region', shop.region);
    home.searchParams.set('shop_id', shop.sellerId);
  }
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>404 | TikTok Shop Affiliate Center</title><link rel="icon" href="data:,"><style>${styleSheet()}</style></head>
<body>
${header(shop)}
<div class="not-found">
  <p class="code">404</p>
  <h1>Sorry, the page you visited does not exist</h1>
  <p>The link may be broken, or the page may have been moved.</p>
  <a href="${escapeHtml(home.pathname + home.search)}">Back to Home</a>
</div>
</body>
</html>`;
}

const clientSources = new Map<string, string>();
/**
 * Source of the client script served at `pathname`, or `undefined` when no such script is registered (only the core
 * and the files the surfaces name are served; each is read once).
 */
export function clientScriptSource(pathname: string): string | undefined {
  if (!clientScriptUrls().includes(pathname)) return undefined;
  const file = pathname.slice(CLIENT_SCRIPT_BASE.length);
  let src = clientSources.get(file);
  if (src === undefined) {
    const at = new URL(`./client/${file}`, import.meta.url);
    if (!existsSync(at)) return undefined;
    src = readFileSync(at, 'utf8');
    clientSources.set(file, src);
  }
  return src;
}
