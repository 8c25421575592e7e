import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AFFILIATE_HOSTS } from '../../../lib/hosts';
import { handleApi } from '../api';
import { simUrl } from '../install';
import { CLIENT_SCRIPT_BASE, CORE_CLIENT, bootData, clientScriptSource, clientScriptUrls, matchRoute, render404, renderShell, surfacePath } from '../pages';
import { generateWorld, shopByKey } from '../world';
import { SURFACES, surfaceByRoute } from '.';

/** Rules every registered surface must keep; a new surface gets these checks for free. */

const NOW = Date.UTC(2025, 10, 20, 9, 30);
const world = generateWorld({ seed: 1, now: NOW });
const us = shopByKey(world, 'us');

describe('the surface registry', () => {
  it('has unique route ids and nav labels', () => {
    const routes = SURFACES.map((s) => s.route);
    expect(new Set(routes).size).toBe(routes.length);
    const labels = SURFACES.flatMap((s) => (s.nav ? [s.nav.label] : []));
    expect(new Set(labels).size).toBe(labels.length);
    for (const r of routes) expect(r).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(surfaceByRoute('home')).toBeDefined();
    expect(surfaceByRoute('sample-request')).toBeDefined();
  });

  it('gives every route plain paths, migrated ones under /affiliate, and no path to two routes on any host', () => {
    for (const s of SURFACES) {
      for (const p of [s.paths.legacy, s.paths.migrated]) expect(p, s.route).toMatch(/^\/[a-z0-9\-/]+[a-z0-9]$/);
      expect(s.paths.migrated, s.route).toMatch(/^\/affiliate\//);
    }
    for (const prefixed of [false, true]) {
      const owner = new Map<string, string>();
      for (const s of SURFACES) {
        for (const gen of ['legacy', 'migrated'] as const) {
          const path = surfacePath(prefixed, s, gen);
          const taken = owner.get(path);
          if (taken !== undefined) expect(taken, `${path} on a ${prefixed ? 'prefixed' : 'normal'} host`).toBe(s.route);
          owner.set(path, s.route);
        }
      }
    }
  });

  it('routes every registered page, in both generations, on every shop, back to itself', () => {
    for (const shop of world.shops) {
      for (const s of SURFACES) {
        for (const generation of ['legacy', 'migrated'] as const) {
          expect(matchRoute(new URL(simUrl(shop, s.route, { generation })))).toEqual({ route: s.route, generation });
        }
      }
    }
  });

  it('names client scripts that exist and register their route', () => {
    for (const s of SURFACES) {
      if (!s.client) continue;
      expect(s.client, s.route).toMatch(/^[a-z0-9-]+\.js$/);
      const file = new URL(`../client/${s.client}`, import.meta.url);
      expect(existsSync(file), `${s.client} for ${s.route}`).toBe(true);
      expect(readFileSync(file, 'utf8'), s.client).toContain(`SimApp.register('${s.route}'`);
    }
  });

  it('names wire variants `<route>.<form>`, each once, each with the evidence it rests on; an unknown one fails the call', () => {
    const names = SURFACES.flatMap((s) => Object.keys(s.variants ?? {}).map((v) => [s.route, v] as const));
    for (const [route, v] of names) expect(v).toMatch(new RegExp(`^${route}\\.[a-z0-9-]+$`));
    expect(new Set(names.map(([, v]) => v)).size).toBe(names.length);
    for (const s of SURFACES) for (const evidence of Object.values(s.variants ?? {})) expect(evidence.length).toBeGreaterThan(10);
    const url = new URL(`https://${us.host}/api/v1/affiliate/menu?cl_variant=no-such.variant`);
    expect(handleApi(world, { url, method: 'GET', body: null })?.status).toBe(400);
  });

  it('gives boot data that survives JSON', () => {
    for (const shop of world.shops) {
      const boot = bootData(world, shop, false);
      expect(JSON.parse(JSON.stringify(boot))).toEqual(boot);
      expect(bootData(world, shop, false)).toEqual(boot);
    }
  });

  it('leaves API paths of other surfaces and page paths alone', () => {
    for (const s of SURFACES) {
      for (const gen of ['legacy', 'migrated'] as const) {
        const url = new URL(simUrl(us, s.route, { generation: gen }));
        expect(s.api?.(world, { url, method: 'GET', body: null, now: NOW }), `${s.route} answered its own page URL`).toBeUndefined();
      }
    }
    expect(handleApi(world, { url: new URL('https://affiliate-us.tiktok.com/api/v1/no/such/endpoint'), method: 'POST', body: '{}' })).toBeUndefined();
  });
});

describe('the shell', () => {
  it('loads the core first, then each surface script once, and serves only those', () => {
    const urls = clientScriptUrls();
    expect(urls[0]).toBe(CLIENT_SCRIPT_BASE + CORE_CLIENT);
    for (const s of SURFACES) if (s.client) expect(urls).toContain(CLIENT_SCRIPT_BASE + s.client);
    expect(new Set(urls).size).toBe(urls.length);
    const html = renderShell(world, new URL(simUrl(us, 'sample-request')));
    const srcs = [...html.matchAll(/<script src="([^"]+)" defer><\/script>/g)].map((m) => m[1]);
    expect(srcs).toEqual(urls);
    for (const u of urls) expect(clientScriptSource(u)).toContain('SimApp');
    expect(clientScriptSource(`${CLIENT_SCRIPT_BASE}../api.ts`)).toBeUndefined();
    expect(clientScriptSource(`${CLIENT_SCRIPT_BASE}nope.js`)).toBeUndefined();
  });

  it('puts the registry into the boot data, with host paths and surface data', () => {
    const global = shopByKey(world, 'global');
    const html = renderShell(world, new URL(simUrl(global, 'home')));
    const json = /window\.__SIM_BOOT__ = (.*);<\/script>/.exec(html)![1]!;
    const boot = JSON.parse(json);
    expect(boot.shop).toMatchObject({ region: 'MY', sellerId: global.sellerId });
    expect(boot.surfaces.map((s: { route: string }) => s.route)).toEqual(SURFACES.map((s) => s.route));
    const sr = boot.surfaces.find((s: { route: string }) => s.route === 'sample-request');
    expect(sr).toMatchObject({
      nav: { label: 'Sample requests', group: 'Collaborations' },
      paths: { legacy: '/affiliate/product/sample-request', migrated: '/affiliate/sample/sample-request' },
      client: true,
    });
    expect(sr.data.tabs.map((t: { code: number }) => t.code)).toEqual([10, 20, 30, 40, 50, 60]);
    expect(boot.surfaces.find((s: { route: string }) => s.route === 'home').nav).toEqual({ label: 'Home', group: null, icon: '⌂' });
  });

  it('escapes hostile text in the boot data and the header', () => {
    const evil = generateWorld({ seed: 1, now: NOW });
    evil.shops[0]!.name = '</script><img src=x onerror=alert(1)>';
    const html = renderShell(evil, new URL(simUrl(evil.shops[0]!, 'home')));
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('</script><img');
  });

  it('serves a 404 page that links Home', () => {
    const html = render404(world, new URL('https://affiliate-us.tiktok.com/no/such/page?shop_region=US'));
    expect(html).toContain(`href="/platform/homepage?shop_region=US&amp;shop_id=${us.sellerId}"`);
  });
});
