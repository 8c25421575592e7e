/**
 * Partner campaigns, seller side (research/domain.md §1.8, §2.2, §3.1; seeds 003 and 004).
 *
 *   legacy   /product/partner-campaign/partner-collabs      (global selling: /affiliate/product/partner-campaign/partner-collabs)
 *   migrated /affiliate/partner/marketplace?route_migration=1   (the migrated path is listed in domain.md as [L])
 *   POST /api/v1/affiliate/campaign/search                     body {campaign_source, query_type, campaign_scope, cur_page, page_size}
 *   POST /api/v1/affiliate/campaign/detail/get                 body {campaign_id}
 *   POST /api/v1/affiliate/campaign/registered_products/get    body {campaign_id, status_tab, cur_page, page_size}
 *
 * The paths are known; the shapes are [unknown] (research real-shapes.md §6: no public evidence of the seller side).
 * The default answer is our best guess: the open-API campaign object in the internal style (19-digit ids as strings,
 * times as ms strings, rates in bps, statuses by the open API's names), its list where the partner side of the same
 * backend puts it (`data.campaign[]` with `data.total_num`, `msg` beside `message`). Every plausible alternative is a
 * wire variant (`CAMPAIGN_VARIANTS`), each with the evidence it rests on. One page shows every view through its query:
 * the marketplace (`tab=marketplace&scope=all|target|local`), My campaigns (`tab=my&kind=agency|seller`), a campaign's
 * details (`campaign_id=…`) and its registered products (`campaign_id=…&view=products&status_tab=…`).
 *
 * Campaigns are drawn per shop from the world's products (`seededRandom(world.seed, 'campaigns:' + sellerId)`):
 * every registration state appears in every shop, some campaigns close registration within 48 hours with nothing
 * registered, and one registration asks for a large sample quantity. `cl_fault=shape` breaks a known number of records
 * (see `CAMPAIGN_FAULTS`). The client is `client/partner-campaigns.js`.
 */
import { CODE_OK, invalid, jsonObjectBody, methodNotAllowed, wireVariants, type ApiRequest, type ApiResponse, type SimSurface } from '../surface';
import { HOSTILE, resolveShop, seededRandom, type SimShop, type World } from '../world';
import { categoryOf } from '../catalog';

export const CAMPAIGN_SEARCH_PATH = '/api/v1/affiliate/campaign/search';
export const CAMPAIGN_DETAIL_PATH = '/api/v1/affiliate/campaign/detail/get';
export const CAMPAIGN_REGISTERED_PATH = '/api/v1/affiliate/campaign/registered_products/get';
export const CAMPAIGN_PAGE_SIZE = 10;
export const REGISTERED_PAGE_SIZE = 20;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type CampaignStatus = 'READY' | 'UPCOMING' | 'ONGOING' | 'CLOSED';
/** Numeric campaign status codes, sent under `partner-campaigns.numeric-status` (what a number means is unknown). */
export const CAMPAIGN_STATUS_CODE: Readonly<Record<CampaignStatus, number>> = { READY: 1, UPCOMING: 2, ONGOING: 3, CLOSED: 4 };

/** Registration states; the code is sent under `partner-campaigns.numeric-status`, the name (`REG_NAME`) by default. */
export const REG = { PENDING: 1, APPROVED: 2, LIVE: 3, REJECTED: 4, REJECT_FOREVER: 5, PENDING_CLOSED: 6, CLOSED: 7 } as const;
export type RegCode = (typeof REG)[keyof typeof REG];
export const REG_NAME: Readonly<Record<RegCode, string>> = { 1: 'PENDING', 2: 'APPROVED', 3: 'LIVE', 4: 'REJECTED', 5: 'REJECT_FOREVER', 6: 'PENDING_CLOSED', 7: 'CLOSED' };

/** The wire variants of this surface, each with the evidence it rests on (real-shapes.md §6). */
export const CAMPAIGN_VARIANTS = {
  'partner-campaigns.list-campaign-list':
    '[unknown] domain.md’s first guess: the campaign list at data.campaign_list with data.total, as the other seller-side lists are named (*_list).',
  'partner-campaigns.list-top-level':
    '[unknown] The list (campaign_list, product_list) and the detail’s campaign at the top level beside code, as the affiliate orders endpoint sends orders[] (real-shapes.md §2).',
  'partner-campaigns.msg': '[unknown] The partner side of the same backend sends msg instead of message (real-shapes.md §6).',
  'partner-campaigns.numeric-status':
    '[unknown] The partner side sends numeric status codes (real-shapes.md §6); what the numbers mean on the seller side nobody has published.',
  'partner-campaigns.times-number': '[unknown] Times as JSON numbers (epoch ms), as other internal endpoints send create_time (real-shapes.md §2).',
  'partner-campaigns.times-seconds': '[unknown] Times as epoch seconds, as the open API sends campaign times (domain.md §1.8).',
  'partner-campaigns.partner-names':
    '[unknown] The partner side’s names (real-shapes.md §6): promotion_start_time / promotion_end_time, seller_campaign_extra{min_commission_rate, max_commission_rate}, campaign_statistics{…_product_num}, campaign_type, and *_commission_percent strings on registrations.',
} as const;
type CampaignVariant = keyof typeof CAMPAIGN_VARIANTS;

/** The registered-products tabs: which states each lists. */
export const STATUS_TABS: readonly { code: number; label: string; states: readonly RegCode[] }[] = [
  { code: 0, label: 'All', states: [1, 2, 3, 4, 5, 6, 7] },
  { code: 1, label: 'Pending', states: [REG.PENDING] },
  { code: 2, label: 'Ongoing', states: [REG.APPROVED, REG.LIVE, REG.PENDING_CLOSED] },
  { code: 3, label: 'Rejected', states: [REG.REJECTED, REG.REJECT_FOREVER] },
  { code: 4, label: 'Closed', states: [REG.CLOSED] },
];

export const SCOPE_CODE = { all: 1, targeted: 2, local: 3 } as const;
export type Scope = keyof typeof SCOPE_CODE;

export interface SimPartner {
  partnerId: string;
  name: string;
  local: boolean;
  avatar: string;
  contact: { email: string; phone: string; whatsapp: string; line: string; zalo: string; viber: string };
}

export interface SimRegistration {
  productId: string;
  state: RegCode;
  /** For a plain rejection (4): whether the seller may register the product again. */
  canReRegister?: boolean;
  rejectReasons?: string[];
  rejectText?: string;
  totalBps: number;
  creatorBps: number;
  partnerBps: number;
  sampleQuantity: number;
  registeredAt: number;
  contact: { email: string; whatsapp?: string };
  wire: { rateAsString: boolean };
}

export interface SimCampaign {
  campaignId: string;
  name: string;
  description: string;
  message: string;
  source: 'agency' | 'seller';
  scope: Scope;
  /** Listed in the marketplace (registration open, agency campaign). */
  inMarketplace: boolean;
  registrationStart: number;
  registrationEnd: number;
  campaignStart: number;
  campaignEnd: number;
  commissionBps: number;
  partner?: SimPartner;
  /** Seller-initiated campaigns: partners that joined. */
  joinedPartners?: number;
  registrations: SimRegistration[];
  wire: { rateAsString: boolean };
}

export interface ShopCampaigns {
  partners: SimPartner[];
  campaigns: SimCampaign[];
}

const PARTNERS: Record<string, readonly [string, boolean][]> = {
  US: [
    ['Spark Creators Agency', true],
    ['Northstar Affiliate Partners', true],
    ['Viral Loop Media', false],
    ['Creator Bridge Global', false],
  ],
  GB: [
    ['Brit Collective Creators', true],
    ['Northstar Affiliate Partners', false],
    ['High Street Influence Ltd', true],
  ],
  ID: [
    ['Kreator Nusantara Agency', true],
    ['Mitra Afiliasi Jaya', true],
    ['Creator Bridge Global', false],
  ],
  MY: [
    ['KL Creator Hub', true],
    ['Creator Bridge Global', false],
  ],
};

const THEMES = [
  'Holiday Gifting Push',
  'Payday Mega Sale',
  'New Year Glow Up',
  'Back to School Deals',
  'Ramadan Kareem Picks',
  'Summer Essentials Drive',
  'Home Refresh Week',
  'Beauty Bestsellers Sprint',
  'Mid-Year Mega Campaign',
  'Live Shopping Marathon',
  '11.11 Creator Rush',
  '12.12 Year-End Sale',
  'Creator Launchpad',
  'Flash Deals Fridays',
];

/** How far under its campaign's requirement the seeded under-requirement registration is. */
export const UNDER_REQUIREMENT_BPS = 300;

const REJECT_REASONS = ['COMMISSION_TOO_LOW', 'PRODUCT_HARD_TO_PROMOTE', 'PRODUCT_TOO_EXPENSIVE', 'NO_SUITABLE_CREATOR'] as const;
const REJECT_TEXT: Record<string, string> = {
  COMMISSION_TOO_LOW: 'Please raise the total commission to at least the campaign requirement and register again.',
  PRODUCT_HARD_TO_PROMOTE: 'Our creators could not find an angle for this product.',
  PRODUCT_TOO_EXPENSIVE: 'The price is above what our audience buys; try a bundle or a discount.',
  NO_SUITABLE_CREATOR: 'No creator in our network fits this category right now.',
};

/** How many agency campaigns each shop's marketplace lists, and how many the shop joined or started. */
const COUNTS: Record<string, { marketplace: number; joinedClosed: number; seller: number }> = {
  US: { marketplace: 23, joinedClosed: 2, seller: 3 },
  GB: { marketplace: 11, joinedClosed: 1, seller: 2 },
  ID: { marketplace: 13, joinedClosed: 1, seller: 2 },
  MY: { marketplace: 9, joinedClosed: 1, seller: 2 },
};

const cache = new WeakMap<SimShop, ShopCampaigns>();

/** The shop's partner campaigns; the same world always gives the same campaigns. */
export function shopCampaigns(world: World, shop: SimShop): ShopCampaigns {
  let c = cache.get(shop);
  if (!c) {
    c = generate(world, shop);
    cache.set(shop, c);
  }
  return c;
}

function generate(world: World, shop: SimShop): ShopCampaigns {
  const rand = seededRandom(world.seed, `campaigns:${shop.sellerId}`);
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const used = new Set<string>();
  const nextId = (prefix: string) => {
    for (;;) {
      let s = prefix;
      while (s.length < 19) s += String(Math.floor(rand() * 10));
      if (!used.has(s)) {
        used.add(s);
        return s;
      }
    }
  };
  const now = world.now;
  const slug = shop.name.toLowerCase().replace(/[^a-z]+/g, '');
  const seaLine = shop.region === 'ID' || shop.region === 'MY';
  const partners: SimPartner[] = (PARTNERS[shop.region] ?? PARTNERS.US!).map(([name, local]) => {
    const handle = name.toLowerCase().replace(/[^a-z]+/g, '');
    return {
      partnerId: nextId('746'),
      name,
      local,
      avatar: `https://p16-sign-${shop.region === 'US' || shop.region === 'GB' ? 'va' : 'sg'}.tiktokcdn.com/tos-partner-avt/${handle}.jpeg`,
      contact: {
        email: `partnerships@${handle}.example`,
        phone: `+${int(10, 99)} ${int(100, 999)} ${int(100, 999)} ${int(1000, 9999)}`,
        whatsapp: rand() < 0.8 ? `+${int(10, 99)} ${int(100, 999)} ${int(1000, 9999)}` : '',
        line: seaLine ? `@${handle.slice(0, 12)}` : '',
        zalo: '',
        viber: '',
      },
    };
  });
  const products = shop.products.filter((p) => p.productId !== HOSTILE.productId);
  const sellerContact = () => ({ email: `affiliates@${slug}.example`, whatsapp: rand() < 0.6 ? `+${int(10, 99)} ${int(100, 999)} ${int(1000, 9999)}` : undefined });

  const registration = (campaign: { commissionBps: number; campaignStart: number }, productId: string, state: RegCode): SimRegistration => {
    const totalBps = campaign.commissionBps + pick([0, 0, 200, 500]);
    const partnerBps = pick([300, 500, 700, 800]);
    const reg: SimRegistration = {
      productId,
      state,
      totalBps,
      creatorBps: totalBps - partnerBps,
      partnerBps,
      sampleQuantity: pick([5, 10, 10, 20, 30, 50]),
      registeredAt: Math.min(now - HOUR, campaign.campaignStart) - int(1, 20) * DAY,
      contact: sellerContact(),
      wire: { rateAsString: rand() < 0.5 },
    };
    if (state === REG.REJECTED || state === REG.REJECT_FOREVER) {
      const reason = pick(REJECT_REASONS);
      reg.rejectReasons = [reason];
      reg.rejectText = REJECT_TEXT[reason];
      if (state === REG.REJECTED) reg.canReRegister = true;
    }
    return reg;
  };

  const counts = COUNTS[shop.region] ?? COUNTS.US!;
  const campaigns: SimCampaign[] = [];
  let theme = int(0, THEMES.length - 1);
  // Names are unique within a shop, so a campaign's name tells it apart on the page.
  const names = new Set<string>();
  const name = () => {
    let n = `${THEMES[theme++ % THEMES.length]} Q${int(1, 4)}`;
    for (let k = 2; names.has(n); k++) n = `${n.replace(/ \(\d+\)$/, '')} (${k})`;
    names.add(n);
    return n;
  };

  // Marketplace: agency campaigns with registration open. The first two close within 48 hours with nothing registered;
  // the next four are campaigns the shop joined (registrations in every state across them), already running.
  for (let i = 0; i < counts.marketplace; i++) {
    const scope: Scope = i % 4 === 1 ? 'targeted' : i % 4 === 3 ? 'local' : 'all';
    const partner = scope === 'local' ? pick(partners.filter((p) => p.local)) : pick(partners);
    const closingSoon = i < 2;
    const registrationEnd = closingSoon ? now + int(3, 46) * HOUR + int(0, 59) * 60_000 : now + int(3, 40) * DAY;
    const started = !closingSoon && (i < 7 || rand() < 0.5);
    const campaignStart = started ? now - int(1, 20) * DAY : registrationEnd + int(1, 10) * DAY;
    const commissionBps = pick([1000, 1200, 1500, 1500, 2000, 2000, 2500, 3000]);
    campaigns.push({
      campaignId: nextId('744'),
      name: name(),
      description: `${partner.name} matches your products with creators in ${shop.region} for this campaign. Register products with a total commission of at least ${commissionBps / 100}% and samples for the creators we select.`,
      message: `Hi! We are ${partner.name}. Register your best sellers and we will brief our creators within 48 hours.`,
      source: 'agency',
      scope,
      inMarketplace: true,
      registrationStart: now - int(2, 30) * DAY,
      registrationEnd,
      campaignStart,
      campaignEnd: campaignStart + int(20, 120) * DAY,
      commissionBps,
      partner,
      registrations: [],
      wire: { rateAsString: rand() < 0.5 },
    });
  }
  // Joined marketplace campaigns (2 to 5): every registration state across them.
  const productQueue = [...products];
  const nextProduct = () => {
    if (productQueue.length === 0) productQueue.push(...products);
    return productQueue.shift()!.productId;
  };
  const joinedStates: RegCode[][] = [
    [REG.PENDING, REG.PENDING, REG.APPROVED, REG.REJECTED],
    [REG.LIVE, REG.LIVE, REG.PENDING_CLOSED, REG.REJECT_FOREVER],
    [REG.APPROVED, REG.REJECTED, REG.REJECTED, REG.CLOSED],
    [REG.PENDING, REG.LIVE],
  ];
  joinedStates.forEach((states, k) => {
    const c = campaigns[2 + k];
    if (!c) return;
    c.registrations = states.map((s) => registration(c, nextProduct(), s));
  });
  // Registration the seller may not re-register, sent the second way: a plain rejection with can_re_register false.
  const forbidden = campaigns[4]?.registrations.find((r) => r.state === REG.REJECTED);
  if (forbidden) forbidden.canReRegister = false;
  // A registration under the campaign's commission requirement, still waiting for the partner.
  const under = campaigns[2]?.registrations.find((r) => r.state === REG.PENDING);
  if (under && campaigns[2]) {
    under.totalBps = campaigns[2].commissionBps - UNDER_REQUIREMENT_BPS;
    under.partnerBps = Math.min(under.partnerBps, Math.floor(under.totalBps / 2));
    under.creatorBps = under.totalBps - under.partnerBps;
  }
  // A large sample quantity (the seller may have meant 50).
  const big = campaigns[3]?.registrations[0];
  if (big) big.sampleQuantity = 5000;
  // A US campaign with enough products to page the registered-products list, and a hostile campaign name.
  if (shop.region === 'US') {
    const c = campaigns[6]!;
    c.registrations = Array.from({ length: 24 }, (_, j) => registration(c, products[j % products.length]!.productId, j % 5 === 4 ? REG.APPROVED : j % 3 === 0 ? REG.LIVE : REG.PENDING));
    campaigns[7]!.name = HOSTILE.nickname;
    campaigns[7]!.description = HOSTILE.productTitle;
  }

  // Joined campaigns that have ended (My campaigns only).
  for (let i = 0; i < counts.joinedClosed; i++) {
    const partner = pick(partners);
    const campaignEnd = now - int(2, 40) * DAY;
    const c: SimCampaign = {
      campaignId: nextId('744'),
      name: name(),
      description: `A ${partner.name} campaign that has ended.`,
      message: `Thanks for joining ${partner.name}'s campaign.`,
      source: 'agency',
      scope: 'all',
      inMarketplace: false,
      registrationStart: campaignEnd - 90 * DAY,
      registrationEnd: campaignEnd - 40 * DAY,
      campaignStart: campaignEnd - 60 * DAY,
      campaignEnd,
      commissionBps: pick([1500, 2000]),
      partner,
      registrations: [],
      wire: { rateAsString: false },
    };
    c.registrations = [registration(c, nextProduct(), REG.CLOSED), registration(c, nextProduct(), REG.CLOSED)];
    campaigns.push(c);
  }

  // Seller-initiated campaigns: the shop's own, partners join them.
  for (let i = 0; i < counts.seller; i++) {
    const registrationStart = now - int(5, 30) * DAY;
    const campaignStart = i === 0 ? now + int(2, 9) * DAY : now - int(1, 10) * DAY;
    const c: SimCampaign = {
      campaignId: nextId('744'),
      name: `${shop.name} × Partners ${name()}`,
      description: `${shop.name} invites affiliate partners to promote our range. Beauty and home creators preferred.`,
      message: '',
      source: 'seller',
      scope: 'all',
      inMarketplace: false,
      registrationStart,
      registrationEnd: campaignStart + 30 * DAY,
      campaignStart,
      campaignEnd: campaignStart + int(30, 90) * DAY,
      commissionBps: pick([1500, 2000, 2500]),
      joinedPartners: int(0, 6),
      registrations: [],
      wire: { rateAsString: rand() < 0.5 },
    };
    c.registrations = Array.from({ length: int(2, 4) }, (_, j) => registration(c, nextProduct(), i === 0 ? REG.APPROVED : j === 0 ? REG.CLOSED : REG.LIVE));
    campaigns.push(c);
  }
  return { partners, campaigns };
}

export function statusOf(c: SimCampaign, now: number): CampaignStatus {
  if (now >= c.campaignEnd) return 'CLOSED';
  if (now >= c.campaignStart) return 'ONGOING';
  return now < c.registrationEnd ? 'READY' : 'UPCOMING';
}

// ---------------------------------------------------------------------------------------------------------------
// Lists

export interface SearchBody {
  source: 1 | 2;
  queryType: 1 | 2;
  scope: 0 | 2 | 3;
  page: number;
  pageSize: number;
}

export function parseSearchBody(raw: string | null): SearchBody | undefined {
  const o = jsonObjectBody(raw);
  if (!o) return undefined;
  const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
  if (o.campaign_source !== 1 && o.campaign_source !== 2) return undefined;
  if (o.query_type !== 1 && o.query_type !== 2) return undefined;
  const scope = o.campaign_scope ?? 0;
  if (scope !== 0 && scope !== 2 && scope !== 3) return undefined;
  if (!isInt(o.cur_page) || o.cur_page < 1 || !isInt(o.page_size) || o.page_size < 1 || o.page_size > 50) return undefined;
  return { source: o.campaign_source, queryType: o.query_type, scope, page: o.cur_page, pageSize: o.page_size };
}

/** Campaigns a list shows, in order: the marketplace soonest registration close first, My campaigns newest first. */
export function listCampaigns(data: ShopCampaigns, body: Pick<SearchBody, 'source' | 'queryType' | 'scope'>): SimCampaign[] {
  const source = body.source === 1 ? 'agency' : 'seller';
  let list = data.campaigns.filter((c) => c.source === source);
  if (body.queryType === 1) {
    list = list.filter((c) => c.inMarketplace);
    if (body.scope === 2) list = list.filter((c) => c.scope === 'targeted');
    if (body.scope === 3) list = list.filter((c) => c.scope === 'local');
    return list.sort((a, b) => a.registrationEnd - b.registrationEnd || a.campaignId.localeCompare(b.campaignId));
  }
  list = list.filter((c) => c.registrations.length > 0);
  return list.sort((a, b) => b.campaignStart - a.campaignStart || a.campaignId.localeCompare(b.campaignId));
}

/** How the asked variants write the answer's parts. */
interface Wire {
  has(v: CampaignVariant): boolean;
}

/** A time as the variant sends it: an ms string (default), a JSON number, or epoch seconds as a string. */
function timeJson(ms: number, wire: Wire): string | number {
  if (wire.has('partner-campaigns.times-seconds')) return String(Math.floor(ms / 1000));
  return wire.has('partner-campaigns.times-number') ? ms : String(ms);
}

function campaignJson(shop: SimShop, c: SimCampaign, now: number, detail: boolean, wire: Wire): Record<string, unknown> {
  const status = statusOf(c, now);
  const partnerNames = wire.has('partner-campaigns.partner-names');
  const rate = c.wire.rateAsString ? String(c.commissionBps) : c.commissionBps;
  const out: Record<string, unknown> = {
    campaign_id: c.campaignId,
    name: c.name,
    description: c.description,
    region: shop.region,
    status: wire.has('partner-campaigns.numeric-status') ? CAMPAIGN_STATUS_CODE[status] : status,
    campaign_source: c.source === 'agency' ? 1 : 2,
    registration_start_time: timeJson(c.registrationStart, wire),
    registration_end_time: timeJson(c.registrationEnd, wire),
  };
  if (partnerNames) {
    out.campaign_type = c.source === 'agency' ? 1 : 2;
    out.promotion_start_time = timeJson(c.campaignStart, wire);
    out.promotion_end_time = timeJson(c.campaignEnd, wire);
    out.seller_campaign_extra = { min_commission_rate: rate, max_commission_rate: String(Math.min(8000, c.commissionBps + 1000)) };
    out.campaign_statistics = { registered_product_num: c.registrations.length, approved_product_num: c.registrations.filter((r) => r.state === REG.APPROVED || r.state === REG.LIVE).length };
  } else {
    out.campaign_start_time = timeJson(c.campaignStart, wire);
    out.campaign_end_time = timeJson(c.campaignEnd, wire);
    out.commission_rate = rate;
    out.registered_product_cnt = c.registrations.length;
  }
  // Local-agency campaigns do not say their scope in the list; the Local agency tab is what tells.
  if (detail || c.scope !== 'local') out.campaign_scope = SCOPE_CODE[c.scope];
  if (c.partner) out.partner_info = { partner_id: c.partner.partnerId, partner_name: c.partner.name, avatar: { url_list: [c.partner.avatar] }, is_local: c.partner.local };
  if (c.source === 'seller') out.joined_partner_cnt = c.joinedPartners ?? 0;
  if (detail) {
    out.message = c.message;
    if (c.partner) out.contact_info = { ...c.partner.contact };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Fault mode

/** What `cl_fault=shape` breaks: on a list page, records 1 and 3; on a registered-products page, records 0 and 2; a detail loses its name. */
export const CAMPAIGN_FAULTS = { searchRecords: [1, 3], registeredRecords: [0, 2] } as const;

/** Broken campaign records on a search page of `size` records (the fault needs at least that many). */
export const brokenSearchRecords = (size: number) => CAMPAIGN_FAULTS.searchRecords.filter((i) => i < size).length;
export const brokenRegisteredRecords = (size: number) => CAMPAIGN_FAULTS.registeredRecords.filter((i) => i < size).length;

// ---------------------------------------------------------------------------------------------------------------
// API

function registrationJson(r: SimRegistration, shop: SimShop, campaignId: string, productTitle: (id: string) => string, wire: Wire): Record<string, unknown> {
  const rate = (bps: number) => (r.wire.rateAsString ? String(bps) : bps);
  const percent = (bps: number) => (bps / 100).toFixed(2);
  const rates = wire.has('partner-campaigns.partner-names')
    ? { total_commission_percent: percent(r.totalBps), creator_commission_percent: percent(r.creatorBps), partner_commission_percent: percent(r.partnerBps) }
    : { total_commission_rate: rate(r.totalBps), creator_commission_rate: rate(r.creatorBps), partner_commission_rate: rate(r.partnerBps) };
  const out: Record<string, unknown> = {
    campaign_id: campaignId,
    product_id: r.productId,
    product_name: productTitle(r.productId),
    main_image: { url_list: [shop.products.find((p) => p.productId === r.productId)?.image ?? ''] },
    category: categoryOf(shop.products.find((p) => p.productId === r.productId)?.category ?? '', shop.region),
    status: wire.has('partner-campaigns.numeric-status') ? r.state : REG_NAME[r.state],
    ...rates,
    sample_quantity: r.sampleQuantity,
    register_time: timeJson(r.registeredAt, wire),
    contact_info: r.contact.whatsapp ? { email: r.contact.email, whatsapp: r.contact.whatsapp } : { email: r.contact.email },
  };
  if (r.canReRegister !== undefined) out.can_re_register = r.canReRegister;
  if (r.rejectReasons) {
    out.reject_reasons = r.rejectReasons;
    out.reject_reason_text = r.rejectText;
  }
  return out;
}

export function registeredFor(c: SimCampaign, statusTab: number): SimRegistration[] {
  const tab = STATUS_TABS.find((t) => t.code === statusTab);
  return tab ? c.registrations.filter((r) => tab.states.includes(r.state)) : [];
}

/** The answer's envelope: `message` and `msg` by default, `msg` alone under `partner-campaigns.msg`. */
function answer(wire: Wire, body: Record<string, unknown>): ApiResponse {
  const messages = wire.has('partner-campaigns.msg') ? { msg: 'success' } : { message: 'success', msg: 'success' };
  return { status: 200, json: { code: CODE_OK, ...messages, ...body } };
}

/** `fields` under `data`, or at the top level under `partner-campaigns.list-top-level`. */
const placed = (wire: Wire, fields: Record<string, unknown>) => (wire.has('partner-campaigns.list-top-level') ? fields : { data: fields });

function campaignApi(world: World, req: ApiRequest): ApiResponse | undefined {
  const path = req.url.pathname;
  if (path !== CAMPAIGN_SEARCH_PATH && path !== CAMPAIGN_DETAIL_PATH && path !== CAMPAIGN_REGISTERED_PATH) return undefined;
  if (req.method !== 'POST') return methodNotAllowed();
  const shop = resolveShop(world, req.url);
  if (!shop) return invalid();
  const data = shopCampaigns(world, shop);
  const now = req.now ?? Date.now();
  const fault = req.url.searchParams.get('cl_fault') === 'shape';
  const asked = wireVariants(req);
  const wire: Wire = { has: (v) => asked.has(v) };

  if (path === CAMPAIGN_SEARCH_PATH) {
    const body = parseSearchBody(req.body);
    if (!body) return invalid();
    const all = listCampaigns(data, body);
    const slice = all.slice((body.page - 1) * body.pageSize, body.page * body.pageSize);
    const list = slice.map((c) => campaignJson(shop, c, now, false, wire));
    if (fault) {
      const [a, b] = CAMPAIGN_FAULTS.searchRecords;
      if (list[a]) list[a].commission_rate = { value: `${Number(list[a].commission_rate) / 100}%` };
      if (list[b]) delete list[b].campaign_id;
    }
    const hasMore = body.page * body.pageSize < all.length;
    if (wire.has('partner-campaigns.list-top-level')) return answer(wire, { campaign_list: list, total: all.length, has_more: hasMore });
    if (wire.has('partner-campaigns.list-campaign-list')) return answer(wire, { data: { campaign_list: list, total: all.length, has_more: hasMore } });
    return answer(wire, { data: { campaign: list, total_num: all.length, has_more: hasMore } });
  }

  const o = jsonObjectBody(req.body);
  const campaign = typeof o?.campaign_id === 'string' ? data.campaigns.find((c) => c.campaignId === o.campaign_id) : undefined;
  if (!o || !campaign) return invalid();
  if (path === CAMPAIGN_DETAIL_PATH) {
    const json = campaignJson(shop, campaign, now, true, wire);
    if (fault) delete json.name;
    return answer(wire, placed(wire, { campaign: json }));
  }
  const statusTab = o.status_tab ?? 0;
  const page = o.cur_page ?? 1;
  const size = o.page_size ?? REGISTERED_PAGE_SIZE;
  if (typeof statusTab !== 'number' || !STATUS_TABS.some((t) => t.code === statusTab)) return invalid();
  if (typeof page !== 'number' || !Number.isInteger(page) || page < 1 || typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > 50) return invalid();
  const all = registeredFor(campaign, statusTab);
  const title = (id: string) => shop.products.find((p) => p.productId === id)?.title ?? '';
  const list = all.slice((page - 1) * size, page * size).map((r) => registrationJson(r, shop, campaign.campaignId, title, wire));
  if (fault) {
    const [a, b] = CAMPAIGN_FAULTS.registeredRecords;
    if (list[a]) list[a].status = { code: list[a].status };
    if (list[b]) list[b].sample_quantity = 'lots';
  }
  return answer(wire, placed(wire, { campaign_id: campaign.campaignId, product_list: list, total: all.length, has_more: page * size < all.length }));
}

export interface PartnerCampaignsBoot {
  pageSize: number;
  registeredPageSize: number;
  statusTabs: { code: number; label: string }[];
}

export const partnerCampaigns: SimSurface = {
  route: 'partner-campaigns',
  nav: { label: 'Partner campaigns', group: 'Collaborations', icon: '◈' },
  paths: { legacy: '/product/partner-campaign/partner-collabs', migrated: '/affiliate/partner/marketplace' },
  client: 'partner-campaigns.js',
  api: campaignApi,
  variants: CAMPAIGN_VARIANTS,
  boot: (): PartnerCampaignsBoot => ({
    pageSize: CAMPAIGN_PAGE_SIZE,
    registeredPageSize: REGISTERED_PAGE_SIZE,
    statusTabs: STATUS_TABS.map((t) => ({ code: t.code, label: t.label })),
  }),
  css: `
.pc-tabs,.pc-subtabs{display:flex;gap:24px;padding:0 20px;border-bottom:1px solid #e5e6eb}
.pc-subtabs{gap:8px;padding:12px 20px;border-bottom:0}
.pc-tabs [role=tab]{background:none;border:0;padding:14px 0 12px;color:#4e5969;border-bottom:2px solid transparent;margin-bottom:-1px}
.pc-tabs [role=tab][aria-selected=true]{color:#fe2c55;border-bottom-color:#fe2c55;font-weight:600}
.pc-subtabs [role=tab]{border:1px solid #e5e6eb;background:#fff;border-radius:14px;padding:3px 12px;color:#4e5969}
.pc-subtabs [role=tab][aria-selected=true]{border-color:#fe2c55;color:#fe2c55;background:#fff0f3}
.pc-name{font-weight:600;overflow-wrap:anywhere}
.pc-partner{color:#86909c;font-size:12px}
.pc-closing{color:#f53f3f;font-weight:600;font-size:12px}
.pc-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:14px;padding:4px 20px 8px}
.pc-card{border:1px solid #e5e6eb;border-radius:8px;padding:14px 16px;display:grid;gap:6px}
.pc-card h3{margin:0;font-size:15px;overflow-wrap:anywhere}
.pc-card dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:2px 10px;font-size:12px;color:#4e5969}
.pc-card dt{color:#86909c}
.pc-detail{padding:18px 20px;display:grid;gap:12px}
.pc-detail dl{display:grid;grid-template-columns:200px 1fr;gap:6px 16px;margin:0}
.pc-detail dt{color:#86909c}
.pc-back{color:#fe2c55}
.pc-reg-list{display:grid;gap:10px;padding:4px 20px 8px}
.pc-reg{display:flex;gap:12px;align-items:flex-start;border:1px solid #e5e6eb;border-radius:8px;padding:12px 14px}
.pc-reg__body{flex:1;min-width:0;display:grid;gap:2px}
.pc-reg__meta{font-size:12px;color:#4e5969}
.pc-reason{font-size:12px;color:#cb2634}
.pc-contact-cell{overflow-wrap:anywhere}
`,
};
