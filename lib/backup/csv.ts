import type { AppDB } from '../db/app-db';
import { metricOf } from '../domain/creator-metrics';
import type { Campaign, Creator, Observed, OrderSku, Product, Registration, SampleRequest, SourceRef } from '../domain/types';
import { count, money, rate, tableOf, text, time, yesNo, type Column } from '../export/columns';
import type { ExportTable } from '../export/table';

/**
 * The tables a seller can export, built once as typed columns (lib/export/table.ts) and written as CSV or xlsx from
 * the same rows. Money is the amount in minor units with its currency in the next column, rates are basis points,
 * times are epoch ms UTC, ids and free text are text; free text (names, titles, raw values from Affiliate Center) is
 * guarded against spreadsheet formula injection. Column names are English in every language, as a file's are.
 */

export const EXPORT_TABLES = ['creators', 'sampleRequests', 'orderSkus', 'campaigns', 'registrations'] as const;
export type ExportTableName = (typeof EXPORT_TABLES)[number];

/** The file name stem of each export. */
export const EXPORT_FILE: Record<ExportTableName, string> = {
  creators: 'creators',
  sampleRequests: 'sample-requests',
  orderSkus: 'orders',
  campaigns: 'campaigns',
  registrations: 'campaign-registrations',
};

/** The sheet of each export in an xlsx. */
const SHEET: Record<ExportTableName, string> = {
  creators: 'Creators',
  sampleRequests: 'Sample requests',
  orderSkus: 'Affiliate orders',
  campaigns: 'Partner campaigns',
  registrations: 'Campaign registrations',
};

const provenance = <T extends { source: SourceRef; firstSeenAt: number; lastSeenAt: number }>(): Column<T>[] => [
  time('First seen', (r) => r.firstSeenAt),
  time('Last seen', (r) => r.lastSeenAt),
  text('Source', (r) => r.source.endpoint),
  text('Source page', (r) => r.source.page),
];

/** The newer of two observations of the same figure. */
function latest<T>(...observed: (Observed<T | undefined> | undefined)[]): Observed<T> | undefined {
  let best: Observed<T> | undefined;
  for (const o of observed) if (o && o.value !== undefined && (!best || o.seenAt > best.seenAt)) best = o as Observed<T>;
  return best;
}

/** Creators with their latest public metrics (the newer of a metrics snapshot and the sample list's figures). */
export function creatorsTable(creators: readonly Creator[]): ExportTable {
  const m = (c: Creator) => c.metrics?.value;
  const gmvSighting = (c: Creator) => metricOf(c, 'gmv') ?? metricOf(c, 'gmvRange');
  return tableOf<Creator>(
    SHEET.creators,
    [
      text('Handle', (c) => c.handle),
      text('Nickname', (c) => c.nickname),
      text('Region', (c) => c.region),
      count('Followers', (c) => latest(c.followerCount, metricOf(c, 'followers'))?.value),
      rate('Sample fulfilment rate', (c) => latest(c.fulfillmentBps, metricOf(c, 'fulfillmentBps'))?.value),
      ...money<Creator>('GMV', (c) => m(c)?.gmv),
      text('GMV range', (c) => m(c)?.gmvRange?.label),
      // Pages show GMV over their own periods: which page showed it, and when, says which GMV it is.
      time('GMV seen', (c) => gmvSighting(c)?.seenAt),
      text('GMV source', (c) => gmvSighting(c)?.source.endpoint),
      ...money<Creator>('Video GMV', (c) => m(c)?.videoGmv),
      ...money<Creator>('LIVE GMV', (c) => m(c)?.liveGmv),
      count('Units sold', (c) => m(c)?.unitsSold),
      text('Units sold range', (c) => m(c)?.unitsSoldRange?.label),
      count('Avg. video views', (c) => m(c)?.avgVideoViews),
      count('Avg. LIVE viewers', (c) => m(c)?.avgLiveViewers),
      ...money<Creator>('Video GPM', (c) => m(c)?.videoGpm),
      ...money<Creator>('LIVE GPM', (c) => m(c)?.liveGpm),
      rate('Engagement rate', (c) => m(c)?.engagementBps),
      rate('Post rate', (c) => m(c)?.postRateBps),
      rate('Avg. commission rate', (c) => m(c)?.avgCommissionBps),
      count('Videos', (c) => m(c)?.videoCount),
      count('LIVE streams', (c) => m(c)?.liveCount),
      text('Categories', (c) => c.categories?.join('; ')),
      text('Platform ids', (c) => c.aliases.join(' ')),
      time('Metrics seen', (c) => c.metrics?.seenAt),
      text('Metrics source', (c) => c.metrics?.source.endpoint),
      time('First seen', (c) => c.firstSeenAt),
      time('Last seen', (c) => c.lastSeenAt),
    ],
    creators,
  );
}

const titleOf = (products: ReadonlyMap<string, Product>, id: string | undefined) => (id === undefined ? undefined : products.get(id)?.title);

export function sampleRequestsTable(requests: readonly SampleRequest[], products: ReadonlyMap<string, Product>): ExportTable {
  return tableOf<SampleRequest>(
    SHEET.sampleRequests,
    [
      text('Request ID', (r) => r.applyId),
      text('Shop', (r) => r.shopKey),
      text('Creator handle', (r) => r.creatorHandle),
      text('Product ID', (r) => r.productId),
      text('Product', (r) => titleOf(products, r.productId)),
      text('SKU ID', (r) => r.skuId),
      text('Group ID', (r) => r.groupId),
      text('Status', (r) => r.status),
      text('Status as sent', (r) => r.statusRaw),
      time('Status seen', (r) => r.statusSeenAt),
      text('Sample type', (r) => r.sampleType),
      rate('Commission rate', (r) => r.commissionBps),
      time('Requested', (r) => r.appliedAt),
      text('Deadline kind', (r) => r.deadline?.kind),
      time('Deadline', (r) => r.deadline?.at),
      count('Refund goal (units)', (r) => r.refundable?.goalUnits),
      count('Units sold toward goal', (r) => r.refundable?.soldUnits),
      time('Refund window ends', (r) => r.refundable?.windowEndAt),
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
export function orderSkusTable(rows: readonly OrderSku[], products: ReadonlyMap<string, Product>): ExportTable {
  return tableOf<OrderSku>(
    SHEET.orderSkus,
    [
      text('Order ID', (r) => r.orderId),
      text('SKU ID', (r) => r.skuId),
      count('Line', (r) => r.line),
      text('Shop', (r) => r.shopKey),
      time('Created', (r) => r.createdAt),
      text('Product ID', (r) => r.productId),
      text('Product', (r) => titleOf(products, r.productId) || r.productTitle),
      count('Quantity', (r) => r.quantity),
      ...money<OrderSku>('Price', (r) => r.price),
      text('Creator handle', (r) => r.creatorHandle),
      text('Content type', (r) => r.contentType),
      text('Content type as sent', (r) => r.contentTypeRaw),
      text('Content ID', (r) => r.contentId),
      text('Collaboration type', (r) => r.collaboration?.kind),
      text('Collaboration ID', (r) => r.collaboration?.id),
      rate('Commission rate', (r) => r.commissionBps),
      text('Commission rate form', (r) => r.rateForms?.commission),
      text('Partner (agency) ID', (r) => r.partner?.id),
      text('Partner (agency)', (r) => r.partner?.name),
      rate('Partner commission rate', (r) => r.partnerCommissionBps),
      text('Partner commission rate form', (r) => r.rateForms?.partner),
      rate('Ads commission rate', (r) => r.adsCommissionBps),
      text('Ads commission rate form', (r) => r.rateForms?.ads),
      ...money<OrderSku>('Est. commission', (r) => r.estimatedCommission),
      ...money<OrderSku>('Actual commission', (r) => r.actualCommission),
      ...money<OrderSku>('Est. partner commission', (r) => r.estimatedPartnerCommission),
      ...money<OrderSku>('Actual partner commission', (r) => r.actualPartnerCommission),
      ...money<OrderSku>('Est. ads commission', (r) => r.estimatedAdsCommission),
      ...money<OrderSku>('Actual ads commission', (r) => r.actualAdsCommission),
      text('Settlement', (r) => r.settlement),
      text('Settlement as sent', (r) => r.settlementRaw),
      yesNo('Refunded', (r) => r.refunded === 1),
      ...provenance<OrderSku>(),
    ],
    rows,
  );
}

export function campaignsTable(campaigns: readonly Campaign[]): ExportTable {
  return tableOf<Campaign>(
    SHEET.campaigns,
    [
      text('Campaign ID', (c) => c.id),
      text('Shop', (c) => c.shopKey),
      text('Name', (c) => c.name),
      text('Initiated by', (c) => c.kind),
      text('Marketplace scope', (c) => c.scope),
      text('Partner', (c) => c.partnerName),
      text('Status', (c) => c.status),
      // A numeric status code is kept as sent: nobody has published what the codes mean (real-shapes.md §6).
      text('Status as sent', (c) => c.statusRaw),
      time('Registration starts', (c) => c.registrationStartAt),
      time('Registration ends', (c) => c.registrationEndAt),
      time('Campaign starts', (c) => c.campaignStartAt),
      time('Campaign ends', (c) => c.campaignEndAt),
      rate('Commission requirement', (c) => c.commissionRequirementBps),
      text('Contact channels', (c) => c.contactChannels.join(' ')),
      ...provenance<Campaign>(),
    ],
    campaigns,
  );
}

export function registrationsTable(
  registrations: readonly Registration[],
  campaigns: ReadonlyMap<string, Campaign>,
  products: ReadonlyMap<string, Product>,
): ExportTable {
  return tableOf<Registration>(
    SHEET.registrations,
    [
      text('Campaign ID', (r) => r.campaignId),
      text('Campaign', (r) => campaigns.get(r.campaignId)?.name),
      text('Product ID', (r) => r.productId),
      text('Product', (r) => titleOf(products, r.productId)),
      text('Shop', (r) => r.shopKey),
      text('State', (r) => r.state),
      text('State as sent', (r) => r.stateRaw),
      text('Rejection reason', (r) => r.rejectReason),
      rate('Total commission rate', (r) => r.totalCommissionBps),
      count('Sample quantity', (r) => r.sampleQuantity),
      text('Contact channels', (r) => r.contactChannels.join(' ')),
      ...provenance<Registration>(),
    ],
    registrations,
  );
}

const byKey = <T, K extends keyof T>(rows: readonly T[], key: K) => new Map(rows.map((r) => [r[key] as string, r]));

/** Read what one export needs (in one read transaction) and make its rows. */
export async function readExportTable(db: AppDB, name: ExportTableName): Promise<ExportTable> {
  return db.transaction('r', [db.creators, db.sampleRequests, db.orderSkus, db.campaigns, db.registrations, db.products], async () => {
    switch (name) {
      case 'creators':
        return creatorsTable(await db.creators.toArray());
      case 'sampleRequests':
        return sampleRequestsTable(await db.sampleRequests.toArray(), byKey(await db.products.toArray(), 'productId'));
      case 'orderSkus':
        return orderSkusTable(await db.orderSkus.toArray(), byKey(await db.products.toArray(), 'productId'));
      case 'campaigns':
        return campaignsTable(await db.campaigns.toArray());
      case 'registrations':
        return registrationsTable(
          await db.registrations.toArray(),
          byKey(await db.campaigns.toArray(), 'id'),
          byKey(await db.products.toArray(), 'productId'),
        );
    }
  });
}
