import { effect } from '@preact/signals';
import { render } from 'preact';
import '../../components/ui.css';
import '../../components/creators/creators.css';
import { CreatorsApp, NotAPage } from '../../components/creators/creators-app';
import { choiceFromUrl, createViewStore } from '../../components/creators/view-store';
import { creatorRowsTable } from '../../lib/export/creators';
import { creatorsParams } from '../../lib/creators/pages';
import { getDb } from '../../lib/db';
import { downloadTable } from '../../lib/export/download';
import { createI18n } from '../../lib/i18n';
import { readLocale } from '../../lib/i18n/preference';
import { sendMessage } from '../../lib/messaging/protocol';

const i18n = createI18n(await readLocale());
document.documentElement.lang = i18n.locale;
document.title = i18n.t('creators.pageTitle');
const root = document.getElementById('app') as HTMLElement;
const params = creatorsParams(location.search);

if (!params) render(<NotAPage title={i18n.t('creators.title')} text={i18n.t('creators.noShop')} />, root);
else {
  const store = createViewStore({
    db: getDb(),
    i18n,
    shopKey: params.shopKey,
    initial: choiceFromUrl(location.search),
    table: creatorRowsTable,
    download: (table, format) => downloadTable(table, format, 'creators-view'),
    ensureRows: () => sendMessage('ensureCreatorRows', { shopKey: params.shopKey }),
  });
  // The address follows the period and the order, so a reload or the back button returns to the same list.
  effect(() => history.replaceState(null, '', store.search.value));
  render(<CreatorsApp store={store} />, root);
}
