import { HOST_ATTR, rowOf } from './dom';

/**
 * Content anchors for annotations: the page elements that show a finding's subject (a handle, an order or product id,
 * a campaign or invitation name). Found by the page's visible text only, never by its class names.
 */

/** Visible text as anchors compare it: whitespace collapsed, trimmed, without a leading `@`, lower case. */
export const anchorText = (s: string) => s.replace(/\s+/g, ' ').trim().replace(/^@/, '').toLowerCase();

/** Ids are long digit runs; a page shows them inside longer text (`ID: 1729…`, `Order 5771…`). */
const ID_RUN = /\d{6,}/g;
const isId = (s: string) => /^\d{6,}$/.test(s);

/**
 * The elements under `root` that show one of `texts` (already in `anchorText` form): an element whose whole text is
 * the anchor (leaf-most only, so a wrapper is not a second anchor), or, for ids, an element whose own text contains
 * the id as a whole number. Text inside Collab Lens' own elements, scripts and form fields never counts.
 */
export function findTextAnchors(root: Element, texts: ReadonlySet<string>): Map<string, Element[]> {
  const found = new Map<string, Element[]>();
  if (texts.size === 0) return found;
  const ids = [...texts].some(isId);
  const add = (text: string, el: Element) => {
    const list = found.get(text);
    if (!list) found.set(text, [el]);
    else if (!list.includes(el)) list.push(el);
  };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      const parent = node.parentElement;
      if (!parent || parent.closest(`[${HOST_ATTR}],script,style,noscript,textarea,input`)) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    const parent = node.parentElement as Element;
    if (data.length <= 300) {
      const text = anchorText(data);
      if (text && texts.has(text) && anchorText(parent.textContent ?? '') === text) add(text, parent);
    }
    if (ids) for (const [run] of data.matchAll(ID_RUN)) if (texts.has(run)) add(run, parent);
  }
  return found;
}

export interface Anchored {
  /** Texts that identify the subject on a page, most specific first. */
  anchors: readonly string[];
}

/**
 * Which page element each item is annotated on. For each item, the first of its anchors that the page shows decides;
 * when that text shows several times (an order id on each of its SKU rows, a name two invitations share), only the
 * occurrences whose row also shows the most of the item's other anchors are kept. Items that land on the same element
 * share one annotation there.
 */
export function placeByAnchors<T extends Anchored>(root: Element, items: readonly T[]): Map<Element, T[]> {
  const texts = new Set(items.flatMap((f) => f.anchors.map(anchorText)).filter(Boolean));
  const found = findTextAnchors(root, texts);
  const out = new Map<Element, T[]>();
  for (const item of items) {
    const norm = item.anchors.map(anchorText);
    const first = norm.findIndex((a) => a && found.get(a)?.length);
    if (first < 0) continue;
    let elements = found.get(norm[first] as string) ?? [];
    const others = item.anchors.filter((_, i) => i !== first && norm[i]);
    if (elements.length > 1 && others.length) {
      const scored = elements.map((el) => ({ el, score: rowOf(el, elements, others)?.matched.length ?? 0 }));
      const best = Math.max(...scored.map((s) => s.score));
      if (best > 0) elements = scored.filter((s) => s.score === best).map((s) => s.el);
    }
    for (const el of elements) {
      const list = out.get(el);
      if (list) list.push(item);
      else out.set(el, [item]);
    }
  }
  return out;
}
