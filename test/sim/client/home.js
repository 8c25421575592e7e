// Simulated Affiliate Center: Home (route 'home'; server side in test/sim/surfaces/home.ts).
// The figures come from the boot data (ctx.data.stats), derived on the server from the world seed and the shop.
// Markups: markup=cards (default, a grid of stat cards) and markup=table (one table of the same figures).
(function () {
  'use strict';

  SimApp.register('home', function render(main, ctx) {
    var h = ctx.h;
    var fmt = ctx.fmt;
    var stats = (ctx.data && ctx.data.stats) || [];
    ctx.setTitle('Home');

    function value(s) {
      return s.money ? fmt.money(s.value) : String(s.value);
    }
    function delta(s) {
      return (s.delta < 0 ? '▼ ' : '▲ ') + Math.abs(s.delta).toFixed(1) + '% vs previous 28 days';
    }

    var figures;
    if (ctx.markup(['cards', 'table']) === 'table') {
      var tbody = h('tbody', { class: 'arco-table-tbody' });
      stats.forEach(function (s) {
        tbody.appendChild(
          h(
            'tr',
            { class: 'arco-table-tr' },
            h('td', { class: 'arco-table-td', text: s.label }),
            h('td', { class: 'arco-table-td home-value', text: value(s) }),
            h('td', { class: 'arco-table-td delta' + (s.delta < 0 ? ' down' : ''), text: delta(s) }),
          ),
        );
      });
      figures = h(
        'section',
        { class: 'card home-card' },
        h(
          'table',
          { class: 'arco-table' },
          h('thead', { class: 'arco-table-thead' }, h('tr', null, h('th', { text: 'Metric' }), h('th', { text: 'Last 28 days' }), h('th', { text: 'Change' }))),
          tbody,
        ),
      );
    } else {
      figures = h('div', { class: 'home-grid' });
      stats.forEach(function (s) {
        figures.appendChild(
          h(
            'section',
            { class: 'card home-card' },
            h('h2', { text: s.label }),
            h('div', { class: 'value', text: value(s) }),
            h('div', { class: 'delta' + (s.delta < 0 ? ' down' : ''), text: delta(s) }),
          ),
        );
      });
    }

    main.replaceChildren(
      h('div', { class: 'page-head' }, h('h1', { text: 'Welcome back, ' + ctx.shop.name }), h('p', { text: 'Affiliate performance for the last 28 days' })),
      figures,
      h(
        'section',
        { class: 'card home-wide' },
        h('h2', { text: 'To-do' }),
        h(
          'ul',
          null,
          h('li', null, 'Creators are waiting for your answer on their sample requests. ', h('a', { class: 'home-link', href: ctx.hrefFor('sample-request'), 'data-spa': '', text: 'Review now' })),
          h('li', { text: 'Keep open collaboration commission rates competitive for your category.' }),
          h('li', { text: 'Invite top creators from Find creators to a target collaboration.' }),
        ),
      ),
    );
    ctx.markReady();
  });
})();
