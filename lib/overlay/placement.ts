/** Which page element of a creator's mentions carries the creator's annotation. */

/**
 * One anchor per creator item: a row that shows the handle twice (a nickname equal to the handle, then `@handle`) gets
 * one card, while two rows of the same creator (applications for two products) keep one each. Consecutive mentions of
 * a creator are one item when the smallest element holding both holds no other creator's mention (a row's elements
 * are contiguous in document order, so the mentions just before and after the run are the only ones to check). The
 * card goes after the `@handle` form if the item has one, else after its last mention.
 */
export function onePerItem(anchors: ReadonlyMap<Element, string>): Map<Element, string> {
  const list = [...anchors];
  const out = new Map<Element, string>();
  const flush = (item: Element[]) => {
    const at = item.find((el) => (el.textContent ?? '').trim().startsWith('@')) ?? item.at(-1);
    if (at) out.set(at, anchors.get(at) as string);
  };
  for (let i = 0; i < list.length; ) {
    const handle = list[i]?.[1];
    let j = i;
    while (list[j + 1]?.[1] === handle) j++;
    const [before, after] = [list[i - 1]?.[0], list[j + 1]?.[0]];
    let item = [list[i]?.[0] as Element];
    for (let k = i + 1; k <= j; k++) {
      const el = list[k]?.[0] as Element;
      const both = commonAncestor(item.at(-1) as Element, el);
      if ((before && both.contains(before)) || (after && both.contains(after))) {
        flush(item);
        item = [];
      }
      item.push(el);
    }
    flush(item);
    i = j + 1;
  }
  return out;
}

function commonAncestor(a: Element, b: Element): Element {
  let el: Element | null = a;
  while (el && !el.contains(b)) el = el.parentElement;
  return el ?? document.documentElement;
}
