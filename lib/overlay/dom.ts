/**
 * DOM helpers the features share. Everything the overlay puts in the page is an element carrying `data-collab-lens`,
 * so our own changes are recognised and ignored (the manager's observer, the page index).
 */

export const HOST_ATTR = 'data-collab-lens';

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
