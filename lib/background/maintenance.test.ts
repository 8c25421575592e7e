import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dump, freshDb } from '../../test/db';
import { fillEveryTable } from '../../test/fixtures/every-table';
import { NOW } from '../../test/fixtures/sample-group-list';
import type { AppDB } from '../db/app-db';
import type { Contact, Observation } from '../domain/types';
import { DEFAULT_SETTINGS, writeSettings } from '../settings';
import { MAINTENANCE_ALARM, registerMaintenance, runMaintenance } from './maintenance';

const DAY = 86_400_000;
const observation = (id: string, lastSeenAt: number): Observation => ({ id, endpoint: 'sample.group.list', shopKey: 'US:1', page: 'p', recordKeys: [], firstSeenAt: lastSeenAt - DAY, lastSeenAt });
const contact = (key: string, seenAt: number): Contact => ({ id: `invitation|${key}|email`, entity: 'invitation', key, channel: 'email', value: `${key}@example.com`, seenAt });
const ids = async (db: AppDB) => ({
  observations: (await db.observations.toArray()).map((o) => o.id).filter((id) => id.startsWith('t-')),
  contacts: (await db.contacts.toArray()).map((c) => c.key).filter((k) => k.startsWith('t-')),
});

let db: AppDB;
beforeEach(async () => {
  db = freshDb();
  await fillEveryTable(db);
  await db.observations.bulkPut([observation('t-old', NOW - 366 * DAY), observation('t-edge', NOW - 365 * DAY), observation('t-recent', NOW - 10 * DAY)]);
  await db.contacts.bulkPut([contact('t-old', NOW - 31 * DAY), contact('t-edge', NOW - 30 * DAY), contact('t-recent', NOW - DAY)]);
});
afterEach(() => {
  vi.useRealTimers();
  db.close();
});

describe('runMaintenance', () => {
  it('deletes exactly the observations and contact data older than their windows; a row at the boundary stays', async () => {
    expect(await runMaintenance(db, DEFAULT_SETTINGS, NOW)).toEqual({ observations: 1, contacts: 1 });
    expect(await ids(db)).toEqual({ observations: ['t-edge', 't-recent'], contacts: ['t-edge', 't-recent'] });
  });

  it('keeps the facts: every other table, and the channels an invitation offers, stay as they were', async () => {
    const before = await dump(db);
    await runMaintenance(db, { observationRetentionDays: 30, scrubContactsAfterDays: 1 }, NOW + 400 * DAY);
    const after = await dump(db);
    expect(after.observations).toEqual([]);
    expect(after.contacts).toEqual([]);
    for (const table of Object.keys(before).filter((t) => t !== 'observations' && t !== 'contacts')) expect(after[table], table).toEqual(before[table]);
    expect((await db.invitations.get('inv1'))?.contactChannels).toEqual(['email', 'whatsapp']);
  });

  it('running it again removes nothing more', async () => {
    await runMaintenance(db, DEFAULT_SETTINGS, NOW);
    expect(await runMaintenance(db, DEFAULT_SETTINGS, NOW)).toEqual({ observations: 0, contacts: 0 });
  });
});

describe('registerMaintenance', () => {
  it('creates one daily alarm, and does not postpone an existing one when the worker starts again', async () => {
    registerMaintenance(db);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(MAINTENANCE_ALARM)).toBeDefined());
    const first = await fakeBrowser.alarms.get(MAINTENANCE_ALARM);
    expect(first?.periodInMinutes).toBe(1440);
    registerMaintenance(db);
    await new Promise((r) => setTimeout(r, 20));
    expect(await fakeBrowser.alarms.getAll()).toEqual([first]);
  });

  it('applies the stored settings when the alarm fires', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    await writeSettings({ observationRetentionDays: 30, scrubContactsAfterDays: 7 });
    registerMaintenance(db);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'another-alarm', scheduledTime: NOW, persistAcrossSessions: true });
    expect((await ids(db)).observations).toHaveLength(3);
    await fakeBrowser.alarms.onAlarm.trigger({ name: MAINTENANCE_ALARM, scheduledTime: NOW, persistAcrossSessions: true });
    await vi.waitFor(async () => expect(await ids(db)).toEqual({ observations: ['t-recent'], contacts: ['t-recent'] }));
  });
});
