// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_ATTR } from './dom';
import { HostLayer, layoutIn } from './hosts';

beforeEach(() => {
  document.body.innerHTML = '';
});

const stray = () => {
  const el = document.createElement('span');
  el.setAttribute(HOST_ATTR, 't');
  return el;
};

describe('HostLayer placement', () => {
  it('goes after an anchor (inline or block), into a cell that is the anchor, and after the link an anchor sits in', () => {
    document.body.innerHTML = `<p><span id="inline">@maya</span> tail</p><table><tr><td id="cell">@budi</td></tr></table><div id="block">Payday</div><a href="#"><span id="linked">@sari</span></a>`;
    const controller = new AbortController();
    const layer = new HostLayer<string>('t', '', (d) => d, controller.signal);
    const ids = ['inline', 'cell', 'block', 'linked'];
    layer.sync(ids.map((id) => ({ anchor: document.getElementById(id) as Element, data: id, key: id })));
    const placed = [...layer.entries()].map(([, h]) => h.el);
    expect(placed[0]?.previousElementSibling?.id).toBe('inline');
    expect(placed[1]?.parentElement?.id).toBe('cell');
    expect(placed[2]?.previousElementSibling?.id).toBe('block');
    expect(placed[3]?.previousElementSibling?.tagName).toBe('A');
    controller.abort();
  });
});

describe('HostLayer', () => {
  const setup = () => {
    document.body.innerHTML = `<ul><li id="a">one</li><li id="b">two</li><li id="c">three</li></ul>`;
    const view = vi.fn((data: string) => <span class="v">{data}</span>);
    const controller = new AbortController();
    const layer = new HostLayer<string>('t', '.v{}', view, controller.signal);
    const at = (id: string) => document.getElementById(id) as Element;
    const hosts = () => [...document.querySelectorAll(`[${HOST_ATTR}="t"]`)] as HTMLElement[];
    return { view, controller, layer, at, hosts };
  };

  it('puts one out-of-flow host per anchor, with a shadow root the page cannot style, and its data attributes', () => {
    const { layer, at, hosts } = setup();
    layer.sync([
      { anchor: at('a'), data: 'A', key: '1', dataset: { findings: 'x y' } },
      { anchor: at('a'), data: 'A again', key: '2' },
      { anchor: at('b'), data: 'B', key: '1' },
    ]);
    expect(hosts()).toHaveLength(2);
    const [first] = hosts();
    expect(first?.parentElement?.id).toBe('a');
    expect(first?.style.position).toBe('absolute');
    expect(first?.dataset.findings).toBe('x y');
    expect(first?.shadowRoot?.querySelector('.v')?.textContent).toBe('A');
  });

  it('draws a host again only when its key changes, and removes what is no longer wanted', () => {
    const { layer, at, hosts, view } = setup();
    layer.sync([
      { anchor: at('a'), data: 'A', key: '1' },
      { anchor: at('b'), data: 'B', key: '1' },
    ]);
    layer.sync([
      { anchor: at('a'), data: 'A', key: '1' },
      { anchor: at('b'), data: 'B2', key: '2' },
    ]);
    expect(view).toHaveBeenCalledTimes(3);
    expect(hosts().map((h) => h.shadowRoot?.querySelector('.v')?.textContent)).toEqual(['A', 'B2']);
    layer.sync([{ anchor: at('b'), data: 'B2', key: '2' }]);
    expect(hosts().map((h) => h.parentElement?.id)).toEqual(['b']);
  });

  it('replaces a host whose anchor the page re-rendered, removes strays, and clears on abort', () => {
    const { layer, at, hosts, controller } = setup();
    layer.sync([{ anchor: at('a'), data: 'A', key: '1' }]);
    document.body.append(stray());
    const fresh = document.createElement('li');
    fresh.id = 'a';
    fresh.textContent = 'one';
    at('a').replaceWith(fresh);
    layer.sync([{ anchor: fresh, data: 'A', key: '1' }]);
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]?.parentElement).toBe(fresh);
    controller.abort();
    expect(hosts()).toHaveLength(0);
  });
});

describe('layoutIn', () => {
  const figures = { parts: [], start: 8, widths: [60, 50, 40], gap: 6, end: 8 };
  const natural = 8 + 60 + 6 + 50 + 6 + 40 + 8;

  it('shows the figures that fit whole, and the short form where none does', () => {
    expect(layoutIn({ figures, natural }, 400)).toEqual({ folded: false, shown: 3 });
    expect(layoutIn({ figures, natural }, 140)).toEqual({ folded: false, shown: 2 });
    expect(layoutIn({ figures, natural }, 50)).toEqual({ folded: false, shown: 0 });
  });

  it('folds where not even the short form fits, and then opens with every figure', () => {
    expect(layoutIn({ figures, natural }, 36)).toEqual({ folded: true, shown: 3 });
  });

  it('folds a view whose other parts (a badge beside the chip) do not fit the room', () => {
    expect(layoutIn({ figures, natural: natural + 120 }, 140)).toEqual({ folded: true, shown: 3 });
    expect(layoutIn({ natural: 200 }, 120)).toEqual({ folded: true, shown: 0 });
    expect(layoutIn({ natural: 100 }, 120)).toEqual({ folded: false, shown: 0 });
  });
});
