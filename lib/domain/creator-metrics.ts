import type { Creator, CreatorMetrics, Observed, Sighted } from './types';

export type MetricKey = keyof CreatorMetrics;

/**
 * One of a creator's public figures with the page and time it was seen on. A figure stored before figures kept their
 * own sightings carries the metrics' sighting.
 */
export function metricOf<K extends MetricKey>(
  c: Pick<Creator, 'metrics' | 'metricSources'>,
  key: K,
): Observed<NonNullable<CreatorMetrics[K]>> | undefined {
  const value = c.metrics?.value[key];
  if (value === undefined || value === null || !c.metrics) return undefined;
  const seen: Sighted = c.metricSources?.[key] ?? c.metrics;
  return { value: value as NonNullable<CreatorMetrics[K]>, seenAt: seen.seenAt, source: seen.source };
}

/** Every stored figure's sighting: its own, or the metrics' for a figure stored without one. */
export function metricSightings(c: Pick<Creator, 'metrics' | 'metricSources'>): Creator['metricSources'] {
  if (!c.metrics) return c.metricSources;
  const whole: Sighted = { seenAt: c.metrics.seenAt, source: c.metrics.source };
  return Object.fromEntries((Object.keys(c.metrics.value) as MetricKey[]).map((k) => [k, c.metricSources?.[k] ?? whole]));
}
