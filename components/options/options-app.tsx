import type { AppDB } from '../../lib/db/app-db';
import type { I18n } from '../../lib/i18n';
import { BackupSection } from './backup';
import { CostsSection } from './costs';
import { Diagnostics } from './diagnostics';
import { ImportsSection } from './imports';
import { LanguageSection } from './language';
import { RulesSection } from './rules';
import { SettingsSection } from './settings';

export interface OptionsProps {
  db: AppDB;
  i18n: I18n;
}

/** The options page: one section component per concern, in this order. */
export function OptionsApp({ db, i18n }: OptionsProps) {
  return (
    <main style={{ maxWidth: '960px', margin: '0 auto', padding: '24px' }}>
      <h1>{i18n.t('options.title')}</h1>
      {/* [section:language] */}
      <LanguageSection i18n={i18n} />
      {/* [section:imports] */}
      <ImportsSection db={db} i18n={i18n} />
      {/* [section:backup] */}
      {/* [section:rules] */}
      <RulesSection i18n={i18n} />
      {/* [section:costs] */}
      <CostsSection db={db} i18n={i18n} />
      <SettingsSection i18n={i18n} />
      <BackupSection db={db} i18n={i18n} />
      <Diagnostics db={db} i18n={i18n} />
    </main>
  );
}
