import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from '../domain/money';
import { currencyOfSymbol, decimalEvidence, isBlank, parseAmount, parseCount, parsePercentBps, plainDecimal } from './numbers';

const amount = (cell: string | number, currency?: string, decimal?: '.' | ',') => {
  const r = parseAmount(cell, { currency, decimal });
  return r.ok ? r.value : r.problem;
};

describe('amounts in every locale Affiliate Center serves', () => {
  it.each([
    ['$1,234.56', 'USD', '1234.56', 'USD'],
    ['Rp1.234.567', 'IDR', '1234567', 'IDR'],
    ['Rp 15.000', 'IDR', '15000', 'IDR'],
    ['RM1,234.50', 'MYR', '1234.50', 'MYR'],
    ['฿1,234.50', 'THB', '1234.50', 'THB'],
    ['₫1.234.567', 'VND', '1234567', 'VND'],
    ['1.234.567 ₫', 'VND', '1234567', 'VND'],
    ['£1,234.56', 'GBP', '1234.56', 'GBP'],
    ['€1.234,56', 'EUR', '1234.56', 'EUR'],
    ['1 234,56 €', 'EUR', '1234.56', 'EUR'],
    ['1\u202f234,56\u00a0€', 'EUR', '1234.56', 'EUR'],
    ['₱12,345.60', 'PHP', '12345.60', 'PHP'],
    ['S$12.30', 'SGD', '12.30', 'SGD'],
    ['R$ 1.234,56', 'BRL', '1234.56', 'BRL'],
    ['1 234,56 zł', 'PLN', '1234.56', 'PLN'],
    ['IDR 1.234.567', 'IDR', '1234567', 'IDR'],
    ['1,234.56 USD', 'USD', '1234.56', 'USD'],
    ['-$12.34', 'USD', '-12.34', 'USD'],
    ['$0.00', 'USD', '0.00', 'USD'],
    ['$7', 'USD', '7.00', 'USD'],
  ])('%s', (text, shopCurrency, decimal, currency) => {
    expect(amount(text, shopCurrency)).toEqual(money(decimal, currency));
  });

  it('takes the currency from the symbol over the shop, and the shop for a bare amount or a number cell', () => {
    expect(amount('£3.50', 'USD')).toEqual({ minor: 350, currency: 'GBP' });
    expect(amount('1,234.56', 'MYR')).toEqual({ minor: 123456, currency: 'MYR' });
    expect(amount(1234.56, 'GBP')).toEqual({ minor: 123456, currency: 'GBP' });
    expect(amount(0.1 + 0.2, 'USD')).toEqual({ minor: 30, currency: 'USD' });
  });

  it('reads a bare $ as the shop’s own dollar where it has one, US dollars elsewhere', () => {
    expect(amount('$12.30', 'SGD')).toEqual({ minor: 1230, currency: 'SGD' });
    expect(amount('$12.30', 'IDR')).toEqual({ minor: 1230, currency: 'USD' });
    expect(amount('US$12.30', 'SGD')).toEqual({ minor: 1230, currency: 'USD' });
  });

  it('refuses what is not an amount, and an amount without any currency', () => {
    for (const bad of ['12,34,5', '1.2.3', '$1,23.45', 'abc', '$', '1,234.', '12.5.6,7', '€1.234,56,7', '1e5']) expect(amount(bad, 'USD'), bad).toBe('amount');
    expect(amount('1,234.56')).toBe('currency');
    expect(amount(12)).toBe('currency');
  });
});

describe('the decimal mark', () => {
  it('is read from the value when the value shows it', () => {
    expect(plainDecimal('1.234,56')).toBe('1234.56');
    expect(plainDecimal('1,234.56')).toBe('1234.56');
    expect(plainDecimal('0,97')).toBe('0.97');
    expect(plainDecimal('12.5')).toBe('12.5');
    expect(plainDecimal('1.234.567')).toBe('1234567');
    expect(plainDecimal("1'234.50")).toBe('1234.50');
  });

  it('breaks the 1,234 / 1.234 tie with the file’s own decimal mark, thousands when the file does not show one', () => {
    expect(plainDecimal('1,234')).toBe('1234');
    expect(plainDecimal('1.234')).toBe('1234');
    expect(plainDecimal('1,234', ',')).toBe('1.234');
    expect(plainDecimal('1.234', '.')).toBe('1.234');
  });

  it('is told by a cell only when the cell cannot mean the other mark', () => {
    expect(decimalEvidence('€1.234,56')).toBe(',');
    expect(decimalEvidence('0.97%')).toBe('.');
    expect(decimalEvidence('Rp1.234')).toBeUndefined();
    expect(decimalEvidence('1,234')).toBeUndefined();
  });
});

describe('rates and counts', () => {
  it('reads rates as basis points in either decimal mark', () => {
    expect(parsePercentBps('0.97%', {})).toBe(97);
    expect(parsePercentBps('0,97%', {})).toBe(97);
    expect(parsePercentBps('12.5 %', {})).toBe(1250);
    expect(parsePercentBps('15%', {})).toBe(1500);
    expect(parsePercentBps('1,234%', { decimal: ',' })).toBe(123);
    expect(parsePercentBps(0.97, {})).toBe(97);
    expect(parsePercentBps('x%', {})).toBeUndefined();
  });

  it('reads a rate without % in its column’s form, and keeps rates above 100%', () => {
    expect(parsePercentBps('0.0204', {}, 'fraction')).toBe(204);
    expect(parsePercentBps('0,0204', { decimal: ',' }, 'fraction')).toBe(204);
    expect(parsePercentBps(0.0204, {}, 'fraction')).toBe(204);
    expect(parsePercentBps('2', {}, 'fraction')).toBe(20_000);
    expect(parsePercentBps('2.04', {}, 'percent')).toBe(204);
    expect(parsePercentBps('200%', {}, 'fraction')).toBe(20_000);
    expect(parsePercentBps('1,234.5%', {})).toBe(123_450);
  });

  it('reads whole numbers with thousands in either mark, and refuses fractions', () => {
    expect(parseCount('1,234', {})).toBe(1234);
    expect(parseCount('1.234', { decimal: ',' })).toBe(1234);
    expect(parseCount('1 234', {})).toBe(1234);
    expect(parseCount(42, {})).toBe(42);
    expect(parseCount('12.0', { decimal: '.' })).toBe(12);
    expect(parseCount('1,5', { decimal: ',' })).toBeUndefined();
    expect(parseCount(2.5, {})).toBeUndefined();
    expect(parseCount('seven', {})).toBeUndefined();
  });

  it('knows the blanks exports write', () => {
    for (const b of ['', ' ', '-', '--', 'N/A', 'n/a']) expect(isBlank(b), b).toBe(true);
    expect(isBlank('0')).toBe(false);
    expect(isBlank(0)).toBe(false);
  });

  it('names currencies by symbol or code', () => {
    expect(currencyOfSymbol('Rp')).toBe('IDR');
    expect(currencyOfSymbol('rm')).toBe('MYR');
    expect(currencyOfSymbol('eur')).toBe('EUR');
    expect(currencyOfSymbol('XYZ')).toBeUndefined();
  });
});

describe('any text at all', () => {
  const cell = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.stringMatching(/^[-−]?(Rp|RM|\$|€|£|฿|₫|IDR )?[0-9.,  ']{0,14}( ?€|%)?$/),
    fc.double({ noNaN: false }),
  );

  it('parses to an exact value or to nothing, and never throws', () => {
    fc.assert(
      fc.property(cell, fc.constantFrom(undefined, '.', ','), fc.constantFrom(undefined, 'USD', 'IDR', 'VND'), (c, decimal, currency) => {
        const format = { decimal: decimal as '.' | ',' | undefined, currency };
        const a = parseAmount(c, format);
        if (a.ok) {
          expect(Number.isSafeInteger(a.value.minor)).toBe(true);
          expect(a.value.currency).toMatch(/^[A-Z]{3}$/);
        } else expect(['amount', 'currency']).toContain(a.problem);
        const bps = parsePercentBps(c, format);
        if (bps !== undefined) expect(Number.isSafeInteger(bps)).toBe(true);
        const n = parseCount(c, format);
        if (n !== undefined) expect(Number.isSafeInteger(n)).toBe(true);
      }),
      { numRuns: 3_000 },
    );
  });
});
