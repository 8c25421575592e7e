// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import type { OrderSku } from '../domain/types';
import { findingView, hostsOf, chipOf, stubPopover, testDeps, TEST_SHOP, startFeature } from '../overlay/testing';
import type { Finding } from '../rules/types';
import { anchorsOf } from '../rules/view';
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
    await startFeature(orderFindings(deps), state, controller.signal, at('/product/order'));
    const hosts = hostsOf('order-findings');
    expect(hosts).toHaveLength(1);
    expect(hosts[0]?.closest('article')?.textContent).toContain('5770000000000000002');
    expect(chipOf(hosts[0] as HTMLElement).getAttribute('aria-label')).toBe(
      'Collab Lens, Order 5770000000000000002: 1 alert: Order commission that looks wrong',
    );
    controller.abort();
  });

  it('anchors a line sent without a SKU id by its order and, when it has one, its product name', async () => {
    const db = freshDb();
    const line = (n: number, over: Partial<OrderSku> = {}): OrderSku => ({
      key: `5770000000000000002|#${n}`,
      orderId: '5770000000000000002',
      line: n,
      shopKey: TEST_SHOP,
      createdAt: 1,
      settlement: 'UNKNOWN',
      settlementRaw: '',
      refunded: 0,
      firstSeenAt: 1,
      lastSeenAt: 1,
      source: { endpoint: 'orders.list', page: 'p' },
      ...over,
    });
    await db.orderSkus.bulkPut([line(1, { productTitle: 'Rose Serum' }), line(2)]);
    const finding = (key: string) => ({ id: `order-commission-sanity|${key}|zero-line`, subject: 'orderSku', subjectKey: key }) as Finding;
    const anchors = await anchorsOf(db, [finding('5770000000000000002|#1'), finding('5770000000000000002|#2')]);
    expect([...anchors.values()]).toEqual([['5770000000000000002', 'Rose Serum'], ['5770000000000000002']]);
    db.close();

    // Two lines of one order in the table markup: the annotation stands on the line that shows its product name.
    document.body.innerHTML = `<table><tbody>
      <tr><td>5770000000000000002</td><td>Rose Serum</td><td>Video</td></tr>
      <tr><td>5770000000000000002</td><td>Vitamin Cream</td><td>LIVE</td></tr>
    </tbody></table>`;
    const named = findingView('order-commission-sanity|5770000000000000002|#1|zero-line', { anchors: anchors.get('order-commission-sanity|5770000000000000002|#1|zero-line') });
    const { deps, state } = testDeps({ findings: [[named]] });
    state.record({ shops: [TEST_SHOP], handles: [] });
    const controller = new AbortController();
    await startFeature(orderFindings(deps), state, controller.signal, at('/product/order'));
    const hosts = hostsOf('order-findings');
    expect(hosts.map((h) => h.closest('tr')?.textContent)).toEqual([expect.stringContaining('Rose Serum')]);
    controller.abort();
  });
});

