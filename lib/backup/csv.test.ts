import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { expectSameValues, readBack, record, xlsxRecord } from '../../test/export-read-back';
import { fillEveryTable, SHOP } from '../../test/fixtures/every-table';
import { NOW } from '../../test/fixtures/sample-group-list';
import type { AppDB } from '../db/app-db';
import type { Creator, Product } from '../domain/types';
import { toCsvText } from '../export/csv';
import { CELL_TEXT_MAX, textRows } from '../export/table';
import { campaignsTable, creatorsTable, EXPORT_TABLES, orderSkusTable, readExportTable } from './csv';

const source = { endpoint: 'creator.profile', page: 'https://affiliate.tiktok.com/connection/creator/detail' };

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
    const t = creatorsTable([maya, { handle: 'bare', aliases: [], firstSeenAt: NOW, lastSeenAt: NOW }]);
    expect(t.columns.slice(0, 11).map((c) => c.header)).toEqual(['Handle', 'Nickname', 'Region', 'Followers', 'Sample fulfilment rate', 'GMV', 'GMV currency', 'GMV range', 'GMV seen', 'GMV source', 'Video GMV']);
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
    expect(t.rows.every((r) => r.length === t.columns.length)).toBe(true);
  });

  it('in an xlsx: counts, rates, money and times are typed cells, ids are text', () => {
    const t = creatorsTable([maya]);
    expect(xlsxRecord(t)).toMatchObject({
      Handle: { t: 's', v: 'glowwithmaya' },
      Followers: { t: 'n', v: 130_000, z: '#,##0' },
      'Sample fulfilment rate': { t: 'n', v: 0.6085, z: '0.00%' },
      GMV: { t: 'n', v: 12_345.67, z: '#,##0.00' },
      'GMV currency': { t: 's', v: 'GBP' },
      'Engagement rate': { t: 'n', v: 0.0412, z: '0.00%' },
      'Platform ids': { t: 's', v: 'cid:7494000000000000001 oecuid:1' },
      'Metrics seen': { t: 'n', w: '2025-11-21 04:40:00 UTC' },
    });
    expectSameValues(creatorsTable([maya, { handle: 'bare', aliases: [], firstSeenAt: NOW, lastSeenAt: NOW }]));
  });

  it('text longer than a spreadsheet cell holds is cut the same way in both files, not refused', () => {
    const t = creatorsTable([{ ...maya, nickname: `=${'x'.repeat(40_000)}` }]);
    const nickname = record(t).Nickname ?? '';
    expect(nickname).toHaveLength(CELL_TEXT_MAX);
    expect(nickname.startsWith("'=xxx")).toBe(true);
    expect(nickname.endsWith('x…')).toBe(true);
    expect(xlsxRecord(t).Nickname).toMatchObject({ t: 's', v: nickname });
  });

  it('a hostile nickname reaches both files as inert text', () => {
    const csv = toCsvText(creatorsTable([maya]));
    expect(csv.startsWith('\uFEFFHandle,Nickname,')).toBe(true);
    const [, row] = readBack(csv);
    expect(row?.[1]).toBe('\'=HYPERLINK("https://evil.example","Maya")');
    expect(csv).not.toMatch(/,=/);
    const nickname = xlsxRecord(creatorsTable([maya])).Nickname;
    expect(nickname).toMatchObject({ t: 's', v: '\'=HYPERLINK("https://evil.example","Maya")' });
    expect(nickname?.f).toBeUndefined();
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
    for (const name of EXPORT_TABLES) {
      const table = await readExportTable(db, name);
      expect(table.rows, name).toHaveLength(counts[name]);
      expect(readBack(toCsvText(table)), name).toEqual(textRows(table));
      expectSameValues(table);
    }
    const requests = await readExportTable(db, 'sampleRequests');
    expect(record(requests)).toMatchObject({ 'Request ID': '1729000000000000101', Product: 'Serum, "Rose"\n30ml', Status: 'PENDING', 'Commission rate': '15.00%' });
  });

  it('orders: one row per SKU with exact money, rates, times and the product title', async () => {
    const t = await readExportTable(db, 'orderSkus');
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
    const days = (serial: unknown) => (Number(serial) - 25_569) * 86_400_000;
    const xlsx = xlsxRecord(t);
    expect(xlsx).toMatchObject({
      'SKU ID': { t: 's', v: '1729600000000000001' },
      'Product ID': { t: 's', v: '1729500000000000001' },
      Quantity: { t: 'n', v: 2 },
      Price: { t: 'n', v: 25.99, z: '#,##0.00' },
      'Price currency': { t: 's', v: 'USD' },
      'Commission rate': { t: 'n', v: 0.15, z: '0.00%' },
      'Est. commission': { t: 'n', v: 7.8 },
      Refunded: { t: 's', v: 'no' },
    });
    expect(xlsx['Actual commission']).toBeUndefined();
    expect(Math.round(days(xlsx.Created?.v))).toBe(NOW - 2 * 86_400_000);
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
    const t = orderSkusTable([line], new Map());
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
    expect(xlsxRecord(t)).toMatchObject({
      'Order ID': { t: 's', v: '5770000000000000101' },
      'Partner (agency) ID': { t: 's', v: '7260000000000000001' },
      Line: { t: 'n', v: 2 },
      Product: { t: 's', v: "'=cmd|calc" },
      'Ads commission rate': { t: 'n', v: 0, z: '0.00%' },
    });
    expectSameValues(t);
    // A product joined to the line by its name shows the product's own title.
    const product = { productId: '1729500000000000001', shopKey: SHOP, title: 'Rose Serum', firstSeenAt: NOW, lastSeenAt: NOW, source };
    expect(record(orderSkusTable([{ ...line, productId: product.productId }], new Map([[product.productId, product]]))).Product).toBe('Rose Serum');
  });

  it('campaigns and registrations, joined to the campaign name and product', async () => {
    expect(record(await readExportTable(db, 'campaigns'))).toMatchObject({ 'Campaign ID': 'c1', Name: 'Payday', 'Initiated by': 'agency', 'Marketplace scope': 'targeted', 'Contact channels': 'email' });
    const coded = { ...(await db.campaigns.get('c1'))!, status: 'UNKNOWN', statusRaw: '3' };
    expect(record(campaignsTable([coded]))).toMatchObject({ Status: 'UNKNOWN', 'Status as sent': '3' });
    expect(record(await readExportTable(db, 'registrations'))).toMatchObject({
      Campaign: 'Payday',
      Product: 'Rose Hydrating Serum 30ml',
      State: 'REJECTED',
      'Rejection reason': 'Price too high',
    });
  });
});
