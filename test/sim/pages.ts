/**
 * HTML for the simulated Affiliate Center: routes of both generations, the app shell (server-rendered frame plus
 * `client/app.js`, which renders the main area with plain DOM calls), and a 404 page.
 */
import { readFileSync } from 'node:fs';
import { affiliateHost } from '../../lib/hosts';
import { SAMPLE_TABS, resolveShop, type SimShop, type World } from './world';

export type SimRoute = 'sample-request' | 'home';
export type Generation = 'legacy' | 'migrated';

/** Where the client script is served, on every Affiliate Center host. */
export const CLIENT_SCRIPT_PATH = '/static/js/sim-app.js';

/**
 * Path of a route on a host. Legacy paths come from the menu API; migrated ones live under `/affiliate/...`.
 * Hosts with `prefixed: true` (global selling) put every path under `/affiliate`.
 */
export function routePath(prefixed: boolean, route: SimRoute, generation: Generation): string {
  if (route === 'sample-request') {
    if (generation === 'migrated') return '/affiliate/sample/sample-request';
    return prefixed ? '/affiliate/product/sample-request' : '/product/sample-request';
  }
  return generation === 'migrated' || prefixed ? '/affiliate/platform/homepage' : '/platform/homepage';
}

/** The route and generation a page URL shows, or `undefined` for a path the simulated site does not have. */
export function matchRoute(url: URL): { route: SimRoute; generation: Generation } | undefined {
  const host = affiliateHost(url.hostname);
  if (!host) return undefined;
  const prefixed = !!host.prefixed;
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  const migrationFlag = url.searchParams.get('route_migration') === '1';
  for (const route of ['sample-request', 'home'] as const) {
    const legacy = routePath(prefixed, route, 'legacy');
    const migrated = routePath(prefixed, route, 'migrated');
    if (path === migrated && (legacy !== migrated || migrationFlag)) return { route, generation: 'migrated' };
    if (path === legacy) return { route, generation: 'legacy' };
  }
  return undefined;
}

export interface BootData {
  shop: { name: string; region: string; sellerId: string; currency: string } | null;
  prefixed: boolean;
  routes: Record<Generation, Record<SimRoute, string>>;
  tabs: { code: number; label: string; deadline: string | null }[];
}

function bootData(shop: SimShop | undefined, prefixed: boolean): BootData {
  return {
    shop: shop ? { name: shop.name, region: shop.region, sellerId: shop.sellerId, currency: shop.currency } : null,
    prefixed,
    routes: {
      legacy: { 'sample-request': routePath(prefixed, 'sample-request', 'legacy'), home: routePath(prefixed, 'home', 'legacy') },
      migrated: { 'sample-request': routePath(prefixed, 'sample-request', 'migrated'), home: routePath(prefixed, 'home', 'migrated') },
    },
    tabs: SAMPLE_TABS.map((t) => ({ code: t.code, label: t.label, deadline: t.deadline })),
  };
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]!);

/** JSON safe inside a `<script>` element. */
const scriptJson = (v: unknown): string => JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

const STYLE = `
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
.sim-nav .nav-disabled{color:#c9cdd4;cursor:default}
.sim-main{flex:1;min-width:0;padding:20px 24px 40px}
.page-head h1{margin:0;font-size:20px;font-weight:600}
.page-head p{margin:4px 0 16px;color:#86909c}
.card{background:#fff;border-radius:8px;box-shadow:0 1px 2px rgba(0,0,0,.04);border:1px solid #eef0f2}
.sr-tabs{display:flex;gap:28px;padding:0 20px;border-bottom:1px solid #e5e6eb}
.sr-tabs [role=tab]{background:none;border:0;padding:14px 0 12px;color:#4e5969;border-bottom:2px solid transparent;margin-bottom:-1px}
.sr-tabs [role=tab][aria-selected=true]{color:#fe2c55;border-bottom-color:#fe2c55;font-weight:600}
.sr-toolbar{display:flex;align-items:center;justify-content:space-between;gap:12px;padding:14px 20px}
.sr-search{width:320px;padding:7px 12px;border:1px solid #e5e6eb;border-radius:4px;background:#f7f8fa;color:#86909c}
.sr-summary{color:#86909c}
.sr-body{position:relative;min-height:160px}
.sr-loading{position:absolute;inset:0;display:flex;align-items:flex-start;justify-content:center;padding-top:60px;background:rgba(255,255,255,.6);color:#4e5969;z-index:2}
.sr-loading[hidden]{display:none}
.sr-spinner{width:18px;height:18px;margin-right:8px;border:2px solid #f2f3f5;border-top-color:#fe2c55;border-radius:50%;animation:sr-spin .8s linear infinite}
@keyframes sr-spin{to{transform:rotate(360deg)}}
.sr-empty,.sr-error{padding:48px 20px;text-align:center;color:#86909c}
.sr-error{color:#cb2634}
.sr-error button{margin-left:8px}
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
.sr-pager{display:flex;align-items:center;justify-content:flex-end;gap:12px;padding:14px 20px;color:#4e5969}
.sr-card-list{display:grid;gap:12px;padding:4px 20px 8px}
.m-sr-card{border:1px solid #e5e6eb;border-radius:8px;overflow:hidden}
.m-sr-card__head{display:flex;align-items:center;gap:12px;padding:12px 16px;background:#fafbfc;border-bottom:1px solid #eef0f2}
.m-sr-card__avatar{width:44px;height:44px;border-radius:50%;background:#f2f3f5}
.m-sr-card__who{flex:1;min-width:0}
.m-sr-card__nick{margin:0;font-size:15px;overflow-wrap:anywhere}
.m-sr-card__handle{color:#86909c;font-size:12px}
.m-sr-card__stats{color:#4e5969;font-size:12px;text-align:right}
.m-sr-card__items{list-style:none;margin:0;padding:0}
.m-sr-item{display:flex;gap:12px;align-items:center;padding:12px 16px;border-top:1px solid #f2f3f5}
.m-sr-item:first-child{border-top:0}
.m-sr-item__img{width:56px;height:56px;border-radius:6px;background:#f2f3f5;flex:none}
.m-sr-item__info{flex:1;min-width:0}
.m-sr-item__title{margin:0 0 2px;overflow-wrap:anywhere}
.m-sr-item__pid,.m-sr-item__sku{display:block;color:#86909c;font-size:12px}
.m-sr-item__meta{width:220px;flex:none;font-size:12px;color:#4e5969;display:grid;gap:2px}
.m-sr-item__actions{flex:none}
.home-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:16px}
.home-card{padding:18px 20px}
.home-card h2{margin:0 0 6px;font-size:13px;font-weight:500;color:#86909c}
.home-card .value{font-size:26px;font-weight:600}
.home-card .delta{color:#00a870;font-size:12px}
.home-card .delta.down{color:#f53f3f}
.home-wide{margin-top:16px;padding:18px 20px}
.home-wide h2{margin:0 0 10px;font-size:15px}
.home-wide ul{margin:0;padding-left:18px;color:#4e5969}
.home-link{color:#fe2c55;font-weight:500}
.not-found{padding:80px 20px;text-align:center}
.not-found .code{font-size:64px;font-weight:700;color:#e5e6eb;margin:0}
.not-found h1{font-size:20px;margin:8px 0}
.not-found p{color:#86909c}
.not-found a{display:inline-block;margin-top:12px;padding:6px 16px;border-radius:4px;background:#fe2c55;color:#fff}
`;

function header(shop: SimShop | undefined): string {
  const name = shop ? escapeHtml(shop.name) : 'TikTok Shop';
  const initial = escapeHtml((shop?.name ?? 'T').slice(0, 1));
  return `<header class="sim-header">
  <div class="sim-brand"><span class="sim-logo" aria-hidden="true"></span>TikTok Shop<small>Affiliate Center</small></div>
  <div class="sim-account"><span class="sim-region">${shop ? escapeHtml(shop.region) : ''}</span><span class="sim-shop-name" id="sim-shop-name">${name}</span><span class="sim-shop-avatar" aria-hidden="true">${initial}</span></div>
</header>`;
}

/** The app shell for a known route; `client/app.js` renders the nav state and the main area. */
export function renderShell(world: World, url: URL): string {
  const host = affiliateHost(url.hostname);
  const shop = resolveShop(world, url);
  const boot = bootData(shop, !!host?.prefixed);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>TikTok Shop Affiliate Center</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
<script>window.__SIM_BOOT__ = ${scriptJson(boot)};</script>
<script src="${CLIENT_SCRIPT_PATH}" defer></script>
</head>
<body>
${header(shop)}
<div class="sim-layout">
  <nav class="sim-nav" aria-label="Main">
    <a href="#" data-route="home"><span class="nav-ico" aria-hidden="true">⌂</span>Home</a>
    <div class="nav-section">Collaborations</div>
    <a class="nav-disabled" aria-disabled="true"><span class="nav-ico" aria-hidden="true">◎</span>Open collaboration</a>
    <a class="nav-disabled" aria-disabled="true"><span class="nav-ico" aria-hidden="true">✉</span>Target collaboration</a>
    <a href="#" data-route="sample-request"><span class="nav-ico" aria-hidden="true">▣</span>Sample requests</a>
    <div class="nav-section">Creators</div>
    <a class="nav-disabled" aria-disabled="true"><span class="nav-ico" aria-hidden="true">☆</span>Find creators</a>
    <a class="nav-disabled" aria-disabled="true"><span class="nav-ico" aria-hidden="true">☰</span>Affiliate orders</a>
  </nav>
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
<head><meta charset="utf-8"><title>404 | TikTok Shop Affiliate Center</title><link rel="icon" href="data:,"><style>${STYLE}</style></head>
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

let clientScript: string | undefined;
/** Source of `client/app.js` (read once). */
export function clientScriptSource(): string {
  clientScript ??= readFileSync(new URL('./client/app.js', import.meta.url), 'utf8');
  return clientScript;
}
