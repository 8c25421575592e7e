// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { findingView, hostsOf, stubPopover, testDeps, TEST_SHOP, startFeature } from '../overlay/testing';
import { openCollabFindings } from './open-collab-findings';

beforeAll(stubPopover);

const at = (path: string) => new URL(`https://affiliate-us.tiktok.com${path}`);

describe('open-collab-findings', () => {
  it('runs on Open collaboration’s products, in both route generations, and not on its creator applications', () => {
    const { include } = openCollabFindings(testDeps().deps);
    const on = (path: string) => include.some((m) => m(at(path)));
    expect(on('/product/open-collaboration')).toBe(true);
    expect(on('/affiliate/collaboration/open-collaboration')).toBe(true);
    expect(on('/connection/target-invitation')).toBe(false);
    expect(on('/product/open-collaboration/creator-applications')).toBe(false);
  });

  it('puts a product’s commission finding on its row', async () => {
    document.body.innerHTML = `<div class="grid">
      <article><h3>Serum</h3><p>Product ID 1720000000000000001 · $12.99</p></article>
      <article><h3>Cream</h3><p>Product ID 1720000000000000002 · $9.99</p></article></div>`;
    const { deps, state } = testDeps({
      findings: [[findingView(`commission-below-benchmark|${TEST_SHOP}|1720000000000000002`, { subject: 'openCollab', anchors: ['1720000000000000002', 'Cream'] })]],
    });
    state.record({ shops: [TEST_SHOP], handles: [] });
    const controller = new AbortController();
    await startFeature(openCollabFindings(deps), state, controller.signal, at('/product/open-collaboration'));
    expect(hostsOf('open-collab-findings').map((h) => h.closest('article')?.querySelector('h3')?.textContent)).toEqual(['Cream']);
    controller.abort();
  });
});
