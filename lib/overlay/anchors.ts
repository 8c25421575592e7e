import { rowOf } from './dom';
import { anchorText, type PageIndex } from './page-index';

/**
 * Content anchors for annotations: the page elements that show a finding's subject (a handle, an order or product id,
 * a campaign or invitation name). Found by the page's visible text only (the page's text index, `page-index.ts`),
 * never by its class names.
 */

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
export function placeByAnchors<T extends Anchored>(index: Pick<PageIndex, 'find'>, items: readonly T[]): Map<Element, T[]> {
  const texts = new Set(items.flatMap((f) => f.anchors.map(anchorText)).filter(Boolean));
  const found = index.find(texts);
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
