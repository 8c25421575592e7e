import { describe, expect, it } from 'vitest';
import { DEFAULT_WEEKLY_QUOTA, outreachItem, outreachSettingsFrom, readOutreachSettings, saveOutreachSettings } from './settings';

describe('outreach settings', () => {
  it('default to a quota of 50 and fall back to it for anything invalid stored', async () => {
    expect(await readOutreachSettings()).toEqual({ weeklyQuota: DEFAULT_WEEKLY_QUOTA });
    expect(DEFAULT_WEEKLY_QUOTA).toBe(50);
    for (const raw of [null, 'x', { weeklyQuota: 0 }, { weeklyQuota: 12.5 }, { weeklyQuota: 10_001 }, { weeklyQuota: '60' }]) {
      expect(outreachSettingsFrom(raw)).toEqual({ weeklyQuota: 50 });
    }
  });

  it('store a valid quota and refuse an invalid one without writing anything', async () => {
    expect(await saveOutreachSettings({ weeklyQuota: 120 })).toEqual({ ok: true, settings: { weeklyQuota: 120 } });
    expect(await readOutreachSettings()).toEqual({ weeklyQuota: 120 });
    expect(await saveOutreachSettings({ weeklyQuota: -3 })).toEqual({ ok: false });
    expect(await saveOutreachSettings({ weeklyQuota: 60, extra: '<script>' })).toEqual({ ok: true, settings: { weeklyQuota: 60 } });
    expect(await outreachItem.getValue()).toEqual({ weeklyQuota: 60 });
  });
});
