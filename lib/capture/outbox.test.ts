import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IngestAck } from '../messaging/protocol';
import { Outbox } from './outbox';
import { pendingKey, type PendingStore } from './pending';
import type { Capture, CaptureBatch } from './schema';

const capture = (id: string): Capture => ({
  v: 1,
  id: `capture-${id}`,
  url: 'https://affiliate-us.tiktok.com/api/v1/affiliate/sample/group/list',
  method: 'POST',
  status: 200,
  responseText: '{}',
  pageUrl: 'https://affiliate-us.tiktok.com/product/sample-request',
  seenAt: 1_763_700_000_000,
});
const ack: IngestAck = { ok: true, accepted: 1, rejected: 0, shops: [], handles: [] };

/** storage.local as the outbox sees it: what is kept now, and every write and removal in order. */
function memoryStore() {
  const kept = new Map<string, CaptureBatch>();
  const log: string[] = [];
  const store: PendingStore = {
    save: vi.fn(async (key: string, batch: CaptureBatch) => {
      kept.set(key, batch);
      log.push(`save ${key}`);
    }),
    remove: vi.fn(async (keys: string[]) => {
      for (const k of keys) kept.delete(k);
      log.push(`remove ${keys.join(' ')}`);
    }),
  };
  return { store, kept, log };
}
let store: PendingStore;
beforeEach(() => {
  store = memoryStore().store;
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('Outbox', () => {
  it('batches captures that arrive together', async () => {
    const send = vi.fn((_: CaptureBatch): Promise<IngestAck> => Promise.resolve(ack));
    const box = new Outbox({ send, onAck: () => undefined, signal: new AbortController().signal, store });
    box.push(capture('a'));
    box.push(capture('b'));
    await vi.runAllTimersAsync();
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]?.[0].captures.map((c) => c.id)).toEqual(['capture-a', 'capture-b']);
    expect(box.pending).toBe(0);
  });

  it('re-sends until the background acknowledges, losing nothing and keeping order', async () => {
    let failures = 3;
    const delivered: string[] = [];
    const send = vi.fn((batch: CaptureBatch): Promise<IngestAck> => {
      if (failures-- > 0) return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
      delivered.push(...batch.captures.map((c) => c.id));
      return Promise.resolve(ack);
    });
    const onAck = vi.fn();
    const box = new Outbox({ send, onAck, signal: new AbortController().signal, store });
    box.push(capture('a'));
    await vi.advanceTimersByTimeAsync(150);
    box.push(capture('b'));
    await vi.runAllTimersAsync();
    expect(send).toHaveBeenCalledTimes(4);
    expect(delivered).toEqual(['capture-a', 'capture-b']);
    expect(onAck).toHaveBeenCalledTimes(1);
    expect(box.pending).toBe(0);
  });

  it('drops a batch the background refuses, or cannot store after a few tries, so later captures still go', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const sent: string[][] = [];
    const answers: IngestAck[] = [
      { ok: false, retry: false, reason: 'invalid batch' },
      { ok: false, retry: true, reason: 'ConstraintError' },
      { ok: false, retry: true, reason: 'ConstraintError' },
      { ok: false, retry: true, reason: 'ConstraintError' },
      ack,
    ];
    const send = vi.fn((batch: CaptureBatch) => {
      sent.push(batch.captures.map((c) => c.id));
      return Promise.resolve(answers.shift() ?? ack);
    });
    const box = new Outbox({ send, onAck: () => undefined, signal: new AbortController().signal, store, maxBatch: 1 });
    box.push(capture('bad'));
    box.push(capture('unstorable'));
    box.push(capture('good'));
    await vi.runAllTimersAsync();
    expect(sent).toEqual([['capture-bad'], ['capture-unstorable'], ['capture-unstorable'], ['capture-unstorable'], ['capture-good']]);
    expect(box.pending).toBe(0);
  });

  it('caps a batch by size as well as by count', async () => {
    const send = vi.fn((_: CaptureBatch): Promise<IngestAck> => Promise.resolve(ack));
    const box = new Outbox({ send, onAck: () => undefined, signal: new AbortController().signal, store, maxBatchChars: 5 });
    box.push({ ...capture('a'), responseText: '{"a":1}' });
    box.push({ ...capture('b'), responseText: '{}' });
    await vi.runAllTimersAsync();
    expect(send.mock.calls.map((c) => c[0].captures.length)).toEqual([1, 1]);
  });

  it('keeps each capture in storage as it arrives, before anything is sent, and removes it once stored', async () => {
    const memory = memoryStore();
    let answer: (ack: IngestAck) => void = () => undefined;
    const send = vi.fn((_: CaptureBatch) => new Promise<IngestAck>((resolve) => (answer = resolve)));
    const box = new Outbox({ send, onAck: () => undefined, signal: new AbortController().signal, store: memory.store });
    box.push(capture('a'));
    box.push(capture('b'));
    expect(memory.store.save).toHaveBeenCalledTimes(2);
    expect(send).not.toHaveBeenCalled();
    expect([...memory.kept]).toEqual([
      [pendingKey('capture-a'), { captures: [capture('a')] }],
      [pendingKey('capture-b'), { captures: [capture('b')] }],
    ]);
    await vi.runAllTimersAsync();
    expect(send).toHaveBeenCalledTimes(1);
    // Sent but not yet answered: the page may still go away, so the captures stay kept.
    expect(memory.kept.size).toBe(2);
    answer(ack);
    await vi.runAllTimersAsync();
    expect(memory.kept.size).toBe(0);
    expect(memory.log).toEqual([`save ${pendingKey('capture-a')}`, `save ${pendingKey('capture-b')}`, `remove ${pendingKey('capture-a')} ${pendingKey('capture-b')}`]);
  });

  it('removes a kept capture only after its write has finished, even when the answer comes first', async () => {
    const log: string[] = [];
    let written: () => void = () => undefined;
    const slow: PendingStore = {
      save: () => new Promise<void>((resolve) => (written = () => (log.push('saved'), resolve()))),
      remove: async () => void log.push('removed'),
    };
    const box = new Outbox({ send: () => Promise.resolve(ack), onAck: () => undefined, signal: new AbortController().signal, store: slow });
    box.push(capture('a'));
    await vi.runAllTimersAsync();
    expect(log).toEqual([]);
    written();
    await vi.runAllTimersAsync();
    expect(log).toEqual(['saved', 'removed']);
  });

  it('removes a batch the background refuses as invalid, and leaves one it cannot store to the background', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const memory = memoryStore();
    const answers: IngestAck[] = [
      { ok: false, retry: false, reason: 'invalid batch' },
      { ok: false, retry: true, reason: 'ConstraintError' },
      { ok: false, retry: true, reason: 'ConstraintError' },
      { ok: false, retry: true, reason: 'ConstraintError' },
    ];
    const send = vi.fn((_: CaptureBatch) => Promise.resolve(answers.shift() ?? ack));
    const box = new Outbox({ send, onAck: () => undefined, signal: new AbortController().signal, store: memory.store, maxBatch: 1 });
    box.push(capture('bad'));
    box.push(capture('unstorable'));
    await vi.runAllTimersAsync();
    expect(box.pending).toBe(0);
    expect([...memory.kept.keys()]).toEqual([pendingKey('capture-unstorable')]);
  });

  it('keeps a capture whose send failed for good (the page went away): only the background can store it now', async () => {
    const memory = memoryStore();
    const send = vi.fn(() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')));
    const controller = new AbortController();
    const box = new Outbox({ send, onAck: () => undefined, signal: controller.signal, store: memory.store });
    box.push(capture('a'));
    await vi.advanceTimersByTimeAsync(1_000);
    controller.abort();
    await vi.runAllTimersAsync();
    expect(send).toHaveBeenCalled();
    expect([...memory.kept.keys()]).toEqual([pendingKey('capture-a')]);
  });

  it('stops when its signal aborts', async () => {
    const send = vi.fn(() => Promise.resolve(ack));
    const controller = new AbortController();
    const box = new Outbox({ send, onAck: () => undefined, signal: controller.signal, store });
    box.push(capture('a'));
    controller.abort();
    await vi.runAllTimersAsync();
    expect(send).not.toHaveBeenCalled();
  });
});
