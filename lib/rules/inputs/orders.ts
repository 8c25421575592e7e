import { Dexie } from 'dexie';
import type { AppDB } from '../../db/app-db';
import type { OrderSku } from '../../domain/types';
import { rankCreators, topCreatorsNotThanked, WINDOW_DAYS, type CreatorStanding, type TopCreatorInput } from '../top-creators-not-thanked';
import type { InputLoader } from '../types';
import { changedKeys, DAY_MS, keyParts } from '../util';

/** The shared inputs about affiliate orders. */

/** One affiliate order line. */
export const orderSkus: InputLoader<OrderSku> = {
  reads: ['orderSkus'],
  affected: async (_db, changes) => changedKeys(changes, 'orderSkus'),
  async load(db, keys) {
    if (!keys) return db.orderSkus.toArray();
    return (await db.orderSkus.bulkGet([...keys])).filter((r): r is OrderSku => r !== undefined);
  },
};

/** The latest target invitation each (shop, creator) pair got, read for the given creators in two bulk requests. */
async function lastInvitations(db: AppDB, handles: readonly string[], now: number): Promise<Map<string, CreatorStanding['lastMessage']>> {
  const out = new Map<string, CreatorStanding['lastMessage']>();
  if (!handles.length) return out;
  const links = await db.invitationCreators.where('handle').anyOf([...handles]).toArray();
  const invitations = await db.invitations.bulkGet([...new Set(links.map((l) => l.invitationId))]);
  const byId = new Map(invitations.flatMap((i) => (i ? [[i.id, i] as const] : [])));
  for (const l of links) {
    const inv = byId.get(l.invitationId);
    if (!inv || inv.shopKey !== l.shopKey) continue;
    const at = inv.startAt ?? inv.firstSeenAt;
    if (at > now) continue;
    const pair = `${l.shopKey}|${l.handle}`;
    const prev = out.get(pair);
    if (!prev || at > prev.at) out.set(pair, { invitationId: inv.id, name: inv.name, at, lastSeenAt: inv.lastSeenAt, source: inv.source });
  }
  return out;
}

/** A creator's standing among each shop's best creators by attributed GMV over the window, with the shop's last message. */
export const topCreators: InputLoader<TopCreatorInput> = {
  reads: ['orders', 'orderSkus', 'invitations', 'invitationCreators'],
  async affected(db, changes) {
    // The ranking is an aggregate over every creator of a shop: an order row can move anyone in or out of the top.
    if (changedKeys(changes, 'orderSkus').length || changedKeys(changes, 'orders').length) return 'all';
    const invitationIds = changedKeys(changes, 'invitations');
    const invited = invitationIds.length
      ? await db.invitationCreators
          .where('[invitationId+handle]')
          .inAnyRange(invitationIds.map((id) => [[id, Dexie.minKey], [id, Dexie.maxKey]]))
          .primaryKeys()
      : [];
    return [...new Set([...changedKeys(changes, 'invitationCreators').map((k) => keyParts(k)[1]), ...invited.map(([, handle]) => handle)])];
  },
  async load(db, keys, now) {
    const from = now - WINDOW_DAYS * DAY_MS;
    const shopKeys = (await db.orders.orderBy('shopKey').uniqueKeys()) as string[];
    const windows = await Promise.all(
      shopKeys.map((shopKey) => db.orderSkus.where('[shopKey+createdAt]').between([shopKey, from], [shopKey, now], true, true).toArray()),
    );
    const wanted = keys && new Set(keys);
    // Only a creator within the largest top count the settings allow can ever get a finding.
    const ranked = shopKeys.flatMap((shopKey, i) =>
      rankCreators(shopKey, windows[i] ?? [])
        .slice(0, topCreatorsNotThanked.thresholds.topCount.max)
        .map((c, index) => ({ ...c, shopKey, rank: index + 1 }))
        .filter((c) => !wanted || wanted.has(c.handle)),
    );
    const messages = await lastInvitations(db, [...new Set(ranked.map((c) => c.handle))], now);
    const byHandle = new Map<string, CreatorStanding[]>();
    for (const c of ranked) {
      const standing: CreatorStanding = {
        shopKey: c.shopKey,
        rank: c.rank,
        gmv: { minor: c.tally.gmv, currency: c.currency },
        settled: { minor: c.tally.settled, currency: c.currency },
        skuOrders: c.tally.skuOrders,
        orders: c.tally.orders.size,
        latestRow: { key: c.tally.latestRow.key, lastSeenAt: c.tally.latestRow.lastSeenAt, source: c.tally.latestRow.source },
        lastMessage: messages.get(`${c.shopKey}|${c.handle}`),
      };
      byHandle.set(c.handle, [...(byHandle.get(c.handle) ?? []), standing]);
    }
    return [...byHandle].map(([key, standings]) => ({ key, standings }));
  },
};
