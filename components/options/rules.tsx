import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { I18n } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging/protocol';
import { RULE_CATALOGUE as RULES } from '../../lib/rules/catalogue';
import { ruleSettingsFrom, ruleSettingsSchema, rulesItem, type RuleSettings } from '../../lib/rules/settings';
import type { RuleTexts as AnyRule, ThresholdSpec } from '../../lib/rules/types';

/** What the form holds: inputs as typed, so a half-typed number is not lost or rewritten while the seller types. */
interface Draft {
  notifications: boolean;
  rules: Record<string, { enabled: boolean; thresholds: Record<string, string> }>;
}

const specsOf = (rule: AnyRule) => Object.entries(rule.thresholds as Record<string, ThresholdSpec>);
/** Rates are stored in basis points and edited as percentages. */
const shown = (spec: ThresholdSpec, value: number) => (spec.unit === 'bps' ? value / 100 : value);
const stored = (spec: ThresholdSpec, text: string) => {
  const n = text.trim() === '' ? Number.NaN : Number(text);
  return spec.unit === 'bps' ? Math.round(n * 100) : n;
};
const stepOf = (spec: ThresholdSpec) => (spec.unit === 'count' ? 1 : spec.unit === 'bps' ? 0.01 : 'any');

function draftOf(s: RuleSettings): Draft {
  const rules: Draft['rules'] = {};
  for (const rule of RULES) {
    const config = s.rules[rule.id];
    rules[rule.id] = {
      enabled: config?.enabled ?? true,
      thresholds: Object.fromEntries(specsOf(rule).map(([name, spec]) => [name, String(shown(spec, config?.thresholds[name] ?? spec.default))])),
    };
  }
  return { notifications: s.notifications, rules };
}

function settingsOf(d: Draft) {
  return {
    notifications: d.notifications,
    rules: Object.fromEntries(
      RULES.map((rule) => {
        const r = d.rules[rule.id];
        return [rule.id, { enabled: r?.enabled ?? true, thresholds: Object.fromEntries(specsOf(rule).map(([name, spec]) => [name, stored(spec, r?.thresholds[name] ?? '')])) }];
      }),
    ),
  };
}

/**
 * Every built-in rule with its explanation, on/off and thresholds (with units and bounds), and the notifications switch.
 * The page reads the settings from storage; saving goes through the background, which re-evaluates every rule.
 */
export function RulesSection({ i18n }: { i18n: I18n }) {
  const { t, locale } = i18n;
  const draft = useSignal<Draft | undefined>(undefined);
  const status = useSignal<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);
  const saving = useSignal(false);

  useEffect(() => {
    const show = (v: unknown) => {
      draft.value = draftOf(ruleSettingsFrom(v));
    };
    rulesItem.getValue().then(show, (error: unknown) => console.error('[collab-lens] rule settings read failed', error));
    return rulesItem.watch(show);
  }, []);

  const edit = (change: (d: Draft) => Draft) => {
    const current = draft.peek();
    if (!current) return;
    draft.value = change(current);
    status.value = undefined;
  };
  const editRule = (id: string, change: (r: Draft['rules'][string]) => Draft['rules'][string]) =>
    edit((d) => ({ ...d, rules: { ...d.rules, [id]: change(d.rules[id] ?? { enabled: true, thresholds: {} }) } }));

  const save = async (event: Event) => {
    event.preventDefault();
    const d = draft.value;
    if (!d) return;
    const parsed = ruleSettingsSchema(RULES).safeParse(settingsOf(d));
    if (!parsed.success) {
      status.value = { kind: 'error', text: t('rules.invalid') };
      return;
    }
    saving.value = true;
    try {
      const ack = await sendMessage('saveRuleSettings', parsed.data);
      status.value = ack.ok ? { kind: 'ok', text: t('rules.saved', { count: i18n.number(ack.findings) }) } : { kind: 'error', text: t('rules.invalid') };
    } catch (error) {
      console.error('[collab-lens] saving rule settings failed', error);
      status.value = { kind: 'error', text: t('rules.failed') };
    } finally {
      saving.value = false;
    }
  };

  const d = draft.value;
  return (
    <section aria-labelledby="rules" data-testid="rules">
      <h2 id="rules">{t('rules.title')}</h2>
      <p class="muted">{t('rules.intro')}</p>
      {d && (
        <form onSubmit={save} noValidate>
          <label style={{ display: 'block', fontWeight: 600 }}>
            <input
              type="checkbox"
              name="notifications"
              checked={d.notifications}
              aria-describedby="rules-notifications-hint"
              onChange={(e) => edit((x) => ({ ...x, notifications: e.currentTarget.checked }))}
            />{' '}
            {t('rules.notifications')}
          </label>
          <p id="rules-notifications-hint" class="muted">
            {t('rules.notificationsHint')}
          </p>
          {RULES.map((rule) => {
            const r = d.rules[rule.id];
            return (
              <fieldset key={rule.id} data-rule={rule.id} class="card" style={{ margin: '10px 0' }}>
                <legend style={{ fontWeight: 600 }}>{rule.title[locale]}</legend>
                <p class="muted" id={`rule-${rule.id}-explanation`}>
                  {rule.explanation[locale]}
                </p>
                <label>
                  <input
                    type="checkbox"
                    name={`${rule.id}.enabled`}
                    checked={r?.enabled ?? true}
                    aria-describedby={`rule-${rule.id}-explanation`}
                    onChange={(e) => editRule(rule.id, (x) => ({ ...x, enabled: e.currentTarget.checked }))}
                  />{' '}
                  {t('rules.enabled')}
                </label>
                {specsOf(rule).map(([name, spec]) => {
                  const id = `rule-${rule.id}-${name}`;
                  return (
                    <div key={name} style={{ margin: '8px 0' }}>
                      <label for={id} style={{ display: 'block' }}>
                        {t(`rules.field.${spec.unit}`, { label: spec.label[locale] })}
                      </label>
                      <input
                        id={id}
                        name={`${rule.id}.${name}`}
                        type="number"
                        min={shown(spec, spec.min)}
                        max={shown(spec, spec.max)}
                        step={stepOf(spec)}
                        required
                        value={r?.thresholds[name] ?? ''}
                        aria-describedby={`${id}-bounds`}
                        onInput={(e) => {
                          const value = e.currentTarget.value;
                          editRule(rule.id, (x) => ({ ...x, thresholds: { ...x.thresholds, [name]: value } }));
                        }}
                      />
                      <p id={`${id}-bounds`} class="muted">
                        {t('rules.bounds', {
                          min: i18n.number(shown(spec, spec.min)),
                          max: i18n.number(shown(spec, spec.max)),
                          default: i18n.number(shown(spec, spec.default)),
                        })}
                      </p>
                    </div>
                  );
                })}
              </fieldset>
            );
          })}
          <button type="submit" class="primary" disabled={saving.value}>
            {t('rules.save')}
          </button>
          <p role="status" class={status.value?.kind === 'error' ? 'urgent' : undefined} data-testid="rules-status">
            {status.value?.text}
          </p>
        </form>
      )}
    </section>
  );
}
