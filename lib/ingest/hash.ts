/** FNV-1a over a string, 52 bits as hex: a stable id for a set of record keys (not a security hash). */
export function fnv1a52(input: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return ((h2 & 0xfffff) * 0x100000000 + h1).toString(16).padStart(13, '0');
}
