import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AppDB } from '../lib/db/app-db';
import { currencyOfRegion } from '../lib/domain/currency';
import type { I18n } from '../lib/i18n';
import type { RevealQuery } from '../lib/messaging/protocol';
import { resolveShop } from '../lib/queries/shops';
import { liveQuerySignal } from '../lib/state/live-query';
import type { TabRef } from '../lib/state/active-tab';
import { dryRun, loadDryRun } from '../lib/triage/dry-run';
import { loadFindings, loadMarks, rankQueue, type Mark } from '../lib/triage/queue';
import { queueSignal } from '../lib/triage/watch';
import { DryRunView } from './triage/dry-run-view';
import { QueueView } from './triage/queue-view';
import { OpenCreatorsLink } from './creators/open-link';

export interface SidePanelProps {
  db: AppDB;
  i18n: I18n;
  tab: ReadonlySignal<TabRef | undefined>;
  reveal(tabId: number, q: RevealQuery): Promise<boolean>;
  /** Save the seller's marks through the background (the only writer); false when nothing was saved. */
  setMarks(shopKey: string, applyIds: readonly string[], mark: Mark | null): Promise<boolean>;
}

const MINUTE_MS = 60_000;

/** The clock, moved on every `intervalMs`: scores and countdowns follow it without reading the database again. */
function useNow(intervalMs: number) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

type Tab = 'queue' | 'dry-run';
const TABS: readonly Tab[] = ['queue', 'dry-run'];

/**
 * Sample triage for the shop of the tab beside it: the pending requests ranked by score (lib/triage/score.ts), marked
 * from the keyboard, and a dry run of an auto-approval rule over the stored history. Reads Dexie through live queries
 * (the marks and the findings each on their own, so a mark does not reload the queue; the queue, the largest read,
 * through lib/triage/watch.ts); writes through messages. Approving and rejecting stay the seller's clicks on the page.
 */
export function SidePanelApp({ db, i18n, tab, reveal, setMarks }: SidePanelProps) {
  const tabRef = tab.value;
  const url = tabRef?.url;
  const now = useNow(MINUTE_MS / 2);
  const shop = useMemo(() => liveQuerySignal(async () => (await resolveShop(db, url)) ?? null), [db, url]);
  const shopKey = shop.value?.key;
  const queue = useMemo(() => queueSignal(db, shopKey), [db, shopKey]);
  const marks = useMemo(() => liveQuerySignal(async () => (shopKey ? loadMarks(db, shopKey) : new Map<string, Mark>())), [db, shopKey]);
  const minute = Math.floor(now / MINUTE_MS);
  const findings = useMemo(() => liveQuerySignal(async () => (shopKey ? loadFindings(db, shopKey, i18n, minute * MINUTE_MS) : new Map())), [db, shopKey, i18n, minute]);
  const data = queue.value;
  const items = useMemo(() => (data ? rankQueue(data, minute * MINUTE_MS) : []), [data, minute]);
  const [view, setView] = useState<Tab>('queue');
  const { t } = i18n;

  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const next = TABS[(TABS.indexOf(view) + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length] as Tab;
    setView(next);
    document.getElementById(`tab-${next}`)?.focus();
    e.preventDefault();
  };

  const currentShop = shop.value;
  return (
    <main class="side-panel">
      <h1>{t('panel.title')}</h1>
      {shop.value === undefined ? null : currentShop === null ? (
        <p class="muted">{t('panel.noShop')}</p>
      ) : (
        <>
          {currentShop && <OpenCreatorsLink i18n={i18n} shopKey={currentShop.key} />}
          <div role="tablist" aria-label={t('triage.tabs')} class="tabs" onKeyDown={onTabKey}>
            {TABS.map((v) => (
              <button
                key={v}
                id={`tab-${v}`}
                type="button"
                role="tab"
                aria-selected={view === v}
                aria-controls={`panel-${v}`}
                tabIndex={view === v ? 0 : -1}
                onClick={() => setView(v)}
              >
                {t(v === 'queue' ? 'triage.tab.queue' : 'triage.tab.dryRun')}
              </button>
            ))}
          </div>
          <div id="panel-queue" role="tabpanel" aria-labelledby="tab-queue" hidden={view !== 'queue'} class="tab-panel">
            {data === undefined ? null : !data || data.pending.length === 0 ? (
              <p class="muted" data-testid="empty">
                {t('panel.empty')}
              </p>
            ) : (
              <QueueView
                i18n={i18n}
                items={items}
                marks={marks.value ?? new Map()}
                findings={findings.value ?? new Map()}
                now={now}
                setMarks={(ids, mark) => setMarks(data.shopKey, ids, mark)}
                reveal={(item) => (tabRef ? reveal(tabRef.id, { applyId: item.applyId, handle: item.handle }) : Promise.resolve(false))}
              />
            )}
          </div>
          <div id="panel-dry-run" role="tabpanel" aria-labelledby="tab-dry-run" hidden={view !== 'dry-run'} class="tab-panel">
            {currentShop && (
              <DryRunView
                i18n={i18n}
                currency={currencyOfRegion(currentShop.region)}
                now={now}
                run={async (rule, period) => dryRun(await loadDryRun(db, currentShop.key), rule, { ...period, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone })}
              />
            )}
          </div>
        </>
      )}
    </main>
  );
}
