import { describe, expect, it } from 'vitest';
import { minorDigits, money } from './money';

describe('money', () => {
  it('stores integer minor units per the currency', () => {
    expect(money('12.99', 'USD')).toEqual({ minor: 1299, currency: 'USD' });
    expect(money(12.5, 'GBP')).toEqual({ minor: 1250, currency: 'GBP' });
    expect(money('150000', 'VND')).toEqual({ minor: 150000, currency: 'VND' });
    expect(money('0.125', 'USD')).toEqual({ minor: 13, currency: 'USD' });
    expect(money('-3.10', 'EUR')).toEqual({ minor: -310, currency: 'EUR' });
    expect(minorDigits('JPY')).toBe(0);
  });

  it('refuses formatted text and bad currencies', () => {
    expect(money('$12.99', 'USD')).toBeUndefined();
    expect(money('1,299', 'USD')).toBeUndefined();
    expect(money('12.99', 'usd')).toBeUndefined();
    expect(money('NaN', 'USD')).toBeUndefined();
    expect(money('-90071992547409.92', 'USD')).toBeUndefined();
    expect(money('90071992547409.91', 'USD')).toEqual({ minor: 9007199254740991, currency: 'USD' });
  });
});
