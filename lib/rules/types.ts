import type { AppDB } from '../db/app-db';
import type { Money } from '../domain/money';
import type { SourceRef } from '../domain/types';

/**
 * Rules are data plus a small pure function. A rule says what it is about (`subject`), names the input it checks
 * (`input`: a shared loader in lib/rules/inputs/, which knows the tables it reads, maps a change to the subjects it
 * affects and loads the input for some subjects), and has a pure `check` that turns one subject's input into findings
 * with the evidence behind them. The engine (lib/rules/engine.ts) runs rules in full or incrementally, loading each
 * input once for all the rules that check it, and keeps `findings` in Dexie. The screens read only the texts
 * (`RuleTexts`, lib/rules/catalogue.ts).
 */

export type Severity = 'high' | 'medium' | 'low';

/** One whole sentence per language, with `{name}` placeholders filled from a finding's params. Never concatenated. */
export interface Texts {
  en: string;
  id: string;
}

/** What a finding is about: the Dexie table of that entity, keyed by its primary key (a shop: `shopKey`). */
export type SubjectKind =
  | 'sampleRequest'
  | 'creator'
  | 'product'
  | 'openCollab'
  | 'invitation'
  | 'invitationProduct'
  | 'campaign'
  | 'registration'
  | 'orderSku'
  | 'shopAccount'
  | 'shop';

/** A threshold the seller can change in the options page; `default` must lie in `[min, max]`. */
export interface ThresholdSpec {
  label: Texts;
  unit: 'hours' | 'days' | 'percent' | 'count' | 'bps' | 'ratio';
  default: number;
  min: number;
  max: number;
}

/** A finding's placeholder value; the UI formats it for the reader's language and the shop's currency (`text`: a word in both languages). */
export type Param = string | number | { bps: number } | { money: Money } | { at: number } | { duration: number } | { text: Texts };

/** A record that triggered a finding: which entity, where and when it was seen. */
export interface Evidence {
  entity: string;
  key: string;
  /** When Collab Lens saw it (epoch ms UTC). */
  seenAt?: number;
  source?: SourceRef;
  /** Is the figure estimated or actual, SKU orders or orders: said here when it matters. */
  basis?: 'estimated' | 'actual' | 'sku-orders' | 'orders' | 'seller-entered';
}

/** What a rule's `check` returns: a finding without the engine's bookkeeping. */
export interface FindingDraft {
  subject: SubjectKind;
  /** The subject's primary key; must be the key of the input `check` was given. */
  subjectKey: string;
  shopKey: string;
  /** Tells apart several findings of one rule on one subject (e.g. `review` and `ship` deadlines). */
  variant?: string;
  params: Record<string, Param>;
  evidence: Evidence[];
  /** When the finding's deadline passes (epoch ms), for ordering and notifications. */
  dueAt?: number;
  /** Overrides the rule's severity for this finding. */
  severity?: Severity;
}

/** A stored finding (table `findings`). */
export interface Finding extends FindingDraft {
  /** `ruleId|subjectKey` or `ruleId|subjectKey|variant` */
  id: string;
  ruleId: string;
  severity: Severity;
  /** When this finding first appeared, kept across re-evaluations while its cause lasts. */
  firstSeenAt: number;
  /** The evaluation that last wrote it: a finding that still holds unchanged is not written again. */
  evaluatedAt: number;
}

/** The seller's decision about one finding (table `findingStates`); survives re-evaluation and the finding's absence. */
export interface FindingState {
  id: string;
  dismissedAt?: number;
  snoozedUntil?: number;
  /** When a browser notification was raised for it (at most once). */
  notifiedAt?: number;
}

/**
 * Primary keys (as strings; compound keys joined with `|`) that one write changed, per Dexie table name. For `snapshots`
 * and `transitions`, whose keys the database generates, the `entity|key` each row is about.
 */
export type ChangeSet = Partial<Record<string, readonly string[]>>;

/** Every input a rule's `check` gets is about one subject. */
export interface SubjectInput {
  key: string;
}

export interface RuleContext<T extends Record<string, number>> {
  thresholds: T;
  /** Evaluation time (epoch ms UTC); `check` never reads the clock itself. */
  now: number;
}

/** What the screens show of a rule, and what its settings are: everything but how it is checked. */
export interface RuleTexts<T extends Record<string, number> = Record<string, number>> {
  /** Equal to the rule's file name. */
  id: string;
  title: Texts;
  /** Why it matters and what to do, for the options page and the finding's detail. */
  explanation: Texts;
  /** The finding's one-line message, with the placeholders its params fill. */
  message: Texts;
  /**
   * Whole-sentence messages for findings whose `variant` needs a different sentence (a rejection's reason, a blocked
   * registration); a finding whose variant is not listed uses `message`, which stays true for every variant.
   */
  variantMessages?: Readonly<Record<string, Texts>>;
  severity: Severity;
  subject: SubjectKind;
  thresholds: { [K in keyof T]: ThresholdSpec };
  /** Findings depend on the clock: re-run from `chrome.alarms` as well as on changes. */
  timeBased?: boolean;
  /** A deadline finding that may raise a browser notification, once, when the seller enabled notifications. */
  notify?: boolean;
}

export interface Rule<I extends SubjectInput = SubjectInput, T extends Record<string, number> = Record<string, number>> extends RuleTexts<T> {
  /** The shared input `check` gets, one per subject of the rule's `subject` kind: a key of `LOADERS` (lib/rules/inputs). */
  input: string;
  /** Pure: the findings for one subject. */
  check(input: I, ctx: RuleContext<T>): FindingDraft[];
}

/** The rule registry's element type: rules with their own input and threshold types. */
export type AnyRule = Rule<any, any>;

/**
 * Reads that several loaders of one evaluation need (a category's commission observations): made once per evaluation,
 * by the first loader that asks.
 */
export interface SharedReads {
  once<T>(key: string, read: () => Promise<T>): Promise<T>;
}

/**
 * A shared input: written once, used by every rule that names it. Background only (it reads Dexie); the screens never
 * import it.
 */
export interface InputLoader<I extends SubjectInput = SubjectInput> {
  /** Tables whose changes can change the input of some subject. */
  reads: readonly string[];
  /** The subjects a change affects (only tables in `reads` are passed), or `'all'` when an aggregate moved. */
  affected(db: AppDB, changes: ChangeSet, shared: SharedReads): Promise<readonly string[] | 'all'>;
  /**
   * One input per existing subject among `keys` (every subject that may have a finding when `keys` is undefined). An
   * input loaded for a subject always carries what `check` needs to clear a finding whose cause went away.
   */
  load(db: AppDB, keys: readonly string[] | undefined, now: number, shared: SharedReads): Promise<I[]>;
}
