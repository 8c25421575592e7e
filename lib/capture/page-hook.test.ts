// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { CAPTURE_EVENT } from './constants';
import { installCaptureHook } from './page-hook';

type HookWindow = Parameters<typeof installCaptureHook>[0];

function setup(impl: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>) {
  const original = vi.fn(impl);
  const win = {
    fetch: original,
    Request,
    CustomEvent,
    XMLHttpRequest: { prototype: { open() {}, send() {} } },
  } as unknown as HookWindow;
  const events = new EventTarget();
  const details: unknown[] = [];
  Object.assign(win, {
    dispatchEvent: (e: Event) => events.dispatchEvent(e),
    addEventListener: events.addEventListener.bind(events),
  });
  events.addEventListener(CAPTURE_EVENT, (e) => details.push(JSON.parse((e as CustomEvent<string>).detail)));
  installCaptureHook(win);
  return { win, original, details };
}

const SAMPLE = 'https://affiliate-us.tiktok.com/api/v1/affiliate/sample/group/list?aid=4331';
const settle = () => new Promise((r) => setTimeout(r, 10));

describe('page-world capture hook', () => {
  it('hands back the very promise and response the page would have had, called with its exact arguments', async () => {
    const response = new Response('{"code":0}', { status: 200 });
    const promise = Promise.resolve(response);
    const { win, original } = setup(() => promise);
    const init = { method: 'POST', body: '{}' };
    const p = win.fetch(SAMPLE, init);
    expect(p).toBe(promise);
    expect(original.mock.calls[0]).toEqual([SAMPLE, init]);
    expect(await p).toBe(response);
    expect(await response.text()).toBe('{"code":0}');
    expect(win.fetch.length).toBe(1);
    expect(win.fetch.name).toBe('fetch');
  });

  it('captures a Request whose body the page\'s fetch consumes', async () => {
    const { win, details } = setup(async (input) => {
      await (input as Request).text();
      return new Response('{"data":{"agg_info":[]}}');
    });
    await win.fetch(new Request(SAMPLE, { method: 'POST', body: '{"tab":30}' }));
    await settle();
    expect(details).toEqual([expect.objectContaining({ method: 'POST', requestBody: '{"tab":30}' })]);
  });

  it('passes errors through unchanged', async () => {
    const error = new TypeError('Failed to fetch');
    const { win, details } = setup(() => Promise.reject(error));
    await expect(win.fetch(SAMPLE, { method: 'POST', body: '{}' })).rejects.toBe(error);
    await settle();
    expect(details).toEqual([]);
  });

  it('emits a copy of captured JSON while the page still reads the original body', async () => {
    const { win, details } = setup(() => Promise.resolve(new Response('{"data":{"agg_info":[]}}', { status: 200 })));
    const response = await win.fetch(SAMPLE, { method: 'post', body: '{"tab":10}' });
    expect(await response.json()).toEqual({ data: { agg_info: [] } });
    await settle();
    expect(details).toEqual([{ v: 1, url: SAMPLE, method: 'POST', status: 200, requestBody: '{"tab":10}', responseText: '{"data":{"agg_info":[]}}' }]);
  });

  it('does nothing for requests it does not read, nor for non-JSON bodies', async () => {
    const { win, details } = setup(() => Promise.resolve(new Response('<html>', { status: 200 })));
    await win.fetch('https://affiliate-us.tiktok.com/api/v1/affiliate/menu');
    await win.fetch(SAMPLE);
    await settle();
    expect(details).toEqual([]);
  });

  it('installs once', () => {
    const { win } = setup(() => Promise.resolve(new Response('{}')));
    const wrapped = win.fetch;
    installCaptureHook(win);
    expect(win.fetch).toBe(wrapped);
  });
});
