import type { ReadonlySignal } from '@preact/signals';
import { SAMPLE_STATUSES } from '../../lib/domain/sample-status';
import type { AppDB } from '../../lib/db/app-db';
import type { I18n } from '../../lib/i18n';
import { openTriagePanel, type TabRef } from '../../lib/state/active-tab';
import { useAggregate } from './data';

/** Sample requests of the shop by status, creators and products seen, and the way to the side panel. */
export function RequestsView({ db, i18n, shopKey, tab }: { db: AppDB; i18n: I18n; shopKey: string; tab: ReadonlySignal<TabRef | undefined> }) {
  const s = useAggregate(db, shopKey, 'summary').value;
  const { t } = i18n;
  if (!s) return null;
  return (
    <section data-testid="summary">
      <div class="stats">
        <div class="stat card">
          <strong data-testid="requests">{i18n.number(s.requests)}</strong>
          {t('popup.total')}
        </div>
        <div class="stat card">
          <strong data-testid="creators">{i18n.number(s.creators)}</strong>
          {t('popup.creators')}
        </div>
        <div class="stat card">
          <strong data-testid="products">{i18n.number(s.products)}</strong>
          {t('popup.products')}
        </div>
      </div>
      {tab.value && (
        <button
          type="button"
          class="primary"
          style={{ marginTop: '10px' }}
          onClick={() => {
            const ref = tab.value;
            if (ref) void openTriagePanel(ref).then(() => window.close(), () => undefined);
          }}
        >
          {t('popup.openPanel')}
        </button>
      )}
      <h2>{t('popup.requests')}</h2>
      <table>
        <tbody>
          {SAMPLE_STATUSES.filter((st) => s.byStatus[st]).map((st) => (
            <tr key={st} data-status={st}>
              <th scope="row">{t(`status.${st}`)}</th>
              <td class="num">{i18n.number(s.byStatus[st] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">{t('popup.local')}</p>
    </section>
  );
}
