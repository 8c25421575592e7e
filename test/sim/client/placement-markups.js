// Simulated Affiliate Center: building blocks of the markups the overlay's placement is tested on
// (test/e2e/placement.test.ts), shared by the creator lists (Find creators, Sample requests). Loaded after core.js.
//
// These are our own versions of kinds of markup seen on Affiliate Center pages (ARIA grids with hashed class names,
// handles split over spans and inside links, virtual lists that recycle a fixed pool of rows, a recommended strip that
// repeats creators of the results, nicknames equal to a handle, rows replaced twice a second, Indonesian labels). They
// rest on no evidence of TikTok's exact DOM: class names, structure and sizes are made up.
(function () {
  'use strict';

  var h = SimApp.h;

  /** A made-up hashed class name, as CSS-in-JS builds give (stable per name, meaningless to a reader). */
  function cls(name) {
    var x = 2166136261;
    for (var i = 0; i < name.length; i++) x = Math.imul(x ^ name.charCodeAt(i), 16777619);
    return '_' + (x >>> 0).toString(36).slice(0, 6);
  }

  /** The handle as a link, `@` and the handle in spans of their own. */
  function handleLink(handle, href) {
    return h('a', { class: cls('handle-link'), href: href || '#', 'data-spa': href ? '' : null }, h('span', { class: cls('at') }, '@'), h('span', { class: cls('handle') }, handle));
  }

  /**
   * An ARIA grid (role=grid/row/gridcell, no semantic class names) with fixed column widths: `columns` are
   * `[label, width]`, each row an array of cell contents (nodes or strings).
   */
  function ariaGrid(label, columns, rows) {
    var template = columns
      .map(function (c) {
        return c[1];
      })
      .join(' ');
    var row = function (cells, header, index) {
      var el = h('div', { role: 'row', class: cls('row'), style: 'grid-template-columns:' + template, 'aria-rowindex': String(index + 1) });
      cells.forEach(function (content) {
        var cell = h('div', { role: header ? 'columnheader' : 'gridcell', class: cls(header ? 'head-cell' : 'cell') });
        (Array.isArray(content) ? content : [content]).forEach(function (c) {
          if (c !== null && c !== undefined) cell.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
        });
        el.appendChild(cell);
      });
      return el;
    };
    var grid = h('div', { role: 'grid', 'aria-label': label, 'aria-rowcount': String(rows.length + 1), class: cls('grid') });
    grid.appendChild(
      row(
        columns.map(function (c) {
          return c[0];
        }),
        true,
        0,
      ),
    );
    rows.forEach(function (cells, i) {
      grid.appendChild(row(cells, false, i + 1));
    });
    return grid;
  }

  /**
   * A virtual list: a scroller `viewRows` rows tall over `count` items, drawn by a fixed pool of `pool` row elements
   * (`make()` returns `{ el, fill(index) }`); on scroll, a row element that left the view is moved and given another
   * item's content in place (its elements kept, their text swapped), as windowing libraries do.
   */
  function virtualList(opts) {
    var scroller = h('div', { class: cls('scroller'), role: 'list', style: 'height:' + opts.viewRows * opts.rowHeight + 'px' });
    var spacer = h('div', { class: cls('spacer'), style: 'height:' + opts.count * opts.rowHeight + 'px' });
    scroller.appendChild(spacer);
    var rows = [];
    for (var k = 0; k < Math.min(opts.pool, opts.count); k++) {
      var r = opts.make();
      r.el.setAttribute('role', 'listitem');
      r.el.setAttribute('data-sim-slot', String(k));
      r.el.style.height = opts.rowHeight + 'px';
      r.shown = -1;
      rows.push(r);
      spacer.appendChild(r.el);
    }
    function paint() {
      var first = Math.max(0, Math.min(opts.count - rows.length, Math.floor(scroller.scrollTop / opts.rowHeight)));
      for (var i = first; i < first + rows.length; i++) {
        var slot = rows[i % rows.length];
        if (slot.shown === i) continue;
        slot.shown = i;
        slot.el.style.transform = 'translateY(' + i * opts.rowHeight + 'px)';
        slot.el.setAttribute('data-sim-index', String(i));
        slot.fill(i);
      }
    }
    scroller.addEventListener('scroll', paint, { passive: true });
    paint();
    return scroller;
  }

  /**
   * The names a row shows under markup=namesake: every fourth creator without a nickname (the page shows the handle in
   * the name line, as TikTok does), and the next one with the handle of the creator after it as its nickname.
   */
  function namesakes(creators) {
    return creators.map(function (c, i) {
      if (i % 4 === 0) return c.handle;
      if (i % 4 === 1 && creators[i + 1]) return creators[i + 1].handle;
      return c.nick;
    });
  }

  /** Replace the rows every `ms` (markup=rerender): `render()` builds them anew. Returns the stop function. */
  function every(ms, render) {
    var timer = setInterval(render, ms);
    return function () {
      clearInterval(timer);
    };
  }

  SimApp.placement = { cls: cls, handleLink: handleLink, ariaGrid: ariaGrid, virtualList: virtualList, namesakes: namesakes, every: every };
})();
