import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import type { AppDB } from '../db/app-db';
import { minorDigits } from '../domain/money';
import { costKey, saveCosts } from './costs';
import { formatCostInput, parseCostInput } from './input';

const SHOP = 'ID:7495000000000000009';
const NOW = 1_763_700_000_000;
const idr = (minor: number) => ({ minor, currency: 'IDR' });

let db: AppDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

describe('saveCosts', () => {
  it('stores costs per SKU under the shop, and a row with neither value clears them', async () => {
    const ack = await saveCosts(db, { shopKey: SHOP, rows: [{ skuId: '11', productId: '1', costOfGoods: idr(2_500_000), shipping: idr(1_200_000) }] }, NOW);
    expect(ack).toEqual({ ok: true, saved: 1, cleared: 0 });
    expect(await db.costs.get(costKey(SHOP, '11'))).toEqual({
      key: `${SHOP}|11`,
      shopKey: SHOP,
      productId: '1',
      skuId: '11',
      costOfGoods: idr(2_500_000),
      shipping: idr(1_200_000),
      updatedAt: NOW,
    });
    expect(await saveCosts(db, { shopKey: SHOP, rows: [{ skuId: '11', productId: '1', costOfGoods: null, shipping: null }] }, NOW + 1)).toEqual({ ok: true, saved: 0, cleared: 1 });
    expect(await db.costs.count()).toBe(0);
  });

  it('stores nothing from a request with a bad row, a negative amount or two currencies', async () => {
    const good = { skuId: '11', productId: '1', costOfGoods: idr(100), shipping: null };
    expect(await saveCosts(db, { shopKey: SHOP, rows: [good, { ...good, skuId: '<img>' }] }, NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(await saveCosts(db, { shopKey: SHOP, rows: [{ ...good, costOfGoods: { minor: -1, currency: 'IDR' } }] }, NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(await saveCosts(db, { shopKey: SHOP, rows: [good, { ...good, skuId: '12', shipping: { minor: 5, currency: 'USD' } }] }, NOW)).toEqual({ ok: false, reason: 'currency' });
    expect(await saveCosts(db, { shopKey: SHOP, rows: [] }, NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(await db.costs.count()).toBe(0);
  });
});

describe('cost input', () => {
  it('reads amounts with the UI language decimal mark and thousands separators, blank as no value', () => {
    expect(parseCostInput('12.50', 'USD', '.')).toEqual({ ok: true, value: { minor: 1250, currency: 'USD' } });
    expect(parseCostInput('1,234.5', 'USD', '.')).toEqual({ ok: true, value: { minor: 123_450, currency: 'USD' } });
    expect(parseCostInput('12,50', 'EUR', ',')).toEqual({ ok: true, value: { minor: 1250, currency: 'EUR' } });
    expect(parseCostInput('25.000', 'IDR', ',')).toEqual({ ok: true, value: { minor: 25_000 * 10 ** minorDigits('IDR'), currency: 'IDR' } });
    expect(parseCostInput('  ', 'USD', '.')).toEqual({ ok: true, value: null });
  });

  it('refuses negative amounts and text that is not a number', () => {
    expect(parseCostInput('-3', 'USD', '.')).toEqual({ ok: false });
    expect(parseCostInput('12 dollars', 'USD', '.')).toEqual({ ok: false });
    expect(parseCostInput('=1+2', 'USD', '.')).toEqual({ ok: false });
  });

  it('writes a stored amount back with the same decimal mark', () => {
    expect(formatCostInput({ minor: 1250, currency: 'EUR' }, ',', 2)).toBe('12,50');
    expect(formatCostInput({ minor: 1250, currency: 'USD' }, '.', 2)).toBe('12.50');
    expect(formatCostInput(undefined, '.', 2)).toBe('');
  });
});
