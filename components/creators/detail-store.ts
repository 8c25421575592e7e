import { batch, computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import { creatorFindings, readCreatorDetail, type CreatorDetail } from '../../lib/creators/detail';
import { readPeriods } from '../../lib/creators/figures';
import type { CreatorMarksAck, CreatorMarksChange } from '../../lib/creators/marks';
import type { CreatorMarks, PeriodInfo } from '../../lib/creators/model';
import type { AppDB } from '../../lib/db/app-db';
import type { I18n } from '../../lib/i18n';
import type { FindingView } from '../../lib/rules/view';
import { follow } from './live';

/**
 * One creator's page: its one store. What Collab Lens holds about the creator for the shop (lib/creators/detail.ts,
 * live), the rule engine's findings about them, and the seller's marks as they edit them, saved through the background
 * (`setCreatorMarks`: the only writer). Components read its signals and call its actions.
 */

export interface DetailStoreDeps {
  db: AppDB;
  i18n: I18n;
  shopKey: string;
  handle: string;
  now(): number;
  /** Send the seller's marks to the background. */
  saveMarks(change: CreatorMarksChange): Promise<CreatorMarksAck>;
}

/** The marks as the seller edits them: tags as a list, the rest as the form holds them. */
export interface MarksDraft {
  tags: string[];
  note: string;
  watch: boolean;
  blocked: boolean;
}

export type SaveStatus = { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; reason: 'invalid' | 'tags' | 'note' | 'failed' };

const draftOf = (m: CreatorMarks | undefined): MarksDraft => ({ tags: [...(m?.tags ?? [])], note: m?.note ?? '', watch: m?.watch === 1, blocked: m?.blocked === 1 });

const sameDraft = (a: MarksDraft, b: MarksDraft) => JSON.stringify(a) === JSON.stringify(b);

export function createDetailStore(deps: DetailStoreDeps) {
  const { db, shopKey, handle } = deps;
  const detail = signal<CreatorDetail | undefined>(undefined);
  const findings = signal<FindingView[] | undefined>(undefined);
  const periods = signal<PeriodInfo[] | undefined>(undefined);
  /** The marks as stored, and the seller's edit of them (undefined while nothing is changed). */
  const edit = signal<MarksDraft | undefined>(undefined);
  const status = signal<SaveStatus | undefined>(undefined);

  const stored = computed(() => draftOf(detail.value?.marks));
  const draft = computed(() => edit.value ?? stored.value);
  const dirty = computed(() => edit.value !== undefined && !sameDraft(edit.value, stored.value));
  const periodMap = computed(() => new Map((periods.value ?? []).map((p) => [p.key, p])));

  const change = (patch: Partial<MarksDraft>) => {
    batch(() => {
      edit.value = { ...draft.value, ...patch };
      if (status.value?.kind !== 'saving') status.value = undefined;
    });
  };

  const actions = {
    addTag(tag: string) {
      const t = tag.trim().replace(/^#+\s*/u, '');
      if (t && !draft.value.tags.some((x) => x.toLowerCase() === t.toLowerCase())) change({ tags: [...draft.value.tags, t] });
    },
    removeTag(tag: string) {
      change({ tags: draft.value.tags.filter((t) => t !== tag) });
    },
    setNote(note: string) {
      change({ note });
    },
    setWatch(watch: boolean) {
      change({ watch });
    },
    setBlocked(blocked: boolean) {
      change({ blocked });
    },
    /** Put the edit back to the stored marks. */
    revert() {
      batch(() => {
        edit.value = undefined;
        status.value = undefined;
      });
    },
    /** Save the edited marks; the edit stays until the stored marks read back equal it. */
    async save(): Promise<boolean> {
      const d = draft.value;
      status.value = { kind: 'saving' };
      const ack = await deps.saveMarks({ handle, tags: d.tags, note: d.note, watch: d.watch, blocked: d.blocked }).catch(() => undefined);
      if (!ack?.ok) {
        status.value = { kind: 'error', reason: ack?.ok === false ? ack.reason : 'failed' };
        return false;
      }
      batch(() => {
        // What was stored is the normalised form: the page shows that, not what was typed.
        edit.value = draftOf(ack.marks ?? undefined);
        status.value = { kind: 'saved' };
      });
      return true;
    },
  };

  function start(): () => void {
    const now = deps.now();
    const stops = [
      follow(() => readCreatorDetail(db, shopKey, handle), (v) => (detail.value = v)),
      follow(() => creatorFindings(db, shopKey, handle, deps.i18n.locale, now), (v) => (findings.value = v)),
      follow(async () => (await readPeriods(db, shopKey)) ?? [], (v) => (periods.value = v)),
      // Once the stored marks read back what was saved, the edit is no longer needed.
      effect(() => {
        const e = edit.value;
        if (e && status.value?.kind === 'saved' && sameDraft(e, stored.value)) edit.value = undefined;
      }),
    ];
    return () => {
      for (const stop of stops) stop();
    };
  }

  return {
    i18n: deps.i18n,
    shopKey,
    handle,
    detail: detail as ReadonlySignal<CreatorDetail | undefined>,
    findings: findings as ReadonlySignal<FindingView[] | undefined>,
    periods: periods as ReadonlySignal<PeriodInfo[] | undefined>,
    periodMap,
    draft,
    dirty,
    status: status as ReadonlySignal<SaveStatus | undefined>,
    actions,
    start,
  };
}

export type DetailStore = ReturnType<typeof createDetailStore>;
