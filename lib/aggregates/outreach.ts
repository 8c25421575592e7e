import { Dexie } from 'dexie';
import type { AppDB } from '../db/app-db';
import { currencyOfRegion, regionOfShopKey } from '../domain/currency';
import { CHANNELS, channelOf, lineGmv } from '../domain/order-line';
import { CONTENT_STATUSES, SENT_STATUSES } from '../domain/sample-status';
import type { Creator, Invitation, InvitationCreator, OrderSku, SampleContent, SampleRequest } from '../domain/types';
import { fnv1a52 } from '../ingest/hash';
import {
  TIERS,
  addFunnel,
  emptyFunnel,
  funnelRates,
  isoWeek,
  rateOf,
  tierOf,
  type ChannelFigures,
  type ChannelsAggregate,
  type Funnel,
  type InvitationAggregate,
  type MessageAggregate,
  type Tier,
  type TiersAggregate,
  type WeekAggregate,
} from './model';

/**
 * The outreach funnel of target invitations, per invitation and creator: invited → accepted (added the invitation's
 * products to their showcase) → sample requested → shipped → content posted → ordered. A creator counts at a stage when:
 *
 * - accepted: Affiliate Center says so (`accepted`, state ACCEPTED or POSTED, or products added);
 * - requested: they requested a sample of one of the invitation's products since the invitation started;
 * - shipped: such a request is in a status in which the sample was sent;
 * - posted: Affiliate Center counts content posted for the invitation, or such a request is completed, or Collab Lens
 *   saw a post of theirs for one of the products since the invitation started;
 * - ordered: an affiliate SKU order of theirs for one of the products was created since the invitation started.
 *
 * Each stage is counted as seen, not forced to be a subset of the one before. The invitation's start is its start time
 * as sent; without one, no time limit applies. A creator invited twice for the same product counts in both invitations.
 */

const MESSAGE_LIMIT = 1000;

/** The key and stored text of an invitation message: whitespace collapsed; `none` when there is no text. */
export function messageOf(message: string | undefined): { key: string; text: string } {
  const text = (message ?? '').replace(/\s+/g, ' ').trim().slice(0, MESSAGE_LIMIT);
  return text ? { key: fnv1a52(text), text } : { key: 'none', text: '' };
}

/** What one invitation's funnel is computed from. */
export interface InvitationInput {
  invitation: Invitation;
  creators: readonly InvitationCreator[];
  productIds: ReadonlySet<string>;
  requestsOf(handle: string): readonly SampleRequest[];
  contentsOf(handle: string): readonly SampleContent[];
  ordersOf(handle: string): readonly OrderSku[];
  followersOf(handle: string): number | undefined;
}

const emptyTiers = () => Object.fromEntries(TIERS.map((t) => [t, emptyFunnel()])) as Record<Tier, Funnel>;

/** Pure: one invitation's funnel, overall and per creator tier. */
export function invitationAggregate(input: InvitationInput): InvitationAggregate {
  const { invitation: inv, productIds } = input;
  const start = inv.startAt;
  const since = (t: number | undefined) => start === undefined || (t !== undefined && t >= start);
  const funnel = emptyFunnel();
  const tiers = emptyTiers();
  for (const ic of input.creators) {
    const requests = input.requestsOf(ic.handle).filter((r) => productIds.has(r.productId) && since(r.appliedAt ?? r.firstSeenAt));
    const orders = input.ordersOf(ic.handle).filter((o) => o.productId !== undefined && productIds.has(o.productId) && since(o.createdAt));
    const posted =
      ic.state === 'POSTED' ||
      (ic.contentPosted ?? 0) > 0 ||
      requests.some((r) => CONTENT_STATUSES.has(r.status)) ||
      input.contentsOf(ic.handle).some((c) => c.productId !== undefined && productIds.has(c.productId) && since(c.postedAt ?? c.firstSeenAt));
    const one: Funnel = {
      invited: 1,
      accepted: ic.accepted === 1 || ic.state === 'ACCEPTED' || ic.state === 'POSTED' || (ic.productsAdded ?? 0) > 0 ? 1 : 0,
      requested: requests.length ? 1 : 0,
      shipped: requests.some((r) => SENT_STATUSES.has(r.status)) ? 1 : 0,
      posted: posted ? 1 : 0,
      ordered: orders.length ? 1 : 0,
      skuOrders: orders.length,
    };
    addFunnel(funnel, one);
    addFunnel(tiers[tierOf(input.followersOf(ic.handle))], one);
  }
  const message = messageOf(inv.message);
  return {
    id: inv.id,
    name: inv.name,
    messageKey: message.key,
    message: message.text,
    week: isoWeek(inv.startAt ?? inv.firstSeenAt),
    ...(inv.startAt === undefined ? {} : { startAt: inv.startAt }),
    products: productIds.size,
    funnel,
    rates: funnelRates(funnel),
    tiers,
  };
}

/** Pure: the invitations of one week summed. */
export function weekAggregate(week: string, rows: readonly InvitationAggregate[]): WeekAggregate {
  const funnel = rows.reduce((f, r) => addFunnel(f, r.funnel), emptyFunnel());
  return { week, invitations: rows.length, funnel, rates: funnelRates(funnel) };
}

/** Pure: the invitations sent with one message summed. */
export function messageAggregate(messageKey: string, rows: readonly InvitationAggregate[]): MessageAggregate {
  const funnel = rows.reduce((f, r) => addFunnel(f, r.funnel), emptyFunnel());
  return { messageKey, text: rows[0]?.message ?? '', invitations: rows.length, funnel, rates: funnelRates(funnel) };
}

/** Pure: every invitation's tiers summed, with response (accepted ÷ invited) and posting (posted ÷ accepted) rates. */
export function tiersAggregate(rows: readonly InvitationAggregate[]): TiersAggregate {
  const sums = emptyTiers();
  for (const r of rows) for (const t of TIERS) addFunnel(sums[t], r.tiers[t]);
  const tiers = Object.fromEntries(
    TIERS.map((t) => [t, { funnel: sums[t], response: rateOf(sums[t].accepted, sums[t].invited), posting: rateOf(sums[t].posted, sums[t].accepted) }]),
  ) as TiersAggregate['tiers'];
  return { tiers };
}

/** Group rows by a key. */
export function groupBy<T>(rows: Iterable<T>, keyOf: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

const followersOf = (c: Creator | undefined) => c?.followerCount?.value ?? c?.metrics?.value.followers;

/**
 * The funnels of one shop's invitations: all of them (`ids` undefined) or those among `ids` (ids of other shops or of
 * invitations never seen are left out). Reads through indexes: the invitations' creators and products, then the
 * requests, posts, orders and profiles of those creators only.
 */
export async function invitationAggregates(db: AppDB, shopKey: string, ids?: readonly string[]): Promise<Map<string, InvitationAggregate>> {
  const invitations = ids
    ? (await db.invitations.bulkGet([...ids])).filter((i): i is Invitation => i !== undefined && i.shopKey === shopKey)
    : await db.invitations.where('shopKey').equals(shopKey).toArray();
  const out = new Map<string, InvitationAggregate>();
  if (!invitations.length) return out;
  const range = (id: string) => [
    [id, Dexie.minKey],
    [id, Dexie.maxKey],
  ] as const;
  const [creators, products] = ids
    ? await Promise.all([
        Promise.all(invitations.map((i) => db.invitationCreators.where('[invitationId+handle]').between(...range(i.id), true, true).toArray())).then((l) => l.flat()),
        Promise.all(invitations.map((i) => db.invitationProducts.where('[invitationId+productId]').between(...range(i.id), true, true).toArray())).then((l) => l.flat()),
      ])
    : await Promise.all([db.invitationCreators.where('shopKey').equals(shopKey).toArray(), db.invitationProducts.where('shopKey').equals(shopKey).toArray()]);
  const handles = [...new Set(creators.map((c) => c.handle))];
  const pairs = handles.map((h) => [shopKey, h]);
  const [requests, contents, orders, profiles] = handles.length
    ? await Promise.all([
        db.sampleRequests.where('[shopKey+creatorHandle]').anyOf(pairs).toArray(),
        db.sampleContents.where('[shopKey+creatorHandle]').anyOf(pairs).toArray(),
        db.orderSkus.where('creatorHandle').anyOf(handles).filter((o) => o.shopKey === shopKey).toArray(),
        db.creators.bulkGet(handles),
      ])
    : [[], [], [], []];
  const requestsBy = groupBy(requests, (r) => r.creatorHandle);
  const contentsBy = groupBy(contents, (c) => c.creatorHandle);
  const ordersBy = groupBy(orders, (o) => o.creatorHandle ?? '');
  const followers = new Map(handles.map((h, i) => [h, followersOf(profiles[i])]));
  const creatorsBy = groupBy(creators, (c) => c.invitationId);
  const productsBy = groupBy(products, (p) => p.invitationId);
  for (const invitation of invitations) {
    out.set(
      invitation.id,
      invitationAggregate({
        invitation,
        creators: (creatorsBy.get(invitation.id) ?? []).filter((c) => c.shopKey === shopKey),
        productIds: new Set((productsBy.get(invitation.id) ?? []).filter((p) => p.shopKey === shopKey).map((p) => p.productId)),
        requestsOf: (h) => requestsBy.get(h) ?? [],
        contentsOf: (h) => contentsBy.get(h) ?? [],
        ordersOf: (h) => ordersBy.get(h) ?? [],
        followersOf: (h) => followers.get(h),
      }),
    );
  }
  return out;
}

// ── Order channels ──────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A shop's affiliate order lines by the channel that sold them (video, LIVE, product card / showcase: the Affiliate
 * orders page's `promotion_position_type`, the export's Order Channel), per ISO week of the order's creation. Each
 * channel counts its lines (SKU orders) and its distinct orders, and its GMV (`lineGmv`): estimated as ordered, and
 * actual over the lines that are settled or whose actual amounts are final. A line without a price (the Affiliate
 * orders page sends none) counts its creator commission ÷ rate, and the figure says how many did.
 */

const emptyFigures = (): ChannelFigures => ({ skuOrders: 0, orders: 0, gmv: 0, gmvLines: 0, fromCommission: 0, actualGmv: 0, actualLines: 0 });

/** The currency a shop's order GMV is counted in: its region's, else the one most of its lines use. */
export function orderCurrency(shopKey: string, lines: readonly OrderSku[]): string | undefined {
  const regional = currencyOfRegion(regionOfShopKey(shopKey));
  if (regional) return regional;
  const counts = new Map<string, number>();
  for (const l of lines) {
    const c = lineGmv(l, 'estimated')?.amount.currency;
    if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/** Pure: one week's lines (at least one) by channel, GMV in `currency`. */
export function channelWeek(week: string, lines: readonly OrderSku[], currency: string | undefined): ChannelsAggregate {
  const channels = Object.fromEntries(CHANNELS.map((c) => [c, emptyFigures()])) as ChannelsAggregate['channels'];
  const orders = new Map<string, Set<string>>(CHANNELS.map((c) => [c, new Set()]));
  let otherCurrency = 0;
  for (const l of lines) {
    const channel = channelOf(l);
    const f = channels[channel];
    f.skuOrders += 1;
    orders.get(channel)?.add(l.orderId);
    const estimated = lineGmv(l, 'estimated');
    const actual = lineGmv(l, 'actual');
    if (estimated && estimated.amount.currency !== currency) {
      otherCurrency += 1;
      continue;
    }
    if (estimated) {
      f.gmv += estimated.amount.minor;
      f.gmvLines += 1;
      if (estimated.from === 'commission') f.fromCommission += 1;
    }
    if (actual && actual.amount.currency === currency) {
      f.actualGmv += actual.amount.minor;
      f.actualLines += 1;
    }
  }
  for (const c of CHANNELS) channels[c].orders = orders.get(c)?.size ?? 0;
  const times = lines.map((l) => l.createdAt);
  return {
    week,
    ...(currency === undefined ? {} : { currency }),
    channels,
    otherCurrency,
    imported: lines.filter((l) => l.source.endpoint.startsWith('import:')).length,
    from: Math.min(...times),
    to: Math.max(...times),
    seenAt: Math.max(...lines.map((l) => l.lastSeenAt)),
  };
}

/** Every week of a shop's order lines by channel, oldest first (one indexed read of the shop's lines). */
export async function channelWeeks(db: AppDB, shopKey: string): Promise<ChannelsAggregate[]> {
  const lines = await db.orderSkus.where('[shopKey+createdAt]').between([shopKey, Dexie.minKey], [shopKey, Dexie.maxKey], true, true).toArray();
  const currency = orderCurrency(shopKey, lines);
  return [...groupBy(lines, (l) => isoWeek(l.createdAt))].map(([week, list]) => channelWeek(week, list, currency)).sort((a, b) => a.from - b.from);
}

