import { describe, expect, it } from 'vitest';
import { metricOf } from '../domain/creator-metrics';
import { mergeCreator, mergeProduct, type Sighting } from './merge';

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

describe('mergeCreator: each figure keeps the page and time it was seen on', () => {
  const find: Sighting = { seenAt: 10, shopKey: 'US:1', source: { endpoint: 'creators.find', page: 'https://affiliate-us.tiktok.com/connection/creator' } };
  const samples: Sighting = { seenAt: 20, shopKey: 'US:1', source: { endpoint: 'sample.group.list', page: 'https://affiliate-us.tiktok.com/product/sample-request' } };
  const gmv = { minor: 240_000, currency: 'USD' };
  const fromFind = mergeCreator(undefined, { handle: 'maya', aliases: [], metrics: { gmv, medianVideoViews: 1200 } }, find);
  const both = mergeCreator(fromFind, { handle: 'maya', aliases: [], metrics: { followers: 3200, unitsSold: 120 } }, samples);

  it('a later page that shows other figures leaves the earlier figures with their own sighting', () => {
    expect(both.metrics?.value).toEqual({ gmv, medianVideoViews: 1200, followers: 3200, unitsSold: 120 });
    expect(metricOf(both, 'gmv')).toEqual({ value: gmv, seenAt: 10, source: find.source });
    expect(metricOf(both, 'followers')).toEqual({ value: 3200, seenAt: 20, source: samples.source });
    expect(both.metrics).toMatchObject({ seenAt: 20, source: samples.source });
  });

  it('a figure shown again moves to its new sighting; an older capture arriving late changes nothing', () => {
    const again = mergeCreator(both, { handle: 'maya', aliases: [], metrics: { gmv: { minor: 250_000, currency: 'USD' } } }, { ...samples, seenAt: 30 });
    expect(metricOf(again, 'gmv')).toMatchObject({ seenAt: 30, source: samples.source });
    expect(metricOf(again, 'medianVideoViews')).toMatchObject({ seenAt: 10, source: find.source });
    expect(mergeCreator(again, { handle: 'maya', aliases: [], metrics: { gmv } }, { ...find, seenAt: 5 })).toEqual({ ...again, firstSeenAt: 5 });
  });

  it('a creator stored before figures had their own sightings reads each at the metrics’ sighting', () => {
    const { metricSources: _gone, ...old } = fromFind;
    expect(metricOf(old, 'gmv')).toEqual({ value: gmv, seenAt: 10, source: find.source });
    const updated = mergeCreator(old, { handle: 'maya', aliases: [], metrics: { followers: 3200 } }, samples);
    expect(metricOf(updated, 'gmv')).toMatchObject({ seenAt: 10, source: find.source });
  });
});
