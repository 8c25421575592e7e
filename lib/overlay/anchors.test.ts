// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { anchorText, findTextAnchors, placeByAnchors } from './anchors';
import { HOST_ATTR } from './dom';

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

describe('anchorText', () => {
  it('compares texts as a reader sees them: spaces collapsed, no leading @, any case', () => {
    expect(anchorText('  @GlowWith\n  Maya ')).toBe('glowwith maya');
  });
});

describe('findTextAnchors', () => {
  it('finds elements whose whole text is an anchor, and ids inside longer text', () => {
    document.body.innerHTML = CAMPAIGNS;
    const found = findTextAnchors(document.body, new Set([anchorText('Summer Essentials Drive Q3'), '7440000000000000002']));
    expect(found.get('summer essentials drive q3')?.map((e) => e.tagName)).toEqual(['B']);
    expect(found.get('7440000000000000002')?.map((e) => e.textContent)).toEqual(['Campaign 7440000000000000002']);
  });

  it('ignores a name inside longer text, a shorter number inside an id, and Collab Lens’ own elements', () => {
    document.body.innerHTML = `<p>Payday Mega Sale Q2 ends soon</p><p>ID 17200000000000000019</p><span ${HOST_ATTR}="x"><b>Payday Mega Sale Q2</b></span>`;
    const found = findTextAnchors(document.body, new Set(['payday mega sale q2', '1720000000000000001']));
    expect(found.size).toBe(0);
  });
});

describe('placeByAnchors', () => {
  const item = (id: string, anchors: string[]) => ({ id, anchors });

  it('puts an item on the first of its anchors the page shows, and items on the same element together', () => {
    document.body.innerHTML = ORDERS;
    const placed = placeByAnchors(document.body, [
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
    const placed = placeByAnchors(document.body, [item('second sku', ['5770000000000000001', '1720000000000000002'])]);
    expect([...placed.keys()].map((el) => el.closest('tr')?.textContent)).toEqual(['5770000000000000001Cream ID: 1720000000000000002']);
  });

  it('tells apart two items of the same name by their ids', () => {
    document.body.innerHTML = CAMPAIGNS;
    const placed = placeByAnchors(document.body, [item('two', ['Payday Mega Sale Q2', '7440000000000000002'])]);
    expect([...placed.keys()].map((el) => el.closest('li')?.textContent)).toEqual(['Payday Mega Sale Q2Campaign 7440000000000000002']);
  });

  it('annotates every occurrence when nothing tells them apart (an order shown on each of its rows)', () => {
    document.body.innerHTML = ORDERS;
    const placed = placeByAnchors(document.body, [item('order', ['5770000000000000001', '1799999999999999999'])]);
    expect(placed.size).toBe(2);
  });
});
