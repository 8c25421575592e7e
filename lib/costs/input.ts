import { money, type Money } from '../domain/money';
import { plainDecimal, type Decimal } from '../import/numbers';

/**
 * What the seller typed into a cost field, in the shop's currency: `""` is no value, a non-negative amount is Money,
 * anything else is an error. The decimal mark follows the UI language (`12,50` in Indonesian, `12.50` in English);
 * thousands separators are accepted either way.
 */
export function parseCostInput(text: string, currency: string, decimal: Decimal): { ok: true; value: Money | null } | { ok: false } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const plain = plainDecimal(trimmed, decimal);
  const value = plain === undefined || plain.startsWith('-') ? undefined : money(plain, currency);
  return value ? { ok: true, value } : { ok: false };
}

/** A Money value back into the field's text, with the UI's decimal mark and no grouping. */
export function formatCostInput(value: Money | undefined, decimal: Decimal, digits: number): string {
  if (!value) return '';
  const text = (value.minor / 10 ** digits).toFixed(digits);
  return decimal === ',' ? text.replace('.', ',') : text;
}
