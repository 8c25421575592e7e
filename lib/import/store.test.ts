import { describe, expect, it } from 'vitest';
import { dump, freshDb } from '../../test/db';
import {
  LOCALES,
  creatorAnalysisExport,
  creatorTruths,
  expectedFigures,
  expectedOrderRow,
  orderTruths,
  ordersExport,
  writeTable,
  type ExportLocale,
} from '../../test/fixtures/exports';
import { ImportDesk } from '../background/imports';
import type { AppDB } from '../db/app-db';
import type { Creator, OrderSku } from '../domain/types';
import { mergeCreator } from '../ingest/merge';
import { importIdOf } from './identity';
import { STAGE_ROWS, type CreatorRow, type ImportRequest, type OrderRow, type StageChunk } from './message';
import { prepareImport, type FileToImport } from './pipeline';
import { shopLocale } from './region';
import { StageDB } from './stage';
import { performanceKey, storeImport, type StoreRequest } from './store';

const NOW = Date.UTC(2025, 5, 20, 8, 0, 0);
const PERIOD = { start: Date.UTC(2025, 4, 1), end: Date.UTC(2025, 5, 1) };
const us = LOCALES.US as ExportLocale;
const id = LOCALES.ID as ExportLocale;

/** A commit with the rows it staged, in order. */
type Staged = ImportRequest & ({ kind: 'creator-analysis'; rows: CreatorRow[] } | { kind: 'orders'; rows: OrderRow[] });

/** Prepare a file the way the options page does, reading the known creators and earlier imports from `db`; the staged rows are kept. */
async function prepareKept(db: AppDB, file: FileToImport, locale: ExportLocale) {
  const chunks: StageChunk[] = [];
  const p = await prepareImport(file, {
    shop: shopLocale(locale.shopKey),
    period: PERIOD,
    findImport: (x) => db.imports.get(x),
    knownCreators: async () => (await db.creators.toArray()).map((c) => ({ handle: c.handle, nickname: c.nickname, aliases: c.aliases })),
    stage: async (chunk) => {
      chunks.push(chunk);
    },
    drop: async () => undefined,
  });
  return { p, rows: chunks.flatMap((c): (CreatorRow | OrderRow)[] => c.rows) };
}

const prepare = async (db: AppDB, file: FileToImport, locale: ExportLocale) => (await prepareKept(db, file, locale)).p;

async function requestOf(db: AppDB, file: FileToImport, locale: ExportLocale): Promise<Staged> {
  const { p, rows } = await prepareKept(db, file, locale);
  if (p.status !== 'checked') throw new Error(p.status);
  return { ...p.request, rows } as Staged;
}

const sliced = <R>(rows: readonly R[]) => Array.from({ length: Math.ceil(rows.length / STAGE_ROWS) }, (_, i) => rows.slice(i * STAGE_ROWS, (i + 1) * STAGE_ROWS));

/** The request `storeImport` takes, its rows read from memory chunk by chunk. */
function storeRequest(req: Staged): StoreRequest {
  const { stage: _stage, chunks: _chunks, rows, ...meta } = req;
  const chunksOf = <R>(all: readonly R[]) => ({ count: sliced(all).length, read: async (seq: number) => sliced(all)[seq] ?? [] });
  return meta.kind === 'creator-analysis' ? { ...meta, kind: meta.kind, chunks: chunksOf(rows as CreatorRow[]) } : { ...meta, kind: meta.kind, chunks: chunksOf(rows as OrderRow[]) };
}

const store = (db: AppDB, req: Staged, cancelled = () => false) => storeImport(db, storeRequest(req), { now: NOW, cancelled });

/** The commit of a request, without its rows. */
const commitOf = ({ rows: _rows, ...commit }: Staged): ImportRequest => commit;

/** Stages a request's rows through the background's desk, as the options page's chunks do. */
async function stageThrough(desk: ImportDesk, req: Staged): Promise<ImportRequest> {
  for (const [seq, rows] of sliced<CreatorRow | OrderRow>(req.rows).entries()) expect(await desk.stage({ kind: req.kind, stage: req.stage, seq, rows })).toEqual({ ok: true });
  return commitOf(req);
}

const freshDesk = (db: AppDB) => new ImportDesk(db, () => NOW, new StageDB(`stage-${crypto.randomUUID()}`));

describe('a creator analysis import', () => {
  it('stores one CreatorPerformance per creator for the shop and period, matched to known creators', async () => {
    const db = freshDb();
    await db.creators.bulkPut([
      { handle: 'glowwithmaya', nickname: 'Maya ✨ Glow', aliases: [], firstSeenAt: 1, lastSeenAt: 1 },
      { handle: 'dapur.sari', nickname: 'Dapur Sari', aliases: [], firstSeenAt: 1, lastSeenAt: 1 },
    ]);
    const truths = creatorTruths(3, ['@glowwithmaya', 'Dapur Sari', 'Kedai Baru'], id);
    const bytes = creatorAnalysisExport(truths, id, { format: 'xlsx' });
    const req = await requestOf(db, { name: 'kreator.xlsx', bytes }, id);
    expect(await store(db, req)).toEqual({
      ok: true,
      status: 'imported',
      record: {
        id: req.id,
        kind: 'creator-analysis',
        fileName: 'kreator.xlsx',
        shopKey: id.shopKey,
        period: PERIOD,
        rows: 3,
        rateForms: { ctr: 'percent', ctor: 'percent' },
        importedAt: NOW,
      },
    });
    const rows = await db.creatorPerformance.orderBy('key').toArray();
    const base = { shopKey: id.shopKey, period: PERIOD, importId: req.id };
    const [maya, sari, baru] = truths as [(typeof truths)[number], (typeof truths)[number], (typeof truths)[number]];
    expect(rows).toEqual(
      [
        { key: performanceKey(id.shopKey, 'glowwithmaya', PERIOD), handle: 'glowwithmaya', ...base, ...expectedFigures(maya, id), name: '@glowwithmaya', matchedBy: 'handle' },
        { key: performanceKey(id.shopKey, 'dapur.sari', PERIOD), handle: 'dapur.sari', ...base, ...expectedFigures(sari, id), name: 'Dapur Sari', matchedBy: 'nickname' },
        { key: performanceKey(id.shopKey, 'Kedai Baru', PERIOD), handle: 'Kedai Baru', ...base, ...expectedFigures(baru, id) },
      ].sort((a, b) => (a.key < b.key ? -1 : 1)),
    );
    expect(await db.imports.count()).toBe(1);
  });

  it('imported twice changes nothing: the page finds the earlier import, and so does the background', async () => {
    const db = freshDb();
    const file = { name: 'c.csv', bytes: creatorAnalysisExport(creatorTruths(5, ['a.one', 'b.two'], us), us, { format: 'csv' }) };
    const req = await requestOf(db, file, us);
    await store(db, req);
    const before = await dump(db);
    const again = await prepare(db, { ...file, name: 'renamed copy.csv' }, us);
    expect(again).toEqual({ status: 'already', record: (await db.imports.toArray())[0] });
    expect(await storeImport(db, storeRequest(req), { now: NOW + 60_000, cancelled: () => false })).toMatchObject({ ok: true, status: 'already', record: { importedAt: NOW } });
    expect(await dump(db)).toEqual(before);
  });
});

describe('imported creators', () => {
  const captured: Creator[] = [
    {
      handle: 'glowwithmaya',
      nickname: 'Maya ✨ Glow',
      aliases: ['cid:7494000000000000001'],
      followerCount: { value: 52_000, seenAt: NOW - 5_000, source: { endpoint: 'creator.profile', page: 'https://affiliate.tiktok.com/connection/creator/detail' } },
      firstSeenAt: NOW - 90_000,
      lastSeenAt: NOW - 5_000,
    },
    { handle: 'dapur.sari', nickname: 'Dapur Sari', aliases: [], firstSeenAt: NOW - 80_000, lastSeenAt: NOW - 4_000 },
    { handle: 'twin.a', nickname: 'Twins', aliases: [], firstSeenAt: 1, lastSeenAt: 1 },
    { handle: 'twin.b', nickname: 'Twins', aliases: [], firstSeenAt: 1, lastSeenAt: 1 },
  ];
  const table = [
    ['Creator name', 'Creator ID', 'Creator-attributed GMV', 'CTR', 'Videos'],
    ['Maya renamed', '7494000000000000001', '$10.00', '200%', '1'],
    ['Dapur Sari', '7494000000000000002', '$20.00', '1.5%', '2'],
    ['@New.Creator', '', '$30.00', '0%', '3'],
    ['Twins', '', '$40.00', '0%', '4'],
    ['Someone 🌸 New', '', '$50.00', '0%', '5'],
  ];

  it('join the identities pages built (handle, platform id, nickname); a new username becomes a known creator', async () => {
    const db = freshDb();
    await db.creators.bulkPut(captured);
    const req = await requestOf(db, { name: 'ids.csv', bytes: writeTable(table, us, { format: 'csv' }) }, us);
    // Through the background's checks: a CTR of 200% is valid.
    const desk = freshDesk(db);
    expect(await desk.importRows(await stageThrough(desk, req))).toMatchObject({ ok: true, status: 'imported' });
    const performance = await db.creatorPerformance.toArray();
    expect(performance.map((r) => [r.handle, r.matchedBy, r.name, r.gmv?.minor, r.ctrBps]).sort()).toEqual(
      [
        ['glowwithmaya', 'alias', 'Maya renamed', 1000, 20_000],
        ['dapur.sari', 'nickname', 'Dapur Sari', 2000, 150],
        ['new.creator', undefined, '@New.Creator', 3000, 0],
        ['twins', undefined, 'Twins', 4000, 0],
        ['Someone 🌸 New', undefined, undefined, 5000, 0],
      ].sort(),
    );
    expect(performance.every((r) => r.importId === req.id && r.period.start === PERIOD.start && r.period.end === PERIOD.end)).toBe(true);
    const creators = new Map((await db.creators.toArray()).map((c) => [c.handle, c]));
    // What pages said of a known creator stays; the import adds only a platform id it names.
    expect(creators.get('glowwithmaya')).toEqual(captured[0]);
    expect(creators.get('dapur.sari')).toEqual({ ...captured[1], aliases: ['cid:7494000000000000002'] });
    expect(creators.get('new.creator')).toEqual({ handle: 'new.creator', aliases: [], importedFrom: req.id, firstSeenAt: NOW, lastSeenAt: NOW });
    // A nickname of two creators, and a name that is no username, name no creator of their own.
    expect([...creators.keys()].sort()).toEqual(['dapur.sari', 'glowwithmaya', 'new.creator', 'twin.a', 'twin.b']);
  });

  it('the same file read again finds them known, and is the same import', async () => {
    const db = freshDb();
    await db.creators.bulkPut(captured);
    const file = { name: 'ids.csv', bytes: writeTable(table, us, { format: 'csv' }) };
    await store(db, await requestOf(db, file, us));
    const again = await prepare(db, file, us);
    expect(again).toEqual({ status: 'already', record: (await db.imports.toArray())[0] });
  });

  it('a page that later shows an imported creator takes over: the import mark goes, the first sighting stays', async () => {
    const db = freshDb();
    const req = await requestOf(db, { name: 'ids.csv', bytes: writeTable(table, us, { format: 'csv' }) }, us);
    await store(db, req);
    const imported = (await db.creators.get('new.creator')) as Creator;
    const seen = mergeCreator(imported, { handle: 'new.creator', nickname: 'New', aliases: ['cid:1'] }, { seenAt: NOW + 1000, shopKey: us.shopKey, source: { endpoint: 'x', page: 'y' } });
    expect(seen).toMatchObject({ handle: 'new.creator', nickname: 'New', aliases: ['cid:1'], firstSeenAt: NOW, lastSeenAt: NOW + 1000 });
    expect(seen.importedFrom).toBeUndefined();
  });

  it('from an orders export: every creator handle it names is known afterwards', async () => {
    const db = freshDb();
    await db.creators.bulkPut(captured);
    const truths = orderTruths(4, 12, ['glowwithmaya', 'orders.only'], us, NOW - 86_400_000);
    const req = await requestOf(db, { name: 'o.csv', bytes: ordersExport(truths, us, { format: 'csv' }) }, us);
    await store(db, req);
    expect(await db.creators.get('glowwithmaya')).toEqual(captured[0]);
    expect(await db.creators.get('orders.only')).toEqual({ handle: 'orders.only', aliases: [], importedFrom: req.id, firstSeenAt: NOW, lastSeenAt: NOW });
  });
});

describe('an affiliate orders import', () => {
  const truths = orderTruths(8, 30, ['glowwithmaya', 'dapur.sari'], us, NOW - 86_400_000);

  it('stores SKU rows and orders with the orders surface’s keys, settlement and provenance', async () => {
    const db = freshDb();
    const req = await requestOf(db, { name: 'orders.xlsx', bytes: ordersExport(truths, us, { format: 'xlsx' }) }, us);
    expect(await store(db, req)).toMatchObject({ ok: true, status: 'imported', record: { kind: 'orders', rows: truths.length } });
    const skus = await db.orderSkus.toArray();
    expect(skus).toHaveLength(truths.length);
    const source = { endpoint: 'import:orders', page: `import:${req.id}` };
    const rateForms = { commission: 'percent', ads: 'percent', partner: 'percent' };
    for (const t of truths) {
      const stored = skus.find((s) => s.key === `${t.orderId}|${t.skuId}`);
      const { refunded, statusRaw: _status, deliveredAt: _delivered, ...expected } = expectedOrderRow(t, us);
      expect(stored).toMatchObject({ ...expected, refunded, rateForms, shopKey: us.shopKey, firstSeenAt: NOW, lastSeenAt: NOW, source });
    }
    const orders = await db.orders.toArray();
    expect(orders.map((o) => [o.orderId, o.skuRows]).sort()).toEqual(
      [...new Set(truths.map((t) => t.orderId))].map((o) => [o, truths.filter((t) => t.orderId === o).length]).sort(),
    );
    for (const o of orders) {
      const { statusRaw, deliveredAt } = expectedOrderRow(truths.find((t) => t.orderId === o.orderId) as (typeof truths)[number], us);
      expect([o.statusRaw, o.deliveredAt]).toEqual([statusRaw, deliveredAt]);
    }
    const transitions = await db.transitions.where('[entity+key]').between(['orderSku', ''], ['orderSku', '\uffff']).toArray();
    expect(transitions).toHaveLength(truths.length);
    expect(new Set(transitions.map((t) => t.to))).toEqual(new Set(truths.map((t) => t.settlement)));
  });

  it('merges into a row captured from the page: a settlement change is a transition, a missing refund column keeps the stored flag', async () => {
    const db = freshDb();
    const [first] = truths as [(typeof truths)[number]];
    const captured: OrderSku = {
      key: `${first.orderId}|${first.skuId}`,
      orderId: first.orderId,
      shopKey: us.shopKey,
      createdAt: first.createdAt,
      skuId: first.skuId,
      settlement: 'AWAITING_PAYMENT',
      settlementRaw: 'AWAITING PAYMENT',
      refunded: 1,
      firstSeenAt: NOW - 1000,
      lastSeenAt: NOW - 1000,
      source: { endpoint: 'orders.list', page: 'https://affiliate-us.tiktok.com/product/order' },
    };
    await db.orderSkus.put(captured);
    const req = await requestOf(db, { name: 'o.csv', bytes: ordersExport([{ ...first, settlement: 'SETTLED', actualCommission: '1.00' }], us, { format: 'csv' }) }, us);
    if (req.kind !== 'orders') throw new Error(req.kind);
    const withoutRefundColumn = { ...req, rows: req.rows.map(({ refunded: _, ...r }) => r) };
    await store(db, withoutRefundColumn);
    const stored = await db.orderSkus.get(captured.key);
    expect(stored).toMatchObject({ settlement: 'SETTLED', settlementRaw: 'SETTLED', refunded: 1, firstSeenAt: NOW - 1000, lastSeenAt: NOW });
    expect((await db.transitions.toArray()).map((t) => [t.from, t.to, t.raw])).toEqual([['AWAITING_PAYMENT', 'SETTLED', 'SETTLED']]);
  });
});

describe('cancel', { timeout: 60_000 }, () => {
  it('while saving aborts the transaction: nothing of the import is written', async () => {
    for (const [locale, file] of [
      [us, { name: 'c.csv', bytes: creatorAnalysisExport(creatorTruths(1, Array.from({ length: 5_000 }, (_, i) => `c.${i}`), us), us, { format: 'csv' }) }],
      [us, { name: 'o.csv', bytes: ordersExport(orderTruths(2, 5_000, ['x'], us, NOW), us, { format: 'csv' }) }],
    ] as const) {
      const db = freshDb();
      await db.creators.put({ handle: 'kept', aliases: [], firstSeenAt: 1, lastSeenAt: 1 });
      const req = await requestOf(db, file, locale);
      const before = await dump(db);
      let checks = 0;
      // The transaction checks after each chunk of rows; the cancel lands after the second chunk was written.
      expect(await store(db, req, () => ++checks > 2)).toEqual({ ok: false, status: 'cancelled' });
      expect(checks).toBeGreaterThan(2);
      expect(await dump(db)).toEqual(before);
    }
  });

  it('through the background: a cancel sent after the rows stops them; one sent after the commit is refused', async () => {
    const db = freshDb();
    const desk = freshDesk(db);
    const req = await requestOf(db, { name: 'c.csv', bytes: creatorAnalysisExport(creatorTruths(1, ['a.b', 'c.d'], us), us, { format: 'csv' }) }, us);
    const before = await dump(db);
    const running = desk.importRows(await stageThrough(desk, req));
    expect(desk.cancel({ id: req.id })).toEqual({ cancelled: true });
    expect(await running).toEqual({ ok: false, status: 'cancelled' });
    expect(await dump(db)).toEqual(before);
    // A cancelled import's stage is gone: importing again stages again.
    expect(await desk.importRows(commitOf(req))).toMatchObject({ ok: false, status: 'invalid' });
    expect(await desk.importRows(await stageThrough(desk, req))).toMatchObject({ ok: true, status: 'imported' });
    expect(desk.cancel({ id: req.id })).toEqual({ cancelled: false });
    expect(await db.creatorPerformance.count()).toBe(2);
  });
});

describe('staged chunks', { timeout: 60_000 }, () => {
  it('of a large import are all committed in one transaction, and the stage is gone afterwards', async () => {
    const db = freshDb();
    const stages = new StageDB(`stage-${crypto.randomUUID()}`);
    const desk = new ImportDesk(db, () => NOW, stages);
    const names = Array.from({ length: 2 * STAGE_ROWS + 7 }, (_, i) => `c.${i}`);
    const req = await requestOf(db, { name: 'c.csv', bytes: creatorAnalysisExport(creatorTruths(1, names, us), us, { format: 'csv' }) }, us);
    expect(req.chunks).toBe(3);
    expect(await desk.importRows(await stageThrough(desk, req))).toMatchObject({ ok: true, status: 'imported', record: { rows: names.length } });
    expect(await db.creatorPerformance.count()).toBe(names.length);
    expect([await stages.heads.count(), await stages.rows.count()]).toEqual([0, 0]);
  });

  it('left behind by a closed page are dropped when a later import starts staging, a day later', async () => {
    const db = freshDb();
    const stages = new StageDB(`stage-${crypto.randomUUID()}`);
    let now = NOW;
    const desk = new ImportDesk(db, () => now, stages);
    const req = await requestOf(db, { name: 'c.csv', bytes: creatorAnalysisExport(creatorTruths(1, ['a.b', 'c.d'], us), us, { format: 'csv' }) }, us);
    await stageThrough(desk, req);
    now += 25 * 3_600_000;
    const other = await requestOf(db, { name: 'd.csv', bytes: creatorAnalysisExport(creatorTruths(2, ['e.f'], us), us, { format: 'csv' }) }, us);
    await stageThrough(desk, other);
    expect((await stages.heads.toArray()).map((h) => h.stage)).toEqual([other.stage]);
    expect(await desk.importRows(commitOf(req))).toMatchObject({ ok: false, status: 'invalid' });
    await desk.drop({ stage: other.stage });
    expect([await stages.heads.count(), await stages.rows.count()]).toEqual([0, 0]);
    expect(await db.creatorPerformance.count()).toBe(0);
  });
});

describe('the background validates the messages again', () => {
  it('and stores nothing from a chunk or a commit that is not well formed', async () => {
    const db = freshDb();
    const desk = freshDesk(db);
    const req = await requestOf(db, { name: 'c.csv', bytes: creatorAnalysisExport(creatorTruths(1, ['a.b', 'c.d'], us), us, { format: 'csv' }) }, us);
    if (req.kind !== 'creator-analysis') throw new Error(req.kind);
    const before = await dump(db);
    const [first, ...rest] = req.rows as [(typeof req.rows)[number], ...typeof req.rows];
    const chunk = { kind: req.kind, stage: req.stage, seq: 0 };
    const badChunks: unknown[] = [
      { ...chunk, rows: [{ ...first, ctrBps: 1e9 }] },
      { ...chunk, rows: [{ ...first, gmv: { minor: 1.5, currency: 'USD' } }] },
      { ...chunk, rows: [{ ...first, ctrBps: -1 }] },
      { ...chunk, rows: [{ ...first, extra: '<script>' }] },
      { ...chunk, rows: [] },
      { ...chunk, rows: Array.from({ length: STAGE_ROWS + 1 }, () => first) },
      { ...chunk, stage: 'not-a-stage', rows: [first] },
      { ...chunk, kind: 'orders', rows: [first] },
    ];
    for (const b of badChunks) expect(await desk.stage(b), JSON.stringify(b).slice(0, 80)).toMatchObject({ ok: false });
    const other = { ...req, rows: [{ ...first, videos: 99 }, ...rest] };
    const badCommits: [Staged, unknown][] = [
      [req, { ...commitOf(req), id: 'not-a-hash' }],
      [req, { ...commitOf(req), id: await importIdOf(other) }],
      [req, { ...commitOf(req), period: { start: PERIOD.end, end: PERIOD.start } }],
      [req, { ...commitOf(req), kind: 'orders' }],
      [req, { ...commitOf(req), rowCount: 0 }],
      [req, { ...commitOf(req), rowCount: req.rowCount + 1 }],
      [req, { ...commitOf(req), chunks: 2 }],
    ];
    for (const [staged, commit] of badCommits) {
      await stageThrough(desk, staged);
      expect(await desk.importRows(commit), JSON.stringify(commit).slice(0, 80)).toMatchObject({ ok: false, status: 'invalid' });
      await desk.drop({ stage: req.stage });
    }
    // The same row in two chunks.
    await stageThrough(desk, req);
    expect(await desk.stage({ ...chunk, seq: 1, rows: [first] })).toEqual({ ok: true });
    expect(await desk.importRows({ ...commitOf(req), chunks: 2, rowCount: req.rowCount + 1 })).toEqual({ ok: false, status: 'invalid', reason: 'rows: duplicate row key' });
    expect(await dump(db)).toEqual(before);
  });
});
