/**
 * The creator a row of a creator analysis export stands for, among the creators Collab Lens knows (the same identities
 * captured pages build: a handle, with every platform id kept as an alias). `Creator name` may hold a handle
 * (`@glowwithmaya`, `glowwithmaya`) or a nickname (`Maya ✨ Glow`); some exports add a creator id. A known handle wins,
 * then a known platform id, then a nickname only one known creator has. A name that matches nobody is kept as written
 * (in handle form when it is one: that creator then becomes known from the import).
 */

export interface KnownCreator {
  handle: string;
  nickname?: string;
  /** Platform ids, prefixed by their kind (`cid:…`, `oecuid:…`), as `Creator.aliases` keeps them. */
  aliases?: readonly string[];
}

export type MatchedBy = 'handle' | 'alias' | 'nickname';

export interface CreatorMatch {
  /** The join key: a known creator's handle, or the name as the file gives it. */
  handle: string;
  matchedBy?: MatchedBy;
  /** Set when the nickname belongs to more than one known creator (so none was chosen). */
  ambiguous?: boolean;
}

const HANDLE = /^@?[a-z0-9._]{1,64}$/i;
const nicknameKey = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
/** The id in an alias (`cid:7493…` → `7493…`): an export's id column does not say which kind of id it holds. */
const aliasId = (alias: string) => alias.slice(alias.indexOf(':') + 1);

/** Whether a creator key is a TikTok handle (a name that is not one stays under the name the file wrote). */
export const isHandle = (key: string) => /^[a-z0-9._]{1,64}$/.test(key);

function add(map: Map<string, string[]>, key: string, handle: string) {
  const list = map.get(key) ?? [];
  if (!list.includes(handle)) list.push(handle);
  map.set(key, list);
}

export class CreatorIndex {
  private readonly handles = new Set<string>();
  private readonly nicknames = new Map<string, string[]>();
  private readonly ids = new Map<string, string[]>();

  constructor(creators: Iterable<KnownCreator>) {
    for (const c of creators) {
      this.handles.add(c.handle);
      for (const alias of c.aliases ?? []) add(this.ids, aliasId(alias), c.handle);
      const key = c.nickname ? nicknameKey(c.nickname) : '';
      if (key) add(this.nicknames, key, c.handle);
    }
  }

  /** Undefined for a blank name. */
  match(name: string, creatorId?: string): CreatorMatch | undefined {
    const trimmed = name.normalize('NFKC').trim();
    if (!trimmed) return undefined;
    const asHandle = trimmed.replace(/^@/, '').toLowerCase();
    if (HANDLE.test(trimmed) && this.handles.has(asHandle)) return { handle: asHandle, matchedBy: 'handle' };
    const byId = creatorId === undefined ? undefined : this.ids.get(creatorId);
    if (byId?.length === 1 && byId[0]) return { handle: byId[0], matchedBy: 'alias' };
    const owners = this.nicknames.get(nicknameKey(trimmed));
    if (owners?.length === 1 && owners[0]) return { handle: owners[0], matchedBy: 'nickname' };
    const kept = HANDLE.test(trimmed) ? asHandle : trimmed;
    return owners && owners.length > 1 ? { handle: kept, ambiguous: true } : { handle: kept };
  }
}
