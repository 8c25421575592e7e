import { describe, expect, it } from 'vitest';
import { expectSameValues, record, xlsxRecord } from '../../test/export-read-back';
import { NOW } from '../../test/fixtures/sample-group-list';
import { SORT_KEYS, SORT_MISSING, type CreatorRow, type PeriodInfo } from '../creators/model';
import { TERMS, termFormula, termName } from '../creators/terms';
import { minorDigits } from '../domain/money';
import { enPage } from '../i18n/en-page';
import { creatorRowsTable, termHeader } from './creators';
import { moneyAmount } from './table';
import { moneyFormat } from './xlsx';

describe('the creators view', () => {
  const DAY = 86_400_000;
  const idr = (minor: number) => ({ minor, currency: 'IDR' });
  const capture = { source: 'capture' as const, period: 'd30' as const, seenAt: NOW - DAY, ref: { endpoint: 'orders.list', page: 'https://affiliate-id.tiktok.com/product/order' } };
  const imported = { source: 'import' as const, period: 'import:import-1' as const, seenAt: NOW };
  const sort = Object.fromEntries(SORT_KEYS.map((k) => [k, SORT_MISSING])) as CreatorRow['sort'];
  const base: Omit<CreatorRow, 'period' | 'handle'> = { shopKey: 'ID:7495000000000000009', tags: [], watch: 0, blocked: 0, sources: {}, sort, updatedAt: NOW };
  const rows: CreatorRow[] = [
    {
      ...base,
      period: 'd30',
      handle: 'glowwithmaya',
      nickname: '@Maya',
      lastSeenAt: NOW,
      tags: ['skincare', 'top 10'],
      watch: 1,
      gmv: idr(12_345_600),
      orders: 41,
      skuOrders: 45,
      commission: idr(1_123_400),
      refunds: idr(0),
      samplesSent: 3,
      contentPosted: 6,
      // Twice as much content as samples: a rate over 100% is real, and kept.
      postingRateBps: 20_000,
      fulfilmentBps: 6085,
      sampleCost: idr(150_000),
      cashRoi: 10.98949261,
      fullCostRoi: 9.7873,
      sources: { gmv: capture, orders: capture, commission: capture, samplesSent: capture, postingRateBps: capture, fulfilmentBps: { ...capture, seenAt: NOW - 3 * DAY } },
    },
    { ...base, period: 'import:import-1', handle: 'lee.reviews', blocked: 1, gmv: idr(0), cashRoi: 0, otherCurrency: 2, sources: { gmv: imported, cashRoi: imported } },
  ];
  const periods = new Map<string, PeriodInfo>([
    ['d30', { key: 'd30', source: 'capture', start: NOW - 30 * DAY, end: NOW }],
    ['import:import-1', { key: 'import:import-1', source: 'import', start: NOW - 60 * DAY, end: NOW - 30 * DAY, fileName: '=Creator analysis.xlsx' }],
  ]);

  it('has who, the seller\'s marks, the period, then every figure with its source and period', () => {
    const t = creatorRowsTable(rows, periods);
    expect(t.columns.slice(0, 12).map((c) => c.header)).toEqual(['Handle', 'Nickname', 'Tags', 'Watched', 'Blocked', 'Last seen', 'Shop', 'Period', 'Period source', 'Period starts', 'Period ends', 'Period file']);
    expect(record(t)).toMatchObject({
      Handle: 'glowwithmaya',
      Nickname: "'@Maya",
      Tags: 'skincare; top 10',
      Watched: 'yes',
      Blocked: 'no',
      Period: 'd30',
      'Period source': 'capture',
      'Period starts': new Date(NOW - 30 * DAY).toISOString(),
      'Period file': '',
      GMV: moneyAmount(idr(12_345_600)),
      'GMV currency': 'IDR',
      'GMV source': 'capture',
      'GMV period': 'd30',
      'GMV seen': new Date(NOW - DAY).toISOString(),
      Orders: '41',
      'SKU orders': '45',
      Commission: moneyAmount(idr(1_123_400)),
      'Commission source': 'capture',
      Refunds: moneyAmount(idr(0)),
      'Refunds source': '',
      'Posting rate (samples sent whose content was posted ÷ samples sent)': '200.00%',
      Fulfilment: '60.85%',
      'Fulfilment seen': new Date(NOW - 3 * DAY).toISOString(),
      'Sample cost': moneyAmount(idr(150_000)),
      'Cash ROI (GMV ÷ commission)': '10.9895',
      'Full-cost ROI (GMV ÷ (commission + sample cost))': '9.7873',
      'Figures left out (other currency)': '',
    });
    expect(record(t, 1)).toMatchObject({
      Handle: 'lee.reviews',
      Watched: 'no',
      Blocked: 'yes',
      Period: 'import:import-1',
      'Period source': 'import',
      'Period file': "'=Creator analysis.xlsx",
      GMV: moneyAmount(idr(0)),
      'GMV source': 'import',
      'GMV period': 'import:import-1',
      Orders: '',
      'Cash ROI (GMV ÷ commission)': '0',
      'Cash ROI source': 'import',
      'Full-cost ROI (GMV ÷ (commission + sample cost))': '',
      'Figures left out (other currency)': '2',
    });
    // A ratio over nothing is unknown, not a number a spreadsheet cannot hold.
    expect(record(creatorRowsTable([{ ...rows[1]!, cashRoi: Number.POSITIVE_INFINITY, fullCostRoi: Number.NaN }]))).toMatchObject({
      'Cash ROI (GMV ÷ commission)': '',
      'Full-cost ROI (GMV ÷ (commission + sample cost))': '',
    });
    // Without the periods the rows still say which period each figure is of.
    expect(record(creatorRowsTable(rows))).toMatchObject({ Period: 'd30', 'Period starts': '', 'GMV period': 'd30' });
  });

  it("names every figure by its term, as the view, the card and the badge do, with the ratios' formulas", () => {
    const headers = creatorRowsTable(rows, periods).columns.map((c) => c.header);
    expect(termHeader('cashRoi')).toBe('Cash ROI (GMV ÷ commission)');
    expect(termHeader('fullCostRoi')).toBe('Full-cost ROI (GMV ÷ (commission + sample cost))');
    expect(termHeader('postingRate')).toBe('Posting rate (samples sent whose content was posted ÷ samples sent)');
    // Every term of a creator's row, in the catalogue's words; the headline's share of zero-GMV creators is no row's.
    for (const term of TERMS.filter((x) => x !== 'zeroGmvShare')) {
      const name = enPage[termName(term)];
      expect(headers, term).toContain(termHeader(term));
      expect(termHeader(term).startsWith(name), term).toBe(true);
      expect(headers, term).toEqual(expect.arrayContaining([`${name} source`, `${name} period`, `${name} seen`]));
      if (!['postingRate', 'cashRoi', 'fullCostRoi'].includes(term)) expect(termHeader(term), term).toBe(name);
      else expect(enPage[termFormula(term)].startsWith(termHeader(term).slice(name.length + 2, -1)), term).toBe(true);
    }
    expect(new Set(headers).size).toBe(headers.length);
  });

  it('in an xlsx: money in rupiah, ROI and rates as numbers, dates as dates, zero as zero and unknown as empty', () => {
    const t = creatorRowsTable(rows, periods);
    const first = xlsxRecord(t);
    expect(first).toMatchObject({
      // Rupiah in the decimals this browser reads them with (ISO 4217 says 2; recent CLDR data says 0).
      GMV: { t: 'n', v: 12_345_600 / 10 ** minorDigits('IDR'), z: moneyFormat('IDR') },
      'Posting rate (samples sent whose content was posted ÷ samples sent)': { t: 'n', v: 2, z: '0.00%' },
      'Cash ROI (GMV ÷ commission)': { t: 'n', v: 10.9895, z: '0.00"x"' },
      'Period starts': { t: 'n', w: '2025-10-22 04:40:00 UTC' },
    });
    const second = xlsxRecord(t, 1);
    expect(second.GMV).toMatchObject({ t: 'n', v: 0 });
    expect(second['Cash ROI (GMV ÷ commission)']).toMatchObject({ t: 'n', v: 0 });
    expect(second.Orders).toBeUndefined();
    expectSameValues(t);
  });
});
