import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { body, END, NOW, outreachResponse, PAGE_URL, sampleResponse, START_28, transactionResponse, transactionUrl } from '../../../test/fixtures/insights';
import { dump, freshDb } from '../../../test/db';
import type { Capture } from '../../capture/schema';
import type { AppDB } from '../../db/app-db';
import { ingestCaptures } from '../ingest';

const SHOP = 'US:7495000000000000001';
let n = 0;
function capture(module: 'transaction' | 'sample' | 'outreach', json: unknown, dateType: number, seenAt = NOW): Capture {
  return {
    v: 1,
    id: `capture-${++n}`,
    url: transactionUrl.replace('/transaction/', `/${module}/`),
    method: 'POST',
    status: 200,
    requestBody: JSON.stringify(body(dateType)),
    responseText: JSON.stringify(json),
    pageUrl: PAGE_URL,
    seenAt,
  };
}

let db: AppDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

const snapshotsOf = (key: string) => db.snapshots.where('[entity+key+seenAt]').between(['insight', key, 0], ['insight', key, Infinity]).toArray();

describe('insights sink', () => {
  it('stores each module and period as one insight per shop, with provenance', async () => {
    await ingestCaptures(db, [capture('transaction', transactionResponse(), 2), capture('sample', sampleResponse(), 1), capture('outreach', outreachResponse(), 2)]);
    const rows = await db.insights.orderBy('key').toArray();
    expect(rows.map((r) => r.key)).toEqual([`${SHOP}|outreach|last_28_days`, `${SHOP}|sample|last_7_days`, `${SHOP}|transaction|last_28_days`]);
    const t = rows[2]!;
    expect(t).toMatchObject({
      shopKey: SHOP,
      module: 'transaction',
      period: { start: START_28, end: END, label: 'last_28_days' },
      source: { endpoint: 'insights.transaction', page: PAGE_URL },
    });
    expect(t.metrics.gmv).toEqual({ minor: 4_821_357, currency: 'USD' });
    expect((await db.endpointStats.get('insights.sample'))?.accepted).toBe(1);
  });

  it('snapshots the figures only when they change, so a rolling window becomes a dated series', async () => {
    const key = `${SHOP}|transaction|last_28_days`;
    await ingestCaptures(db, [capture('transaction', transactionResponse(), 2)]);
    await ingestCaptures(db, [capture('transaction', transactionResponse(), 2, NOW + 3_600_000)]);
    const nextDay = transactionResponse({ order_cnt: { value: '1901' } });
    nextDay.data.period = { start_time: String(START_28 + 86_400_000), end_time: String(END + 86_400_000), date_type: 2 };
    await ingestCaptures(db, [capture('transaction', nextDay, 2, NOW + 86_400_000)]);
    const snaps = await snapshotsOf(key);
    expect(snaps.map((s) => [s.seenAt, s.values.orders, s.values.end])).toEqual([
      [NOW, 1873, END],
      [NOW + 86_400_000, 1901, END + 86_400_000],
    ]);
    expect((await db.insights.get(key))?.metrics.orders).toBe(1901);
  });

  it('is idempotent, and an older capture never replaces newer figures', async () => {
    await ingestCaptures(db, [capture('sample', sampleResponse(), 1, NOW + 1000)]);
    const before = await dump(db);
    await ingestCaptures(db, [capture('sample', sampleResponse({ apply_cnt: 1 }), 1, NOW)]);
    await ingestCaptures(db, [capture('sample', sampleResponse(), 1, NOW + 1000)]);
    const after = await dump(db);
    expect(after.insights).toEqual((before.insights ?? []).map((r) => ({ ...(r as object), firstSeenAt: NOW })));
    expect(after.snapshots).toEqual(before.snapshots);
  });

  it('stores nothing of a response with a broken figure, and counts it', async () => {
    await ingestCaptures(db, [capture('sample', sampleResponse({ content_rate: 'n/a' }), 1)]);
    expect(await db.insights.count()).toBe(0);
    expect(await db.snapshots.count()).toBe(0);
    expect(await db.endpointStats.get('insights.sample')).toMatchObject({ accepted: 0, rejected: 1, failures: { 'data.core_stats.content_rate: invalid_union': 1 } });
  });
});
