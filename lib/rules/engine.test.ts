import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDb } from '../../test/db';
import { fillEveryTable } from '../../test/fixtures/every-table';
import { NOW } from '../../test/fixtures/sample-group-list';
import { commissionLow, lowFulfilment, reviewSoon, TEST_LOADERS, TEST_RULES } from '../../test/fixtures/rules';
import type { AppDB } from '../db/app-db';
import type { Creator, OpenCollab, SampleRequest } from '../domain/types';
import { keyString } from '../ingest/stage';
import * as engine from './engine';
import { ruleConfig, type EngineSettings } from './engine';
import { RULES } from './index';
import { LOADERS } from './inputs/index';
import type { AnyRule, ChangeSet, Finding, InputLoader } from './types';

/** The engine with the built-in inputs and the fixture rules' ones. */
const loaders = { ...LOADERS, ...TEST_LOADERS };
const evaluateAll = (db: AppDB, rules: readonly AnyRule[], settings: EngineSettings, now: number) => engine.evaluateAll(db, rules, settings, now, loaders);
const evaluateTimeBased = (db: AppDB, rules: readonly AnyRule[], settings: EngineSettings, now: number) => engine.evaluateTimeBased(db, rules, settings, now, loaders);
const evaluateChanges = (db: AppDB, rules: readonly AnyRule[], settings: EngineSettings, changes: ChangeSet, now: number) =>
  engine.evaluateChanges(db, rules, settings, changes, now, loaders);

const T = 1_763_700_000_000;
const HOUR = 3_600_000;
const US = 'US:1';
const GB = 'GB:2';
const source = { endpoint: 'sample.group.list', page: 'https://affiliate-us.tiktok.com/product/sample-request' };
const DEFAULTS: EngineSettings = { rules: {} };

const request = (applyId: string, handle: string, shopKey: string, status: SampleRequest['status'], dueInHours: number, now = T): SampleRequest => ({
  applyId,
  shopKey,
  creatorHandle: handle,
  productId: `p${applyId}`,
  status,
  statusRaw: status,
  statusSeenAt: now,
  deadline: { kind: 'review', at: now + dueInHours * HOUR, seenAt: now },
  firstSeenAt: now,
  lastSeenAt: now,
  source,
});
const creator = (handle: string, fulfillmentBps: number | undefined): Creator => ({
  handle,
  aliases: [],
  ...(fulfillmentBps === undefined ? {} : { fulfillmentBps: { value: fulfillmentBps, seenAt: T, source } }),
  firstSeenAt: T,
  lastSeenAt: T,
});
const collab = (shopKey: string, productId: string, commissionBps: number): OpenCollab => ({
  key: `${shopKey}|${productId}`,
  shopKey,
  productId,
  commissionBps,
  status: 'NORMAL',
  firstSeenAt: T,
  lastSeenAt: T,
  source,
});

const findings = async (db: AppDB) => (await db.findings.toArray()).sort((a, b) => a.id.localeCompare(b.id));
const ids = async (db: AppDB) => (await findings(db)).map((f) => f.id);

let db: AppDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

describe('evaluateAll', () => {
  it('stores each finding under ruleId|subjectKey[|variant] with the engine’s bookkeeping', async () => {
    await db.sampleRequests.bulkPut([request('1', 'maya', US, 'PENDING', 5), request('2', 'lee', US, 'PENDING', 48), request('3', 'maya', US, 'SHIPPED', 1)]);
    await db.creators.bulkPut([creator('maya', 3000), creator('lee', 9000)]);
    const result = await evaluateAll(db, TEST_RULES, DEFAULTS, T);
    expect(result).toEqual({ added: ['test-review-soon|1|review', 'test-low-fulfilment|maya|US:1'], removed: [], updated: [], shops: [US] });
    const stored = await db.findings.get('test-review-soon|1|review');
    expect(stored).toEqual({
      id: 'test-review-soon|1|review',
      ruleId: 'test-review-soon',
      subject: 'sampleRequest',
      subjectKey: '1',
      shopKey: US,
      variant: 'review',
      severity: 'medium',
      params: { handle: 'maya', at: { at: T + 5 * HOUR }, left: { duration: 5 * HOUR } },
      evidence: [{ entity: 'sampleRequest', key: '1', seenAt: T, source }],
      dueAt: T + 5 * HOUR,
      firstSeenAt: T,
      evaluatedAt: T,
    });
    // The rule's severity where the draft does not override it.
    expect((await db.findings.get('test-low-fulfilment|maya|US:1'))?.severity).toBe('medium');
  });

  it('uses the thresholds from the settings, and defaults for those not set', async () => {
    await db.sampleRequests.bulkPut([request('1', 'maya', US, 'PENDING', 5), request('2', 'lee', US, 'PENDING', 48)]);
    expect(ruleConfig(reviewSoon, { rules: { 'test-review-soon': { thresholds: { hours: 72 } } } })).toEqual({ enabled: true, thresholds: { hours: 72 } });
    await evaluateAll(db, [reviewSoon], { rules: { 'test-review-soon': { enabled: true, thresholds: { hours: 72 } } } }, T);
    expect(await ids(db)).toEqual(['test-review-soon|1|review', 'test-review-soon|2|review']);
    await evaluateAll(db, [reviewSoon], { rules: { 'test-review-soon': { enabled: true, thresholds: { hours: 2 } } } }, T);
    expect(await ids(db)).toEqual([]);
  });

  it('a disabled rule has no findings: disabling removes them, and incremental runs skip it', async () => {
    await db.sampleRequests.put(request('1', 'maya', US, 'PENDING', 5));
    await evaluateAll(db, [reviewSoon], DEFAULTS, T);
    const off: EngineSettings = { rules: { 'test-review-soon': { enabled: false } } };
    expect(await evaluateAll(db, [reviewSoon], off, T)).toEqual({ added: [], removed: ['test-review-soon|1|review'], updated: [], shops: [US] });
    await db.sampleRequests.put(request('2', 'lee', US, 'PENDING', 5));
    await evaluateChanges(db, [reviewSoon], off, { sampleRequests: ['2'] }, T);
    await evaluateTimeBased(db, [reviewSoon], off, T);
    expect(await ids(db)).toEqual([]);
  });

  it('keeps firstSeenAt while the cause lasts, and writes and reports a finding again only when it changed', async () => {
    await db.sampleRequests.put(request('1', 'maya', US, 'PENDING', 5));
    await evaluateAll(db, [reviewSoon], DEFAULTS, T);
    // Same finding an hour later: the time left changed, so it is an update; it was first seen at T.
    expect(await evaluateAll(db, [reviewSoon], DEFAULTS, T + HOUR)).toMatchObject({ added: [], updated: ['test-review-soon|1|review'] });
    expect(await db.findings.get('test-review-soon|1|review')).toMatchObject({ firstSeenAt: T, evaluatedAt: T + HOUR });
    // Nothing about the creator finding changes between runs: not reported, and not written again.
    await db.creators.put(creator('maya', 3000));
    await evaluateAll(db, [lowFulfilment], DEFAULTS, T);
    expect(await evaluateAll(db, [lowFulfilment], DEFAULTS, T + HOUR)).toEqual({ added: [], removed: [], updated: [], shops: [] });
    expect(await db.findings.get('test-low-fulfilment|maya|US:1')).toMatchObject({ firstSeenAt: T, evaluatedAt: T });
  });

  it('deletes findings whose cause is gone, and a finding that comes back starts anew', async () => {
    await db.sampleRequests.put(request('1', 'maya', US, 'PENDING', 5));
    await evaluateAll(db, [reviewSoon], DEFAULTS, T);
    await db.sampleRequests.put({ ...request('1', 'maya', US, 'AWAITING_SHIPMENT', 5) });
    expect(await evaluateAll(db, [reviewSoon], DEFAULTS, T + HOUR)).toEqual({ added: [], removed: ['test-review-soon|1|review'], updated: [], shops: [US] });
    await db.sampleRequests.put(request('1', 'maya', US, 'PENDING', 5, T + 2 * HOUR));
    await evaluateAll(db, [reviewSoon], DEFAULTS, T + 2 * HOUR);
    expect((await db.findings.get('test-review-soon|1|review'))?.firstSeenAt).toBe(T + 2 * HOUR);
  });

  it('deletes the findings of rules that are no longer built in', async () => {
    await db.sampleRequests.put(request('1', 'maya', US, 'PENDING', 5));
    await evaluateAll(db, [reviewSoon], DEFAULTS, T);
    expect(await evaluateAll(db, [lowFulfilment], DEFAULTS, T)).toMatchObject({ removed: ['test-review-soon|1|review'] });
  });

  it('drops and logs drafts that are not about the subject checked, or repeat an id; keeps the rest', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const sloppy: AnyRule = {
      ...reviewSoon,
      id: 'test-sloppy',
      check: (input, ctx) => {
        const [good] = reviewSoon.check(input, ctx);
        if (!good) return [];
        return [good, { ...good, subjectKey: 'someone-else' }, { ...good, subject: 'creator' }, { ...good, params: { repeated: 1 } }];
      },
    };
    await db.sampleRequests.put(request('1', 'maya', US, 'PENDING', 5));
    await evaluateAll(db, [sloppy], DEFAULTS, T);
    expect(await findings(db)).toEqual([expect.objectContaining({ id: 'test-sloppy|1|review', params: expect.objectContaining({ handle: 'maya' }) })]);
    expect(warn).toHaveBeenCalledTimes(3);
    expect(warn.mock.calls.map(([m]) => String(m))).toEqual([
      expect.stringContaining('someone-else'),
      expect.stringContaining('creator 1'),
      expect.stringContaining('twice'),
    ]);
  });

  it('a rule that throws keeps its findings as they were and does not stop the others', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await db.sampleRequests.put(request('1', 'maya', US, 'PENDING', 5));
    await db.creators.put(creator('maya', 3000));
    await evaluateAll(db, TEST_RULES, DEFAULTS, T);
    const broken: AnyRule = { ...reviewSoon, check: () => { throw new Error('bug'); } };
    await db.creators.put(creator('maya', 9000));
    const result = await evaluateAll(db, [broken, lowFulfilment, commissionLow], DEFAULTS, T + HOUR);
    expect(result.removed).toEqual(['test-low-fulfilment|maya|US:1']);
    expect(await ids(db)).toEqual(['test-review-soon|1|review']);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('test-review-soon failed'), expect.any(Error));
  });
});

describe('shared inputs', () => {
  /** A second rule on the review rule's input: the same subjects, its own findings. */
  const overdue: AnyRule = { ...reviewSoon, id: 'test-overdue', check: (r: SampleRequest & { key: string }) => (r.deadline && r.deadline.at <= T ? reviewSoon.check(r, { thresholds: { hours: 0 }, now: T }) : []) };

  it('loads an input once per evaluation for every rule that names it, in full and for a change', async () => {
    await db.sampleRequests.bulkPut([request('1', 'maya', US, 'PENDING', 5), request('2', 'lee', US, 'PENDING', -1)]);
    const load = vi.spyOn(loaders['test-review-soon'] as InputLoader, 'load');
    const affected = vi.spyOn(loaders['test-review-soon'] as InputLoader, 'affected');
    await evaluateAll(db, [reviewSoon, overdue], DEFAULTS, T);
    expect(load.mock.calls.map((c) => c[1])).toEqual([undefined]);
    expect(await ids(db)).toEqual(['test-overdue|2|review', 'test-review-soon|1|review', 'test-review-soon|2|review']);
    await db.sampleRequests.put(request('1', 'maya', US, 'SHIPPED', 5));
    const result = await evaluateChanges(db, [reviewSoon, overdue], DEFAULTS, { sampleRequests: ['1'] }, T);
    expect(affected).toHaveBeenCalledTimes(1);
    expect(load.mock.calls.map((c) => c[1])).toEqual([undefined, ['1']]);
    expect(result.removed).toEqual(['test-review-soon|1|review']);
  });

  it('an input that fails to load keeps its rules’ findings as they were and does not stop the other inputs', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await db.sampleRequests.put(request('1', 'maya', US, 'PENDING', 5));
    await db.creators.put(creator('maya', 3000));
    await evaluateAll(db, TEST_RULES, DEFAULTS, T);
    vi.spyOn(loaders['test-review-soon'] as InputLoader, 'load').mockRejectedValue(new Error('unreadable'));
    await db.sampleRequests.put(request('1', 'maya', US, 'SHIPPED', 5));
    await db.creators.put(creator('maya', 9000));
    const result = await evaluateChanges(db, TEST_RULES, DEFAULTS, { sampleRequests: ['1'], creators: ['maya'] }, T + HOUR);
    expect(result.removed).toEqual(['test-low-fulfilment|maya|US:1']);
    expect(await ids(db)).toEqual(['test-review-soon|1|review']);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('input test-review-soon failed to load'), expect.any(Error));
  });

  it('leaves alone, and reports, a rule that names no known input', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await db.sampleRequests.put(request('1', 'maya', US, 'PENDING', 5));
    await evaluateAll(db, [reviewSoon], DEFAULTS, T);
    expect(await evaluateAll(db, [{ ...reviewSoon, input: 'nothing' }], DEFAULTS, T + HOUR)).toEqual({ added: [], removed: [], updated: [], shops: [] });
    expect(await ids(db)).toEqual(['test-review-soon|1|review']);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('names input nothing'));
  });
});

describe('evaluateChanges', () => {
  it('re-runs only the rules that read a changed table, only for the subjects affected', async () => {
    await db.sampleRequests.bulkPut([request('1', 'maya', US, 'PENDING', 5), request('2', 'lee', US, 'PENDING', 5)]);
    await db.creators.bulkPut([creator('maya', 3000), creator('lee', 3000)]);
    await db.openCollabs.bulkPut([collab(US, 'a', 1000), collab(US, 'b', 2000), collab(US, 'c', 3000)]);
    await evaluateAll(db, TEST_RULES, DEFAULTS, T);
    const loads = TEST_RULES.map((r) => vi.spyOn(loaders[r.input] as InputLoader, 'load'));
    await db.sampleRequests.put(request('2', 'lee', US, 'SHIPPED', 5));
    const result = await evaluateChanges(db, TEST_RULES, DEFAULTS, { sampleRequests: ['2'], observations: ['x'] }, T);
    expect(result).toEqual({ added: [], removed: ['test-review-soon|2|review'], updated: [], shops: [US] });
    expect(loads[0]?.mock.calls.map((c) => c[1])).toEqual([['2']]);
    expect(loads[1]?.mock.calls.map((c) => c[1])).toEqual([['lee']]);
    expect(loads[2]).not.toHaveBeenCalled();
    // An aggregate moved: the rule runs over every subject.
    await db.openCollabs.put(collab(US, 'd', 500));
    await evaluateChanges(db, TEST_RULES, DEFAULTS, { openCollabs: [`${US}|d`] }, T);
    expect(loads[2]?.mock.calls.map((c) => c[1])).toEqual([undefined]);
    // The median fell from 20% to 10%: the 10% product is no longer under it, the new 5% one is.
    expect((await ids(db)).filter((id) => id.startsWith('test-commission-low'))).toEqual(['test-commission-low|US:1|d']);
  });

  it('leaves findings of subjects it did not evaluate alone', async () => {
    await db.sampleRequests.bulkPut([request('1', 'maya', US, 'PENDING', 5), request('2', 'lee', US, 'PENDING', 5)]);
    await evaluateAll(db, [reviewSoon], DEFAULTS, T);
    await db.sampleRequests.put(request('3', 'ana', GB, 'PENDING', 3, T + HOUR));
    const result = await evaluateChanges(db, [reviewSoon], DEFAULTS, { sampleRequests: ['3'] }, T + HOUR);
    expect(result).toEqual({ added: ['test-review-soon|3|review'], removed: [], updated: [], shops: [GB] });
    expect((await findings(db)).map((f) => [f.id, f.evaluatedAt])).toEqual([
      ['test-review-soon|1|review', T],
      ['test-review-soon|2|review', T],
      ['test-review-soon|3|review', T + HOUR],
    ]);
  });

  it('a subject that no longer exists loses its findings', async () => {
    await db.sampleRequests.put(request('1', 'maya', US, 'PENDING', 5));
    await evaluateAll(db, [reviewSoon], DEFAULTS, T);
    await db.sampleRequests.delete('1');
    expect((await evaluateChanges(db, [reviewSoon], DEFAULTS, { sampleRequests: ['1'] }, T)).removed).toEqual(['test-review-soon|1|review']);
  });
});

describe('evaluateTimeBased', () => {
  it('re-runs the time-based rules in full and leaves the others alone', async () => {
    await db.sampleRequests.put(request('1', 'maya', US, 'PENDING', 30));
    await db.creators.put(creator('maya', 3000));
    await evaluateAll(db, TEST_RULES, DEFAULTS, T);
    await db.creators.put(creator('maya', 9000));
    const result = await evaluateTimeBased(db, TEST_RULES, DEFAULTS, T + 8 * HOUR);
    expect(result).toEqual({ added: ['test-review-soon|1|review'], removed: [], updated: [], shops: [US] });
    // The creator finding is stale until its own change is evaluated: the clock alone does not touch it.
    expect(await ids(db)).toEqual(['test-low-fulfilment|maya|US:1', 'test-review-soon|1|review']);
  });
});

describe('the seller’s decisions', () => {
  it('survive re-evaluation and the finding’s disappearance and reappearance; evaluation never writes them', async () => {
    await db.sampleRequests.bulkPut([request('1', 'maya', US, 'PENDING', 5), request('2', 'lee', US, 'PENDING', 5)]);
    await evaluateAll(db, [reviewSoon], DEFAULTS, T);
    const states = [
      { id: 'test-review-soon|1|review', dismissedAt: T },
      { id: 'test-review-soon|2|review', snoozedUntil: T + 3 * HOUR, notifiedAt: T },
    ];
    await db.findingStates.bulkPut(states);
    await evaluateAll(db, [reviewSoon], DEFAULTS, T + HOUR);
    expect(await db.findingStates.toArray()).toEqual(states);
    await db.sampleRequests.bulkPut([request('1', 'maya', US, 'AWAITING_SHIPMENT', 5), request('2', 'lee', US, 'SHIPPED', 5)]);
    await evaluateChanges(db, [reviewSoon], DEFAULTS, { sampleRequests: ['1', '2'] }, T + 2 * HOUR);
    expect(await ids(db)).toEqual([]);
    expect(await db.findingStates.toArray()).toEqual(states);
    await db.sampleRequests.bulkPut([request('1', 'maya', US, 'PENDING', 5, T + 3 * HOUR), request('2', 'lee', US, 'PENDING', 5, T + 3 * HOUR)]);
    await evaluateChanges(db, [reviewSoon], DEFAULTS, { sampleRequests: ['1', '2'] }, T + 3 * HOUR);
    expect(await ids(db)).toEqual(['test-review-soon|1|review', 'test-review-soon|2|review']);
    expect(await db.findingStates.toArray()).toEqual(states);
  });
});

describe('incremental equals full', () => {
  // A small model: 6 sample requests over 3 creators in two shops, 3 creators, 5 open collaborations. Each step writes
  // a few rows (or lets time pass); one database is evaluated incrementally (changes; time-based rules on the clock, as
  // the alarm does), the other in full after every step. Their findings must be the same after every step.
  const HANDLES = ['maya', 'lee', 'ana'];
  const STATUSES = ['PENDING', 'AWAITING_SHIPMENT', 'SHIPPED'] as const;
  type Write =
    | { kind: 'request'; n: number; status: (typeof STATUSES)[number]; dueInHours: number }
    | { kind: 'creator'; n: number; fulfillmentBps: number | undefined }
    | { kind: 'collab'; n: number; commissionBps: number };
  type Step = { kind: 'writes'; writes: Write[] } | { kind: 'tick'; hours: number };

  const write: fc.Arbitrary<Write> = fc.oneof(
    fc.record({ kind: fc.constant('request' as const), n: fc.nat(5), status: fc.constantFrom(...STATUSES), dueInHours: fc.integer({ min: -5, max: 60 }) }),
    fc.record({ kind: fc.constant('creator' as const), n: fc.nat(2), fulfillmentBps: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }) }),
    fc.record({ kind: fc.constant('collab' as const), n: fc.nat(4), commissionBps: fc.integer({ min: 100, max: 4000 }) }),
  );
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('writes' as const), writes: fc.array(write, { minLength: 1, maxLength: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('tick' as const), hours: fc.integer({ min: 1, max: 30 }) }) },
  );
  const settings = fc.record({
    hours: fc.integer({ min: 1, max: 48 }),
    minBps: fc.integer({ min: 0, max: 10_000 }),
    minObservations: fc.integer({ min: 1, max: 5 }),
  });

  /** Apply writes to a database and return what they changed, as ingest reports it. */
  async function apply(into: AppDB, writes: readonly Write[], now: number): Promise<ChangeSet> {
    const changes: Record<string, string[]> = {};
    const add = (table: string, key: string) => (changes[table] ??= []).push(key);
    for (const w of writes) {
      if (w.kind === 'request') {
        // A request's creator and shop never change: they are part of what it is.
        const r = request(String(w.n), HANDLES[w.n % 3] as string, w.n < 4 ? US : GB, w.status, w.dueInHours, now);
        await into.sampleRequests.put(r);
        add('sampleRequests', r.applyId);
      } else if (w.kind === 'creator') {
        const handle = HANDLES[w.n] as string;
        await into.creators.put(creator(handle, w.fulfillmentBps));
        add('creators', handle);
      } else {
        const c = collab(w.n < 3 ? US : GB, `p${w.n}`, w.commissionBps);
        await into.openCollabs.put(c);
        add('openCollabs', c.key);
      }
    }
    return changes;
  }

  const comparable = (rows: Finding[]) => rows.map(({ evaluatedAt: _e, ...rest }) => rest);

  it('after any sequence of changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), settings, async (steps, t) => {
        const s: EngineSettings = {
          rules: {
            'test-review-soon': { enabled: true, thresholds: { hours: t.hours } },
            'test-low-fulfilment': { enabled: true, thresholds: { minBps: t.minBps } },
            'test-commission-low': { enabled: true, thresholds: { minObservations: t.minObservations } },
          },
        };
        const incremental = freshDb();
        const full = freshDb();
        try {
          let now = T;
          for (const st of steps) {
            if (st.kind === 'tick') {
              now += st.hours * HOUR;
              await evaluateTimeBased(incremental, TEST_RULES, s, now);
            } else {
              const changes = await apply(incremental, st.writes, now);
              await apply(full, st.writes, now);
              await evaluateChanges(incremental, TEST_RULES, s, changes, now);
            }
            await evaluateAll(full, TEST_RULES, s, now);
            expect(comparable(await findings(incremental))).toEqual(comparable(await findings(full)));
          }
        } finally {
          incremental.close();
          full.close();
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe('the built-in rules', () => {
  /** Every row of the model as changed, in the form ingest reports it (`entity|key` for history tables). */
  async function everythingChanged(from: AppDB): Promise<ChangeSet> {
    const changes: Record<string, string[]> = {};
    for (const t of from.tables) {
      if (t.name === 'findings' || t.name === 'findingStates' || t.name === 'costs') continue;
      if (t.name === 'transitions' || t.name === 'snapshots') {
        changes[t.name] = [...new Set((await t.toArray()).map((r: { entity: string; key: string }) => `${r.entity}|${r.key}`))];
      } else changes[t.name] = (await t.toCollection().primaryKeys()).map(keyString);
    }
    return changes;
  }

  it('run on a model with rows in every table without failing, and incremental equals full when everything changed', async () => {
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    await fillEveryTable(db);
    await db.findings.clear();
    const full = freshDb();
    await fillEveryTable(full);
    await full.findings.clear();
    try {
      await evaluateChanges(db, RULES, DEFAULTS, await everythingChanged(db), NOW);
      await evaluateAll(full, RULES, DEFAULTS, NOW);
      const strip = (rows: Finding[]) => rows.map(({ evaluatedAt: _e, ...rest }) => rest);
      expect(await full.findings.count()).toBeGreaterThan(0);
      expect(strip(await findings(db))).toEqual(strip(await findings(full)));
      // Evaluating again at the same time changes nothing.
      expect(await evaluateAll(full, RULES, DEFAULTS, NOW)).toEqual({ added: [], removed: [], updated: [], shops: [] });
      expect(warn).not.toHaveBeenCalled();
      expect(error).not.toHaveBeenCalled();
    } finally {
      full.close();
    }
  });
});
