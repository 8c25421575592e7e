import { Dexie } from 'dexie';
import type { CreatorDetailFact, CreatorRankingFact, ShopCreatorFact, TrendPoint } from '../../adapters/creators';
import type { CreatorFact } from '../../adapters/types';
import type { MedianCommission, Observed, ShopCreator, Snapshot } from '../../domain/types';
import { valuesHash } from '../history';
import type { Sighting } from '../merge';
import { same } from '../repeat';
import { creatorsSink } from './creators';
import type { Sink, SinkContext } from './sink';

/** Snapshots of one entity and key, oldest first. */
const snapshotsOf = (ctx: SinkContext, entity: string, key: string): Promise<Snapshot[]> =>
  ctx.query((db) => db.snapshots.where('[entity+key+seenAt]').between([entity, key, Dexie.minKey], [entity, key, Dexie.maxKey]).toArray());

function observed<T>(prev: Observed<T> | undefined, value: T | undefined, s: Sighting): Observed<T> | undefined {
  if (value === undefined) return prev;
  if (prev && prev.seenAt > s.seenAt) return prev;
  return { value, seenAt: s.seenAt, source: s.source };
}

/** The median commission seen now: the same rate extends when it was last seen; another one starts anew. */
function commissionOf(prev: MedianCommission | undefined, f: ShopCreatorFact, s: Sighting): MedianCommission | undefined {
  const c = f.commission;
  if (!c) return prev;
  if (prev && prev.lastSeenAt > s.seenAt) return prev;
  const next: Omit<MedianCommission, 'firstSeenAt' | 'lastSeenAt' | 'source'> = {
    bps: c.bps,
    ...(c.minBps !== undefined && { minBps: c.minBps }),
    ...(c.maxBps !== undefined && { maxBps: c.maxBps }),
    ...(c.label !== undefined && { label: c.label }),
    form: c.form,
  };
  const { firstSeenAt, lastSeenAt: _last, source: _source, ...was } = prev ?? { firstSeenAt: s.seenAt, lastSeenAt: s.seenAt, source: s.source };
  const unchanged = prev !== undefined && same(was, next);
  return { ...next, firstSeenAt: unchanged ? firstSeenAt : s.seenAt, lastSeenAt: s.seenAt, source: s.source };
}

export function mergeShopCreator(prev: ShopCreator | undefined, f: ShopCreatorFact, s: Sighting): ShopCreator {
  const flags = observed(prev?.flags, f.flags, s);
  const categories = observed(prev?.categories, f.categories, s);
  const medianCommission = commissionOf(prev?.medianCommission, f, s);
  return {
    shopKey: s.shopKey,
    handle: f.handle,
    ...(flags && { flags }),
    ...(medianCommission && { medianCommission }),
    ...(categories && { categories }),
    firstSeenAt: Math.min(prev?.firstSeenAt ?? s.seenAt, s.seenAt),
    lastSeenAt: Math.max(prev?.lastSeenAt ?? s.seenAt, s.seenAt),
  };
}

/**
 * What a shop's marketplace showed about a creator, relative to that shop (`shopCreators`, key `[shopKey+handle]`):
 * the flags the seller decides on, the creator's median commission (a market observation for the commission benchmark,
 * with when it was first and last seen and on which page) and the categories it counts in.
 */
export const shopCreatorsSink: Sink<ShopCreatorFact> = {
  keyOf: (f) => f.handle,
  apply: async ({ tables, sighting }, facts) => {
    const keys = facts.map((f): [string, string] => [sighting.shopKey, f.handle]);
    const prev = await tables.shopCreators.bulkGet(keys);
    const merged = new Map<string, ShopCreator>();
    facts.forEach((f, i) => merged.set(f.handle, mergeShopCreator(merged.get(f.handle) ?? prev[i], f, sighting)));
    await tables.shopCreators.bulkPut([...merged.values()]);
  },
};

/** Trend points are dated snapshots (entity `creatorTrend`, `at` = the point's start); a point already stored is not stored again. */
async function storeTrend(ctx: SinkContext, handle: string, points: readonly TrendPoint[]): Promise<void> {
  if (!points.length) return;
  const stored = new Set((await snapshotsOf(ctx, 'creatorTrend', handle)).map((s) => `${s.at}|${valuesHash(s.values)}`));
  for (const { at, ...values } of points) {
    if (stored.has(`${at}|${valuesHash(values)}`)) continue;
    stored.add(`${at}|${valuesHash(values)}`);
    ctx.history.snapshot('creatorTrend', handle, values, undefined, at);
  }
}

/** The top videos as one snapshot (entity `creatorTopVideos`), stored when they differ from the last one. */
async function storeTopVideos(ctx: SinkContext, handle: string, videos: NonNullable<CreatorDetailFact['topVideos']>): Promise<void> {
  const prev = (await snapshotsOf(ctx, 'creatorTopVideos', handle)).at(-1);
  ctx.history.snapshot('creatorTopVideos', handle, { videos }, prev ? valuesHash(prev.values) : undefined);
}

/** Parts whose creator is not known yet wait as snapshots of entity `creatorDetailPending`, keyed by their `cid`. */
const PENDING = 'creatorDetailPending';

/**
 * A creator detail part merges into the creator like any other sighting (the creators sink snapshots its metrics when
 * they change). A part that does not name the handle (every part but the overview, in the real pages) is tied to the
 * creator stored under its `cid:` or `oecuid:` alias; when none is stored yet (the parts of one page arrive in any
 * order), it waits, and is applied when a part naming the handle with that `cid` arrives. Contact values go to
 * `contacts`, never onto the creator, which keeps only the channel names. Shop-relative reads go to `shopCreators`,
 * trend points and top videos to dated snapshots.
 */
export const creatorDetailsSink: Sink<CreatorDetailFact> = {
  keyOf: (f) => `${f.handle ?? `cid:${f.cid ?? ''}`}|${f.part}`,
  apply: async (ctx, facts) => {
    for (const f of facts) {
      const known =
        f.handle === undefined && f.cid !== undefined
          ? await ctx.query((db) => db.creators.where('aliases').anyOf([`cid:${f.cid}`, `oecuid:${f.cid}`]).first())
          : undefined;
      const handle = f.handle ?? known?.handle;
      if (handle === undefined) {
        if (f.cid === undefined) continue;
        // Contact values never wait in a snapshot: they are kept apart at once, under the creator id.
        for (const c of f.contacts) ctx.contact('creator', `cid:${f.cid}`, c.channel, c.value);
        ctx.history.snapshot(PENDING, f.cid, { fact: { ...f, contacts: [] } }, undefined);
        continue;
      }
      const waiting = f.cid === undefined ? [] : await snapshotsOf(ctx, PENDING, f.cid);
      if (waiting.length) await ctx.query((db) => db.snapshots.bulkDelete(waiting.map((w) => w.id as number)));
      for (const part of [...waiting.map((w) => w.values.fact as CreatorDetailFact), f]) await applyPart(ctx, handle, part);
    }
  },
};

async function applyPart(ctx: SinkContext, handle: string, f: CreatorDetailFact): Promise<void> {
  const creator: CreatorFact = { ...f.creator, handle };
  await creatorsSink.apply(ctx, [creator]);
  for (const c of f.contacts) ctx.contact('creator', handle, c.channel, c.value);
  if (f.shop) await shopCreatorsSink.apply(ctx, [{ handle, ...f.shop }]);
  if (f.trend) await storeTrend(ctx, handle, f.trend);
  if (f.topVideos) await storeTopVideos(ctx, handle, f.topVideos);
}

/**
 * Rankings have no table: each page of a ranking list is a dated snapshot (entity `ranking`, key
 * `<rank_type>|<rank_period>|<indus_cate>|<content_type>`, values `{region, date, firstRank, handles}`), stored only
 * when it differs from the last snapshot of the same page in the same region (each region's marketplace ranks its own
 * creators) seen at or before this sighting.
 */
export const creatorRankingsSink: Sink<CreatorRankingFact> = {
  keyOf: (f) => `${f.list}|${f.firstRank}`,
  apply: async ({ query, sighting, history }, facts) => {
    const region = sighting.shopKey.split(':')[0] ?? '';
    for (const f of facts) {
      const values: Record<string, unknown> = { region, ...(f.date === undefined ? {} : { date: f.date }), firstRank: f.firstRank, handles: f.handles };
      const prev = await query((db) =>
        db.snapshots
          .where('[entity+key+seenAt]')
          .between(['ranking', f.list, Dexie.minKey], ['ranking', f.list, sighting.seenAt], true, true)
          .reverse()
          .filter((s) => s.values.firstRank === f.firstRank && s.values.region === region)
          .first(),
      );
      history.snapshot('ranking', f.list, values, prev ? valuesHash(prev.values) : undefined);
    }
  },
};
