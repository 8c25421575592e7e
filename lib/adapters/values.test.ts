import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { categoryOf, productCategory } from './values';

const read = (json: unknown) => categoryOf(z.object(productCategory).parse(json));

describe('categoryOf', () => {
  it('keeps the first level of a category chain, the level benchmarks compare within', () => {
    const chains = [
      { id: '601450', parent_id: '601152', local_name: 'Serums & Essences' },
      { id: '601152', parent_id: '0', local_name: 'Beauty & Personal Care' },
    ];
    expect(read({ category_chains: chains })).toEqual({ categoryId: '601152', categoryName: 'Beauty & Personal Care' });
  });

  it('reads `category{id, name}` and `category_id`/`category_name`, ids as strings', () => {
    expect(read({ category: { id: 601152, name: 'Kecantikan' } })).toEqual({ categoryId: '601152', categoryName: 'Kecantikan' });
    expect(read({ category_id: '824328', category_name: 'Home Supplies' })).toEqual({ categoryId: '824328', categoryName: 'Home Supplies' });
  });

  it('gives nothing when the page sends no category, and no name without an id', () => {
    expect(read({})).toEqual({});
    expect(read({ category_name: 'Beauty' })).toEqual({});
  });

  it('refuses a category that is not an id', () => {
    expect(z.object(productCategory).safeParse({ category: { id: '<b>x</b>' } }).success).toBe(false);
  });
});
