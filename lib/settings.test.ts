import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, readSettings, settingsFrom, settingsItem, writeSettings } from './settings';

describe('settings', () => {
  it('default to a year of observations and 30 days of contact data', async () => {
    expect(DEFAULT_SETTINGS).toEqual({ observationRetentionDays: 365, scrubContactsAfterDays: 30 });
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('store valid settings in storage.local under "settings"', async () => {
    await writeSettings({ observationRetentionDays: 90, scrubContactsAfterDays: 7 });
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({ settings: { observationRetentionDays: 90, scrubContactsAfterDays: 7 } });
    expect(await readSettings()).toEqual({ observationRetentionDays: 90, scrubContactsAfterDays: 7 });
  });

  it.each([
    [{ observationRetentionDays: 29, scrubContactsAfterDays: 7 }],
    [{ observationRetentionDays: 90, scrubContactsAfterDays: 0 }],
    [{ observationRetentionDays: 90.5, scrubContactsAfterDays: 7 }],
    [{ observationRetentionDays: '90', scrubContactsAfterDays: 7 }],
    [{ observationRetentionDays: 90 }],
    [{ observationRetentionDays: 3651, scrubContactsAfterDays: 7 }],
  ])('refuse to write %j and leave what was stored', async (bad) => {
    await writeSettings({ observationRetentionDays: 90, scrubContactsAfterDays: 7 });
    await expect(writeSettings(bad)).rejects.toThrow();
    expect(await settingsItem.getValue()).toEqual({ observationRetentionDays: 90, scrubContactsAfterDays: 7 });
  });

  it('read whatever is stored into valid settings, field by field', () => {
    expect(settingsFrom(null)).toEqual(DEFAULT_SETTINGS);
    expect(settingsFrom('junk')).toEqual(DEFAULT_SETTINGS);
    expect(settingsFrom({ observationRetentionDays: 60 })).toEqual({ observationRetentionDays: 60, scrubContactsAfterDays: 30 });
    expect(settingsFrom({ observationRetentionDays: -1, scrubContactsAfterDays: 14 })).toEqual({ observationRetentionDays: 365, scrubContactsAfterDays: 14 });
  });
});
