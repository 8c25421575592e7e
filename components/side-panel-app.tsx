import { useSignal, type ReadonlySignal } from '@preact/signals';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AppDB } from '../lib/db/app-db';
import type { I18n } from '../lib/i18n';
import type { RevealQuery } from '../lib/messaging/protocol';
import { pendingQueue, type PendingItem } from '../lib/queries/figures';
import { resolveShop } from '../lib/queries/shops';
import { liveQuerySignal } from '../lib/state/live-query';
import type { TabRef } from '../lib/state/active-tab';
import { pageKindOf } from '../lib/page-detect';
import { DAY_MS } from './sample-badge';

export interface SidePanelProps {
  db: AppDB;
  i18n: I18n;
  tab: ReadonlySignal<TabRef | undefined>;
  reveal(tabId: number, q: RevealQuery): Promise<boolean>;
}

function useNow(intervalMs: number) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

function Row({ item, i18n, now, onShow, missing }: { item: PendingItem; i18n: I18n; now: number; onShow(): void; missing: boolean }) {
  const { request: r, creator: c } = item;
  const left = r.deadline ? r.deadline.at - now : undefined;
  const { t } = i18n;
  return (
    <li class="card" data-apply-id={r.applyId} style={{ marginBottom: '8px' }}>
      <button type="button" class="link item" onClick={onShow} aria-label={`${t('panel.show')}: @${c.handle}`}>
        <span class="handle">@{c.handle}</span>
        {c.nickname && <span class="muted nick"> {c.nickname}</span>}
      </button>
      <div class="product">{r.productTitle ?? r.productId}</div>
      <div class="figures muted">
        {c.fulfillment ? t('badge.fulfilment', { rate: i18n.percent(c.fulfillment.value, 'whole') }) : t('badge.fulfilmentUnknown')}
        {' · '}
        {t('panel.sent', { sent: c.history.sent, content: c.history.withContent, seen: c.history.seen })}
      </div>
      <div class={left !== undefined && left < DAY_MS ? 'deadline urgent' : 'deadline'}>
        {left === undefined
          ? t('panel.deadlineUnknown')
          : left <= 0
            ? t('badge.expired')
            : t('badge.left', { time: i18n.duration(left) })}
      </div>
      <div class="source muted">
        {t('tip.source', { page: t(`page.${pageKindOf(r.source.page)}`), when: i18n.dateTime(r.lastSeenAt) })}
      </div>
      {missing && (
        <p class="muted" role="status">
          {t('panel.notOnPage')}
        </p>
      )}
    </li>
  );
}

export function SidePanelApp({ db, i18n, tab, reveal }: SidePanelProps) {
  const tabRef = tab.value;
  const url = tabRef?.url;
  const queue = useMemo(
    () =>
      liveQuerySignal(async () => {
        const shop = await resolveShop(db, url);
        return shop ? { shopKey: shop.key, items: await pendingQueue(db, shop.key) } : null;
      }),
    [db, url],
  );
  const missing = useSignal<string | undefined>(undefined);
  const now = useNow(30_000);
  const q = queue.value;
  const { t } = i18n;
  // A request past its review deadline has most likely been cancelled by TikTok since it was last seen: listed apart.
  const overdue = q ? q.items.filter((i) => i.request.deadline && i.request.deadline.at <= now) : [];
  const open = q ? q.items.filter((i) => !overdue.includes(i)) : [];
  const row = (item: PendingItem) => (
    <Row
      key={item.request.applyId}
      item={item}
      i18n={i18n}
      now={now}
      onShow={() => void show(item)}
      missing={missing.value === item.request.applyId}
    />
  );

  const show = async (item: PendingItem) => {
    if (!tabRef) return;
    const found = await reveal(tabRef.id, { applyId: item.request.applyId, handle: item.creator.handle });
    missing.value = found ? undefined : item.request.applyId;
  };

  return (
    <main style={{ padding: '12px' }}>
      <h1>{t('panel.title')}</h1>
      {q === undefined ? null : q === null ? (
        <p class="muted">{t('panel.noShop')}</p>
      ) : q.items.length === 0 ? (
        <p class="muted" data-testid="empty">
          {t('panel.empty')}
        </p>
      ) : (
        <>
          <p class="muted" data-testid="count">
            {t('panel.count', { count: open.length })}
          </p>
          <ol class="queue" data-testid="queue">
            {open.map(row)}
          </ol>
          {overdue.length > 0 && (
            <details data-testid="overdue">
              <summary>{t('panel.overdue', { count: overdue.length })}</summary>
              <ol class="queue">{overdue.map(row)}</ol>
            </details>
          )}
        </>
      )}
    </main>
  );
}
