import { render } from 'preact';
import '../../components/ui.css';
import { OptionsApp } from '../../components/options/options-app';
import { getDb } from '../../lib/db';
import { createI18n } from '../../lib/i18n';
import { readLocale } from '../../lib/i18n/preference';

const i18n = createI18n(await readLocale());
document.documentElement.lang = i18n.locale;
render(<OptionsApp db={getDb()} i18n={i18n} />, document.getElementById('app') as HTMLElement);
