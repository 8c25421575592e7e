import { describe, expect, it } from 'vitest';
import { mergeProduct, type Sighting } from './merge';

const at = (seenAt: number): Sighting => ({ seenAt, shopKey: 'US:1', source: { endpoint: 'campaign.registered', page: 'https://affiliate-us.tiktok.com/' } });

describe('mergeProduct: category', () => {
  const withCategory = mergeProduct(undefined, { productId: '1', title: 'Serum', categoryId: '601152', categoryName: 'Beauty' }, at(10));

  it('takes the category a page sends', () => {
    expect(withCategory).toMatchObject({ categoryId: '601152', categoryName: 'Beauty' });
  });

  it('keeps it when a later page shows the product without one', () => {
    expect(mergeProduct(withCategory, { productId: '1', title: 'Serum 30 ml' }, at(20))).toMatchObject({ title: 'Serum 30 ml', categoryId: '601152', categoryName: 'Beauty' });
  });

  it('moves to the category a newer page names, never to one an older page names', () => {
    const moved = mergeProduct(withCategory, { productId: '1', title: 'Serum', categoryId: '700000', categoryName: 'Health' }, at(20));
    expect(moved).toMatchObject({ categoryId: '700000', categoryName: 'Health' });
    expect(mergeProduct(moved, { productId: '1', title: 'Serum', categoryId: '601152', categoryName: 'Beauty' }, at(15))).toMatchObject({ categoryId: '700000' });
  });

  it('stores no category keys for a product never seen with one', () => {
    const p = mergeProduct(undefined, { productId: '2', title: 'Mask' }, at(10));
    expect('categoryId' in p || 'categoryName' in p).toBe(false);
  });
});
