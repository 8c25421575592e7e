import type { CampaignFact, ContactValue, RegistrationFact } from '../../adapters/campaigns';
import type { Campaign, ContactChannel, Registration } from '../../domain/types';
import type { Sighting } from '../merge';
import { mergeAll, type Sink, type SinkContext } from './sink';

/**
 * Partner campaigns and the seller's product registrations. Pure merges (a fact older than what is stored fills gaps
 * only; merging the same fact twice gives the same entity), then one bulk write per table, a status transition on each
 * first sighting of a state, a snapshot of the terms when they change, and contacts kept apart.
 */

const span = (prev: { firstSeenAt: number; lastSeenAt: number } | undefined, seenAt: number) => ({
  firstSeenAt: Math.min(prev?.firstSeenAt ?? seenAt, seenAt),
  lastSeenAt: Math.max(prev?.lastSeenAt ?? seenAt, seenAt),
});

/** The newer sighting's value when it has one; else what is stored; else the older sighting's. */
const pick = <T>(newer: boolean, fact: T | undefined, prev: T | undefined): T | undefined => (newer ? (fact ?? prev) : (prev ?? fact));

const channelsOf = (contacts: readonly ContactValue[]): ContactChannel[] => [...new Set(contacts.map((c) => c.channel))].sort();

export interface Merged<T> {
  entity: T;
  /** The sighting is not older than what was stored: its status, contacts and terms count. */
  newer: boolean;
  statusChanged: boolean;
}

export function mergeCampaign(prev: Campaign | undefined, f: CampaignFact, s: Sighting): Merged<Campaign> {
  const newer = !prev || s.seenAt >= prev.lastSeenAt;
  const statusKnown = f.status !== 'UNKNOWN' || !prev || prev.status === 'UNKNOWN';
  const takeStatus = newer && statusKnown;
  const status = takeStatus ? f.status : (prev?.status ?? f.status);
  const statusRaw = takeStatus ? f.statusRaw : (prev?.statusRaw ?? f.statusRaw);
  const contactChannels = newer && f.contacts ? channelsOf(f.contacts) : (prev?.contactChannels ?? channelsOf(f.contacts ?? []));
  return {
    newer,
    statusChanged: takeStatus && (!prev || prev.status !== status || prev.statusRaw !== statusRaw),
    entity: {
      id: f.id,
      shopKey: prev?.shopKey ?? s.shopKey,
      name: (newer ? f.name : prev?.name) ?? f.name,
      kind: (newer ? f.kind : prev?.kind) ?? f.kind,
      scope: pick(newer, f.scope, prev?.scope),
      partnerName: pick(newer, f.partnerName, prev?.partnerName),
      partnerId: pick(newer, f.partnerId, prev?.partnerId),
      status,
      statusRaw,
      description: pick(newer, f.description, prev?.description),
      region: pick(newer, f.region, prev?.region),
      registrationStartAt: pick(newer, f.registrationStartAt, prev?.registrationStartAt),
      registrationEndAt: pick(newer, f.registrationEndAt, prev?.registrationEndAt),
      campaignStartAt: pick(newer, f.campaignStartAt, prev?.campaignStartAt),
      campaignEndAt: pick(newer, f.campaignEndAt, prev?.campaignEndAt),
      commissionRequirementBps: pick(newer, f.commissionRequirementBps, prev?.commissionRequirementBps),
      registeredProducts: pick(newer, f.registeredProducts, prev?.registeredProducts),
      contactChannels,
      snapshotHash: prev?.snapshotHash,
      source: newer ? s.source : prev.source,
      ...span(prev, s.seenAt),
    },
  };
}

export const registrationKey = (f: { campaignId: string; productId: string }) => `${f.campaignId}|${f.productId}`;

export function mergeRegistration(prev: Registration | undefined, f: RegistrationFact, s: Sighting): Merged<Registration> {
  const newer = !prev || s.seenAt >= prev.lastSeenAt;
  // An older sighting, or a state we cannot read, never replaces a known state.
  const takeState = newer && (f.state !== 'UNKNOWN' || !prev || prev.state === 'UNKNOWN');
  const state = takeState ? f.state : (prev?.state ?? f.state);
  const stateRaw = takeState ? f.stateRaw : (prev?.stateRaw ?? f.stateRaw);
  const rejected = state === 'REJECTED' || state === 'REJECTED_BLOCKED';
  return {
    newer,
    statusChanged: takeState && (!prev || prev.state !== state || prev.stateRaw !== stateRaw),
    entity: {
      key: registrationKey(f),
      campaignId: f.campaignId,
      productId: f.productId,
      shopKey: prev?.shopKey ?? s.shopKey,
      state,
      stateRaw,
      // A reason belongs to a rejection: once the product is registered again, the old reason no longer applies.
      rejectReason: rejected ? pick(takeState, f.rejectReason, prev?.rejectReason) : undefined,
      rejectCodes: rejected ? pick(takeState, f.rejectCodes, prev?.rejectCodes) : undefined,
      totalCommissionBps: pick(newer, f.totalCommissionBps, prev?.totalCommissionBps),
      creatorCommissionBps: pick(newer, f.creatorCommissionBps, prev?.creatorCommissionBps),
      partnerCommissionBps: pick(newer, f.partnerCommissionBps, prev?.partnerCommissionBps),
      sampleQuantity: pick(newer, f.sampleQuantity, prev?.sampleQuantity),
      registeredAt: pick(newer, f.registeredAt, prev?.registeredAt),
      contactChannels: newer && f.contacts ? channelsOf(f.contacts) : (prev?.contactChannels ?? channelsOf(f.contacts ?? [])),
      snapshotHash: prev?.snapshotHash,
      source: newer ? s.source : prev.source,
      ...span(prev, s.seenAt),
    },
  };
}

function keepContacts(ctx: SinkContext, entity: string, key: string, contacts: readonly ContactValue[] | undefined): void {
  for (const c of contacts ?? []) ctx.contact(entity, key, c.channel, c.value);
}

export const campaignsSink: Sink<CampaignFact> = {
  keyOf: (f) => f.id,
  table: 'campaigns',
  apply: async (ctx, facts) => {
    await mergeAll<Campaign, CampaignFact>(ctx.tables.campaigns, facts, (f) => f.id, (prev, f) => {
      const m = mergeCampaign(prev, f, ctx.sighting);
      const c = m.entity;
      if (m.newer) {
        const { commissionRequirementBps, registrationStartAt, registrationEndAt, campaignStartAt, campaignEndAt, registeredProducts } = c;
        const values = { commissionRequirementBps, registrationStartAt, registrationEndAt, campaignStartAt, campaignEndAt, registeredProducts };
        c.snapshotHash = ctx.history.snapshot('campaign', c.id, values, prev?.snapshotHash);
        keepContacts(ctx, 'campaign', c.id, f.contacts);
      }
      if (m.statusChanged) ctx.history.transition('campaign', c.id, prev?.status, c.status, c.statusRaw ?? '');
      return c;
    });
  },
};

export const registrationsSink: Sink<RegistrationFact> = {
  keyOf: registrationKey,
  table: 'registrations',
  apply: async (ctx, facts) => {
    await mergeAll<Registration, RegistrationFact>(ctx.tables.registrations, facts, registrationKey, (prev, f) => {
      const m = mergeRegistration(prev, f, ctx.sighting);
      const r = m.entity;
      if (m.newer) {
        const { totalCommissionBps, creatorCommissionBps, partnerCommissionBps, sampleQuantity } = r;
        r.snapshotHash = ctx.history.snapshot('registration', r.key, { totalCommissionBps, creatorCommissionBps, partnerCommissionBps, sampleQuantity }, prev?.snapshotHash);
        keepContacts(ctx, 'registration', r.key, f.contacts);
      }
      if (m.statusChanged) ctx.history.transition('registration', r.key, prev?.state, r.state, r.stateRaw);
      return r;
    });
  },
};
