import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { DAY, HOUR, NOW, campaign, content, creator, invitation, invitationProduct, openCollab, product, registration, request, transition } from '../../test/fixtures/rule-entities';
import { affectedBy, loadInputs, loaderOf } from '../../test/fixtures/rule-inputs';
import type { AppDB } from '../db/app-db';
import type { SampleStatus } from '../domain/sample-status';
import type { RegistrationState } from '../domain/types';
import { RULE_CATALOGUE } from './catalogue';
import { RULES } from './index';
import { LOADERS } from './inputs/index';
import type { AnyRule, ChangeSet, FindingDraft, Texts, ThresholdSpec } from './types';

/**
 * The registry and the rule files stay in step, and every rule is complete: a rule file per rule (its id is the file
 * name), listed in RULES once, with a test beside it, texts in both languages with the same placeholders, and
 * thresholds whose defaults lie within their bounds. (Each rule's own test checks that a firing finding's params fill
 * its message.)
 */

const NOT_RULES = new Set(['types', 'engine', 'settings', 'view', 'util', 'index', 'catalogue']);
const modules = import.meta.glob<Record<string, unknown>>(['./*.ts', '!./*.test.ts'], { eager: true });
const tests = Object.keys(import.meta.glob('./*.test.ts'));

const nameOf = (path: string) => path.replace(/^\.\//, '').replace(/\.ts$/, '');
const ruleFiles = Object.keys(modules)
  .map(nameOf)
  .filter((name) => !NOT_RULES.has(name))
  .sort();

const isRule = (v: unknown): v is AnyRule => typeof v === 'object' && v !== null && 'id' in v && 'check' in v && 'input' in v;
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
const textsOf = (rule: AnyRule): [string, Texts][] => [
  ['title', rule.title],
  ['explanation', rule.explanation],
  ['message', rule.message],
  ...Object.entries(rule.thresholds as Record<string, ThresholdSpec>).map(([name, spec]): [string, Texts] => [`threshold ${name}`, spec.label]),
];

/**
 * Every module `entry` imports as a value, transitively: relative paths resolved to files, packages by name. Type-only
 * imports are left out: they do not reach the bundle.
 */
function valueImports(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.startsWith('/')) return;
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^import\s+(type\s+)?([^'";]*?)\s*from\s*'([^']+)';/gms)) {
      const [, typeOnly, names = '', from = ''] = m;
      const specifiers = names.replace(/[{}]/g, '').split(',').map((n) => n.trim()).filter(Boolean);
      if (typeOnly || (specifiers.length && specifiers.every((n) => n.startsWith('type ')))) continue;
      if (!from.startsWith('.')) {
        seen.add(from);
        continue;
      }
      const base = resolve(dirname(file), from);
      const found = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((f) => existsSync(f));
      if (found) visit(found);
    }
  };
  visit(entry);
  return seen;
}

describe('built-in rules', () => {
  it('has rule files to check', () => {
    expect(ruleFiles.length).toBeGreaterThan(0);
    expect(RULES.length).toBeGreaterThan(0);
  });

  it.each(ruleFiles)('%s: exports one rule whose id is the file name, registered in RULES, with a test beside it', (name) => {
    const exported = Object.values(modules[`./${name}.ts`] ?? {}).filter(isRule);
    expect(exported.map((r) => r.id)).toEqual([name]);
    expect(RULES).toContain(exported[0]);
    expect(tests).toContain(`./${name}.test.ts`);
  });

  it('names, in each rule, a shared input that exists', () => {
    for (const rule of RULES) expect(Object.keys(LOADERS), rule.id).toContain(rule.input);
  });

  it('gives the screens every rule’s texts and settings in the catalogue, and nothing that reads the database', () => {
    expect(RULE_CATALOGUE.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    for (const texts of RULE_CATALOGUE) expect(Object.keys(texts)).not.toEqual(expect.arrayContaining(['input']));
    for (const texts of RULE_CATALOGUE) expect(Object.keys(texts)).not.toEqual(expect.arrayContaining(['check']));
    const graph = valueImports(new URL('./catalogue.ts', import.meta.url).pathname);
    expect(graph.size).toBeGreaterThan(RULES.length);
    const readers = [...graph].filter((m) => m.includes('/lib/rules/inputs/') || m.endsWith('/lib/rules/engine.ts') || m.includes('/lib/db/') || m === 'dexie');
    expect(readers).toEqual([]);
  });

  it('lists every rule once, and only rules that have a file', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ruleFiles);
  });

  describe.each(RULES.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
    it('has a kebab-case id, reads at least one table, and notifies only about time-based deadlines', () => {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(loaderOf(rule).reads.length).toBeGreaterThan(0);
      expect(new Set(loaderOf(rule).reads).size).toBe(loaderOf(rule).reads.length);
      if (rule.notify) expect(rule.timeBased).toBe(true);
    });

    it('says everything in English and Bahasa Indonesia, with the same placeholders in both', () => {
      for (const [what, texts] of textsOf(rule)) {
        expect(texts.en.trim(), `${what} en`).not.toBe('');
        expect(texts.id.trim(), `${what} id`).not.toBe('');
        expect(texts.id, `${what} is translated`).not.toBe(texts.en);
        expect(placeholders(texts.id), what).toEqual(placeholders(texts.en));
      }
    });

    it('has thresholds with a default inside their bounds', () => {
      for (const [name, spec] of Object.entries(rule.thresholds as Record<string, ThresholdSpec>)) {
        expect(spec.min, name).toBeLessThanOrEqual(spec.max);
        expect(spec.default, name).toBeGreaterThanOrEqual(spec.min);
        expect(spec.default, name).toBeLessThanOrEqual(spec.max);
      }
    });
  });
});

describe('every rule re-run on the subjects its `affected` names equals a full run', () => {
  // A small model of two shops; each step writes a few rows as ingest does (an entity's identity – a request's shop,
  // creator and product, a registration's campaign – never changes; the model never deletes these rows) and reports
  // the change set. For every rule, findings kept incrementally (subjects `affected` names re-checked, the others kept)
  // must equal a full run after every step. A rule reading a table it does not list in `reads` fails here too.
  const ID = 'ID:1';
  const US = 'US:2';
  const shopOf = (p: number) => (p < 5 ? ID : US);
  const STATUSES: SampleStatus[] = ['PENDING', 'AWAITING_SHIPMENT', 'SHIPPED', 'CONTENT_PENDING', 'COMPLETED', 'UNFULFILL_CANCELLED', 'REJECT_CANCELLED'];
  const STATES: RegistrationState[] = ['PENDING', 'APPROVED', 'LIVE', 'REJECTED', 'CANCELLED'];
  const OFFSETS = [-30 * DAY, -22 * DAY, -21 * DAY, -20 * DAY, -6 * DAY, -5 * DAY, -DAY, -HOUR, HOUR, 23 * HOUR, 25 * HOUR, 47 * HOUR, 49 * HOUR, 10 * DAY];
  const at = fc.constantFrom(...OFFSETS).map((o) => NOW + o);
  const rate = fc.option(fc.constantFrom(500, 800, 1000, 1200, 1500, 2000, 2500, 3000), { nil: undefined });
  const productNo = fc.integer({ min: 1, max: 6 });
  const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
  /** Request n's fixed identity: a0 and a1 are the same creator asking for the same product. */
  const IDENTITIES: [string, string, string][] = [
    [ID, 'maya', 'p1'],
    [ID, 'maya', 'p1'],
    [ID, 'lee', 'p1'],
    [ID, 'lee', 'p2'],
    [ID, 'ana', 'p3'],
    [ID, 'maya', 'p2'],
    [US, 'maya', 'p5'],
    [US, 'lee', 'p6'],
  ];
  const identity = (n: number) => {
    const [shopKey, creatorHandle, productId] = IDENTITIES[n] as [string, string, string];
    return { applyId: `a${n}`, shopKey, creatorHandle, productId };
  };

  type Changes = Record<string, string[]>;
  type Write = (db: AppDB, changes: Changes) => Promise<void>;
  const note = (changes: Changes, table: string, key: string) => (changes[table] ??= []).push(key);
  const write = <T>(weight: number, values: fc.Arbitrary<T>, put: (db: AppDB, w: T, changes: Changes) => Promise<void>) => ({
    weight,
    arbitrary: values.map((w): Write => (db, changes) => put(db, w, changes)),
  });
  const SOURCE = request().source;

  const writes: fc.Arbitrary<Write> = fc.oneof(
    write(
      5,
      fc.record({
        n: fc.nat(7),
        status: fc.constantFrom(...STATUSES),
        seen: at,
        deadline: optional(fc.record({ kind: fc.constantFrom('review' as const, 'ship' as const, 'content' as const), at })),
        refundable: optional(fc.record({ goalUnits: fc.nat(3), soldUnits: fc.nat(3), windowEndAt: at })),
        commissionBps: rate,
        appliedAt: at,
      }),
      async (db, w, changes) => {
        const id = identity(w.n);
        const deadline = w.deadline && { ...w.deadline, seenAt: NOW - HOUR };
        await db.sampleRequests.put(
          request({ ...id, status: w.status, statusRaw: w.status, statusSeenAt: w.seen, appliedAt: w.appliedAt, commissionBps: w.commissionBps, deadline, refundable: w.refundable }),
        );
        note(changes, 'sampleRequests', id.applyId);
      },
    ),
    write(2, fc.record({ n: fc.nat(7), to: fc.constantFrom(...STATUSES), seenAt: at }), async (db, w, changes) => {
      const { id: _generated, ...t } = transition(`a${w.n}`, w.to, w.seenAt);
      await db.transitions.add(t);
      note(changes, 'transitions', `sampleRequest|a${w.n}`);
    }),
    write(1, fc.nat(2), async (db, m, changes) => {
      await db.sampleContents.put(content({ contentId: `v${m}`, ...identity(m * 3) }));
      note(changes, 'sampleContents', `v${m}`);
    }),
    write(2, fc.record({ handle: fc.constantFrom('maya', 'lee', 'ana'), bps: optional(fc.constantFrom(1000, 3999, 4000, 9000)) }), async (db, w, changes) => {
      await db.creators.put(creator({ handle: w.handle, fulfillmentBps: w.bps === undefined ? undefined : { value: w.bps, seenAt: NOW, source: SOURCE } }));
      note(changes, 'creators', w.handle);
    }),
    write(3, fc.record({ p: productNo, category: fc.constantFrom('beauty', 'beauty', 'toys', undefined), title: fc.constantFrom('Serum', 'Serum Vitamin C') }), async (db, w, changes) => {
      // As the products sink merges: a page without a category keeps the stored one; one that shows or moves is a transition.
      const before = await db.products.get(`p${w.p}`);
      const categoryId = w.category ?? before?.categoryId;
      await db.products.put(product({ productId: `p${w.p}`, shopKey: shopOf(w.p), title: w.title, categoryId }));
      note(changes, 'products', `p${w.p}`);
      if (categoryId !== undefined && categoryId !== before?.categoryId) note(changes, 'transitions', `product|p${w.p}`);
    }),
    write(3, fc.record({ p: productNo, bps: rate, terminating: fc.boolean() }), async (db, w, changes) => {
      const c = openCollab({ productId: `p${w.p}`, shopKey: shopOf(w.p), commissionBps: w.bps, status: w.terminating ? 'TERMINATING' : 'NORMAL' });
      await db.openCollabs.put(c);
      note(changes, 'openCollabs', c.key);
    }),
    write(2, fc.record({ inv: fc.constantFrom('i1', 'i2'), p: productNo, bps: rate }), async (db, w, changes) => {
      await db.invitationProducts.put(invitationProduct({ invitationId: w.inv, productId: `p${w.p}`, shopKey: shopOf(w.p), targetCommissionBps: w.bps }));
      note(changes, 'invitationProducts', `${w.inv}|p${w.p}`);
    }),
    write(1, fc.record({ inv: fc.constantFrom('i1', 'i2'), completed: fc.boolean() }), async (db, w, changes) => {
      await db.invitations.put(invitation({ id: w.inv, shopKey: ID, status: w.completed ? 'COMPLETED' : 'ONGOING' }));
      note(changes, 'invitations', w.inv);
    }),
    write(2, fc.record({ k: fc.nat(2), bps: rate }), async (db, w, changes) => {
      const row = { id: `app${w.k}`, shopKey: ID, productId: `p${w.k + 1}`, creatorHandle: 'lee', status: 'PENDING', commissionBps: w.bps, firstSeenAt: NOW, lastSeenAt: NOW, source: SOURCE };
      await db.creatorApplications.put(row);
      note(changes, 'creatorApplications', row.id);
    }),
    write(
      2,
      fc.record({ c: fc.constantFrom('c1', 'c2'), p: fc.integer({ min: 1, max: 4 }), state: fc.constantFrom(...STATES), bps: rate, quantity: optional(fc.nat(20)) }),
      async (db, w, changes) => {
        const key = `${w.c}|p${w.p}`;
        await db.registrations.put(registration({ key, campaignId: w.c, productId: `p${w.p}`, shopKey: ID, state: w.state, totalCommissionBps: w.bps, sampleQuantity: w.quantity }));
        note(changes, 'registrations', key);
      },
    ),
    write(
      2,
      fc.record({
        c: fc.constantFrom('c1', 'c2'),
        kind: fc.constantFrom('agency' as const, 'seller' as const),
        targeted: fc.boolean(),
        closed: fc.boolean(),
        registrationEndAt: optional(at),
        campaignStartAt: optional(at),
        campaignEndAt: optional(at),
        requirement: rate,
        registeredProducts: optional(fc.nat(1)),
      }),
      async (db, w, changes) => {
        await db.campaigns.put(
          campaign({
            id: w.c,
            shopKey: ID,
            kind: w.kind,
            scope: w.targeted ? 'targeted' : 'all',
            status: w.closed ? 'CLOSED' : 'ONGOING',
            registrationEndAt: w.registrationEndAt,
            campaignStartAt: w.campaignStartAt,
            campaignEndAt: w.campaignEndAt,
            commissionRequirementBps: w.requirement,
            registeredProducts: w.registeredProducts,
          }),
        );
        note(changes, 'campaigns', w.c);
      },
    ),
  );

  /** Default thresholds, except a benchmark of one rate, so the small model exercises the benchmark rules too. */
  const thresholdsOf = (rule: AnyRule) =>
    Object.fromEntries(Object.entries(rule.thresholds as Record<string, ThresholdSpec>).map(([name, spec]) => [name, name === 'minObservations' ? 1 : spec.default]));
  const idOf = (d: FindingDraft) => (d.variant === undefined ? d.subjectKey : `${d.subjectKey}|${d.variant}`);

  async function run(db: AppDB, rule: AnyRule, keys: readonly string[] | undefined): Promise<Map<string, FindingDraft>> {
    const ctx = { thresholds: thresholdsOf(rule), now: NOW };
    const drafts = (await loadInputs(rule, db, keys, NOW)).flatMap((input) => rule.check(input, ctx) as FindingDraft[]);
    return new Map(drafts.map((d) => [idOf(d), d]));
  }

  const relevant = (rule: AnyRule, changes: ChangeSet): ChangeSet | undefined => {
    const out = Object.fromEntries(loaderOf(rule).reads.flatMap((t) => (changes[t]?.length ? [[t, changes[t]]] : [])));
    return Object.keys(out).length ? out : undefined;
  };
  const sorted = (m: Map<string, FindingDraft> | undefined) => [...(m ?? [])].sort(([a], [b]) => (a < b ? -1 : 1));

  it('after any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(writes, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 15 }), async (steps) => {
        const db = freshDb();
        try {
          const kept = new Map<string, Map<string, FindingDraft>>(RULES.map((r) => [r.id, new Map()]));
          for (const step of steps) {
            const changes: Changes = {};
            for (const w of step) await w(db, changes);
            for (const rule of RULES) {
              const mine = relevant(rule, changes);
              const affected = mine ? await affectedBy(rule, db, mine) : [];
              if (affected === 'all') kept.set(rule.id, await run(db, rule, undefined));
              else if (affected.length) {
                const keys = new Set(affected);
                const next = new Map([...(kept.get(rule.id) ?? [])].filter(([, d]) => !keys.has(d.subjectKey)));
                for (const [id, d] of await run(db, rule, [...keys])) next.set(id, d);
                kept.set(rule.id, next);
              }
              expect(sorted(kept.get(rule.id)), `${rule.id} after ${JSON.stringify(changes)}`).toEqual(sorted(await run(db, rule, undefined)));
            }
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
