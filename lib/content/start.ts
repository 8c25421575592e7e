import type { ContentScriptContext } from '#imports';
import { listenForCaptures } from '../capture/bridge';
import { Outbox } from '../capture/outbox';
import { registerFeatures } from '../features';
import { createI18n } from '../i18n';
import { onMessage, revealQuery, sendMessage } from '../messaging/protocol';
import { createManager } from '../overlay/manager';
import { PageState } from '../overlay/page-state';

/** The isolated content script: capture bridge from document start, page features once the DOM exists. */
export function startContent(ctx: ContentScriptContext): void {
  const state = new PageState();
  const outbox = new Outbox({
    send: (batch) => sendMessage('ingestCaptures', batch),
    onAck: (summary) => state.record(summary),
    signal: ctx.signal,
  });
  listenForCaptures(window, (c) => outbox.push(c), ctx.signal);
  // A full navigation must not take the last captures with it.
  ctx.addEventListener(window, 'pagehide', () => outbox.flushNow());

  const removeReveal = onMessage('revealRequest', ({ data }) => {
    const q = revealQuery.safeParse(data);
    return { found: q.success && state.reveal(q.data) };
  });
  ctx.onInvalidated(removeReveal);

  const manager = createManager((id, error) => console.debug(`[collab-lens] ${id}`, error));
  registerFeatures(manager, {
    state,
    i18n: createI18n(),
    fetchFigures: (shopKey, handles) => sendMessage('getCreatorFigures', { shopKey, handles }),
  });
  const start = () =>
    manager.start(ctx.signal, (listener) => ctx.addEventListener(window, 'wxt:locationchange', (event) => listener(event.newUrl)));
  if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', start, { once: true });
  else start();
}
