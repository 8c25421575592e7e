import type { Settlement } from './types';

/**
 * The affiliate-order settlement status as TikTok spells it (research/domain.md §1.6: `Unknown`, `AWAITING PAYMENT`,
 * `To-SETTLE`, `SETTLED`, `INELIGIBLE`, with odd casing, spaces and hyphens), normalised. `UNSPECIFIED` (the
 * creator-side enum's "none") reads as unknown; anything else not listed is `UNKNOWN` too, and the caller keeps the raw
 * value beside it.
 */
const SETTLEMENTS: Readonly<Record<string, Settlement>> = {
  UNKNOWN: 'UNKNOWN',
  UNSPECIFIED: 'UNKNOWN',
  AWAITING_PAYMENT: 'AWAITING_PAYMENT',
  TO_SETTLE: 'TO_SETTLE',
  SETTLED: 'SETTLED',
  INELIGIBLE: 'INELIGIBLE',
};

export function normaliseSettlement(raw: string): Settlement {
  return SETTLEMENTS[raw.trim().toUpperCase().replace(/[\s_-]+/g, '_')] ?? 'UNKNOWN';
}
