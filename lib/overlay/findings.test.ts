import { describe, expect, it, vi } from 'vitest';
import type { FindingView } from '../rules/view';
import { FindingsFeed, SNOOZE_MS } from './findings';
import { PageState } from './page-state';
import { findingView, TEST_NOW, TEST_SHOP } from './testing';

const SHOP = TEST_SHOP;
const NOW = TEST_NOW;
const view = findingView;

const setup = (lists: FindingView[][]) => {
  const state = new PageState();
  const fetch = vi.fn(async () => lists.shift() ?? []);
  const setState = vi.fn(async () => ({ ok: true }));
  const feed = new FindingsFeed(state, { fetch, setState }, () => NOW);
  return { state, fetch, setState, feed };
};

describe('PageState', () => {
  it('counts a revision for each stored batch and for a findings notice about its own shop only', () => {
    const state = new PageState();
    const seen: string[] = [];
    state.subscribe((c) => seen.push(c.kind), new AbortController().signal);
    state.record({ shops: [SHOP], handles: ['maya'] });
    state.changed('GB:7400000000000000002');
    state.changed(SHOP);
    expect(state.revision).toBe(2);
    expect(seen).toEqual(['captured', 'derived']);
    expect([...state.handles]).toEqual(['maya']);
  });
});

describe('FindingsFeed', () => {
  it('asks the background once per revision, for every feature, and gives each the active findings of its subjects', async () => {
    const { state, fetch, feed } = setup([
      [
        view('a'),
        view('b', { state: 'dismissed' }),
        view('c', { state: 'snoozed', snoozedUntil: NOW + 1 }),
        view('d', { subject: 'campaign' }),
      ],
      [],
    ]);
    expect(await feed.active(new Set(['orderSku']))).toEqual([]);
    expect(fetch).not.toHaveBeenCalled();
    state.record({ shops: [SHOP], handles: [] });
    const [orders, campaigns] = await Promise.all([feed.active(new Set(['orderSku'])), feed.active(new Set(['campaign']))]);
    expect(orders.map((f) => f.id)).toEqual(['a']);
    expect(campaigns.map((f) => f.id)).toEqual(['d']);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith(SHOP);
    state.changed(SHOP);
    expect(await feed.active(new Set(['orderSku']))).toEqual([]);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('hides a dismissed or snoozed finding at once, until the background says it has that state', async () => {
    const { state, setState, feed } = setup([[view('a'), view('b')], [view('a'), view('b')], [view('a', { state: 'dismissed' }), view('b')], [view('a'), view('b')]]);
    state.record({ shops: [SHOP], handles: [] });
    await feed.active(new Set(['orderSku']));
    await feed.act('a', 'dismiss');
    await feed.act('b', 'snooze');
    expect(setState).toHaveBeenCalledWith('a', 'dismiss', undefined);
    expect(setState).toHaveBeenCalledWith('b', 'snooze', NOW + SNOOZE_MS);
    // An answer from before the change was stored still lists them as active: they stay hidden.
    state.changed(SHOP);
    expect(await feed.active(new Set(['orderSku']))).toEqual([]);
    // The background confirms `a`; restored later (from the side panel), it shows again.
    state.changed(SHOP);
    expect((await feed.active(new Set(['orderSku']))).map((f) => f.id)).toEqual([]);
    state.changed(SHOP);
    expect((await feed.active(new Set(['orderSku']))).map((f) => f.id)).toEqual(['a']);
  });

  it('shows the finding again when storing its state failed, and shows nothing when the background cannot answer', async () => {
    const { state, setState, feed, fetch } = setup([[view('a')]]);
    state.record({ shops: [SHOP], handles: [] });
    await feed.active(new Set(['orderSku']));
    setState.mockRejectedValueOnce(new Error('worker stopped'));
    await expect(feed.act('a', 'dismiss')).rejects.toThrow('worker stopped');
    expect((await feed.active(new Set(['orderSku']))).map((f) => f.id)).toEqual(['a']);
    fetch.mockRejectedValueOnce(new Error('no receiver'));
    state.changed(SHOP);
    expect(await feed.active(new Set(['orderSku']))).toEqual([]);
  });
});
