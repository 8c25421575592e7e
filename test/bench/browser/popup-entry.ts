import { rebuildAggregates } from '../../../lib/aggregates/maintain';
import { rebuildCreatorRows } from '../../../lib/creators/maintain';
import { AppDB } from '../../../lib/db/app-db';
import { BENCH_SHOP } from './bench-shop';
import type { SampleStatus } from '../../../lib/domain/sample-status';
import type {
  Campaign,
  Creator,
  Invitation,
  InvitationCreator,
  InvitationProduct,
  OpenCollab,
  Order,
  OrderSku,
  Product,
  Registration,
  SampleRequest,
  Shop,
} from '../../../lib/domain/types';

/**
 * Bundled and evaluated on one of the extension's own pages (its origin owns the database): puts rows straight into
 * the extension's IndexedDB with bulkPut, then rebuilds the popup's aggregates as the background does after an import.
 * `seedRows` takes the rows (the popup's real-browser tests); `seedBench` generates a large model in the page (the
 * popup bench: 100,000 orders, 20,000 creators; the creators-view bench: 100,000 orders, 50,000 creators, whose
 * `creatorRows` it also builds as the background keeps them).
 */

export interface SeedResult {
  rows: number;
  putMs: number;
  rebuildMs: number;
}

async function seedRows(tables: Record<string, object[]>, now = Date.now(), creatorRows = false): Promise<SeedResult> {
  const db = new AppDB();
  await db.open();
  try {
    const t0 = performance.now();
    await db.transaction('rw', db.tables, async () => {
      for (const [table, rows] of Object.entries(tables)) await db.table(table).bulkPut(rows);
    });
    const t1 = performance.now();
    await rebuildAggregates(db, { now });
    if (creatorRows) await rebuildCreatorRows(db, { now });
    return { rows: Object.values(tables).reduce((n, r) => n + r.length, 0), putMs: t1 - t0, rebuildMs: performance.now() - t1 };
  } finally {
    db.close();
  }
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SHOP = BENCH_SHOP;
const source = { endpoint: 'bench', page: 'https://affiliate-us.tiktok.com/product/sample-request?shop_region=US' };
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const id19 = (prefix: string, n: number) => `${prefix}${pad(n, 19 - prefix.length)}`;
const handleOf = (n: number) => `bench.creator.${pad(n, 5)}`;
const usd = (minor: number) => ({ minor, currency: 'USD' });
const STATUSES: SampleStatus[] = ['PENDING', 'AWAITING_SHIPMENT', 'SHIPPED', 'CONTENT_PENDING', 'COMPLETED', 'REJECT_CANCELLED'];
const MESSAGES = ['Hi! Try our new serum, free sample included.', 'Halo kak, coba produk kami ya!', 'We love your content: 20% commission this month.', ''];

/** A shop with 100,000 orders (one SKU row each), 20,000 creators and everything the popup's aggregates read. */
function benchModel(orderCount: number, creatorCount: number, now: number): Record<string, object[]> {
  const seen = { firstSeenAt: now - 90 * DAY, lastSeenAt: now - DAY };
  const shops: Shop[] = [{ key: SHOP, region: 'US', sellerId: '7495000000000000001', host: 'affiliate-us.tiktok.com', firstSeenAt: now - 90 * DAY, lastSeenAt: now }];
  const PRODUCTS = 2000;
  const products: Product[] = Array.from({ length: PRODUCTS }, (_, p) => ({
    productId: id19('17295', p),
    shopKey: SHOP,
    title: `Bench product ${p}`,
    categoryId: `cat${p % 40}`,
    categoryName: `Category ${p % 40}`,
    price: usd(999 + (p % 50) * 100),
    ...seen,
    source,
  }));
  const productOf = (n: number) => id19('17295', n % PRODUCTS);
  const openCollabs: OpenCollab[] = Array.from({ length: PRODUCTS / 2 }, (_, p) => ({
    key: `${SHOP}|${productOf(p)}`,
    shopKey: SHOP,
    productId: productOf(p),
    commissionBps: 300 + ((p * 13) % 30) * 100,
    status: 'NORMAL',
    ...seen,
    source,
  }));
  const creators: Creator[] = Array.from({ length: creatorCount }, (_, c) => ({
    handle: handleOf(c),
    aliases: [`cid:${id19('74941', c)}`],
    followerCount: { value: (c * 7919) % 2_000_000, seenAt: seen.lastSeenAt, source },
    ...seen,
  }));
  const invitations: Invitation[] = [];
  const invitationProducts: InvitationProduct[] = [];
  const invitationCreators: InvitationCreator[] = [];
  for (let v = 0; v < 200; v++) {
    const id = id19('66', v);
    invitations.push({
      id,
      shopKey: SHOP,
      name: `Bench invitation ${v}`,
      message: MESSAGES[v % MESSAGES.length],
      status: 'ONGOING',
      statusRaw: '1',
      startAt: now - (v % 84) * DAY,
      endAt: now + 10 * DAY,
      counts: {},
      contactChannels: [],
      ...seen,
      source,
    });
    for (let k = 0; k < 5; k++) invitationProducts.push({ invitationId: id, productId: productOf(v * 5 + k), shopKey: SHOP, targetCommissionBps: 800 + ((v + k) % 20) * 100, lastSeenAt: seen.lastSeenAt });
    for (let k = 0; k < 25; k++) {
      const state = k < 8 ? (k < 3 ? 'POSTED' : 'ACCEPTED') : 'INVITED';
      invitationCreators.push({ invitationId: id, handle: handleOf((v * 25 + k) % creatorCount), shopKey: SHOP, accepted: state === 'INVITED' ? 0 : 1, statusRaw: state, state, lastSeenAt: seen.lastSeenAt });
    }
  }
  const sampleRequests: SampleRequest[] = Array.from({ length: 5000 }, (_, s) => ({
    applyId: id19('1729', s),
    shopKey: SHOP,
    creatorHandle: handleOf(s % creatorCount),
    productId: productOf(s),
    status: STATUSES[s % STATUSES.length] as SampleStatus,
    statusRaw: STATUSES[s % STATUSES.length] as string,
    statusSeenAt: now - (s % 10) * HOUR,
    commissionBps: 500 + (s % 20) * 100,
    appliedAt: now - (s % 60) * DAY,
    ...seen,
    source,
  }));
  const orders: Order[] = [];
  const orderSkus: OrderSku[] = [];
  for (let i = 0; i < orderCount; i++) {
    const orderId = id19('577', i);
    const createdAt = now - (i % 90) * DAY - (i % 24) * HOUR;
    orders.push({ orderId, shopKey: SHOP, createdAt, skuRows: 1, ...seen, source });
    orderSkus.push({
      key: `${orderId}|${id19('17296', i % PRODUCTS)}`,
      orderId,
      shopKey: SHOP,
      createdAt,
      productId: productOf(i),
      skuId: id19('17296', i % PRODUCTS),
      quantity: 1 + (i % 3),
      price: usd(1999),
      creatorHandle: handleOf(i % creatorCount),
      contentType: i % 2 ? 'VIDEO' : 'LIVE',
      commissionBps: 1000 + (i % 10) * 100,
      estimatedCommission: usd(100 + (i % 997)),
      settlement: 'TO_SETTLE',
      settlementRaw: 'to_be_settled',
      refunded: 0,
      ...seen,
      source,
    });
  }
  const campaigns: Campaign[] = [];
  const registrations: Registration[] = [];
  for (let c = 0; c < 50; c++) {
    const id = id19('99', c);
    campaigns.push({ id, shopKey: SHOP, name: `Bench campaign ${c}`, kind: 'agency', status: 'ONGOING', commissionRequirementBps: 1000 + (c % 10) * 100, contactChannels: [], ...seen, source });
    for (let k = 0; k < 4; k++) {
      const productId = productOf(c * 4 + k);
      registrations.push({ key: `${id}|${productId}`, campaignId: id, productId, shopKey: SHOP, state: 'APPROVED', stateRaw: '2', totalCommissionBps: 900 + ((c + k) % 10) * 100, contactChannels: [], ...seen, source });
    }
  }
  return { shops, products, openCollabs, creators, invitations, invitationProducts, invitationCreators, sampleRequests, orders, orderSkus, campaigns, registrations };
}

function seedBench(orderCount: number, creatorCount: number, creatorRows = false): Promise<SeedResult> {
  const now = Date.now();
  return seedRows(benchModel(orderCount, creatorCount, now), now, creatorRows);
}

(globalThis as unknown as { collabLensSeed: { seedRows: typeof seedRows; seedBench: typeof seedBench } }).collabLensSeed = { seedRows, seedBench };
