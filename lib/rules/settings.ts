import { storage } from '#imports';
import * as z from 'zod/mini';
import type { RuleConfig } from './engine';
import { RULE_CATALOGUE } from './catalogue';
import type { RuleTexts, ThresholdSpec } from './types';

/**
 * The seller's rule settings, in `storage.local` under `rules`: per rule on/off and its thresholds, and whether deadline
 * findings may raise browser notifications (off until the seller turns them on). Extension pages read them; only the
 * background writes them (message `saveRuleSettings`), and re-evaluates every rule after a write.
 */
export interface RuleSettings {
  notifications: boolean;
  /** Every built-in rule, with every threshold. */
  rules: Record<string, RuleConfig>;
}

/** What is stored and what a write carries: a rule without an entry is on, with its defaults. */
export interface StoredRuleSettings {
  notifications: boolean;
  rules: Record<string, RuleConfig | undefined>;
}

/** The save's answer: the settings now in force, and how many findings there are after re-evaluating every rule. */
export type SaveRuleSettingsAck = { ok: true; settings: RuleSettings; findings: number } | { ok: false };

/** Counts and basis points are whole numbers; hours, days, percentages and ratios may have decimals. */
export const isWholeUnit = (spec: ThresholdSpec) => spec.unit === 'count' || spec.unit === 'bps';

function thresholdValue(spec: ThresholdSpec) {
  return (isWholeUnit(spec) ? z.int() : z.number()).check(z.gte(spec.min), z.lte(spec.max));
}

const specsOf = (rule: RuleTexts) => Object.entries(rule.thresholds as Record<string, ThresholdSpec>);

export function defaultRuleConfig(rule: RuleTexts): RuleConfig {
  return { enabled: true, thresholds: Object.fromEntries(specsOf(rule).map(([name, spec]) => [name, spec.default])) };
}

export function defaultRuleSettings(rules: readonly RuleTexts[] = RULE_CATALOGUE): RuleSettings {
  return { notifications: false, rules: Object.fromEntries(rules.map((r) => [r.id, defaultRuleConfig(r)])) };
}

/**
 * What a write must satisfy: `notifications`, and for each rule given, `enabled` and every threshold within its bounds.
 * Rules that are not built in are left out.
 */
export function ruleSettingsSchema(rules: readonly RuleTexts[] = RULE_CATALOGUE) {
  const shape = Object.fromEntries(
    rules.map((rule) => [
      rule.id,
      z.optional(
        z.object({
          enabled: z.boolean(),
          thresholds: z.object(Object.fromEntries(specsOf(rule).map(([name, spec]) => [name, thresholdValue(spec)]))),
        }),
      ),
    ]),
  );
  return z.object({ notifications: z.boolean(), rules: z.object(shape) });
}

/** What a read tolerates: anything missing, of the wrong type or out of bounds falls back to its default, field by field. */
function buildStoredSchema(rules: readonly RuleTexts[]) {
  // Fallbacks are made afresh for each read: the schema is shared, the settings it returns are the caller's.
  const shape = Object.fromEntries(
    rules.map((rule) => {
      const defaults = () => defaultRuleConfig(rule);
      const thresholds = z.object(Object.fromEntries(specsOf(rule).map(([name, spec]) => [name, z.catch(thresholdValue(spec), spec.default)])));
      return [
        rule.id,
        z.catch(
          z.pipe(
            z.optional(z.object({ enabled: z.catch(z.boolean(), true), thresholds: z.catch(thresholds, () => defaults().thresholds) })),
            z.transform((c): RuleConfig => c ?? defaults()),
          ),
          defaults,
        ),
      ];
    }),
  );
  return z.object({
    notifications: z.catch(z.boolean(), false),
    rules: z.catch(z.object(shape), () => defaultRuleSettings(rules).rules),
  });
}

/** Built once per rule set: the settings are read for every ingest batch. */
const storedSchemas = new WeakMap<readonly RuleTexts[], ReturnType<typeof buildStoredSchema>>();
function storedSchema(rules: readonly RuleTexts[]) {
  let schema = storedSchemas.get(rules);
  if (!schema) {
    schema = buildStoredSchema(rules);
    storedSchemas.set(rules, schema);
  }
  return schema;
}

/** Parse whatever is stored into complete settings for `rules` (never throws). */
export function ruleSettingsFrom(raw: unknown, rules: readonly RuleTexts[] = RULE_CATALOGUE): RuleSettings {
  const parsed = storedSchema(rules).safeParse(raw && typeof raw === 'object' ? raw : {});
  return parsed.success ? (parsed.data as RuleSettings) : defaultRuleSettings(rules);
}

export const rulesItem = storage.defineItem<StoredRuleSettings>('local:rules', { fallback: { notifications: false, rules: {} }, version: 1 });

export async function readRuleSettings(rules: readonly RuleTexts[] = RULE_CATALOGUE): Promise<RuleSettings> {
  return ruleSettingsFrom(await rulesItem.getValue(), rules);
}

/** Validate and store; throws a ZodError for invalid settings, so nothing invalid is ever written. */
export async function writeRuleSettings(next: unknown, rules: readonly RuleTexts[] = RULE_CATALOGUE): Promise<RuleSettings> {
  const settings = ruleSettingsSchema(rules).parse(next) as StoredRuleSettings;
  await rulesItem.setValue(settings);
  return ruleSettingsFrom(settings, rules);
}
