import { Dexie } from 'dexie';
import type {
  CreatorApplicationFact,
  InvitationCreatorFact,
  InvitationFact,
  InvitationProductFact,
  OpenCollabCommissionsFact,
  OpenCollabFact,
} from '../../adapters/collaboration-facts';
import type { CreatorApplication, Invitation, InvitationCreator, InvitationProduct, OpenCollab } from '../../domain/types';
import { valuesHash } from '../history';
import type { Sighting } from '../merge';
import { mergeAll, type Sink, type SinkContext } from './sink';

/**
 * Target invitations and open collaboration. Pure merges (a fact older than what is stored only fills gaps; merging the
 * same fact twice gives the same entity), then one bulk write per table; a transition on each first sighting of a
 * status or state; snapshots of counts and commissions when they change; contact values kept apart in `contacts`.
 */

const span = (prev: { firstSeenAt: number; lastSeenAt: number } | undefined, seenAt: number) => ({
  firstSeenAt: Math.min(prev?.firstSeenAt ?? seenAt, seenAt),
  lastSeenAt: Math.max(prev?.lastSeenAt ?? seenAt, seenAt),
});

/** The newer sighting's value when it has one; else what is stored; else the older sighting's. */
const pick = <T>(newer: boolean, fact: T | undefined, prev: T | undefined): T | undefined => (newer ? (fact ?? prev) : (prev ?? fact));

export interface Merged<T> {
  entity: T;
  /** The sighting is not older than what was stored: its status, contacts and figures count. */
  newer: boolean;
  statusChanged: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Invitations

export function mergeInvitation(prev: Invitation | undefined, f: InvitationFact, s: Sighting): Merged<Invitation> {
  const newer = !prev || s.seenAt >= prev.lastSeenAt;
  const endAt = pick(newer, f.endAt, prev?.endAt);
  // An invitation whose end had passed when it was seen is over, whatever tab listed it (real-shapes.md §5).
  const seen = endAt !== undefined && endAt <= s.seenAt ? { status: 'COMPLETED' as const, statusRaw: 'ended' } : { status: f.status, statusRaw: f.statusRaw };
  // An older sighting, or a status we cannot read, never replaces a known status.
  const takeStatus = newer && (seen.status !== 'UNKNOWN' || !prev || prev.status === 'UNKNOWN');
  const status = takeStatus ? seen.status : (prev?.status ?? seen.status);
  const statusRaw = takeStatus ? seen.statusRaw : (prev?.statusRaw ?? seen.statusRaw);
  const channels = f.contacts && [...new Set(f.contacts.map((c) => c.channel))].sort();
  return {
    newer,
    statusChanged: takeStatus && (!prev || prev.status !== status || prev.statusRaw !== statusRaw),
    entity: {
      id: f.id,
      shopKey: prev?.shopKey ?? s.shopKey,
      name: (newer ? f.name : prev?.name) ?? f.name,
      message: pick(newer, f.message, prev?.message),
      status,
      statusRaw,
      groupStatusRaw: pick(newer, f.groupStatusRaw, prev?.groupStatusRaw),
      startAt: pick(newer, f.startAt, prev?.startAt),
      endAt,
      freeSample: pick(newer, f.freeSample, prev?.freeSample),
      counts: {
        creators: pick(newer, f.counts.creators, prev?.counts.creators),
        accepted: pick(newer, f.counts.accepted, prev?.counts.accepted),
        posted: pick(newer, f.counts.posted, prev?.counts.posted),
        products: pick(newer, f.counts.products, prev?.counts.products),
      },
      contactChannels: pick(newer, channels, prev?.contactChannels) ?? [],
      contentPreference: pick(newer, f.contentPreference, prev?.contentPreference),
      groupType: pick(newer, f.groupType, prev?.groupType),
      snapshotHash: prev?.snapshotHash,
      source: newer ? s.source : prev.source,
      ...span(prev, s.seenAt),
    },
  };
}

/** The figures of an invitation that change over its life, as one snapshot. */
const invitationFigures = (i: Invitation) => ({ ...i.counts, endAt: i.endAt });

export const invitationsSink: Sink<InvitationFact> = {
  keyOf: (f) => f.id,
  table: 'invitations',
  apply: async (ctx, facts) => {
    const { tables, sighting, history } = ctx;
    const prev = await tables.invitations.bulkGet(facts.map((f) => f.id));
    const merged = facts.map((f, i) => mergeInvitation(prev[i], f, sighting));
    const stale: string[] = [];
    merged.forEach((m, i) => {
      const inv = m.entity;
      const before = prev[i];
      if (m.statusChanged) history.transition('invitation', inv.id, before?.status, inv.status, inv.statusRaw);
      if (m.newer) inv.snapshotHash = history.snapshot('invitation', inv.id, invitationFigures(inv), before?.snapshotHash);
      const contacts = facts[i]?.contacts;
      if (m.newer && contacts) {
        for (const c of contacts) ctx.contact('invitation', inv.id, c.channel, c.value);
        const gone = (before?.contactChannels ?? []).filter((ch) => !inv.contactChannels.includes(ch));
        stale.push(...gone.map((ch) => `invitation|${inv.id}|${ch}`));
      }
    });
    await tables.invitations.bulkPut(merged.map((m) => m.entity));
    // A channel the invitation no longer shows: its value goes (personal data is kept only while it is shown).
    if (stale.length) await tables.contacts.bulkDelete(stale);
  },
};

export const invitationProductKey = (f: { invitationId: string; productId: string }) => `${f.invitationId}|${f.productId}`;

export function mergeInvitationProduct(prev: InvitationProduct | undefined, f: InvitationProductFact, s: Sighting): Merged<InvitationProduct> {
  const newer = !prev || s.seenAt >= prev.lastSeenAt;
  return {
    newer,
    statusChanged: false,
    entity: {
      invitationId: f.invitationId,
      productId: f.productId,
      shopKey: prev?.shopKey ?? s.shopKey,
      targetCommissionBps: pick(newer, f.targetCommissionBps, prev?.targetCommissionBps),
      adsCommissionBps: pick(newer, f.adsCommissionBps, prev?.adsCommissionBps),
      openCommissionBps: pick(newer, f.openCommissionBps, prev?.openCommissionBps),
      commissionEffectiveAt: pick(newer, f.commissionEffectiveAt, prev?.commissionEffectiveAt),
      snapshotHash: prev?.snapshotHash,
      lastSeenAt: Math.max(prev?.lastSeenAt ?? s.seenAt, s.seenAt),
    },
  };
}

export const invitationProductsSink: Sink<InvitationProductFact> = {
  keyOf: invitationProductKey,
  apply: async ({ tables, sighting, history }, facts) => {
    await mergeAll<InvitationProduct, InvitationProductFact>(tables.invitationProducts, facts, (f) => [f.invitationId, f.productId], (prev, f) => {
      const m = mergeInvitationProduct(prev, f, sighting);
      const p = m.entity;
      if (m.newer && (p.targetCommissionBps !== undefined || p.adsCommissionBps !== undefined)) {
        const values = { targetCommissionBps: p.targetCommissionBps, adsCommissionBps: p.adsCommissionBps };
        p.snapshotHash = history.snapshot('invitationProduct', invitationProductKey(p), values, prev?.snapshotHash, p.commissionEffectiveAt);
      }
      return p;
    });
  },
};

export const invitationCreatorKey = (f: { invitationId: string; handle: string }) => `${f.invitationId}|${f.handle}`;

export function mergeInvitationCreator(prev: InvitationCreator | undefined, f: InvitationCreatorFact, s: Sighting): Merged<InvitationCreator> {
  const newer = !prev || s.seenAt >= prev.lastSeenAt;
  const state = newer ? f.state : (prev.state ?? f.state);
  const statusRaw = newer ? f.statusRaw : prev.statusRaw;
  return {
    newer,
    statusChanged: newer && (!prev || prev.state !== state || prev.statusRaw !== statusRaw),
    entity: {
      invitationId: f.invitationId,
      handle: f.handle,
      shopKey: prev?.shopKey ?? s.shopKey,
      accepted: state === 'INVITED' ? 0 : 1,
      statusRaw,
      productsAdded: pick(newer, f.productsAdded, prev?.productsAdded),
      contentPosted: pick(newer, f.contentPosted, prev?.contentPosted),
      state,
      effectiveStatusRaw: pick(newer, f.effectiveStatusRaw, prev?.effectiveStatusRaw),
      lastSeenAt: Math.max(prev?.lastSeenAt ?? s.seenAt, s.seenAt),
    },
  };
}

export const invitationCreatorsSink: Sink<InvitationCreatorFact> = {
  keyOf: invitationCreatorKey,
  apply: async ({ tables, sighting, history }, facts) => {
    await mergeAll<InvitationCreator, InvitationCreatorFact>(tables.invitationCreators, facts, (f) => [f.invitationId, f.handle], (prev, f) => {
      const m = mergeInvitationCreator(prev, f, sighting);
      const c = m.entity;
      if (m.statusChanged) history.transition('invitationCreator', invitationCreatorKey(c), prev?.state, c.state ?? f.state, c.statusRaw);
      return c;
    });
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Open collaboration

/**
 * Add dated values to an entity's timeline of snapshots (a commission history): each value is stored, dated `at`,
 * unless the timeline already holds it at that time or it equals the value in force just before. A stored snapshot
 * that an earlier-dated one now makes redundant (a list showed the commission before its history said since when)
 * goes, so the timeline keeps one snapshot per change. Returns the hash of the latest value, to keep on the entity.
 */
export async function addToTimeline(
  ctx: SinkContext,
  entity: string,
  key: string,
  entries: readonly { at: number; values: Record<string, unknown> }[],
): Promise<string | undefined> {
  const stored = await ctx.query((db) => db.snapshots.where('[entity+key+seenAt]').between([entity, key, Dexie.minKey], [entity, key, Dexie.maxKey]).toArray());
  const line: { at: number; hash: string; id?: number }[] = stored.map((s) => ({ at: s.at, hash: valuesHash(s.values), id: s.id }));
  const byTime = () => line.sort((a, b) => a.at - b.at);
  const inForce = (at: number) => byTime().filter((p) => p.at <= at).at(-1);
  let added = false;
  for (const e of [...entries].sort((a, b) => a.at - b.at)) {
    const hash = valuesHash(e.values);
    const before = inForce(e.at);
    if (before?.hash === hash || line.some((p) => p.at === e.at && p.hash === hash)) continue;
    ctx.history.snapshot(entity, key, e.values, before?.hash, e.at);
    line.push({ at: e.at, hash });
    added = true;
  }
  const sorted = byTime();
  if (added) {
    const redundant = sorted.filter((p, i) => p.id !== undefined && i > 0 && sorted[i - 1]?.hash === p.hash).map((p) => p.id as number);
    if (redundant.length) await ctx.query((db) => db.snapshots.bulkDelete(redundant));
  }
  return sorted.at(-1)?.hash;
}

export const openCollabKey = (shopKey: string, productId: string) => `${shopKey}|${productId}`;

const PLAN_STATUS_KNOWN = (status: string) => status !== 'UNKNOWN';

export function mergeOpenCollab(prev: OpenCollab | undefined, f: OpenCollabFact, s: Sighting): Merged<OpenCollab> {
  const newer = !prev || s.seenAt >= prev.lastSeenAt;
  const takeStatus = newer && (PLAN_STATUS_KNOWN(f.status) || !prev || !PLAN_STATUS_KNOWN(prev.status));
  const status = takeStatus ? f.status : (prev?.status ?? f.status);
  const statusRaw = takeStatus ? f.statusRaw : (prev?.statusRaw ?? f.statusRaw);
  return {
    newer,
    statusChanged: takeStatus && (!prev || prev.status !== status || prev.statusRaw !== statusRaw),
    entity: {
      key: openCollabKey(prev?.shopKey ?? s.shopKey, f.productId),
      shopKey: prev?.shopKey ?? s.shopKey,
      productId: f.productId,
      collabId: pick(newer, f.collabId, prev?.collabId),
      commissionBps: pick(newer, f.commissionBps, prev?.commissionBps),
      commissionStartAt: pick(newer, f.commissionStartAt, prev?.commissionStartAt),
      // A shown commission without an end has none (a removal was undone); a record without a commission says nothing.
      commissionEndAt: newer && f.commissionBps !== undefined ? f.commissionEndAt : pick(newer, f.commissionEndAt, prev?.commissionEndAt),
      status,
      statusRaw,
      showcaseCreators: pick(newer, f.showcaseCreators, prev?.showcaseCreators),
      contentCreators: pick(newer, f.contentCreators, prev?.contentCreators),
      snapshotHash: prev?.snapshotHash,
      source: newer ? s.source : prev.source,
      ...span(prev, s.seenAt),
    },
  };
}

export const openCollabsSink: Sink<OpenCollabFact> = {
  keyOf: (f) => f.productId,
  apply: async (ctx, facts) => {
    const { tables, sighting, history } = ctx;
    const keys = facts.map((f) => openCollabKey(sighting.shopKey, f.productId));
    const prev = await tables.openCollabs.bulkGet(keys);
    const merged = facts.map((f, i) => mergeOpenCollab(prev[i], f, sighting));
    for (const [i, m] of merged.entries()) {
      const oc = m.entity;
      const before = prev[i];
      if (m.statusChanged) history.transition('openCollab', oc.key, before?.status, oc.status, oc.statusRaw ?? '');
      const commission = facts[i]?.commissionBps;
      if (!m.newer || commission === undefined) continue;
      const values = { commissionBps: commission };
      // The commission the list shows is the timeline's latest unless it changed: only then is the timeline read.
      if (valuesHash(values) !== before?.snapshotHash) {
        oc.snapshotHash = await addToTimeline(ctx, 'openCollab', oc.key, [{ at: facts[i]?.commissionStartAt ?? sighting.seenAt, values }]);
      }
    }
    await tables.openCollabs.bulkPut(merged.map((m) => m.entity));
  },
};

/**
 * A commission history: every period becomes a dated snapshot of `{commissionBps}` (entity `openCollab`), stored only
 * where the commission changed. A product already in the model keeps the hash of its latest commission.
 */
export const openCollabCommissionsSink: Sink<OpenCollabCommissionsFact> = {
  keyOf: (f) => f.productId,
  apply: async (ctx, facts) => {
    const { tables, sighting } = ctx;
    const keys = facts.map((f) => openCollabKey(sighting.shopKey, f.productId));
    const stored = await tables.openCollabs.bulkGet(keys);
    const updated: OpenCollab[] = [];
    for (const [i, f] of facts.entries()) {
      const key = keys[i] as string;
      const latest = await addToTimeline(ctx, 'openCollab', key, f.entries.map((e) => ({ at: e.at, values: { commissionBps: e.commissionBps } })));
      const oc = stored[i];
      if (oc && latest !== oc.snapshotHash) updated.push({ ...oc, snapshotHash: latest });
    }
    if (updated.length) await tables.openCollabs.bulkPut(updated);
  },
};

export function mergeCreatorApplication(prev: CreatorApplication | undefined, f: CreatorApplicationFact, s: Sighting): Merged<CreatorApplication> {
  const newer = !prev || s.seenAt >= prev.lastSeenAt;
  const takeStatus = newer && (f.status !== 'UNKNOWN' || !prev || prev.status === 'UNKNOWN');
  const status = takeStatus ? f.status : (prev?.status ?? f.status);
  const statusRaw = takeStatus ? f.statusRaw : (prev?.statusRaw ?? f.statusRaw);
  return {
    newer,
    statusChanged: takeStatus && (!prev || prev.status !== status || prev.statusRaw !== statusRaw),
    entity: {
      id: f.id,
      shopKey: prev?.shopKey ?? s.shopKey,
      productId: f.productId,
      creatorHandle: f.creatorHandle,
      status,
      statusRaw,
      commissionBps: pick(newer, f.commissionBps, prev?.commissionBps),
      appliedAt: pick(newer, f.appliedAt, prev?.appliedAt),
      source: newer ? s.source : prev.source,
      ...span(prev, s.seenAt),
    },
  };
}

export const creatorApplicationsSink: Sink<CreatorApplicationFact> = {
  keyOf: (f) => f.id,
  table: 'creatorApplications',
  apply: async ({ tables, sighting, history }, facts) => {
    await mergeAll<CreatorApplication, CreatorApplicationFact>(tables.creatorApplications, facts, (f) => f.id, (prev, f) => {
      const m = mergeCreatorApplication(prev, f, sighting);
      if (m.statusChanged) history.transition('creatorApplication', m.entity.id, prev?.status, m.entity.status, m.entity.statusRaw ?? '');
      return m.entity;
    });
  },
};
