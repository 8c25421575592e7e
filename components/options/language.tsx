import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { I18n } from '../../lib/i18n';
import { readLanguage, type LanguageChoice } from '../../lib/i18n/preference';
import { sendMessage } from '../../lib/messaging/protocol';

const CHOICES: { value: LanguageChoice; label: 'language.auto' | 'language.en' | 'language.id' }[] = [
  { value: 'auto', label: 'language.auto' },
  { value: 'en', label: 'language.en' },
  { value: 'id', label: 'language.id' },
];

/** The UI language of Collab Lens everywhere (pages open later pick it up; this page reloads in it). */
export function LanguageSection({ i18n, reload = () => location.reload() }: { i18n: I18n; reload?: () => void }) {
  const { t } = i18n;
  const choice = useSignal<LanguageChoice | undefined>(undefined);
  const failed = useSignal(false);
  useEffect(() => {
    readLanguage().then((c) => (choice.value = c), (error: unknown) => console.error('[collab-lens] language read failed', error));
  }, []);

  const change = async (next: LanguageChoice) => {
    choice.value = next;
    try {
      const ack = await sendMessage('saveLanguage', { language: next });
      failed.value = !ack.ok;
      if (ack.ok) reload();
    } catch (error) {
      console.error('[collab-lens] saving the language failed', error);
      failed.value = true;
    }
  };

  return (
    <section aria-labelledby="language" data-testid="language">
      <h2 id="language">{t('language.title')}</h2>
      {choice.value && (
        <p>
          <label for="language-choice">{t('language.label')} </label>
          <select id="language-choice" value={choice.value} onChange={(e) => void change(e.currentTarget.value as LanguageChoice)}>
            {CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {t(c.label)}
              </option>
            ))}
          </select>
        </p>
      )}
      <p role="status" class={failed.value ? 'urgent' : 'muted'}>
        {failed.value ? t('language.failed') : t('language.hint')}
      </p>
    </section>
  );
}
