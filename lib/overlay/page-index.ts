import { HOST_ATTR } from './dom';

/**
 * The page's text, indexed once for every feature: which elements show which short text, and which show an id inside
 * longer text. Built with one walk of the page, then kept current from the DOM observer's mutation records (subtrees
 * added and removed, text changed): a change costs the changed subtree and its ancestors' texts, never a walk of the
 * page. Texts are compared in `anchorText` form. Text inside Collab Lens' own elements, scripts, styles and form
 * fields never counts, as if those elements were empty.
 */

/** Visible text as anchors compare it: whitespace collapsed, trimmed, without a leading `@`, lower case. */
export const anchorText = (s: string) => s.replace(/\s+/g, ' ').trim().replace(/^@/, '').toLowerCase();

/** Elements whose text an anchor never comes from. */
export const EXCLUDED = `[${HOST_ATTR}],script,style,noscript,template,textarea,input,select`;
const EXCLUDED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT']);
const isExcluded = (el: Element) => EXCLUDED_TAGS.has(el.tagName) || el.hasAttribute(HOST_ATTR);

/** The longest text (as written, before collapsing spaces) an element may show to be indexed by its whole text. */
const MAX_TEXT = 300;

/** Ids are long digit runs; a page shows them inside longer text (`ID: 1729…`, `Order 5771…`). */
const ID_RUN = /\d{6,}/g;

/** An element's whole text is longer than `MAX_TEXT` (and so is every ancestor's). */
const LONG = null;
type Raw = string | typeof LONG;

/** What the index holds about one element: its whole text (raw, and normalised), and the ids its own text nodes show. */
interface Entry {
  raw: Raw;
  text: string;
  ids: readonly string[];
}

const add = (map: Map<string, Set<Element>>, key: string, el: Element) => {
  const set = map.get(key);
  if (set) set.add(el);
  else map.set(key, new Set([el]));
};
const drop = (map: Map<string, Set<Element>>, key: string, el: Element) => {
  const set = map.get(key);
  if (!set) return;
  set.delete(el);
  if (set.size === 0) map.delete(key);
};

/** Sort elements in document order. */
export const inDocumentOrder = <T extends Node>(nodes: T[]): T[] =>
  nodes.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));

export class PageIndex {
  private readonly entries = new WeakMap<Element, Entry>();
  private readonly byText = new Map<string, Set<Element>>();
  private readonly byId = new Map<string, Set<Element>>();
  /** Texts and ids whose elements changed since the last `takeChanged`. */
  private changed = new Set<string>();

  constructor(private readonly root: Element) {
    this.index(root);
  }

  /**
   * The elements that show each of `texts` (in `anchorText` form), in document order: an element whose whole text is
   * the text, the lowest one where several nested elements show the same text (`<a><span>@maya</span></a>` gives the
   * span, `<a><span>@</span><span>maya</span></a>` the link); for an id, also an element whose own text shows it as a
   * whole number among other text.
   */
  find(texts: Iterable<string>): Map<string, Element[]> {
    const found = new Map<string, Element[]>();
    for (const text of texts) {
      const whole = this.byText.get(text);
      const ids = this.byId.get(text);
      if (!whole && !ids) continue;
      const list = whole ? lowest(whole) : [];
      if (ids) {
        const seen = new Set(list);
        for (const el of ids) if (!seen.has(el)) list.push(el);
      }
      found.set(text, list.length > 1 ? inDocumentOrder(list) : list);
    }
    return found;
  }

  /** Does the page show `text` (as `find` would find it)? */
  has(text: string): boolean {
    return this.byText.has(text) || this.byId.has(text);
  }

  /** The texts and ids whose elements came, went or changed since the last call. */
  takeChanged(): Set<string> {
    const changed = this.changed;
    this.changed = new Set();
    return changed;
  }

  /** Apply a batch of mutation records (childList and characterData, with `subtree`). */
  update(records: readonly MutationRecord[]): void {
    const targets = new Set<Element>();
    const skipped = new Set<Element>();
    const added = new Set<Node>();
    for (const r of records) {
      const target = r.target instanceof Element ? r.target : r.target.parentElement;
      if (!target || skipped.has(target)) continue;
      if (!targets.has(target)) {
        if (!this.root.contains(target) || target.closest(EXCLUDED)) {
          skipped.add(target);
          continue;
        }
        targets.add(target);
      }
      for (const node of r.removedNodes) if (node instanceof Element) this.unindex(node);
      for (const node of r.addedNodes) if (node instanceof Element) added.add(node);
    }
    for (const node of added) if (node.isConnected && (node as Element).parentElement && !isInsideAdded(node, added)) this.index(node as Element);
    for (const target of targets) this.refreshUp(target);
  }

  /** Index `el`'s subtree (again), bottom up; returns `el`'s whole text. */
  private index(el: Element): Raw {
    if (isExcluded(el)) {
      this.unindex(el);
      return '';
    }
    let raw: Raw = '';
    // A wrapper whose text is all one child's (`<td><span>@maya</span></td>`) takes that child's normalised text.
    let parts = 0;
    let only: Element | undefined;
    for (let child = el.firstChild; child; child = child.nextSibling) {
      let part: Raw = '';
      if (child.nodeType === Node.TEXT_NODE) part = (child as Text).data;
      else if (child.nodeType === Node.ELEMENT_NODE) {
        part = this.index(child as Element);
        if (part) only = child as Element;
      }
      if (part !== '') parts++;
      raw = raw === LONG || part === LONG || raw.length + part.length > MAX_TEXT ? LONG : raw + part;
    }
    this.set(el, raw, ownIds(el), parts === 1 && only ? this.entries.get(only)?.text : undefined);
    return raw;
  }

  /** Forget `el`'s subtree. */
  private unindex(el: Element): void {
    this.set(el, undefined);
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) this.unindex(child);
  }

  /** `el`'s own children changed: its whole text and ids, then its ancestors' texts, as far as they change. */
  private refreshUp(el: Element): void {
    this.set(el, wholeOf(el, this.entries), ownIds(el));
    for (let up = el.parentElement; up && this.root.contains(up); up = up.parentElement) {
      const before = this.entries.get(up);
      const raw = wholeOf(up, this.entries);
      if (before && before.raw === raw) break;
      this.set(up, raw, before?.ids ?? ownIds(up));
      if (raw === LONG && before?.raw === LONG) break;
    }
  }

  private set(el: Element, raw: Raw | undefined, ids: readonly string[] = [], known?: string): void {
    const before = this.entries.get(el);
    const text = !raw ? '' : known ?? (before?.raw === raw ? before.text : anchorText(raw));
    if (before && before.text === text && sameIds(before.ids, ids)) return;
    if (before) {
      if (before.text) this.forget(this.byText, before.text, el);
      for (const id of before.ids) this.forget(this.byId, id, el);
    }
    if (raw === undefined) {
      this.entries.delete(el);
      return;
    }
    this.entries.set(el, { raw, text, ids });
    if (text) this.remember(this.byText, text, el);
    for (const id of ids) this.remember(this.byId, id, el);
  }

  private remember(map: Map<string, Set<Element>>, key: string, el: Element) {
    add(map, key, el);
    this.changed.add(key);
  }

  private forget(map: Map<string, Set<Element>>, key: string, el: Element) {
    drop(map, key, el);
    this.changed.add(key);
  }
}

/** `el`'s whole text from its text nodes and its children's indexed texts. */
function wholeOf(el: Element, entries: WeakMap<Element, Entry>): Raw {
  if (isExcluded(el)) return '';
  let raw = '';
  for (let child = el.firstChild; child; child = child.nextSibling) {
    let part: Raw = '';
    if (child.nodeType === Node.TEXT_NODE) part = (child as Text).data;
    else if (child.nodeType === Node.ELEMENT_NODE && !isExcluded(child as Element)) part = entries.get(child as Element)?.raw ?? '';
    if (part === LONG || raw.length + part.length > MAX_TEXT) return LONG;
    raw += part;
  }
  return raw;
}

/** The ids `el`'s own text nodes show. */
function ownIds(el: Element): string[] {
  let ids: string[] | undefined;
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== Node.TEXT_NODE) continue;
    const data = (child as Text).data;
    if (data.length < 6) continue;
    for (const [run] of data.matchAll(ID_RUN)) (ids ??= []).push(run);
  }
  return ids ?? [];
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The elements of `set` that contain no other element of it (one climb per element, not a comparison per pair). */
function lowest(set: ReadonlySet<Element>): Element[] {
  if (set.size === 1) return [...set];
  const above = new Set<Element>();
  for (const el of set) for (let up = el.parentElement; up; up = up.parentElement) if (set.has(up)) above.add(up);
  return [...set].filter((el) => !above.has(el));
}

function isInsideAdded(node: Node, added: ReadonlySet<Node>): boolean {
  for (let up = node.parentNode; up; up = up.parentNode) if (added.has(up)) return true;
  return false;
}
