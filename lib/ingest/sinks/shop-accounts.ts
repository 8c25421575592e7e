import type { ShopAccountFact } from '../../adapters/shop-accounts';
import type { ShopAccount } from '../../domain/types';
import type { Sighting } from '../merge';
import type { Sink } from './sink';

/** The shop's linked TikTok accounts; a role seen for the first time (official, marketing, affiliate) is a transition. */

export const shopAccountKey = (shopKey: string, accountId: string) => `${shopKey}|${accountId}`;

export function mergeShopAccount(prev: ShopAccount | undefined, f: ShopAccountFact, s: Sighting): { entity: ShopAccount; roleChanged: boolean } {
  const newer = !prev || s.seenAt >= prev.lastSeenAt;
  // An older sighting, or a role we cannot read, never replaces a known role.
  const takeRole = newer && (f.role !== 'unknown' || !prev || prev.role === 'unknown');
  const entity: ShopAccount = {
    key: shopAccountKey(s.shopKey, f.accountId),
    shopKey: s.shopKey,
    accountId: f.accountId,
    handle: (newer ? f.handle : undefined) ?? prev?.handle ?? f.handle,
    nickname: (newer ? f.nickname : undefined) ?? prev?.nickname ?? f.nickname,
    role: takeRole ? f.role : (prev?.role ?? f.role),
    roleRaw: takeRole ? f.roleRaw : (prev?.roleRaw ?? f.roleRaw),
    linkedAt: (newer ? f.linkedAt : undefined) ?? prev?.linkedAt ?? f.linkedAt,
    source: newer ? s.source : prev.source,
    firstSeenAt: Math.min(prev?.firstSeenAt ?? s.seenAt, s.seenAt),
    lastSeenAt: Math.max(prev?.lastSeenAt ?? s.seenAt, s.seenAt),
  };
  return { entity, roleChanged: takeRole && (!prev || prev.role !== entity.role || prev.roleRaw !== entity.roleRaw) };
}

export const shopAccountsSink: Sink<ShopAccountFact> = {
  keyOf: (f) => f.accountId,
  apply: async ({ tables, sighting, history }, facts) => {
    const prev = await tables.accounts.bulkGet(facts.map((f) => shopAccountKey(sighting.shopKey, f.accountId)));
    const merged = facts.map((f, i) => {
      const { entity, roleChanged } = mergeShopAccount(prev[i], f, sighting);
      if (roleChanged) history.transition('shopAccount', entity.key, prev[i]?.role, entity.role, entity.roleRaw);
      return entity;
    });
    await tables.accounts.bulkPut(merged);
  },
};
