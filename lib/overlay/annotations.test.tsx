// @vitest-environment happy-dom
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FindingView } from '../rules/view';
import { findingAnnotations } from './annotations';
import { chipOf, findingView, hostsOf, stubPopover, testDeps, TEST_NOW, TEST_SHOP, startFeature } from './testing';

const ORDERS_PAGE = 'https://affiliate-us.tiktok.com/product/order';

beforeAll(stubPopover);
beforeEach(() => {
  document.body.innerHTML = `
    <table><tbody>
      <tr><td><div>5770000000000000001</div></td><td>ID: 1720000000000000001</td></tr>
      <tr><td><div>5770000000000000002</div></td><td>ID: 1720000000000000002</td></tr>
    </tbody></table>`;
});

const view = (orderId: string, over: Partial<FindingView> = {}): FindingView =>
  findingView(`order-commission-sanity|${orderId}|s1|zero`, {
    title: 'Order commission that looks wrong',
    message: `Order ${orderId}, SKU s1: its commission is $0.00.`,
    evidence: [{ entity: 'orderSku', key: `${orderId}|s1`, seenAt: TEST_NOW - 60_000, page: ORDERS_PAGE }],
    anchors: [orderId, 's1'],
    ...over,
  });

function setup(lists: FindingView[][]) {
  const { deps, state, setState } = testDeps({ findings: lists });
  const feature = findingAnnotations(deps, { id: 'order-findings', include: [() => true], subjects: ['orderSku'] });
  return { state, setState, feature, controller: new AbortController() };
}

const hosts = () => hostsOf('order-findings');
const chip = chipOf;
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('findingAnnotations', () => {
  it('annotates the item each finding is about, once, named for screen readers, with where it was seen', async () => {
    const { state, feature, controller } = setup([[view('5770000000000000002'), view('5770000000000000002', { id: 'other|x', title: 'Second' })]]);
    state.record({ shops: [TEST_SHOP], handles: [] });
    await startFeature(feature, state, controller.signal, new URL(ORDERS_PAGE));
    expect(hosts()).toHaveLength(1);
    const [host] = hosts() as [HTMLElement];
    expect(host.closest('tr')?.textContent).toContain('5770000000000000002');
    expect(host.dataset.findings).toBe('order-commission-sanity|5770000000000000002|s1|zero other|x');
    expect(chip(host).getAttribute('aria-label')).toBe(
      'Collab Lens, 5770000000000000002: 2 alerts: Order commission that looks wrong; Second',
    );
    expect(chip(host).tabIndex).toBe(0);
    chip(host).dispatchEvent(new FocusEvent('focus'));
    await settle();
    const pop = host.shadowRoot?.querySelector('[role="dialog"]') as HTMLElement;
    expect(pop.dataset.open).toBe('');
    expect(pop.textContent).toContain('Order 5770000000000000002, SKU s1: its commission is $0.00.');
    expect(pop.textContent).toContain('Source: Affiliate orders, seen');
    controller.abort();
    expect(hosts()).toHaveLength(0);
  });

  it('takes the annotation away when its finding is gone, and annotates rows the page adds', async () => {
    const { state, feature, controller } = setup([[view('5770000000000000001')], [], [view('5770000000000000003')]]);
    state.record({ shops: [TEST_SHOP], handles: [] });
    await startFeature(feature, state, controller.signal, new URL(ORDERS_PAGE));
    expect(hosts()).toHaveLength(1);
    state.changed(TEST_SHOP);
    await vi.waitFor(() => expect(hosts()).toHaveLength(0));
    state.changed(TEST_SHOP);
    await vi.waitFor(() => expect(hosts()).toHaveLength(0));
    const row = document.createElement('tr');
    row.innerHTML = '<td><div>5770000000000000003</div></td>';
    document.querySelector('tbody')?.append(row);
    await vi.waitFor(() => expect(hosts().map((h) => h.closest('tr'))).toEqual([row]));
    controller.abort();
  });

  it('dismisses from the popover: gone at once, and the background is told', async () => {
    const { state, feature, controller, setState } = setup([[view('5770000000000000001')]]);
    state.record({ shops: [TEST_SHOP], handles: [] });
    await startFeature(feature, state, controller.signal, new URL(ORDERS_PAGE));
    const [host] = hosts() as [HTMLElement];
    chip(host).click();
    await settle();
    const dismiss = host.shadowRoot?.querySelector('[aria-label="Dismiss “Order commission that looks wrong”"]') as HTMLButtonElement;
    expect(dismiss).not.toBeNull();
    dismiss.click();
    expect(hosts()).toHaveLength(0);
    expect(setState).toHaveBeenCalledWith('order-commission-sanity|5770000000000000001|s1|zero', 'dismiss', undefined);
    controller.abort();
  });
});
