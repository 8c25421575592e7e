import { useState } from 'preact/hooks';
import type { I18n } from '../../lib/i18n';
import { pageKindOf } from '../../lib/page-detect';
import type { Reason } from '../../lib/triage/score';

/** A ratio or count to one decimal under 10, whole from 10 (`0.6`, `2.5`, `140`). */
export const roughNumber = (n: number, i18n: I18n) => i18n.number(n >= 10 ? Math.round(n) : Math.round(n * 10) / 10);

/** Points to one decimal, dropped when whole (`20`, `6.7`). */
export const points = (n: number, i18n: I18n) => i18n.number(Math.round(n * 10) / 10);

/** The whole sentence that explains one factor of a score, in the reader's language. */
export function reasonText(r: Reason, i18n: I18n): string {
  const { t } = i18n;
  switch (r.kind) {
    case 'fulfilment':
      return t('triage.reason.fulfilment', { rate: i18n.percent(r.bps) });
    case 'history':
      return r.concluded === 0
        ? t('triage.reason.historyNone', { open: i18n.number(r.open) })
        : t('triage.reason.history', { posted: i18n.number(r.posted), concluded: i18n.number(r.concluded), open: i18n.number(r.open) });
    case 'gmv':
      return t(r.fromRange ? 'triage.reason.gmvRange' : 'triage.reason.gmv', {
        gmv: i18n.money(r.gmv),
        multiple: roughNumber(r.multiple, i18n),
        price: i18n.money(r.price),
      });
    case 'views':
      return t(r.median ? 'triage.reason.views' : 'triage.reason.viewsAverage', { views: i18n.number(r.views) });
    case 'payback':
      return t(r.noShipping ? 'triage.reason.paybackNoShipping' : 'triage.reason.payback', {
        cost: i18n.money(r.sampleCost),
        profit: i18n.money(r.unitProfit),
        sales: roughNumber(r.sales, i18n),
      });
    case 'payback-never':
      return t('triage.reason.paybackNever', { cost: i18n.money(r.sampleCost), profit: i18n.money(r.unitProfit) });
    case 'deadline':
      return t('triage.reason.deadline', { time: i18n.duration(r.msLeft) });
    case 'deadline-past':
      return t('triage.reason.deadlinePast');
    case 'unknown':
      return t(`triage.reason.unknown.${r.missing}`);
  }
}

/** Where a factor's figure came from: the page and time it was seen, or when the seller entered it. */
export function reasonSeen(r: Reason, i18n: I18n): string | undefined {
  const s = r.seen;
  if (!s) return undefined;
  if (s.sellerEntered) return i18n.t('triage.entered', { when: i18n.dateTime(s.seenAt) });
  if (r.factor === 'history') return i18n.t('triage.counted', { when: i18n.dateTime(s.seenAt) });
  if (!s.source) return undefined;
  return i18n.t('tip.source', { page: i18n.t(`page.${pageKindOf(s.source.page)}`), when: i18n.dateTime(s.seenAt) });
}

/**
 * The score's six factors as short chips (name and points), then, once opened, each one's full sentence and where its
 * figure came from (rendered only when opened: a long list scrolls through many closed rows).
 */
export function Reasons({ reasons, i18n }: { reasons: readonly Reason[]; i18n: I18n }) {
  const { t } = i18n;
  const [open, setOpen] = useState(false);
  return (
    <>
      <ul class="chips">
        {reasons.map((r) => (
          <li key={r.factor} class={`chip${r.kind === 'unknown' ? ' unknown' : ''}`} data-factor={r.factor}>
            <span class="factor">{t(`triage.factor.${r.factor}`)}</span>{' '}
            <span class="pts">{t('triage.points', { points: points(r.points, i18n), weight: i18n.number(r.weight) })}</span>
          </li>
        ))}
      </ul>
      <details class="why" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('triage.reasons')}</summary>
        {open && (
          <>
            <dl>
              {reasons.map((r) => {
                const seen = reasonSeen(r, i18n);
                return (
                  <div key={r.factor} data-factor={r.factor}>
                    <dt>
                      {t(`triage.factor.${r.factor}`)} · {t('triage.points', { points: points(r.points, i18n), weight: i18n.number(r.weight) })}
                    </dt>
                    <dd>
                      {reasonText(r, i18n)}
                      {seen && <span class="muted"> {seen}</span>}
                    </dd>
                  </div>
                );
              })}
            </dl>
            <p class="muted">{t('triage.scoreHow')}</p>
          </>
        )}
      </details>
    </>
  );
}
