import { storage } from '#imports';
import * as z from 'zod/mini';

/**
 * The seller's outreach settings, in `storage.local` (`local:outreach`). The popup reads them and saves through the
 * background (message `saveOutreachSettings`), like every other setting.
 *
 * The weekly quota is what the seller says TikTok lets them invite per week. TikTok caps target invitations and messages
 * to creators the shop is not yet connected with per week, by the shop's 30-day GMV (seller help "Affiliate Target
 * Invite & IM Quotas"; about 50 a week for shops with little GMV, research/user-needs.md need 6), so the default is 50.
 * Collab Lens compares it with the creators invited in target invitations that started this ISO week (UTC), which is
 * what it can see; TikTok's own count may differ (it resets on its own schedule and counts messages too).
 */
export const DEFAULT_WEEKLY_QUOTA = 50;
export const QUOTA_BOUNDS = { min: 1, max: 10_000 } as const;

export const outreachSettingsSchema = z.object({
  weeklyQuota: z.int().check(z.gte(QUOTA_BOUNDS.min), z.lte(QUOTA_BOUNDS.max)),
});
export type OutreachSettings = z.infer<typeof outreachSettingsSchema>;

export type SaveOutreachAck = { ok: true; settings: OutreachSettings } | { ok: false };

export const outreachItem = storage.defineItem<OutreachSettings>('local:outreach', { fallback: { weeklyQuota: DEFAULT_WEEKLY_QUOTA }, version: 1 });

/** Whatever is stored, as valid settings: an invalid or missing quota falls back to the default (never throws). */
export function outreachSettingsFrom(raw: unknown): OutreachSettings {
  const parsed = outreachSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : { weeklyQuota: DEFAULT_WEEKLY_QUOTA };
}

export async function readOutreachSettings(): Promise<OutreachSettings> {
  return outreachSettingsFrom(await outreachItem.getValue());
}

/** Validate and store: an invalid value is refused and nothing is written. */
export async function saveOutreachSettings(data: unknown): Promise<SaveOutreachAck> {
  const parsed = outreachSettingsSchema.safeParse(data);
  if (!parsed.success) return { ok: false };
  await outreachItem.setValue(parsed.data);
  return { ok: true, settings: parsed.data };
}
