import { useEffect } from 'preact/hooks';
import { creatorPath } from '../../lib/creators/pages';
import type { PeriodKey } from '../../lib/creators/model';
import { ViewStoreContext, useViewStore } from './context';
import { CreatorTable } from './creator-table';
import { Filters } from './filters';
import { periodLabel } from './format';
import { HeadlineView } from './headline';
import { dismissableTips } from './tips';
import type { ViewStore } from './view-store';

/** Where the seller sets a cost per sample: the options page's sample cost section. */
export const COSTS_URL = '/options.html#sample-cost';

function PeriodPicker() {
  const store = useViewStore();
  const { t } = store.i18n;
  const periods = store.periods.value ?? [];
  return (
    <label class="field period">
      <span>{t('creators.period')}</span>
      <select value={store.period.value} onChange={(e) => store.actions.setPeriod(e.currentTarget.value as PeriodKey)} data-testid="period">
        {periods.map((p) => (
          <option key={p.key} value={p.key}>
            {periodLabel(store.i18n, p)}
          </option>
        ))}
      </select>
    </label>
  );
}

function Exports() {
  const store = useViewStore();
  const { t } = store.i18n;
  const status = store.status.value;
  const busy = status?.kind === 'busy';
  const none = !store.total.value;
  return (
    <div class="exports">
      <button type="button" onClick={() => void store.actions.exportAs('csv')} disabled={busy || none} data-testid="export-csv">
        {t('creators.export.csv')}
      </button>
      <button type="button" onClick={() => void store.actions.exportAs('xlsx')} disabled={busy || none} data-testid="export-xlsx">
        {t('creators.export.xlsx')}
      </button>
      <span role="status" class="muted" data-testid="export-status">
        {status?.kind === 'busy'
          ? t('creators.export.busy')
          : status?.kind === 'done'
            ? t('creators.export.done', { file: status.file, rows: store.i18n.number(status.rows) })
            : status?.kind === 'error'
              ? t('creators.export.failed')
              : ''}
      </span>
    </div>
  );
}

function Listing() {
  const store = useViewStore();
  const { i18n } = store;
  const total = store.total.value;
  const filtered = store.filtered.value;
  return (
    <section class="listing" aria-labelledby="listing-title">
      <div class="listing-head">
        <h2 id="listing-title">
          <span role="status" data-testid="count">
            {total === undefined ? i18n.t('creators.loading') : i18n.t(filtered ? 'creators.countFiltered' : 'creators.count', { count: i18n.number(total) })}
          </span>
        </h2>
        <Exports />
      </div>
      {total === 0 ? (
        <p class="card muted" data-testid="empty">
          {i18n.t(filtered ? 'creators.emptyFiltered' : 'creators.empty')}
        </p>
      ) : total === undefined ? null : (
        <CreatorTable
          i18n={i18n}
          total={total}
          rowAt={store.rowAt}
          sort={store.sort.value}
          dir={store.dir.value}
          periods={store.periodMap.value}
          queryKey={store.queryKey.value}
          rowHref={(handle) => creatorPath(store.shopKey, handle)}
          onSort={store.actions.sortBy}
          onRange={store.actions.showRange}
        />
      )}
    </section>
  );
}

function View() {
  const store = useViewStore();
  const { i18n } = store;
  const { t } = i18n;
  const shop = store.shop.value;
  const periods = store.periods.value;
  const headline = store.headline.value;
  return (
    <main class="creators-page">
      <header class="page-head">
        <h1>{t('creators.title')}</h1>
        <p class="muted">{t('creators.shop', { shop: store.shopKey.split(':')[1] ?? '', region: shop?.region ?? store.shopKey.split(':')[0] ?? '' })}</p>
      </header>
      {shop === null ? (
        <p class="card" data-testid="unknown-shop">
          {t('creators.unknownShop')}
        </p>
      ) : periods === null ? (
        <p class="card" role="status" data-testid="preparing">
          {t('creators.preparing')}
        </p>
      ) : periods === undefined ? null : (
        <>
          <div class="controls">
            <PeriodPicker />
            <p class="muted period-note">{t('creators.periodNote')}</p>
          </div>
          {headline ? (
            <HeadlineView i18n={i18n} headline={headline} periods={store.periodMap.value} costsUrl={COSTS_URL} />
          ) : headline === null ? (
            <p class="muted">{t('creators.headline.none')}</p>
          ) : null}
          <Filters
            i18n={i18n}
            filter={store.filter.value}
            text={store.text.value}
            minimum={store.minimum.value}
            minimumValid={store.minimumValid.value}
            tags={store.tags.value}
            currency={store.currency.value}
            actions={store.actions}
          />
          <Listing />
        </>
      )}
    </main>
  );
}

/** A creators page opened with an address that names no valid shop (or creator): what to do instead. */
export function NotAPage({ title, text }: { title: string; text: string }) {
  return (
    <main class="creators-page">
      <h1>{title}</h1>
      <p class="card" data-testid="invalid">
        {text}
      </p>
    </main>
  );
}

/**
 * The creators view (creators.html?shop=): every creator Collab Lens knows for the shop, with the shop's headline
 * figures for the chosen period, filters and a virtualised list. Its store follows the database while it is shown.
 */
export function CreatorsApp({ store }: { store: ViewStore }) {
  useEffect(() => store.start(), [store]);
  useEffect(() => dismissableTips(), []);
  return (
    <ViewStoreContext.Provider value={store}>
      <View />
    </ViewStoreContext.Provider>
  );
}
