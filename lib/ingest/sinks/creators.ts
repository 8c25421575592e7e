import type { CreatorFact } from '../../adapters/types';
import type { Creator } from '../../domain/types';
import { mergeCreator } from '../merge';
import { mergeAll, type Sink } from './sink';

export const creatorsSink: Sink<CreatorFact> = {
  keyOf: (f) => f.handle,
  table: 'creators',
  apply: async ({ tables, sighting, history }, facts) => {
    await mergeAll<Creator, CreatorFact>(tables.creators, facts, (f) => f.handle, (prev, f) => {
      const next = mergeCreator(prev, f, sighting);
      if (next.metrics && next.metrics.seenAt === sighting.seenAt) {
        next.snapshotHash = history.snapshot('creator', next.handle, { ...next.metrics.value }, prev?.snapshotHash);
      }
      return next;
    });
  },
};
