import { render } from 'preact';
import { BADGE_CSS, SampleBadge } from '../../components/sample-badge';
import type { I18n } from '../i18n';
import type { RevealQuery } from '../messaging/protocol';
import { findHandleAnchors, flashHighlight, HOST_ATTR, onDomChange, rowOf } from '../overlay/dom';
import type { Feature } from '../overlay/manager';
import type { PageState } from '../overlay/page-state';
import { isSampleRequests } from '../page-detect';
import type { CreatorFigures, RequestFigure } from '../queries/figures';

/**
 * Sample requests: a badge beside each creator handle with the creator's fulfilment rate, this shop's sample history
 * with them and the review countdown. Anchored by the handle's text and the product ids around it, never by class names.
 */

export interface BadgeDeps {
  state: PageState;
  i18n: I18n;
  fetchFigures(shopKey: string, handles: string[]): Promise<CreatorFigures[]>;
  now?: () => number;
}

const KIND = 'sample-badge';
const TICK_MS = 30_000;

interface Host {
  el: HTMLElement;
  root: ShadowRoot;
  handle: string;
  row?: Element;
  requests: RequestFigure[];
  /** What was last drawn, so an unchanged badge is not rendered again. */
  drawn?: string;
}

/** Containers a sibling cannot be put beside without breaking the page's structure (a cell in a row, an item in a list). */
const CONTAINER = /^(TD|TH|LI|DT|DD)$/;

/**
 * Where the badge goes: right after the handle's element, so the page's own element and children stay as they were;
 * after the link or button the handle sits in (a click on the badge must stay ours); inside a table cell or list item.
 */
function placeHost(anchor: Element, el: HTMLElement) {
  const interactive = anchor.closest('a,button,[role="button"],[role="link"]');
  if (interactive) interactive.after(el);
  else if (CONTAINER.test(anchor.tagName)) anchor.append(el);
  else anchor.after(el);
}

/** The requests a row is about: those whose product id (or title) the row shows; else the creator's pending ones. */
function rowRequests(anchor: Element, anchors: Iterable<Element>, figures: CreatorFigures) {
  const needles = figures.requests.flatMap((r) => [r.productId, ...(r.productTitle ? [r.productTitle] : [])]);
  const row = rowOf(anchor, anchors, needles);
  if (row) {
    const matched = new Set(row.matched);
    const byId = figures.requests.filter((r) => matched.has(r.productId));
    const requests = byId.length ? byId : figures.requests.filter((r) => r.productTitle && matched.has(r.productTitle));
    return { row: row.row, requests };
  }
  return { row: undefined, requests: figures.requests.filter((r) => r.status === 'PENDING') };
}

export function sampleRequestBadges(deps: BadgeDeps): Feature {
  const now = deps.now ?? Date.now;
  return {
    id: 'sample-request-badges',
    include: [isSampleRequests],
    init({ signal }) {
      let figures = new Map<string, CreatorFigures>();
      const hosts = new Map<Element, Host>();
      let highlighted: string | undefined;

      const draw = (host: Host, f: CreatorFigures) => {
        const isHighlighted = highlighted !== undefined && host.requests.some((r) => r.applyId === highlighted);
        const minute = Math.floor(now() / 60_000);
        const key = JSON.stringify([f, host.requests, isHighlighted, minute]);
        if (host.drawn === key) return;
        host.drawn = key;
        host.el.dataset.applyIds = host.requests.map((r) => r.applyId).join(' ');
        render(
          <>
            <style>{BADGE_CSS}</style>
            <SampleBadge figures={f} requests={host.requests} i18n={deps.i18n} now={now()} highlighted={isHighlighted} />
          </>,
          host.root,
        );
      };

      const removeHost = (anchor: Element, host: Host) => {
        render(null, host.root);
        host.el.remove();
        hosts.delete(anchor);
      };

      const reconcile = () => {
        const anchors = findHandleAnchors(document.body, new Set(figures.keys()));
        for (const [anchor, host] of hosts) {
          const stillThere = anchors.get(anchor) === host.handle && host.el.isConnected;
          if (!stillThere) removeHost(anchor, host);
        }
        // Badges left by a page re-render that moved our host away from its anchor.
        for (const stray of document.querySelectorAll(`[${HOST_ATTR}="${KIND}"]`)) {
          if (![...hosts.values()].some((h) => h.el === stray)) stray.remove();
        }
        for (const [anchor, handle] of anchors) {
          const f = figures.get(handle);
          if (!f) continue;
          const { row, requests } = rowRequests(anchor, anchors.keys(), f);
          let host = hosts.get(anchor);
          if (!host) {
            const el = document.createElement('span');
            el.setAttribute(HOST_ATTR, KIND);
            el.dataset.handle = handle;
            host = { el, root: el.attachShadow({ mode: 'open' }), handle, row, requests };
            placeHost(anchor, el);
            hosts.set(anchor, host);
          }
          host.row = row;
          host.requests = requests;
          draw(host, f);
        }
      };

      // Figures are asked for the handles the page shows now, and only the latest answer counts.
      let asked = 0;
      const refresh = async () => {
        const { shopKey } = deps.state;
        if (!shopKey || deps.state.handles.size === 0 || signal.aborted) return;
        const onPage = [...new Set(findHandleAnchors(document.body, deps.state.handles).values())];
        if (onPage.length === 0) return;
        const mine = ++asked;
        const list = await deps.fetchFigures(shopKey, onPage);
        if (signal.aborted || mine !== asked) return;
        figures = new Map(list.map((f) => [f.handle, f]));
        reconcile();
      };
      const known = () => figures.size > 0 && [...findHandleAnchors(document.body, deps.state.handles).values()].every((h) => figures.has(h));

      const reveal = (q: RevealQuery) => {
        const entries = [...hosts.entries()].filter(([, h]) => h.handle === q.handle);
        const hit = entries.find(([, h]) => h.requests.some((r) => r.applyId === q.applyId)) ?? entries[0];
        if (!hit) return false;
        const [anchor, host] = hit;
        highlighted = q.applyId;
        const row = host.row ?? anchor;
        row.scrollIntoView({ block: 'center' });
        flashHighlight(row, signal);
        reconcile();
        host.el.shadowRoot?.querySelector('button')?.focus({ preventScroll: true });
        return true;
      };

      deps.state.subscribe(() => void refresh().catch(() => undefined), signal);
      deps.state.setRevealer(reveal, signal);
      // A re-render may show creators whose figures were never asked for (a new page of the list).
      onDomChange(document.body, () => (known() ? reconcile() : void refresh().catch(() => undefined)), signal);
      const tick = setInterval(reconcile, TICK_MS);
      signal.addEventListener('abort', () => {
        clearInterval(tick);
        for (const [anchor, host] of hosts) removeHost(anchor, host);
      });
      return refresh();
    },
  };
}

/* Test pages: test/sim (Sample requests, markups `table` and `cards`, both route generations); test/e2e/sample-requests.test.ts */
