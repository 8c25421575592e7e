import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { commissionLow, reviewSoon, TEST_RULES } from '../../test/fixtures/rules';
import { RULES } from './index';
import { defaultRuleSettings, readRuleSettings, ruleSettingsFrom, ruleSettingsSchema, rulesItem, writeRuleSettings } from './settings';

const DEFAULTS = {
  notifications: false,
  rules: {
    'test-review-soon': { enabled: true, thresholds: { hours: 24 } },
    'test-low-fulfilment': { enabled: true, thresholds: { minBps: 5000 } },
    'test-commission-low': { enabled: true, thresholds: { minObservations: 3 } },
  },
};

describe('rule settings', () => {
  it('default to every rule on with its default thresholds, and notifications off', async () => {
    expect(defaultRuleSettings(TEST_RULES)).toEqual(DEFAULTS);
    expect(await readRuleSettings(TEST_RULES)).toEqual(DEFAULTS);
  });

  it('every built-in rule’s defaults are valid settings, within its bounds', () => {
    const defaults = defaultRuleSettings(RULES);
    expect(Object.keys(defaults.rules)).toEqual(RULES.map((r) => r.id));
    expect(ruleSettingsSchema(RULES).safeParse(defaults).success).toBe(true);
    for (const rule of RULES) {
      for (const [name, spec] of Object.entries(rule.thresholds as Record<string, { min: number; max: number; default: number }>)) {
        expect(spec.min, `${rule.id}.${name}`).toBeLessThanOrEqual(spec.default);
        expect(spec.default, `${rule.id}.${name}`).toBeLessThanOrEqual(spec.max);
      }
    }
  });

  it('store valid settings in storage.local under "rules" and read them back complete', async () => {
    const next = { notifications: true, rules: { 'test-review-soon': { enabled: false, thresholds: { hours: 48 } } } };
    expect(await writeRuleSettings(next, TEST_RULES)).toEqual({ ...DEFAULTS, notifications: true, rules: { ...DEFAULTS.rules, 'test-review-soon': next.rules['test-review-soon'] } });
    expect(await fakeBrowser.storage.local.get('rules')).toEqual({ rules: next });
    expect((await readRuleSettings(TEST_RULES)).rules['test-review-soon']).toEqual({ enabled: false, thresholds: { hours: 48 } });
  });

  it.each([
    ['a threshold under its minimum', { notifications: false, rules: { 'test-review-soon': { enabled: true, thresholds: { hours: 0 } } } }],
    ['a threshold over its maximum', { notifications: false, rules: { 'test-review-soon': { enabled: true, thresholds: { hours: 169 } } } }],
    ['a count that is not whole', { notifications: false, rules: { 'test-commission-low': { enabled: true, thresholds: { minObservations: 2.5 } } } }],
    ['a threshold as text', { notifications: false, rules: { 'test-review-soon': { enabled: true, thresholds: { hours: '24' } } } }],
    ['a threshold missing', { notifications: false, rules: { 'test-review-soon': { enabled: true, thresholds: {} } } }],
    ['not a number', { notifications: false, rules: { 'test-review-soon': { enabled: true, thresholds: { hours: Number.NaN } } } }],
    ['enabled missing', { notifications: false, rules: { 'test-review-soon': { thresholds: { hours: 24 } } } }],
    ['notifications missing', { rules: {} }],
    ['notifications as text', { notifications: 'yes', rules: {} }],
  ])('refuse to write %s and leave what was stored', async (_name, bad) => {
    const good = { notifications: true, rules: {} };
    await writeRuleSettings(good, TEST_RULES);
    await expect(writeRuleSettings(bad, TEST_RULES)).rejects.toThrow();
    expect(await rulesItem.getValue()).toEqual(good);
  });

  it('leave out rules that are not built in', async () => {
    await writeRuleSettings({ notifications: false, rules: { 'retired-rule': { enabled: false, thresholds: {} } } }, TEST_RULES);
    expect(await rulesItem.getValue()).toEqual({ notifications: false, rules: {} });
  });

  it('read whatever is stored into complete settings, field by field', () => {
    expect(ruleSettingsFrom(null, TEST_RULES)).toEqual(DEFAULTS);
    expect(ruleSettingsFrom('junk', TEST_RULES)).toEqual(DEFAULTS);
    expect(ruleSettingsFrom({ rules: 'junk' }, TEST_RULES)).toEqual(DEFAULTS);
    const stored = {
      notifications: 'yes',
      rules: {
        'test-review-soon': { enabled: false, thresholds: { hours: 500 } },
        'test-commission-low': { enabled: 'no', thresholds: { minObservations: 7 } },
        'test-low-fulfilment': 'junk',
        'retired-rule': { enabled: false },
      },
    };
    expect(ruleSettingsFrom(stored, TEST_RULES)).toEqual({
      notifications: false,
      rules: {
        'test-review-soon': { enabled: false, thresholds: { hours: 24 } },
        'test-low-fulfilment': { enabled: true, thresholds: { minBps: 5000 } },
        'test-commission-low': { enabled: true, thresholds: { minObservations: 7 } },
      },
    });
  });

  it('a rule added since the settings were saved gets its defaults', () => {
    const saved = { notifications: true, rules: { 'test-review-soon': { enabled: false, thresholds: { hours: 10 } } } };
    expect(ruleSettingsFrom(saved, [reviewSoon, commissionLow])).toEqual({
      notifications: true,
      rules: { 'test-review-soon': { enabled: false, thresholds: { hours: 10 } }, 'test-commission-low': { enabled: true, thresholds: { minObservations: 3 } } },
    });
  });

  it('each read is the caller’s own: changing one does not change the next', () => {
    const first = ruleSettingsFrom({ rules: { 'test-review-soon': 'junk' } }, TEST_RULES);
    (first.rules['test-review-soon'] as { thresholds: Record<string, number> }).thresholds.hours = 99;
    first.rules['test-commission-low']!.enabled = false;
    expect(ruleSettingsFrom({ rules: { 'test-review-soon': 'junk' } }, TEST_RULES)).toEqual(DEFAULTS);
  });
});
