import { describe, expect, it } from 'vitest';
import { CREATOR_ANALYSIS, ORDERS, detect, mapColumns, titleKey, titleUnit } from './columns';
import { collaborationKindOf, contentTypeOf, settlementOf, yesNoOf } from './labels';
import { dayFirstEvidence, parseDateTime, periodOf } from './dates';
import { CreatorIndex } from './creators';

describe('columns by name', () => {
  it('ignore case, spacing and punctuation, and read a unit in parentheses', () => {
    expect(titleKey('  Creator-ATTRIBUTED   gmv ')).toBe(titleKey('Creator-attributed GMV'));
    expect(titleKey('Est commission')).toBe(titleKey('Est. commission'));
    expect(titleKey('LIVEstreams')).toBe(titleKey('LIVE streams'));
    expect(titleKey('GMV (Rp)')).toBe('gmv');
    expect(titleUnit('GMV (Rp)')).toEqual({ currency: 'IDR' });
    expect(titleUnit('Est. commission（RM）')).toEqual({ currency: 'MYR' });
    expect(titleUnit('CTR (%)')).toEqual({ percent: true });
    expect(titleUnit('Creator name')).toEqual({});
  });

  it('map every field wherever it is, and list what is not used', () => {
    const header = ['ctor', 'Followers', 'sampel DIKIRIM', 'Creator name', 'GMV (£)', 'est. flat fee', 'Videos', 'CTR'];
    const map = mapColumns('creator-analysis', header);
    expect(map.columns.map((c) => [c.field, c.index, c.title])).toEqual([
      ['creatorName', 3, 'Creator name'],
      ['gmv', 4, 'GMV (£)'],
      ['ctor', 0, 'ctor'],
      ['videos', 6, 'Videos'],
      ['samplesShipped', 2, 'sampel DIKIRIM'],
      ['ctr', 7, 'CTR'],
      ['estFlatFee', 5, 'est. flat fee'],
    ]);
    expect(map.columns.find((c) => c.field === 'gmv')?.currency).toBe('GBP');
    expect(map.unused).toEqual(['Followers']);
    expect(map.missing).toEqual([]);
  });

  it('map every one of the 23 columns of a real creator analysis export, in English and in Indonesian', () => {
    const english = [
      'Creator name', 'Creator-attributed GMV', 'Creator LIVE-attributed GMV', 'Creator video-attributed GMV', 'Refunds', 'Attributed orders',
      'Creator-attributed items sold', 'Items refunded', 'AOV', 'Affiliate product card-attributed GMV', 'CTOR', 'LIVE streams', 'Videos',
      'Total sample content', 'Samples shipped', 'Products added to showcase', 'CTR', 'Product impressions', 'Video views', 'Customers',
      'Products sold', 'Est. commission', 'Est. flat fee',
    ];
    const indonesian = [
      'Nama kreator', 'GMV yang diatribusikan ke kreator', 'GMV LIVE yang diatribusikan ke kreator', 'GMV video yang diatribusikan ke kreator',
      'Pengembalian dana', 'Pesanan yang diatribusikan', 'Barang terjual yang diatribusikan ke kreator', 'Barang yang dikembalikan',
      'Nilai pesanan rata-rata', 'GMV kartu produk yang diatribusikan ke afiliasi', 'CTOR', 'Siaran LIVE', 'Video', 'Total konten sampel',
      'Sampel dikirim', 'Produk yang ditambahkan ke etalase', 'CTR', 'Impresi produk', 'Penayangan video', 'Pelanggan', 'Produk terjual',
      'Perkiraan komisi', 'Perkiraan biaya tetap',
    ];
    const fields = [
      'creatorName', 'gmv', 'liveGmv', 'videoGmv', 'refunds', 'orders', 'itemsSold', 'itemsRefunded', 'aov', 'productCardGmv', 'ctor', 'lives',
      'videos', 'sampleContent', 'samplesShipped', 'showcaseAdds', 'ctr', 'productImpressions', 'videoViews', 'customers', 'productsSold',
      'estCommission', 'estFlatFee',
    ];
    for (const header of [english, indonesian]) {
      const map = mapColumns('creator-analysis', header);
      expect(Object.fromEntries(map.columns.map((c) => [c.index, c.field]))).toEqual(Object.fromEntries(fields.map((f, i) => [i, f])));
      expect(map.unused).toEqual([]);
      expect(detect([header]).detected?.map.kind).toBe('creator-analysis');
    }
    const types = Object.fromEntries(mapColumns('creator-analysis', english).columns.map((c) => [c.field, c.type]));
    expect([types.gmv, types.aov, types.refunds, types.estFlatFee, types.ctr, types.ctor, types.videoViews]).toEqual(['amount', 'amount', 'amount', 'amount', 'ratio', 'ratio', 'count']);
  });

  it('keep reading the titles older exports had', () => {
    const map = mapColumns('creator-analysis', ['Creator name', 'Affiliate-attributed GMV', 'Affiliate LIVE-attributed GMV', 'Affiliate-attributed items sold', 'Affiliate product showcase', 'Affiliate products sold', 'Affiliate refunded GMV']);
    expect(map.columns.map((c) => c.field)).toEqual(['creatorName', 'gmv', 'liveGmv', 'refunds', 'itemsSold', 'showcaseAdds', 'productsSold']);
  });

  it('read the columns real affiliate orders exports carry', () => {
    const header = ['Order ID', 'SKU ID', 'Product Name', 'Time Created', 'Order Status', 'Order Delivery Time', 'Price', 'Currency', 'Creator Username', 'Standard commission rate', 'Est. standard commission payment', 'Actual Commission Payment', 'Est. Shop Ads commission payment', 'Actual Shop Ads commission payment', 'Fully returned or refunded', 'Payment method'];
    const map = mapColumns('orders', header);
    expect(map.columns.map((c) => [c.title, c.field])).toEqual([
      ['Order ID', 'orderId'],
      ['SKU ID', 'skuId'],
      ['Product Name', 'productTitle'],
      ['Time Created', 'createdAt'],
      ['Order Status', 'orderStatus'],
      ['Order Delivery Time', 'deliveredAt'],
      ['Price', 'price'],
      ['Currency', 'currency'],
      ['Creator Username', 'creatorHandle'],
      ['Standard commission rate', 'commissionRate'],
      ['Est. standard commission payment', 'estimatedCommission'],
      ['Actual Commission Payment', 'actualCommission'],
      ['Est. Shop Ads commission payment', 'estimatedAdsCommission'],
      ['Actual Shop Ads commission payment', 'actualAdsCommission'],
      ['Fully returned or refunded', 'refunded'],
    ]);
    expect(map.unused).toEqual(['Payment method']);
  });

  it('prefer the more specific title when two columns could be one field', () => {
    const map = mapColumns('creator-analysis', ['Creator name', 'Creator username', 'GMV', 'Orders']);
    expect(map.columns.find((c) => c.field === 'creatorName')?.title).toBe('Creator username');
    expect(map.unused).toEqual(['Creator name']);
  });

  it('never give one title to two fields of an export, nor list a title twice', () => {
    for (const spec of [CREATOR_ANALYSIS, ORDERS]) {
      const owner = new Map<string, string>();
      for (const [field, f] of Object.entries(spec.fields)) {
        for (const title of f.titles) {
          expect(owner.get(titleKey(title)), `${field}: ${title}`).toBeUndefined();
          owner.set(titleKey(title), field);
        }
      }
    }
  });
});

describe('detection', () => {
  it('tells the two exports apart by their headers', () => {
    expect(detect([['Creator name', 'Creator-attributed GMV', 'Attributed orders']]).detected?.map.kind).toBe('creator-analysis');
    expect(detect([['Order ID', 'SKU ID', 'Order created time', 'Creator username', 'Est. commission']]).detected?.map.kind).toBe('orders');
    expect(detect([['ID pesanan', 'ID SKU', 'Waktu pesanan dibuat']]).detected?.map.kind).toBe('orders');
    expect(detect([['Nama kreator', 'Video', 'Siaran LIVE', 'Perkiraan komisi']]).detected?.map.kind).toBe('creator-analysis');
  });

  it('needs the required columns and a few fields, and reports the nearest miss', () => {
    expect(detect([['Creator name']]).detected).toBeUndefined();
    const near = detect([['Order ID', 'Order created time', 'Quantity']]);
    expect(near.detected).toBeUndefined();
    expect(near.closest).toMatchObject({ kind: 'orders', missing: ['SKU ID'] });
    expect(detect([['a', 'b'], [1, 2]])).toEqual({ closest: undefined });
  });
});

describe('labels', () => {
  it('normalise settlement statuses in the API’s odd spellings and the page’s words, English and Indonesian', () => {
    expect(settlementOf('To-SETTLE')).toBe('TO_SETTLE');
    expect(settlementOf('AWAITING PAYMENT')).toBe('AWAITING_PAYMENT');
    expect(settlementOf('Settled')).toBe('SETTLED');
    expect(settlementOf('Unknown')).toBe('UNKNOWN');
    expect(settlementOf('Pending')).toBe('TO_SETTLE');
    expect(settlementOf('Menunggu pembayaran')).toBe('AWAITING_PAYMENT');
    expect(settlementOf('Tidak memenuhi syarat')).toBe('INELIGIBLE');
    expect(settlementOf('Entah')).toBeUndefined();
  });

  it('map content types (keeping an unknown one), collaboration kinds and yes/no', () => {
    expect(contentTypeOf('Siaran LIVE')).toEqual({ contentType: 'LIVE' });
    expect(contentTypeOf('Pre-LIVE')).toEqual({ contentType: 'PRE_LIVE' });
    expect(contentTypeOf('Hologram')).toEqual({ contentType: 'OTHER', contentTypeRaw: 'Hologram' });
    expect(collaborationKindOf('Kolaborasi terbuka')).toBe('open');
    expect(collaborationKindOf('Partner campaign')).toBe('campaign');
    expect(collaborationKindOf('Other')).toBeUndefined();
    expect([yesNoOf('Ya'), yesNoOf('No'), yesNoOf('maybe')]).toEqual([1, 0, undefined]);
  });
});

describe('dates in the shop’s time zone', () => {
  const jakarta = { zone: 'Asia/Jakarta', dayFirst: true };
  const la = { zone: 'America/Los_Angeles', dayFirst: false };

  it('reads the formats exports use', () => {
    expect(parseDateTime('2025-01-31 13:45:12', jakarta)).toBe(Date.UTC(2025, 0, 31, 6, 45, 12));
    expect(parseDateTime('2025/01/31 13:45', jakarta)).toBe(Date.UTC(2025, 0, 31, 6, 45));
    expect(parseDateTime('31/01/2025 13:45:12', jakarta)).toBe(Date.UTC(2025, 0, 31, 6, 45, 12));
    expect(parseDateTime('01/31/2025 1:45 PM', la)).toBe(Date.UTC(2025, 0, 31, 21, 45));
    expect(parseDateTime('2025-01-31T13:45:12+02:00', la)).toBe(Date.UTC(2025, 0, 31, 11, 45, 12));
    expect(parseDateTime('2025-01-31T13:45:12Z', la)).toBe(Date.UTC(2025, 0, 31, 13, 45, 12));
    expect(parseDateTime('1738331112', la)).toBe(1738331112000);
    expect(parseDateTime(1738331112000, la)).toBe(1738331112000);
  });

  it('follows summer time', () => {
    expect(parseDateTime('2025-07-01 00:00:00', la)).toBe(Date.UTC(2025, 6, 1, 7));
    expect(parseDateTime('2025-01-01 00:00:00', la)).toBe(Date.UTC(2025, 0, 1, 8));
  });

  it('refuses dates that do not exist', () => {
    for (const bad of ['2025-02-30 10:00', '31/02/2025', '2025-01-01 25:00', 'yesterday', '12345']) expect(parseDateTime(bad, jakarta), bad).toBeUndefined();
  });

  it('learns the day-month order from the file', () => {
    expect(dayFirstEvidence(['01/02/2025', '13/02/2025'])).toBe(true);
    expect(dayFirstEvidence(['02/13/2025'])).toBe(false);
    expect(dayFirstEvidence(['01/02/2025'])).toBeUndefined();
  });

  it('turns the seller’s period into whole local days, both included', () => {
    expect(periodOf('2025-01-01', '2025-01-31', 'Asia/Jakarta')).toEqual({ start: Date.UTC(2024, 11, 31, 17), end: Date.UTC(2025, 0, 31, 17) });
    expect(periodOf('2025-03-01', '2025-03-01', 'Europe/London')).toEqual({ start: Date.UTC(2025, 2, 1), end: Date.UTC(2025, 2, 2) });
    expect(periodOf('2025-02-01', '2025-01-01', 'UTC')).toBeUndefined();
    expect(periodOf('', '2025-01-01', 'UTC')).toBeUndefined();
  });
});

describe('creator names', () => {
  const index = new CreatorIndex([
    { handle: 'maya', nickname: 'Maya', aliases: ['cid:111'] },
    { handle: 'maya.glow', nickname: 'Glow', aliases: ['oecuid:222'] },
    { handle: 'tim', aliases: ['cid:333'] },
    { handle: 'tom', aliases: ['oecuid:333'] },
  ]);

  it('match a handle before a platform id, and a platform id before a nickname', () => {
    expect(index.match('@Maya')).toEqual({ handle: 'maya', matchedBy: 'handle' });
    expect(index.match('@Maya', '222')).toEqual({ handle: 'maya', matchedBy: 'handle' });
    expect(index.match('glow')).toEqual({ handle: 'maya.glow', matchedBy: 'nickname' });
    expect(index.match('Glow', '111')).toEqual({ handle: 'maya', matchedBy: 'alias' });
    expect(index.match('renamed.maya', '222')).toEqual({ handle: 'maya.glow', matchedBy: 'alias' });
    expect(index.match('  ')).toBeUndefined();
  });

  it('choose none when a platform id belongs to two creators, and keep an unknown name in handle form when it is one', () => {
    expect(index.match('Some One', '333')).toEqual({ handle: 'Some One' });
    expect(index.match('@New.One', '999')).toEqual({ handle: 'new.one' });
  });
});
