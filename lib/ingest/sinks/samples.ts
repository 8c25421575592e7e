import type { SampleRequestFact } from '../../adapters/types';
import { mergeSampleRequest } from '../merge';
import type { Sink } from './sink';

export const sampleRequestsSink: Sink<SampleRequestFact> = {
  keyOf: (f) => f.applyId,
  apply: async ({ db, sighting, history }, facts) => {
    const prev = await db.sampleRequests.bulkGet(facts.map((f) => f.applyId));
    const merged = facts.map((f, i) => ({ ...mergeSampleRequest(prev[i], f, sighting), prev: prev[i] }));
    await db.sampleRequests.bulkPut(merged.map((m) => m.request));
    for (const m of merged) {
      if (m.statusChanged) history.transition('sampleRequest', m.request.applyId, m.prev?.status, m.request.status, m.request.statusRaw);
    }
  },
};
