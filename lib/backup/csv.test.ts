import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { fillEveryTable, SHOP } from '../../test/fixtures/every-table';
import { NOW } from '../../test/fixtures/sample-group-list';
import type { AppDB } from '../db/app-db';
import { money } from '../domain/money';
import type { Creator, Product } from '../domain/types';
import { campaignsCsv, creatorsCsv, CSV_TABLES, isoTime, moneyAmount, orderSkusCsv, percent, readCsvTable, text, toCsvText, type CsvTable } from './csv';

const source = { endpoint: 'creator.profile', page: 'https://affiliate.tiktok.com/connection/creator/detail' };
/** The cells of one row by column name. */
const record = (t: CsvTable, i = 0) => Object.fromEntries(t.header.map((h, c) => [h, t.rows[i]?.[c]]));
/** The rows as a spreadsheet would read them back. */
const readBack = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('cell formats', () => {
  it('writes money exactly from minor units, in the currency\'s own decimals', () => {
    expect(moneyAmount({ minor: 123_456, currency: 'USD' })).toBe('1234.56');
    expect(moneyAmount({ minor: 5, currency: 'USD' })).toBe('0.05');
    expect(moneyAmount({ minor: -310, currency: 'EUR' })).toBe('-3.10');
    expect(moneyAmount({ minor: 0, currency: 'GBP' })).toBe('0.00');
    expect(moneyAmount({ minor: 150_000, currency: 'VND' })).toBe('150000');
    expect(moneyAmount({ minor: 1500, currency: 'JPY' })).toBe('1500');
    // Past the point where a float division would lose the last cent.
    expect(moneyAmount({ minor: 9_007_199_254_740_991, currency: 'USD' })).toBe('90071992547409.91');
    expect(moneyAmount(undefined)).toBe('');
  });

  it('is the exact inverse of reading money from decimal text, in every shop currency', () => {
    for (const currency of ['USD', 'GBP', 'EUR', 'IDR', 'MYR', 'THB', 'VND', 'PHP', 'SGD', 'JPY']) {
      for (const minor of [0, 1, 9, 10, 99, 100, 101, 123_456_789, -1, -250, 900_719_925_474_099]) {
        expect(money(moneyAmount({ minor, currency }), currency), `${minor} ${currency}`).toEqual({ minor, currency });
      }
    }
  });

  it('writes rates as percent text from basis points', () => {
    expect(percent(6085)).toBe('60.85%');
    expect(percent(5)).toBe('0.05%');
    expect(percent(10_000)).toBe('100.00%');
    expect(percent(0)).toBe('0.00%');
    expect(percent(undefined)).toBe('');
  });

  it('writes times as ISO 8601 UTC', () => {
    expect(isoTime(NOW)).toBe('2025-11-21T04:40:00.000Z');
    expect(isoTime(undefined)).toBe('');
  });

  it('guards text a spreadsheet would run as a formula', () => {
    expect(text('=HYPERLINK("https://evil.example","Click")')).toBe('\'=HYPERLINK("https://evil.example","Click")');
    expect(text('+1+1')).toBe("'+1+1");
    expect(text('-2+3')).toBe("'-2+3");
    expect(text('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(text('\t=1')).toBe("'\t=1");
    expect(text('Maya = glow')).toBe('Maya = glow');
    expect(text(undefined)).toBe('');
  });
});

describe('creators', () => {
  const maya: Creator = {
    handle: 'glowwithmaya',
    nickname: '=HYPERLINK("https://evil.example","Maya")',
    aliases: ['cid:7494000000000000001', 'oecuid:1'],
    followerCount: { value: 125_300, seenAt: NOW - 1000, source },
    fulfillmentBps: { value: 6085, seenAt: NOW + 5000, source },
    metrics: {
      value: { followers: 130_000, gmv: { minor: 1_234_567, currency: 'GBP' }, gmvRange: { label: '£10K-£50K' }, fulfillmentBps: 5900, engagementBps: 412, videoCount: 31 },
      seenAt: NOW,
      source,
    },
    // GMV was last shown by Sample requests, earlier than the creator detail that showed the other figures.
    metricSources: { gmv: { seenAt: NOW - 2000, source: { endpoint: 'sample.group.list', page: 'https://affiliate.tiktok.com/product/sample-request' } } },
    categories: ['Beauty', 'Home'],
    region: 'GB',
    firstSeenAt: NOW - 10_000,
    lastSeenAt: NOW + 5000,
  };

  it('has flattened columns with the latest figures, money beside its currency', () => {
    const t = creatorsCsv([maya, { handle: 'bare', aliases: [], firstSeenAt: NOW, lastSeenAt: NOW }]);
    expect(t.header.slice(0, 11)).toEqual(['Handle', 'Nickname', 'Region', 'Followers', 'Sample fulfilment rate', 'GMV', 'GMV currency', 'GMV range', 'GMV seen', 'GMV source', 'Video GMV']);
    expect(record(t)).toMatchObject({
      Handle: 'glowwithmaya',
      Region: 'GB',
      // The metrics snapshot is newer than the sample list's follower count; the sample list's fulfilment is newer.
      Followers: '130000',
      'Sample fulfilment rate': '60.85%',
      GMV: '12345.67',
      'GMV currency': 'GBP',
      'GMV range': '£10K-£50K',
      'GMV seen': new Date(NOW - 2000).toISOString(),
      'GMV source': 'sample.group.list',
      'Engagement rate': '4.12%',
      Videos: '31',
      Categories: 'Beauty; Home',
      'Platform ids': 'cid:7494000000000000001 oecuid:1',
      'Metrics seen': '2025-11-21T04:40:00.000Z',
      'Metrics source': 'creator.profile',
    });
    expect(record(t, 1)).toMatchObject({ Handle: 'bare', Followers: '', GMV: '', 'GMV currency': '', 'Sample fulfilment rate': '' });
    expect(t.rows.every((r) => r.length === t.header.length)).toBe(true);
  });

  it('a hostile nickname reaches the file as inert text', async () => {
    const csv = await toCsvText(creatorsCsv([maya]));
    expect(csv.startsWith('\uFEFFHandle,Nickname,')).toBe(true);
    const [, row] = readBack(csv);
    expect(row?.[1]).toBe('\'=HYPERLINK("https://evil.example","Maya")');
    expect(csv).not.toMatch(/,=/);
  });
});

describe('every export from a database', () => {
  let db: AppDB;
  beforeEach(async () => {
    db = freshDb();
    await fillEveryTable(db);
  });
  afterEach(() => db.close());

  it('writes one row per record, and quoting keeps commas, quotes and new lines in their cells', async () => {
    await db.products.update('1729500000000000001', { title: 'Serum, "Rose"\n30ml' } satisfies Partial<Product>);
    const counts = { creators: 3, sampleRequests: 5, orderSkus: 1, campaigns: 1, registrations: 1 };
    for (const name of CSV_TABLES) {
      const table = await readCsvTable(db, name);
      expect(table.rows, name).toHaveLength(counts[name]);
      expect(readBack(await toCsvText(table)), name).toEqual([table.header, ...table.rows]);
    }
    const requests = await readCsvTable(db, 'sampleRequests');
    expect(record(requests)).toMatchObject({ 'Request ID': '1729000000000000101', Product: 'Serum, "Rose"\n30ml', Status: 'PENDING', 'Commission rate': '15.00%' });
  });

  it('orders: one row per SKU with exact money, rates, times and the product title', async () => {
    const t = await readCsvTable(db, 'orderSkus');
    expect(record(t)).toMatchObject({
      'Order ID': 'o1',
      'SKU ID': '1729600000000000001',
      Shop: SHOP,
      Created: new Date(NOW - 2 * 86_400_000).toISOString(),
      Product: 'Rose Hydrating Serum 30ml',
      Quantity: '2',
      Price: '25.99',
      'Price currency': 'USD',
      'Commission rate': '15.00%',
      'Est. commission': '7.80',
      'Est. commission currency': 'USD',
      'Actual commission': '',
      Settlement: 'TO_SETTLE',
      'Settlement as sent': 'to_be_settled',
      Refunded: 'no',
      Source: 'fixture',
    });
  });

  it('orders: a line without SKU id by its position, with its agency, fees and rate forms, guarded against formulas', () => {
    const usd = (minor: number) => ({ minor, currency: 'USD' });
    const line = {
      key: '5770000000000000101|#2',
      orderId: '5770000000000000101',
      line: 2,
      shopKey: SHOP,
      createdAt: NOW,
      productTitle: '=cmd|calc',
      creatorHandle: 'glowwithmaya',
      contentType: 'LIVE' as const,
      contentTypeRaw: '3',
      commissionBps: 1000,
      partnerCommissionBps: 500,
      adsCommissionBps: 0,
      rateForms: { commission: 'percent' as const, partner: 'percent' as const, ads: 'percent' as const },
      partner: { id: '7260000000000000001', name: '@Glow Partners' },
      estimatedCommission: usd(250),
      estimatedPartnerCommission: usd(125),
      actualPartnerCommission: usd(120),
      settlement: 'UNKNOWN' as const,
      settlementRaw: '',
      refunded: 0 as const,
      firstSeenAt: NOW,
      lastSeenAt: NOW,
      source: { endpoint: 'orders.list', page: 'https://affiliate-us.tiktok.com/product/order' },
    };
    const t = orderSkusCsv([line], new Map());
    expect(record(t)).toMatchObject({
      'Order ID': '5770000000000000101',
      'SKU ID': '',
      Line: '2',
      Product: "'=cmd|calc",
      'Content type': 'LIVE',
      'Content type as sent': '3',
      'Commission rate': '10.00%',
      'Commission rate form': 'percent',
      'Partner (agency) ID': '7260000000000000001',
      'Partner (agency)': "'@Glow Partners",
      'Partner commission rate': '5.00%',
      'Partner commission rate form': 'percent',
      'Ads commission rate form': 'percent',
      'Est. commission': '2.50',
      'Est. partner commission': '1.25',
      'Est. partner commission currency': 'USD',
      'Actual partner commission': '1.20',
    });
    // A product joined to the line by its name shows the product's own title.
    const product = { productId: '1729500000000000001', shopKey: SHOP, title: 'Rose Serum', firstSeenAt: NOW, lastSeenAt: NOW, source };
    expect(record(orderSkusCsv([{ ...line, productId: product.productId }], new Map([[product.productId, product]]))).Product).toBe('Rose Serum');
  });

  it('campaigns and registrations, joined to the campaign name and product', async () => {
    expect(record(await readCsvTable(db, 'campaigns'))).toMatchObject({ 'Campaign ID': 'c1', Name: 'Payday', 'Initiated by': 'agency', 'Marketplace scope': 'targeted', 'Contact channels': 'email' });
    const coded = { ...(await db.campaigns.get('c1'))!, status: 'UNKNOWN', statusRaw: '3' };
    expect(record(campaignsCsv([coded]))).toMatchObject({ Status: 'UNKNOWN', 'Status as sent': '3' });
    expect(record(await readCsvTable(db, 'registrations'))).toMatchObject({
      Campaign: 'Payday',
      Product: 'Rose Hydrating Serum 30ml',
      State: 'REJECTED',
      'Rejection reason': 'Price too high',
    });
  });
});
