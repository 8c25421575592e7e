// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createManager, coalesce, type Feature, type FeatureRun } from './manager';
import { PageState } from './page-state';

const at = (path: string) => new URL(`https://affiliate-us.tiktok.com${path}`);
const settle = () => new Promise((r) => setTimeout(r, 0));

/** A feature that puts a host after every element showing one of `texts`, once `load` has run. */
function labels(id: string, texts: string[], over: Partial<FeatureRun<string>> = {}, include: Feature['include'] = [() => true]): Feature<string> & { loads: number } {
  const feature = {
    id,
    include,
    loads: 0,
    host: { kind: id, css: '', render: (text: string) => text },
    start(page) {
      let loaded: string[] = [];
      return {
        want: () => texts,
        async load() {
          feature.loads += 1;
          loaded = texts;
        },
        view() {
          const anchors = page.anchors(loaded);
          return { hosts: [...anchors].map(([anchor, text]) => ({ anchor, data: text, key: text })), wanted: loaded.length, placed: new Set(anchors.values()).size };
        },
        ...over,
      };
    },
  } satisfies Feature<string> & { loads: number };
  return feature;
}

const hosts = (kind: string) => [...document.querySelectorAll(`[data-collab-lens="${kind}"]`)];

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('feature manager', () => {
  it('runs matching features, aborts them on navigation and runs the ones the new URL matches', async () => {
    const started: Record<string, AbortSignal[]> = { samples: [], home: [] };
    const manager = createManager();
    const spy = (id: string, path: string): Feature<string> => ({
      ...labels(id, [], {}, [(u) => u.pathname.endsWith(path)]),
      start: (page) => {
        started[id]?.push(page.signal);
        return { want: () => [], load: async () => undefined, view: () => ({ hosts: [], wanted: 0, placed: 0 }) };
      },
    });
    manager.add(spy('samples', 'sample-request'));
    manager.add(spy('home', 'homepage'));
    let navigate: (url: URL) => void = () => undefined;
    const root = new AbortController();
    await manager.start(root.signal, (l) => (navigate = l), at('/product/sample-request'));
    expect(started.samples).toHaveLength(1);
    navigate(at('/platform/homepage'));
    expect(started.samples?.[0]?.aborted).toBe(true);
    expect(started.home).toHaveLength(1);
    navigate(at('/affiliate/sample/sample-request'));
    expect(started.home?.[0]?.aborted).toBe(true);
    expect(started.samples).toHaveLength(2);
    root.abort();
    expect(started.samples?.[1]?.aborted).toBe(true);
  });

  it('keeps one failing feature from stopping the others', async () => {
    document.body.innerHTML = '<p>maya</p>';
    const log = vi.fn();
    const manager = createManager({ log });
    manager.add({ ...labels('throws', []), start: () => { throw new Error('boom'); } });
    manager.add(labels('rejects', ['maya'], { load: () => Promise.reject(new Error('later')) }));
    manager.add(labels('draws badly', ['maya'], { view: () => { throw new Error('view'); } }));
    manager.add(labels('fine', ['maya']));
    await manager.start(new AbortController().signal, () => undefined, at('/'));
    expect(hosts('fine')).toHaveLength(1);
    expect(log.mock.calls.map((c) => c[0]).sort()).toEqual(['draws badly', 'rejects', 'throws']);
  });

  it('draws rows the page adds or re-renders before the next frame, from one index for every feature', async () => {
    document.body.innerHTML = '<ul><li><span>@maya</span></li></ul>';
    const manager = createManager();
    const cards = labels('cards', ['maya', 'budi']);
    const names = labels('names', ['budi']);
    manager.add(cards);
    manager.add(names);
    await manager.start(new AbortController().signal, () => undefined, at('/'));
    expect([hosts('cards').length, hosts('names').length]).toEqual([1, 0]);
    expect(manager.counts()).toEqual(new Map([['cards', { wanted: 2, placed: 1 }], ['names', { wanted: 1, placed: 0 }]]));

    const list = document.querySelector('ul') as HTMLElement;
    list.insertAdjacentHTML('beforeend', '<li><span>@</span><span>bu</span><span>di</span></li>');
    // The observer's callback runs as a microtask after the page's change: before the page is painted.
    await Promise.resolve();
    expect([hosts('cards').length, hosts('names').length]).toEqual([2, 1]);
    const drawn = hosts('cards');
    list.replaceChildren(...[...list.children].map((li) => { const copy = li.cloneNode(true) as Element; copy.querySelectorAll('[data-collab-lens]').forEach((h) => h.remove()); return copy; }));
    await Promise.resolve();
    expect(hosts('cards').map((h) => h.isConnected && h.parentElement?.closest('li')?.textContent)).toEqual(['@maya', '@budi']);
    // The same drawing moves to the re-rendered row: not drawn or measured again.
    expect(hosts('cards').every((h, i) => h === drawn[i])).toBe(true);
    expect(manager.counts().get('cards')).toEqual({ wanted: 2, placed: 2 });
    expect([cards.loads, names.loads]).toEqual([1, 1]);
  });

  it('loads again on a page-state change and when the page shows a text the feature has not loaded', async () => {
    const state = new PageState();
    const manager = createManager({ state });
    const missing = vi.fn(() => false);
    const feature = labels('cards', ['maya'], { missing });
    manager.add(feature);
    await manager.start(new AbortController().signal, () => undefined, at('/'));
    state.record({ shops: ['US:1'], handles: ['maya'] });
    await settle();
    expect(feature.loads).toBe(2);
    missing.mockReturnValue(true);
    document.body.insertAdjacentHTML('beforeend', '<b>maya</b>');
    await settle();
    expect(feature.loads).toBe(3);
    expect(hosts('cards')).toHaveLength(1);
  });
});

describe('coalesce', () => {
  it('runs one task at a time and once more for any calls made meanwhile', async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const task = vi.fn(() => {
      runs += 1;
      return runs === 1 ? new Promise<void>((r) => (release = r)) : Promise.resolve();
    });
    const run = coalesce(task, new AbortController().signal);
    const first = run();
    void run();
    void run();
    release();
    await first;
    await settle();
    expect(task).toHaveBeenCalledTimes(2);
  });
});
