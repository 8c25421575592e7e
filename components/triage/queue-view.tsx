import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { I18n } from '../../lib/i18n';
import type { FindingView } from '../../lib/rules/view';
import { FILTER_KINDS, selectByFilter, VALUELESS, type BulkFilter } from '../../lib/triage/filters';
import type { Mark, TriageItem } from '../../lib/triage/queue';
import { MARKS, Row, type RowHandlers } from './row';
import { useVirtualizer } from './use-virtualizer';

export type Order = 'score' | 'deadline';

export interface QueueViewProps {
  i18n: I18n;
  /** Ranked by score (lib/triage/queue.ts `rankQueue`). */
  items: readonly TriageItem[];
  marks: ReadonlyMap<string, Mark>;
  findings: ReadonlyMap<string, readonly FindingView[]>;
  now: number;
  /** Save marks (null clears them); false when nothing was saved. */
  setMarks(applyIds: readonly string[], mark: Mark | null): Promise<boolean>;
  /** Scroll the page to the request's row and highlight it; false when it is not on the page. */
  reveal(item: TriageItem): Promise<boolean>;
}

/** One step of the seller's marking, with each request's mark before it, so it can be undone. */
interface UndoStep {
  before: Map<string, Mark | undefined>;
}

type Entry = { kind: 'item'; item: TriageItem; position: number } | { kind: 'overdue'; count: number };

const ESTIMATED_ROW_PX = 230;
const KEY_MARKS: Readonly<Record<string, Mark | null>> = { a: 'approve', r: 'reject', s: 'skip', c: null };
const DEFAULT_VALUES: Record<BulkFilter['kind'], number> = { 'fulfilment-under': 40, 'no-content': 0, 'deadline-within': 24, 'score-under': 50, 'tiktok-cannot': 0, blocked: 0 };

function filterOf(kind: BulkFilter['kind'], value: number): BulkFilter {
  switch (kind) {
    case 'fulfilment-under':
      return { kind, percent: value };
    case 'deadline-within':
      return { kind, hours: value };
    case 'score-under':
      return { kind, points: value };
    case 'no-content':
    case 'tiktok-cannot':
    case 'blocked':
      return { kind };
  }
}

const isTyping = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName));

/**
 * The ranked queue, keyboard-first: j/k (or the arrow keys) move, a/r/s mark approve/reject/skip and c clears the
 * mark of the current request (or of the selected ones), x selects, u or Ctrl+Z undoes, Enter shows the request on the
 * page. A filter selects many requests to mark together. The list is virtualised: only the rows in view are rendered.
 */
export function QueueView({ i18n, items, marks, findings, now, setMarks, reveal }: QueueViewProps) {
  const { t } = i18n;
  const [order, setOrder] = useState<Order>('score');
  const [activeId, setActiveId] = useState<string | undefined>(undefined);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [missing, setMissing] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<{ text: string; undo: boolean } | undefined>(undefined);
  const [filterKind, setFilterKind] = useState<BulkFilter['kind']>('fulfilment-under');
  const [filterValue, setFilterValue] = useState(DEFAULT_VALUES['fulfilment-under']);
  const [unmarkedOnly, setUnmarkedOnly] = useState(true);
  const undo = useRef<UndoStep[]>([]);
  const scroller = useRef<HTMLDivElement>(null);
  const focusPending = useRef(false);

  const ordered = useMemo(() => {
    const open = items.filter((i) => !i.overdue);
    const overdue = items.filter((i) => i.overdue);
    if (order === 'deadline') open.sort((a, b) => (a.deadline?.at ?? Infinity) - (b.deadline?.at ?? Infinity) || b.score.total - a.score.total);
    return { open, overdue, all: [...open, ...overdue] };
  }, [items, order]);
  const entries = useMemo<Entry[]>(() => {
    const list: Entry[] = ordered.open.map((item, position) => ({ kind: 'item', item, position }));
    if (ordered.overdue.length) list.push({ kind: 'overdue', count: ordered.overdue.length });
    ordered.overdue.forEach((item, i) => list.push({ kind: 'item', item, position: ordered.open.length + i }));
    return list;
  }, [ordered]);
  const entryIndex = useMemo(() => new Map(entries.flatMap((e, i) => (e.kind === 'item' ? [[e.item.applyId, i] as const] : []))), [entries]);

  const virtualizer = useVirtualizer<HTMLDivElement, HTMLElement>({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    getItemKey: (i) => {
      const e = entries[i];
      return e?.kind === 'item' ? e.item.applyId : 'overdue';
    },
    overscan: 4,
    gap: 8,
  });

  const active = activeId !== undefined && entryIndex.has(activeId) ? activeId : ordered.all[0]?.applyId;
  const activePosition = active === undefined ? -1 : ordered.all.findIndex((i) => i.applyId === active);

  // After a keyboard move the row is scrolled into view, then focused once it is rendered.
  useLayoutEffect(() => {
    if (!focusPending.current || active === undefined) return;
    const el = scroller.current?.querySelector<HTMLElement>(`li[data-apply-id="${active}"]`);
    if (el) {
      focusPending.current = false;
      el.focus({ preventScroll: true });
    }
  });

  const moveTo = (position: number) => {
    const target = ordered.all[Math.max(0, Math.min(ordered.all.length - 1, position))];
    if (!target) return;
    setActiveId(target.applyId);
    focusPending.current = true;
    virtualizer.scrollToIndex(entryIndex.get(target.applyId) ?? 0, { align: 'auto' });
  };

  const apply = async (ids: readonly string[], mark: Mark | null, record = true): Promise<boolean> => {
    if (!ids.length) return false;
    const before = new Map(ids.map((id) => [id, marks.get(id)] as const));
    const ok = await setMarks(ids, mark);
    if (!ok) {
      setStatus({ text: t('triage.failed'), undo: false });
      return false;
    }
    if (record) undo.current.push({ before });
    setStatus({ text: t(mark ? `triage.done.${mark}` : 'triage.done.clear', { count: i18n.number(ids.length) }), undo: true });
    return true;
  };

  const markCurrent = async (mark: Mark | null) => {
    if (selected.size) {
      const ids = ordered.all.filter((i) => selected.has(i.applyId)).map((i) => i.applyId);
      if (await apply(ids, mark)) setSelected(new Set());
      return;
    }
    if (active === undefined) return;
    if (await apply([active], mark)) moveTo(activePosition + 1);
  };

  const undoLast = async () => {
    const step = undo.current.pop();
    if (!step) {
      setStatus({ text: t('triage.nothingToUndo'), undo: false });
      return;
    }
    const groups = new Map<Mark | null, string[]>();
    for (const [id, mark] of step.before) groups.set(mark ?? null, [...(groups.get(mark ?? null) ?? []), id]);
    for (const [mark, ids] of groups) {
      if (!(await setMarks(ids, mark))) {
        undo.current.push(step);
        setStatus({ text: t('triage.failed'), undo: false });
        return;
      }
    }
    setStatus({ text: t('triage.undone', { count: i18n.number(step.before.size) }), undo: undo.current.length > 0 });
    const first = [...step.before.keys()][0];
    if (first !== undefined && step.before.size === 1) {
      setActiveId(first);
      focusPending.current = true;
      virtualizer.scrollToIndex(entryIndex.get(first) ?? 0, { align: 'auto' });
    }
  };

  const show = async (item: TriageItem) => {
    const found = await reveal(item);
    setMissing(found ? undefined : item.applyId);
  };

  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (isTyping(e.target)) return;
    const key = e.key;
    // Nothing focused yet (the panel just opened): the first move focuses the current request.
    if (e.target === document.body && (key === 'j' || key === 'k' || key === 'ArrowDown' || key === 'ArrowUp')) {
      moveTo(activePosition);
      e.preventDefault();
      return;
    }
    if ((e.ctrlKey || e.metaKey) && !e.altKey && key.toLowerCase() === 'z') {
      e.preventDefault();
      void undoLast();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const onControl = e.target instanceof HTMLElement && e.target.closest('button, summary, a') !== null;
    if (key === 'j' || key === 'ArrowDown') moveTo(activePosition + 1);
    else if (key === 'k' || key === 'ArrowUp') moveTo(activePosition - 1);
    else if (key === 'Home') moveTo(0);
    else if (key === 'End') moveTo(ordered.all.length - 1);
    else if (key in KEY_MARKS) void markCurrent(KEY_MARKS[key] ?? null);
    else if (key === 'x' && active !== undefined) toggle(active, !selected.has(active));
    else if (key === 'u') void undoLast();
    else if (key === 'Escape' && selected.size) setSelected(new Set());
    else if (key === 'Enter' && !onControl) {
      const item = ordered.all[activePosition];
      if (item) void show(item);
    } else return;
    e.preventDefault();
  };

  // The keys work from the moment the panel opens, before anything in it has the focus (while the queue is shown).
  const keys = useRef(onKeyDown);
  keys.current = onKeyDown;
  useEffect(() => {
    const onDocumentKey = (e: KeyboardEvent) => {
      if (e.target === document.body && scroller.current?.getClientRects().length) keys.current(e);
    };
    document.addEventListener('keydown', onDocumentKey);
    return () => document.removeEventListener('keydown', onDocumentKey);
  }, []);

  const filter = filterOf(filterKind, filterValue);
  const matching = useMemo(() => selectByFilter(ordered.all, filter, now, marks, unmarkedOnly), [ordered, filterKind, filterValue, now, marks, unmarkedOnly]);

  const handlers = useRef<RowHandlers>({ activate: setActiveId, show: () => undefined, mark: () => undefined, select: () => undefined });
  handlers.current = {
    activate: setActiveId,
    show: (item) => void show(item),
    mark: (applyId, mark) => {
      setActiveId(applyId);
      void apply([applyId], mark);
    },
    select: toggle,
  };

  return (
    <div class="queue-view" onKeyDown={onKeyDown}>
      <div class="queue-tools">
        <p class="muted" data-testid="count">
          {t(order === 'score' ? 'triage.count' : 'panel.count', { count: i18n.number(ordered.open.length) })}
        </p>
        <label class="inline">
          {t('triage.order')}{' '}
          <select value={order} onChange={(e) => setOrder(e.currentTarget.value as Order)} data-testid="order">
            <option value="score">{t('triage.order.score')}</option>
            <option value="deadline">{t('triage.order.deadline')}</option>
          </select>
        </label>
        <p class="muted keys">{t('triage.keys')}</p>
        <details class="bulk" data-testid="bulk">
          <summary>{t('triage.bulk')}</summary>
          <div class="bulk-form">
            <label>
              {t('triage.bulk.filter')}{' '}
              <select
                value={filterKind}
                data-testid="filter-kind"
                onChange={(e) => {
                  const kind = e.currentTarget.value as BulkFilter['kind'];
                  setFilterKind(kind);
                  setFilterValue(DEFAULT_VALUES[kind]);
                }}
              >
                {FILTER_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`triage.filter.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            {!VALUELESS.has(filterKind) && (
              <label>
                {t('triage.bulk.value')}{' '}
                <input
                  type="number"
                  min={0}
                  max={filterKind === 'deadline-within' ? 720 : 100}
                  value={filterValue}
                  data-testid="filter-value"
                  onInput={(e) => {
                    const v = e.currentTarget.valueAsNumber;
                    if (Number.isFinite(v)) setFilterValue(v);
                  }}
                />
              </label>
            )}
            <label>
              <input type="checkbox" checked={unmarkedOnly} onChange={(e) => setUnmarkedOnly(e.currentTarget.checked)} /> {t('triage.bulk.unmarked')}
            </label>
            <button type="button" disabled={matching.length === 0} onClick={() => setSelected(new Set(matching))} data-testid="select-matching">
              {t('triage.bulk.select', { count: i18n.number(matching.length) })}
            </button>
          </div>
        </details>
        <div class="selection" data-testid="selection">
          {selected.size > 0 && (
            <>
              <p>{t('triage.bulk.selected', { count: i18n.number(selected.size) })}</p>
              <div class="actions">
                {MARKS.map((m) => (
                  <button key={m} type="button" class="mark-button" onClick={() => void markCurrent(m)}>
                    {t(`triage.bulk.mark.${m}`)}
                  </button>
                ))}
                <button type="button" class="mark-button" onClick={() => void markCurrent(null)}>
                  {t('triage.bulk.mark.clear')}
                </button>
                <button type="button" class="link" onClick={() => setSelected(new Set())}>
                  {t('triage.bulk.clearSelection')}
                </button>
              </div>
            </>
          )}
        </div>
        <div class="status" role="status" data-testid="status">
          {status && (
            <>
              {status.text}{' '}
              {status.undo && (
                <button type="button" class="link" onClick={() => void undoLast()}>
                  {t('triage.undo')}
                </button>
              )}
            </>
          )}
        </div>
      </div>
      <div class="scroller" ref={scroller} data-testid="scroller">
        <ol class="queue" aria-label={t('triage.list')} data-testid="queue" style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {virtualizer.getVirtualItems().map((v) => {
            const e = entries[v.index];
            if (!e) return null;
            if (e.kind === 'overdue') {
              return (
                <li key={v.key} ref={virtualizer.measureElement} data-index={v.index} class="overdue-header" style={{ transform: `translateY(${v.start}px)` }} data-testid="overdue">
                  {t('panel.overdue', { count: i18n.number(e.count) })}
                </li>
              );
            }
            const { item } = e;
            return (
              <Row
                key={v.key}
                item={item}
                index={v.index}
                position={e.position}
                size={ordered.all.length}
                top={v.start}
                i18n={i18n}
                now={now}
                mark={marks.get(item.applyId)}
                findings={findings}
                active={item.applyId === active}
                selected={selected.has(item.applyId)}
                missing={missing === item.applyId}
                handlers={handlers}
                measure={virtualizer.measureElement}
              />
            );
          })}
        </ol>
      </div>
    </div>
  );
}
