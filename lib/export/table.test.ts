import { describe, expect, it } from 'vitest';
import { NOW } from '../../test/fixtures/sample-group-list';
import { money } from '../domain/money';
import { CELL_TEXT_MAX, cellText, fitCell, guard, isoTime, moneyAmount, percent, textRows, type ExportTable } from './table';

describe('cell text (the CSV)', () => {
  it("writes money exactly from minor units, in the currency's own decimals", () => {
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
    expect(percent(20_000)).toBe('200.00%');
    expect(percent(0)).toBe('0.00%');
    expect(percent(12.5)).toBe('0.125%');
    expect(percent(undefined)).toBe('');
  });

  it('writes times as ISO 8601 UTC', () => {
    expect(isoTime(NOW)).toBe('2025-11-21T04:40:00.000Z');
    expect(isoTime(undefined)).toBe('');
  });

  it('guards text a spreadsheet would run as a formula', () => {
    expect(guard('=HYPERLINK("https://evil.example","Click")')).toBe('\'=HYPERLINK("https://evil.example","Click")');
    expect(guard('+1+1')).toBe("'+1+1");
    expect(guard('-2+3')).toBe("'-2+3");
    expect(guard('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(guard('\t=1')).toBe("'\t=1");
    expect(guard('\r=1')).toBe("'\r=1");
    expect(guard('Maya = glow')).toBe('Maya = glow');
    expect(guard(undefined)).toBeUndefined();
  });

  it('cuts text to what one spreadsheet cell holds', () => {
    expect(fitCell('short')).toBe('short');
    expect(fitCell('y'.repeat(CELL_TEXT_MAX))).toHaveLength(CELL_TEXT_MAX);
    const cut = fitCell('y'.repeat(CELL_TEXT_MAX + 1));
    expect(cut).toBe(`${'y'.repeat(CELL_TEXT_MAX - 2)}…`);
    expect(fitCell(undefined)).toBeUndefined();
  });

  it('writes each kind of cell by its column, and an unknown value as an empty cell', () => {
    expect(cellText('count', 1200)).toBe('1200');
    expect(cellText('ratio', 10.9877)).toBe('10.9877');
    expect(cellText('rate', 97)).toBe('0.97%');
    expect(cellText('time', NOW)).toBe('2025-11-21T04:40:00.000Z');
    expect(cellText('money', { minor: 1_050_000, currency: 'USD' })).toBe('10500.00');
    expect(cellText('text', '1729500000000000001')).toBe('1729500000000000001');
    for (const kind of ['text', 'count', 'ratio', 'rate', 'time', 'money'] as const) expect(cellText(kind, undefined), kind).toBe('');
  });

  it('makes the header and every row as text', () => {
    const table: ExportTable = {
      sheet: 'T',
      columns: [
        { header: 'Id', kind: 'text' },
        { header: 'Rate', kind: 'rate' },
        { header: 'When', kind: 'time' },
      ],
      rows: [
        ['7494000000000000001', 1500, NOW],
        ['x', undefined, undefined],
      ],
    };
    expect(textRows(table)).toEqual([
      ['Id', 'Rate', 'When'],
      ['7494000000000000001', '15.00%', '2025-11-21T04:40:00.000Z'],
      ['x', '', ''],
    ]);
  });
});
