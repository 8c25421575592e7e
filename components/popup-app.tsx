import type { ReadonlySignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import type { AppDB } from '../lib/db/app-db';
import { SAMPLE_STATUSES } from '../lib/domain/sample-status';
import type { I18n } from '../lib/i18n';
import { shopSummary } from '../lib/queries/figures';
import { resolveShop } from '../lib/queries/shops';
import { liveQuerySignal } from '../lib/state/live-query';
import { openTriagePanel, type TabRef } from '../lib/state/active-tab';

/** Affiliate Center's Sample requests per market (domain.md §2.1); the seller's language puts theirs first. */
export const AFFILIATE_CENTERS = [
  { label: 'popup.openUs', href: 'https://affiliate-us.tiktok.com/product/sample-request' },
  { label: 'popup.openGlobal', href: 'https://affiliate.tiktok.com/product/sample-request' },
  { label: 'popup.openId', href: 'https://affiliate-id.tokopedia.com/product/sample-request' },
] as const;

export function PopupApp({ db, i18n, tab }: { db: AppDB; i18n: I18n; tab: ReadonlySignal<TabRef | undefined> }) {
  const url = tab.value?.url;
  const summary = useMemo(
    () =>
      liveQuerySignal(async () => {
        const shop = await resolveShop(db, url);
        return (shop && (await shopSummary(db, shop.key))) ?? null;
      }),
    [db, url],
  );
  const s = summary.value;
  const { t } = i18n;

  return (
    <main style={{ width: '340px', padding: '12px' }}>
      <h1>{t('popup.title')}</h1>
      {s === undefined ? null : s === null ? (
        <section class="card" data-testid="empty">
          <p>{t('popup.empty')}</p>
          <nav class="regions" aria-label={t('popup.open')}>
            {(i18n.locale === 'id' ? [...AFFILIATE_CENTERS].reverse() : AFFILIATE_CENTERS).map((c, i) => (
              <a key={c.href} class={i === 0 ? 'primary' : undefined} href={c.href} target="_blank" rel="noreferrer">
                {t(c.label)}
              </a>
            ))}
          </nav>
        </section>
      ) : (
        <section data-testid="summary">
          <p class="muted">{t('popup.shop', { shop: s.shopKey.split(':')[1] ?? '', region: s.region })}</p>
          <p class="muted" data-testid="last-captured">
            {t('popup.lastCaptured', { when: i18n.dateTime(s.lastCapturedAt), host: s.host })}
          </p>
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
      )}
    </main>
  );
}
