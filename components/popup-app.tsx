import { useSignal, type ReadonlySignal } from '@preact/signals';
import { Dexie } from 'dexie';
import { useEffect, useMemo } from 'preact/hooks';
import './popup/popup.css';
import { AGGREGATES_VERSION, type BenchmarkAggregate, type MetaAggregate } from '../lib/aggregates/model';
import type { AppDB } from '../lib/db/app-db';
import type { Shop } from '../lib/domain/types';
import type { I18n } from '../lib/i18n';
import { sendMessage } from '../lib/messaging/protocol';
import { resolveShop } from '../lib/queries/shops';
import type { TabRef } from '../lib/state/active-tab';
import { liveQuerySignal } from '../lib/state/live-query';
import { BenchmarksView } from './popup/benchmarks';
import { readAggregate, readAggregates } from './popup/data';
import { useFirstMeaningfulRender } from './popup/first-render';
import { OutreachView } from './popup/outreach';
import { RequestsView } from './popup/requests';
import { Tabs, type TabSpec } from './popup/tabs';
import { OpenCreatorsLink } from './creators/open-link';

/** Affiliate Center's Sample requests per market (domain.md §2.1); the seller's language puts theirs first. */
export const AFFILIATE_CENTERS = [
  { label: 'popup.openUs', href: 'https://affiliate-us.tiktok.com/product/sample-request' },
  { label: 'popup.openGlobal', href: 'https://affiliate.tiktok.com/product/sample-request' },
  { label: 'popup.openId', href: 'https://affiliate-id.tokopedia.com/product/sample-request' },
] as const;

type View = 'benchmarks' | 'outreach' | 'findings' | 'requests';

function Empty({ i18n }: { i18n: I18n }) {
  const { t } = i18n;
  useFirstMeaningfulRender(true);
  return (
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
  );
}

/** The findings view brings every rule's texts: loaded when its tab is first opened. */
function LazyFindings(props: { db: AppDB; i18n: I18n; shopKey: string; now: number }) {
  const view = useSignal<typeof import('./popup/findings').FindingsView | undefined>(undefined);
  useEffect(() => {
    void import('./popup/findings').then((m) => (view.value = m.FindingsView));
  }, []);
  const FindingsView = view.value;
  return FindingsView ? <FindingsView {...props} /> : <p class="muted">{props.i18n.t('popup.findings.loading')}</p>;
}

/** The shop, its aggregates' version and the default view's rows, read in one live query so the first figure waits for one round. */
interface FirstRead {
  shop: Shop;
  meta: MetaAggregate | null;
  benchmarks: BenchmarkAggregate[];
}

function ShopViews({ db, i18n, first, tab }: { db: AppDB; i18n: I18n; first: FirstRead; tab: ReadonlySignal<TabRef | undefined> }) {
  const { t } = i18n;
  const { shop, meta } = first;
  const view = useSignal<View>('benchmarks');
  const now = useMemo(() => Date.now(), []);
  const built = meta !== null && meta.version === AGGREGATES_VERSION;
  // A shop seen before aggregates existed (or with another version of them) is rebuilt once, by the background.
  useEffect(() => {
    if (!built) void sendMessage('rebuildAggregates', { shopKey: shop.key }).catch(() => undefined);
  }, [shop.key, built]);
  // The findings count on its tab is read after the first paint, so it never delays the default view.
  const painted = useSignal(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setTimeout(() => (painted.value = true), 0));
    return () => cancelAnimationFrame(frame);
  }, []);
  const findingsCount = useMemo(
    () =>
      liveQuerySignal(async () => {
        const ids = (await db.findings.where('[shopKey+subject]').between([shop.key, Dexie.minKey], [shop.key, Dexie.maxKey]).primaryKeys()) as string[];
        const states = await db.findingStates.bulkGet(ids);
        return states.filter((s) => !s || (s.dismissedAt === undefined && !(s.snoozedUntil !== undefined && s.snoozedUntil > now))).length;
      }),
    [db, shop.key, now],
  );
  const activeFindings = painted.value ? findingsCount.value : undefined;

  const tabs: TabSpec<View>[] = [
    { id: 'benchmarks', label: t('popup.tab.benchmarks') },
    { id: 'outreach', label: t('popup.tab.outreach') },
    { id: 'findings', label: activeFindings ? t('popup.tab.findingsCount', { count: i18n.number(activeFindings) }) : t('popup.tab.findings') },
    { id: 'requests', label: t('popup.tab.requests') },
  ];
  return (
    <>
      <p class="muted">{t('popup.shop', { shop: shop.key.split(':')[1] ?? '', region: shop.region })}</p>
      <p class="muted" data-testid="last-captured">
        {t('popup.lastCaptured', { when: i18n.dateTime(shop.lastSeenAt), host: shop.host })}
      </p>
      <OpenCreatorsLink i18n={i18n} shopKey={shop.key} />
      <Tabs label={t('popup.tabs')} tabs={tabs} selected={view.value} onSelect={(v) => (view.value = v)}>
        {!built ? (
          <p role="status" class="muted" data-testid="preparing">
            {t('popup.preparing')}
          </p>
        ) : view.value === 'benchmarks' ? (
          <BenchmarksView rows={first.benchmarks} i18n={i18n} />
        ) : view.value === 'outreach' ? (
          <OutreachView db={db} i18n={i18n} shopKey={shop.key} now={now} />
        ) : view.value === 'findings' ? (
          <LazyFindings db={db} i18n={i18n} shopKey={shop.key} now={now} />
        ) : (
          <RequestsView db={db} i18n={i18n} shopKey={shop.key} tab={tab} />
        )}
      </Tabs>
    </>
  );
}

/**
 * The popup: for the shop of the active tab (or the last one seen), commission benchmarks, outreach analytics, the rule
 * engine's findings and the sample requests, all read from aggregates the background keeps current, so opening it
 * never scans orders. Before anything is captured: where to start.
 */
export function PopupApp({ db, i18n, tab }: { db: AppDB; i18n: I18n; tab: ReadonlySignal<TabRef | undefined> }) {
  const url = tab.value?.url;
  const first = useMemo(
    () =>
      liveQuerySignal(async (): Promise<FirstRead | null> => {
        const shop = await resolveShop(db, url);
        if (!shop) return null;
        const [meta, benchmarks] = await Promise.all([readAggregate(db, shop.key, 'meta'), readAggregates(db, shop.key, 'benchmark')]);
        return { shop, meta, benchmarks };
      }),
    [db, url],
  ).value;
  return (
    <main class="popup">
      <h1>{i18n.t('popup.title')}</h1>
      {first === undefined ? null : first === null ? <Empty i18n={i18n} /> : <ShopViews key={first.shop.key} db={db} i18n={i18n} first={first} tab={tab} />}
    </main>
  );
}
