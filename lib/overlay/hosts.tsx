import { render, type ComponentChild } from 'preact';
import { HOST_ATTR } from './dom';

/**
 * The one way annotations enter the page: a host element per annotated item, placed right after the item's content
 * anchor (never inside the page's own elements, except a table cell or list item that is the anchor itself), holding a
 * shadow root the page's CSS cannot reach. Hosts are out of the page's flow (absolutely positioned), so the page's own
 * elements keep their boxes: nothing wraps, grows or moves when an annotation appears or goes. A host sits at the end of
 * its anchor's text: where it is after an inline anchor it is there already; after a block-level one it is moved up
 * there with `translate`. To cover as little of the page as it can, an annotation is as wide as the room left on that
 * line (`--cl-room`); its chip shows what fits and its popover everything. Both are measured when the host is placed
 * or drawn again and when the window is resized, and so are the chip's figures (elements marked `data-part`): those
 * that do not fit whole are hidden, and when not even the first does the host is marked `data-compact` for the view's
 * CSS to show short forms.
 */

/** Containers a sibling cannot be put beside without breaking the page's structure (a cell in a row, an item in a list). */
const CONTAINER = /^(TD|TH|LI|DT|DD)$/;
const INTERACTIVE = 'a,button,label,summary,[role="button"],[role="link"],[role="tab"]';

/** The host's own box: out of flow, so it never moves the page; `!important` inline, so no page rule reaches it. */
const HOST_STYLE =
  'all:initial!important;position:absolute!important;display:inline-block!important;margin:0 0 0 6px!important;' +
  'padding:0!important;border:0!important;white-space:nowrap!important;';

/** Where a host goes, decided before anything is inserted (reading styles between insertions would lay out each time). */
interface Placement {
  /** The element the host goes after, or into (a cell or list item). */
  target: Element;
  inside: boolean;
  /** The target is block-level: the host's own position would be on the line below it. */
  block: boolean;
}

/**
 * After the link or button the anchor sits in (a click on the annotation must stay ours, and the page's control stays
 * as it was); at the end of a table cell or list item that is the anchor itself; otherwise right after the anchor.
 */
function placementOf(anchor: Element): Placement {
  const target = anchor.closest(INTERACTIVE) ?? anchor;
  if (target === anchor && CONTAINER.test(anchor.tagName)) return { target, inside: true, block: false };
  return { target, inside: false, block: isBlock(target) };
}

const insert = (p: Placement, el: HTMLElement) => (p.inside ? p.target.append(el) : p.target.after(el));

const isInline = (display: string) => display === '' || display === 'contents' || display.startsWith('inline');
const isBlock = (el: Element) => !isInline(getComputedStyle(el).display);

/** The least room an annotation gets, however little its anchor's line leaves. */
const MIN_ROOM = 56;

/** The room wrapper: never wider than the room measured for it, its chips side by side, shrinking before wrapping. */
const ROOM_CSS = `
.cl-room { display: inline-flex; align-items: center; gap: 4px; max-width: max(var(--cl-room, 480px), ${MIN_ROOM}px); vertical-align: middle; }
.cl-room > * { min-width: 0; flex: 0 1 auto; }
`;

/** The widest an annotation may be when its anchor's line leaves more room than that. */
const MAX_ROOM = 480;
const GAP = 6;

/** A chip's figures (`[data-part]`) as measured in their full forms. */
interface Figures {
  parts: HTMLElement[];
  /** Where the first starts, from the start of the host's room. */
  start: number;
  widths: number[];
  gap: number;
  /** The chip's own padding and border after its last figure. */
  end: number;
}

interface Fit {
  room: number;
  shift?: { x: number; y: number };
  figures?: Figures;
}

const COMPACT_ATTR = 'data-compact';

/**
 * Where each host should be, how wide it may be (left to right, as Affiliate Center is written) and which figures its
 * chip shows, for every host at once: every measure first, then every write, so the page lays out once however many
 * hosts there are. The chip shows the figures that fit whole, in order; when not even the first does, the host is
 * marked compact and its chip shows the first figure's short form (its view's CSS has both). Marks of an earlier fit
 * are taken off first (all at once), so the full figures can be measured.
 */
function fit<T>(hosts: readonly Host<T>[]): void {
  for (const h of hosts) {
    if (h.el.hasAttribute(COMPACT_ATTR)) h.el.removeAttribute(COMPACT_ATTR);
    for (const part of h.root.querySelectorAll<HTMLElement>('[data-part][hidden]')) part.hidden = false;
  }
  const fits = hosts.map((h): Fit => (h.el.isConnected ? fitOf(h) : { room: MAX_ROOM }));
  hosts.forEach((h, i) => {
    const f = fits[i] as Fit;
    const room = Math.min(MAX_ROOM, f.room);
    h.el.style.setProperty('--cl-room', `${room}px`);
    if (f.shift) h.el.style.setProperty('translate', `${f.shift.x}px ${f.shift.y}px`, 'important');
    if (!f.figures) return;
    const shown = figuresThatFit(f.figures, Math.max(room, MIN_ROOM));
    if (shown === 0) h.el.setAttribute(COMPACT_ATTR, '');
    f.figures.parts.forEach((part, k) => {
      if (k >= Math.max(shown, 1)) part.hidden = true;
    });
  });
}

/** How many of the leading figures fit whole in `room`. */
function figuresThatFit({ start, widths, gap, end }: Figures, room: number): number {
  let right = start + end;
  let n = 0;
  for (const w of widths) {
    right += (n ? gap : 0) + w;
    if (right > room) break;
    n++;
  }
  return n;
}

function figuresOf(root: ShadowRoot): Figures | undefined {
  const parts = [...root.querySelectorAll<HTMLElement>('[data-part]')];
  const room = root.querySelector('.cl-room');
  const chip = parts[0]?.parentElement;
  if (!parts[0] || !room || !chip) return undefined;
  const style = getComputedStyle(chip);
  return {
    parts,
    start: parts[0].getBoundingClientRect().left - room.getBoundingClientRect().left,
    widths: parts.map((p) => p.scrollWidth),
    gap: parseFloat(style.columnGap) || 0,
    end: parseFloat(style.paddingRight || '0') + parseFloat(style.borderRightWidth || '0'),
  };
}

function fitOf<T>(h: Host<T>): Fit {
  const at = h.el.getBoundingClientRect();
  const figures = figuresOf(h.root);
  if (!h.placement.block) {
    const block = blockOf(h.el.parentElement);
    return { room: block ? Math.floor(roomRight(block) - at.left) : MAX_ROOM, figures };
  }
  // After a block-level element the host starts on the line below: move it to the end of the element's last line.
  const range = document.createRange();
  range.selectNodeContents(h.placement.target);
  const line = [...range.getClientRects()].filter((r) => r.width > 0).at(-1);
  if (!line) return { room: MAX_ROOM, figures };
  const current = h.el.style.getPropertyValue('translate').split(' ').map((v) => parseFloat(v) || 0);
  const x = line.right + GAP - (at.left - (current[0] ?? 0));
  const y = line.top - (at.top - (current[1] ?? 0));
  return { room: Math.floor(roomRight(h.placement.target) - line.right - GAP), shift: { x: Math.round(x), y: Math.round(y) }, figures };
}

function blockOf(el: Element | null): Element | null {
  let block = el;
  while (block && isInline(getComputedStyle(block).display)) block = block.parentElement;
  return block;
}

/**
 * Where an annotation at the end of `block` must stop: the block's own content edge, or, for an item of a flex or grid
 * row that is only as wide as its text (a card's title beside its date), the free space up to the next item on the row.
 */
function roomRight(block: Element): number {
  const own = contentRight(block);
  const row = block.parentElement;
  if (!row || !/flex|grid/.test(getComputedStyle(row).display)) return own;
  const r = block.getBoundingClientRect();
  let sibling = block.nextElementSibling;
  while (sibling?.hasAttribute(HOST_ATTR)) sibling = sibling.nextElementSibling;
  const next = sibling?.getBoundingClientRect();
  if (!next) return Math.max(own, contentRight(row));
  const sameRow = next.left >= r.right && next.top < r.bottom && next.bottom > r.top;
  return sameRow ? Math.max(own, next.left - GAP) : own;
}

function contentRight(block: Element): number {
  const style = getComputedStyle(block);
  return block.getBoundingClientRect().right - parseFloat(style.paddingRight || '0') - parseFloat(style.borderRightWidth || '0');
}

export interface HostSpec<T> {
  /** The page element the annotation is about (its handle, id or name). */
  anchor: Element;
  data: T;
  /** Everything the drawing depends on: a host is drawn again only when this changes. */
  key: string;
  /** `data-*` attributes of the host element (for the side panel's reveal and for tests). */
  dataset?: Record<string, string>;
}

export interface Host<T> {
  el: HTMLElement;
  root: ShadowRoot;
  anchor: Element;
  placement: Placement;
  data: T;
  key?: string;
}

/**
 * A feature's annotations on the page: `sync` makes the hosts match the wanted list (at most one per anchor), removes
 * hosts whose anchor is gone or no longer wanted and any stray host a page re-render left behind, and draws only what
 * changed. Everything goes when `signal` aborts (navigation, the extension reloaded).
 */
export class HostLayer<T> {
  private readonly hosts = new Map<Element, Host<T>>();
  /**
   * One stylesheet shared by every host of the layer (a thousand rows parse it once, not a thousand times); `null`
   * where a browser does not let a content script adopt one: each host then gets a `<style>` of its own.
   */
  private sheet: CSSStyleSheet | null | undefined;

  constructor(
    private readonly kind: string,
    private readonly css: string,
    private readonly view: (data: T, host: Host<T>) => ComponentChild,
    signal: AbortSignal,
  ) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    addEventListener(
      'resize',
      () => {
        clearTimeout(timer);
        timer = setTimeout(() => fit([...this.hosts.values()]), 200);
      },
      { passive: true, signal },
    );
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      this.clear();
    });
  }

  sync(specs: Iterable<HostSpec<T>>): void {
    const wanted = new Map<Element, HostSpec<T>>();
    for (const spec of specs) if (!wanted.has(spec.anchor)) wanted.set(spec.anchor, spec);
    for (const [anchor, host] of this.hosts) {
      if (!wanted.has(anchor) || !anchor.isConnected || !host.el.isConnected) this.remove(anchor, host);
    }
    const mine = new Set([...this.hosts.values()].map((h) => h.el));
    for (const stray of document.querySelectorAll(`[${HOST_ATTR}="${this.kind}"]`)) if (!mine.has(stray as HTMLElement)) stray.remove();
    // Every placement is read first, then every host inserted: one style pass however many hosts are new.
    const placements = new Map([...wanted.keys()].filter((a) => !this.hosts.has(a)).map((a) => [a, placementOf(a)] as const));
    const drawn: Host<T>[] = [];
    for (const [anchor, spec] of wanted) {
      let host = this.hosts.get(anchor);
      if (!host) {
        const el = document.createElement('span');
        el.setAttribute(HOST_ATTR, this.kind);
        el.style.cssText = HOST_STYLE;
        const placement = placements.get(anchor) as Placement;
        host = { el, root: el.attachShadow({ mode: 'open' }), anchor, placement, data: spec.data };
        this.adopt(host.root);
        insert(placement, el);
        this.hosts.set(anchor, host);
      }
      host.data = spec.data;
      if (host.key === spec.key) continue;
      host.key = spec.key;
      for (const [k, v] of Object.entries(spec.dataset ?? {})) host.el.dataset[k] = v;
      this.draw(host);
      drawn.push(host);
    }
    fit(drawn);
  }

  private draw(host: Host<T>): void {
    render(
      <>
        {!this.sheet && <style>{`${ROOM_CSS}${this.css}`}</style>}
        <span class="cl-room">{this.view(host.data, host)}</span>
      </>,
      host.root,
    );
  }

  private adopt(root: ShadowRoot): void {
    if (this.sheet === null) return;
    try {
      if (!this.sheet) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(`${ROOM_CSS}${this.css}`);
        this.sheet = sheet;
      }
      root.adoptedStyleSheets = [this.sheet];
    } catch {
      this.sheet = null;
    }
  }

  entries(): IterableIterator<[Element, Host<T>]> {
    return this.hosts.entries();
  }

  private clear(): void {
    for (const [anchor, host] of this.hosts) this.remove(anchor, host);
  }

  private remove(anchor: Element, host: Host<T>): void {
    render(null, host.root);
    host.el.remove();
    this.hosts.delete(anchor);
  }
}
