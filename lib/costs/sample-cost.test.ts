import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSampleCost, readSampleCosts, sampleCostsFrom, saveSampleCost } from './sample-cost';

const US = 'US:7400000000000000001';
const ID = 'ID:7400000000000000002';

describe('the flat cost per sample', () => {
  it('is not set by default', async () => {
    expect(await readSampleCosts()).toEqual({});
    expect(await readSampleCost(US)).toBeUndefined();
  });

  it('is stored per shop in the shop’s currency, and removed with null', async () => {
    expect(await saveSampleCost({ shopKey: US, perSample: { minor: 500, currency: 'USD' } })).toEqual({ ok: true, perSample: { minor: 500, currency: 'USD' } });
    expect(await saveSampleCost({ shopKey: ID, perSample: { minor: 25_000, currency: 'IDR' } })).toEqual({ ok: true, perSample: { minor: 25_000, currency: 'IDR' } });
    expect(await fakeBrowser.storage.local.get('sampleCosts')).toEqual({ sampleCosts: { [US]: { minor: 500, currency: 'USD' }, [ID]: { minor: 25_000, currency: 'IDR' } } });
    expect(await saveSampleCost({ shopKey: US, perSample: null })).toEqual({ ok: true, perSample: null });
    expect(await readSampleCosts()).toEqual({ [ID]: { minor: 25_000, currency: 'IDR' } });
  });

  it('refuses another currency than the shop’s, a negative or fractional amount and a forged shop, storing nothing', async () => {
    await saveSampleCost({ shopKey: US, perSample: { minor: 500, currency: 'USD' } });
    expect(await saveSampleCost({ shopKey: US, perSample: { minor: 500, currency: 'IDR' } })).toEqual({ ok: false, reason: 'currency' });
    expect(await saveSampleCost({ shopKey: US, perSample: { minor: -1, currency: 'USD' } })).toEqual({ ok: false, reason: 'invalid' });
    expect(await saveSampleCost({ shopKey: US, perSample: { minor: 1.5, currency: 'USD' } })).toEqual({ ok: false, reason: 'invalid' });
    expect(await saveSampleCost({ shopKey: '__proto__', perSample: null })).toEqual({ ok: false, reason: 'invalid' });
    expect(await readSampleCosts()).toEqual({ [US]: { minor: 500, currency: 'USD' } });
  });

  it('reads whatever is stored as valid entries only', () => {
    expect(sampleCostsFrom({ [US]: { minor: 500, currency: 'USD' }, [ID]: { minor: -5, currency: 'IDR' }, junk: 1 })).toEqual({ [US]: { minor: 500, currency: 'USD' } });
    expect(sampleCostsFrom('nonsense')).toEqual({});
  });
});
