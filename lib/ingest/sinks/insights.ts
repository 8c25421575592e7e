import type { InsightFact } from '../../adapters/insights';
import type { Insight } from '../../domain/types';
import type { Sighting } from '../merge';
import type { Sink } from './sink';

/**
 * Insights figures per shop, module and period. The entity holds the latest figures; every change of them is a dated
 * snapshot (entity `insight`), so a rolling "last 28 days" window becomes a series over the days the seller looked.
 */

export const insightKey = (shopKey: string, f: Pick<InsightFact, 'module' | 'periodKey'>) => `${shopKey}|${f.module}|${f.periodKey}`;

export function mergeInsight(prev: Insight | undefined, f: InsightFact, s: Sighting): { entity: Insight; newer: boolean } {
  const newer = !prev || s.seenAt >= prev.lastSeenAt;
  return {
    newer,
    entity: {
      key: insightKey(s.shopKey, f),
      shopKey: s.shopKey,
      module: f.module,
      period: newer ? f.period : prev.period,
      metrics: newer ? f.metrics : prev.metrics,
      snapshotHash: prev?.snapshotHash,
      source: newer ? s.source : prev.source,
      firstSeenAt: Math.min(prev?.firstSeenAt ?? s.seenAt, s.seenAt),
      lastSeenAt: Math.max(prev?.lastSeenAt ?? s.seenAt, s.seenAt),
    },
  };
}

export const insightsSink: Sink<InsightFact> = {
  keyOf: (f) => `${f.module}|${f.periodKey}`,
  apply: async ({ tables, sighting, history }, facts) => {
    const prev = await tables.insights.bulkGet(facts.map((f) => insightKey(sighting.shopKey, f)));
    const merged = facts.map((f, i) => {
      const { entity, newer } = mergeInsight(prev[i], f, sighting);
      if (newer) {
        const values = { start: entity.period.start, end: entity.period.end, ...entity.metrics };
        entity.snapshotHash = history.snapshot('insight', entity.key, values, prev[i]?.snapshotHash);
      }
      return entity;
    });
    await tables.insights.bulkPut(merged);
  },
};
