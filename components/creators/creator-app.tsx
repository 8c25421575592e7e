import { useEffect, useMemo } from 'preact/hooks';
import { creatorsPath } from '../../lib/creators/pages';
import { DetailStoreContext, useDetailStore } from './context';
import { ChannelsTable, FindingsList, InvitationsTable, PeriodsTable, SamplesTable } from './creator-sections';
import type { DetailStore } from './detail-store';
import { day } from '../popup/format';
import { HistoryCharts } from './history-charts';
import { MarksEditor } from './marks-editor';
import { dismissableTips } from './tips';

/** The marks editor reads only the marks' signals: typing a note draws nothing else again. */
function Marks() {
  const store = useDetailStore();
  return <MarksEditor i18n={store.i18n} draft={store.draft.value} dirty={store.dirty.value} status={store.status.value} actions={store.actions} />;
}

function Findings() {
  const store = useDetailStore();
  const now = useMemo(() => Date.now(), []);
  const findings = store.findings.value;
  return findings ? <FindingsList i18n={store.i18n} findings={findings} now={now} /> : null;
}

function Page() {
  const store = useDetailStore();
  const { i18n, handle, shopKey } = store;
  const { t } = i18n;
  const d = store.detail.value;
  return (
    <main class="creator-page">
      <header class="page-head">
        <p>
          <a href={creatorsPath(shopKey)} data-testid="back">
            {t('creator.back')}
          </a>
        </p>
        <h1>{t('creator.title', { handle })}</h1>
        {d?.nickname && d.nickname !== handle && <p class="nick">{d.nickname}</p>}
        {d?.firstSeenAt !== undefined && d.lastSeenAt !== undefined && <p class="muted">{t('creator.seen', { first: day(i18n, d.firstSeenAt), last: day(i18n, d.lastSeenAt) })}</p>}
      </header>
      {d === undefined ? (
        <p class="muted">{t('creator.loading')}</p>
      ) : (
        <>
          {!d.known && (
            <p class="card" data-testid="not-found">
              {t('creator.notFound', { handle })}
            </p>
          )}
          <div class="creator-top">
            <Marks />
            <Findings />
          </div>
          <PeriodsTable i18n={i18n} rows={d.periods} periods={store.periodMap.value} />
          <HistoryCharts i18n={i18n} history={d.history} />
          <SamplesTable i18n={i18n} samples={d.samples} />
          <ChannelsTable i18n={i18n} channels={d.channels} otherCurrency={d.otherCurrency} imported={d.imported} />
          <InvitationsTable i18n={i18n} invitations={d.invitations} />
        </>
      )}
    </main>
  );
}

/**
 * One creator's page (creator.html?shop=&handle=): the seller's marks, the findings, the creator's figures per period,
 * the history charts, and this shop's samples, orders by channel and invitations. Its store follows the database
 * while it is shown.
 */
export function CreatorApp({ store }: { store: DetailStore }) {
  useEffect(() => store.start(), [store]);
  useEffect(() => dismissableTips(), []);
  return (
    <DetailStoreContext.Provider value={store}>
      <Page />
    </DetailStoreContext.Provider>
  );
}
