import { Dexie } from 'dexie';
import type { AppDB } from '../db/app-db';
import { currencyOfRegion, regionOfShopKey } from '../domain/currency';
import type { Money } from '../domain/money';
import { channelOf, lineGmv, type Channel } from '../domain/order-line';
import { SENT_STATUSES, type SampleStatus } from '../domain/sample-status';
import { lineCommission } from '../domain/settlement';
import type {
  Creator,
  ImportRecord,
  InvitationCreatorState,
  OrderSku,
  SampleContent,
  Snapshot,
  SourceRef,
  Transition,
} from '../domain/types';
import type { Locale } from '../i18n';
import { RULE_CATALOGUE as RULES } from '../rules/catalogue';
import { findingViews, type FindingView } from '../rules/view';
import type { CreatorMarks, CreatorRow } from './model';
import { commissionOf, gmvOf, ordersOf, refundsOf, skuOrdersOf } from './terms';

/**
 * One creator's page, for one shop: the history of their public figures from the stored snapshots, this shop's samples
 * to them and what each produced, their affiliate orders by channel, the shop's invitations to them and their answers,
 * their figures per period (the creators view's rows) and the seller's marks. Read in one transaction, so the page never
 * mixes two states of the model.
 */

/** The figures the page charts. */
export const HISTORY_FIGURES = ['followers', 'gmv', 'views', 'fulfilment'] as const;
export type HistoryFigure = (typeof HISTORY_FIGURES)[number];

/**
 * Where a series' points come from: `seen`, the figure as a page showed it each time it changed (entity `creator`
 * snapshots: followers now, GMV and views over the page's own window, the 90-day fulfilment rate); `trend`, the daily
 * points of Creator detail's trend charts (entity `creatorTrend`, each point dated by the day it covers).
 */
export type HistoryKind = 'seen' | 'trend';

export interface HistoryPoint {
  /** The time the value is for: when it was seen (`seen`), or the start of the day it covers (`trend`). */
  at: number;
  value: number;
  seenAt: number;
  page: string;
}

export interface HistorySeries {
  figure: HistoryFigure;
  kind: HistoryKind;
  /** The stored field the points are read from (`followers`, `avgVideoViews`, `videoViews`…). */
  field: string;
  /** A trend block's own filter, where it names one. */
  series?: string;
  /** Money series: every point is in this currency (points in another are left out). */
  currency?: string;
  points: HistoryPoint[];
}

/** Which stored field feeds which figure, per kind of series. */
const FIELDS: Record<HistoryKind, Record<HistoryFigure, readonly string[]>> = {
  seen: { followers: ['followers'], gmv: ['gmv'], views: ['avgVideoViews', 'medianVideoViews'], fulfilment: ['fulfillmentBps'] },
  trend: { followers: ['followers'], gmv: ['gmv'], views: ['videoViews', 'allVideoViews'], fulfilment: [] },
};

export interface OrderTotals {
  /** SKU orders (order lines) and orders (distinct order ids). */
  skuOrders: number;
  orders: number;
  /** GMV, commission and refunds of the lines, as the creators view counts them (lib/creators/terms.ts). */
  gmv?: Money;
  commission?: Money;
  refunds?: Money;
}

export interface SampleOutcome {
  applyId: string;
  productId: string;
  productTitle?: string;
  status: SampleStatus;
  statusRaw: string;
  /** Whether the sample went out (shipped, or further). */
  sent: boolean;
  appliedAt?: number;
  firstSeenAt: number;
  lastSeenAt: number;
  source: SourceRef;
  /** Content posted for it (`sample/performance`). */
  content: { videos: number; lives: number; views?: number; lastPostedAt?: number };
  /** The creator's orders of the sample's product from the time it was requested on. */
  after: OrderTotals;
}

export interface ChannelFigures extends OrderTotals {
  channel: Channel;
}

/** An imported creator analysis export's channel split of the creator's GMV, for its period. */
export interface ImportedChannels {
  importId: string;
  fileName?: string;
  period: { start: number; end: number };
  video?: Money;
  live?: Money;
  showcase?: Money;
  orders?: number;
  commission?: Money;
}

export interface InvitationAnswer {
  invitationId: string;
  name?: string;
  startAt?: number;
  endAt?: number;
  state?: InvitationCreatorState;
  accepted: boolean;
  statusRaw: string;
  productsAdded?: number;
  contentPosted?: number;
  lastSeenAt: number;
  /** Each answer as it was first seen, oldest first. */
  changes: { to: string; seenAt: number }[];
}

export interface CreatorDetail {
  shopKey: string;
  handle: string;
  /** The creator is in the model (seen on a page, or matched by an import). */
  known: boolean;
  nickname?: string;
  firstSeenAt?: number;
  lastSeenAt?: number;
  /** The shop's currency: money of the orders in another is left out and counted in `otherCurrency`. */
  currency?: string;
  history: HistorySeries[];
  samples: SampleOutcome[];
  channels: ChannelFigures[];
  otherCurrency: number;
  imported: ImportedChannels[];
  invitations: InvitationAnswer[];
  /** The creator's rows of the creators view, one per period built. */
  periods: CreatorRow[];
  marks?: CreatorMarks;
}

const byTime = (a: { at: number; seenAt: number }, b: { at: number; seenAt: number }) => a.at - b.at || a.seenAt - b.seenAt;

function snapshotsOf(db: AppDB, entity: string, key: string): Promise<Snapshot[]> {
  return db.snapshots.where('[entity+key+seenAt]').between([entity, key, Dexie.minKey], [entity, key, Dexie.maxKey]).toArray();
}

/** A stored value as a number for a chart: a count or rate as is, money in minor units when in `currency`. */
function numberOf(value: unknown, currency: string | undefined): { value: number; currency?: string } | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return { value };
  if (value && typeof value === 'object' && 'minor' in value && 'currency' in value) {
    const m = value as Money;
    if (currency !== undefined && m.currency !== currency) return undefined;
    return { value: m.minor, currency: m.currency };
  }
  return undefined;
}

/** The series of the creator's snapshots: one per figure, kind, field (and trend filter) that has any point. */
export function historyOf(seen: readonly Snapshot[], trend: readonly Snapshot[], currency: string | undefined): HistorySeries[] {
  const out: HistorySeries[] = [];
  for (const figure of HISTORY_FIGURES) {
    for (const [kind, snapshots] of [['seen', seen], ['trend', trend]] as const) {
      for (const field of FIELDS[kind][figure]) {
        const bySeries = new Map<string | undefined, HistorySeries>();
        for (const s of snapshots) {
          const n = numberOf(s.values[field], currency);
          if (!n) continue;
          const series = kind === 'trend' && typeof s.values.series === 'string' ? s.values.series : undefined;
          let line = bySeries.get(series);
          if (!line) {
            line = { figure, kind, field, ...(series === undefined ? {} : { series }), ...(n.currency === undefined ? {} : { currency: n.currency }), points: [] };
            bySeries.set(series, line);
          }
          line.points.push({ at: kind === 'trend' ? s.at : s.seenAt, value: n.value, seenAt: s.seenAt, page: s.source.page });
        }
        for (const line of bySeries.values()) out.push({ ...line, points: line.points.sort(byTime) });
      }
    }
  }
  return out;
}

/** Sums of order lines in `currency` (none without lines: nothing seen is not zero). */
export function totalsOf(lines: readonly OrderSku[], currency: string | undefined): OrderTotals {
  const totals = { skuOrders: skuOrdersOf(lines), orders: ordersOf(lines) };
  if (!lines.length || currency === undefined) return totals;
  return { ...totals, gmv: gmvOf(lines, currency).amount, commission: commissionOf(lines, currency).amount, refunds: refundsOf(lines, currency).amount };
}

/** Whether a line carries an amount in another currency than the shop's (it is left out of the sums, and counted). */
function foreign(line: OrderSku, currency: string | undefined): boolean {
  return [lineGmv(line, 'estimated')?.amount, lineCommission(line)?.amount].some((m) => m !== undefined && m.currency !== currency);
}

function contentOf(posts: readonly SampleContent[]): SampleOutcome['content'] {
  const views = posts.filter((p) => p.views !== undefined);
  const posted = posts.flatMap((p) => (p.postedAt === undefined ? [] : [p.postedAt]));
  return {
    videos: posts.filter((p) => p.format === 'VIDEO').length,
    lives: posts.filter((p) => p.format === 'LIVE').length,
    ...(views.length ? { views: views.reduce((n, p) => n + (p.views ?? 0), 0) } : {}),
    ...(posted.length ? { lastPostedAt: Math.max(...posted) } : {}),
  };
}

export async function readCreatorDetail(db: AppDB, shopKey: string, handle: string): Promise<CreatorDetail> {
  const tables = [
    db.shops,
    db.creators,
    db.snapshots,
    db.sampleRequests,
    db.sampleContents,
    db.products,
    db.orderSkus,
    db.creatorPerformance,
    db.imports,
    db.invitationCreators,
    db.invitations,
    db.transitions,
    db.creatorRows,
    db.creatorMarks,
  ];
  return db.transaction('r', tables, async () => {
    const [shop, creator, seen, trend, requests, contents, lines, performance, answers, periods, marks] = await Promise.all([
      db.shops.get(shopKey),
      db.creators.get(handle),
      snapshotsOf(db, 'creator', handle),
      snapshotsOf(db, 'creatorTrend', handle),
      db.sampleRequests.where('[shopKey+creatorHandle]').equals([shopKey, handle]).toArray(),
      db.sampleContents.where('[shopKey+creatorHandle]').equals([shopKey, handle]).toArray(),
      db.orderSkus.where('creatorHandle').equals(handle).filter((l) => l.shopKey === shopKey).toArray(),
      db.creatorPerformance.where('handle').equals(handle).filter((p) => p.shopKey === shopKey).toArray(),
      db.invitationCreators.where('handle').equals(handle).filter((i) => i.shopKey === shopKey).toArray(),
      db.creatorRows.where('handle').equals(handle).filter((r) => r.shopKey === shopKey).toArray(),
      db.creatorMarks.get(handle),
    ]);
    const currency = currencyOfRegion(shop?.region ?? regionOfShopKey(shopKey));
    const products = await db.products.bulkGet([...new Set(requests.map((r) => r.productId))]);
    const titles = new Map(products.flatMap((p) => (p ? [[p.productId, p.title] as const] : [])));
    const [invitations, changes, imports] = await Promise.all([
      db.invitations.bulkGet(answers.map((a) => a.invitationId)),
      db.transitions.where('[entity+key]').anyOf(answers.map((a) => ['invitationCreator', `${a.invitationId}|${handle}`])).toArray(),
      db.imports.bulkGet([...new Set(performance.map((p) => p.importId))]),
    ]);
    const inShopCurrency = lines.filter((l) => !foreign(l, currency));

    return {
      shopKey,
      handle,
      known: creator !== undefined || performance.length > 0,
      ...nameOf(creator, performance),
      ...(currency === undefined ? {} : { currency }),
      history: historyOf(seen, trend, currency),
      samples: requests
        .map((r): SampleOutcome => {
          const from = r.appliedAt ?? r.firstSeenAt;
          const posts = contents.filter((c) => (c.applyId === undefined ? c.productId === r.productId : c.applyId === r.applyId));
          return {
            applyId: r.applyId,
            productId: r.productId,
            ...(titles.has(r.productId) ? { productTitle: titles.get(r.productId) } : {}),
            status: r.status,
            statusRaw: r.statusRaw,
            sent: SENT_STATUSES.has(r.status),
            ...(r.appliedAt === undefined ? {} : { appliedAt: r.appliedAt }),
            firstSeenAt: r.firstSeenAt,
            lastSeenAt: r.lastSeenAt,
            source: r.source,
            content: contentOf(posts),
            after: totalsOf(
              inShopCurrency.filter((l) => l.productId === r.productId && l.createdAt >= from),
              currency,
            ),
          };
        })
        .sort((a, b) => (b.appliedAt ?? b.firstSeenAt) - (a.appliedAt ?? a.firstSeenAt)),
      channels: channelsOf(inShopCurrency, currency),
      otherCurrency: lines.length - inShopCurrency.length,
      imported: performance
        .map((p): ImportedChannels => ({
          importId: p.importId,
          ...fileOf(imports.find((x) => x?.id === p.importId)),
          period: p.period,
          ...(p.videoGmv ? { video: p.videoGmv } : {}),
          ...(p.liveGmv ? { live: p.liveGmv } : {}),
          ...(p.productCardGmv ? { showcase: p.productCardGmv } : {}),
          ...(p.orders === undefined ? {} : { orders: p.orders }),
          ...(p.estCommission ? { commission: p.estCommission } : {}),
        }))
        .sort((a, b) => b.period.end - a.period.end),
      invitations: answers
        .map((a, i): InvitationAnswer => {
          const inv = invitations[i];
          const key = `${a.invitationId}|${handle}`;
          return {
            invitationId: a.invitationId,
            ...(inv ? { name: inv.name } : {}),
            ...(inv?.startAt === undefined ? {} : { startAt: inv.startAt }),
            ...(inv?.endAt === undefined ? {} : { endAt: inv.endAt }),
            ...(a.state === undefined ? {} : { state: a.state }),
            accepted: a.accepted === 1,
            statusRaw: a.statusRaw,
            ...(a.productsAdded === undefined ? {} : { productsAdded: a.productsAdded }),
            ...(a.contentPosted === undefined ? {} : { contentPosted: a.contentPosted }),
            lastSeenAt: a.lastSeenAt,
            changes: changes
              .filter((t: Transition) => t.key === key)
              .sort((x, y) => x.seenAt - y.seenAt)
              .map((t) => ({ to: t.to, seenAt: t.seenAt })),
          };
        })
        .sort((a, b) => (b.startAt ?? b.lastSeenAt) - (a.startAt ?? a.lastSeenAt)),
      periods,
      ...(marks ? { marks } : {}),
    };
  });
}

const fileOf = (record: ImportRecord | undefined) => (record ? { fileName: record.fileName } : {});

function nameOf(creator: Creator | undefined, performance: readonly { name?: string }[]): Pick<CreatorDetail, 'nickname' | 'firstSeenAt' | 'lastSeenAt'> {
  const nickname = creator?.nickname ?? performance.find((p) => p.name !== undefined)?.name;
  return {
    ...(nickname === undefined ? {} : { nickname }),
    ...(creator ? { firstSeenAt: creator.firstSeenAt, lastSeenAt: creator.lastSeenAt } : {}),
  };
}

function channelsOf(lines: readonly OrderSku[], currency: string | undefined): ChannelFigures[] {
  const byChannel = new Map<Channel, OrderSku[]>();
  for (const l of lines) byChannel.set(channelOf(l), [...(byChannel.get(channelOf(l)) ?? []), l]);
  return (['video', 'live', 'showcase', 'other', 'unknown'] as const).flatMap((channel) => {
    const mine = byChannel.get(channel);
    return mine ? [{ channel, ...totalsOf(mine, currency) }] : [];
  });
}

/**
 * The rule engine's findings about the creator in this shop: those about the creator, and those about this shop's
 * sample requests from them, most urgent first.
 */
export async function creatorFindings(db: AppDB, shopKey: string, handle: string, locale: Locale, now: number): Promise<FindingView[]> {
  const applyIds = new Set((await db.sampleRequests.where('[shopKey+creatorHandle]').equals([shopKey, handle]).primaryKeys()) as string[]);
  const [about, requests] = await Promise.all([
    db.findings.where('[shopKey+subject]').equals([shopKey, 'creator']).filter((f) => f.subjectKey === handle).toArray(),
    applyIds.size ? db.findings.where('[shopKey+subject]').equals([shopKey, 'sampleRequest']).filter((f) => applyIds.has(f.subjectKey)).toArray() : [],
  ]);
  return findingViews(db, RULES, [...about, ...requests], locale, now);
}
