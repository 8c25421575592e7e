import { describe, expect, it } from 'vitest';
import { handleApi, PROBE_FIELD, probeAnswer } from './api';
import { simUrl } from './install';
import { matchRoute } from './pages';
import { generateWorld, shopByKey, type SimShop } from './world';

const NOW = Date.UTC(2025, 10, 20, 9, 30);
const world = generateWorld({ seed: 1, now: NOW });
const us = shopByKey(world, 'us');

type Json = Record<string, any>;

function listUrl(shop: SimShop, extra = ''): URL {
  return new URL(
    `https://${shop.host}/api/v1/affiliate/sample/group/list?user_language=en&aid=4331&app_name=i18n_ecom_alliance&device_platform=web` +
      `&shop_region=${shop.region}&oec_seller_id=${shop.sellerId}${extra}&msToken=abc&X-Bogus=DFSx`,
  );
}

describe('uncaptured endpoints', () => {
  it('serves the menu with legacy paths', () => {
    const res = handleApi(world, { url: new URL(`https://affiliate-us.tiktok.com/api/v1/affiliate/menu?shop_region=US`), method: 'GET', body: null });
    const data = (res!.json as Json).data;
    expect(data.menu_list).toContainEqual(expect.objectContaining({ id: 'sample_request', path: '/product/sample-request' }));
  });

  it('serves account info', () => {
    const ok = handleApi(world, { url: new URL(listUrl(us).href.replace('sample/group/list', 'account/info')), method: 'POST', body: '{}' });
    expect((ok!.json as Json).data).toMatchObject({ shop_name: us.name, shop_region: 'US', oec_seller_id: us.sellerId });
  });

  it('leaves other paths alone', () => {
    expect(handleApi(world, { url: new URL('https://affiliate-us.tiktok.com/api/v1/oec/affiliate/no/such/endpoint'), method: 'POST', body: '{}' })).toBeUndefined();
    expect(handleApi(world, { url: new URL('https://affiliate-us.tiktok.com/product/sample-request'), method: 'GET', body: null })).toBeUndefined();
  });
});

describe('simUrl and routes', () => {
  it('builds legacy and migrated URLs that route back to the same page', () => {
    expect(simUrl(us, 'sample-request', { markup: 'cards' })).toBe(
      `https://affiliate-us.tiktok.com/product/sample-request?shop_region=US&shop_id=${us.sellerId}&markup=cards`,
    );
    expect(simUrl(us, 'sample-request', { generation: 'migrated', tab: 30 })).toBe(
      `https://affiliate-us.tiktok.com/affiliate/sample/sample-request?shop_region=US&shop_id=${us.sellerId}&route_migration=1&tab=30`,
    );
    expect(simUrl(us, 'home')).toBe(`https://affiliate-us.tiktok.com/platform/homepage?shop_region=US&shop_id=${us.sellerId}`);
    const global = shopByKey(world, 'global');
    expect(new URL(simUrl(global, 'sample-request')).pathname).toBe('/affiliate/product/sample-request');
    for (const shop of world.shops) {
      for (const route of ['sample-request', 'home'] as const) {
        for (const generation of ['legacy', 'migrated'] as const) {
          expect(matchRoute(new URL(simUrl(shop, route, { generation })))).toEqual({ route, generation });
        }
      }
    }
    expect(matchRoute(new URL('https://affiliate-us.tiktok.com/connection/no-such-page'))).toBeUndefined();
  });
});

describe('simUrl options', () => {
  it('adds surface parameters after the tab and before the simulator switches', () => {
    expect(simUrl(us, 'sample-request', { tab: 10, params: { cid: '7494000000000000001' }, markup: 'cards', transport: 'xhr', fault: 'shape', rerender: true })).toBe(
      `https://affiliate-us.tiktok.com/product/sample-request?shop_region=US&shop_id=${us.sellerId}&tab=10&cid=7494000000000000001&markup=cards&transport=xhr&fault=shape&rerender=1`,
    );
  });

  it('throws for a route nobody registered', () => {
    expect(() => simUrl(us, 'no-such-page')).toThrow(/unknown simulated route "no-such-page"/);
  });
});

describe('probes: a deliberate change of every answer’s shape', () => {
  const answer = { code: 0, data: { list: [{ id: '1', name: 'a', nested: { name: 'b' } }] } };

  it('add-field puts a new field into every object, drop: removes keys wherever they are', () => {
    expect(probeAnswer(answer, 'add-field')).toEqual({
      code: 0,
      [PROBE_FIELD]: 'probe',
      data: { [PROBE_FIELD]: 'probe', list: [{ id: '1', name: 'a', nested: { name: 'b', [PROBE_FIELD]: 'probe' }, [PROBE_FIELD]: 'probe' }] },
    });
    expect(probeAnswer(answer, 'drop:name,code')).toEqual({ data: { list: [{ id: '1', nested: {} }] } });
    expect(probeAnswer(answer, 'add-field|drop:nested')).toEqual({
      code: 0,
      [PROBE_FIELD]: 'probe',
      data: { [PROBE_FIELD]: 'probe', list: [{ id: '1', name: 'a', [PROBE_FIELD]: 'probe' }] },
    });
    expect(answer.data.list[0]?.name).toBe('a');
    expect(() => probeAnswer(answer, 'rename')).toThrow();
  });

  it('applies to what the API answers when the page asks for it', () => {
    const shop = world.shops[0]!;
    const url = new URL(`https://${shop.host}/api/v1/affiliate/account/info?shop_region=${shop.region}&oec_seller_id=${shop.sellerId}&cl_probe=drop:shop_name`);
    const res = handleApi(world, { url, method: 'POST', body: '{}' });
    expect(res?.json).toMatchObject({ code: 0, data: { shop_region: shop.region } });
    expect((res?.json as { data: Record<string, unknown> }).data).not.toHaveProperty('shop_name');
  });
});
