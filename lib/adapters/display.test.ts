import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from '../domain/money';
import { decimalSeparatorOf, readCount, readMoney, readPercent, readScore, readShare } from './display';

const value = <T>(r: { ok: true; value: T } | { ok: false; why: string }) => (r.ok ? r.value : r.why);

describe('readMoney: amounts as the shop’s locale writes them', () => {
  it.each([
    // Real-shapes §1 [raw]: an Indonesian shop's creator GMV and SKU price.
    ['Rp130.973.930', 'ID', money('130973930', 'IDR')],
    ['Rp455.000', 'ID', money('455000', 'IDR')],
    ['Rp 455.000', 'ID', money('455000', 'IDR')],
    ['Rp1.234,50', 'ID', money('1234.50', 'IDR')],
    ['Rp1,2jt', 'ID', money('1200000', 'IDR')],
    ['Rp12,5rb', 'ID', money('12500', 'IDR')],
    // [fixture]: a dollar figure with a thousands comma.
    ['$2,400', 'US', money('2400', 'USD')],
    ['$2,400.50', 'US', money('2400.50', 'USD')],
    ['$1,234,567.89', 'US', money('1234567.89', 'USD')],
    ['$24.99', 'US', money('24.99', 'USD')],
    ['$1.2K', 'US', money('1200', 'USD')],
    ['$3M', 'US', money('3000000', 'USD')],
    ['USD 2,400', 'US', money('2400', 'USD')],
    ['2,400 USD', 'US', money('2400', 'USD')],
    ['£1,299.00', 'GB', money('1299', 'GBP')],
    ['S$2,400', 'SG', money('2400', 'SGD')],
    ['$2,400', 'SG', money('2400', 'SGD')],
    ['RM 1,234.50', 'MY', money('1234.50', 'MYR')],
    ['₱1,000', 'PH', money('1000', 'PHP')],
    ['1.234.000₫', 'VN', money('1234000', 'VND')],
    ['1M₫', 'VN', money('1000000', 'VND')],
    ['1.234,56 €', 'DE', money('1234.56', 'EUR')],
    ['€1.234', 'DE', money('1234', 'EUR')],
    ['1 234,56 €', 'FR', money('1234.56', 'EUR')],
    ['1\u202f234,56\u00a0€', 'FR', money('1234.56', 'EUR')],
    ['12 Kč', 'CZ', money('12', 'CZK')],
    ['1 234,50 zł', 'PL', money('1234.50', 'PLN')],
    ['฿1,250', 'TH', money('1250', 'THB')],
    ['130973930', 'ID', money('130973930', 'IDR')],
    ['-$5.00', 'US', money('-5', 'USD')],
  ])('%s in %s', (text, region, expected) => {
    expect(value(readMoney(text, region))).toEqual(expected);
  });

  it.each([
    // One separator before three digits: a thousands group or a decimal, and only the region tells which.
    ['$2,400', 'XX', 'ambiguous'],
    ['2.400', 'XX', 'ambiguous'],
    // A glyph that does not name the shop's currency is not read as it.
    ['$2,400', 'ID', 'ambiguous'],
    ['Rp455.000', 'US', 'ambiguous'],
    ['USD 12', 'GB', 'ambiguous'],
    ['$12', 'XX', 'ambiguous'],
    ['¤12', 'US', 'ambiguous'],
    ['12', 'XX', 'ambiguous'],
    ['', 'US', 'blank'],
    ['-', 'US', 'blank'],
    ['—', 'ID', 'blank'],
    ['lots', 'US', 'malformed'],
    ['$1,23,4', 'US', 'malformed'],
    ['$1..2', 'US', 'malformed'],
    ['$1.234.5', 'US', 'malformed'],
    ['$1,234.567.8', 'US', 'malformed'],
    ['$12$', 'US', 'malformed'],
    ['12%', 'US', 'malformed'],
    ['$1,2.3,4', 'US', 'malformed'],
  ])('%s in %s is not read (%s)', (text, region, why) => {
    expect(value(readMoney(text, region))).toBe(why);
  });

  it('reads the same amount whichever way a region writes it', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 999_999_999_999n }), fc.integer({ min: 0, max: 99 }), fc.constantFrom('US', 'ID', 'DE', 'GB', 'VN'), (whole, cents, region) => {
        const comma = decimalSeparatorOf(region) === ',';
        const digits = whole.toString();
        const groups = digits.replace(/\B(?=(\d{3})+(?!\d))/g, comma ? '.' : ',');
        const text = `${groups}${comma ? ',' : '.'}${String(cents).padStart(2, '0')}`;
        const currency = { US: 'USD', ID: 'IDR', DE: 'EUR', GB: 'GBP', VN: 'VND' }[region] as string;
        expect(value(readMoney(text, region))).toEqual(money(`${digits}.${String(cents).padStart(2, '0')}`, currency));
      }),
    );
  });

  it('never throws and never reads a figure it was not given, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), fc.constantFrom('US', 'ID', 'XX', 'DE', 'VN'), (text, region) => {
        const r = readMoney(text, region);
        if (r.ok) {
          expect(Number.isSafeInteger(r.value.minor)).toBe(true);
          expect(text).toMatch(/\d/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('readCount: whole counts', () => {
  it.each([
    ['4726', 'ID', 4726],
    ['4726', 'XX', 4726],
    ['426', 'US', 426],
    // A count has no decimals, so a lone separator before three digits groups them in any region.
    ['4,726', 'ID', 4726],
    ['4.726', 'US', 4726],
    ['4.726', 'XX', 4726],
    ['1.234.567', 'ID', 1234567],
    ['1,234,567', 'US', 1234567],
    ['1 234 567', 'FR', 1234567],
    ['12.5K', 'US', 12500],
    ['12,5K', 'ID', 12500],
    ['1,2jt', 'ID', 1200000],
    ['3M', 'US', 3000000],
    [4726, 'US', 4726],
    ['0', 'US', 0],
  ])('%s in %s', (text, region, expected) => {
    expect(value(readCount(text, region))).toBe(expected);
  });

  it.each([
    ['', 'blank'],
    ['--', 'blank'],
    ['4.72', 'malformed'],
    ['1234.567', 'malformed'],
    ['1.2345K', 'malformed'],
    ['-3', 'malformed'],
    ['$12', 'malformed'],
    ['12%', 'malformed'],
    ['many', 'malformed'],
    [-1, 'malformed'],
    [1.5, 'malformed'],
  ] as const)('%s is not read (%s)', (text, why) => {
    expect(value(readCount(text, 'US'))).toBe(why);
  });

  it('reads every grouped count back, in every region', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.constantFrom(',', '.', ' '), fc.constantFrom('US', 'ID', 'XX'), (n, sep, region) => {
        const text = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
        expect(value(readCount(text, region))).toBe(n);
      }),
    );
  });
});

describe('readPercent: rates in basis points', () => {
  it.each([
    // [raw] an Indonesian shop still writes this one with a decimal point: two digits after it cannot group.
    ['100.00%', 'ID', 10_000],
    ['91%', 'ID', 9100],
    ['91%', 'US', 9100],
    ['60.85%', 'US', 6085],
    ['91,5%', 'ID', 9150],
    ['91,25 %', 'DE', 9125],
    ['0%', 'XX', 0],
    ['33.333%', 'US', 3333],
  ])('%s in %s', (text, region, expected) => {
    expect(value(readPercent(text, region))).toBe(expected);
  });

  it.each([
    ['', 'blank'],
    ['91', 'malformed'],
    ['0.91', 'malformed'],
    ['120%', 'malformed'],
    ['-5%', 'malformed'],
    ['9K%', 'malformed'],
    ['high%', 'malformed'],
    ['33.333%', 'ambiguous'],
  ] as const)('%s is not read (%s) in an unknown region', (text, why) => {
    expect(value(readPercent(text, 'XX'))).toBe(why);
  });

  it('reads every percentage with two decimals, with either decimal mark', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom('.', ','), (bps, mark) => {
        const text = `${Math.floor(bps / 100)}${mark}${String(bps % 100).padStart(2, '0')}%`;
        expect(value(readPercent(text, 'XX'))).toBe(bps);
      }),
    );
  });
});

describe('readShare and readScore', () => {
  it('reads audience shares as fractions or percentages', () => {
    expect(value(readShare('0.68'))).toBe(6800);
    expect(value(readShare('0,42', 'ID'))).toBe(4200);
    expect(value(readShare(0.125))).toBe(1250);
    expect(value(readShare('68%'))).toBe(6800);
    expect(value(readShare('1'))).toBe(10_000);
    expect(value(readShare('1.5'))).toBe('malformed');
    expect(value(readShare(68))).toBe('malformed');
    expect(value(readShare(''))).toBe('blank');
  });

  it('reads TikTok’s scores as machine decimals, never localised', () => {
    expect(value(readScore('0.3000'))).toBe(0.3);
    expect(value(readScore('1.25'))).toBe(1.25);
    expect(value(readScore('12'))).toBe(12);
    expect(value(readScore(0.42))).toBe(0.42);
    expect(value(readScore('0,3'))).toBe('malformed');
    expect(value(readScore('1,000'))).toBe('malformed');
    expect(value(readScore('high'))).toBe('malformed');
    expect(value(readScore(''))).toBe('blank');
    expect(value(readScore(Number.NaN))).toBe('malformed');
  });
});
