import { browser, type ContentScriptContext } from '#imports';
import { listenForCaptures } from '../capture/bridge';
import { Outbox } from '../capture/outbox';
import { localPendingStore } from '../capture/pending';
import { creatorPath } from '../creators/pages';
import { registerFeatures } from '../features';
import { detectLocale, type Locale } from '../i18n/core';
import { createPageI18n } from '../i18n/page';
import { readLocale } from '../i18n/preference';
import { onMessage, revealQuery, sendMessage } from '../messaging/protocol';
import { FindingsFeed } from '../overlay/findings';
import { createManager } from '../overlay/manager';
import { PageState } from '../overlay/page-state';

/** The isolated content script: capture bridge from document start, page features once the DOM exists. */
export function startContent(ctx: ContentScriptContext): void {
  const state = new PageState();
  const outbox = new Outbox({
    send: (batch) => sendMessage('ingestCaptures', batch),
    onAck: (summary) => state.record(summary),
    signal: ctx.signal,
    store: localPendingStore,
  });
  // Each capture is kept in storage as it arrives, so leaving or closing the page cannot take it along (outbox.ts).
  listenForCaptures(window, (c) => outbox.push(c), ctx.signal);

  const removeReveal = onMessage('revealRequest', ({ data }) => {
    const q = revealQuery.safeParse(data);
    return { found: q.success && state.reveal(q.data) };
  });
  ctx.onInvalidated(removeReveal);
  // The background tells every Affiliate Center tab when a shop's findings change (evaluation, dismiss, snooze).
  const removeFindings = onMessage('findingsChanged', ({ data }) => {
    if (typeof data?.shopKey === 'string') state.changed(data.shopKey);
  });
  ctx.onInvalidated(removeFindings);

  // Page features start once the seller's language is read; capture above never waits for it.
  const startFeatures = (locale: Locale) => {
    const i18n = createPageI18n(locale);
    const findings = new FindingsFeed(state, {
      fetch: (shopKey) => sendMessage('getFindings', { shopKey, locale: i18n.locale }),
      setState: (id, action, until) => sendMessage('setFindingState', { id, action, ...(until === undefined ? {} : { until }) }),
    });
    const manager = createManager({ log: (id, error) => console.debug(`[collab-lens] ${id}`, error), state });
    registerFeatures(manager, {
      state,
      i18n,
      findings,
      fetchFigures: (shopKey, handles) => sendMessage('getCreatorFigures', { shopKey, handles }),
      fetchCreatorCards: (shopKey, handles) => sendMessage('getCreatorCards', { shopKey, handles }),
      creatorPage: {
        url: (shopKey, handle) => browser.runtime.getURL(creatorPath(shopKey, handle) as '/creator.html'),
        open: (shopKey, handle) => sendMessage('openCreatorPage', { shopKey, handle }),
      },
    });
    const start = () =>
      void manager.start(ctx.signal, (listener) => ctx.addEventListener(window, 'wxt:locationchange', (event) => listener(event.newUrl)));
    if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', start, { once: true });
    else start();
  };
  readLocale().then(startFeatures, () => startFeatures(detectLocale()));
}
