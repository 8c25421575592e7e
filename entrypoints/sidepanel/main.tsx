import { render } from 'preact';
import '../../components/ui.css';
import { SidePanelApp } from '../../components/side-panel-app';
import { getDb } from '../../lib/db';
import { createI18n } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging/protocol';
import { activeTab } from '../../lib/state/active-tab';

const i18n = createI18n();
document.documentElement.lang = i18n.locale;
render(
  <SidePanelApp
    db={getDb()}
    i18n={i18n}
    tab={activeTab()}
    reveal={(tabId, q) => sendMessage('revealRequest', q, tabId).then((r) => r.found, () => false)}
  />,
  document.getElementById('app') as HTMLElement,
);
