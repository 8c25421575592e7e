import type { ComponentChild } from 'preact';
import { HOST_ATTR } from './dom';
import { HostLayer, type Host, type HostSpec } from './hosts';
import { inDocumentOrder, PageIndex } from './page-index';
import type { StateChange } from './page-state';

/**
 * The feature manager (refined-github's `feature-manager.tsx` and `selector-observer.tsx` are the model). A feature is
 * a short spec: the pages it applies to, the texts it looks for, how it loads what to show from the background and how
 * it draws. The manager owns everything around that, once for every feature of the page: page matching and SPA
 * navigation, abort and clean-up, one DOM observer and one text index of the page (`PageIndex`, kept current from the
 * observer's records), one refresh when the page state changes, one clock that redraws on the minute, and each
 * feature's host layer. One feature's failure never reaches another feature or the page.
 */

/** Redraws happen on the minute: annotations show relative times to the minute. */
export const TICK_MS = 60_000;

/** The page as a feature sees it: the shared text index, and what the manager does for the feature. */
export interface FeaturePage<T> {
  /** Aborted when the page navigates away (SPA or not) or the extension is reloaded. */
  signal: AbortSignal;
  url: URL;
  /** The elements that show each of `texts` (`anchorText` form), in document order (see `PageIndex.find`). */
  find(texts: Iterable<string>): Map<string, Element[]>;
  /** Each element that shows one of `texts`, with the text, all in document order. */
  anchors(texts: Iterable<string>): Map<Element, string>;
  /** Of `texts`, those the page shows. */
  shown(texts: Iterable<string>): Set<string>;
  /** Draw again now (after the feature's data changed without a load, e.g. a finding dismissed). */
  redraw(): void;
  /** The feature's hosts on the page, by anchor. */
  hosts(): IterableIterator<[Element, Host<T>]>;
}

/** What a feature draws: its hosts, and how many of the items it has data for the page shows and it could place. */
export interface View<T> {
  hosts: HostSpec<T>[];
  wanted: number;
  placed: number;
}

/** One feature on one page: its state lives in the closure `start` returns it from. */
export interface FeatureRun<T> {
  /** The texts the feature looks for now; a change of the page under one of them draws the feature again at once. */
  want(): Iterable<string>;
  /**
   * Ask the background for what to show: when the feature starts, on page-state changes (`changes`: every change since
   * the last load began), and when the page shows a wanted text `missing` says has not been loaded. Only one load runs
   * at a time per feature.
   */
  load(changes: readonly StateChange[]): Promise<void>;
  /** Whether the page shows wanted texts the feature has not loaded data for yet. */
  missing?(): boolean;
  view(): View<T>;
}

export interface Feature<T = unknown> {
  /** Equal to the feature's file name (checked by features.test.ts). */
  id: string;
  include: ReadonlyArray<(url: URL) => boolean>;
  /** The feature's annotations: their kind (`data-collab-lens`), their stylesheet and how one is drawn. */
  host: { kind: string; css: string; render(data: T, host: Host<T>): ComponentChild };
  start(page: FeaturePage<T>): FeatureRun<T>;
}

/** A wanted/placed count per feature, for diagnostics: items the page shows that the feature could not annotate. */
export interface FeatureCount {
  wanted: number;
  placed: number;
}

export interface ManagerOptions {
  log?: (id: string, error: unknown) => void;
  /** The page state whose changes make every running feature load again. */
  state?: { subscribe(listener: (change: StateChange) => void, signal: AbortSignal): void };
}

export interface Manager {
  add<T>(feature: Feature<T>): void;
  /**
   * Run the features that match the page, and again on every location change. `onLocationChange` must pass the new
   * URL: WXT announces SPA navigations from the Navigation API's `navigate` event, before `location` is updated.
   * Resolves when the first load of every feature started on the page has been drawn.
   */
  start(root: AbortSignal, onLocationChange: (listener: (url: URL) => void) => void, url?: URL): Promise<void>;
  readonly features: readonly Feature<unknown>[];
  /** The running features' wanted/placed counts, by feature id. */
  counts(): Map<string, FeatureCount>;
}

interface Running {
  feature: Feature<unknown>;
  run: FeatureRun<unknown>;
  layer: HostLayer<unknown>;
  refresh: () => Promise<void>;
  /** Page-state changes not yet given to a load. */
  changes: StateChange[];
  count: FeatureCount;
}

export function createManager(options: ManagerOptions = {}): Manager {
  const log = options.log ?? (() => undefined);
  const features: Feature<unknown>[] = [];
  const counts = new Map<string, FeatureCount>();
  let current: AbortController | undefined;

  const guard = <R>(id: string, task: () => R): R | undefined => {
    try {
      return task();
    } catch (error) {
      log(id, error);
      return undefined;
    }
  };

  const run = (root: AbortSignal, url: URL): Promise<void> => {
    current?.abort();
    counts.clear();
    if (root.aborted) return Promise.resolve();
    const controller = new AbortController();
    current = controller;
    const { signal } = controller;
    root.addEventListener('abort', () => controller.abort(), { once: true, signal });
    const matching = features.filter((f) => guard(f.id, () => f.include.some((matches) => matches(url))));
    if (matching.length === 0) return Promise.resolve();

    const index = new PageIndex(document.body);
    // The page's own changes update the index, and redraw at once (before the next frame) the features that look for
    // a text whose elements changed, so a re-rendered row is never shown without its annotation.
    const onChange = () => {
      const changed = index.takeChanged();
      if (changed.size === 0 || signal.aborted) return;
      for (const r of running) {
        const wanted = guard(r.feature.id, () => r.run.want());
        if (!wanted || !intersects(changed, wanted instanceof Set ? wanted : new Set(wanted))) continue;
        draw(r);
        if (guard(r.feature.id, () => r.run.missing?.())) void refresh(r);
      }
    };
    const observer = new MutationObserver((records) => {
      index.update(records.filter(isThePagesOwn));
      onChange();
    });
    /** Changes the observer has not reported yet: a feature reading the index between the page's change and the callback sees it. */
    let scheduled = false;
    const fresh = () => {
      const records = observer.takeRecords();
      if (records.length === 0) return index;
      index.update(records.filter(isThePagesOwn));
      if (!scheduled) {
        scheduled = true;
        queueMicrotask(() => {
          scheduled = false;
          onChange();
        });
      }
      return index;
    };
    const anchors = (texts: Iterable<string>) => {
      const byElement = new Map<Element, string>();
      for (const [text, elements] of fresh().find(texts)) for (const el of elements) byElement.set(el, text);
      if (byElement.size < 2) return byElement;
      return new Map(inDocumentOrder([...byElement.keys()]).map((el) => [el, byElement.get(el) as string]));
    };
    const shown = (texts: Iterable<string>) => {
      const page = fresh();
      const out = new Set<string>();
      for (const t of texts) if (page.has(t)) out.add(t);
      return out;
    };

    const draw = (r: Running) =>
      guard(r.feature.id, () => {
        const view = r.run.view();
        r.layer.sync(view.hosts);
        r.count = { wanted: view.wanted, placed: view.placed };
        counts.set(r.feature.id, r.count);
      });

    const running = matching.flatMap((feature): Running[] => {
      const started = guard(feature.id, () => {
        const layer = new HostLayer<unknown>(feature.host.kind, feature.host.css, feature.host.render, signal);
        const r = { feature, layer, changes: [], count: { wanted: 0, placed: 0 } } as unknown as Running;
        r.run = feature.start({
          signal,
          url,
          find: (texts) => fresh().find(texts),
          anchors,
          shown,
          redraw: () => draw(r),
          hosts: () => layer.entries(),
        });
        r.refresh = coalesce(async () => {
          const changes = r.changes.splice(0);
          await r.run.load(changes);
          if (!signal.aborted) draw(r);
        }, signal);
        return r;
      });
      return started ? [started] : [];
    });
    const refresh = (r: Running, change?: StateChange) => {
      if (change) r.changes.push(change);
      return r.refresh().catch((error: unknown) => log(r.feature.id, error));
    };

    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    index.takeChanged();

    options.state?.subscribe((change) => {
      for (const r of running) void refresh(r, change);
    }, signal);

    let tick: ReturnType<typeof setTimeout> | undefined;
    const onMinute = () => {
      tick = setTimeout(onMinute, TICK_MS - (Date.now() % TICK_MS));
      for (const r of running) draw(r);
    };
    tick = setTimeout(onMinute, TICK_MS - (Date.now() % TICK_MS));
    signal.addEventListener('abort', () => {
      observer.disconnect();
      clearTimeout(tick);
    });
    return Promise.all(running.map((r) => refresh(r))).then(() => undefined);
  };

  return {
    features,
    add: (feature) => void features.push(feature as Feature<unknown>),
    start(root, onLocationChange, url = new URL(location.href)) {
      onLocationChange((next) => void run(root, next));
      return run(root, url);
    },
    counts: () => new Map(counts),
  };
}

/** A record of the page's own change, not one that only adds or removes Collab Lens' elements. */
function isThePagesOwn(r: MutationRecord): boolean {
  if (r.type !== 'childList') return true;
  for (const n of r.addedNodes) if (!isOurs(n)) return true;
  for (const n of r.removedNodes) if (!isOurs(n)) return true;
  return false;
}

const isOurs = (node: Node) => node instanceof Element && node.hasAttribute(HOST_ATTR);

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) return true;
  return false;
}

/**
 * Run `task` with at most one run in flight: a call while it runs asks for one more run after it, however many calls
 * come meanwhile. For loads that several notices (an ingest ack, a findings notice) ask for at once.
 */
export function coalesce(task: () => Promise<void>, signal: AbortSignal): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await task();
      } while (again && !signal.aborted);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
}
