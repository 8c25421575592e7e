// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { findHandleAnchors, HOST_ATTR, rowOf } from './dom';

const TABLE = `
<table><tbody>
  <tr><td><img><span class="n">Maya</span><span class="h">@GlowWithMaya</span></td><td>Serum <span>ID: 111</span></td></tr>
  <tr><td><span class="n">Maya</span><span class="h">@glowwithmaya</span></td><td>Cream <span>ID: 222</span></td></tr>
  <tr><td><span class="n">Budi</span><span class="h">@dapurbunda.id</span></td><td>Sambal <span>ID: 333</span></td></tr>
</tbody></table>`;

const CARDS = `
<div class="list">
  <article><header><b>Maya</b><div>glowwithmaya</div></header><ul><li>Serum · Product ID 111</li><li>Cream · Product ID 222</li></ul></article>
  <article><header><b>someone else</b><div>not a handle we know</div></header><ul><li>Product ID 444</li></ul></article>
</div>`;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('findHandleAnchors', () => {
  it('finds the element holding exactly a known handle, with or without @, in any case', () => {
    document.body.innerHTML = TABLE;
    const anchors = findHandleAnchors(document.body, new Set(['glowwithmaya', 'dapurbunda.id']));
    expect([...anchors.values()]).toEqual(['glowwithmaya', 'glowwithmaya', 'dapurbunda.id']);
    expect([...anchors.keys()].every((el) => el.classList.contains('h'))).toBe(true);
  });

  it('ignores handles inside longer text and inside Collab Lens elements', () => {
    document.body.innerHTML = `<p>Thanks @glowwithmaya for the video</p><span ${HOST_ATTR}="x"><span>glowwithmaya</span></span>`;
    expect(findHandleAnchors(document.body, new Set(['glowwithmaya'])).size).toBe(0);
  });
});

describe('rowOf', () => {
  it('finds the table row of an anchor and the product it shows', () => {
    document.body.innerHTML = TABLE;
    const anchors = findHandleAnchors(document.body, new Set(['glowwithmaya', 'dapurbunda.id']));
    const [first, second] = [...anchors.keys()];
    expect(rowOf(first as Element, anchors.keys(), ['111', '222'])).toMatchObject({ matched: ['111'] });
    expect(rowOf(second as Element, anchors.keys(), ['111', '222'])?.row.tagName).toBe('TR');
    expect(rowOf(second as Element, anchors.keys(), ['111', '222'])?.matched).toEqual(['222']);
  });

  it('finds a card with several products of the creator', () => {
    document.body.innerHTML = CARDS;
    const anchors = findHandleAnchors(document.body, new Set(['glowwithmaya']));
    const [anchor] = [...anchors.keys()];
    const row = rowOf(anchor as Element, anchors.keys(), ['111', '222']);
    expect(row?.row.tagName).toBe('ARTICLE');
    expect(row?.matched).toEqual(['111', '222']);
  });
});
