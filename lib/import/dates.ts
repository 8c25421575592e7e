import type { Cell } from './types';

/**
 * Dates and times as exports write them, read in the shop's time zone: `2025-01-31 13:45:12`, `2025/01/31 13:45`,
 * `31/01/2025 13:45` (or `01/31/2025` in the US), an ISO time with its offset, epoch seconds or milliseconds.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's offset from UTC at instant `t`, in ms. */
function offsetAt(t: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const p of zoneFormatter(zone).formatToParts(t)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const local = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return local - Math.floor(t / 1000) * 1000;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
}

/** A wall-clock time in `zone` to epoch ms; undefined for a date that does not exist (31 February). */
function zonedTime(w: WallClock, zone: string): number | undefined {
  const { year, month, day, hour = 0, minute = 0, second = 0 } = w;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(guess);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  const first = offsetAt(guess - offsetAt(guess, zone), zone);
  return guess - first;
}

const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const DMY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i;

/** For `aa/bb/yyyy` dates: does the file write the day first? Decided by any part above 12; undefined if none is. */
export function dayFirstEvidence(texts: Iterable<string>): boolean | undefined {
  for (const t of texts) {
    const m = DMY.exec(t.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) return true;
    if (Number(m[2]) > 12) return false;
  }
  return undefined;
}

export interface DateFormat {
  zone: string;
  dayFirst: boolean;
}

/** A date-time cell to epoch ms, or undefined. */
export function parseDateTime(cell: Cell, format: DateFormat): number | undefined {
  if (typeof cell === 'number') return epochOf(cell);
  const s = cell.trim();
  if (/^\d{10}$|^\d{13}$/.test(s)) return epochOf(Number(s));
  const ymd = YMD.exec(s);
  if (ymd) {
    const w = wall(ymd[1], ymd[2], ymd[3], ymd[4], ymd[5], ymd[6]);
    const offset = ymd[7];
    if (!offset) return zonedTime(w, format.zone);
    const utc = zonedTime(w, 'UTC');
    if (utc === undefined) return undefined;
    if (/^z$/i.test(offset)) return utc;
    const [, sign, hh, mm] = /^([+-])(\d{2}):?(\d{2})$/.exec(offset) ?? [];
    const minutes = Number(hh) * 60 + Number(mm);
    return utc - (sign === '-' ? -1 : 1) * minutes * 60_000;
  }
  const dmy = DMY.exec(s);
  if (dmy) {
    const [a, b] = format.dayFirst ? [dmy[1], dmy[2]] : [dmy[2], dmy[1]];
    let hour = dmy[4] === undefined ? undefined : Number(dmy[4]);
    const ampm = dmy[7]?.toUpperCase();
    if (hour !== undefined && ampm) {
      if (hour < 1 || hour > 12) return undefined;
      hour = (hour % 12) + (ampm === 'PM' ? 12 : 0);
    }
    return zonedTime({ ...wall(dmy[3], b, a, undefined, dmy[5], dmy[6]), hour }, format.zone);
  }
  return undefined;
}

function wall(y?: string, mo?: string, d?: string, h?: string, mi?: string, s?: string): WallClock {
  return {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: h === undefined ? undefined : Number(h),
    minute: mi === undefined ? undefined : Number(mi),
    second: s === undefined ? undefined : Number(s),
  };
}

/** Epoch seconds or ms from a number (anything else is not a time we read). */
function epochOf(n: number): number | undefined {
  if (!Number.isSafeInteger(n)) return undefined;
  if (n >= 1e9 && n < 1e10) return n * 1000;
  if (n >= 1e12 && n < 1e13) return n;
  return undefined;
}

/** A calendar date (`YYYY-MM-DD`, as a date input gives it) to the start of that day in `zone`. */
function dayStart(date: string, zone: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? zonedTime(wall(m[1], m[2], m[3]), zone) : undefined;
}

/** The period a seller gives as two calendar dates, both days included: `[start of first day, start of the day after the last)`. */
export function periodOf(from: string, to: string, zone: string): { start: number; end: number } | undefined {
  const start = dayStart(from, zone);
  const last = /^(\d{4})-(\d{2})-(\d{2})$/.exec(to);
  if (start === undefined || !last) return undefined;
  const next = new Date(Date.UTC(Number(last[1]), Number(last[2]) - 1, Number(last[3]) + 1));
  const end = zonedTime({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() }, zone);
  if (end === undefined || dayStart(to, zone) === undefined || end <= start) return undefined;
  return { start, end };
}
