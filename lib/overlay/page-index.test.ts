// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { HOST_ATTR } from './dom';
import { anchorText, PageIndex } from './page-index';

beforeEach(() => {
  document.body.innerHTML = '';
});

/** An index kept current by an observer, as the feature manager keeps it. */
function watched() {
  const index = new PageIndex(document.body);
  const observer = new MutationObserver((records) => index.update(records));
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  const flush = () => index.update(observer.takeRecords());
  return { index, flush };
}

const found = (index: PageIndex, text: string) => (index.find([text]).get(text) ?? []).map((el) => el.id || el.tagName);

describe('anchorText', () => {
  it('compares texts as a reader sees them: spaces collapsed, no leading @, any case', () => {
    expect(anchorText('  @GlowWith\n  Maya ')).toBe('glowwith maya');
  });
});

describe('PageIndex', () => {
  it('finds the lowest element whose whole text is the text, also when the text is split over child elements', () => {
    document.body.innerHTML = `
      <div><a id="link"><span>@</span><span id="tail">maya</span></a></div>
      <p id="split"><span>ma</span><span>ya</span></p>
      <div id="wrap"><b id="inner"> @Maya </b></div>
      <p>Thanks @maya for the video</p>`;
    const index = new PageIndex(document.body);
    // `<a><span>@</span><span>maya</span></a>`: the link's whole text is `@maya`, and its last span's is `maya`.
    expect(found(index, 'maya')).toEqual(['tail', 'split', 'inner']);
    expect(index.has('thanks @maya for the video')).toBe(true);
  });

  it('finds ids inside longer text as whole numbers only, in document order', () => {
    document.body.innerHTML = `
      <ul><li><b>Payday Mega Sale Q2</b><small id="c2">Campaign 7440000000000000002</small></li>
      <li><b>Summer Essentials Drive Q3</b><small>ID 74400000000000000029</small></li></ul>`;
    const index = new PageIndex(document.body);
    expect(found(index, '7440000000000000002')).toEqual(['c2']);
    expect(found(index, anchorText('Summer Essentials Drive Q3'))).toEqual(['B']);
  });

  it('never counts text inside Collab Lens’ own elements, scripts or form fields', () => {
    document.body.innerHTML = `<span ${HOST_ATTR}="x"><b>maya</b></span><script>maya</script><textarea>maya</textarea>
      <p id="p"><span ${HOST_ATTR}="x">badge</span>maya</p>`;
    const index = new PageIndex(document.body);
    expect(found(index, 'maya')).toEqual(['p']);
    expect(index.has('badge')).toBe(false);
  });

  it('follows the page: rows added, removed and replaced, text changed, with the texts that changed', () => {
    document.body.innerHTML = `<div role="grid"><div role="row"><div id="c1">@maya</div></div></div>`;
    const { index, flush } = watched();
    index.takeChanged();
    const grid = document.querySelector('[role="grid"]') as HTMLElement;
    grid.insertAdjacentHTML('beforeend', '<div role="row"><div id="c2"><span>@bu</span><span>di</span></div></div>');
    flush();
    expect(found(index, 'budi')).toEqual(['c2']);
    expect(index.takeChanged().has('budi')).toBe(true);

    // A re-render: new elements, the same text.
    grid.replaceChildren(...[...grid.children].map((row) => row.cloneNode(true)));
    flush();
    const [maya] = index.find(['maya']).get('maya') ?? [];
    expect(maya?.isConnected).toBe(true);
    expect(index.takeChanged().has('maya')).toBe(true);

    // A recycled row: its text changes in place.
    const cell = document.getElementById('c1')?.firstChild as Text;
    cell.data = '@sari';
    flush();
    expect(index.has('maya')).toBe(false);
    expect(found(index, 'sari')).toEqual(['c1']);

    grid.replaceChildren();
    flush();
    expect([index.has('sari'), index.has('budi')]).toEqual([false, false]);
  });

  it('indexes a container again when a removal leaves its text short enough', () => {
    document.body.innerHTML = `<div id="box"><span>maya</span><p id="long">${'x'.repeat(400)}</p></div>`;
    const { index, flush } = watched();
    expect(found(index, 'maya')).toEqual(['SPAN']);
    document.getElementById('long')?.remove();
    flush();
    // The span is still the lowest element showing it.
    expect(found(index, 'maya')).toEqual(['SPAN']);
    document.querySelector('#box > span')?.replaceWith(document.createTextNode('maya'));
    flush();
    expect(found(index, 'maya')).toEqual(['box']);
  });
});
