// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://affiliate-us.tiktok.com/product/sample-request?shop_region=US" }
import { describe, expect, it, vi } from 'vitest';
import { listenForCaptures } from './bridge';
import { CAPTURE_EVENT } from './constants';
import type { Capture } from './schema';

function listen() {
  const got: Capture[] = [];
  const c = new AbortController();
  listenForCaptures(window, (x) => got.push(x), c.signal);
  return { got, stop: () => c.abort() };
}

const fire = (detail: unknown) => window.dispatchEvent(new CustomEvent(CAPTURE_EVENT, { detail }));
const valid = { v: 1, url: '/api/v1/affiliate/sample/group/list?aid=4331', method: 'POST', status: 200, responseText: '{}' };

describe('capture bridge', () => {
  it('turns a valid event into a capture with an absolute URL, the page and the time', () => {
    vi.spyOn(Date, 'now').mockReturnValue(1_763_700_000_000);
    const { got, stop } = listen();
    fire(JSON.stringify(valid));
    stop();
    expect(got).toEqual([
      expect.objectContaining({
        url: 'https://affiliate-us.tiktok.com/api/v1/affiliate/sample/group/list?aid=4331',
        pageUrl: 'https://affiliate-us.tiktok.com/product/sample-request?shop_region=US',
        seenAt: 1_763_700_000_000,
        id: expect.stringMatching(/^[\w-]{8,64}$/) as unknown,
      }),
    ]);
  });

  it('drops anything that is not a well-formed capture of this origin', () => {
    const { got, stop } = listen();
    fire({ ...valid });
    fire('not json');
    fire(JSON.stringify({ ...valid, v: 2 }));
    fire(JSON.stringify({ ...valid, status: '200' }));
    fire(JSON.stringify({ ...valid, url: 'https://evil.example/api/v1/affiliate/sample/group/list' }));
    fire(JSON.stringify({ ...valid, responseText: 'x'.repeat(16 * 1024 * 1024 + 1) }));
    stop();
    expect(got).toEqual([]);
  });
});
