import * as z from 'zod/mini';
import type { AppDB } from '../db/app-db';
import type { CreatorMarks } from './model';

/**
 * The seller's own marks on a creator (`creatorMarks`, key handle): tags, a note, watch and block. Kept on this computer
 * and in the backup, copied into the creators view's rows, shown on the page badges; a blocked creator's sample request
 * is flagged in triage. Only the background writes them, through `setCreatorMarks`.
 *
 * Tags are normalised before they are bounded: Unicode NFC, a leading `#` dropped, runs of spaces made one, trimmed;
 * empty ones dropped and duplicates (ignoring case) kept once, in the order given. TikTok's own Manage Creators allows
 * ten tags per creator, so ten is the bound here too. A mark that is out of bounds is refused whole, never cut.
 */
export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 30;
export const MAX_NOTE_LENGTH = 1000;

const handle = z.string().check(z.regex(/^[a-z0-9._]{1,64}$/));

/**
 * A change of one creator's marks: each field given replaces the stored one, a field left out keeps it. The raw bounds
 * here only keep a message small; the real ones apply after normalising.
 */
export const creatorMarksChange = z.object({
  handle,
  tags: z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(100))),
  note: z.optional(z.string().check(z.maxLength(MAX_NOTE_LENGTH * 2))),
  watch: z.optional(z.boolean()),
  blocked: z.optional(z.boolean()),
});
export type CreatorMarksChange = z.infer<typeof creatorMarksChange>;

export type CreatorMarksAck = { ok: true; marks: CreatorMarks | null } | { ok: false; reason: 'invalid' | 'tags' | 'note' };

// Control characters (C0, DEL, C1) and the bidirectional overrides that could make a tag read as something else.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const codePoints = (s: string) => [...s].length;

/** Normalised tags, or undefined when one has a control character or is too long, or there are too many. */
export function normaliseTags(raw: readonly string[]): string[] | undefined {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const r of raw) {
    const tag = r.normalize('NFC').replace(/\s+/gu, ' ').trim().replace(/^#+\s*/u, '');
    if (tag === '') continue;
    if (CONTROL.test(tag) || codePoints(tag) > MAX_TAG_LENGTH) return undefined;
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out.length > MAX_TAGS ? undefined : out;
}

/** A normalised note (line breaks kept, other control characters refused), or undefined when it is not valid. */
export function normaliseNote(raw: string): string | undefined {
  const note = raw.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u.test(note) || codePoints(note) > MAX_NOTE_LENGTH) return undefined;
  return note;
}

const isEmpty = (m: Omit<CreatorMarks, 'handle' | 'updatedAt'>) => m.tags.length === 0 && !m.note && m.watch === 0 && m.blocked === 0;

/**
 * Validate a change, apply it to the stored marks and copy them into the creator's rows of the creators view, in one
 * transaction. Marks left with nothing in them are removed. A refused change stores nothing.
 */
export async function setCreatorMarks(db: AppDB, raw: unknown, now: number): Promise<CreatorMarksAck> {
  const parsed = creatorMarksChange.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const change = parsed.data;
  const tags = change.tags === undefined ? undefined : normaliseTags(change.tags);
  if (change.tags !== undefined && tags === undefined) return { ok: false, reason: 'tags' };
  const note = change.note === undefined ? undefined : normaliseNote(change.note);
  if (change.note !== undefined && note === undefined) return { ok: false, reason: 'note' };

  return db.transaction('rw', db.creatorMarks, db.creatorRows, async () => {
    const before = await db.creatorMarks.get(change.handle);
    const next = {
      tags: tags ?? before?.tags ?? [],
      note: note ?? before?.note,
      watch: change.watch === undefined ? (before?.watch ?? 0) : change.watch ? 1 : 0,
      blocked: change.blocked === undefined ? (before?.blocked ?? 0) : change.blocked ? 1 : 0,
    } as const;
    const marks: CreatorMarks | null = isEmpty(next) ? null : { handle: change.handle, tags: next.tags, ...(next.note ? { note: next.note } : {}), watch: next.watch, blocked: next.blocked, updatedAt: now };
    if (marks) await db.creatorMarks.put(marks);
    else if (before) await db.creatorMarks.delete(change.handle);
    await copyMarks(db, change.handle, marks, now);
    return { ok: true, marks };
  });
}

/** Copy a creator's marks into every row of theirs in the creators view (any shop, any period). */
export async function copyMarks(db: AppDB, handle: string, marks: CreatorMarks | null, now: number): Promise<number> {
  const tags = marks?.tags ?? [];
  const watch = marks?.watch ?? 0;
  const blocked = marks?.blocked ?? 0;
  return db.creatorRows
    .where('handle')
    .equals(handle)
    .filter((r) => r.watch !== watch || r.blocked !== blocked || JSON.stringify(r.tags) !== JSON.stringify(tags))
    .modify({ tags, watch, blocked, updatedAt: now });
}
