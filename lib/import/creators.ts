/**
 * The creator a name in a creator analysis export stands for. `Creator name` may hold a handle (`@glowwithmaya`,
 * `glowwithmaya`) or a nickname (`Maya ✨ Glow`): a known handle wins, then a nickname only one known creator has; a
 * name that matches nobody is kept as written (in handle form when it looks like a handle).
 */

export interface KnownCreator {
  handle: string;
  nickname?: string;
}

export type MatchedBy = 'handle' | 'nickname';

export interface CreatorMatch {
  /** The join key: a known creator's handle, or the name as the file gives it. */
  handle: string;
  matchedBy?: MatchedBy;
  /** Set when the nickname belongs to more than one known creator (so none was chosen). */
  ambiguous?: boolean;
}

const HANDLE = /^@?[a-z0-9._]{1,64}$/i;
const nicknameKey = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

export class CreatorIndex {
  private readonly handles = new Set<string>();
  private readonly nicknames = new Map<string, string[]>();

  constructor(creators: Iterable<KnownCreator>) {
    for (const c of creators) {
      this.handles.add(c.handle);
      if (!c.nickname) continue;
      const key = nicknameKey(c.nickname);
      if (!key) continue;
      const list = this.nicknames.get(key) ?? [];
      list.push(c.handle);
      this.nicknames.set(key, list);
    }
  }

  /** Undefined for a blank name. */
  match(name: string): CreatorMatch | undefined {
    const trimmed = name.normalize('NFKC').trim();
    if (!trimmed) return undefined;
    const asHandle = trimmed.replace(/^@/, '').toLowerCase();
    if (HANDLE.test(trimmed) && this.handles.has(asHandle)) return { handle: asHandle, matchedBy: 'handle' };
    const owners = this.nicknames.get(nicknameKey(trimmed));
    if (owners?.length === 1 && owners[0]) return { handle: owners[0], matchedBy: 'nickname' };
    const kept = HANDLE.test(trimmed) ? asHandle : trimmed;
    return owners && owners.length > 1 ? { handle: kept, ambiguous: true } : { handle: kept };
  }
}
