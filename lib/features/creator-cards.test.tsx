// @vitest-environment happy-dom
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { chipOf, findingView, hostsOf, stubPopover, testDeps, TEST_NOW, TEST_SHOP, startFeature } from '../overlay/testing';
import type { CreatorCard } from '../queries/creator-card';
import { creatorCards } from './creator-cards';

beforeAll(stubPopover);

const at = (path: string) => new URL(`https://affiliate-us.tiktok.com${path}`);
const FIND = '/connection/creator';
const seen = { seenAt: TEST_NOW, source: { endpoint: 'orders', page: 'https://affiliate-us.tiktok.com/product/order' } };

const card = (handle: string, over: Partial<CreatorCard> = {}): CreatorCard => ({
  handle,
  samples: { seen: 0, sent: 0, withContent: 0 },
  content: { videos: 0, lives: 0 },
  ...over,
});

const row = (handle: string) => `<article><h3>${handle}</h3><span>@${handle}</span><dl><dt>Followers</dt><dd>12K</dd></dl></article>`;

describe('creator-cards', () => {
  it('runs on every creator list and the creator detail page, not on Sample requests (the badge is there)', () => {
    const { include } = creatorCards(testDeps().deps);
    const on = (path: string) => include.some((m) => m(at(path)));
    for (const path of [FIND, '/affiliate/creator', '/connection/creator/detail', '/connection/creator/rankings', '/connection/target-invitation/detail', '/product/open-collaboration/creator-applications']) {
      expect(on(path), path).toBe(true);
    }
    expect(on('/product/sample-request')).toBe(false);
  });

  it('puts one card after each known creator’s handle, with the creator’s findings, and asks only for creators it lacks', async () => {
    document.body.innerHTML = `<div id="grid">${row('maya')}${row('budi')}${row('stranger')}</div>`;
    const maya = card('maya', {
      samples: { seen: 3, sent: 2, withContent: 1, last: seen },
      gmv: { amount: { minor: 123_400, currency: 'USD' }, orders: 3, skuOrders: 4, fromCommission: 0, settled: 1, commission: { minor: 12_000, currency: 'USD' }, refunds: { minor: 0, currency: 'USD' }, last: seen },
    });
    const thanks = findingView(`top-creators-not-thanked|maya|${TEST_SHOP}`, { subject: 'creator', subjectKey: 'maya', title: 'Top creators not thanked' });
    const { deps, state, fetchCreatorCards, openCreator } = testDeps({ cards: [maya, card('budi'), card('sari')], findings: [[thanks], [thanks]] });
    state.record({ shops: [TEST_SHOP], handles: ['maya', 'budi', 'stranger'] });
    const controller = new AbortController();
    await startFeature(creatorCards(deps), state, controller.signal, at(FIND));

    const hosts = hostsOf('creator-card');
    expect(hosts.map((h) => h.dataset.handle)).toEqual(['maya', 'budi']);
    expect(hosts.map((h) => h.closest('article')?.querySelector('h3')?.textContent)).toEqual(['maya', 'budi']);
    expect(hosts[0]?.dataset.findings).toBe(thanks.id);
    expect(chipOf(hosts[0] as HTMLElement).getAttribute('aria-label')).toBe(
      'Collab Lens, @maya: 2 sent · 1 posted · GMV $1,234.00 · 1 alert: Top creators not thanked',
    );
    expect(fetchCreatorCards).toHaveBeenCalledWith(TEST_SHOP, ['maya', 'budi', 'stranger']);

    // The popover links to the creator's page of the creators view, which the background opens.
    const chip = chipOf(hosts[0] as HTMLElement);
    chip.click();
    const link = await vi.waitFor(() => {
      const a = hosts[0]?.shadowRoot?.querySelector<HTMLAnchorElement>('.pop a.page-link');
      if (!a) throw new Error('no link in the popover');
      return a;
    });
    expect([link.getAttribute('href'), link.getAttribute('aria-label')]).toEqual([`chrome-extension://test/creator.html?shop=${TEST_SHOP}&handle=maya`, 'Open @maya in the Collab Lens creators view']);
    link.click();
    expect(openCreator).toHaveBeenCalledWith(TEST_SHOP, 'maya');

    // Infinite scroll: a new row, then its capture; only the new creator is asked for.
    document.getElementById('grid')?.insertAdjacentHTML('beforeend', row('sari'));
    state.record({ shops: [TEST_SHOP], handles: ['sari'] });
    await vi.waitFor(() => expect(hostsOf('creator-card').map((h) => h.dataset.handle)).toEqual(['maya', 'budi', 'sari']));
    expect(fetchCreatorCards).toHaveBeenLastCalledWith(TEST_SHOP, ['sari']);
    expect(fetchCreatorCards).toHaveBeenCalledTimes(2);
    controller.abort();
    expect(hostsOf('creator-card')).toHaveLength(0);
  });
});
