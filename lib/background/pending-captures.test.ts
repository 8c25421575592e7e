import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { API_URL, NOW, PAGE_URL, requestBody, toReviewPage } from '../../test/fixtures/sample-group-list';
import { freshDb } from '../../test/db';
import { pendingKey } from '../capture/pending';
import type { Capture, CaptureBatch } from '../capture/schema';
import type { AppDB } from '../db/app-db';
import type { IngestAck } from '../messaging/protocol';
import { ingestBatch } from './handlers';
import { registerPendingCaptures } from './pending-captures';

const capture = (id: string, json: unknown = toReviewPage()): Capture => ({
  v: 1,
  id,
  url: API_URL,
  method: 'POST',
  status: 200,
  requestBody: requestBody(),
  responseText: JSON.stringify(json),
  pageUrl: PAGE_URL,
  seenAt: NOW,
});
const keep = (c: Capture) => fakeBrowser.storage.local.set({ [pendingKey(c.id)]: { captures: [c] } satisfies CaptureBatch });
const pendingKeys = async () => Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) => k.startsWith('pendingCaptures:'));
const storedRequests = async (db: AppDB) => (await db.sampleRequests.toArray()).length;

let db: AppDB;
beforeEach(() => {
  db = freshDb();
});
// The databases stay open: the creators view's rows follow an ingest in a queue of their own, after it returns.
afterEach(() => vi.useRealTimers());

describe('registerPendingCaptures', () => {
  it('at start-up, stores what pages left through the validated ingest and removes only those entries', async () => {
    await keep(capture('capture-left-behind-1'));
    await fakeBrowser.storage.local.set({ rules: { unrelated: true } });
    registerPendingCaptures((batch) => ingestBatch(db, batch), 0);
    await expect.poll(pendingKeys, { timeout: 10_000 }).toEqual([]);
    expect(await storedRequests(db)).toBeGreaterThan(0);
    expect(await fakeBrowser.storage.local.get('rules')).toEqual({ rules: { unrelated: true } });
  });

  it('drains a capture a page writes while the worker runs, after the grace a live page has to send it itself', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const ingest = vi.fn((_: unknown): Promise<IngestAck> => Promise.resolve({ ok: true, accepted: 1, rejected: 0, shops: [], handles: [] }));
    registerPendingCaptures(ingest, 2_000);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(ingest).not.toHaveBeenCalled();
    await keep(capture('capture-written-later'));
    await vi.advanceTimersByTimeAsync(1_000);
    // A second write does not postpone the drain already due.
    await keep(capture('capture-written-after'));
    await vi.advanceTimersByTimeAsync(999);
    expect(ingest).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await expect.poll(pendingKeys, { timeout: 10_000 }).toEqual([]);
    expect(ingest.mock.calls.map(([batch]) => (batch as CaptureBatch).captures[0]!.id)).toEqual(['capture-written-later', 'capture-written-after']);
  });

  it('removes a batch only after it was stored, keeps one whose storing failed, and drops one that can never be stored', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let finish: (ack: IngestAck) => void = () => undefined;
    const answers: Record<string, () => Promise<IngestAck>> = {
      'capture-slow': () => new Promise((resolve) => (finish = resolve)),
      'capture-failing': () => Promise.resolve({ ok: false, retry: true, reason: 'AbortError' }),
    };
    const seen: string[] = [];
    const ingest = (batch: unknown) => {
      const id = (batch as CaptureBatch).captures[0]!.id;
      seen.push(id);
      return answers[id]?.() ?? ingestBatch(db, batch);
    };
    await keep(capture('capture-slow'));
    await keep(capture('capture-failing'));
    await fakeBrowser.storage.local.set({ [pendingKey('capture-invalid')]: { captures: [{ id: 'capture-invalid' }] } });
    registerPendingCaptures(ingest, 0);
    await expect.poll(() => seen, { timeout: 10_000 }).toEqual(['capture-slow']);
    expect(await pendingKeys()).toHaveLength(3);
    finish({ ok: true, accepted: 1, rejected: 0, shops: [], handles: [] });
    await expect.poll(pendingKeys, { timeout: 10_000 }).toEqual([pendingKey('capture-failing')]);
    expect(seen).toEqual(['capture-slow', 'capture-failing', 'capture-invalid']);
  });

  it('drains again when a page writes during a drain, and stores a batch delivered twice only once', async () => {
    const first = capture('capture-first');
    await keep(first);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const ingest = vi.fn(async (batch: unknown) => {
      await gate;
      return ingestBatch(db, batch);
    });
    registerPendingCaptures(ingest, 0);
    await expect.poll(() => ingest.mock.calls.length, { timeout: 10_000 }).toBe(1);
    // The same capture again (its page also kept it under a new key, as a re-sent batch would be).
    await fakeBrowser.storage.local.set({ [pendingKey('capture-again')]: { captures: [{ ...first, id: 'capture-again' }] } });
    release();
    await expect.poll(pendingKeys, { timeout: 10_000 }).toEqual([]);
    expect(ingest).toHaveBeenCalledTimes(2);
    const once = freshDb();
    await ingestBatch(once, { captures: [first] });
    expect(await storedRequests(db)).toBe(await storedRequests(once));
  });
});
