/** Which page element of a creator's mentions carries the creator's annotation. */

export interface PlacementOptions {
  /**
   * Creators' nicknames as Affiliate Center sent them (handle → nickname), when the feature knows them. Only needed on
   * rows that show the handle without its `@` beside a nickname that is another creator's handle: there the nickname
   * alone tells the two apart.
   */
  names?: ReadonlyMap<string, string>;
}

/**
 * One anchor per creator item, and every item annotated: `anchors` are the elements whose whole text is a known
 * handle (with or without `@`), in document order. TikTok shows the handle in the name line when a creator set no
 * nickname, and a nickname can be another creator's handle, so a mention is taken as the handle only when the row
 * shows it as one:
 * - a hidden element (a tooltip not open) is never an anchor: a badge placed after it lands on what is visible;
 * - a mention in `@handle` form (the `@` in its own text or just before it, as a page that splits it over spans
 *   shows it) is a handle; a bare mention in the same row as one is a name, whoever's handle it equals;
 * - two bare mentions in one row where one is the other creator's nickname (`names`): that one is the name.
 * Consecutive mentions of a creator are one item when the smallest element holding both holds no other creator's
 * mention (a row's elements are contiguous in document order, so the mentions just before and after the run are the
 * only ones to check) and they do not sit in repeated rows (the same path of tags down from that element); two rows of
 * the same creator (a recommended strip and the results, two requests) keep one each.
 * The card goes after the `@handle` form if the item has one, else after its last mention.
 */
export function onePerItem(anchors: ReadonlyMap<Element, string>, options: PlacementOptions = {}): Map<Element, string> {
  const shown = [...anchors].filter(([el]) => isShown(el));
  const strong = shown.filter(([el]) => isHandleForm(el)).map(([el]) => el);
  const isStrong = new Set(strong);
  // `shown` is in document order: walk it once, knowing the `@handle` mentions just before and after each bare one.
  const kept: [Element, string][] = [];
  let next = 0;
  shown.forEach((mention, i) => {
    if (isStrong.has(mention[0])) {
      next++;
      kept.push(mention);
    } else if (!inRowOf(mention[0], strong, next, [shown[i - 1]?.[0], shown[i + 1]?.[0]])) kept.push(mention);
  });
  return perItem(dropNames(kept, options.names), isStrong);
}

/** Whether `el` can be seen: a hidden tooltip, a collapsed menu or a transparent layer is not an anchor. */
function isShown(el: Element): boolean {
  if (el.closest('[hidden],[aria-hidden="true"]')) return false;
  return el.checkVisibility ? el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) : true;
}

/** `@handle` in the element's own text, or an `@` just before the element (a page that puts it in a span of its own). */
function isHandleForm(el: Element): boolean {
  if ((el.textContent ?? '').trim().startsWith('@')) return true;
  for (let node: Node | null = el; node && node !== document.body; node = node.parentNode) {
    let prev = node.previousSibling;
    while (prev && (prev.textContent ?? '').trim() === '') prev = prev.previousSibling;
    if (prev) return (prev.textContent ?? '').trimEnd().endsWith('@');
  }
  return false;
}

/**
 * Whether a bare mention shares its row with one of the `@handle` mentions (`strong`, in document order; `next` is
 * the index of the first after it): the smallest element holding both holds no other mention. Only the nearest one on
 * each side can be in its row, and that element holds another mention only if it holds a neighbour of one of the two
 * (`adjacent`: the mentions just before and after the bare one).
 */
function inRowOf(el: Element, strong: readonly Element[], next: number, adjacent: readonly (Element | undefined)[]): boolean {
  return [next - 1, next].some((i) => {
    const s = strong[i];
    if (!s) return false;
    const both = commonAncestor(el, s);
    return ![strong[i - 1], strong[i + 1], ...adjacent].some((other) => other && other !== s && both.contains(other));
  });
}

/** Bare mentions next to each other in one row where one is the other's nickname: the nickname goes. */
function dropNames(list: [Element, string][], names: ReadonlyMap<string, string> | undefined): [Element, string][] {
  if (!names?.size) return list;
  const name = (handle: string) => names.get(handle)?.trim().replace(/^@/, '').toLowerCase();
  const drop = new Set<Element>();
  for (let i = 0; i + 1 < list.length; i++) {
    const [[a, ha], [b, hb]] = [list[i] as [Element, string], list[i + 1] as [Element, string]];
    if (ha === hb) continue;
    const both = commonAncestor(a, b);
    if ([list[i - 1]?.[0], list[i + 2]?.[0]].some((x) => x && both.contains(x))) continue;
    if (name(hb) === ha) drop.add(a);
    else if (name(ha) === hb) drop.add(b);
  }
  return list.filter(([el]) => !drop.has(el));
}

function perItem(list: [Element, string][], strong: ReadonlySet<Element>): Map<Element, string> {
  const out = new Map<Element, string>();
  const flush = (item: [Element, string][]) => {
    const at = item.find(([el]) => strong.has(el)) ?? item.at(-1);
    if (at) out.set(at[0], at[1]);
  };
  for (let i = 0; i < list.length; ) {
    const handle = list[i]?.[1];
    let j = i;
    while (list[j + 1]?.[1] === handle) j++;
    const [before, after] = [list[i - 1]?.[0], list[j + 1]?.[0]];
    let item = [list[i] as [Element, string]];
    for (let k = i + 1; k <= j; k++) {
      const mention = list[k] as [Element, string];
      const both = commonAncestor((item.at(-1) as [Element, string])[0], mention[0]);
      if ((before && both.contains(before)) || (after && both.contains(after)) || sameShape(both, (item.at(-1) as [Element, string])[0], mention[0])) {
        flush(item);
        item = [];
      }
      item.push(mention);
    }
    flush(item);
    i = j + 1;
  }
  return out;
}

/**
 * Whether two mentions under `top` sit in repeated rows: the same path of tags and roles from `top` down to each (two
 * table rows of one creator's requests), not two places of one page about a creator (a header and the body).
 */
function sameShape(top: Element, a: Element, b: Element): boolean {
  const path = (el: Element) => {
    const steps: string[] = [];
    for (let up: Element | null = el; up && up !== top; up = up.parentElement) steps.push(`${up.tagName}:${up.getAttribute('role') ?? ''}`);
    return steps.join('/');
  };
  return path(a) === path(b);
}

function commonAncestor(a: Element, b: Element): Element {
  let el: Element | null = a;
  while (el && !el.contains(b)) el = el.parentElement;
  return el ?? document.documentElement;
}
