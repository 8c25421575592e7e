import { memo } from 'preact/compat';
import type { Observed, TikTokView } from '../../lib/domain/types';
import type { I18n } from '../../lib/i18n';
import { pageKindOf } from '../../lib/page-detect';
import type { FindingView } from '../../lib/rules/view';
import { findingsOf, type Mark, type TriageItem } from '../../lib/triage/queue';
import { DAY_MS } from '../sample-badge';
import { Reasons } from './reasons';

export const MARKS: readonly Mark[] = ['approve', 'reject', 'skip'];

/** What a row does, read through a ref the list updates on every render (so a row that did not re-render acts on the list's current state). */
export interface RowHandlers {
  activate(applyId: string): void;
  show(item: TriageItem): void;
  mark(applyId: string, mark: Mark | null): void;
  select(applyId: string, selected: boolean): void;
}

export interface RowProps {
  item: TriageItem;
  /** The row's index among the virtual list's entries, and its place and the count among the requests. */
  index: number;
  position: number;
  size: number;
  /** Offset from the top of the list, px. */
  top: number;
  i18n: I18n;
  now: number;
  mark?: Mark;
  /** The shop's findings by subject (lib/triage/queue.ts `loadFindings`). */
  findings: ReadonlyMap<string, readonly FindingView[]>;
  active: boolean;
  selected: boolean;
  missing: boolean;
  handlers: { readonly current: RowHandlers };
  measure(el: HTMLElement | null): void;
}

/** TikTok's rounded predicted ROI (`0.3`, `1.25`). */
const roiText = (roi: number, i18n: Pick<I18n, 'number'>) => i18n.number(Math.round(roi * 100) / 100);

/**
 * What TikTok itself says of the request, labelled as TikTok's and kept apart from Collab Lens's score (it adds no
 * points), with where and when it was seen.
 */
export function TikTokLine({ tiktok, i18n }: { tiktok: Observed<TikTokView>; i18n: I18n }) {
  const { t } = i18n;
  const v = tiktok.value;
  const parts = [
    v.canBeApproved === false ? t('triage.tiktok.cannot') : v.canBeApproved ? t('triage.tiktok.can') : undefined,
    v.predictedRoi === undefined ? undefined : t('triage.tiktok.roi', { roi: roiText(v.predictedRoi, i18n) }),
  ].filter((x): x is string => Boolean(x));
  if (parts.length === 0) return null;
  return (
    <div class={`tiktok${v.canBeApproved === false ? ' blocked' : ''}`}>
      <span class="label">{t('triage.tiktok.label')}</span> <span class="view">{parts.join(' · ')}</span>{' '}
      <span class="muted">{t('tip.source', { page: t(`page.${pageKindOf(tiktok.source.page)}`), when: i18n.dateTime(tiktok.seenAt) })}</span>
    </div>
  );
}

/**
 * One pending request in the queue: score, creator and product, the badge's figures, the review countdown, the
 * reasons behind the score, TikTok's own view of it, the request's alerts, the seller's mark and where it was seen. A
 * request TikTok says cannot be approved is marked so on the row, and so is one from a creator the seller blocked
 * (with the seller's tags on the creator). Every text is inserted as text. The row is focusable (the list moves focus with j/k); its buttons work with the mouse too.
 */
function RowView(p: RowProps) {
  const { item, i18n, now } = p;
  const { t } = i18n;
  const findings = findingsOf(p.findings, item);
  const h = p.handlers;
  const left = item.deadline ? item.deadline.at - now : undefined;
  const score = Math.round(item.score.total);
  const history = item.history;
  return (
    <li
      ref={p.measure}
      data-index={p.index}
      data-apply-id={item.applyId}
      data-mark={p.mark}
      aria-setsize={p.size}
      aria-posinset={p.position + 1}
      style={{ transform: `translateY(${p.top}px)` }}
      aria-current={p.active ? 'true' : undefined}
      tabIndex={p.active ? 0 : -1}
      data-tiktok={item.tiktok?.value.canBeApproved === false ? 'cannot-approve' : undefined}
      data-creator-blocked={item.blocked ? 'true' : undefined}
      class={`card row${p.active ? ' active' : ''}${p.selected ? ' selected' : ''}${p.mark ? ` marked-${p.mark}` : ''}`}
      onFocus={(e) => {
        if (e.target === e.currentTarget || !p.active) h.current.activate(item.applyId);
      }}
    >
      <div class="row-head">
        <input type="checkbox" class="select" checked={p.selected} aria-label={t('triage.select', { handle: item.handle })} onChange={(e) => h.current.select(item.applyId, e.currentTarget.checked)} />
        <span class="score" aria-label={t('triage.scoreLabel', { score })}>
          {i18n.number(score)}
        </span>
        <button type="button" class="link item" onClick={() => h.current.show(item)} aria-label={`${t('panel.show')}: @${item.handle}`}>
          <span class="handle">@{item.handle}</span>
        </button>
        {item.nickname && <span class="muted nick">{item.nickname}</span>}
        {p.mark && <span class={`mark mark-${p.mark}`}>{t(`triage.marked.${p.mark}`)}</span>}
      </div>
      {item.blocked && (
        <div class="creator-blocked" role="note">
          {t('triage.blocked')}
        </div>
      )}
      {item.tags && <div class="tags muted">{t('marks.tags', { tags: item.tags.join(', ') })}</div>}
      <div class="product">{item.productTitle ?? item.productId}</div>
      <div class="figures muted">
        {item.fulfilmentBps === undefined ? t('badge.fulfilmentUnknown') : t('badge.fulfilment', { rate: i18n.percent(item.fulfilmentBps, 'whole') })}
        {' · '}
        {t('panel.sent', { sent: history.concluded + history.open, content: history.posted, seen: history.seen })}
      </div>
      <div class={left !== undefined && left < DAY_MS ? 'deadline urgent' : 'deadline'}>
        {left === undefined ? t('panel.deadlineUnknown') : left <= 0 ? t('badge.expired') : t('badge.left', { time: i18n.duration(left) })}
      </div>
      {item.tiktok && <TikTokLine tiktok={item.tiktok} i18n={i18n} />}
      <Reasons reasons={item.score.reasons} i18n={i18n} />
      {findings.length > 0 && (
        <ul class="findings" aria-label={t('triage.findings')}>
          {findings.map((f) => (
            <li key={f.id} class={`finding sev-${f.severity}`} data-rule={f.ruleId}>
              <strong>{f.title}</strong> <span>{f.message}</span>
            </li>
          ))}
        </ul>
      )}
      <div class="actions">
        {MARKS.map((m) => (
          <button key={m} type="button" class={`mark-button${p.mark === m ? ' on' : ''}`} aria-pressed={p.mark === m} aria-label={t(`triage.markLabel.${m}`, { handle: item.handle })} onClick={() => h.current.mark(item.applyId, m)}>
            {t(`triage.mark.${m}`)}
          </button>
        ))}
        {p.mark && (
          <button type="button" class="mark-button" aria-label={t('triage.markLabel.clear', { handle: item.handle })} onClick={() => h.current.mark(item.applyId, null)}>
            {t('triage.mark.clear')}
          </button>
        )}
      </div>
      <div class="source muted">{t('tip.source', { page: t(`page.${pageKindOf(item.source.page)}`), when: i18n.dateTime(item.lastSeenAt) })}</div>
      {p.missing && (
        <p class="muted" role="status">
          {t('panel.notOnPage')}
        </p>
      )}
    </li>
  );
}

const SAME: readonly (keyof RowProps)[] = ['item', 'index', 'position', 'size', 'top', 'i18n', 'now', 'mark', 'findings', 'active', 'selected', 'missing', 'handlers', 'measure'];

/** A row renders again only when what it shows changed: scrolling the list re-renders the rows that came into view. */
export const Row = memo(RowView, (a, b) => SAME.every((k) => a[k] === b[k]));
