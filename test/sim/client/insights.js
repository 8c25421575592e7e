// Simulated Affiliate Center: Insights (routes 'insights-transaction', 'insights-sample', 'insights-outreach'; server side
// in test/sim/surfaces/insights.ts). Each page loads its module's figures for a window (`date_type` in the URL: 1 = last
// 7 days, 2 = last 28 days, 3 = last 90 days) and links to the other two analysis pages.
// Markups: markup=cards (default, a grid of metric cards) and markup=table (one table), with different class names.
(function () {
  'use strict';

  function renderInsights(main, ctx) {
    var h = ctx.h;
    var fmt = ctx.fmt;
    var boot = ctx.data;
    var settle = ctx.latest();
    var last = null;

    function dateType() {
      var t = Number(ctx.params().get('date_type'));
      return boot.dateTypes.some(function (d) {
        return d.code === t;
      })
        ? t
        : boot.defaultDateType;
    }

    /** A metric's value as shown: money in the shop currency, rates as percentages, counts as numbers; '—' when unreadable. */
    function valueText(raw, kind) {
      var v = raw && typeof raw === 'object' && 'value' in raw ? raw.value : raw;
      if (kind === 'money') {
        var amount = v && typeof v === 'object' ? fmt.num(v.amount !== undefined ? v.amount : v.value) : fmt.num(v);
        var cur = (v && typeof v === 'object' && (v.currency || v.symbol)) || (raw && raw.symbol) || undefined;
        return amount === null ? '—' : fmt.money(amount, typeof cur === 'string' && /^[A-Z]{3}$/.test(cur) ? cur : undefined);
      }
      if (kind === 'rate') {
        var s = fmt.str(v);
        if (/%$/.test(s)) return s;
        var f = fmt.num(v);
        return f === null ? '—' : (f * 100).toFixed(2) + '%';
      }
      var n = fmt.num(v);
      return n === null ? '—' : n.toLocaleString('en-US');
    }

    function changeOf(raw) {
      var c = raw && typeof raw === 'object' ? fmt.num(raw.change_rate) : null;
      return c === null ? null : h('div', { class: 'in-change' + (c < 0 ? ' down' : ''), text: (c < 0 ? '▼ ' : '▲ ') + Math.abs(c * 100).toFixed(1) + '% vs previous period' });
    }

    function draw() {
      var d = last.data;
      var stats = d.core_stats && typeof d.core_stats === 'object' ? d.core_stats : {};
      var period = d.period && typeof d.period === 'object' ? d.period : {};
      var start = fmt.num(period.start_time);
      var end = fmt.num(period.end_time);
      last.periodEl.textContent = start !== null && end !== null ? 'Data from ' + fmt.date(start) + ' to ' + fmt.date(end) + ' (UTC)' : '';
      var keys = Object.keys(boot.labels);
      var body;
      if (ctx.markup(['cards', 'table']) === 'table') {
        var tbody = h('tbody', { class: 'arco-table-tbody' });
        keys.forEach(function (k) {
          var meta = boot.labels[k];
          tbody.appendChild(h('tr', { class: 'arco-table-tr', 'data-metric': k }, h('td', { class: 'arco-table-td', text: meta.label }), h('td', { class: 'arco-table-td in-cell-value', text: valueText(stats[k], meta.kind) }), h('td', { class: 'arco-table-td' }, changeOf(stats[k]))));
        });
        body = h('div', { class: 'in-table' }, h('table', { class: 'arco-table' }, h('thead', { class: 'arco-table-thead' }, h('tr', null, h('th', { text: 'Metric' }), h('th', { text: 'Value' }), h('th', { text: 'Change' }))), tbody));
      } else {
        body = h('div', { class: 'in-grid' });
        keys.forEach(function (k) {
          var meta = boot.labels[k];
          body.appendChild(h('section', { class: 'in-metric', 'data-metric': k }, h('h3', { text: meta.label }), h('div', { class: 'in-value', text: valueText(stats[k], meta.kind) }), changeOf(stats[k])));
        });
      }
      last.host.replaceChildren(body);
      ctx.markReady();
    }

    function show() {
      last = null;
      var current = dateType();
      ctx.setTitle(boot.title);
      var links = h('nav', { class: 'in-links', 'aria-label': 'Insights' });
      boot.pages.forEach(function (p) {
        links.appendChild(h('a', { href: ctx.hrefFor(p.route, { date_type: current }), 'data-spa': '', 'aria-current': p.route === ctx.route ? 'page' : null, text: p.title }));
      });
      var range = h('div', { class: 'in-range', role: 'tablist', 'aria-label': 'Date range' });
      boot.dateTypes.forEach(function (d) {
        range.appendChild(
          h('button', {
            type: 'button',
            role: 'tab',
            'aria-selected': d.code === current ? 'true' : 'false',
            text: d.label,
            onclick: function () {
              ctx.navigate(ctx.hrefFor(ctx.route, { date_type: d.code }));
            },
          }),
        );
      });
      var periodEl = h('div', { class: 'in-period' });
      var host = h('div', { class: 'sim-body' }, h('div', { class: 'sim-loading', role: 'status', text: 'Loading…' }));
      main.replaceChildren(h('div', { class: 'page-head' }, h('h1', { text: boot.title }), h('p', { text: 'Affiliate performance of your shop. Figures update daily.' })), h('section', { class: 'card' }, links, range, periodEl, host));
      function load() {
        settle(
          ctx.request('POST', '/api/v1/oec/affiliate/compass/' + boot.module + '/overview/get', { date_type: current }),
          function (json) {
            if (!json || json.code !== 0) return ctx.showError(host, 'Data is not available right now.');
            // The figures under `data`, or at the top level beside `code`.
            last = { data: json.data && typeof json.data === 'object' ? json.data : json, host: host, periodEl: periodEl };
            draw();
          },
          function (message) {
            ctx.showError(host, 'Something went wrong (' + message + ').', load);
          },
        );
      }
      load();
    }

    show();
    return {
      update: show,
      rerender: function () {
        if (last) draw();
      },
    };
  }

  SimApp.register('insights-transaction', renderInsights);
  SimApp.register('insights-sample', renderInsights);
  SimApp.register('insights-outreach', renderInsights);
})();
