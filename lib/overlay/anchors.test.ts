// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { placeByAnchors } from './anchors';
import { PageIndex } from './page-index';

beforeEach(() => {
  document.body.innerHTML = '';
});

const ORDERS = `
<table><tbody>
  <tr><td><div class="o">5770000000000000001</div></td><td>Serum <span>ID: 1720000000000000001</span></td></tr>
  <tr><td><div class="o">5770000000000000001</div></td><td>Cream <span>ID: 1720000000000000002</span></td></tr>
  <tr><td><div class="o">5770000000000000003</div></td><td>Mist <span>ID: 1720000000000000003</span></td></tr>
</tbody></table>`;

const CAMPAIGNS = `
<ul>
  <li><b>Payday Mega Sale Q2</b><small>Campaign 7440000000000000001</small></li>
  <li><b>Payday Mega Sale Q2</b><small>Campaign 7440000000000000002</small></li>
  <li><b>Summer Essentials Drive Q3</b><small>Campaign 7440000000000000003</small></li>
</ul>`;

describe('placeByAnchors', () => {
  const item = (id: string, anchors: string[]) => ({ id, anchors });

  it('puts an item on the first of its anchors the page shows, and items on the same element together', () => {
    document.body.innerHTML = ORDERS;
    const placed = placeByAnchors(new PageIndex(document.body), [
      item('a', ['5770000000000000003', '1720000000000000003']),
      item('b', ['5770000000000000003']),
      item('c', ['not on the page', '1720000000000000002']),
      item('d', ['nowhere']),
    ]);
    const byText = [...placed].map(([el, list]) => [el.textContent, list.map((x) => x.id)]);
    expect(byText).toEqual([
      ['5770000000000000003', ['a', 'b']],
      ['ID: 1720000000000000002', ['c']],
    ]);
  });

  it('keeps only the occurrences whose row shows the item’s other anchors', () => {
    document.body.innerHTML = ORDERS;
    const placed = placeByAnchors(new PageIndex(document.body), [item('second sku', ['5770000000000000001', '1720000000000000002'])]);
    expect([...placed.keys()].map((el) => el.closest('tr')?.textContent)).toEqual(['5770000000000000001Cream ID: 1720000000000000002']);
  });

  it('tells apart two items of the same name by their ids', () => {
    document.body.innerHTML = CAMPAIGNS;
    const placed = placeByAnchors(new PageIndex(document.body), [item('two', ['Payday Mega Sale Q2', '7440000000000000002'])]);
    expect([...placed.keys()].map((el) => el.closest('li')?.textContent)).toEqual(['Payday Mega Sale Q2Campaign 7440000000000000002']);
  });

  it('annotates every occurrence when nothing tells them apart (an order shown on each of its rows)', () => {
    document.body.innerHTML = ORDERS;
    const placed = placeByAnchors(new PageIndex(document.body), [item('order', ['5770000000000000001', '1799999999999999999'])]);
    expect(placed.size).toBe(2);
  });
});
