import { describe, expect, it, vi } from 'vitest';
import { createManager } from './manager';

const at = (path: string) => new URL(`https://affiliate-us.tiktok.com${path}`);

describe('feature manager', () => {
  it('runs matching features, aborts them on navigation and runs the ones the new URL matches', () => {
    vi.stubGlobal('location', { href: at('/product/sample-request').href });
    const signals: Record<string, AbortSignal[]> = { samples: [], home: [] };
    const manager = createManager();
    manager.add({ id: 'samples', include: [(u) => u.pathname.endsWith('sample-request')], init: ({ signal }) => void signals.samples?.push(signal) });
    manager.add({ id: 'home', include: [(u) => u.pathname.endsWith('homepage')], init: ({ signal }) => void signals.home?.push(signal) });
    let navigate: (url: URL) => void = () => undefined;
    const root = new AbortController();
    manager.start(root.signal, (l) => (navigate = l));
    expect(signals.samples).toHaveLength(1);
    navigate(at('/platform/homepage'));
    expect(signals.samples?.[0]?.aborted).toBe(true);
    expect(signals.home).toHaveLength(1);
    navigate(at('/affiliate/sample/sample-request'));
    expect(signals.home?.[0]?.aborted).toBe(true);
    expect(signals.samples).toHaveLength(2);
    root.abort();
    expect(signals.samples?.[1]?.aborted).toBe(true);
  });

  it('keeps one failing feature from stopping the others', async () => {
    vi.stubGlobal('location', { href: at('/product/sample-request').href });
    const log = vi.fn();
    const ran = vi.fn();
    const manager = createManager(log);
    manager.add({ id: 'throws', include: [() => true], init: () => { throw new Error('boom'); } });
    manager.add({ id: 'rejects', include: [() => true], init: () => Promise.reject(new Error('later')) });
    manager.add({ id: 'fine', include: [() => true], init: ran });
    manager.start(new AbortController().signal, () => undefined);
    await Promise.resolve();
    expect(ran).toHaveBeenCalledTimes(1);
    expect(log.mock.calls.map((c) => c[0])).toEqual(['throws', 'rejects']);
  });
});
