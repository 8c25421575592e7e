import { render, type ComponentChild } from 'preact';
import { HOST_ATTR } from './dom';

/**
 * The one way annotations enter the page: a host element per annotated item, placed right after the item's content
 * anchor (never inside the page's own elements, except a table cell or list item that is the anchor itself), holding a
 * shadow root the page's CSS cannot reach. Hosts are out of the page's flow (absolutely positioned), so the page's own
 * elements keep their boxes: nothing wraps, grows or moves when an annotation appears or goes. A host sits at the end of
 * its anchor's text: where it is after an inline anchor it is there already; after a block-level one it is moved up
 * there with `translate`. To cover as little of the page as it can, an annotation is as wide as the room left on that
 * line (`--cl-room`), and never wider: the room ends at the anchor's block, at the next item of a flex or grid row, and
 * at the table or grid cell (or clipping box) the anchor sits in, so an annotation neither runs into the next column
 * nor is cut by its cell. Its chip shows what fits and its popover everything. Both are measured when the host is
 * placed or drawn again and when the window is resized, and so are the chip's figures (elements marked `data-part`):
 * those that do not fit whole are hidden, and when not even the first does the host is marked `data-compact` for the
 * view's CSS to show short forms. Where not even that fits (or, for a view without figures, the view itself does not),
 * the host is folded (`data-folded`): a dot that opens the whole view under it on hover or focus.
 */

/** Containers a sibling cannot be put beside without breaking the page's structure (a cell in a row, an item in a list). */
const CONTAINER = /^(TD|TH|LI|DT|DD)$/;
const INTERACTIVE = 'a,button,label,summary,[role="button"],[role="link"],[role="tab"]';

/**
 * The host's own box: out of flow, so it never moves the page; `!important` inline, so no page rule reaches it. As
 * wide as its content (`max-content`): only the room measured for it narrows it, never the width its containing block
 * happens to leave an absolutely positioned box.
 */
const HOST_STYLE =
  'all:initial!important;position:absolute!important;display:inline-block!important;margin:0 0 0 6px!important;' +
  'padding:0!important;border:0!important;white-space:nowrap!important;width:max-content!important;';

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

/** Below this room a chip's short form does not fit either: the host folds. */
const FOLD_BELOW = 40;

/**
 * The room wrapper: never wider than the room measured for it, its chips side by side, shrinking before wrapping. A
 * folded host shows its dot only; the view, laid out but clipped away, opens under it, over the page, while the pointer
 * is on the host or focus is in the view (its own controls stay in the tab order, so the keyboard reaches them as before).
 */
const ROOM_CSS = `
.cl-room { display: inline-flex; align-items: center; gap: 4px; max-width: var(--cl-room, 480px); vertical-align: middle; }
.cl-room > * { min-width: 0; flex: 0 1 auto; }
.cl-fold { display: none; }
:host([data-folded]) .cl-fold {
  display: inline-block; box-sizing: border-box; width: 12px; height: 12px; margin: 3px 0; vertical-align: middle; cursor: pointer;
  border-radius: 50%; background: #3b82f6; border: 2px solid #dbeafe;
}
:host([data-folded]) .cl-room {
  position: absolute; left: 0; top: 100%; z-index: 2147483000; width: max-content; padding: 3px; background: #fff; border-radius: 10px;
  box-shadow: 0 4px 14px rgb(0 0 0 / 0.18); clip-path: inset(50%); opacity: 0; pointer-events: none;
}
:host([data-folded]:hover) .cl-room, :host([data-folded]:focus-within) .cl-room { clip-path: none; opacity: 1; pointer-events: auto; }
`;

/** The widest an annotation may be when its anchor's line leaves more room than that, unless the view is wider. */
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
  /** The view's width with all the room it could have. */
  natural?: number;
}

const COMPACT_ATTR = 'data-compact';
const FOLD_ATTR = 'data-folded';

/**
 * Where each host should be, how wide it may be (left to right, as Affiliate Center is written) and which figures its
 * chip shows, for every host at once: every measure first, then every write, so the page lays out once however many
 * hosts there are. The chip shows the figures that fit whole, in order; when not even the first does, the host is
 * marked compact and its chip shows the first figure's short form (its view's CSS has both); where even that does not
 * fit, the host is folded (`layoutIn`). Marks of an earlier fit are taken off first (all at once), so the full view
 * can be measured.
 */
function fit<T>(hosts: readonly Host<T>[]): void {
  for (const h of hosts) {
    if (h.el.hasAttribute(COMPACT_ATTR)) h.el.removeAttribute(COMPACT_ATTR);
    if (h.el.hasAttribute(FOLD_ATTR)) h.el.removeAttribute(FOLD_ATTR);
    // Measured with no room limit, so the view's natural width shows.
    h.el.style.setProperty('--cl-room', 'max-content');
    for (const part of h.root.querySelectorAll<HTMLElement>('[data-part][hidden]')) part.hidden = false;
  }
  const fits = hosts.map((h): Fit => (h.el.isConnected ? fitOf(h) : { room: MAX_ROOM }));
  hosts.forEach((h, i) => {
    const f = fits[i] as Fit;
    const widest = Math.max(MAX_ROOM, Math.ceil(f.natural ?? 0));
    const room = Math.max(0, Math.min(widest, f.room));
    h.el.style.setProperty('--cl-room', `${room}px`);
    if (f.shift) h.el.style.setProperty('translate', `${f.shift.x}px ${f.shift.y}px`, 'important');
    else if (!['', 'initial'].includes(h.el.style.getPropertyValue('translate'))) h.el.style.removeProperty('translate');
    const layout = layoutIn(f, room);
    if (layout.folded) fold(h, widest);
    if (!f.figures) return;
    if (layout.shown === 0) h.el.setAttribute(COMPACT_ATTR, '');
    f.figures.parts.forEach((part, k) => {
      if (k >= Math.max(layout.shown, 1)) part.hidden = true;
    });
  });
}

/** A chip's short form, about as wide as `12/14` or `New` with the chip's padding. */
const SHORT_PART = 30;

/**
 * How a view fits `room`: how many of its figures show, and whether it folds. Its parts that are not figures keep their
 * width: the view folds when they, with the figures shown (or the first one's short form), do not fit, or when the room
 * is under `FOLD_BELOW`. A folded view opens with the widest room.
 */
export function layoutIn(f: Pick<Fit, 'figures' | 'natural'>, room: number): { folded: boolean; shown: number } {
  const natural = f.natural ?? 0;
  if (!f.figures) return { folded: natural > room, shown: 0 };
  const { widths, gap } = f.figures;
  const shown = figuresThatFit(f.figures, room);
  const all = widths.reduce((sum, w, k) => sum + w + (k ? gap : 0), 0);
  const kept = shown > 0 ? widths.slice(0, shown).reduce((sum, w, k) => sum + w + (k ? gap : 0), 0) : SHORT_PART;
  const folded = room < FOLD_BELOW || natural - all + kept > room + 0.5;
  return { folded, shown: folded ? figuresThatFit(f.figures, MAX_ROOM) : shown };
}

/** Fold a host to its dot; its view opens with `room`. */
function fold<T>(h: Host<T>, room: number): void {
  h.el.setAttribute(FOLD_ATTR, '');
  h.el.style.setProperty('--cl-room', `${room}px`);
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
  const current = h.el.style.getPropertyValue('translate').split(' ').map((v) => parseFloat(v) || 0);
  // Where the host is without a shift of ours.
  const left = at.left - (current[0] ?? 0);
  const top = at.top - (current[1] ?? 0);
  const figures = figuresOf(h.root);
  const natural = h.root.querySelector('.cl-room')?.getBoundingClientRect().width;
  const beside = besideAnchor(h, left, top, at.height);
  if (!layoutIn({ figures, natural }, beside.room).folded || beside.room >= DOT) return { ...beside, figures, natural };
  // Not even the dot fits on the anchor's line (a handle wider than its cell): under the anchor, where that is free.
  return { ...beside, shift: belowAnchor(h, left, top) ?? beside.shift, figures, natural };
}

/**
 * The room at the end of the anchor's line, and the shift that takes the host there: for a block-level target, up
 * from the line below to the end of its last line; for any target, to the middle of that line's height, so a host a
 * little taller than the page's line reaches into its leading, not into the text above or below.
 */
function besideAnchor<T>(h: Host<T>, left: number, top: number, height: number): Pick<Fit, 'room' | 'shift'> {
  const line = lastLine(h.placement.target);
  const y = line ? Math.round(line.top + (line.height - height) / 2 - top) : 0;
  if (!h.placement.block) {
    const block = blockOf(h.el.parentElement);
    return { room: block ? Math.floor(Math.min(roomRight(block), boundRight(block)) - left) : MAX_ROOM, shift: y ? { x: 0, y } : undefined };
  }
  if (!line) return { room: MAX_ROOM };
  const right = Math.min(roomRight(h.placement.target), boundRight(h.placement.target));
  return { room: Math.floor(right - line.right - GAP), shift: { x: Math.round(line.right + GAP - left), y } };
}

/** The width of a folded host's dot. */
const DOT = 12;

/**
 * Where a folded host's dot goes when its anchor's line has no room: just under the anchor's last line, at its start,
 * if that spot is inside the anchor's cell and no other element of the cell is there. Nowhere outside a cell.
 */
function belowAnchor<T>(h: Host<T>, left: number, top: number): { x: number; y: number } | undefined {
  const cell = h.anchor.closest(CELL);
  const line = lastLine(h.anchor);
  if (!cell || !line) return undefined;
  const spot = new DOMRect(line.left, line.bottom, DOT, DOT);
  const box = cell.getBoundingClientRect();
  if (spot.bottom > box.bottom || spot.right > box.right) return undefined;
  for (const el of cell.querySelectorAll('*')) {
    if (el.contains(h.anchor) || el.closest(`[${HOST_ATTR}]`)) continue;
    const r = el.getBoundingClientRect();
    if (r.left < spot.right && r.right > spot.left && r.top < spot.bottom && r.bottom > spot.top) return undefined;
  }
  return { x: Math.round(spot.left - left), y: Math.round(spot.top - top) };
}

function lastLine(el: Element): DOMRect | undefined {
  const range = document.createRange();
  range.selectNodeContents(el);
  return [...range.getClientRects()].filter((r) => r.width > 0).at(-1);
}

/** Cells of a table or an ARIA grid: an annotation inside one stays inside it. */
const CELL = 'td,th,[role="gridcell"],[role="cell"],[role="columnheader"],[role="rowheader"]';
/** How far up a clipping box is looked for: a row's own boxes, not the page's scrolling containers. */
const CLIP_DEPTH = 4;

/**
 * The right edge nothing of the host may pass: the content edge of the cell `el` sits in, and of the nearest boxes
 * above it that clip what overflows them.
 */
function boundRight(el: Element): number {
  let right = Infinity;
  const cell = el.closest(CELL);
  if (cell) right = contentRight(cell);
  let up: Element | null = el;
  for (let depth = 0; up && up !== cell && depth < CLIP_DEPTH; depth++, up = up.parentElement) {
    if (getComputedStyle(up).overflowX !== 'visible') right = Math.min(right, contentRight(up));
  }
  return right;
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
    // A host whose anchor went is kept aside by its drawing: a page that re-renders puts the same content on new
    // elements, laid out as before, and the host moves there as it is drawn and fitted instead of being drawn and
    // measured again (which would lay the page out once more on every re-render). A resize fits every host again.
    const spare = new Map<string | undefined, Host<T>[]>();
    for (const [anchor, host] of this.hosts) {
      if (wanted.has(anchor) && anchor.isConnected && host.el.isConnected) continue;
      this.hosts.delete(anchor);
      spare.set(host.key, [...(spare.get(host.key) ?? []), host]);
    }
    const mine = new Set([...this.hosts.values()].map((h) => h.el));
    for (const list of spare.values()) for (const h of list) mine.add(h.el);
    for (const stray of document.querySelectorAll(`[${HOST_ATTR}="${this.kind}"]`)) if (!mine.has(stray as HTMLElement)) stray.remove();
    // Every placement is read first, then every host inserted: one style pass however many hosts are new.
    const placements = new Map([...wanted.keys()].filter((a) => !this.hosts.has(a)).map((a) => [a, placementOf(a)] as const));
    const drawn: Host<T>[] = [];
    for (const [anchor, spec] of wanted) {
      let host = this.hosts.get(anchor);
      const moved = host ? undefined : spare.get(spec.key)?.pop();
      if (moved) {
        const placement = placements.get(anchor) as Placement;
        Object.assign(moved, { anchor, placement, data: spec.data });
        for (const [k, v] of Object.entries(spec.dataset ?? {})) moved.el.dataset[k] = v;
        insert(placement, moved.el);
        this.hosts.set(anchor, moved);
        continue;
      }
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
    for (const list of spare.values()) {
      for (const h of list) {
        render(null, h.root);
        h.el.remove();
      }
    }
    fit(drawn);
  }

  private draw(host: Host<T>): void {
    render(
      <>
        {!this.sheet && <style>{`${ROOM_CSS}${this.css}`}</style>}
        <span class="cl-fold" aria-hidden="true" />
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
