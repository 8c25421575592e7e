import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { I18n } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging/protocol';
import { SETTINGS_BOUNDS, settingsFrom, settingsItem, settingsSchema, type Settings } from '../../lib/settings';

type Field = keyof typeof SETTINGS_BOUNDS;
const FIELDS: { field: Field; label: 'settings.retention' | 'settings.scrub'; hint: 'settings.retentionHint' | 'settings.scrubHint' }[] = [
  { field: 'observationRetentionDays', label: 'settings.retention', hint: 'settings.retentionHint' },
  { field: 'scrubContactsAfterDays', label: 'settings.scrub', hint: 'settings.scrubHint' },
];

/** Retention settings. The page reads them from storage; saving goes through the background, which also applies them. */
export function SettingsSection({ i18n }: { i18n: I18n }) {
  const { t } = i18n;
  const draft = useSignal<Record<Field, string> | undefined>(undefined);
  const status = useSignal<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);
  const saving = useSignal(false);

  useEffect(() => {
    const show = (s: Settings) => {
      draft.value = { observationRetentionDays: String(s.observationRetentionDays), scrubContactsAfterDays: String(s.scrubContactsAfterDays) };
    };
    settingsItem.getValue().then((v) => show(settingsFrom(v)), (error: unknown) => console.error('[collab-lens] settings read failed', error));
    return settingsItem.watch((v) => show(settingsFrom(v)));
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    const values = draft.value;
    if (!values) return;
    const parsed = settingsSchema.safeParse({
      observationRetentionDays: Number(values.observationRetentionDays),
      scrubContactsAfterDays: Number(values.scrubContactsAfterDays),
    });
    if (!parsed.success) {
      status.value = { kind: 'error', text: t('settings.invalid') };
      return;
    }
    saving.value = true;
    try {
      const ack = await sendMessage('saveSettings', parsed.data);
      status.value = ack.ok
        ? { kind: 'ok', text: t('settings.saved', { observations: i18n.number(ack.removed.observations), contacts: i18n.number(ack.removed.contacts) }) }
        : { kind: 'error', text: t('settings.invalid') };
    } catch (error) {
      console.error('[collab-lens] saving settings failed', error);
      status.value = { kind: 'error', text: t('settings.failed') };
    } finally {
      saving.value = false;
    }
  };

  const values = draft.value;
  return (
    <section aria-labelledby="settings" data-testid="settings">
      <h2 id="settings">{t('settings.title')}</h2>
      <p class="muted">{t('settings.intro')}</p>
      {values && (
        <form onSubmit={save} noValidate>
          {FIELDS.map(({ field, label, hint }) => {
            const { min, max } = SETTINGS_BOUNDS[field];
            return (
              <div key={field} style={{ margin: '10px 0' }}>
                <label for={field} style={{ display: 'block', fontWeight: 600 }}>
                  {t(label)}
                </label>
                <input
                  id={field}
                  name={field}
                  type="number"
                  inputMode="numeric"
                  min={min}
                  max={max}
                  step={1}
                  required
                  value={values[field]}
                  aria-describedby={`${field}-hint`}
                  onInput={(e) => {
                    draft.value = { ...(draft.peek() ?? values), [field]: e.currentTarget.value };
                    status.value = undefined;
                  }}
                />
                <p id={`${field}-hint`} class="muted">
                  {t(hint)} {t('settings.bounds', { min, max })}
                </p>
              </div>
            );
          })}
          <p class="muted">{t('settings.daily')}</p>
          <button type="submit" class="primary" disabled={saving.value}>
            {t('settings.save')}
          </button>
          <p role="status" class={status.value?.kind === 'error' ? 'urgent' : undefined} data-testid="settings-status">
            {status.value?.text}
          </p>
        </form>
      )}
    </section>
  );
}
