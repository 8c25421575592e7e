import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IngestAck } from '../messaging/protocol';
import { Outbox } from './outbox';
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

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Outbox', () => {
  it('batches captures that arrive together', async () => {
    const send = vi.fn((_: CaptureBatch): Promise<IngestAck> => Promise.resolve(ack));
    const box = new Outbox({ send, onAck: () => undefined, signal: new AbortController().signal });
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
    const box = new Outbox({ send, onAck, signal: new AbortController().signal });
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
    const box = new Outbox({ send, onAck: () => undefined, signal: new AbortController().signal, maxBatch: 1 });
    box.push(capture('bad'));
    box.push(capture('unstorable'));
    box.push(capture('good'));
    await vi.runAllTimersAsync();
    expect(sent).toEqual([['capture-bad'], ['capture-unstorable'], ['capture-unstorable'], ['capture-unstorable'], ['capture-good']]);
    expect(box.pending).toBe(0);
  });

  it('caps a batch by size as well as by count', async () => {
    const send = vi.fn((_: CaptureBatch): Promise<IngestAck> => Promise.resolve(ack));
    const box = new Outbox({ send, onAck: () => undefined, signal: new AbortController().signal, maxBatchChars: 5 });
    box.push({ ...capture('a'), responseText: '{"a":1}' });
    box.push({ ...capture('b'), responseText: '{}' });
    await vi.runAllTimersAsync();
    expect(send.mock.calls.map((c) => c[0].captures.length)).toEqual([1, 1]);
  });

  it('sends at once when asked to (the page is going away)', async () => {
    const send = vi.fn((_: CaptureBatch): Promise<IngestAck> => Promise.resolve(ack));
    const box = new Outbox({ send, onAck: () => undefined, signal: new AbortController().signal, batchDelayMs: 10_000 });
    box.push(capture('a'));
    box.flushNow();
    await Promise.resolve();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('stops when its signal aborts', async () => {
    const send = vi.fn(() => Promise.resolve(ack));
    const controller = new AbortController();
    const box = new Outbox({ send, onAck: () => undefined, signal: controller.signal });
    box.push(capture('a'));
    controller.abort();
    await vi.runAllTimersAsync();
    expect(send).not.toHaveBeenCalled();
  });
});
