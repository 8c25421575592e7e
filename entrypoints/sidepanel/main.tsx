import { render } from 'preact';
import '../../components/ui.css';
import '../../components/triage/triage.css';
import { SidePanelApp } from '../../components/side-panel-app';
import { getDb } from '../../lib/db';
import { createI18n } from '../../lib/i18n';
import { readLocale } from '../../lib/i18n/preference';
import { MAX_MARKED, sendMessage } from '../../lib/messaging/protocol';
import { activeTab } from '../../lib/state/active-tab';

const i18n = createI18n(await readLocale());
document.documentElement.lang = i18n.locale;

/** Marks go to the background in messages of at most MAX_MARKED requests; true when every one was saved. */
async function setMarks(shopKey: string, applyIds: readonly string[], mark: 'approve' | 'reject' | 'skip' | null): Promise<boolean> {
  for (let i = 0; i < applyIds.length; i += MAX_MARKED) {
    const ack = await sendMessage('setTriageMarks', { shopKey, applyIds: applyIds.slice(i, i + MAX_MARKED), mark }).catch(() => ({ ok: false }) as const);
    if (!ack.ok) return false;
  }
  return true;
}

render(
  <SidePanelApp
    db={getDb()}
    i18n={i18n}
    tab={activeTab()}
    reveal={(tabId, q) => sendMessage('revealRequest', q, tabId).then((r) => r.found, () => false)}
    setMarks={setMarks}
  />,
  document.getElementById('app') as HTMLElement,
);
