/**
 * Home (research/domain.md §2.2): `/platform/homepage`, migrated `/affiliate/platform/homepage`.
 *
 * The real Home calls dashboard endpoints whose paths we have not seen, so it serves no API here: its figures are
 * derived from the world seed and the shop and handed to `client/home.js` as boot data. The menu and account info it
 * loads are general endpoints in `api.ts` (every page calls them).
 */
import type { SimSurface } from '../surface';
import { seededRandom, type SimShop, type World } from '../world';

export interface HomeStat {
  label: string;
  /** Money in the shop currency (major units) when `money` is set, otherwise a count. */
  value: number;
  money?: boolean;
  /** Change against the previous 28 days, in percent. */
  delta: number;
}
export interface HomeBoot {
  stats: HomeStat[];
}

export function homeStats(world: World, shop: SimShop): HomeStat[] {
  const rand = seededRandom(world.seed, `home:${shop.sellerId}`);
  const scale = shop.currency === 'IDR' ? 15000 : 1;
  const delta = (span: number, offset: number) => Math.round((rand() * span - offset) * 10) / 10;
  return [
    { label: 'Affiliate GMV', value: Math.round((8000 + rand() * 40000) * scale * 100) / 100, money: true, delta: delta(30, 8) },
    { label: 'Items sold', value: Math.round(400 + rand() * 3000), delta: delta(20, 5) },
    { label: 'Creators posting', value: Math.round(20 + rand() * 120), delta: delta(18, 9) },
    { label: 'Affiliate videos', value: Math.round(60 + rand() * 400), delta: delta(25, 6) },
  ];
}

export const home: SimSurface = {
  route: 'home',
  nav: { label: 'Home', icon: '⌂' },
  paths: { legacy: '/platform/homepage', migrated: '/affiliate/platform/homepage' },
  client: 'home.js',
  boot: (world, shop): HomeBoot => ({ stats: homeStats(world, shop) }),
  css: `
.home-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:16px}
.home-card{padding:18px 20px}
.home-card h2{margin:0 0 6px;font-size:13px;font-weight:500;color:#86909c}
.home-card .value{font-size:26px;font-weight:600}
.home-card .delta{color:#00a870;font-size:12px}
.home-card .delta.down{color:#f53f3f}
.home-value{font-weight:600}
.home-wide{margin-top:16px;padding:18px 20px}
.home-wide h2{margin:0 0 10px;font-size:15px}
.home-wide ul{margin:0;padding-left:18px;color:#4e5969}
.home-link{color:#fe2c55;font-weight:500}
`,
};
