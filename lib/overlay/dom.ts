/**
 * DOM helpers the features share, so none of them writes its own observers. Everything the overlay puts in the page is
 * an element carrying `data-collab-lens`, so our own changes are recognised and ignored.
 */

export const HOST_ATTR = 'data-collab-lens';

const isOurs = (node: Node) => node instanceof Element && node.hasAttribute(HOST_ATTR);

/**
 * Call `callback` once the page's DOM under `root` has been quiet for `quietMs` (or at the latest after `maxWaitMs` of
 * continuous change), ignoring changes that only add or remove Collab Lens' own elements. A page that animates through
 * its DOM therefore costs one scan per `maxWaitMs`, not one per frame.
 */
export function onDomChange(root: Node, callback: () => void, signal: AbortSignal, quietMs = 60, maxWaitMs = 400): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstChangeAt = 0;
  const fire = () => {
    timer = undefined;
    firstChangeAt = 0;
    if (!signal.aborted) callback();
  };
  const observer = new MutationObserver((records) => {
    const relevant = records.some((r) => {
      if (r.type === 'characterData') return !isInsideOurs(r.target);
      if (isInsideOurs(r.target)) return false;
      const nodes = [...r.addedNodes, ...r.removedNodes];
      return nodes.length === 0 || nodes.some((n) => !isOurs(n));
    });
    if (!relevant) return;
    const now = performance.now();
    firstChangeAt ||= now;
    clearTimeout(timer);
    timer = setTimeout(fire, Math.max(0, Math.min(quietMs, firstChangeAt + maxWaitMs - now)));
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
}

function isInsideOurs(node: Node): boolean {
  const el = node instanceof Element ? node : node.parentElement;
  return Boolean(el?.closest(`[${HOST_ATTR}]`));
}

/** Normalise visible text the way a handle is written: trimmed, no leading `@`, lower case. */
export const handleText = (s: string) => s.trim().replace(/^@/, '').toLowerCase();

/**
 * Elements whose whole own text is one of `handles` (with or without `@`): the content anchors for creator badges.
 * Only leaf-most elements count, so a wrapper around the handle text is not a second anchor.
 */
export function findHandleAnchors(root: Element, handles: ReadonlySet<string>): Map<Element, string> {
  const found = new Map<Element, string>();
  if (handles.size === 0) return found;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      const parent = node.parentElement;
      if (!parent || parent.closest(`[${HOST_ATTR}]`) || parent.closest('script,style,noscript,textarea,input')) {
        return NodeFilter.FILTER_REJECT;
      }
      const text = (node as Text).data;
      return text.length <= 70 && handles.has(handleText(text)) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = (node as Text).parentElement as Element;
    if (handleText(parent.textContent ?? '') === handleText((node as Text).data)) {
      found.set(parent, handleText((node as Text).data));
    }
  }
  return found;
}

/**
 * The row an anchor stands in: climb while the ancestor contains no other anchor, and return the lowest ancestor that
 * mentions the most of `needles` (product ids or titles), with the needles it mentions.
 */
export function rowOf(anchor: Element, anchors: Iterable<Element>, needles: readonly string[], maxDepth = 8) {
  const others = [...anchors].filter((a) => a !== anchor);
  let best: { row: Element; matched: string[] } | undefined;
  let el: Element | null = anchor.parentElement;
  for (let depth = 0; el && el !== document.body && depth < maxDepth; depth++, el = el.parentElement) {
    const node = el;
    if (others.some((o) => node.contains(o))) break;
    const text = node.textContent ?? '';
    const matched = needles.filter((n) => n && text.includes(n));
    if (matched.length > (best?.matched.length ?? 0)) best = { row: node, matched };
  }
  return best;
}

/**
 * Draw attention to a page element without touching it: a box in the top layer of our own, over the element's rect,
 * following scroll, removed after `ms` or when `signal` aborts.
 */
export function flashHighlight(target: Element, signal: AbortSignal, ms = 2500): void {
  const host = document.createElement('div');
  host.setAttribute(HOST_ATTR, 'highlight');
  host.setAttribute('popover', 'manual');
  host.style.cssText =
    'position:fixed;margin:0;padding:0;inset:auto;border:3px solid #f59e0b;border-radius:6px;background:rgb(245 158 11 / 0.12);' +
    'pointer-events:none;box-sizing:border-box;transition:opacity .4s;';
  const place = () => {
    const r = target.getBoundingClientRect();
    Object.assign(host.style, { left: `${r.left - 3}px`, top: `${r.top - 3}px`, width: `${r.width + 6}px`, height: `${r.height + 6}px` });
  };
  const done = new AbortController();
  const remove = () => {
    done.abort();
    host.remove();
  };
  document.documentElement.append(host);
  place();
  host.showPopover();
  addEventListener('scroll', place, { passive: true, capture: true, signal: done.signal });
  addEventListener('resize', place, { passive: true, signal: done.signal });
  signal.addEventListener('abort', remove, { once: true, signal: done.signal });
  const timer = setTimeout(remove, ms);
  done.signal.addEventListener('abort', () => clearTimeout(timer));
}
