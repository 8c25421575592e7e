import { currencyOfSymbol } from './numbers';
import type { Cell, ImportKind } from './types';

/**
 * The columns of each export, by name: English and Indonesian titles as Affiliate Center writes them (and the obvious
 * variants), matched case-, spacing- and punctuation-insensitively, in any order. Titles are listed most specific
 * first: when two columns of a file match one field, the one matching the earlier title wins.
 */

export type ValueType =
  | 'name'
  | 'handle'
  | 'id'
  | 'count'
  | 'amount'
  | 'percent'
  | 'ratio'
  | 'datetime'
  | 'text'
  | 'currency'
  | 'settlement'
  | 'contentType'
  | 'collaboration'
  | 'yesNo';

/**
 * Rates: `percent` = a commission rate (0–100%; a bare `12.5` is 12.5%), `ratio` = a click rate (CTR, CTOR: any size,
 * 200% is real; a bare `0.0204` is 2.04%, as the export reads once re-saved by a spreadsheet or pandas).
 */
export const RATE_TYPES: readonly ValueType[] = ['percent', 'ratio'];

export interface FieldSpec {
  type: ValueType;
  titles: readonly string[];
}

export interface KindSpec {
  fields: Readonly<Record<string, FieldSpec>>;
  /** Fields a file of this kind must have. */
  required: readonly string[];
  /** How many fields a header row must match to be this kind. */
  minFields: number;
}

/**
 * The creator analysis export (Affiliate Center › Data › Creator analysis): its 23 columns as a real seller's export of
 * 1,068 creators has them (`Creator name` … `Est. flat fee`), the older `Affiliate…` titles it had before, and an id
 * column some exports carry. Every field lands in `CreatorPerformance` (lib/domain/types.ts) under the same name.
 */
export const CREATOR_ANALYSIS = {
  fields: {
    creatorName: {
      type: 'name',
      titles: ['Creator username', 'Creator handle', 'Creator name', 'Creator', 'Username kreator', 'Nama pengguna kreator', 'Nama kreator', 'Kreator'],
    },
    creatorId: { type: 'id', titles: ['Creator ID', 'Creator user ID', 'ID kreator'] },
    gmv: {
      type: 'amount',
      titles: [
        'Creator-attributed GMV',
        'Affiliate-attributed GMV',
        'Attributed GMV',
        'Affiliate GMV',
        'GMV',
        'GMV yang diatribusikan ke kreator',
        'GMV yang diatribusikan',
        'GMV afiliasi',
      ],
    },
    liveGmv: {
      type: 'amount',
      titles: ['Creator LIVE-attributed GMV', 'Affiliate LIVE-attributed GMV', 'LIVE GMV', 'GMV LIVE yang diatribusikan ke kreator', 'GMV LIVE'],
    },
    videoGmv: {
      type: 'amount',
      titles: ['Creator video-attributed GMV', 'Affiliate video-attributed GMV', 'Video GMV', 'GMV video yang diatribusikan ke kreator', 'GMV video'],
    },
    productCardGmv: {
      type: 'amount',
      titles: [
        'Affiliate product card-attributed GMV',
        'Creator product card-attributed GMV',
        'Product card GMV',
        'GMV kartu produk yang diatribusikan ke afiliasi',
        'GMV kartu produk',
      ],
    },
    refunds: { type: 'amount', titles: ['Refunds', 'Affiliate refunded GMV', 'Refunded GMV', 'Pengembalian dana', 'GMV yang dikembalikan'] },
    orders: {
      type: 'count',
      titles: ['Attributed orders', 'Creator-attributed orders', 'Affiliate orders', 'Orders', 'Pesanan yang diatribusikan', 'Pesanan yang diatribusikan ke kreator', 'Pesanan afiliasi', 'Pesanan'],
    },
    itemsSold: {
      type: 'count',
      titles: ['Creator-attributed items sold', 'Affiliate-attributed items sold', 'Items sold', 'Barang terjual yang diatribusikan ke kreator', 'Barang terjual'],
    },
    itemsRefunded: { type: 'count', titles: ['Items refunded', 'Barang yang dikembalikan', 'Barang dikembalikan'] },
    aov: { type: 'amount', titles: ['AOV', 'Average order value', 'Nilai pesanan rata-rata', 'Rata-rata nilai pesanan'] },
    ctor: { type: 'ratio', titles: ['CTOR', 'Click-to-order rate', 'Rasio klik-ke-pesanan'] },
    lives: { type: 'count', titles: ['LIVE streams', 'LIVEs', 'LIVE', 'Shoppable LIVE streams', 'Siaran LIVE', 'LIVE belanja'] },
    videos: { type: 'count', titles: ['Videos', 'Video', 'Shoppable videos', 'Video belanja'] },
    sampleContent: { type: 'count', titles: ['Total sample content', 'Sample content', 'Total konten sampel', 'Konten sampel'] },
    samplesShipped: { type: 'count', titles: ['Samples shipped', 'Shipped samples', 'Sampel dikirim', 'Sampel yang dikirim'] },
    showcaseAdds: {
      type: 'count',
      titles: ['Products added to showcase', 'Affiliate product showcase', 'Produk yang ditambahkan ke etalase', 'Produk ditambahkan ke etalase'],
    },
    ctr: { type: 'ratio', titles: ['CTR', 'Click-through rate', 'Rasio klik-tayang', 'Rasio klik', 'RKT'] },
    productImpressions: { type: 'count', titles: ['Product impressions', 'Impresi produk', 'Tayangan produk'] },
    videoViews: { type: 'count', titles: ['Video views', 'Penayangan video', 'Tayangan video'] },
    customers: { type: 'count', titles: ['Customers', 'Pelanggan'] },
    productsSold: { type: 'count', titles: ['Products sold', 'Affiliate products sold', 'Produk terjual'] },
    estCommission: { type: 'amount', titles: ['Est. commission', 'Estimated commission', 'Perkiraan komisi', 'Estimasi komisi'] },
    estFlatFee: { type: 'amount', titles: ['Est. flat fee', 'Estimated flat fee', 'Perkiraan biaya tetap', 'Estimasi biaya tetap'] },
  },
  required: ['creatorName'],
  minFields: 3,
} as const satisfies KindSpec;

/**
 * The affiliate orders export, one row per SKU of an order. Besides the titles the orders surface uses, the ones real
 * sellers' exports carry (`Time Created`, `Product Name`, `Order Status`, `Order Delivery Time`, `Currency`,
 * `Est. standard commission payment`, `Actual Commission Payment`, `Est./Actual Shop Ads commission payment`,
 * `Fully returned or refunded`).
 */
export const ORDERS = {
  fields: {
    orderId: { type: 'id', titles: ['Order ID', 'Main order ID', 'ID pesanan', 'ID pesanan utama', 'Nomor pesanan'] },
    skuId: { type: 'id', titles: ['SKU ID', 'ID SKU'] },
    productId: { type: 'id', titles: ['Product ID', 'ID produk'] },
    productTitle: { type: 'text', titles: ['Product name', 'Product title', 'Nama produk'] },
    createdAt: {
      type: 'datetime',
      titles: [
        'Order created time',
        'Order creation time',
        'Created time',
        'Time created',
        'Order time',
        'Order date',
        'Waktu pesanan dibuat',
        'Waktu pembuatan pesanan',
        'Waktu dibuat',
        'Tanggal pesanan',
      ],
    },
    orderStatus: { type: 'text', titles: ['Order status', 'Status pesanan'] },
    deliveredAt: { type: 'datetime', titles: ['Order delivery time', 'Delivery time', 'Delivered time'] },
    quantity: { type: 'count', titles: ['Quantity', 'Qty', 'Kuantitas', 'Jumlah'] },
    price: { type: 'amount', titles: ['SKU price', 'Price', 'Unit price', 'Harga SKU', 'Harga', 'Harga satuan'] },
    currency: { type: 'currency', titles: ['Currency', 'Mata uang'] },
    creatorHandle: {
      type: 'handle',
      titles: ['Creator username', 'Creator handle', 'Creator', 'Username kreator', 'Nama pengguna kreator', 'Kreator'],
    },
    contentType: { type: 'contentType', titles: ['Content type', 'Promotion channel', 'Order channel', 'Jenis konten', 'Saluran promosi', 'Saluran pesanan'] },
    contentId: { type: 'id', titles: ['Content ID', 'Video/LIVE ID', 'ID konten'] },
    collaborationType: { type: 'collaboration', titles: ['Collaboration type', 'Commission type', 'Jenis kolaborasi'] },
    collaborationId: { type: 'id', titles: ['Collaboration ID', 'ID kolaborasi'] },
    campaignId: { type: 'id', titles: ['Partner campaign ID', 'Campaign ID', 'ID kampanye mitra', 'ID kampanye'] },
    commissionRate: {
      type: 'percent',
      titles: ['Standard commission rate', 'Commission rate', 'Creator commission rate', 'Tingkat komisi standar', 'Tingkat komisi', 'Persentase komisi'],
    },
    partnerCommissionRate: { type: 'percent', titles: ['Partner commission rate', 'Tingkat komisi mitra', 'Persentase komisi mitra'] },
    adsCommissionRate: {
      type: 'percent',
      titles: ['Shop Ads commission rate', 'Ads commission rate', 'Tingkat komisi Iklan Toko', 'Tingkat komisi iklan'],
    },
    estimatedCommission: {
      type: 'amount',
      titles: [
        'Est. commission',
        'Estimated commission',
        'Est. standard commission',
        'Est. standard commission payment',
        'Perkiraan komisi',
        'Estimasi komisi',
        'Perkiraan komisi standar',
      ],
    },
    actualCommission: {
      type: 'amount',
      titles: ['Actual commission', 'Actual standard commission', 'Actual commission payment', 'Actual standard commission payment', 'Komisi aktual', 'Komisi standar aktual'],
    },
    estimatedPartnerCommission: { type: 'amount', titles: ['Est. partner commission', 'Estimated partner commission', 'Perkiraan komisi mitra'] },
    actualPartnerCommission: { type: 'amount', titles: ['Actual partner commission', 'Komisi mitra aktual'] },
    estimatedAdsCommission: {
      type: 'amount',
      titles: [
        'Est. Shop Ads commission',
        'Estimated Shop Ads commission',
        'Est. Shop Ads commission payment',
        'Est. ads commission',
        'Perkiraan komisi Iklan Toko',
        'Perkiraan komisi iklan',
      ],
    },
    actualAdsCommission: {
      type: 'amount',
      titles: ['Actual Shop Ads commission', 'Actual Shop Ads commission payment', 'Actual ads commission', 'Komisi Iklan Toko aktual', 'Komisi iklan aktual'],
    },
    settlement: {
      type: 'settlement',
      titles: [
        'Settlement status',
        'Commission settlement status',
        'Order settlement status',
        'Commission status',
        'Status penyelesaian',
        'Status penyelesaian komisi',
        'Status komisi',
      ],
    },
    refunded: {
      type: 'yesNo',
      titles: ['Fully refunded', 'Fully returned or refunded', 'Refunded', 'Fully returned', 'Dikembalikan sepenuhnya', 'Dana dikembalikan'],
    },
  },
  required: ['orderId', 'skuId', 'createdAt'],
  minFields: 3,
} as const satisfies KindSpec;

export const KINDS: Readonly<Record<ImportKind, KindSpec>> = { 'creator-analysis': CREATOR_ANALYSIS, orders: ORDERS };

/** A column title reduced to letters and digits, lower case: `Est. commission` = `est commission` = `ESTCOMMISSION`. */
export function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .replace(/[(（][^)）]*[)）]\s*$/, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** What a title's trailing parenthesis says about its unit: `GMV (Rp)` → IDR, `CTR (%)` → `%`. */
export function titleUnit(title: string): { currency?: string; percent?: boolean } {
  const m = /[(（]\s*([^)）]*?)\s*[)）]\s*$/.exec(title.normalize('NFKC'));
  if (!m?.[1]) return {};
  if (m[1] === '%') return { percent: true };
  const currency = currencyOfSymbol(m[1]);
  return currency ? { currency } : {};
}

export interface MappedColumn {
  field: string;
  index: number;
  /** As written in the file, for messages. */
  title: string;
  type: ValueType;
  currency?: string;
}

export interface ColumnMap {
  kind: ImportKind;
  columns: MappedColumn[];
  /** Titles of the file's columns that no field uses. */
  unused: string[];
  /** Required fields the header lacks, by their first English title. */
  missing: string[];
}

const cellTitle = (c: Cell | undefined) => (c === undefined ? '' : String(c).trim());

/** Map a header row onto one kind's fields, by name. */
export function mapColumns(kind: ImportKind, header: readonly Cell[]): ColumnMap {
  const spec = KINDS[kind];
  const keys = header.map((c) => titleKey(cellTitle(c)));
  const taken = new Set<number>();
  const columns: MappedColumn[] = [];
  for (const [field, f] of Object.entries(spec.fields)) {
    for (const title of f.titles) {
      const index = keys.findIndex((k, i) => k !== '' && k === titleKey(title) && !taken.has(i));
      if (index < 0) continue;
      taken.add(index);
      const written = cellTitle(header[index]);
      columns.push({ field, index, title: written, type: f.type, currency: titleUnit(written).currency });
      break;
    }
  }
  const found = new Set(columns.map((c) => c.field));
  return {
    kind,
    columns,
    unused: header.map(cellTitle).filter((t, i) => t !== '' && !taken.has(i)),
    missing: spec.required.filter((f) => !found.has(f)).map((f) => spec.fields[f]?.titles[0] ?? f),
  };
}

/** How well a row reads as the header of a kind: the fields it names, and whether the required ones are there. */
function score(kind: ImportKind, row: readonly Cell[]): { fields: number; complete: boolean } {
  const map = mapColumns(kind, row);
  return { fields: map.columns.length, complete: map.missing.length === 0 };
}

export interface Detected {
  map: ColumnMap;
  /** Index of the header row among the rows given. */
  headerRow: number;
}

/** How far down a file its header may be (some exports put a title and the date range above it). */
export const HEADER_SEARCH_ROWS = 10;

/**
 * Recognise a file by its header: the first of its first rows that names every required column of a kind (the kind
 * naming more columns wins). Undefined when no row does; `closest` then says which kind came nearest and what it lacks.
 */
export function detect(rows: readonly (readonly Cell[])[]): { detected?: Detected; closest?: ColumnMap } {
  let closest: { map: ColumnMap; fields: number } | undefined;
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) {
    const row = rows[r] ?? [];
    let best: { kind: ImportKind; fields: number } | undefined;
    for (const kind of Object.keys(KINDS) as ImportKind[]) {
      const s = score(kind, row);
      if (s.complete && s.fields >= KINDS[kind].minFields && (!best || s.fields > best.fields)) best = { kind, fields: s.fields };
      if (!closest || s.fields > closest.fields) closest = { map: mapColumns(kind, row), fields: s.fields };
    }
    if (best) return { detected: { map: mapColumns(best.kind, row), headerRow: r } };
  }
  return { closest: closest && closest.fields >= 2 ? closest.map : undefined };
}
