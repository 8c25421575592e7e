import * as z from 'zod/mini';
import type { AppDB } from '../db/app-db';
import type { ProductCost } from '../domain/types';

/**
 * The seller's own costs per SKU (cost of goods, shipping a sample or an order), for full-cost ROI and sample cost.
 * Entered in the options page in the shop's currency; stored as Money under `shopKey|skuId`. The background writes them.
 */

const moneySchema = z.object({ minor: z.int().check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER)), currency: z.string().check(z.regex(/^[A-Z]{3}$/)) });
const id = z.string().check(z.regex(/^\d{1,24}$/));

export const saveCostsRequest = z.object({
  shopKey: z.string().check(z.regex(/^[A-Z]{2}:(\d{1,24}|-)$/)),
  rows: z
    .array(
      z.object({
        skuId: id,
        productId: id,
        /** `null` clears the value. */
        costOfGoods: z.nullable(moneySchema),
        shipping: z.nullable(moneySchema),
      }),
    )
    .check(z.minLength(1), z.maxLength(5000)),
});
export type SaveCostsRequest = z.infer<typeof saveCostsRequest>;
export type SaveCostsAck = { ok: true; saved: number; cleared: number } | { ok: false; reason: 'invalid' | 'currency' };

export const costKey = (shopKey: string, skuId: string) => `${shopKey}|${skuId}`;

/** Store the rows in one transaction; a row with neither value removes the SKU's costs. Money in one currency only. */
export async function saveCosts(db: AppDB, raw: unknown, now: number): Promise<SaveCostsAck> {
  const parsed = saveCostsRequest.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const { shopKey, rows } = parsed.data;
  const currencies = new Set(rows.flatMap((r) => [r.costOfGoods?.currency, r.shipping?.currency]).filter((c) => c !== undefined));
  if (currencies.size > 1) return { ok: false, reason: 'currency' };
  const keep: ProductCost[] = [];
  const clear: string[] = [];
  for (const r of rows) {
    const key = costKey(shopKey, r.skuId);
    if (!r.costOfGoods && !r.shipping) clear.push(key);
    else
      keep.push({
        key,
        shopKey,
        productId: r.productId,
        skuId: r.skuId,
        ...(r.costOfGoods && { costOfGoods: r.costOfGoods }),
        ...(r.shipping && { shipping: r.shipping }),
        updatedAt: now,
      });
  }
  await db.transaction('rw', db.costs, async () => {
    if (clear.length) await db.costs.bulkDelete(clear);
    if (keep.length) await db.costs.bulkPut(keep);
  });
  return { ok: true, saved: keep.length, cleared: clear.length };
}
