import { render } from 'preact';
import '../../components/ui.css';
import '../../components/popup/popup.css';
import '../../components/creators/creators.css';
import { CreatorApp } from '../../components/creators/creator-app';
import { NotAPage } from '../../components/creators/creators-app';
import { createDetailStore } from '../../components/creators/detail-store';
import { creatorParams } from '../../lib/creators/pages';
import { getDb } from '../../lib/db';
import { createI18n } from '../../lib/i18n';
import { readLocale } from '../../lib/i18n/preference';
import { sendMessage } from '../../lib/messaging/protocol';

const i18n = createI18n(await readLocale());
document.documentElement.lang = i18n.locale;
const root = document.getElementById('app') as HTMLElement;
const params = creatorParams(location.search);

if (!params) render(<NotAPage title={i18n.t('creators.title')} text={i18n.t('creator.invalid')} />, root);
else {
  document.title = i18n.t('creator.pageTitle', { handle: params.handle });
  const store = createDetailStore({
    db: getDb(),
    i18n,
    ...params,
    now: Date.now,
    saveMarks: (change) => sendMessage('setCreatorMarks', change),
  });
  render(<CreatorApp store={store} />, root);
}
