/**
 * Insights: transaction, sample and creator-outreach analysis (research/domain.md §2.2, §3.1).
 *
 *   legacy   /insights/transaction-analysis, /insights/sample-analysis, /insights/creator-outreach
 *   migrated /affiliate/insights/…?route_migration=1   (domain.md saw the same paths on both generations; the simulator
 *            needs migrated paths under /affiliate, so these are our assumption [L])
 *   POST /api/v1/oec/affiliate/compass/{transaction|sample|outreach}/overview/get   body {date_type: 1 | 2 | 3}
 *
 * The paths are known up to the `overview` segment; the shapes are [unknown] (research real-shapes.md §6: no public
 * evidence). The default is our best guess: `data.period{start_time, end_time, date_type}` and
 * `data.core_stats{<metric>: {value, change_rate}}`; each page's wire variants (`insightVariants`) put them at the top
 * level, or send `msg` instead of `message`. Counts as numbers or numeric strings,
 * money as `{amount, currency}` or `{value, symbol}`, rates as percent strings or fractions. The figures are drawn per
 * shop and module from `seededRandom(world.seed, 'insights:' + sellerId + ':' + module)`; the period ends at the end of
 * the day before the request (UTC). `cl_fault=shape` breaks one metric, which makes the whole response unreadable.
 * The client is `client/insights.js` (one script, three routes).
 */
import { CODE_OK, invalid, jsonObjectBody, methodNotAllowed, wireVariants, type ApiRequest, type ApiResponse, type SimSurface } from '../surface';
import { resolveShop, seededRandom, type SimShop, type World } from '../world';

export type InsightModule = 'transaction' | 'sample' | 'outreach';
export const INSIGHT_MODULES: readonly InsightModule[] = ['transaction', 'sample', 'outreach'];

export const compassPath = (module: InsightModule) => `/api/v1/oec/affiliate/compass/${module}/overview/get`;

const DAY = 86_400_000;

/** `date_type` codes (our reading [L]) and their windows. */
export const DATE_TYPES: readonly { code: 1 | 2 | 3; days: number; label: string }[] = [
  { code: 1, days: 7, label: 'Last 7 days' },
  { code: 2, days: 28, label: 'Last 28 days' },
  { code: 3, days: 90, label: 'Last 90 days' },
];
export const DEFAULT_DATE_TYPE = 2;

/** Money in major units of the shop currency; counts; rates in bps. */
export interface Figure {
  key: string;
  label: string;
  kind: 'money' | 'count' | 'rate';
  value: number;
}

const SCALE: Record<string, number> = { USD: 1, GBP: 0.8, IDR: 15_000, MYR: 4.5 };
const round2 = (n: number) => Math.round(n * 100) / 100;

/** The figures a module shows for a window; deterministic per world, shop, module and window. */
export function insightFigures(world: World, shop: SimShop, module: InsightModule, dateType: number): Figure[] {
  const base = seededRandom(world.seed, `insights:${shop.sellerId}:${module}`);
  const noise = seededRandom(world.seed, `insights:${shop.sellerId}:${module}:${dateType}`);
  const days = DATE_TYPES.find((d) => d.code === dateType)?.days ?? 28;
  const scale = SCALE[shop.currency] ?? 1;
  const jitter = () => 0.9 + noise() * 0.2;
  const money = (n: number) => (shop.currency === 'IDR' ? Math.round(n) : round2(n));
  if (module === 'transaction') {
    const dailyGmv = (600 + base() * 2400) * scale;
    const aov = (18 + base() * 30) * scale;
    const gmv = money(dailyGmv * days * jitter());
    const orders = Math.max(1, Math.round(gmv / aov));
    return [
      { key: 'gmv', label: 'Affiliate GMV', kind: 'money', value: gmv },
      { key: 'order_cnt', label: 'Orders', kind: 'count', value: orders },
      { key: 'items_sold', label: 'Items sold', kind: 'count', value: Math.round(orders * (1.1 + base() * 0.4)) },
      { key: 'creator_cnt', label: 'Creators with sales', kind: 'count', value: Math.round((8 + base() * 20) * Math.sqrt(days) * jitter()) },
      { key: 'video_cnt', label: 'Videos', kind: 'count', value: Math.round((4 + base() * 12) * days * jitter()) },
      { key: 'live_cnt', label: 'LIVE streams', kind: 'count', value: Math.round((0.2 + base()) * days * jitter()) },
      { key: 'est_commission', label: 'Est. commission', kind: 'money', value: money(gmv * (0.1 + base() * 0.08)) },
      { key: 'aov', label: 'Avg. order value', kind: 'money', value: money(gmv / orders) },
    ];
  }
  if (module === 'sample') {
    const requested = Math.round((5 + base() * 15) * days * jitter());
    const approved = Math.round(requested * (0.5 + base() * 0.3));
    const shipped = Math.round(approved * (0.85 + base() * 0.1));
    const content = Math.round(shipped * (0.35 + base() * 0.3));
    return [
      { key: 'apply_cnt', label: 'Samples requested', kind: 'count', value: requested },
      { key: 'approve_cnt', label: 'Samples approved', kind: 'count', value: approved },
      { key: 'ship_cnt', label: 'Samples shipped', kind: 'count', value: shipped },
      { key: 'content_cnt', label: 'Samples with content', kind: 'count', value: content },
      { key: 'approve_rate', label: 'Approval rate', kind: 'rate', value: requested ? Math.round((approved / requested) * 10_000) : 0 },
      { key: 'content_rate', label: 'Content rate', kind: 'rate', value: shipped ? Math.round((content / shipped) * 10_000) : 0 },
      { key: 'video_cnt', label: 'Sample videos', kind: 'count', value: Math.round(content * (1.1 + base() * 0.6)) },
      { key: 'sample_gmv', label: 'GMV from samples', kind: 'money', value: money(content * (40 + base() * 120) * scale) },
    ];
  }
  const invitations = Math.max(1, Math.round((1 + base() * 3) * days * jitter()));
  const invited = Math.round(invitations * (8 + base() * 20));
  const accepted = Math.round(invited * (0.2 + base() * 0.25));
  const messages = Math.round(invited * (1.2 + base()));
  return [
    { key: 'invitation_cnt', label: 'Invitations sent', kind: 'count', value: invitations },
    { key: 'invited_creator_cnt', label: 'Creators invited', kind: 'count', value: invited },
    { key: 'accepted_creator_cnt', label: 'Creators accepted', kind: 'count', value: accepted },
    { key: 'posted_creator_cnt', label: 'Creators posted', kind: 'count', value: Math.round(accepted * (0.3 + base() * 0.3)) },
    { key: 'accept_rate', label: 'Acceptance rate', kind: 'rate', value: invited ? Math.round((accepted / invited) * 10_000) : 0 },
    { key: 'message_cnt', label: 'Messages sent', kind: 'count', value: messages },
    { key: 'reply_rate', label: 'Reply rate', kind: 'rate', value: Math.round((0.25 + base() * 0.4) * 10_000) },
    { key: 'gmv', label: 'GMV from outreach', kind: 'money', value: money(accepted * (30 + base() * 90) * scale) },
  ];
}

/** The window a request made at `now` covers: whole UTC days up to the end of yesterday. */
export function periodOf(now: number, dateType: number): { start: number; end: number } {
  const days = DATE_TYPES.find((d) => d.code === dateType)?.days ?? 28;
  const end = now - (now % DAY) - 1;
  return { start: end + 1 - days * DAY, end };
}

/** The metric `cl_fault=shape` breaks, per module: one per response, so the whole response is refused. */
export const INSIGHT_FAULTS: Readonly<Record<InsightModule, string>> = { transaction: 'order_cnt', sample: 'content_rate', outreach: 'accept_rate' };

function metricJson(shop: SimShop, f: Figure, i: number, change: number): unknown {
  const changeRate = (Math.round(change * 10_000) / 10_000).toFixed(4);
  const amount = shop.currency === 'IDR' ? `${f.value}.00` : f.value.toFixed(2);
  if (f.kind === 'money') {
    // Alternate the two money spellings: `{value: {amount, currency}}` and a bare `{value, symbol}`.
    return i % 2 === 0 ? { value: { amount, currency: shop.currency }, change_rate: changeRate } : { value: amount, symbol: shop.currency };
  }
  if (f.kind === 'rate') return i % 2 === 0 ? { value: `${(f.value / 100).toFixed(2)}%`, change_rate: changeRate } : { value: (f.value / 10_000).toFixed(4) };
  return { value: i % 3 === 0 ? String(f.value) : f.value, change_rate: changeRate };
}

/** The wire variants of one analysis page (`<route>.<form>`), each with the evidence it rests on. */
export function insightVariants(route: string): Record<string, string> {
  return {
    [`${route}.top-level`]: '[unknown] The period and figures at the top level beside code, as the affiliate orders endpoint sends orders[] (real-shapes.md §2).',
    [`${route}.msg`]: '[unknown] The partner side of the same backend sends msg instead of message (real-shapes.md §6).',
  };
}

function compassApi(module: InsightModule, route: string) {
  return (world: World, req: ApiRequest): ApiResponse | undefined => {
    if (req.url.pathname !== compassPath(module)) return undefined;
    if (req.method !== 'POST') return methodNotAllowed();
    const shop = resolveShop(world, req.url);
    const body = jsonObjectBody(req.body);
    const dateType = body?.date_type;
    if (!shop || typeof dateType !== 'number' || !DATE_TYPES.some((d) => d.code === dateType)) return invalid();
    const now = req.now ?? Date.now();
    const { start, end } = periodOf(now, dateType);
    const change = seededRandom(world.seed, `insights:${shop.sellerId}:${module}:${dateType}:change`);
    const stats: Record<string, unknown> = {};
    insightFigures(world, shop, module, dateType).forEach((f, i) => {
      stats[f.key] = metricJson(shop, f, i, change() * 0.6 - 0.3);
    });
    if (req.url.searchParams.get('cl_fault') === 'shape') {
      const key = INSIGHT_FAULTS[module];
      stats[key] = module === 'transaction' ? { value: 'many' } : module === 'sample' ? 'n/a' : 45;
    }
    const fields = { period: { start_time: String(start), end_time: String(end), date_type: dateType }, core_stats: stats, update_time: String(end + 1 + 6 * 3_600_000) };
    const v = wireVariants(req);
    const messages = v.has(`${route}.msg`) ? { msg: 'success' } : { message: 'success' };
    return { status: 200, json: { code: CODE_OK, ...messages, ...(v.has(`${route}.top-level`) ? fields : { data: fields }) } };
  };
}

export interface InsightsBoot {
  module: InsightModule;
  title: string;
  dateTypes: { code: number; label: string }[];
  defaultDateType: number;
  labels: Record<string, { label: string; kind: Figure['kind'] }>;
  pages: { route: string; title: string }[];
}

const PAGES: readonly { module: InsightModule; route: string; title: string; slug: string; icon: string }[] = [
  { module: 'transaction', route: 'insights-transaction', title: 'Transaction analysis', slug: 'transaction-analysis', icon: '◔' },
  { module: 'sample', route: 'insights-sample', title: 'Sample analysis', slug: 'sample-analysis', icon: '◑' },
  { module: 'outreach', route: 'insights-outreach', title: 'Creator outreach', slug: 'creator-outreach', icon: '◕' },
];

const CSS = `
.in-links{display:flex;gap:24px;padding:0 20px;border-bottom:1px solid #e5e6eb}
.in-links a{padding:14px 0 12px;color:#4e5969;border-bottom:2px solid transparent;margin-bottom:-1px}
.in-links a[aria-current=page]{color:#fe2c55;border-bottom-color:#fe2c55;font-weight:600}
.in-range{display:flex;gap:8px;padding:14px 20px}
.in-range [role=tab]{border:1px solid #e5e6eb;background:#fff;border-radius:4px;padding:4px 12px;color:#4e5969}
.in-range [role=tab][aria-selected=true]{border-color:#fe2c55;color:#fe2c55}
.in-period{color:#86909c;font-size:12px;padding:0 20px}
.in-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:14px;padding:14px 20px 20px}
.in-metric{border:1px solid #e5e6eb;border-radius:8px;padding:14px 16px}
.in-metric h3{margin:0 0 6px;font-size:13px;font-weight:500;color:#86909c}
.in-metric .in-value{font-size:22px;font-weight:600}
.in-change{font-size:12px;color:#00a870}
.in-change.down{color:#f53f3f}
.in-table{padding:0 20px 20px}
`;

export const insightSurfaces: readonly SimSurface[] = PAGES.map((p, i) => ({
  route: p.route,
  nav: { label: p.title, group: 'Data', icon: p.icon },
  paths: { legacy: `/insights/${p.slug}`, migrated: `/affiliate/insights/${p.slug}` },
  client: 'insights.js',
  api: compassApi(p.module, p.route),
  variants: insightVariants(p.route),
  boot: (world: World, shop: SimShop): InsightsBoot => ({
    module: p.module,
    title: p.title,
    dateTypes: DATE_TYPES.map((d) => ({ code: d.code, label: d.label })),
    defaultDateType: DEFAULT_DATE_TYPE,
    labels: Object.fromEntries(insightFigures(world, shop, p.module, DEFAULT_DATE_TYPE).map((f) => [f.key, { label: f.label, kind: f.kind }])),
    pages: PAGES.map((x) => ({ route: x.route, title: x.title })),
  }),
  ...(i === 0 ? { css: CSS } : {}),
}));
