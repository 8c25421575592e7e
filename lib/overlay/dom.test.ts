// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { rowOf } from './dom';
import { inDocumentOrder, PageIndex } from './page-index';

/** The elements that show one of `handles`, in document order. */
const handleAnchors = (handles: string[]) => inDocumentOrder([...new PageIndex(document.body).find(handles).values()].flat());

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

describe('rowOf', () => {
  it('finds the table row of an anchor and the product it shows', () => {
    document.body.innerHTML = TABLE;
    const anchors = handleAnchors(['glowwithmaya', 'dapurbunda.id']);
    const [first, second] = anchors;
    expect(rowOf(first as Element, anchors, ['111', '222'])).toMatchObject({ matched: ['111'] });
    expect(rowOf(second as Element, anchors, ['111', '222'])?.row.tagName).toBe('TR');
    expect(rowOf(second as Element, anchors, ['111', '222'])?.matched).toEqual(['222']);
  });

  it('finds a card with several products of the creator', () => {
    document.body.innerHTML = CARDS;
    const anchors = handleAnchors(['glowwithmaya']);
    const [anchor] = anchors;
    const row = rowOf(anchor as Element, anchors, ['111', '222']);
    expect(row?.row.tagName).toBe('ARTICLE');
    expect(row?.matched).toEqual(['111', '222']);
  });
});
