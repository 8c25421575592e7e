import { render } from 'preact';
import '../../components/ui.css';
import { PopupApp } from '../../components/popup-app';
import { getDb } from '../../lib/db';
import { createI18n } from '../../lib/i18n';
import { readLocale } from '../../lib/i18n/preference';
import { activeTab } from '../../lib/state/active-tab';

const i18n = createI18n(await readLocale());
document.documentElement.lang = i18n.locale;
render(<PopupApp db={getDb()} i18n={i18n} tab={activeTab()} />, document.getElementById('app') as HTMLElement);
