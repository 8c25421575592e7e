import type { AppDB } from '../db/app-db';
import { LOADERS } from './inputs/index';
import type { AnyRule, ChangeSet, Finding, FindingDraft, InputLoader, SharedReads, SubjectInput } from './types';

/**
 * The rule engine: runs rules over the local model and keeps the `findings` table equal to what the rules say now.
 * Rules name their input (`rule.input`, a key of `LOADERS`); each input is loaded once per evaluation for every enabled
 * rule that checks it, and each rule's pure `check` runs over it.
 *
 * - `evaluateAll` runs every rule over every subject (after an import, a restore, a settings change).
 * - `evaluateChanges` loads only the inputs whose `reads` meet the changed tables, and only for the subjects their
 *   `affected` maps the changes to (`'all'`: in full, e.g. when an aggregate such as a percentile moved), in one read
 *   transaction: one consistent view of the model, and one transaction rather than one per read.
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

/** The shared inputs a rule set loads by name. */
export type Loaders = Readonly<Record<string, InputLoader<any>>>;

interface Job {
  rule: AnyRule;
  config: RuleConfig;
}

/** A fresh set of shared reads, for one evaluation. */
export function sharedReads(): SharedReads {
  const made = new Map<string, Promise<unknown>>();
  return {
    once<T>(key: string, read: () => Promise<T>): Promise<T> {
      let p = made.get(key) as Promise<T> | undefined;
      if (!p) {
        p = read();
        made.set(key, p);
      }
      return p;
    },
  };
}

/** One rule's findings over loaded inputs. Drafts that are not about their input are dropped. */
function checkRule(rule: AnyRule, config: RuleConfig, inputs: readonly SubjectInput[], keys: readonly string[] | undefined, now: number): RuleRun {
  const ctx = { thresholds: config.thresholds, now };
  const byId = new Map<string, Finding>();
  for (const input of inputs) {
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

/**
 * Load one input for `keys` (undefined: every subject) and check each of its rules over it. A failure (a loader or a
 * rule that threw) leaves the failed runs out: their findings stay as they were until they run again.
 */
async function runInput(db: AppDB, name: string, loader: InputLoader<any>, jobs: readonly Job[], keys: readonly string[] | undefined, now: number, shared: SharedReads): Promise<RuleRun[]> {
  let loaded: SubjectInput[];
  try {
    loaded = await loader.load(db, keys, now, shared);
  } catch (error) {
    console.error(`[collab-lens] input ${name} failed to load; the findings of ${jobs.map((j) => j.rule.id).join(', ')} are kept as they were`, error);
    return [];
  }
  const wanted = keys && new Set(keys);
  const inputs = loaded.filter((input) => {
    if (!wanted || wanted.has(input.key)) return true;
    console.warn(`[collab-lens] input ${name} loaded subject ${input.key}, which was not asked for; ignored`);
    return false;
  });
  const runs: RuleRun[] = [];
  for (const job of jobs) {
    try {
      runs.push(checkRule(job.rule, job.config, inputs, keys, now));
    } catch (error) {
      console.error(`[collab-lens] rule ${job.rule.id} failed; its findings are kept as they were`, error);
    }
  }
  return runs;
}

/** The enabled rules' jobs by the input they check, in rule order; a rule naming no known input is reported and left out. */
function jobsByInput(rules: readonly AnyRule[], settings: EngineSettings, loaders: Loaders): Map<string, Job[]> {
  const out = new Map<string, Job[]>();
  for (const rule of rules) {
    const config = ruleConfig(rule, settings);
    if (!config.enabled) continue;
    if (!Object.hasOwn(loaders, rule.input)) {
      console.error(`[collab-lens] rule ${rule.id} names input ${rule.input}, which no loader provides; its findings are kept as they were`);
      continue;
    }
    const list = out.get(rule.input);
    if (list) list.push({ rule, config });
    else out.set(rule.input, [{ rule, config }]);
  }
  return out;
}

/** Runs in the order of `rules`, so an evaluation reports its changes in the same order however inputs are grouped. */
const inRuleOrder = (rules: readonly AnyRule[], runs: readonly RuleRun[]) => {
  const order = new Map(rules.map((r, i) => [r.id, i]));
  return [...runs].sort((a, b) => (order.get(a.rule.id) ?? 0) - (order.get(b.rule.id) ?? 0));
};

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

async function evaluateInFull(db: AppDB, rules: readonly AnyRule[], settings: EngineSettings, now: number, dropUnknown: boolean, loaders: Loaders): Promise<EvaluationResult> {
  const shared = sharedReads();
  const runs: RuleRun[] = [];
  for (const [name, jobs] of jobsByInput(rules, settings, loaders)) runs.push(...(await runInput(db, name, loaders[name] as InputLoader, jobs, undefined, now, shared)));
  const drop = rules.filter((rule) => !ruleConfig(rule, settings).enabled).map((rule) => rule.id);
  if (dropUnknown) {
    const known = new Set(rules.map((r) => r.id));
    for (const ruleId of (await db.findings.orderBy('ruleId').uniqueKeys()) as string[]) if (!known.has(ruleId)) drop.push(ruleId);
  }
  return commit(db, inRuleOrder(rules, runs), drop);
}

/**
 * Every rule over every subject. `rules` is the whole set: findings of rules not in it (a rule no longer built in) and
 * of disabled rules are deleted.
 */
export function evaluateAll(db: AppDB, rules: readonly AnyRule[], settings: EngineSettings, now: number, loaders: Loaders = LOADERS): Promise<EvaluationResult> {
  return exclusive(db, () => evaluateInFull(db, rules, settings, now, true, loaders));
}

/** The clock-dependent rules (`timeBased`) over every subject; the other rules' findings are left alone. */
export function evaluateTimeBased(db: AppDB, rules: readonly AnyRule[], settings: EngineSettings, now: number, loaders: Loaders = LOADERS): Promise<EvaluationResult> {
  return exclusive(db, () =>
    evaluateInFull(
      db,
      rules.filter((r) => r.timeBased),
      settings,
      now,
      false,
      loaders,
    ),
  );
}

/** The part of a change set an input reads; undefined when it reads none of the changed tables. */
function changesFor(reads: readonly string[], changes: ChangeSet): ChangeSet | undefined {
  const out: ChangeSet = {};
  let any = false;
  for (const table of reads) {
    const keys = changes[table];
    if (keys?.length) {
      out[table] = keys;
      any = true;
    }
  }
  return any ? out : undefined;
}

/**
 * Re-run what a write may have changed: each input that reads a changed table, for the subjects it says the change
 * affects, checked by the enabled rules that name it. The result equals `evaluateAll` on the same model (the property
 * tests in engine.test.ts and rules.test.ts check this), except for time-based rules' dependence on the clock, which
 * `evaluateTimeBased` covers. An input whose change affects `'all'` loads in full after the read transaction, so a long
 * read never holds the writers of the model back.
 */
export function evaluateChanges(db: AppDB, rules: readonly AnyRule[], settings: EngineSettings, changes: ChangeSet, now: number, loaders: Loaders = LOADERS): Promise<EvaluationResult> {
  return exclusive(db, async () => {
    const shared = sharedReads();
    const inFull: [string, Job[]][] = [];
    const model = db.tables.filter((t) => t.name !== 'findings' && t.name !== 'findingStates');
    const runs = await db.transaction('r', model, async () => {
      const out: RuleRun[] = [];
      for (const [name, jobs] of jobsByInput(rules, settings, loaders)) {
        const loader = loaders[name] as InputLoader;
        const relevant = changesFor(loader.reads, changes);
        if (!relevant) continue;
        let affected: readonly string[] | 'all';
        try {
          affected = await loader.affected(db, relevant, shared);
        } catch (error) {
          console.error(`[collab-lens] input ${name} failed to map a change; the findings of ${jobs.map((j) => j.rule.id).join(', ')} are kept as they were`, error);
          continue;
        }
        if (affected === 'all') inFull.push([name, jobs]);
        else if (affected.length) out.push(...(await runInput(db, name, loader, jobs, [...new Set(affected)], now, shared)));
      }
      return out;
    });
    for (const [name, jobs] of inFull) runs.push(...(await runInput(db, name, loaders[name] as InputLoader, jobs, undefined, now, sharedReads())));
    return commit(db, inRuleOrder(rules, runs), []);
  });
}
