import type { CreatorRow, ImportRequest, OrderRow } from './message';

/**
 * An import's identity: a SHA-256 of what the file says, not of its bytes. The same export as xlsx and as csv, with
 * its columns in another order, its rows sorted differently or re-saved by a spreadsheet, reads to the same rows, so it
 * is the same import. What the file says = its kind, the shop and period the seller gave, and every row as validated,
 * with each creator under the name the file wrote (not the known creator it matched: what Collab Lens knew when the
 * file was read must not make the same file a new import). The page computes it before sending; the background checks it.
 */

export type ImportContent = Pick<ImportRequest, 'shopKey' | 'period'> &
  ({ kind: 'creator-analysis'; rows: readonly CreatorRow[] } | { kind: 'orders'; rows: readonly OrderRow[] });

const HANDLE = /^@?[a-z0-9._]{1,64}$/i;

/** A creator name as written, reduced to what it says: `@Maya` = `maya`; a nickname with its spacing and case folded. */
export function nameKey(name: string): string {
  const s = name.normalize('NFKC').trim();
  return HANDLE.test(s) ? s.replace(/^@/, '').toLowerCase() : s.replace(/\s+/g, ' ').toLowerCase();
}

/** JSON with object keys sorted, so two objects with the same fields give the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function creatorContent(row: CreatorRow): string {
  const { handle, matchedBy: _m, ambiguous: _a, name, ...figures } = row;
  return canonical({ creator: nameKey(name ?? handle), ...figures });
}

const orderContent = (row: OrderRow) => canonical(row);

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A 64-bit hash of one row's text (two 32-bit multiply-xorshift lanes, cyrb53's mixing), so the identity holds 16
 * characters per row rather than the rows' whole text: 50,000 rows as one string to sort and encode took hundreds of
 * megabytes of the page's heap.
 */
function rowHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/** One validated row's hash, as the identity takes it. */
export function rowHashOf(kind: ImportContent['kind'], row: CreatorRow | OrderRow): string {
  return rowHash(kind === 'creator-analysis' ? creatorContent(row as CreatorRow) : orderContent(row as OrderRow));
}

/** SHA-256 over the kind, shop and period, then the rows' hashes in order (the rows' own order does not count); sorts `hashes`. */
export async function importIdOfHashes(head: Pick<ImportContent, 'kind' | 'shopKey' | 'period'>, hashes: string[]): Promise<string> {
  hashes.sort();
  const text = canonical({ v: 2, kind: head.kind, shopKey: head.shopKey, period: head.period });
  return sha256Hex(new TextEncoder().encode(`${text}\n${hashes.join('\n')}`));
}

export function importIdOf(content: ImportContent): Promise<string> {
  return importIdOfHashes(content, content.rows.map((r: CreatorRow | OrderRow) => rowHashOf(content.kind, r)));
}
