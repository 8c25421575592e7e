import { defineExtensionMessaging } from '@webext-core/messaging';
import * as z from 'zod/mini';
import type { CaptureBatch } from '../capture/schema';
import type { PageSummary } from '../ingest/ingest';
import type { CreatorFigures } from '../queries/figures';

/**
 * The one typed protocol between the extension's contexts. The background owns every message except `revealRequest`,
 * which a page's content script answers. Inputs are validated with the schemas below where they are handled.
 */
/**
 * The background's answer to a batch. `ok: false` with `retry: false` means the batch itself is bad and will never be
 * stored (it is dropped, so it cannot block later captures); `retry: true` means storing failed and may work later.
 * What the batch changed stays in the background (the rule engine's input).
 */
export type IngestAck = ({ ok: true } & PageSummary) | { ok: false; retry: boolean; reason: string };

export interface ProtocolMap {
  ingestCaptures(data: CaptureBatch): IngestAck;
  getCreatorFigures(data: FiguresQuery): CreatorFigures[];
  revealRequest(data: RevealQuery): { found: boolean };
  // [section:imports]
  /** One chunk of an import's validated rows, staged until the import is committed or dropped. */
  stageImportRows(data: import('../import/message').StageChunk): import('../import/message').StageResponse;
  /** Commit a staged import: all its rows in one transaction, or nothing. */
  importRows(data: import('../import/message').ImportRequest): import('../import/message').ImportResponse;
  /** Forget a staged import that will not be committed. */
  dropStagedImport(data: import('../import/message').DropRequest): void;
  cancelImport(data: import('../import/message').CancelRequest): { cancelled: boolean };
  // [section:backup]
  /** Store the seller's settings (validated) and apply the new retention at once. */
  saveSettings(data: import('../settings').Settings): import('../settings').SaveSettingsAck;
  /** One part of a backup to restore; the last part restores the whole backup in one transaction. */
  restoreBackup(data: import('../backup/transfer').RestorePart): import('../backup/transfer').RestoreAck;
  // [section:language]
  saveLanguage(data: { language: import('../i18n/preference').LanguageChoice }): { ok: boolean };
  // [section:costs]
  /** The seller's costs per SKU (options page); a row with neither value clears that SKU's costs. */
  saveCosts(data: import('../costs/costs').SaveCostsRequest): import('../costs/costs').SaveCostsAck;
  // [section:rules]
  /** A shop's findings (of one subject kind, if given), formatted in `locale`, most urgent first. */
  getFindings(data: FindingsQuery): import('../rules/view').FindingView[];
  /** The seller dismisses, snoozes or restores a finding; the answer is the view state it has now. */
  setFindingState(data: FindingStateChange): FindingStateAck;
  /** Store the rule settings (validated) and re-evaluate every rule with them. */
  saveRuleSettings(data: import('../rules/settings').StoredRuleSettings): import('../rules/settings').SaveRuleSettingsAck;
  /** Background → Affiliate Center tabs: the findings of this shop changed; ask again. */
  findingsChanged(data: { shopKey: string }): void;
  // [section:annotations]
  /** Reliability cards of the creators among `handles` Collab Lens knows, for the shop's creator rows. */
  getCreatorCards(data: FiguresQuery): import('../queries/creator-card').CreatorCard[];
  // [section:popup]
  /** Rebuild one shop's popup aggregates (the popup asks when they are missing or of an older version). */
  rebuildAggregates(data: AggregatesQuery): { ok: boolean };
  /** Store the outreach settings (validated): the weekly invitation quota. */
  saveOutreachSettings(data: import('../aggregates/settings').OutreachSettings): import('../aggregates/settings').SaveOutreachAck;
  // [section:triage]
  /** The seller's triage marks on some of a shop's sample requests, all or none; `mark: null` clears them (undo). */
  setTriageMarks(data: TriageMarksChange): TriageMarksAck;
  /** The seller's tags, note, watch and block marks on a creator (validated); each field given replaces the stored one. */
  setCreatorMarks(data: import('../creators/marks').CreatorMarksChange): import('../creators/marks').CreatorMarksAck;
  /** A shop's flat cost per sample (validated, in the shop's currency), or `null` to remove it; the shop's creator rows follow. */
  saveSampleCost(data: import('../costs/sample-cost').SaveSampleCostRequest): import('../costs/sample-cost').SaveSampleCostAck;
  /** Rebuild a shop's creator rows if they are missing or out of date (the creators view asks when it opens). */
  ensureCreatorRows(data: AggregatesQuery): { ok: boolean };
  /** A badge on a page opens the creator's page of the creators view (lib/creators/open.ts). */
  openCreatorPage(data: import('../creators/pages').CreatorPageParams): { ok: boolean };
}

export const figuresQuery = z.object({
  shopKey: z.string().check(z.regex(/^[A-Z]{2}:(\d{1,24}|-)$/)),
  handles: z.array(z.string().check(z.regex(/^[a-z0-9._]{1,64}$/))).check(z.maxLength(1000)),
});
export type FiguresQuery = z.infer<typeof figuresQuery>;

export const revealQuery = z.object({
  applyId: z.string().check(z.regex(/^\d{1,24}$/)),
  handle: z.string().check(z.regex(/^[a-z0-9._]{1,64}$/)),
});
export type RevealQuery = z.infer<typeof revealQuery>;

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

// [section:rules]
const SUBJECT_KINDS = [
  'sampleRequest',
  'creator',
  'product',
  'openCollab',
  'invitation',
  'invitationProduct',
  'campaign',
  'registration',
  'orderSku',
  'shopAccount',
  'shop',
] as const satisfies readonly import('../rules/types').SubjectKind[];

export const findingsQuery = z.object({
  shopKey: figuresQuery.shape.shopKey,
  subject: z.optional(z.enum(SUBJECT_KINDS)),
  locale: z.enum(['en', 'id']),
});
export type FindingsQuery = z.infer<typeof findingsQuery>;

/** A snooze lasts until `until` (epoch ms), which must lie ahead and within a year. */
export const findingStateChange = z.object({
  id: z.string().check(z.minLength(3), z.maxLength(512)),
  action: z.enum(['dismiss', 'snooze', 'restore']),
  until: z.optional(z.int().check(z.gte(0))),
});
export type FindingStateChange = z.infer<typeof findingStateChange>;
export type FindingStateAck = { ok: true; state: 'active' | 'dismissed' | 'snoozed'; snoozedUntil?: number } | { ok: false };

// [section:popup]
export const aggregatesQuery = z.object({ shopKey: figuresQuery.shape.shopKey });
export type AggregatesQuery = z.infer<typeof aggregatesQuery>;

// [section:triage]
/** At most this many requests marked in one message (a bulk mark of the whole queue). */
export const MAX_MARKED = 10_000;
export const triageMarksChange = z.object({
  shopKey: figuresQuery.shape.shopKey,
  applyIds: z.array(revealQuery.shape.applyId).check(z.minLength(1), z.maxLength(MAX_MARKED)),
  mark: z.nullable(z.enum(['approve', 'reject', 'skip'])),
});
export type TriageMarksChange = z.infer<typeof triageMarksChange>;
export type TriageMarksAck = { ok: true; changed: number } | { ok: false };
