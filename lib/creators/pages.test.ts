import { describe, expect, it } from 'vitest';
import { creatorParams, creatorPath, creatorsParams, creatorsPath } from './pages';

const SHOP = 'US:7493407418569239649';

describe('the creators pages’ addresses', () => {
  it('read back the shop and creator they were made with', () => {
    expect(creatorsPath(SHOP)).toBe('/creators.html?shop=US%3A7493407418569239649');
    expect(creatorsParams(creatorsPath(SHOP).split('?')[1] as string)).toEqual({ shopKey: SHOP });
    expect(creatorPath(SHOP, 'maya.k')).toBe('/creator.html?shop=US%3A7493407418569239649&handle=maya.k');
    expect(creatorParams(`?${creatorPath(SHOP, 'maya.k').split('?')[1]}`)).toEqual({ shopKey: SHOP, handle: 'maya.k' });
  });

  it('take a handle as a seller writes it (@, capitals) as the stored one', () => {
    expect(creatorParams(`?shop=${encodeURIComponent(SHOP)}&handle=%40Maya.K`)).toEqual({ shopKey: SHOP, handle: 'maya.k' });
  });

  it('name nothing when the shop or the handle is missing or forged', () => {
    expect(creatorsParams('')).toBeUndefined();
    expect(creatorsParams('?shop=us:1')).toBeUndefined();
    expect(creatorsParams('?shop=US:1%3Cscript%3E')).toBeUndefined();
    expect(creatorParams(`?shop=${encodeURIComponent(SHOP)}`)).toBeUndefined();
    expect(creatorParams(`?shop=${encodeURIComponent(SHOP)}&handle=a%20b`)).toBeUndefined();
    expect(creatorParams(`?shop=${encodeURIComponent(SHOP)}&handle=${'a'.repeat(65)}`)).toBeUndefined();
  });
});
