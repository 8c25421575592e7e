import type { AppDB } from '../db/app-db';
import type { AnyRule, ChangeSet, Finding, FindingDraft, SubjectInput } from './types';

/**
 * The rule engine: runs rules over the local model and keeps the `findings` table equal to what the rules say now.
 *
 * - `evaluateAll` runs every rule over every subject (after an import, a restore, a settings change).
 * - `evaluateChanges` runs only the rules whose `reads` meet the changed tables, and only for the subjects their
 *   `affected` maps the changes to (`'all'`: the rule runs in full, e.g. when an aggregate such as a percentile moved).
 * - `evaluateTimeBased` runs the clock-dependent rules in full (from `chrome.alarms`).
 *
 * The findings of the (rule, subject) pairs evaluated are replaced in one transaction: a finding that still holds keeps
 * its `firstSeenAt` (and is written only when it changed; `evaluatedAt` is the evaluation that last wrote it), a finding
 * whose cause is gone is deleted. `findingStates` (the seller's dismiss, snooze and
 * notified marks) are never touched, so they survive re-evaluation and a finding's absence. Evaluations of one database
 * run one at a time, so an older evaluation never overwrites a newer one.
 */

/** A rule's effective settings: on or off, and each threshold's value. */
export interface RuleConfig {
  enabled: boolean;
  thresholds: Record<string, number>;
}

/** What the engine needs of the seller's rule settings (lib/rules/settings.ts): per rule id, stored values, if any. */
export interface EngineSettings {
  rules: Readonly<Record<string, Partial<RuleConfig> | undefined>>;
}

/** What one evaluation changed: finding ids, and the shops they belong to (to tell those shops' tabs). */
export interface EvaluationResult {
  added: string[];
  removed: string[];
  /** Findings that still hold but whose message, evidence, deadline or severity changed. */
  updated: string[];
  shops: string[];
}

/** A rule's settings with every threshold present: a stored value where there is one, the rule's default otherwise. */
export function ruleConfig(rule: AnyRule, settings: EngineSettings): RuleConfig {
  const stored = settings.rules[rule.id];
  const thresholds: Record<string, number> = {};
  for (const [name, spec] of Object.entries(rule.thresholds as Record<string, { default: number }>)) {
    thresholds[name] = stored?.thresholds?.[name] ?? spec.default;
  }
  return { enabled: stored?.enabled ?? true, thresholds };
}

export const findingId = (ruleId: string, subjectKey: string, variant?: string) =>
  variant === undefined ? `${ruleId}|${subjectKey}` : `${ruleId}|${subjectKey}|${variant}`;

/** Equal as stored data: a property that is `undefined` counts as absent. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const withoutEvaluatedAt = ({ evaluatedAt: _e, ...rest }: Finding) => rest;

/** One rule's run: the subjects it covered (undefined: all of them) and the findings it gives for them. */
interface RuleRun {
  rule: AnyRule;
  keys: readonly string[] | undefined;
  findings: Finding[];
}

/** Load and check one rule for `keys` (undefined: every subject). Drafts that are not about their input are dropped. */
async function runRule(db: AppDB, rule: AnyRule, config: RuleConfig, keys: readonly string[] | undefined, now: number): Promise<RuleRun> {
  const inputs: SubjectInput[] = await rule.load(db, keys, now);
  const wanted = keys && new Set(keys);
  const ctx = { thresholds: config.thresholds, now };
  const byId = new Map<string, Finding>();
  for (const input of inputs) {
    if (wanted && !wanted.has(input.key)) {
      console.warn(`[collab-lens] rule ${rule.id} loaded subject ${input.key}, which was not asked for; ignored`);
      continue;
    }
    for (const draft of rule.check(input, ctx) as FindingDraft[]) {
      if (draft.subjectKey !== input.key || draft.subject !== rule.subject) {
        console.warn(`[collab-lens] rule ${rule.id} returned a finding about ${draft.subject} ${draft.subjectKey} while checking ${rule.subject} ${input.key}; dropped`);
        continue;
      }
      const id = findingId(rule.id, draft.subjectKey, draft.variant);
      if (byId.has(id)) {
        console.warn(`[collab-lens] rule ${rule.id} returned finding ${id} twice; the first is kept`);
        continue;
      }
      byId.set(id, { ...draft, id, ruleId: rule.id, severity: draft.severity ?? rule.severity, firstSeenAt: now, evaluatedAt: now });
    }
  }
  return { rule, keys, findings: [...byId.values()] };
}

/** Runs that failed (a rule that threw) are left out: that rule's findings stay as they were until it runs again. */
async function runRules(db: AppDB, jobs: readonly { rule: AnyRule; config: RuleConfig; keys: readonly string[] | undefined }[], now: number): Promise<RuleRun[]> {
  const runs: RuleRun[] = [];
  for (const job of jobs) {
    try {
      runs.push(await runRule(db, job.rule, job.config, job.keys, now));
    } catch (error) {
      console.error(`[collab-lens] rule ${job.rule.id} failed; its findings are kept as they were`, error);
    }
  }
  return runs;
}

/**
 * Write the runs in one transaction: per run, the stored findings of its rule (for its subjects) are replaced by the
 * new ones, keeping `firstSeenAt` of findings that still hold. `dropRules` are rules whose findings all go (disabled, or
 * no longer built in).
 */
async function commit(db: AppDB, runs: readonly RuleRun[], dropRules: readonly string[]): Promise<EvaluationResult> {
  const result: EvaluationResult = { added: [], removed: [], updated: [], shops: [] };
  const shops = new Set<string>();
  await db.transaction('rw', db.findings, async () => {
    const removed: string[] = [];
    for (const ruleId of dropRules) {
      const gone = await db.findings.where('ruleId').equals(ruleId).toArray();
      for (const f of gone) {
        removed.push(f.id);
        shops.add(f.shopKey);
      }
    }
    const puts: Finding[] = [];
    for (const run of runs) {
      const stored = run.keys
        ? await db.findings.where('[ruleId+subjectKey]').anyOf(run.keys.map((k) => [run.rule.id, k])).toArray()
        : await db.findings.where('ruleId').equals(run.rule.id).toArray();
      const previous = new Map(stored.map((f) => [f.id, f]));
      for (const f of run.findings) {
        const prev = previous.get(f.id);
        previous.delete(f.id);
        const next = prev ? { ...f, firstSeenAt: prev.firstSeenAt } : f;
        // A finding that holds unchanged is not written again: no churn for live queries, and a restore stays exact.
        if (!prev) result.added.push(f.id);
        else if (!sameData(withoutEvaluatedAt(prev), withoutEvaluatedAt(next))) result.updated.push(f.id);
        else continue;
        puts.push(next);
        shops.add(f.shopKey);
        if (prev) shops.add(prev.shopKey);
      }
      for (const gone of previous.values()) {
        removed.push(gone.id);
        shops.add(gone.shopKey);
      }
    }
    if (removed.length) await db.findings.bulkDelete(removed);
    if (puts.length) await db.findings.bulkPut(puts);
    result.removed = removed;
  });
  result.shops = [...shops].sort();
  return result;
}

const queues = new WeakMap<AppDB, Promise<unknown>>();

/** Run evaluations of one database one after another: each reads the model after the previous one has written. */
function exclusive<T>(db: AppDB, run: () => Promise<T>): Promise<T> {
  const previous = queues.get(db) ?? Promise.resolve();
  const next = previous.then(run, run);
  queues.set(db, next.catch(() => undefined));
  return next;
}

async function evaluateInFull(db: AppDB, rules: readonly AnyRule[], settings: EngineSettings, now: number, dropUnknown: boolean): Promise<EvaluationResult> {
  const configs = rules.map((rule) => ({ rule, config: ruleConfig(rule, settings), keys: undefined }));
  const runs = await runRules(db, configs.filter((j) => j.config.enabled), now);
  const drop = configs.filter((j) => !j.config.enabled).map((j) => j.rule.id);
  if (dropUnknown) {
    const known = new Set(rules.map((r) => r.id));
    for (const ruleId of (await db.findings.orderBy('ruleId').uniqueKeys()) as string[]) if (!known.has(ruleId)) drop.push(ruleId);
  }
  return commit(db, runs, drop);
}

/**
 * Every rule over every subject. `rules` is the whole set: findings of rules not in it (a rule no longer built in) and
 * of disabled rules are deleted.
 */
export function evaluateAll(db: AppDB, rules: readonly AnyRule[], settings: EngineSettings, now: number): Promise<EvaluationResult> {
  return exclusive(db, () => evaluateInFull(db, rules, settings, now, true));
}

/** The clock-dependent rules (`timeBased`) over every subject; the other rules' findings are left alone. */
export function evaluateTimeBased(db: AppDB, rules: readonly AnyRule[], settings: EngineSettings, now: number): Promise<EvaluationResult> {
  return exclusive(db, () =>
    evaluateInFull(
      db,
      rules.filter((r) => r.timeBased),
      settings,
      now,
      false,
    ),
  );
}

/** The part of a change set a rule reads; undefined when it reads none of the changed tables. */
function changesFor(rule: AnyRule, changes: ChangeSet): ChangeSet | undefined {
  const out: ChangeSet = {};
  let any = false;
  for (const table of rule.reads) {
    const keys = changes[table];
    if (keys?.length) {
      out[table] = keys;
      any = true;
    }
  }
  return any ? out : undefined;
}

/**
 * Re-run what a write may have changed: each enabled rule that reads a changed table, for the subjects it says the
 * change affects. The result equals `evaluateAll` on the same model (the property test in engine.test.ts checks this),
 * except for time-based rules' dependence on the clock, which `evaluateTimeBased` covers.
 */
export function evaluateChanges(db: AppDB, rules: readonly AnyRule[], settings: EngineSettings, changes: ChangeSet, now: number): Promise<EvaluationResult> {
  return exclusive(db, async () => {
    const jobs: { rule: AnyRule; config: RuleConfig; keys: readonly string[] | undefined }[] = [];
    for (const rule of rules) {
      const config = ruleConfig(rule, settings);
      const relevant = config.enabled ? changesFor(rule, changes) : undefined;
      if (!relevant) continue;
      try {
        const affected = await rule.affected(db, relevant);
        if (affected === 'all') jobs.push({ rule, config, keys: undefined });
        else if (affected.length) jobs.push({ rule, config, keys: [...new Set(affected)] });
      } catch (error) {
        console.error(`[collab-lens] rule ${rule.id} failed to map a change; its findings are kept as they were`, error);
      }
    }
    return commit(db, await runRules(db, jobs, now), []);
  });
}
