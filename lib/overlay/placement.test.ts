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
