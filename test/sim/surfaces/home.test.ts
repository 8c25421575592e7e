import { describe, expect, it } from 'vitest';
import { generateWorld, shopByKey } from '../world';
import { homeStats } from './home';

const NOW = Date.UTC(2025, 10, 20, 9, 30);

describe('Home figures', () => {
  it('are derived from the seed and the shop', () => {
    const world = generateWorld({ seed: 1, now: NOW });
    const us = shopByKey(world, 'us');
    const stats = homeStats(world, us);
    expect(stats.map((s) => s.label)).toEqual(['Affiliate GMV', 'Items sold', 'Creators posting', 'Affiliate videos']);
    const later = generateWorld({ seed: 1, now: NOW + 3_600_000 });
    expect(homeStats(later, shopByKey(later, 'us'))).toEqual(stats);
    expect(homeStats(world, shopByKey(world, 'gb'))).not.toEqual(stats);
    const idGmv = homeStats(world, shopByKey(world, 'id'))[0]!.value;
    expect(idGmv).toBeGreaterThan(100_000);
  });
});
