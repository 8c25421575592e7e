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
  importRows(data: import('../import/message').ImportRequest): import('../import/message').ImportResponse;
  cancelImport(data: import('../import/message').CancelRequest): { cancelled: boolean };
  // [section:backup]
  /** Store the seller's settings (validated) and apply the new retention at once. */
  saveSettings(data: import('../settings').Settings): import('../settings').SaveSettingsAck;
  /** One part of a backup to restore; the last part restores the whole backup in one transaction. */
  restoreBackup(data: import('../backup/transfer').RestorePart): import('../backup/transfer').RestoreAck;
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
