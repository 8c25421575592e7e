import { fnv1a52 } from './hash';
import type { Sighting } from './merge';
import type { Stage } from './stage';

/** JSON with sorted keys, so equal values always hash equal. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export const valuesHash = (values: Record<string, unknown>) => fnv1a52(stableStringify(values));

/**
 * The dated history one capture produces (snapshots of fields that changed, status transitions), appended to the
 * batch's stage. An entity carries the hash of its last snapshot, so "did anything change?" needs no read.
 */
export class History {
  constructor(
    private readonly sighting: Sighting,
    private readonly stage: Stage,
  ) {}

  /**
   * Record `values` for an entity unless they equal its last snapshot (`prevHash`). Returns the hash to store on the
   * entity. `at` is when the values took effect, when the source says so (a commission history); else the sighting.
   */
  snapshot(entity: string, key: string, values: Record<string, unknown>, prevHash: string | undefined, at?: number): string {
    const hash = valuesHash(values);
    if (hash !== prevHash) {
      this.stage.snapshot({ entity, key, seenAt: this.sighting.seenAt, at: at ?? this.sighting.seenAt, values, source: this.sighting.source });
    }
    return hash;
  }

  /** Record a status change; the caller decides that `to` differs from `from`. */
  transition(entity: string, key: string, from: string | undefined, to: string, raw: string): void {
    this.stage.transition({ entity, key, from, to, raw, seenAt: this.sighting.seenAt, source: this.sighting.source });
  }
}
