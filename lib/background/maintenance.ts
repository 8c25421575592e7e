import { browser } from '#imports';
import type { AppDB } from '../db/app-db';
import { readSettings, type Settings } from '../settings';

export const MAINTENANCE_ALARM = 'collab-lens-maintenance';
const DAY_MS = 86_400_000;
const DAY_MINUTES = 1440;

export interface MaintenanceResult {
  observations: number;
  contacts: number;
}

/**
 * Apply the retention settings: delete raw observations last seen before the retention window and personal contact
 * data seen before the scrub window, in one transaction. Facts, their history and the entities' `contactChannels` stay.
 * A row exactly at the boundary is kept.
 */
export async function runMaintenance(db: AppDB, settings: Settings, now = Date.now()): Promise<MaintenanceResult> {
  const observationsBefore = now - settings.observationRetentionDays * DAY_MS;
  const contactsBefore = now - settings.scrubContactsAfterDays * DAY_MS;
  return db.transaction('rw', [db.observations, db.contacts], async () => ({
    observations: await db.observations.where('lastSeenAt').below(observationsBefore).delete(),
    contacts: await db.contacts.where('seenAt').below(contactsBefore).delete(),
  }));
}

/** Create the daily alarm unless it exists (re-creating it on every worker start would keep postponing it). */
async function ensureAlarm(): Promise<void> {
  if (await browser.alarms.get(MAINTENANCE_ALARM)) return;
  await browser.alarms.create(MAINTENANCE_ALARM, { delayInMinutes: 1, periodInMinutes: DAY_MINUTES });
}

/**
 * Daily maintenance. The listener is added synchronously, so an alarm that wakes the worker finds it on the first pass;
 * a settings change runs maintenance from its handler (see `saveSettings`).
 */
export function registerMaintenance(db: AppDB): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== MAINTENANCE_ALARM) return;
    readSettings()
      .then((settings) => runMaintenance(db, settings))
      .catch((error: unknown) => console.error('[collab-lens] maintenance failed', error));
  });
  ensureAlarm().catch((error: unknown) => console.error('[collab-lens] maintenance alarm failed', error));
}
