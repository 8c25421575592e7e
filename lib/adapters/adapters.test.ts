import { describe, expect, it } from 'vitest';
import { outcome } from '../../test/adapter-harness';
import { CAPTURED_ENDPOINTS, type EndpointId } from '../capture/endpoints';
import { ADAPTERS } from '.';

/** What every adapter must do with an answer it does not understand (research: real-shapes.md §7). */

const ids = Object.keys(CAPTURED_ENDPOINTS) as EndpointId[];

describe.each(ids)('%s', (id) => {
  const adapter = ADAPTERS[id];

  it('declares what it reads', () => {
    expect(adapter.reads.exact.size + adapter.reads.subtree.length).toBeGreaterThan(3);
  });

  it('counts an answer whose list it cannot read as a failure, never as an empty page', () => {
    for (const json of [
      { code: 0, message: '', data: { zz_renamed_list: [{ zz_id: '1', zz_name: 'x' }] } },
      { code: 0, message: '', zz_renamed_list: [{ zz_id: '1' }] },
      [{ zz_id: '1' }],
    ]) {
      const r = outcome(adapter, json, {});
      expect(r.accepted, JSON.stringify(json)).toBe(0);
      expect(r.rejections.length, JSON.stringify(json)).toBeGreaterThan(0);
      for (const rej of r.rejections) expect(JSON.stringify(rej)).not.toMatch(/"x"|"1"/);
    }
  });

  it('counts an answer with data it does not read as a failure', () => {
    const r = outcome(adapter, { code: 0, message: '', data: { zz_unknown: { zz_figure: 3 } } }, {});
    expect(r.accepted).toBe(0);
    expect(r.rejections.map((x) => x.code)).toContain('not_read');
  });

  it('skips an error envelope (captcha, quota): nothing was shown, nothing fails', () => {
    const r = outcome(adapter, { code: 10000, message: 'verify', data: null }, {});
    expect(r.skipped).toBe(true);
    expect(r.rejections).toEqual([]);
  });

  it('takes an answer with only its envelope as nothing to read, not as a failure', () => {
    const r = outcome(adapter, { code: 0, message: 'success' }, {});
    expect(r.rejections).toEqual([]);
  });
});
