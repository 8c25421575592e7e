/**
 * Money is an integer amount of the currency's minor unit plus the ISO currency code: never a float, never a formatted
 * string. The minor unit follows ISO 4217 as the browser's Intl knows it (USD 2, IDR 2, VND 0, JPY 0).
 */
export interface Money {
  minor: number;
  currency: string;
}

const digitsCache = new Map<string, number>();

export function minorDigits(currency: string): number {
  let d = digitsCache.get(currency);
  if (d === undefined) {
    try {
      d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      d = 2;
    }
    digitsCache.set(currency, d);
  }
  return d;
}

/** A plain decimal (`"12.99"`, `12.99`, `"1299"`) in major units to Money; undefined for anything else. */
export function money(value: string | number, currency: string): Money | undefined {
  const s = typeof value === 'number' ? String(value) : value.trim();
  const m = /^(-?)(\d{1,15})(?:\.(\d{1,6}))?$/.exec(s);
  if (!m || !/^[A-Z]{3}$/.test(currency)) return undefined;
  const digits = minorDigits(currency);
  const fraction = (m[3] ?? '').padEnd(digits, '0');
  const kept = fraction.slice(0, digits);
  const rest = fraction.slice(digits);
  let minor = Number(`${m[2]}${kept}`);
  if (rest && Number(rest[0]) >= 5) minor += 1;
  // Past 2^53 an integer is no longer exact: such an amount is not stored rather than stored wrong.
  if (!Number.isSafeInteger(minor)) return undefined;
  return { minor: m[1] ? -minor : minor, currency };
}
