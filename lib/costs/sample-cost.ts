import { storage } from '#imports';
import * as z from 'zod/mini';
import { currencyOfRegion, regionOfShopKey } from '../domain/currency';
import type { Money } from '../domain/money';

/**
 * The seller's flat cost per sample, per shop, in `storage.local` (`local:sampleCosts`, shop key → Money in the shop's
 * currency): what a sample costs when its SKU has no cost entered (lib/creators/terms.ts `sampleCostOf`). None is set
 * by default; the full-cost ROI then says it needs one. The options page saves it through the background (message
 * `saveSampleCost`), which rebuilds the shop's creator rows with it.
 */

/** A flat cost above this (in minor units) is refused as a typing slip rather than stored. */
export const MAX_SAMPLE_COST_MINOR = 1e13;

const shopKey = z.string().check(z.regex(/^[A-Z]{2}:(\d{1,24}|-)$/));
const amount = z.object({ minor: z.int().check(z.gte(0), z.lte(MAX_SAMPLE_COST_MINOR)), currency: z.string().check(z.regex(/^[A-Z]{3}$/)) });

export const saveSampleCostRequest = z.object({
  shopKey,
  /** `null` removes the flat cost. */
  perSample: z.nullable(amount),
});
export type SaveSampleCostRequest = z.infer<typeof saveSampleCostRequest>;
export type SaveSampleCostAck = { ok: true; perSample: Money | null } | { ok: false; reason: 'invalid' | 'currency' };

const stored = z.record(shopKey, amount);
export type SampleCosts = Record<string, Money>;

export const sampleCostsItem = storage.defineItem<SampleCosts>('local:sampleCosts', { fallback: {}, version: 1 });

/** Whatever is stored, as valid flat costs: an entry that is not valid is left out (never throws). */
export function sampleCostsFrom(raw: unknown): SampleCosts {
  if (typeof raw !== 'object' || raw === null) return {};
  return Object.fromEntries(
    Object.entries(raw).flatMap(([k, v]) => {
      const one = stored.safeParse({ [k]: v });
      return one.success ? Object.entries(one.data) : [];
    }),
  );
}

export async function readSampleCosts(): Promise<SampleCosts> {
  return sampleCostsFrom(await sampleCostsItem.getValue());
}

/** The flat cost per sample of one shop, if set. */
export async function readSampleCost(shop: string): Promise<Money | undefined> {
  return (await readSampleCosts())[shop];
}

/** Validate and store (or remove) a shop's flat cost; it must be in the shop's currency. Nothing is written on refusal. */
export async function saveSampleCost(raw: unknown): Promise<SaveSampleCostAck> {
  const parsed = saveSampleCostRequest.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const { shopKey: shop, perSample } = parsed.data;
  if (perSample && perSample.currency !== currencyOfRegion(regionOfShopKey(shop))) return { ok: false, reason: 'currency' };
  const { [shop]: _old, ...rest } = await readSampleCosts();
  await sampleCostsItem.setValue(perSample ? { ...rest, [shop]: perSample } : rest);
  return { ok: true, perSample };
}
