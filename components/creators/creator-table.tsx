import { useEffect, useRef } from 'preact/hooks';
import type { CreatorRow, PeriodInfo, SortKey } from '../../lib/creators/model';
import type { SortDir } from '../../lib/creators/queries';
import type { I18n } from '../../lib/i18n';
import { useVirtualizer } from '../triage/use-virtualizer';
import { COLUMNS, columnFormula, columnName, columnOf, formatValue, sourceLabel, type Column } from './format';
import { Unknown } from './term';

export interface CreatorTableProps {
  i18n: I18n;
  /** Rows the query matches; undefined while it is counted. */
  total: number;
  /** The row at a position, once its page is read. */
  rowAt(index: number): CreatorRow | undefined;
  sort: SortKey;
  dir: SortDir;
  periods: ReadonlyMap<string, PeriodInfo>;
  /** Changes when the query does: the list goes back to its top. */
  queryKey: string;
  rowHref(handle: string): string;
  onSort(key: SortKey): void;
  /** The positions the list shows (and a few around them), for the store to read. */
  onRange(start: number, end: number): void;
}

/** Every row is this tall, so the list needs no measuring and scrolls through 50,000 rows evenly. */
export const ROW_PX = 44;
const HEAD_PX = 52;

function Cell({ i18n, row, column, periods }: { i18n: I18n; row: CreatorRow; column: Column; periods: ReadonlyMap<string, PeriodInfo> }) {
  const text = formatValue(i18n, column.kind, row[column.field]);
  const source = column.source ? sourceLabel(i18n, row.sources[column.source], periods) : undefined;
  return (
    <div role="cell" class="num" title={source} data-col={column.key}>
      {text ?? <Unknown i18n={i18n} />}
    </div>
  );
}

function CreatorCell({ i18n, row, href }: { i18n: I18n; row: CreatorRow; href: string }) {
  return (
    <div role="cell" class="who">
      <a href={href} data-testid="creator-link">
        @{row.handle}
      </a>
      {row.nickname && row.nickname !== row.handle && <span class="nick muted">{row.nickname}</span>}
      {row.watch === 1 && <span class="chip watch">{i18n.t('creators.watched')}</span>}
      {row.blocked === 1 && <span class="chip blocked">{i18n.t('creators.blockedMark')}</span>}
      {row.tags.map((tag) => (
        <span key={tag} class="chip tag">
          {tag}
        </span>
      ))}
    </div>
  );
}

/**
 * The creators as a table that renders only the rows in view (@tanstack/virtual-core): a header with a sort button per
 * figure (its formula shown on hover and focus), then one fixed-height row per creator. The list scrolls with the
 * keyboard (it takes the focus) and every creator's handle links to their page.
 */
export function CreatorTable(p: CreatorTableProps) {
  const { i18n, total, sort, dir } = p;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_PX,
    scrollMargin: HEAD_PX,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = (items.at(-1)?.index ?? -1) + 1;
  useEffect(() => p.onRange(first, last), [first, last]);
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [p.queryKey]);

  const sortedBy = columnName(i18n, columnOf(sort));
  return (
    <div class="scroller" ref={scroller} tabIndex={0} role="region" aria-label={i18n.t('creators.list', { column: sortedBy, dir: i18n.t(`creators.dir.${dir}`) })} data-testid="creator-list">
      <div role="table" class="creator-table" aria-rowcount={total + 1}>
        <div role="rowgroup" class="head" style={{ height: `${HEAD_PX}px` }}>
          <div role="row" aria-rowindex={1} class="grid">
            <div role="columnheader" class="who">
              {i18n.t('creators.col.creator')}
            </div>
            {COLUMNS.map((c) => (
              <div role="columnheader" key={c.key} class="num term" aria-sort={c.key === sort ? (dir === 'desc' ? 'descending' : 'ascending') : undefined}>
                <button type="button" class="sort" aria-describedby={`col-tip-${c.key}`} onClick={() => p.onSort(c.key)} data-sort={c.key}>
                  {columnName(i18n, c)}
                  <span aria-hidden="true" class="arrow">
                    {c.key === sort ? (dir === 'desc' ? '▼' : '▲') : ''}
                  </span>
                </button>
                <span class="tip" role="tooltip" id={`col-tip-${c.key}`}>
                  {columnFormula(i18n, c)}
                </span>
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" class="body" style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {items.map((v) => {
            const row = p.rowAt(v.index);
            const style = { transform: `translateY(${v.start - HEAD_PX}px)`, height: `${ROW_PX}px` };
            if (!row) {
              return (
                <div role="row" key={v.key} aria-rowindex={v.index + 2} class="grid row loading" style={style}>
                  <div role="cell" class="who muted">
                    {i18n.t('creators.loading')}
                  </div>
                </div>
              );
            }
            return (
              <div role="row" key={v.key} aria-rowindex={v.index + 2} class="grid row" style={style} data-handle={row.handle}>
                <CreatorCell i18n={i18n} row={row} href={p.rowHref(row.handle)} />
                {COLUMNS.map((c) => (
                  <Cell key={c.key} i18n={i18n} row={row} column={c} periods={p.periods} />
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
