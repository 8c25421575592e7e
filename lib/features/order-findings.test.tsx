// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { findingView, hostsOf, chipOf, stubPopover, testDeps, TEST_SHOP } from '../overlay/testing';
import { orderFindings } from './order-findings';

beforeAll(stubPopover);

const at = (path: string) => new URL(`https://affiliate-us.tiktok.com${path}`);

describe('order-findings', () => {
  it('runs on Affiliate orders, in both route generations', () => {
    const { include } = orderFindings(testDeps().deps);
    const on = (path: string) => include.some((m) => m(at(path)));
    expect(on('/product/order')).toBe(true);
    expect(on('/affiliate/product/order')).toBe(true);
    expect(on('/product/sample-request')).toBe(false);
  });

  it('annotates the order of an SKU row’s commission finding, and nothing for other kinds of findings', async () => {
    document.body.innerHTML = `<article><header><span>Order 5770000000000000001</span></header><ul><li>Serum</li></ul></article>
      <article><header><span>Order 5770000000000000002</span></header><ul><li>Cream</li></ul></article>`;
    const zero = findingView('order-commission-sanity|5770000000000000002|1720000000000000009|zero', {
      anchors: ['5770000000000000002', '1720000000000000009'],
      title: 'Order commission that looks wrong',
    });
    const other = findingView('campaign-starting-soon|7440000000000000001', { subject: 'campaign', anchors: ['5770000000000000001'] });
    const { deps, state } = testDeps({ findings: [[zero, other]] });
    state.record({ shops: [TEST_SHOP], handles: [] });
    const controller = new AbortController();
    await orderFindings(deps).init({ signal: controller.signal, url: at('/product/order') });
    const hosts = hostsOf('order-findings');
    expect(hosts).toHaveLength(1);
    expect(hosts[0]?.closest('article')?.textContent).toContain('5770000000000000002');
    expect(chipOf(hosts[0] as HTMLElement).getAttribute('aria-label')).toBe(
      'Collab Lens, Order 5770000000000000002: 1 alert: Order commission that looks wrong',
    );
    controller.abort();
  });
});
