import type { AppDB } from '../db/app-db';
import { metricOf } from '../domain/creator-metrics';
import { minorDigits, type Money } from '../domain/money';
import type { Campaign, Creator, Observed, OrderSku, Product, Registration, SampleRequest, SourceRef } from '../domain/types';

/**
 * CSV exports of the main tables, as header + rows of text. Money is exact decimal text from the minor units with its
 * currency in the next column, rates are percent text from basis points, times are ISO 8601 UTC. Free text (names,
 * titles, raw values from Affiliate Center) is guarded against spreadsheet formula injection.
 */
export interface CsvTable {
  header: string[];
  rows: string[][];
}

export const CSV_TABLES = ['creators', 'sampleRequests', 'orderSkus', 'campaigns', 'registrations'] as const;
export type CsvTableName = (typeof CSV_TABLES)[number];

/** The file name stem of each export. */
export const CSV_FILE: Record<CsvTableName, string> = {
  creators: 'creators',
  sampleRequests: 'sample-requests',
  orderSkus: 'orders',
  campaigns: 'campaigns',
  registrations: 'campaign-registrations',
};

/** A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, or a leading tab / carriage return) gets a `'`. */
export function text(value: string | undefined): string {
  if (value === undefined) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Minor units to exact decimal text in the currency's own number of decimals (`{minor: -5, USD}` → `-0.05`). */
export function moneyAmount(m: Money | undefined): string {
  if (!m) return '';
  const digits = minorDigits(m.currency);
  if (!Number.isSafeInteger(m.minor)) return String(m.minor / 10 ** digits);
  const abs = String(Math.abs(m.minor)).padStart(digits + 1, '0');
  const whole = abs.slice(0, abs.length - digits);
  const fraction = digits ? `.${abs.slice(abs.length - digits)}` : '';
  return `${m.minor < 0 ? '-' : ''}${whole}${fraction}`;
}

/** Basis points to percent text with two decimals (`6085` → `60.85%`); a fraction of a basis point is kept. */
export function percent(bps: number | undefined): string {
  if (bps === undefined) return '';
  if (!Number.isInteger(bps)) return `${Number((bps / 100).toFixed(6))}%`;
  const abs = Math.abs(bps);
  return `${bps < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}

export const isoTime = (ms: number | undefined): string => (ms === undefined ? '' : new Date(ms).toISOString());
const integer = (n: number | undefined): string => (n === undefined ? '' : String(n));
const yesNo = (b: boolean) => (b ? 'yes' : 'no');

type Column<T> = [header: string, cell: (row: T) => string];

/** Two columns for one amount: the decimal text and its currency. */
const money = <T>(header: string, get: (row: T) => Money | undefined): Column<T>[] => [
  [header, (r) => moneyAmount(get(r))],
  [`${header} currency`, (r) => get(r)?.currency ?? ''],
];

const provenance = <T extends { source: SourceRef; firstSeenAt: number; lastSeenAt: number }>(): Column<T>[] => [
  ['First seen', (r) => isoTime(r.firstSeenAt)],
  ['Last seen', (r) => isoTime(r.lastSeenAt)],
  ['Source', (r) => text(r.source.endpoint)],
  ['Source page', (r) => text(r.source.page)],
];

function tableOf<T>(columns: Column<T>[], rows: readonly T[]): CsvTable {
  return { header: columns.map(([h]) => h), rows: rows.map((r) => columns.map(([, cell]) => cell(r))) };
}

/** The newer of two observations of the same figure. */
function latest<T>(...observed: (Observed<T | undefined> | undefined)[]): Observed<T> | undefined {
  let best: Observed<T> | undefined;
  for (const o of observed) if (o && o.value !== undefined && (!best || o.seenAt > best.seenAt)) best = o as Observed<T>;
  return best;
}

/** Creators with their latest public metrics (the newer of a metrics snapshot and the sample list's figures). */
export function creatorsCsv(creators: readonly Creator[]): CsvTable {
  const m = (c: Creator) => c.metrics?.value;
  return tableOf<Creator>(
    [
      ['Handle', (c) => text(c.handle)],
      ['Nickname', (c) => text(c.nickname)],
      ['Region', (c) => text(c.region)],
      ['Followers', (c) => integer(latest(c.followerCount, metricOf(c, 'followers'))?.value)],
      ['Sample fulfilment rate', (c) => percent(latest(c.fulfillmentBps, metricOf(c, 'fulfillmentBps'))?.value)],
      ...money<Creator>('GMV', (c) => m(c)?.gmv),
      ['GMV range', (c) => text(m(c)?.gmvRange?.label)],
      // Pages show GMV over their own periods: which page showed it, and when, says which GMV it is.
      ['GMV seen', (c) => isoTime((metricOf(c, 'gmv') ?? metricOf(c, 'gmvRange'))?.seenAt)],
      ['GMV source', (c) => text((metricOf(c, 'gmv') ?? metricOf(c, 'gmvRange'))?.source.endpoint)],
      ...money<Creator>('Video GMV', (c) => m(c)?.videoGmv),
      ...money<Creator>('LIVE GMV', (c) => m(c)?.liveGmv),
      ['Units sold', (c) => integer(m(c)?.unitsSold)],
      ['Units sold range', (c) => text(m(c)?.unitsSoldRange?.label)],
      ['Avg. video views', (c) => integer(m(c)?.avgVideoViews)],
      ['Avg. LIVE viewers', (c) => integer(m(c)?.avgLiveViewers)],
      ...money<Creator>('Video GPM', (c) => m(c)?.videoGpm),
      ...money<Creator>('LIVE GPM', (c) => m(c)?.liveGpm),
      ['Engagement rate', (c) => percent(m(c)?.engagementBps)],
      ['Post rate', (c) => percent(m(c)?.postRateBps)],
      ['Avg. commission rate', (c) => percent(m(c)?.avgCommissionBps)],
      ['Videos', (c) => integer(m(c)?.videoCount)],
      ['LIVE streams', (c) => integer(m(c)?.liveCount)],
      ['Categories', (c) => text(c.categories?.join('; '))],
      ['Platform ids', (c) => text(c.aliases.join(' '))],
      ['Metrics seen', (c) => isoTime(c.metrics?.seenAt)],
      ['Metrics source', (c) => text(c.metrics?.source.endpoint)],
      ['First seen', (c) => isoTime(c.firstSeenAt)],
      ['Last seen', (c) => isoTime(c.lastSeenAt)],
    ],
    creators,
  );
}

const titleOf = (products: ReadonlyMap<string, Product>, id: string | undefined) => text(id === undefined ? undefined : products.get(id)?.title);

export function sampleRequestsCsv(requests: readonly SampleRequest[], products: ReadonlyMap<string, Product>): CsvTable {
  return tableOf<SampleRequest>(
    [
      ['Request ID', (r) => text(r.applyId)],
      ['Shop', (r) => text(r.shopKey)],
      ['Creator handle', (r) => text(r.creatorHandle)],
      ['Product ID', (r) => text(r.productId)],
      ['Product', (r) => titleOf(products, r.productId)],
      ['SKU ID', (r) => text(r.skuId)],
      ['Group ID', (r) => text(r.groupId)],
      ['Status', (r) => text(r.status)],
      ['Status as sent', (r) => text(r.statusRaw)],
      ['Status seen', (r) => isoTime(r.statusSeenAt)],
      ['Sample type', (r) => text(r.sampleType)],
      ['Commission rate', (r) => percent(r.commissionBps)],
      ['Requested', (r) => isoTime(r.appliedAt)],
      ['Deadline kind', (r) => text(r.deadline?.kind)],
      ['Deadline', (r) => isoTime(r.deadline?.at)],
      ['Refund goal (units)', (r) => integer(r.refundable?.goalUnits)],
      ['Units sold toward goal', (r) => integer(r.refundable?.soldUnits)],
      ['Refund window ends', (r) => isoTime(r.refundable?.windowEndAt)],
      ...money<SampleRequest>('Deposit', (r) => r.refundable?.deposit),
      ...provenance<SampleRequest>(),
    ],
    requests,
  );
}

/**
 * Affiliate orders, one row per line (what Affiliate Center counts as an SKU order). A line sent without a SKU id is
 * named by its position in the order; the agency (TAP partner) it came through, its rate and fees have their columns;
 * each rate says the form it was sent in (basis points, percent or fraction: see `RateForm`).
 */
export function orderSkusCsv(rows: readonly OrderSku[], products: ReadonlyMap<string, Product>): CsvTable {
  return tableOf<OrderSku>(
    [
      ['Order ID', (r) => text(r.orderId)],
      ['SKU ID', (r) => text(r.skuId)],
      ['Line', (r) => integer(r.line)],
      ['Shop', (r) => text(r.shopKey)],
      ['Created', (r) => isoTime(r.createdAt)],
      ['Product ID', (r) => text(r.productId)],
      ['Product', (r) => titleOf(products, r.productId) || text(r.productTitle)],
      ['Quantity', (r) => integer(r.quantity)],
      ...money<OrderSku>('Price', (r) => r.price),
      ['Creator handle', (r) => text(r.creatorHandle)],
      ['Content type', (r) => text(r.contentType)],
      ['Content type as sent', (r) => text(r.contentTypeRaw)],
      ['Content ID', (r) => text(r.contentId)],
      ['Collaboration type', (r) => text(r.collaboration?.kind)],
      ['Collaboration ID', (r) => text(r.collaboration?.id)],
      ['Commission rate', (r) => percent(r.commissionBps)],
      ['Commission rate form', (r) => text(r.rateForms?.commission)],
      ['Partner (agency) ID', (r) => text(r.partner?.id)],
      ['Partner (agency)', (r) => text(r.partner?.name)],
      ['Partner commission rate', (r) => percent(r.partnerCommissionBps)],
      ['Partner commission rate form', (r) => text(r.rateForms?.partner)],
      ['Ads commission rate', (r) => percent(r.adsCommissionBps)],
      ['Ads commission rate form', (r) => text(r.rateForms?.ads)],
      ...money<OrderSku>('Est. commission', (r) => r.estimatedCommission),
      ...money<OrderSku>('Actual commission', (r) => r.actualCommission),
      ...money<OrderSku>('Est. partner commission', (r) => r.estimatedPartnerCommission),
      ...money<OrderSku>('Actual partner commission', (r) => r.actualPartnerCommission),
      ...money<OrderSku>('Est. ads commission', (r) => r.estimatedAdsCommission),
      ...money<OrderSku>('Actual ads commission', (r) => r.actualAdsCommission),
      ['Settlement', (r) => text(r.settlement)],
      ['Settlement as sent', (r) => text(r.settlementRaw)],
      ['Refunded', (r) => yesNo(r.refunded === 1)],
      ...provenance<OrderSku>(),
    ],
    rows,
  );
}

export function campaignsCsv(campaigns: readonly Campaign[]): CsvTable {
  return tableOf<Campaign>(
    [
      ['Campaign ID', (c) => text(c.id)],
      ['Shop', (c) => text(c.shopKey)],
      ['Name', (c) => text(c.name)],
      ['Initiated by', (c) => text(c.kind)],
      ['Marketplace scope', (c) => text(c.scope)],
      ['Partner', (c) => text(c.partnerName)],
      ['Status', (c) => text(c.status)],
      // A numeric status code is kept as sent: nobody has published what the codes mean (real-shapes.md §6).
      ['Status as sent', (c) => text(c.statusRaw)],
      ['Registration starts', (c) => isoTime(c.registrationStartAt)],
      ['Registration ends', (c) => isoTime(c.registrationEndAt)],
      ['Campaign starts', (c) => isoTime(c.campaignStartAt)],
      ['Campaign ends', (c) => isoTime(c.campaignEndAt)],
      ['Commission requirement', (c) => percent(c.commissionRequirementBps)],
      ['Contact channels', (c) => text(c.contactChannels.join(' '))],
      ...provenance<Campaign>(),
    ],
    campaigns,
  );
}

export function registrationsCsv(
  registrations: readonly Registration[],
  campaigns: ReadonlyMap<string, Campaign>,
  products: ReadonlyMap<string, Product>,
): CsvTable {
  return tableOf<Registration>(
    [
      ['Campaign ID', (r) => text(r.campaignId)],
      ['Campaign', (r) => text(campaigns.get(r.campaignId)?.name)],
      ['Product ID', (r) => text(r.productId)],
      ['Product', (r) => titleOf(products, r.productId)],
      ['Shop', (r) => text(r.shopKey)],
      ['State', (r) => text(r.state)],
      ['State as sent', (r) => text(r.stateRaw)],
      ['Rejection reason', (r) => text(r.rejectReason)],
      ['Total commission rate', (r) => percent(r.totalCommissionBps)],
      ['Sample quantity', (r) => integer(r.sampleQuantity)],
      ['Contact channels', (r) => text(r.contactChannels.join(' '))],
      ...provenance<Registration>(),
    ],
    registrations,
  );
}

const byKey = <T, K extends keyof T>(rows: readonly T[], key: K) => new Map(rows.map((r) => [r[key] as string, r]));

/** Read what one export needs (in one read transaction) and make its rows. */
export async function readCsvTable(db: AppDB, name: CsvTableName): Promise<CsvTable> {
  return db.transaction('r', [db.creators, db.sampleRequests, db.orderSkus, db.campaigns, db.registrations, db.products], async () => {
    switch (name) {
      case 'creators':
        return creatorsCsv(await db.creators.toArray());
      case 'sampleRequests':
        return sampleRequestsCsv(await db.sampleRequests.toArray(), byKey(await db.products.toArray(), 'productId'));
      case 'orderSkus':
        return orderSkusCsv(await db.orderSkus.toArray(), byKey(await db.products.toArray(), 'productId'));
      case 'campaigns':
        return campaignsCsv(await db.campaigns.toArray());
      case 'registrations':
        return registrationsCsv(
          await db.registrations.toArray(),
          byKey(await db.campaigns.toArray(), 'id'),
          byKey(await db.products.toArray(), 'productId'),
        );
    }
  });
}

/**
 * The CSV text of a table, with a byte order mark so spreadsheets read it as UTF-8. papaparse is loaded only when a
 * CSV is made (it is not needed anywhere else).
 */
export async function toCsvText(table: CsvTable): Promise<string> {
  const mod: typeof import('papaparse') & { default?: typeof import('papaparse') } = await import('papaparse');
  const { unparse } = mod.default ?? mod;
  return `\uFEFF${unparse({ fields: table.header, data: table.rows }, { newline: '\r\n' })}\r\n`;
}
