import type { ShopAccount } from '../../domain/types';
import { latestLook, type ShowcaseAccountsInput } from '../showcase-account-limits';
import type { InputLoader } from '../types';
import { changedKeys, keyParts } from '../util';
import { INSIGHT_ENDPOINTS, type AnalyticsReviewInput } from '../weekly-analytics-review';

/** The shared inputs about one shop. */

/** A shop's linked accounts in its latest look, and the same accounts as other shops list them. */
export const shopAccounts: InputLoader<ShowcaseAccountsInput> = {
  reads: ['accounts'],
  async affected(db, changes) {
    const changedShops = new Set(changedKeys(changes, 'accounts').map((k) => keyParts(k)[0]));
    // A change can move which accounts belong to a changed shop's latest look, so every shop that lists any account of
    // a changed shop may gain or lose a shared account. The table holds a handful of accounts per shop: read it whole.
    const rows = await db.accounts.toArray();
    const accountIds = new Set(rows.filter((a) => changedShops.has(a.shopKey)).map((a) => a.accountId));
    return [...new Set([...changedShops, ...rows.filter((a) => accountIds.has(a.accountId)).map((a) => a.shopKey)])];
  },
  async load(db, keys) {
    const [shopKeys, rows] = await Promise.all([
      keys ? db.shops.bulkGet([...keys]).then((shops) => shops.flatMap((s) => (s ? [s.key] : []))) : db.shops.toCollection().primaryKeys(),
      db.accounts.toArray(),
    ]);
    const looks = latestLook(rows);
    const byAccount = new Map<string, ShopAccount[]>();
    for (const a of [...looks.values()].flat()) byAccount.set(a.accountId, [...(byAccount.get(a.accountId) ?? []), a]);
    return shopKeys.map((key) => {
      const accounts = looks.get(key) ?? [];
      const elsewhere = accounts.flatMap((a) => (byAccount.get(a.accountId) ?? []).filter((o) => o.shopKey !== key));
      return { key, accounts, elsewhere };
    });
  },
};

/** When Collab Lens first saw a shop, and the shop's latest sighting of an Insights page. */
export const analyticsReviews: InputLoader<AnalyticsReviewInput> = {
  reads: ['shops', 'observations'],
  async affected(db, changes) {
    const observations = await db.observations.bulkGet([...changedKeys(changes, 'observations')]);
    const reviewed = observations.flatMap((o) => (o && INSIGHT_ENDPOINTS.includes(o.endpoint) ? [o.shopKey] : []));
    return [...new Set([...changedKeys(changes, 'shops'), ...reviewed])];
  },
  async load(db, keys) {
    const [shops, observations] = await Promise.all([
      keys ? db.shops.bulkGet([...keys]) : db.shops.toArray(),
      db.observations.where('endpoint').anyOf([...INSIGHT_ENDPOINTS]).toArray(),
    ]);
    const last = new Map<string, AnalyticsReviewInput['lastReview']>();
    for (const o of observations) {
      const prev = last.get(o.shopKey);
      if (!prev || o.lastSeenAt > prev.at) last.set(o.shopKey, { observationId: o.id, at: o.lastSeenAt, endpoint: o.endpoint, page: o.page });
    }
    return shops.flatMap((s) => (s ? [{ key: s.key, watchedSince: s.firstSeenAt, lastReview: last.get(s.key) }] : []));
  },
};
