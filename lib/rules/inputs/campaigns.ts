import type { AppDB } from '../../db/app-db';
import type { Campaign, Registration } from '../../domain/types';
import { campaignRegistrationClosing, type CampaignRegistrationsInput } from '../campaign-registration-closing';
import { campaignStartingSoon, type CampaignApprovalsInput } from '../campaign-starting-soon';
import type { ChangeSet, InputLoader } from '../types';
import { HOUR_MS, changedKeys, keyParts, type RegistrationInput } from '../util';
import { keysWhere, productsById, rowsWhere } from './read';

/** The shared inputs about partner campaigns and the seller's product registrations in them. */

/** Registrations by key (every one when `keys` is undefined), with their campaigns and product titles. */
export const registrations: InputLoader<RegistrationInput> = {
  reads: ['registrations', 'campaigns', 'products'],
  async affected(db, changes) {
    const [byCampaign, byProduct] = await Promise.all([
      keysWhere(db.registrations, 'campaignId', changedKeys(changes, 'campaigns')),
      keysWhere(db.registrations, 'productId', changedKeys(changes, 'products')),
    ]);
    return [...new Set([...changedKeys(changes, 'registrations'), ...byCampaign, ...byProduct])];
  },
  async load(db, keys) {
    const rows = keys ? (await db.registrations.bulkGet([...keys])).filter((r): r is Registration => r !== undefined) : await db.registrations.toArray();
    const campaignIds = [...new Set(rows.map((r) => r.campaignId))];
    const [campaigns, products] = await Promise.all([db.campaigns.bulkGet(campaignIds), productsById(db, rows.map((r) => r.productId))]);
    const campaignById = new Map(campaigns.flatMap((c) => (c ? [[c.id, c] as const] : [])));
    return rows.map((registration) => ({
      key: registration.key,
      registration,
      campaign: campaignById.get(registration.campaignId),
      productTitle: products.get(registration.productId)?.title,
    }));
  },
};

/** The campaigns a change touches: changed ones, and those of a changed registration. */
const campaignsAffected = async (_db: AppDB, changes: ChangeSet) => [
  ...new Set([...changedKeys(changes, 'campaigns'), ...changedKeys(changes, 'registrations').map((k) => keyParts(k)[0])]),
];

const campaignsByKey = async (db: AppDB, keys: readonly string[]) =>
  (await db.campaigns.bulkGet([...keys])).filter((c): c is Campaign => c !== undefined);

/** A campaign with how many registrations of it Collab Lens has seen; in full, those whose registration closes soon. */
export const campaignRegistrations: InputLoader<CampaignRegistrationsInput> = {
  reads: ['campaigns', 'registrations'],
  affected: campaignsAffected,
  async load(db, keys, now) {
    const maxHours = campaignRegistrationClosing.thresholds.hours.max;
    const campaigns = keys ? await campaignsByKey(db, keys) : await db.campaigns.where('registrationEndAt').between(now, now + maxHours * HOUR_MS, false, true).toArray();
    const registered = await rowsWhere(db.registrations, 'campaignId', campaigns.map((c) => c.id));
    const counts = new Map<string, number>();
    for (const r of registered) counts.set(r.campaignId, (counts.get(r.campaignId) ?? 0) + 1);
    return campaigns.map((campaign) => ({ key: campaign.id, campaign, registrations: counts.get(campaign.id) ?? 0 }));
  },
};

/** A campaign with its approved registrations; in full, those that start soon. */
export const campaignApprovals: InputLoader<CampaignApprovalsInput> = {
  reads: ['campaigns', 'registrations'],
  affected: campaignsAffected,
  async load(db, keys, now) {
    const maxHours = campaignStartingSoon.thresholds.hours.max;
    // Campaigns have no start-time index; the table holds what the seller browsed, a few hundred rows at most.
    const campaigns = keys
      ? await campaignsByKey(db, keys)
      : await db.campaigns.filter((c) => c.campaignStartAt !== undefined && c.campaignStartAt > now && c.campaignStartAt <= now + maxHours * HOUR_MS).toArray();
    const rows = await rowsWhere(db.registrations, 'campaignId', campaigns.map((c) => c.id));
    const approved = new Map<string, Registration[]>();
    for (const r of rows) {
      if (r.state !== 'APPROVED') continue;
      const list = approved.get(r.campaignId);
      if (list) list.push(r);
      else approved.set(r.campaignId, [r]);
    }
    return campaigns.map((campaign) => ({ key: campaign.id, campaign, approved: approved.get(campaign.id) ?? [] }));
  },
};
