/**
 * The simulated Affiliate Center's data: shops, creators, products with SKUs, and sample requests.
 *
 * Everything is drawn from per-shop `Faker` instances seeded from `opts.seed`, so the same seed and `now` give a
 * deep-equal world, ids included. Times are stored as absolute epoch ms computed as `now + offset`; the API turns
 * deadlines into "ms remaining" at serve time, so `expired_in` shrinks as real time passes.
 *
 * How the wire format varies (string vs number, `apply_deatil` vs `apply_detail`, …) is decided here too, per record,
 * in the `wire` fields, so the API stays a pure function of the world and tests can predict every response.
 */
import { Faker, base, en, en_GB, en_US, id_ID, type LocaleDefinition } from '@faker-js/faker';
import { affiliateHost, shopFromUrl } from '../../lib/hosts';
import {
  EMOJI,
  EN_NICHES,
  EN_PRODUCTS,
  GB_SPELLING,
  ID_KITCHEN_WORDS,
  ID_NICHES,
  ID_PRODUCTS,
  type ProductTemplate,
} from './catalog';

// ---------------------------------------------------------------------------------------------------------------
// Enums and tabs

/** The statuses the Cancelled tab lists: every ending other than completion. */
const CANCELLED_STATUSES = [
  'REJECT_CANCELLED',
  'OVERDUE_CANCELLED',
  'SELLER_NOT_SHIP_CANCELLED',
  'WITHDRAW_CANCELLED',
  'UNFULFILL_CANCELLED',
  'UNFULFILLABLE_CANCELLED',
  'DEL_OPEN_COLLAB',
  'OPS_CANCELLED',
  'OPS_FAILED',
] as const;

export const SAMPLE_STATUSES = [
  'PENDING',
  'AWAITING_SHIPMENT',
  'SHIPPED',
  'CONTENT_PENDING',
  'COMPLETED',
  'OPS_COMPLETED',
  ...CANCELLED_STATUSES,
] as const;
export type SampleStatus = (typeof SAMPLE_STATUSES)[number];

export type SampleType = 'FREE_SAMPLE' | 'REFUNDABLE_SAMPLE';

/** Which deadline `expired_in` counts down to for a status; `null` = none (`expired_in: "0"`). */
export type DeadlineKind = 'review' | 'ship' | 'post';

export interface SampleTab {
  code: number;
  label: string;
  statuses: readonly SampleStatus[];
  /** The deadline shown on this tab, if any; tabs with a deadline list the most urgent first. */
  deadline: DeadlineKind | null;
}

/**
 * Tabs of the Sample requests page and the `tab` codes the list API takes (research/real-shapes.md §1): 10 To review
 * and 30 Shipped are seen in real answers [raw][fixture], 20 Ready to ship and 40 In progress are listed there
 * [parser]; the Completed and Cancelled codes are unknown, 50 and 60 are our assumption in the same step of 10
 * [unknown] (the variant `sample-request.end-tab-codes` asks them under other codes).
 */
export const SAMPLE_TABS: readonly SampleTab[] = [
  { code: 10, label: 'To review', statuses: ['PENDING'], deadline: 'review' },
  { code: 20, label: 'Ready to ship', statuses: ['AWAITING_SHIPMENT'], deadline: 'ship' },
  { code: 30, label: 'Shipped', statuses: ['SHIPPED'], deadline: null },
  { code: 40, label: 'In progress', statuses: ['CONTENT_PENDING'], deadline: 'post' },
  { code: 50, label: 'Completed', statuses: ['COMPLETED', 'OPS_COMPLETED'], deadline: null },
  { code: 60, label: 'Cancelled', statuses: CANCELLED_STATUSES, deadline: null },
];

export const DEFAULT_PAGE_SIZE = 50;

export function tabByCode(code: number): SampleTab | undefined {
  return SAMPLE_TABS.find((t) => t.code === code);
}

export function tabOfStatus(status: SampleStatus): SampleTab {
  const tab = SAMPLE_TABS.find((t) => t.statuses.includes(status));
  if (!tab) throw new Error(`no tab for ${status}`);
  return tab;
}

// ---------------------------------------------------------------------------------------------------------------
// Types

export type ShopKey = 'us' | 'gb' | 'id' | 'global';

export interface SimCreator {
  /** 19-digit creator id (`creator_info.creator_id`). */
  creatorId: string;
  /** Public handle without `@`, lowercase [a-z0-9._]. */
  handle: string;
  nickname: string;
  avatarUrl: string;
  followers: number;
  /** 90-day sample fulfilment rate as the API spells it ("60.85%"), or "" when the creator has not authorised it. */
  fulfillmentPercentage: string;
  wire: {
    /**
     * Sample requests: write `follower_num` with the locale's thousands grouping (`125,300`, `125.300`) instead of bare
     * digits (`125300`, as the real answers do [raw]), the way the page shows counts.
     */
    followerCountAsString: boolean;
  };
}

export interface SimSku {
  skuId: string;
  /** Variant description ("Rose, 50 ml"). */
  desc: string;
  image: string;
  stock: number;
  /** Price in the shop currency (major units). */
  price: number;
}

export interface SimProduct {
  productId: string;
  title: string;
  category: string;
  /** Open-collaboration commission in basis points (1500 = 15%). */
  commissionBps: number;
  image: string;
  skus: SimSku[];
}

export interface SimRequest {
  applyId: string;
  /** Shared by the requests a creator sent together; becomes `apply_group.group_id`. */
  groupId: string;
  creatorId: string;
  productId: string;
  skuId: string;
  status: SampleStatus;
  sampleType: SampleType;
  /** Commission the creator gets on this request, bps. */
  commissionBps: number;
  /** Epoch ms. */
  applyTime: number;
  /** Absolute epoch ms of the current stage's deadline (review / ship / post), or null for statuses without one. */
  deadline: number | null;
  wire: {
    /** TikTok says the seller cannot approve it (`can_be_approved: false`, `operable: false`). */
    blocked: boolean;
    /** TikTok sends none of its scores for it (`predict_roi`, `final_score`, `exposure_score` left out). */
    noScores: boolean;
    /** Leave `commission_rate` out where it equals the product's standard commission, sent beside it. */
    standardCommissionOnly: boolean;
    /** Leave `sku_desc` out. */
    omitSkuDesc: boolean;
  };
}

export type Currency = 'USD' | 'GBP' | 'IDR' | 'MYR';

export interface SimShop {
  key: ShopKey;
  name: string;
  /** Affiliate Center host serving this shop. */
  host: string;
  /** `shop_region` (ISO country code). */
  region: string;
  currency: Currency;
  /** 19-digit seller id (`shop_id` / `oec_seller_id`). */
  sellerId: string;
  creators: SimCreator[];
  products: SimProduct[];
  requests: SimRequest[];
}

export interface World {
  seed: number;
  /** The `now` the world was generated for (epoch ms). */
  now: number;
  shops: SimShop[];
}

// ---------------------------------------------------------------------------------------------------------------
// Hostile records (US shop, first page of To review)

export const HOSTILE = {
  nickname: '<img src=x onerror=alert(1)>',
  handle: 'markup.tester',
  creatorId: '7493000000000000001',
  productTitle: '"><script>window.__pwned=1</script>',
  productId: '1729000000000000001',
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Time constants

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Assumed review window: a request not reviewed within 7 days becomes OVERDUE_CANCELLED. */
export const REVIEW_WINDOW_MS = 7 * DAY;

// ---------------------------------------------------------------------------------------------------------------
// Shop specs

interface ShopSpec {
  key: ShopKey;
  name: string;
  host: string;
  region: string;
  currency: Currency;
  locale: LocaleDefinition[];
  style: 'en' | 'id';
  creators: number;
  products: number;
  counts: Partial<Record<SampleStatus, number>>;
  cdn: 'va' | 'sg';
  priceRange: [number, number];
}

const SPECS: readonly ShopSpec[] = [
  {
    key: 'us',
    name: 'Brightwell Essentials',
    host: 'affiliate-us.tiktok.com',
    region: 'US',
    currency: 'USD',
    locale: [en_US, en, base],
    style: 'en',
    creators: 150,
    products: 48,
    counts: {
      PENDING: 120,
      AWAITING_SHIPMENT: 45,
      SHIPPED: 40,
      CONTENT_PENDING: 40,
      COMPLETED: 30,
      OPS_COMPLETED: 4,
      REJECT_CANCELLED: 12,
      OVERDUE_CANCELLED: 8,
      SELLER_NOT_SHIP_CANCELLED: 4,
      WITHDRAW_CANCELLED: 6,
      UNFULFILL_CANCELLED: 5,
      UNFULFILLABLE_CANCELLED: 3,
      DEL_OPEN_COLLAB: 3,
      OPS_CANCELLED: 2,
      OPS_FAILED: 2,
    },
    cdn: 'va',
    priceRange: [6, 79],
  },
  {
    key: 'gb',
    name: 'Hartley & Rowe Home',
    host: 'affiliate.tiktok.com',
    region: 'GB',
    currency: 'GBP',
    locale: [en_GB, en, base],
    style: 'en',
    creators: 50,
    products: 30,
    counts: {
      PENDING: 30,
      AWAITING_SHIPMENT: 10,
      SHIPPED: 8,
      CONTENT_PENDING: 8,
      COMPLETED: 8,
      REJECT_CANCELLED: 3,
      OVERDUE_CANCELLED: 2,
      WITHDRAW_CANCELLED: 1,
    },
    cdn: 'va',
    priceRange: [5, 59],
  },
  {
    key: 'id',
    name: 'Toko Cantik Bunda Official',
    host: 'affiliate-id.tokopedia.com',
    region: 'ID',
    currency: 'IDR',
    locale: [id_ID, en, base],
    style: 'id',
    creators: 60,
    products: 30,
    counts: {
      PENDING: 56,
      AWAITING_SHIPMENT: 12,
      SHIPPED: 8,
      CONTENT_PENDING: 8,
      COMPLETED: 8,
      OPS_COMPLETED: 1,
      REJECT_CANCELLED: 3,
      OVERDUE_CANCELLED: 2,
      SELLER_NOT_SHIP_CANCELLED: 1,
      UNFULFILL_CANCELLED: 1,
    },
    cdn: 'sg',
    priceRange: [15_000, 349_000],
  },
  {
    // A cross-border seller on the global-selling host (paths prefixed with /affiliate), selling into Malaysia.
    key: 'global',
    name: 'Lumitech Global Store',
    host: 'affiliate.tiktokshopglobalselling.com',
    region: 'MY',
    currency: 'MYR',
    locale: [en_US, en, base],
    style: 'en',
    creators: 40,
    products: 20,
    counts: {
      PENDING: 28,
      AWAITING_SHIPMENT: 8,
      SHIPPED: 6,
      CONTENT_PENDING: 6,
      COMPLETED: 6,
      REJECT_CANCELLED: 2,
      OVERDUE_CANCELLED: 2,
      WITHDRAW_CANCELLED: 2,
    },
    cdn: 'sg',
    priceRange: [19, 189],
  },
];

/** Image CDN hosts the world's URLs point at; the installer serves them. */
export const IMAGE_HOSTS: readonly string[] = [
  'p16-sign-va.tiktokcdn.com',
  'p16-sign-sg.tiktokcdn.com',
  'p16-oec-va.ibyteimg.com',
  'p16-oec-sg.ibyteimg.com',
];

// ---------------------------------------------------------------------------------------------------------------
// Generation

class Ids {
  private readonly used = new Set<string>();
  constructor(private readonly f: Faker) {
    this.used.add(HOSTILE.creatorId);
    this.used.add(HOSTILE.productId);
  }
  /** A unique 19-digit id starting with `prefix` (TikTok ids of one kind share leading digits). */
  next(prefix: string): string {
    for (;;) {
      const id = prefix + this.f.string.numeric({ length: 19 - prefix.length, allowLeadingZeros: true });
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}

const cap = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

function handleize(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._]/g, '')
    .replace(/\.{2,}/g, '.')
    .replace(/^[._]+|[._]+$/g, '')
    .slice(0, 24);
}

function logUniform(f: Faker, min: number, max: number): number {
  const x = f.number.float({ min: Math.log(min), max: Math.log(max) });
  return Math.round(Math.exp(x));
}

function cdnUrls(f: Faker, cdn: 'va' | 'sg', now: number): { avatar: () => string; product: () => string } {
  const expires = Math.floor(now / 1000 / 3600) * 3600 + 3 * 24 * 3600;
  return {
    avatar: () => {
      const key = f.string.hexadecimal({ length: 32, casing: 'lower', prefix: '' });
      const sig = f.string.alphanumeric(27);
      return cdn === 'va'
        ? `https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/${key}~tplv-tiktokx-cropcenter:100:100.jpeg?dr=14579&x-expires=${expires}&x-signature=${sig}%3D&idc=useast5`
        : `https://p16-sign-sg.tiktokcdn.com/tos-alisg-avt-0068/${key}~tplv-tiktokx-cropcenter:100:100.jpeg?dr=14579&x-expires=${expires}&x-signature=${sig}%3D&idc=my`;
    },
    product: () => {
      const key = f.string.hexadecimal({ length: 32, casing: 'lower', prefix: '' });
      return cdn === 'va'
        ? `https://p16-oec-va.ibyteimg.com/tos-maliva-i-o3syd03w52-us/${key}~tplv-o3syd03w52-resize-jpeg:300:300.jpeg`
        : `https://p16-oec-sg.ibyteimg.com/tos-alisg-i-aphluv4xwc-sg/${key}~tplv-aphluv4xwc-resize-jpeg:300:300.jpeg`;
    },
  };
}

function genCreator(f: Faker, spec: ShopSpec, ids: Ids, taken: Set<string>, avatar: () => string): SimCreator {
  const first = f.person.firstName(f.datatype.boolean(0.75) ? 'female' : 'male').split(' ')[0]!;
  const last = f.person.lastName().split(' ')[0]!;
  const fh = handleize(first);
  const lh = handleize(last);
  let handle: string;
  let nickname: string;
  const emoji = f.helpers.arrayElement(EMOJI);
  if (spec.style === 'id') {
    const niche = f.helpers.arrayElement(ID_NICHES);
    const pattern = f.number.int({ min: 0, max: 6 });
    switch (pattern) {
      case 0: {
        const word = f.helpers.arrayElement(ID_KITCHEN_WORDS);
        handle = `dapur${word}.id`;
        nickname = `Dapur ${cap(word)} 🍳`;
        break;
      }
      case 1:
        handle = `${fh}.${lh}`;
        nickname = `${first} ${last}`;
        break;
      case 2:
        handle = `${fh}${niche.handle}.id`;
        nickname = `${first} ${niche.label} ${niche.emoji}`;
        break;
      case 3:
        handle = `kak${fh}`;
        nickname = `Kak ${first} ${emoji}`;
        break;
      case 4:
        handle = `${fh}_${niche.handle}`;
        nickname = `${first} | ${niche.label}`;
        break;
      case 5:
        handle = `${niche.handle}by${fh}`;
        nickname = `${niche.label} by ${first} ${niche.emoji}`;
        break;
      default:
        handle = `${fh}${lh}${f.number.int({ min: 1, max: 99 })}`;
        nickname = `${first} ${last.slice(0, 1)}.`;
    }
  } else {
    const niche = f.helpers.arrayElement(EN_NICHES);
    const pattern = f.number.int({ min: 0, max: 7 });
    switch (pattern) {
      case 0:
        handle = `${fh}${lh}`;
        nickname = `${first} ${last}`;
        break;
      case 1:
        handle = `${fh}.${lh}`;
        nickname = `${first} ${last} ${emoji}`;
        break;
      case 2:
        handle = `${niche.handle}with${fh}`;
        nickname = `${cap(niche.handle)} with ${first} ${niche.emoji}`;
        break;
      case 3:
        handle = `${fh}${niche.handle}`;
        nickname = `${first} ${niche.label} ${niche.emoji}`;
        break;
      case 4:
        handle = `${fh}_${niche.handle}${f.number.int({ min: 10, max: 99 })}`;
        nickname = `${first} | ${niche.label} & Finds`;
        break;
      case 5:
        handle = `the${fh}edit`;
        nickname = `The ${first} Edit`;
        break;
      case 6:
        handle = `${niche.handle}by${fh}`;
        nickname = `${niche.label} by ${first}`;
        break;
      default:
        handle = `${fh}.${lh}${f.number.int({ min: 90, max: 99 })}`;
        nickname = `${first} ${emoji}`;
    }
  }
  handle = handleize(handle) || `user${f.string.numeric(8)}`;
  while (taken.has(handle)) handle = handleize(`${handle.slice(0, 20)}${f.number.int({ min: 1, max: 999 })}`);
  taken.add(handle);
  const followers = logUniform(f, 1_000, 2_000_000);
  const authorised = f.datatype.boolean(0.82);
  return {
    creatorId: ids.next('75'),
    handle,
    nickname,
    avatarUrl: avatar(),
    followers,
    fulfillmentPercentage: authorised ? `${f.number.float({ min: 35, max: 99.99, fractionDigits: 2 }).toFixed(2)}%` : '',
    wire: { followerCountAsString: f.datatype.boolean(0.3) },
  };
}

function roundPrice(f: Faker, spec: ShopSpec): number {
  const [min, max] = spec.priceRange;
  if (spec.currency === 'IDR') return Math.round(f.number.int({ min, max }) / 1000) * 1000 - 100;
  return Math.floor(f.number.float({ min, max })) + f.helpers.arrayElement([0.99, 0.98, 0.49, 0.0, 0.95]);
}

function genProduct(f: Faker, spec: ShopSpec, ids: Ids, tpl: ProductTemplate, image: () => string): SimProduct {
  let title = tpl.title;
  let dims = tpl.dims.map((d) => [...d]);
  if (spec.key === 'gb') {
    for (const [re, to] of GB_SPELLING) {
      title = title.replace(re, to);
      dims = dims.map((d) => d.map((v) => v.replace(re, to)));
    }
  }
  // All combinations of the dimensions, then keep up to 4 of them.
  let combos: string[][] = [[]];
  for (const d of dims) combos = combos.flatMap((c) => d.map((v) => [...c, v]));
  const kept = combos.length <= 4 ? combos : f.helpers.arrayElements(combos, f.number.int({ min: 2, max: 4 }));
  const basePrice = roundPrice(f, spec);
  const productImage = image();
  const skus: SimSku[] = kept.map((combo, i) => ({
    skuId: ids.next('17'),
    desc: combo.join(', '),
    image: i === 0 ? productImage : image(),
    stock: f.datatype.boolean(0.06) ? 0 : f.number.int({ min: 3, max: 2400 }),
    price: basePrice,
  }));
  return {
    productId: ids.next('17'),
    title,
    category: tpl.category,
    commissionBps: f.helpers.arrayElement([500, 800, 1000, 1000, 1200, 1500, 1500, 1500, 1800, 2000, 2000, 2500, 3000]),
    image: productImage,
    skus,
  };
}

/** When a request was made and its current deadline, relative to `now`. */
function timing(
  f: Faker,
  status: SampleStatus,
  now: number,
  pendingBucket: 'lt2h' | 'lt24h' | 'days',
): { applyTime: number; deadline: number | null } {
  const r = (minMs: number, maxMs: number) => f.number.int({ min: minMs, max: maxMs });
  switch (status) {
    case 'PENDING': {
      const left = pendingBucket === 'lt2h' ? r(4 * MIN, 115 * MIN) : pendingBucket === 'lt24h' ? r(2 * HOUR, 23 * HOUR) : r(DAY + HOUR, 6 * DAY);
      const deadline = now + left;
      return { applyTime: deadline - REVIEW_WINDOW_MS, deadline };
    }
    case 'AWAITING_SHIPMENT': {
      const deadline = now + (f.datatype.boolean(0.15) ? r(40 * MIN, 20 * HOUR) : r(DAY, 5 * DAY));
      return { applyTime: now - r(DAY, 6 * DAY), deadline };
    }
    case 'CONTENT_PENDING':
      return { applyTime: now - r(6 * DAY, 25 * DAY), deadline: now + r(DAY, 30 * DAY) };
    case 'SHIPPED':
      return { applyTime: now - r(3 * DAY, 14 * DAY), deadline: null };
    case 'COMPLETED':
    case 'OPS_COMPLETED':
      return { applyTime: now - r(20 * DAY, 120 * DAY), deadline: null };
    default:
      return { applyTime: now - r(DAY, 60 * DAY), deadline: null };
  }
}

function genShop(spec: ShopSpec, seed: number, index: number, now: number): SimShop {
  const f = new Faker({ locale: spec.locale });
  f.seed(seed * 7919 + index * 104_729 + 17);
  const ids = new Ids(f);
  const cdn = cdnUrls(f, spec.cdn, now);
  const sellerId = ids.next('74');

  const taken = new Set<string>();
  if (spec.key === 'us') taken.add(HOSTILE.handle);
  const creators = Array.from({ length: spec.creators }, () => genCreator(f, spec, ids, taken, cdn.avatar));

  const pool = spec.style === 'id' ? ID_PRODUCTS : EN_PRODUCTS;
  const templates = f.helpers.shuffle([...pool]).slice(0, spec.products);
  const products = templates.map((tpl) => genProduct(f, spec, ids, tpl, cdn.product));

  const requests: SimRequest[] = [];
  const newWire = (): SimRequest['wire'] => ({
    blocked: f.datatype.boolean(0.1),
    noScores: f.datatype.boolean(1 / 3),
    standardCommissionOnly: f.datatype.boolean(0.3),
    omitSkuDesc: f.datatype.boolean(0.06),
  });

  // Hostile records: one PENDING request, due in ~20 h so it sorts onto the first page of To review.
  let hostileCreator: SimCreator | undefined;
  let hostileProduct: SimProduct | undefined;
  if (spec.key === 'us') {
    hostileCreator = {
      ...genCreator(f, spec, ids, taken, cdn.avatar),
      creatorId: HOSTILE.creatorId,
      handle: HOSTILE.handle,
      nickname: HOSTILE.nickname,
      fulfillmentPercentage: '72.40%',
    };
    hostileProduct = { ...genProduct(f, spec, ids, EN_PRODUCTS[0]!, cdn.product), productId: HOSTILE.productId, title: HOSTILE.productTitle };
    const deadline = now + 20 * HOUR + 17 * MIN;
    requests.push({
      applyId: ids.next('73'),
      groupId: ids.next('72'),
      creatorId: hostileCreator.creatorId,
      productId: hostileProduct.productId,
      skuId: hostileProduct.skus[0]!.skuId,
      status: 'PENDING',
      sampleType: 'FREE_SAMPLE',
      commissionBps: hostileProduct.commissionBps,
      applyTime: deadline - REVIEW_WINDOW_MS,
      deadline,
      wire: { blocked: false, noScores: false, standardCommissionOnly: false, omitSkuDesc: false },
    });
  }

  // Creators are handed out from a shuffled queue so every creator gets at least one bundle before any gets a second.
  let queue: SimCreator[] = [];
  const nextCreator = (avoid: Set<string>): SimCreator => {
    for (let tries = 0; ; tries++) {
      if (queue.length === 0) queue = f.helpers.shuffle([...creators]);
      const c = queue.shift()!;
      if (!avoid.has(c.creatorId) || tries > creators.length * 2) return c;
      queue.push(c);
    }
  };

  for (const status of SAMPLE_STATUSES) {
    let remaining = (spec.counts[status] ?? 0) - (status === 'PENDING' && hostileCreator ? 1 : 0);
    const usedHere = new Set<string>();
    let bundleIndex = 0;
    const groupChance = status === 'PENDING' ? 0.3 : 0.15;
    while (remaining > 0) {
      const size = remaining >= 2 && f.datatype.boolean(groupChance) ? Math.min(remaining, f.number.int({ min: 2, max: 4 })) : 1;
      remaining -= size;
      const creator = nextCreator(usedHere);
      usedHere.add(creator.creatorId);
      const picked = f.helpers.arrayElements(products, size);
      // PENDING urgency mix: the first bundles are due within 2 h, the next within 24 h, the rest in 1–6 days.
      const bucket = bundleIndex < 5 ? 'lt2h' : bundleIndex < 14 ? 'lt24h' : 'days';
      bundleIndex++;
      const base = timing(f, status, now, bucket);
      const sampleType: SampleType = f.datatype.boolean(0.25) ? 'REFUNDABLE_SAMPLE' : 'FREE_SAMPLE';
      const groupId = ids.next('72');
      picked.forEach((product, i) => {
        const shift = i * f.number.int({ min: 20_000, max: 9 * MIN });
        const sku = f.helpers.arrayElement(product.skus);
        requests.push({
          applyId: ids.next('73'),
          groupId,
          creatorId: creator.creatorId,
          productId: product.productId,
          skuId: sku.skuId,
          status,
          sampleType: i > 0 && f.datatype.boolean(0.2) ? (sampleType === 'FREE_SAMPLE' ? 'REFUNDABLE_SAMPLE' : 'FREE_SAMPLE') : sampleType,
          commissionBps: f.datatype.boolean(0.8) ? product.commissionBps : Math.min(3000, Math.max(500, product.commissionBps + f.helpers.arrayElement([500, 1000, -200]))),
          applyTime: base.applyTime + shift,
          deadline: base.deadline === null ? null : status === 'PENDING' ? base.deadline + shift : base.deadline,
          wire: newWire(),
        });
      });
    }
  }

  const shop: SimShop = {
    key: spec.key,
    name: spec.name,
    host: spec.host,
    region: spec.region,
    currency: spec.currency,
    sellerId,
    creators: hostileCreator ? [...creators, hostileCreator] : creators,
    products: hostileProduct ? [...products, hostileProduct] : products,
    requests,
  };
  guaranteeDuplicateSample(shop, now);
  guaranteeFirstPageVariety(shop);
  return shop;
}

/**
 * A duplicate sample on the first page of To review, whatever the seed drew: the first creator there (not the hostile
 * one) already received the product of their first request, in the most recent request of the Completed tab. An
 * existing completed request that was sent alone is given to them, so every count stays as the spec says.
 */
function guaranteeDuplicateSample(shop: SimShop, now: number): void {
  const first = pageElements(shop, 10, 1, DEFAULT_PAGE_SIZE).find((e) => e.creator.creatorId !== HOSTILE.creatorId);
  const wanted = first?.requests[0];
  const alone = (r: SimRequest) => shop.requests.filter((x) => x.groupId === r.groupId).length === 1;
  const done = shop.requests.find((r) => r.status === 'COMPLETED' && alone(r));
  if (!wanted || !done) return;
  Object.assign(done, { creatorId: wanted.creatorId, productId: wanted.productId, skuId: wanted.skuId, applyTime: now - 19 * DAY });
}

/** The seeded duplicate sample: a request on the first page of To review, and the completed one for the same creator and product. */
export function duplicateSample(shop: SimShop): { pending: SimRequest; received: SimRequest } | undefined {
  const first = pageElements(shop, 10, 1, DEFAULT_PAGE_SIZE).find((e) => e.creator.creatorId !== HOSTILE.creatorId);
  const pending = first?.requests[0];
  const received = pending && shop.requests.find((r) => r.status === 'COMPLETED' && r.creatorId === pending.creatorId && r.productId === pending.productId);
  return pending && received ? { pending, received } : undefined;
}

/**
 * Make sure the first page of To review shows every per-record quirk, whatever the seed drew: requests TikTok says
 * cannot be approved and requests it can, with and without TikTok's scores, a commission sent only as the standard
 * one, a missing `sku_desc`, grouped and bare follower counts, and an unauthorised creator. The first request of the
 * first group can be approved and has scores (the tests read TikTok's flag and ROI off it).
 */
function guaranteeFirstPageVariety(shop: SimShop): void {
  const elements = pageElements(shop, 10, 1, DEFAULT_PAGE_SIZE);
  const all = elements.flatMap((e) => e.requests).filter((r) => r.creatorId !== HOSTILE.creatorId);
  const lead = elements.find((e) => e.requests.length > 1 && e.creator.creatorId !== HOSTILE.creatorId)?.requests[0];
  if (lead) Object.assign(lead.wire, { blocked: false, noScores: false });
  const others = all.filter((r) => r !== lead);
  if (others.length >= 4) {
    if (!others.some((r) => r.wire.blocked)) others[1]!.wire.blocked = true;
    if (!others.some((r) => r.wire.noScores)) others[2]!.wire.noScores = true;
    if (!others.some((r) => !r.wire.noScores)) others[3]!.wire.noScores = false;
    if (!others.some((r) => r.wire.standardCommissionOnly)) others[0]!.wire.standardCommissionOnly = true;
    if (!others.some((r) => r.wire.omitSkuDesc)) others[others.length - 2]!.wire.omitSkuDesc = true;
  }
  const creators = elements.map((e) => e.creator).filter((c) => c.creatorId !== HOSTILE.creatorId);
  if (creators.length >= 3) {
    if (!creators.some((c) => c.fulfillmentPercentage === '')) creators[1]!.fulfillmentPercentage = '';
    if (!creators.some((c) => c.wire.followerCountAsString)) creators[2]!.wire.followerCountAsString = true;
    if (creators.every((c) => c.wire.followerCountAsString)) creators[0]!.wire.followerCountAsString = false;
  }
}

/**
 * A deterministic random source for data a surface derives on its own (e.g. `seededRandom(world.seed, "orders:" + shop.sellerId)`):
 * the same seed and salt always give the same sequence of floats in [0, 1). Use a distinct salt per use so surfaces do
 * not draw correlated numbers. To seed a `Faker`, use `f.seed(Math.floor(rand() * 2 ** 32))`.
 */
export function seededRandom(seed: number, salt: string): () => number {
  // FNV-1a over the seed and the salt, then mulberry32.
  let h = 2166136261;
  const key = `${seed}\u0000${salt}`;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateWorld(opts: { seed?: number; now?: number } = {}): World {
  const seed = opts.seed ?? 1;
  const now = opts.now ?? Date.now();
  return { seed, now, shops: SPECS.map((spec, i) => genShop(spec, seed, i, now)) };
}

// ---------------------------------------------------------------------------------------------------------------
// Queries shared by the API, the installer and the tests

interface ShopIndex {
  creators: Map<string, SimCreator>;
  products: Map<string, SimProduct>;
  skus: Map<string, SimSku>;
}
const indexes = new WeakMap<SimShop, ShopIndex>();

function indexOf(shop: SimShop): ShopIndex {
  let idx = indexes.get(shop);
  if (!idx) {
    idx = {
      creators: new Map(shop.creators.map((c) => [c.creatorId, c])),
      products: new Map(shop.products.map((p) => [p.productId, p])),
      skus: new Map(shop.products.flatMap((p) => p.skus.map((s) => [s.skuId, s] as const))),
    };
    indexes.set(shop, idx);
  }
  return idx;
}

export function creatorOf(shop: SimShop, creatorId: string): SimCreator {
  const c = indexOf(shop).creators.get(creatorId);
  if (!c) throw new Error(`unknown creator ${creatorId}`);
  return c;
}
export function productOf(shop: SimShop, productId: string): SimProduct {
  const p = indexOf(shop).products.get(productId);
  if (!p) throw new Error(`unknown product ${productId}`);
  return p;
}
export function skuOf(shop: SimShop, skuId: string): SimSku {
  const s = indexOf(shop).skus.get(skuId);
  if (!s) throw new Error(`unknown sku ${skuId}`);
  return s;
}

/**
 * The requests of a tab in list order. A creator's requests stay together; creators are ordered by their most
 * urgent deadline on tabs with one (To review, Ready to ship, In progress), otherwise by their latest request.
 */
export function tabRequests(shop: SimShop, tabCode: number): SimRequest[] {
  const tab = tabByCode(tabCode);
  if (!tab) return [];
  const inTab = shop.requests.filter((r) => tab.statuses.includes(r.status));
  const byDeadline = tab.deadline !== null;
  const key = (r: SimRequest): number => (byDeadline ? (r.deadline ?? Number.MAX_SAFE_INTEGER) : -r.applyTime);
  const creatorKey = new Map<string, number>();
  for (const r of inTab) creatorKey.set(r.creatorId, Math.min(creatorKey.get(r.creatorId) ?? Infinity, key(r)));
  return inTab.sort(
    (a, b) =>
      creatorKey.get(a.creatorId)! - creatorKey.get(b.creatorId)! ||
      a.creatorId.localeCompare(b.creatorId) ||
      key(a) - key(b) ||
      a.applyId.localeCompare(b.applyId),
  );
}

export interface PageElement {
  creator: SimCreator;
  requests: SimRequest[];
}

/** One page of a tab: `pageSize` requests, with a creator's requests on that page folded into one element. */
export function pageElements(shop: SimShop, tabCode: number, page: number, pageSize: number): PageElement[] {
  const slice = tabRequests(shop, tabCode).slice((page - 1) * pageSize, page * pageSize);
  const out: PageElement[] = [];
  const byCreator = new Map<string, PageElement>();
  for (const r of slice) {
    let el = byCreator.get(r.creatorId);
    if (!el) {
      el = { creator: creatorOf(shop, r.creatorId), requests: [] };
      byCreator.set(r.creatorId, el);
      out.push(el);
    }
    el.requests.push(r);
  }
  return out;
}

/**
 * The shop a URL belongs to: `shop_id`/`oec_seller_id` first, then host + `shop_region`, then the host's only shop.
 * The older global-selling host serves the same shops as the current one.
 */
export function resolveShop(world: World, url: URL): SimShop | undefined {
  const host = affiliateHost(url.hostname);
  if (!host) return undefined;
  const sameHost = (s: SimShop) => s.host === url.hostname || (!!host.prefixed && !!affiliateHost(s.host)?.prefixed);
  const { region, sellerId } = shopFromUrl(url);
  if (sellerId) return world.shops.find((s) => s.sellerId === sellerId && sameHost(s));
  const candidates = world.shops.filter(sameHost);
  return region ? candidates.find((s) => s.region === region) : candidates[0];
}

export function shopByKey(world: World, key: ShopKey): SimShop {
  const s = world.shops.find((x) => x.key === key);
  if (!s) throw new Error(`no shop ${key}`);
  return s;
}
