// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { onePerItem } from './placement';

describe('onePerItem', () => {
  const mentions = () => {
    const els = [...document.querySelectorAll('b,i')];
    return new Map(els.map((el) => [el, (el.textContent ?? '').replace('@', '').toLowerCase()] as const));
  };

  it('gives a row that names its creator twice one card, after the @handle', () => {
    document.body.innerHTML = '<article><b>maya</b><i>@maya</i></article><article><b>Budi</b><i>budi</i></article>';
    expect([...onePerItem(mentions())].map(([el, h]) => [el.outerHTML, h])).toEqual([
      ['<i>@maya</i>', 'maya'],
      ['<i>budi</i>', 'budi'],
    ]);
  });

  it('keeps a card on each of two rows of the same creator', () => {
    document.body.innerHTML = '<table><tr><td><i>@budi</i></td></tr><tr><td><i>@maya</i></td></tr><tr><td><i>@maya</i></td></tr><tr><td><i>@sari</i></td></tr></table>';
    expect([...onePerItem(mentions()).keys()].map((el) => el.closest('tr')?.rowIndex)).toEqual([0, 1, 2, 3]);
  });

  it('gives a page about one creator one card', () => {
    document.body.innerHTML = '<header><b>maya</b><p><i>@maya</i> · 12K followers</p></header><main><i>@maya</i></main>';
    expect(onePerItem(mentions()).size).toBe(1);
  });
});

describe('onePerItem: the handle as a handle', () => {
  const known = (handles: string[]) => {
    const set = new Set(handles);
    const found = new Map<Element, string>();
    for (const el of document.querySelectorAll('body *')) {
      const text = (el.textContent ?? '').trim().replace(/^@/, '').toLowerCase();
      if (set.has(text) && ![...el.children].some((c) => (c.textContent ?? '').trim().replace(/^@/, '').toLowerCase() === text)) found.set(el, text);
    }
    return found;
  };
  const placed = (handles: string[], names?: Map<string, string>) =>
    [...onePerItem(known(handles), { names })].map(([el, h]) => [el.closest('[data-row]')?.getAttribute('data-row'), h, el.className]);

  it('a nickname that is another creator’s handle adds no badge of theirs to the row', () => {
    document.body.innerHTML =
      '<ul><li data-row="1"><b class="nick">budi</b><i class="handle">@maya</i></li><li data-row="2"><b class="nick">Budi S.</b><i class="handle">@budi</i></li></ul>';
    expect(placed(['maya', 'budi'])).toEqual([
      ['1', 'maya', 'handle'],
      ['2', 'budi', 'handle'],
    ]);
  });

  it('an @ in a span of its own, inside a link, still makes the handle form', () => {
    document.body.innerHTML =
      '<div role="row" data-row="1"><div class="nick">sari</div><a href="#"><span>@</span><span class="handle">maya</span></a></div><div role="row" data-row="2"><div class="nick">x</div><a href="#"><span>@</span><span class="handle">sari</span></a></div>';
    expect(placed(['maya', 'sari'])).toEqual([
      ['1', 'maya', 'handle'],
      ['2', 'sari', 'handle'],
    ]);
  });

  it('a handle in a hidden tooltip is no anchor; the visible one is', () => {
    document.body.innerHTML =
      '<article data-row="1"><h3 class="nick">maya</h3><div role="tooltip" hidden><span class="tip">@maya</span></div><p><span class="handle">maya</span></p></article>';
    expect(placed(['maya'])).toEqual([['1', 'maya', 'handle']]);
  });

  it('rows without an @ tell a nickname that is another handle by the nicknames given', () => {
    document.body.innerHTML =
      '<article data-row="1"><h3 class="nick">budi</h3><span class="handle">maya</span></article><article data-row="2"><h3 class="nick">Budi</h3><span class="handle">budi</span></article>';
    expect(placed(['maya', 'budi'], new Map([['maya', 'budi'], ['budi', 'Budi']]))).toEqual([
      ['1', 'maya', 'handle'],
      ['2', 'budi', 'handle'],
    ]);
  });

  it('the same creator in a recommended strip and in the results: one in each', () => {
    document.body.innerHTML =
      '<section><div data-row="s1"><i>@budi</i></div><div data-row="s2"><b>maya</b><i>@maya</i></div></section><section><div data-row="r1"><b>maya</b><i>@maya</i></div><div data-row="r2"><i>@sari</i></div></section>';
    expect(placed(['maya', 'budi', 'sari']).map(([row]) => row)).toEqual(['s1', 's2', 'r1', 'r2']);
  });
});

describe('onePerItem: repeated rows of one creator', () => {
  it('two rows of the only creator on the page keep one card each; a header and a body about them share one', () => {
    const mentions = () => new Map([...document.querySelectorAll('i')].map((el) => [el, 'maya'] as const));
    document.body.innerHTML = '<table><tr><td><i>@maya</i></td></tr><tr><td><i>@maya</i></td></tr></table>';
    expect(onePerItem(mentions()).size).toBe(2);
    document.body.innerHTML = '<header><p><i>@maya</i></p></header><main><i>@maya</i></main>';
    expect(onePerItem(mentions()).size).toBe(1);
  });
});
