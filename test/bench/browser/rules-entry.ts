import { AppDB } from '../../../lib/db/app-db';
import type { SampleStatus } from '../../../lib/domain/sample-status';
import type {
  Campaign,
  Creator,
  CreatorApplication,
  Insight,
  Invitation,
  InvitationCreator,
  InvitationProduct,
  Observation,
  OpenCollab,
  Order,
  OrderSku,
  Product,
  Registration,
  RegistrationState,
  SampleContent,
  SampleRequest,
  Shop,
  ShopAccount,
  Sku,
  Transition,
} from '../../../lib/domain/types';
import { evaluateAll, evaluateChanges, type EngineSettings } from '../../../lib/rules/engine';
import { RULES } from '../../../lib/rules/index';
import type { ChangeSet } from '../../../lib/rules/types';

/**
 * Bundled into a bench page (a plain https page in Chromium, no extension): the extension's rule engine with every
 * built-in rule, on the browser's real IndexedDB. The model is put straight into the database (no ingest), with enough
 * of every kind that each rule has work: orders with zero and diverging commissions, sample requests in every stage
 * with deadlines around now, refundable samples, creators of every reliability, products in categories with open,
 * target and campaign commissions, campaigns closing and starting, registrations in every state, invitations expiring,
 * linked accounts over the limits, and insights pages not opened for a while.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SHOP = 'US:7495000000000000001';
const PAGE = 'https://affiliate-us.tiktok.com/product/sample-request?shop_region=US';
const source = { endpoint: 'bench', page: PAGE };
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const id19 = (prefix: string, n: number) => `${prefix}${pad(n, 19 - prefix.length)}`;
const handleOf = (n: number) => `bench.creator.${pad(n, 5)}`;
const usd = (minor: number) => ({ minor, currency: 'USD' });

const PRODUCTS = 5000;
const CATEGORIES = 40;
const STATUSES: SampleStatus[] = ['PENDING', 'AWAITING_SHIPMENT', 'SHIPPED', 'CONTENT_PENDING', 'COMPLETED', 'REJECT_CANCELLED', 'UNFULFILL_CANCELLED'];
const REGISTRATION_STATES: RegistrationState[] = ['PENDING', 'APPROVED', 'LIVE', 'REJECTED', 'REJECTED_BLOCKED', 'CANCEL_REQUESTED', 'CANCELLED'];

interface Model {
  [table: string]: object[];
}

function model(orderRows: number, creatorCount: number, sampleCount: number, now: number): Model {
  const seen = { firstSeenAt: now - 60 * DAY, lastSeenAt: now - DAY };
  const shops: Shop[] = [{ key: SHOP, region: 'US', sellerId: '7495000000000000001', host: 'affiliate-us.tiktok.com', firstSeenAt: now - 90 * DAY, lastSeenAt: now }];
  const products: Product[] = [];
  const skus: Sku[] = [];
  for (let p = 0; p < PRODUCTS; p++) {
    const productId = id19('17295', p);
    products.push({ productId, shopKey: SHOP, title: `Bench product ${p}`, categoryId: `cat${p % CATEGORIES}`, categoryName: `Category ${p % CATEGORIES}`, price: usd(999 + (p % 50) * 100), ...seen, source });
    skus.push({ skuId: id19('17296', p), productId, lastSeenAt: seen.lastSeenAt });
  }
  const productOf = (n: number) => id19('17295', n % PRODUCTS);

  const creators: Creator[] = [];
  for (let c = 0; c < creatorCount; c++) {
    creators.push({
      handle: handleOf(c),
      nickname: `Bench Creator ${c}`,
      aliases: [`cid:${id19('74941', c)}`],
      followerCount: { value: 1000 + c * 7, seenAt: seen.lastSeenAt, source },
      fulfillmentBps: { value: (c * 37) % 10_001, seenAt: seen.lastSeenAt, source },
      ...seen,
    });
  }

  const sampleRequests: SampleRequest[] = [];
  const transitions: Transition[] = [];
  const sampleContents: SampleContent[] = [];
  for (let s = 0; s < sampleCount; s++) {
    const status = STATUSES[s % STATUSES.length] as SampleStatus;
    const applyId = id19('1729', s);
    // Creators repeat (every 7th request is a creator's second request for the same product: duplicates).
    const creator = s % 7 === 0 && s > 0 ? handleOf((s - 1) % creatorCount) : handleOf(s % creatorCount);
    const productId = s % 7 === 0 && s > 0 ? productOf(s - 1) : productOf(s);
    const deliveredAt = now - ((s % 30) + 1) * DAY;
    const deadline =
      status === 'PENDING'
        ? { kind: 'review' as const, at: now + ((s % 72) - 12) * HOUR, seenAt: now - HOUR }
        : status === 'AWAITING_SHIPMENT'
          ? { kind: 'ship' as const, at: now + ((s % 96) - 24) * HOUR, seenAt: now - HOUR }
          : status === 'CONTENT_PENDING'
            ? { kind: 'content' as const, at: deliveredAt + 14 * DAY, seenAt: now - HOUR }
            : undefined;
    const refundable = s % 11 === 0;
    sampleRequests.push({
      applyId,
      shopKey: SHOP,
      creatorHandle: creator,
      productId,
      skuId: id19('17296', s % PRODUCTS),
      status,
      statusRaw: status,
      statusSeenAt: now - (s % 10) * HOUR,
      sampleType: refundable ? 'REFUNDABLE_SAMPLE' : 'FREE_SAMPLE',
      commissionBps: 500 + (s % 20) * 100,
      appliedAt: now - ((s % 40) + 2) * DAY,
      ...(deadline ? { deadline } : {}),
      ...(refundable ? { refundable: { goalUnits: 10, soldUnits: s % 13, windowEndAt: now + ((s % 20) - 5) * DAY, deposit: usd(1500) } } : {}),
      ...seen,
      source,
    });
    const history: SampleStatus[] = ['PENDING', 'AWAITING_SHIPMENT', 'SHIPPED', 'CONTENT_PENDING', 'COMPLETED'];
    const reached = history.indexOf(status);
    for (let i = 0; i <= reached; i++) {
      const to = history[i] as SampleStatus;
      const seenAt = to === 'CONTENT_PENDING' ? deliveredAt : deliveredAt - (reached - i + 1) * DAY;
      transitions.push({ entity: 'sampleRequest', key: applyId, ...(i ? { from: history[i - 1] } : {}), to, raw: to, seenAt, source });
    }
    if (status === 'COMPLETED' || (status === 'CONTENT_PENDING' && s % 3 === 0)) {
      sampleContents.push({ contentId: id19('7431', s), applyId, shopKey: SHOP, creatorHandle: creator, productId, format: s % 5 ? 'VIDEO' : 'LIVE', postedAt: deliveredAt + 3 * DAY, views: s * 10, ...seen, source });
    }
  }

  const orders: Order[] = [];
  const orderSkus: OrderSku[] = [];
  for (let i = 0; i < orderRows; i += 2) {
    const orderId = id19('577', i);
    const createdAt = now - ((i / 2) % 60) * DAY - (i % 24) * HOUR;
    orders.push({ orderId, shopKey: SHOP, createdAt, skuRows: 2, ...seen, source });
    for (const k of [0, 1]) {
      const n = i + k;
      const estimated = n % 50 === 0 ? 0 : 100 + (n % 997);
      const actual = n % 3 === 0 ? (n % 40 === 0 ? estimated * 3 : estimated) : undefined;
      orderSkus.push({
        key: `${orderId}|${id19('17296', n % PRODUCTS)}`,
        orderId,
        shopKey: SHOP,
        createdAt,
        productId: productOf(n),
        skuId: id19('17296', n % PRODUCTS),
        quantity: 1 + (n % 3),
        price: usd(1999),
        creatorHandle: handleOf(n % creatorCount),
        contentType: n % 2 ? 'VIDEO' : 'LIVE',
        commissionBps: n % 50 === 0 ? 0 : 1000 + (n % 10) * 100,
        estimatedCommission: usd(estimated),
        ...(actual === undefined ? {} : { actualCommission: usd(actual) }),
        settlement: actual === undefined ? 'TO_SETTLE' : 'SETTLED',
        settlementRaw: actual === undefined ? 'to_be_settled' : 'settled',
        refunded: 0,
        ...seen,
        source,
      });
    }
  }

  const openCollabs: OpenCollab[] = [];
  const creatorApplications: CreatorApplication[] = [];
  for (let p = 0; p < 2000; p++) {
    const productId = productOf(p);
    openCollabs.push({ key: `${SHOP}|${productId}`, shopKey: SHOP, productId, commissionBps: 300 + ((p * 13) % 30) * 100, status: 'NORMAL', statusRaw: 'NORMAL', ...seen, source });
    if (p % 2 === 0) {
      creatorApplications.push({ id: id19('88', p), shopKey: SHOP, productId, creatorHandle: handleOf(p % creatorCount), status: 'PENDING', commissionBps: 800 + (p % 15) * 100, appliedAt: now - DAY, ...seen, source });
    }
  }

  const invitations: Invitation[] = [];
  const invitationProducts: InvitationProduct[] = [];
  const invitationCreators: InvitationCreator[] = [];
  for (let v = 0; v < 200; v++) {
    const id = id19('66', v);
    invitations.push({
      id,
      shopKey: SHOP,
      name: `Bench invitation ${v}`,
      message: v % 2 ? 'Hi! Try our serum.' : 'Halo kak, coba produk kami.',
      status: 'ONGOING',
      statusRaw: '1',
      startAt: now - 20 * DAY,
      endAt: now + ((v % 10) - 2) * DAY,
      counts: { creators: 25, accepted: v % 4 ? 3 : 0, products: 5 },
      contactChannels: [],
      ...seen,
      source,
    });
    for (let k = 0; k < 5; k++) {
      invitationProducts.push({ invitationId: id, productId: productOf(v * 5 + k), shopKey: SHOP, targetCommissionBps: 800 + ((v + k) % 20) * 100, lastSeenAt: seen.lastSeenAt });
    }
    for (let k = 0; k < 25; k++) {
      const accepted = v % 4 !== 0 && k < 3 ? 1 : 0;
      invitationCreators.push({ invitationId: id, handle: handleOf((v * 25 + k) % creatorCount), shopKey: SHOP, accepted, statusRaw: accepted ? '2' : '1', state: accepted ? 'ACCEPTED' : 'INVITED', lastSeenAt: seen.lastSeenAt });
    }
  }

  const campaigns: Campaign[] = [];
  const registrations: Registration[] = [];
  for (let c = 0; c < 100; c++) {
    const id = id19('99', c);
    campaigns.push({
      id,
      shopKey: SHOP,
      name: `Bench campaign ${c}`,
      kind: c % 5 ? 'agency' : 'seller',
      status: 'ONGOING',
      registrationStartAt: now - 10 * DAY,
      registrationEndAt: now + ((c % 8) * 12 - 12) * HOUR,
      campaignStartAt: now + ((c % 10) - 2) * DAY,
      campaignEndAt: now + 30 * DAY,
      commissionRequirementBps: 1000 + (c % 10) * 100,
      contactChannels: [],
      ...seen,
      source,
    });
    if (c % 3 === 0) continue;
    for (let k = 0; k < 6; k++) {
      const state = REGISTRATION_STATES[(c + k) % REGISTRATION_STATES.length] as RegistrationState;
      const productId = productOf(c * 6 + k);
      registrations.push({
        key: `${id}|${productId}`,
        campaignId: id,
        productId,
        shopKey: SHOP,
        state,
        stateRaw: state,
        ...(state.startsWith('REJECTED') ? { rejectReason: 'Commission too low', rejectCodes: ['COMMISSION_TOO_LOW'] } : {}),
        totalCommissionBps: 800 + ((c + k) % 10) * 100,
        sampleQuantity: (c + k) % 4 === 0 ? 50 : 5,
        contactChannels: [],
        registeredAt: now - 5 * DAY,
        ...seen,
        source,
      });
    }
  }

  const accounts: ShopAccount[] = Array.from({ length: 8 }, (_, a) => ({
    key: `${SHOP}|acc${a}`,
    shopKey: SHOP,
    accountId: `acc${a}`,
    handle: `bench.account.${a}`,
    role: a < 2 ? 'official' : a < 7 ? 'marketing' : 'affiliate',
    roleRaw: String(a),
    ...seen,
    source,
  }));
  const insights: Insight[] = [{ key: `${SHOP}|transaction|last-28`, shopKey: SHOP, module: 'transaction', period: { label: 'Last 28 days' }, metrics: { orders: 41 }, ...seen, source }];
  const observations: Observation[] = [
    { id: 'bench-insights', endpoint: 'insights.transaction', shopKey: SHOP, page: 'https://affiliate-us.tiktok.com/insights/transaction', recordKeys: [], firstSeenAt: now - 20 * DAY, lastSeenAt: now - 10 * DAY },
    { id: 'bench-samples', endpoint: 'sample.group.list', shopKey: SHOP, page: PAGE, recordKeys: [], firstSeenAt: now - 20 * DAY, lastSeenAt: now - HOUR },
  ];

  return {
    shops,
    products,
    skus,
    creators,
    sampleRequests,
    transitions,
    sampleContents,
    orders,
    orderSkus,
    openCollabs,
    creatorApplications,
    invitations,
    invitationProducts,
    invitationCreators,
    campaigns,
    registrations,
    accounts,
    insights,
    observations,
  };
}

export interface RulesBenchResult {
  rules: number;
  rows: Record<string, number>;
  findings: number;
  fullMs: number;
  /** Each incremental run after one sample request changed. */
  incrementalMs: number[];
}

async function run(orderRows: number, creatorCount: number, sampleCount: number): Promise<RulesBenchResult> {
  const now = Date.now();
  const db = new AppDB(`bench-rules-${now}`);
  await db.open();
  const data = model(orderRows, creatorCount, sampleCount, now);
  await db.transaction('rw', db.tables, async () => {
    for (const [table, rows] of Object.entries(data)) await db.table(table).bulkPut(rows);
  });
  const settings: EngineSettings = { rules: {} };

  const t0 = performance.now();
  await evaluateAll(db, RULES, settings, now);
  const fullMs = performance.now() - t0;
  const findings = await db.findings.count();

  // One sample request changes status, as one capture of the sample-requests page writes it: the request, a
  // transition, and the creator, product, shop, observation and endpoint statistics seen with it.
  const incrementalMs: number[] = [];
  const pending = (data.sampleRequests as SampleRequest[]).filter((r) => r.status === 'PENDING').slice(0, 5);
  for (const [i, r] of pending.entries()) {
    const at = now + (i + 1) * 1000;
    await db.transaction('rw', [db.sampleRequests, db.transitions, db.creators, db.products], async () => {
      await db.sampleRequests.put({ ...r, status: 'AWAITING_SHIPMENT', statusRaw: 'AWAITING_SHIPMENT', statusSeenAt: at, deadline: { kind: 'ship', at: at + 48 * HOUR, seenAt: at }, lastSeenAt: at });
      await db.transitions.add({ entity: 'sampleRequest', key: r.applyId, from: 'PENDING', to: 'AWAITING_SHIPMENT', raw: 'AWAITING_SHIPMENT', seenAt: at, source });
      await db.creators.update(r.creatorHandle, { lastSeenAt: at });
      await db.products.update(r.productId, { lastSeenAt: at });
    });
    const changes: ChangeSet = {
      sampleRequests: [r.applyId],
      transitions: [`sampleRequest|${r.applyId}`],
      creators: [r.creatorHandle],
      products: [r.productId],
      shops: [SHOP],
      observations: ['bench-samples'],
      endpointStats: ['sample.group.list'],
    };
    const t1 = performance.now();
    await evaluateChanges(db, RULES, settings, changes, at);
    incrementalMs.push(performance.now() - t1);
  }

  const rows = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.length]));
  db.close();
  await db.delete();
  return { rules: RULES.length, rows, findings, fullMs, incrementalMs };
}

(globalThis as unknown as { benchRules: typeof run }).benchRules = run;
