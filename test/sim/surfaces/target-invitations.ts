/**
 * Target invitations (UI "Target collaboration"; research/domain.md §2.2, §3.1 and §1.4).
 *
 *   list     legacy /connection/target-invitation?tab=1            migrated /affiliate/collaboration/target-invitation?tab=1
 *   detail   legacy /connection/target-invitation/detail?id=…      migrated /affiliate/collaboration/target-invitation/detail?id=… [L]
 *   POST /api/v1/oec/affiliate/seller/invitation_group/search   {invitation_group_status, cur_page, page_size ≤50, search_params}
 *   POST /api/v1/oec/affiliate/seller/invitation_group/detail   {invitation_group_id}
 *
 * The answers follow research real-shapes.md §5 [parser]: `data.invitation_list[]` with `total` and `has_more`; the
 * detail's lists inside `data.invitation`. [conflict] A record's `group_status` is sent in the live-verified reading
 * (1 not started, 2 ongoing, 3 ended, 4 terminated, `recordStatus`) by default, and in domain.md's tab-enum reading
 * (the tab codes) under the variant `target-invitations.tab-enum-status`; the tab asked for is what says an
 * invitation's state either way.
 *
 * Invitations are drawn per shop from the world's creators and products (`invitationsOf`), in every status; some of
 * the expiring ones end within 48 hours with no creator accepted. `cl_fault=shape` breaks a known number of records
 * (`INVITATION_FAULTS`). The client is `client/target-invitations.js`.
 */
import { invalid, jsonObjectBody, methodNotAllowed, ok, wireVariants, type ApiRequest, type ApiResponse, type SimSurface } from '../surface';
import { HOSTILE, creatorOf, productOf, resolveShop, seededRandom, type SimShop, type World } from '../world';
import { categoryOf } from '../catalog';

export const SEARCH_PATH = '/api/v1/oec/affiliate/seller/invitation_group/search';
export const DETAIL_PATH = '/api/v1/oec/affiliate/seller/invitation_group/detail';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** `invitation_group_status`: the page's status tabs, as the list API numbers them. */
export const INVITATION_TABS = [
  { code: 1, label: 'Ongoing' },
  { code: 2, label: 'Expiring' },
  { code: 3, label: 'Canceling' },
  { code: 4, label: 'Completed' },
] as const;
export type InvitationStatusCode = (typeof INVITATION_TABS)[number]['code'];

/** A record's `group_status` in the live-verified reading (real-shapes.md §5). */
export const RECORD_STATUS = { notStarted: 1, ongoing: 2, ended: 3, terminated: 4 } as const;

/** The variant that sends a record's `group_status` in the tab-enum reading (its tab's code). */
export const TAB_ENUM_STATUS = 'target-invitations.tab-enum-status';

/** `contacts_info[].field` codes. */
export const CONTACT_FIELDS = { whatsapp: 6, email: 7, line: 41, zalo: 42, facebook: 44, telegram: 45, phone: 46 } as const;

export interface SimInvitedCreator {
  creatorId: string;
  /** Products the creator added to their showcase (accepted when > 0). */
  added: number;
  /** Products the creator posted content for. */
  posted: number;
  /** `group_creator_status` (0 = not yet accepted; 1 is our assumption for accepted [L]). */
  status: number;
  /** `effective_status`: 1 when the target commission applies to the creator [L]. */
  effective: number;
}

export interface SimInvitedProduct {
  productId: string;
  targetBps: number;
  adsBps: number | null;
  /** When the invitation's commission took effect (epoch ms). */
  effectiveTime: number;
}

export interface SimInvitation {
  id: string;
  name: string;
  message: string;
  /** The tab that lists it. */
  status: InvitationStatusCode;
  startTime: number;
  endTime: number;
  updateTime: number;
  freeSample: { offered: boolean; auto: boolean };
  /** `delivery_requirements.content_option`: 0 no preference, 1 video, 2 LIVE. */
  contentOption: 0 | 1 | 2;
  /** Contacts as sent, including the blank ones the create page adds for required channels. */
  contacts: { field: number; value: string; countryCode: string }[];
  products: SimInvitedProduct[];
  creators: SimInvitedCreator[];
  wire: {
    /** Counts as numeric strings. */
    countsAsString: boolean;
    /** `group_status` as a string. */
    statusAsString: boolean;
    /** `free_sample_rule.sample_setting_type` present (update-era invitations carry it). */
    settingType: boolean;
  };
}

/** Invitations per status, per shop. */
const COUNTS: Record<SimShop['key'], Record<InvitationStatusCode, number>> = {
  us: { 1: 26, 2: 6, 3: 3, 4: 14 },
  gb: { 1: 6, 2: 3, 3: 1, 4: 5 },
  id: { 1: 8, 2: 4, 3: 2, 4: 6 },
  global: { 1: 5, 2: 3, 3: 1, 4: 3 },
};

/** Expiring invitations that end within 48 hours with no creator accepted, per shop (the first ones of the tab). */
export const EXPIRING_UNACCEPTED = 2;

const EN_NAMES = [
  'Spring glow serum push',
  'Kitchen favourites Q2',
  'Summer skincare drop',
  'Back to school tech',
  'Holiday gift guide',
  'Top creators: new arrivals',
  'Home reset week',
  'Payday deals collab',
  'Best sellers restock',
  'Fitness month picks',
  'Mother\'s Day edit',
  'Launch: travel minis',
];
const ID_NAMES = [
  'Promo Ramadan Skincare',
  'Kolaborasi Gajian Juli',
  'Racun Belanja 7.7',
  'Kreator Pilihan Dapur',
  'Hijab Lebaran Collab',
  'Flash Sale Akhir Bulan',
  'Produk Baru Glowing',
  'Harbolnas 12.12',
];
const EN_MESSAGES = [
  'Hi! We love your content and think our best sellers would be a great fit for your audience. Free samples available for creators who add the products to their showcase.',
  'Hello from the team! We are offering a higher commission for the next few weeks. Add the products to your showcase and post a video to unlock it.',
  'We would love to work with you on our new collection. Reply here or reach us on the contacts below for samples and briefs.',
];
const ID_MESSAGES = [
  'Halo kak! Kami suka konten kakak dan ingin kolaborasi. Sampel gratis untuk kreator yang menambahkan produk ke etalase.',
  'Hai kak, komisi spesial untuk kolaborasi bulan ini. Hubungi kami lewat WhatsApp untuk brief dan sampel.',
];
const DIAL: Record<SimShop['key'], string> = { us: 'US#1', gb: 'GB#44', id: 'ID#62', global: 'MY#60' };

const cache = new WeakMap<SimShop, SimInvitation[]>();

/** Every invitation of a shop, newest first (the list's only order). Deterministic per world seed and shop. */
export function invitationsOf(world: World, shop: SimShop): SimInvitation[] {
  let list = cache.get(shop);
  if (!list) {
    list = generate(world, shop);
    cache.set(shop, list);
  }
  return list;
}

function generate(world: World, shop: SimShop): SimInvitation[] {
  const rand = seededRandom(world.seed, `target-invitations:${shop.sellerId}`);
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const chance = (p: number) => rand() < p;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const sample = <T>(xs: readonly T[], k: number): T[] => {
    const copy = [...xs];
    const out: T[] = [];
    while (out.length < k && copy.length) out.push(copy.splice(Math.floor(rand() * copy.length), 1)[0]!);
    return out;
  };
  const used = new Set<string>();
  const newId = () => {
    for (;;) {
      const id = '75' + Array.from({ length: 17 }, () => int(0, 9)).join('');
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
  const now = world.now;
  const ind = shop.key === 'id';
  const names = ind ? ID_NAMES : EN_NAMES;
  const messages = ind ? ID_MESSAGES : EN_MESSAGES;
  const creators = shop.creators.filter((c) => c.creatorId !== HOSTILE.creatorId);
  const products = shop.products.filter((p) => p.productId !== HOSTILE.productId);
  const out: SimInvitation[] = [];

  for (const tab of INVITATION_TABS) {
    for (let i = 0; i < COUNTS[shop.key][tab.code]; i++) {
      let startTime: number;
      let endTime: number;
      switch (tab.code) {
        case 1:
          startTime = now - int(1, 40) * DAY - int(0, 23) * HOUR;
          endTime = now + int(8, 60) * DAY + int(0, 23) * HOUR;
          break;
        case 2:
          endTime = now + (i < EXPIRING_UNACCEPTED ? int(5, 46) * HOUR : int(50, 160) * HOUR);
          startTime = endTime - int(14, 45) * DAY;
          break;
        case 3:
          // Ended by the seller: it stays Canceling until the end takes effect.
          endTime = now + int(2, 20) * HOUR;
          startTime = now - int(3, 30) * DAY;
          break;
        default:
          endTime = now - int(1, 90) * DAY;
          startTime = endTime - int(14, 60) * DAY;
      }
      const unacceptedExpiring = tab.code === 2 && i < EXPIRING_UNACCEPTED;
      const chosen = sample(products, int(1, Math.min(5, products.length)));
      const invProducts: SimInvitedProduct[] = chosen.map((p) => ({
        productId: p.productId,
        targetBps: Math.min(8000, p.commissionBps + pick([200, 500, 500, 1000, 1500])),
        adsBps: chance(0.45) ? pick([500, 800, 1000, 1500]) : null,
        effectiveTime: chance(0.2) ? startTime + int(1, 5) * DAY : startTime,
      }));
      const invCreators: SimInvitedCreator[] = sample(creators, int(2, Math.min(10, creators.length))).map((c) => {
        const acceptP = unacceptedExpiring ? 0 : tab.code === 4 ? 0.7 : 0.45;
        const added = chance(acceptP) ? int(1, invProducts.length) : 0;
        const posted = added > 0 && chance(tab.code === 4 ? 0.6 : 0.4) ? int(1, added) : 0;
        return { creatorId: c.creatorId, added, posted, status: added > 0 ? 1 : 0, effective: added > 0 ? 1 : 0 };
      });
      const whatsapp = String(int(100_000_000, 999_999_999));
      const contacts: SimInvitation['contacts'] = [];
      if (chance(0.7)) contacts.push({ field: CONTACT_FIELDS.whatsapp, value: whatsapp, countryCode: DIAL[shop.key] });
      if (chance(0.6)) contacts.push({ field: CONTACT_FIELDS.email, value: `partners${int(1, 9)}@${shop.name.toLowerCase().replace(/[^a-z]+/g, '')}.example`, countryCode: '' });
      // The create page always sends LINE and Telegram, blank unless filled in.
      contacts.push({ field: CONTACT_FIELDS.line, value: chance(0.25) ? `@${shop.key}shop${int(10, 99)}` : '', countryCode: DIAL[shop.key] });
      contacts.push({ field: CONTACT_FIELDS.telegram, value: chance(0.3) ? `@${shop.key}_affiliates` : '', countryCode: DIAL[shop.key] });
      if (chance(0.15)) contacts.push({ field: CONTACT_FIELDS.phone, value: String(int(100_000_000, 999_999_999)), countryCode: DIAL[shop.key] });
      if (chance(0.1)) contacts.push({ field: CONTACT_FIELDS.facebook, value: `fb.com/${shop.key}shop`, countryCode: '' });
      if (chance(0.08)) contacts.push({ field: CONTACT_FIELDS.zalo, value: String(int(100_000_000, 999_999_999)), countryCode: DIAL[shop.key] });
      const offered = chance(0.6);
      out.push({
        id: newId(),
        name: `${pick(names)}${i > 5 ? ` #${i}` : ''}`.slice(0, 30),
        message: pick(messages),
        status: tab.code,
        startTime,
        endTime,
        updateTime: startTime + int(0, 3) * DAY,
        freeSample: { offered, auto: offered && chance(0.4) },
        contentOption: pick([0, 0, 1, 1, 2] as const),
        contacts,
        products: invProducts,
        creators: invCreators,
        wire: { countsAsString: chance(0.3), statusAsString: chance(0.2), settingType: chance(0.5) },
      });
    }
  }
  guaranteeVariety(shop, out);
  return out.sort((a, b) => b.startTime - a.startTime || a.id.localeCompare(b.id));
}

/**
 * Whatever the seed drew: free samples both ways on the first Ongoing page, every contact channel somewhere, and on the
 * US shop one invitation with hostile text that invites the hostile creator.
 */
function guaranteeVariety(shop: SimShop, list: SimInvitation[]): void {
  const ongoing = list.filter((x) => x.status === 1);
  if (!ongoing.some((x) => x.freeSample.offered)) ongoing[0]!.freeSample = { offered: true, auto: false };
  if (!ongoing.some((x) => x.freeSample.offered && x.freeSample.auto)) ongoing[1]!.freeSample = { offered: true, auto: true };
  if (!ongoing.some((x) => !x.freeSample.offered)) ongoing[2]!.freeSample = { offered: false, auto: false };
  const shown = new Set(list.flatMap((x) => x.contacts.filter((c) => c.value).map((c) => c.field)));
  const host = list.find((x) => x.status === 1)!;
  for (const field of Object.values(CONTACT_FIELDS)) {
    if (shown.has(field)) continue;
    host.contacts = host.contacts.filter((c) => c.field !== field);
    host.contacts.push({ field, value: field === CONTACT_FIELDS.email ? `hello@${shop.key}.example` : `${shop.key}${field}00${field}`, countryCode: DIAL[shop.key] });
  }
  if (shop.key === 'us') {
    const hostile = ongoing[3]!;
    hostile.name = HOSTILE.nickname;
    hostile.message = `${HOSTILE.productTitle} Free samples!`;
    hostile.creators = [{ creatorId: HOSTILE.creatorId, added: 1, posted: 0, status: 1, effective: 1 }, ...hostile.creators.slice(1)];
    hostile.products = [
      { productId: HOSTILE.productId, targetBps: Math.min(8000, productOf(shop, HOSTILE.productId).commissionBps + 500), adsBps: null, effectiveTime: hostile.startTime },
      ...hostile.products.slice(1),
    ];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Wire format

/**
 * The record's `group_status` in the live-verified reading: running ones are ongoing; Canceling ones were terminated by
 * the seller; a Completed one ended, or (one in three, by its id) was terminated before its end.
 */
export function recordStatus(inv: SimInvitation): number {
  if (inv.status === 3) return RECORD_STATUS.terminated;
  if (inv.status === 4) return Number(inv.id.slice(-2)) % 3 === 0 ? RECORD_STATUS.terminated : RECORD_STATUS.ended;
  return RECORD_STATUS.ongoing;
}

/** `group_status` as the answer sends it: the live-verified reading, or the tab's code under `TAB_ENUM_STATUS`. */
const groupStatus = (inv: SimInvitation, variants: ReadonlySet<string>) => {
  const code = variants.has(TAB_ENUM_STATUS) ? inv.status : recordStatus(inv);
  return inv.wire.statusAsString ? String(code) : code;
};

const count = (inv: SimInvitation, n: number): number | string => (inv.wire.countsAsString ? String(n) : n);

/** What the page counts: invited, accepted (added a product to the showcase), posted, products. */
export function countsOf(inv: SimInvitation): { creators: number; accepted: number; posted: number; products: number } {
  return {
    creators: inv.creators.length,
    accepted: inv.creators.filter((c) => c.added > 0).length,
    posted: inv.creators.filter((c) => c.posted > 0).length,
    products: inv.products.length,
  };
}

function freeSampleRule(inv: SimInvitation): Record<string, unknown> {
  const rule: Record<string, unknown> = { has_free_sample: inv.freeSample.offered, is_free_sample_auto_review: inv.freeSample.auto };
  if (inv.wire.settingType) rule.sample_setting_type = inv.freeSample.offered ? (inv.freeSample.auto ? 2 : 1) : 0;
  return rule;
}

function summaryJson(shop: SimShop, inv: SimInvitation, variants: ReadonlySet<string>): Record<string, unknown> {
  const c = countsOf(inv);
  return {
    id: inv.id,
    name: inv.name,
    start_time: String(inv.startTime),
    end_time: String(inv.endTime),
    update_time: String(inv.updateTime),
    group_status: groupStatus(inv, variants),
    group_type: 1,
    creator_cnt: count(inv, c.creators),
    creator_added_cnt: count(inv, c.accepted),
    creator_posted_cnt: count(inv, c.posted),
    product_cnt: count(inv, c.products),
    free_sample_rule: freeSampleRule(inv),
    product_list: inv.products.map((p) => {
      const product = productOf(shop, p.productId);
      return { product_id: p.productId, title: product.title, image: { thumb_url_list: [product.image] }, target_commission: p.targetBps };
    }),
  };
}

const digits = (shop: SimShop) => (shop.currency === 'IDR' ? 0 : 2);

function detailJson(shop: SimShop, inv: SimInvitation, variants: ReadonlySet<string>): Record<string, unknown> {
  const { product_list: _summaryProducts, ...summary } = summaryJson(shop, inv, variants);
  return {
    ...summary,
    message: inv.message,
    contacts_info: inv.contacts.map((c) => ({ title: '', field: c.field, value: c.value, country_code: c.countryCode })),
    delivery_requirements: { content_option: inv.contentOption },
    product_list: inv.products.map((p, i) => {
      const product = productOf(shop, p.productId);
      const price = product.skus[0]!.price;
      const stock = product.skus.reduce((n, s) => n + s.stock, 0);
      return {
        product_id: p.productId,
        title: product.title,
        image: { thumb_url_list: [product.image] },
        price: { value: price.toFixed(digits(shop)), symbol: shop.currency },
        promotion_price: i % 3 === 1 ? { value: (price * 0.85).toFixed(digits(shop)), symbol: shop.currency } : null,
        target_commission: p.targetBps,
        target_ads_commission: p.adsBps,
        open_commission: product.commissionBps,
        category_id: categoryOf(product.category, shop.region).id,
        category_name: categoryOf(product.category, shop.region).name,
        stock: inv.wire.countsAsString ? String(stock) : stock,
        item_sold: (Number(p.productId.slice(-4)) % 900) + 12,
        commission_effective_time: String(p.effectiveTime),
      };
    }),
    creator_id_list: inv.creators.map((ic) => {
      const c = creatorOf(shop, ic.creatorId);
      return {
        base_info: {
          creator_id: '',
          creator_oec_id: c.creatorId,
          user_name: c.handle,
          nick_name: c.nickname,
          avatar: { url_list: [c.avatarUrl] },
          selection_region: shop.region,
        },
        invitation_id: inv.id,
        group_creator_status: ic.status,
        product_add_cnt: ic.added,
        content_posted_cnt: count(inv, ic.posted),
        effective_status: ic.effective,
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The API

export interface SearchBody {
  status: number;
  page: number;
  pageSize: number;
  /** `filter_accept_status`: 2 = only invitations a creator accepted, 3 = all. */
  acceptedOnly: boolean;
  /** `free_sample_status: 1`: only invitations offering free samples. */
  freeSampleOnly: boolean;
}

/** Validates the search body; `undefined` means the real API would answer 98001004. */
export function parseSearchBody(raw: string | null): SearchBody | undefined {
  const o = jsonObjectBody(raw);
  if (!o) return undefined;
  const int = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
  if (!int(o.invitation_group_status) || !int(o.cur_page) || o.cur_page < 1) return undefined;
  if (!int(o.page_size) || o.page_size < 1 || o.page_size > 50) return undefined;
  const params = o.search_params;
  if (params !== undefined && (typeof params !== 'object' || params === null || Array.isArray(params))) return undefined;
  const p = (params ?? {}) as Record<string, unknown>;
  return {
    status: o.invitation_group_status,
    page: o.cur_page,
    pageSize: o.page_size,
    acceptedOnly: p.filter_accept_status === 2,
    freeSampleOnly: p.free_sample_status === 1,
  };
}

/** The invitations a search lists, in order (an unknown status code lists nothing: the enum is open). */
export function searchResults(world: World, shop: SimShop, body: Pick<SearchBody, 'status' | 'acceptedOnly' | 'freeSampleOnly'>): SimInvitation[] {
  return invitationsOf(world, shop).filter(
    (x) => x.status === body.status && (!body.acceptedOnly || countsOf(x).accepted > 0) && (!body.freeSampleOnly || x.freeSample.offered),
  );
}

/** Broken records in fault mode: on a search page, the 2nd (`end_time: "soon"`) and 4th (no `id`); on a detail, its first product (`target_commission: "15%"`) and first creator (`user_name: null`). */
export const INVITATION_FAULTS = { search: 2, detail: 2 } as const;

function api(world: World, req: ApiRequest): ApiResponse | undefined {
  const path = req.url.pathname;
  if (path !== SEARCH_PATH && path !== DETAIL_PATH) return undefined;
  if (req.method !== 'POST') return methodNotAllowed();
  const shop = resolveShop(world, req.url);
  if (!shop) return invalid();
  const fault = req.url.searchParams.get('cl_fault') === 'shape';
  const variants = wireVariants(req);
  if (path === SEARCH_PATH) {
    const body = parseSearchBody(req.body);
    if (!body) return invalid();
    const all = searchResults(world, shop, body);
    const page = all.slice((body.page - 1) * body.pageSize, body.page * body.pageSize);
    const list = page.map((x) => summaryJson(shop, x, variants));
    if (fault) {
      if (list[1]) list[1].end_time = 'soon';
      if (list[3]) delete list[3].id;
    }
    return ok({ invitation_list: list, total: all.length, has_more: body.page * body.pageSize < all.length });
  }
  const o = jsonObjectBody(req.body);
  const inv = typeof o?.invitation_group_id === 'string' ? invitationsOf(world, shop).find((x) => x.id === o.invitation_group_id) : undefined;
  if (!inv) return invalid();
  const json = detailJson(shop, inv, variants);
  if (fault) {
    (json.product_list as Record<string, unknown>[])[0]!.target_commission = `${inv.products[0]!.targetBps / 100}%`;
    ((json.creator_id_list as Record<string, Record<string, unknown>>[])[0]!.base_info as Record<string, unknown>).user_name = null;
  }
  return ok({ invitation: json });
}

export interface TargetInvitationsBoot {
  tabs: { code: number; label: string }[];
}

export const targetInvitations: SimSurface = {
  route: 'target-invitations',
  nav: { label: 'Target collaboration', group: 'Collaborations', icon: '◎' },
  paths: { legacy: '/connection/target-invitation', migrated: '/affiliate/collaboration/target-invitation' },
  client: 'target-invitations.js',
  api,
  variants: {
    [TAB_ENUM_STATUS]:
      '[conflict] real-shapes.md §5: domain.md reads a record’s group_status with the tab codes (1 Ongoing, 2 Expiring, 3 Canceling, 4 Completed); one live-verified source reads it as 1 not started, 2 ongoing, 3 ended, 4 terminated (the default here).',
  },
  boot: (): TargetInvitationsBoot => ({ tabs: INVITATION_TABS.map((t) => ({ code: t.code, label: t.label })) }),
  css: `
.ti-filters{display:flex;gap:8px;align-items:center}
.ti-chip{border:1px solid #e5e6eb;background:#fff;border-radius:14px;padding:3px 12px;color:#4e5969}
.ti-chip[aria-pressed=true]{border-color:#fe2c55;color:#fe2c55;background:#fff0f3}
.ti-name{font-weight:600;overflow-wrap:anywhere}
.ti-id,.ti-muted{color:#86909c;font-size:12px}
.ti-num{font-variant-numeric:tabular-nums}
.ti-soon{color:#f53f3f;font-weight:600}
.ti-cards{display:grid;gap:12px;padding:4px 20px 8px}
.x-invite{border:1px solid #e5e6eb;border-radius:8px;padding:14px 16px;display:grid;grid-template-columns:1fr auto;gap:6px 16px}
.x-invite__title{margin:0;font-size:15px;overflow-wrap:anywhere}
.x-invite__meta{color:#86909c;font-size:12px}
.x-invite__figures{display:flex;gap:18px;grid-column:1/3}
.x-invite__figures b{display:block;font-size:16px}
`,
};

export const targetInvitationDetail: SimSurface = {
  route: 'target-invitation-detail',
  paths: { legacy: '/connection/target-invitation/detail', migrated: '/affiliate/collaboration/target-invitation/detail' },
  client: 'target-invitations.js',
  css: `
.tid-head{display:grid;grid-template-columns:1fr 1fr;gap:8px 24px;padding:16px 20px}
.tid-head dt{color:#86909c;font-size:12px}
.tid-head dd{margin:0 0 6px;overflow-wrap:anywhere}
.tid-section{margin-top:16px}
.tid-section h2{font-size:15px;margin:0;padding:14px 20px 6px}
.tid-message{white-space:pre-wrap;padding:0 20px 16px;color:#4e5969;overflow-wrap:anywhere}
.y-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:12px;padding:8px 20px 16px}
.y-tile{border:1px solid #e5e6eb;border-radius:8px;padding:12px}
.y-tile__name{font-weight:600;overflow-wrap:anywhere}
.y-tile__sub{color:#86909c;font-size:12px}
`,
};
