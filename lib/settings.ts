import { storage } from '#imports';
import * as z from 'zod/mini';
import type { MaintenanceResult } from './background/maintenance';

/**
 * The seller's settings, in `storage.local`. Extension pages read them; only the background writes them (message
 * `saveSettings`), so a write and the maintenance it triggers happen in one place.
 */
export const SETTINGS_BOUNDS = {
  /** Raw observations (which page showed which records) older than this are deleted; the facts stay. */
  observationRetentionDays: { min: 30, max: 3650 },
  /** Personal contact data older than this is deleted; which channels exist stays on the entities. */
  scrubContactsAfterDays: { min: 1, max: 3650 },
} as const;

export const DEFAULT_SETTINGS = {
  observationRetentionDays: 365,
  scrubContactsAfterDays: 30,
} as const satisfies Record<keyof typeof SETTINGS_BOUNDS, number>;

const days = (key: keyof typeof SETTINGS_BOUNDS) => z.int().check(z.gte(SETTINGS_BOUNDS[key].min), z.lte(SETTINGS_BOUNDS[key].max));

/** What a write must satisfy: every field present and in bounds. */
export const settingsSchema = z.object({
  observationRetentionDays: days('observationRetentionDays'),
  scrubContactsAfterDays: days('scrubContactsAfterDays'),
});
export type Settings = z.infer<typeof settingsSchema>;

/** The background's answer to `saveSettings`: the stored settings and what the new retention removed at once. */
export type SaveSettingsAck = { ok: true; settings: Settings; removed: MaintenanceResult } | { ok: false };

/** What a read tolerates: a missing or out-of-bounds field falls back to its default, the others are kept. */
const storedSettings = z.object({
  observationRetentionDays: z.catch(days('observationRetentionDays'), DEFAULT_SETTINGS.observationRetentionDays),
  scrubContactsAfterDays: z.catch(days('scrubContactsAfterDays'), DEFAULT_SETTINGS.scrubContactsAfterDays),
});

export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: { ...DEFAULT_SETTINGS }, version: 1 });

/** Parse whatever is stored into valid settings (never throws). */
export function settingsFrom(raw: unknown): Settings {
  const parsed = storedSettings.safeParse(raw && typeof raw === 'object' ? raw : {});
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
}

export async function readSettings(): Promise<Settings> {
  return settingsFrom(await settingsItem.getValue());
}

/** Validate and store; throws a ZodError for invalid settings, so nothing invalid is ever written. */
export async function writeSettings(next: unknown): Promise<Settings> {
  const settings = settingsSchema.parse(next);
  await settingsItem.setValue(settings);
  return settings;
}
