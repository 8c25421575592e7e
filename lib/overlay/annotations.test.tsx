// @vitest-environment happy-dom
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FindingView } from '../rules/view';
import { coalesce, findingAnnotations } from './annotations';
import { chipOf, findingView, hostsOf, stubPopover, testDeps, TEST_NOW, TEST_SHOP } from './testing';

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
  const feature = findingAnnotations(deps, { id: 'order-findings', include: [], subjects: ['orderSku'] });
  return { state, setState, feature, controller: new AbortController() };
}

const hosts = () => hostsOf('order-findings');
const chip = chipOf;
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('coalesce', () => {
  it('runs one task at a time and once more for any calls made meanwhile, with the last argument', async () => {
    const seen: (number | undefined)[] = [];
    let release: () => void = () => undefined;
    const task = vi.fn((n: number | undefined) => {
      seen.push(n);
      return seen.length === 1 ? new Promise<void>((r) => (release = r)) : Promise.resolve();
    });
    const run = coalesce(task, new AbortController().signal);
    const first = run(1);
    void run(2);
    void run(3);
    release();
    await first;
    await settle();
    expect(seen).toEqual([1, 3]);
  });
});

describe('findingAnnotations', () => {
  it('annotates the item each finding is about, once, named for screen readers, with where it was seen', async () => {
    const { state, feature, controller } = setup([[view('5770000000000000002'), view('5770000000000000002', { id: 'other|x', title: 'Second' })]]);
    state.record({ shops: [TEST_SHOP], handles: [] });
    await feature.init({ signal: controller.signal, url: new URL(ORDERS_PAGE) });
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
    await feature.init({ signal: controller.signal, url: new URL(ORDERS_PAGE) });
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
    await feature.init({ signal: controller.signal, url: new URL(ORDERS_PAGE) });
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
