import { browser } from '#imports';
import { Dexie } from 'dexie';
import type { AppDB } from '../db/app-db';
import { AFFILIATE_MATCHES } from '../hosts';
import { createI18n } from '../i18n';
import { readLocale } from '../i18n/preference';
import { findingsQuery, findingStateChange, onMessage, sendMessage, type FindingStateAck } from '../messaging/protocol';
import { evaluateAll, evaluateChanges, evaluateTimeBased, type EvaluationResult, type Loaders } from '../rules/engine';
import { RULES } from '../rules/index';
import { LOADERS } from '../rules/inputs/index';
import { readRuleSettings, ruleSettingsSchema, writeRuleSettings, type RuleSettings, type SaveRuleSettingsAck } from '../rules/settings';
import type { AnyRule, ChangeSet, Finding, FindingState } from '../rules/types';
import { fillText, findingViews, type FindingView } from '../rules/view';

export const RULES_ALARM = 'collab-lens-rules';
const ALARM_MINUTES = 10;
const YEAR_MS = 366 * 86_400_000;
/** More deadlines than this at once raise one notification that counts them, not one each. */
const MAX_SINGLE_NOTIFICATIONS = 3;
/** A 48×48 PNG in the accent colour of the extension's pages: Chrome requires an icon for a basic notification. */
const NOTIFICATION_ICON = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAIAAADYYG7QAAAAOklEQVR42u3OQQ0AAAgEoCtjMuNbwhbOBxsBSPW8EiEhISEhISEhISEhISEhISEhISEhISEhISGhOwsQ7wvEcqrbYwAAAABJRU5ErkJggg==';

/** What the rule wiring does outside the database: tell Affiliate Center tabs, raise notifications. */
export interface RuleEffects {
  /** Tell every Affiliate Center tab that these shops' findings changed; a tab that does not answer is ignored. */
  broadcast(shopKeys: readonly string[]): Promise<void>;
  notify(id: string, title: string, message: string): Promise<void>;
}

export interface RuleDeps {
  rules: readonly AnyRule[];
  /** The shared inputs the rules name. */
  loaders: Loaders;
  effects: RuleEffects;
  now: () => number;
}

const browserEffects: RuleEffects = {
  async broadcast(shopKeys) {
    const tabs = await browser.tabs.query({ url: [...AFFILIATE_MATCHES] });
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      for (const shopKey of shopKeys) sendMessage('findingsChanged', { shopKey }, tab.id).catch(() => undefined);
    }
  },
  async notify(id, title, message) {
    await browser.notifications.create(id, { type: 'basic', iconUrl: NOTIFICATION_ICON, title, message });
  },
};

export const DEFAULT_DEPS: RuleDeps = { rules: RULES, loaders: LOADERS, effects: browserEffects, now: Date.now };

/**
 * Raise a browser notification, once per finding, for the deadline findings of enabled `notify` rules, when the seller
 * turned notifications on. Dismissed and snoozed findings are skipped. A finding is marked `notifiedAt` in the same
 * transaction that picks it, so two runs never notify it twice; more than a few at once become one notification.
 */
export async function notifyDeadlines(db: AppDB, settings: RuleSettings, deps: RuleDeps = DEFAULT_DEPS): Promise<string[]> {
  if (!settings.notifications) return [];
  const now = deps.now();
  const notifying = deps.rules.filter((r) => r.notify && settings.rules[r.id]?.enabled !== false);
  if (!notifying.length) return [];
  const picked = await db.transaction('rw', db.findings, db.findingStates, async () => {
    const candidates = await db.findings
      .where('ruleId')
      .anyOf(notifying.map((r) => r.id))
      .filter((f) => f.dueAt !== undefined)
      .toArray();
    const states = await db.findingStates.bulkGet(candidates.map((f) => f.id));
    const due = candidates.filter((_, i) => {
      const s = states[i];
      return !s || (s.notifiedAt === undefined && s.dismissedAt === undefined && !(s.snoozedUntil !== undefined && s.snoozedUntil > now));
    });
    const stateOf = new Map(states.flatMap((s) => (s ? [[s.id, s] as const] : [])));
    await db.findingStates.bulkPut(due.map((f): FindingState => ({ ...stateOf.get(f.id), id: f.id, notifiedAt: now })));
    return due;
  });
  if (!picked.length) return [];
  const i18n = createI18n(await readLocale());
  const byId = new Map(deps.rules.map((r) => [r.id, r]));
  try {
    if (picked.length > MAX_SINGLE_NOTIFICATIONS) {
      await deps.effects.notify(`collab-lens-deadlines-${now}`, i18n.t('popup.title'), i18n.t('rules.notifyMany', { count: i18n.number(picked.length) }));
    } else {
      for (const f of picked) {
        const rule = byId.get(f.ruleId) as AnyRule;
        await deps.effects.notify(`collab-lens-${f.id}`, rule.title[i18n.locale], fillText(rule.message[i18n.locale], f.params, i18n));
      }
    }
  } catch (error) {
    console.error('[collab-lens] notification failed', error);
  }
  return picked.map((f) => f.id);
}

/** After an evaluation: tell the tabs of the shops whose findings changed, and raise what deadlines are new. */
async function publish(db: AppDB, result: EvaluationResult, settings: RuleSettings, deps: RuleDeps, extraShops: readonly string[] = []): Promise<void> {
  const shops = [...new Set([...result.shops, ...extraShops])].sort();
  try {
    if (shops.length) await deps.effects.broadcast(shops);
  } catch (error) {
    console.error('[collab-lens] telling tabs about findings failed', error);
  }
  await notifyDeadlines(db, settings, deps);
}

/**
 * An ingest batch was stored: re-run what its changes affect. The background acknowledges the batch after this, so a
 * page that refreshes on the ack sees current findings. A failure is logged, never turned into a failed ack (the facts
 * are stored; the next evaluation catches up).
 */
export async function evaluateIngest(db: AppDB, changes: ChangeSet, deps: RuleDeps = DEFAULT_DEPS): Promise<EvaluationResult | undefined> {
  try {
    const settings = await readRuleSettings(deps.rules);
    const result = await evaluateChanges(db, deps.rules, settings, changes, deps.now(), deps.loaders);
    await publish(db, result, settings, deps);
    return result;
  } catch (error) {
    console.error('[collab-lens] evaluating rules after ingest failed', error);
    return undefined;
  }
}

/** Every rule over the whole model, with the stored settings. */
async function reevaluateAll(db: AppDB, deps: RuleDeps, extraShops: readonly string[] = []): Promise<EvaluationResult> {
  const settings = await readRuleSettings(deps.rules);
  const result = await evaluateAll(db, deps.rules, settings, deps.now(), deps.loaders);
  await publish(db, result, settings, deps, extraShops);
  return result;
}

/**
 * After an import or a restore replaced part or all of the model: every rule over the whole model, and every known
 * shop's tabs are told. A failure is logged; the data is stored either way.
 */
export async function evaluateAfterReplace(db: AppDB, deps: RuleDeps = DEFAULT_DEPS): Promise<EvaluationResult | undefined> {
  try {
    return await reevaluateAll(db, deps, (await db.shops.toCollection().primaryKeys()) as string[]);
  } catch (error) {
    console.error('[collab-lens] evaluating rules failed', error);
    return undefined;
  }
}

/**
 * The alarm's run: time-based rules in full, and snoozes that have run out are cleared, so the tabs of their shops are
 * told the finding is back.
 */
export async function runTimeBased(db: AppDB, deps: RuleDeps = DEFAULT_DEPS): Promise<EvaluationResult> {
  const settings = await readRuleSettings(deps.rules);
  const now = deps.now();
  const result = await evaluateTimeBased(db, deps.rules, settings, now, deps.loaders);
  const woken = await db.transaction('rw', db.findings, db.findingStates, async () => {
    const expired = (await db.findingStates.toArray()).filter((s) => s.snoozedUntil !== undefined && s.snoozedUntil <= now);
    for (const { snoozedUntil: _s, ...rest } of expired) {
      if (Object.keys(rest).length > 1) await db.findingStates.put(rest);
      else await db.findingStates.delete(rest.id);
    }
    return (await db.findings.bulkGet(expired.map((s) => s.id))).flatMap((f) => (f ? [f.shopKey] : []));
  });
  await publish(db, result, settings, deps, woken);
  return result;
}

/** The `getFindings` message: a shop's findings as views, or none for an invalid query. */
export async function getFindings(db: AppDB, data: unknown, deps: RuleDeps = DEFAULT_DEPS): Promise<FindingView[]> {
  const q = findingsQuery.safeParse(data);
  if (!q.success) return [];
  const { shopKey, subject, locale } = q.data;
  const findings: Finding[] = subject
    ? await db.findings.where('[shopKey+subject]').equals([shopKey, subject]).toArray()
    : await db.findings.where('[shopKey+subject]').between([shopKey, Dexie.minKey], [shopKey, Dexie.maxKey]).toArray();
  return findingViews(db, deps.rules, findings, locale, deps.now());
}

/** The `setFindingState` message: dismiss, snooze (until a time ahead, within a year) or restore one stored finding. */
export async function setFindingState(db: AppDB, data: unknown, deps: RuleDeps = DEFAULT_DEPS): Promise<FindingStateAck> {
  const parsed = findingStateChange.safeParse(data);
  if (!parsed.success) return { ok: false };
  const { id, action, until } = parsed.data;
  const now = deps.now();
  if (action === 'snooze' && (until === undefined || until <= now || until > now + YEAR_MS)) return { ok: false };
  const result = await db.transaction('rw', db.findings, db.findingStates, async () => {
    const finding = await db.findings.get(id);
    if (!finding) return undefined;
    const { dismissedAt: _d, snoozedUntil: _s, ...kept } = (await db.findingStates.get(id)) ?? { id };
    const next: FindingState =
      action === 'dismiss' ? { ...kept, dismissedAt: now } : action === 'snooze' ? { ...kept, snoozedUntil: until } : kept;
    if (Object.keys(next).length > 1) await db.findingStates.put(next);
    else await db.findingStates.delete(id);
    return { shopKey: finding.shopKey, next };
  });
  if (!result) return { ok: false };
  await deps.effects.broadcast([result.shopKey]).catch((error: unknown) => console.error('[collab-lens] telling tabs about findings failed', error));
  if (result.next.dismissedAt !== undefined) return { ok: true, state: 'dismissed' };
  if (result.next.snoozedUntil !== undefined) return { ok: true, state: 'snoozed', snoozedUntil: result.next.snoozedUntil };
  return { ok: true, state: 'active' };
}

/** The `saveRuleSettings` message: validate, store, and re-evaluate every rule with the new settings. */
export async function saveRuleSettings(db: AppDB, data: unknown, deps: RuleDeps = DEFAULT_DEPS): Promise<SaveRuleSettingsAck> {
  const parsed = ruleSettingsSchema(deps.rules).safeParse(data);
  if (!parsed.success) return { ok: false };
  const settings = await writeRuleSettings(parsed.data, deps.rules);
  await reevaluateAll(db, deps);
  return { ok: true, settings, findings: await db.findings.count() };
}

/** Create the alarm unless it exists (re-creating it on every worker start would keep postponing it). */
async function ensureAlarm(): Promise<void> {
  if (await browser.alarms.get(RULES_ALARM)) return;
  await browser.alarms.create(RULES_ALARM, { delayInMinutes: 1, periodInMinutes: ALARM_MINUTES });
}

/** The rule messages; returns a function that removes them. */
export function registerRuleMessages(db: AppDB, deps: RuleDeps = DEFAULT_DEPS): () => void {
  const removers = [
    onMessage('getFindings', ({ data }) => getFindings(db, data, deps)),
    onMessage('setFindingState', ({ data }) => setFindingState(db, data, deps)),
    onMessage('saveRuleSettings', ({ data }) => saveRuleSettings(db, data, deps)),
  ];
  return () => removers.forEach((remove) => remove());
}

/** The time-based rules' alarm. */
export function registerRuleAlarm(db: AppDB, deps: RuleDeps = DEFAULT_DEPS): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== RULES_ALARM) return;
    runTimeBased(db, deps).catch((error: unknown) => console.error('[collab-lens] time-based rules failed', error));
  });
  ensureAlarm().catch((error: unknown) => console.error('[collab-lens] rules alarm failed', error));
}

/** The rule messages and the alarm. Listeners are added synchronously, so a message or alarm that wakes the worker finds them. */
export function registerRules(db: AppDB): void {
  registerRuleMessages(db);
  registerRuleAlarm(db);
}
