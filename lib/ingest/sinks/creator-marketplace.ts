import { Dexie } from 'dexie';
import type { CreatorDetailFact, CreatorRankingFact } from '../../adapters/creators';
import type { CreatorFact } from '../../adapters/types';
import { valuesHash } from '../history';
import { creatorsSink } from './creators';
import type { Sink } from './sink';

/**
 * A creator detail part merges into the creator like any other sighting (the creators sink snapshots its metrics when
 * they change). A part that does not name the handle is tied to the creator already stored under its `cid:` alias; with
 * no such creator there is nothing to attach it to, and it is dropped. Contact values go to `contacts`, never onto the
 * creator, which keeps only the channel names.
 */
export const creatorDetailsSink: Sink<CreatorDetailFact> = {
  keyOf: (f) => `${f.handle ?? `cid:${f.cid ?? ''}`}|${f.part}`,
  apply: async (ctx, facts) => {
    const resolved: CreatorFact[] = [];
    for (const f of facts) {
      const known = f.handle === undefined && f.cid !== undefined ? await ctx.query((db) => db.creators.where('aliases').equals(`cid:${f.cid}`).first()) : undefined;
      const handle = f.handle ?? known?.handle;
      if (handle === undefined) continue;
      resolved.push({ ...f.creator, handle });
      for (const c of f.contacts) ctx.contact('creator', handle, c.channel, c.value);
    }
    if (resolved.length) await creatorsSink.apply(ctx, resolved);
  },
};

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
