// Simulated Affiliate Center: the Affiliate orders page (route 'orders'; server side in test/sim/surfaces/orders.ts).
// Loaded after client/core.js, which calls the renderer registered below.
//
// Markups: markup=table (an Arco-style table, one row per order line) and markup=cards (one <article> per order).
// A date filter (presets from the boot data, or a custom From/To in UTC days, kept in the URL as range= or from=/to=)
// and paging (ctx.data.pageSize orders a page; the answer has no totals, so Next stays on while a page comes back full)
// drive POST /api/v1/affiliate/orders. Rendered from the real fields (test/sim/surfaces/orders.ts): creator, channel
// (promotion_position_type), commission and Shop Ads rates and fees, the agency (sponsor_*) of partner-campaign lines;
// the product, quantity, price and settlement only when the answer carries them (wire variants). "View details" only
// records.
(function () {
  'use strict';

  var LIST_PATH = '/api/v1/affiliate/orders';
  var DAY = 86400000;
  var SETTLEMENT = {
    Unknown: ['Unknown', ''],
    'AWAITING PAYMENT': ['Awaiting payment', 's-pending'],
    'To-SETTLE': ['To be settled', 's-active'],
    SETTLED: ['Settled', 's-done'],
    INELIGIBLE: ['Ineligible', 's-cancelled'],
  };
  var CONTENT = { VIDEO: 'Video', LIVE: 'LIVE', SHOP: 'Showcase' };
  // promotion_position_type: 1 product card / showcase, 2 video, 3 LIVE.
  var CHANNEL = { 1: 'Product card', 2: 'Video', 3: 'LIVE' };

  SimApp.register('orders', function render(main, ctx) {
    var h = ctx.h;
    var img = ctx.img;
    var fmt = ctx.fmt;
    var boot = ctx.data || {};
    var today = typeof boot.today === 'number' ? boot.today : Date.now();
    var presets = Array.isArray(boot.presets) ? boot.presets : [7, 30, 90];
    var PAGE_SIZE = boot.pageSize || 50;

    // ----------------------------------------------------------------------------------------------------------
    // Reading the response the way the real app does, tolerating shape changes

    function money(v) {
      var n = fmt.num(v);
      if (n !== null) return fmt.money(n);
      if (v && typeof v === 'object' && fmt.num(v.amount) !== null) return fmt.money(fmt.num(v.amount), typeof v.currency === 'string' ? v.currency : undefined);
      return typeof v === 'string' && v ? v : '—';
    }

    // A rate as the page shows it, in whichever form the answer writes it: "10%", "10.00" (percent), 1000 (basis
    // points), "0.1" (a fraction).
    function rate(v) {
      if (typeof v === 'string' && /%$/.test(v)) return v;
      if (typeof v === 'string' && v.indexOf('.') >= 0) {
        var d = Number(v);
        if (!isFinite(d)) return '—';
        return d > 1 || (ctx.params().get('variant') || '').indexOf('rate-percent') >= 0 ? fmt.bps(Math.round(d * 100)) : fmt.bps(Math.round(d * 10000));
      }
      var n = fmt.num(v);
      if (n !== null) return fmt.bps(n);
      if (v && typeof v === 'object' && typeof v.value === 'string') return v.value;
      return '—';
    }

    function amountOrDash(v) {
      return v === '' || v === undefined || v === null ? '—' : money(v);
    }

    function readRow(r) {
      if (!r || typeof r !== 'object') return null;
      var position = r.promotion_position && typeof r.promotion_position === 'object' ? r.promotion_position.promotion_position_type : undefined;
      var agency = fmt.str(r.sponsor_name) || fmt.str(r.sponsor_id);
      return {
        skuId: fmt.str(r.sku_id),
        productId: fmt.str(r.product_id),
        title: fmt.str(r.product_name),
        skuName: fmt.str(r.sku_name),
        image: r.sku_image,
        quantity: fmt.num(r.quantity),
        price: r.price === undefined ? '' : money(r.price),
        handle: fmt.str(r.creator_username),
        nick: fmt.str(r.creator_nickname) || fmt.str(r.creator_username) || '—',
        channel: CONTENT[fmt.str(r.content_type)] || CHANNEL[fmt.num(position)] || fmt.str(r.content_type) || '—',
        contentId: fmt.str(r.content_id),
        rate: rate(r.cos_ratio),
        adsRate: fmt.num(r.shop_ads_commission_ratio) || (typeof r.shop_ads_commission_ratio === 'string' && Number(r.shop_ads_commission_ratio) > 0) ? rate(r.shop_ads_commission_ratio) : '',
        estimated: money(r.estimated_cos_fee),
        actual: amountOrDash(r.actual_cos_fee),
        adsEstimated: money(r.estimated_shop_ads_commission),
        adsActual: amountOrDash(r.actual_shop_ads_commission),
        agency: agency
          ? { name: agency, rate: rate(r.sponsor_service_ratio), estimated: money(r.estimated_sponsor_cos_fee), actual: amountOrDash(r.actual_sponsor_cos_fee) }
          : null,
        settlement: fmt.str(r.settlement_status),
        refunded: r.fully_return === 'yes',
      };
    }

    function readList(json) {
      if (!json || typeof json !== 'object') throw new Error('Empty response');
      if (json.code !== 0) throw new Error(typeof json.message === 'string' ? json.message : 'Request failed');
      // The list at the top level; the first map's `data.orders` too, should an answer use it.
      var list = Array.isArray(json.orders) ? json.orders : json.data && Array.isArray(json.data.orders) ? json.data.orders : [];
      var out = [];
      list.forEach(function (o) {
        try {
          if (!o || typeof o !== 'object') return;
          var rows = (Array.isArray(o.sku_detail) ? o.sku_detail : []).map(readRow).filter(Boolean);
          if (rows.length) out.push({ id: fmt.str(o.main_order_id), created: fmt.num(o.create_time), rows: rows });
        } catch (err) {
          console.warn('[affiliate] skipped an order', err);
        }
      });
      var withProduct = out.some(function (o) {
        return o.rows.some(function (r) {
          return r.title || r.productId;
        });
      });
      var withSettlement = out.some(function (o) {
        return o.rows.some(function (r) {
          return r.settlement;
        });
      });
      return { orders: out, full: list.length >= PAGE_SIZE, withProduct: withProduct, withSettlement: withSettlement };
    }

    // ----------------------------------------------------------------------------------------------------------
    // The date filter: a preset (days back from today) or a custom From/To in UTC days

    function isoDay(ms) {
      return new Date(ms).toISOString().slice(0, 10);
    }

    function dayMs(s) {
      if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
      var t = Date.parse(s + 'T00:00:00Z');
      return isFinite(t) ? t : null;
    }

    function filterFromUrl() {
      var p = ctx.params();
      var from = dayMs(p.get('from'));
      var to = dayMs(p.get('to'));
      if (from !== null && to !== null && from <= to) return { preset: null, begin: from, end: to + DAY - 1 };
      var days = Number(p.get('range'));
      if (presets.indexOf(days) < 0) days = boot.defaultRange || 30;
      return { preset: days, begin: today - days * DAY, end: today };
    }

    function sameFilter(a, b) {
      return a.preset === b.preset && a.begin === b.begin && a.end === b.end;
    }

    // ----------------------------------------------------------------------------------------------------------
    // Cells

    function settlementTag(raw, refunded) {
      var s = SETTLEMENT[raw] || [raw || 'Unknown', ''];
      return h('span', null, h('span', { class: 'status-tag ' + s[1], text: s[0] }), refunded ? h('span', { class: 'ord-refund', text: 'Fully returned' }) : null);
    }

    function viewButton(order, row) {
      return h('button', {
        type: 'button',
        class: 'btn',
        disabled: !order.id,
        text: 'View details',
        onclick: function () {
          ctx.recordAction({ action: 'view-order', orderId: order.id, skuId: row.skuId });
        },
      });
    }

    function productCell(row) {
      return h(
        'div',
        { class: 'product-cell' },
        row.image ? img('product-image', row.image) : null,
        h(
          'div',
          { class: 'product-info' },
          h('div', { class: 'product-title', text: row.title || 'Product' }),
          row.productId ? h('div', { class: 'product-id', text: 'ID: ' + row.productId }) : null,
          row.price ? h('div', { class: 'sku-desc', text: (row.skuName || 'Default') + ' · ' + (row.quantity === null ? '?' : row.quantity) + ' × ' + row.price }) : null,
        ),
      );
    }

    function agencyCell(row) {
      if (!row.agency) return h('span', { class: 'ord-muted', text: '—' });
      return h(
        'div',
        null,
        h('div', { class: 'ord-agency', text: row.agency.name }),
        h('span', { class: 'ord-muted', text: 'Service fee ' + row.agency.rate }),
        h('span', { class: 'ord-muted', text: 'Est. ' + row.agency.estimated + ' · Actual ' + row.agency.actual }),
      );
    }

    function tableRow(order, row, cols) {
      return h(
        'tr',
        { class: 'arco-table-tr' },
        h('td', { class: 'arco-table-td' }, h('div', { text: order.id || '—' }), h('span', { class: 'ord-muted', text: fmt.date(order.created) })),
        cols.product ? h('td', { class: 'arco-table-td' }, productCell(row)) : null,
        h('td', { class: 'arco-table-td' }, h('div', { class: 'creator-nick', text: row.nick }), row.handle ? h('span', { class: 'creator-handle', text: '@' + row.handle }) : null),
        h('td', { class: 'arco-table-td' }, h('div', { text: row.channel }), row.contentId ? h('span', { class: 'ord-muted', text: row.contentId }) : null),
        h('td', { class: 'arco-table-td' }, h('div', { text: row.rate }), row.adsRate ? h('span', { class: 'ord-muted', text: 'Ads ' + row.adsRate }) : null),
        h('td', { class: 'arco-table-td ord-money' }, h('div', { text: row.estimated }), row.adsRate ? h('span', { class: 'ord-muted', text: 'Ads ' + row.adsEstimated }) : null),
        h('td', { class: 'arco-table-td ord-money' }, h('div', { text: row.actual }), row.adsRate ? h('span', { class: 'ord-muted', text: 'Ads ' + row.adsActual }) : null),
        h('td', { class: 'arco-table-td' }, agencyCell(row)),
        cols.settlement ? h('td', { class: 'arco-table-td' }, settlementTag(row.settlement, row.refunded)) : null,
        h('td', { class: 'arco-table-td' }, viewButton(order, row)),
      );
    }

    function card(order) {
      var lines = h('ul', { class: 'm-ord-card__lines' });
      order.rows.forEach(function (row) {
        lines.appendChild(
          h(
            'li',
            { class: 'm-ord-line' },
            h(
              'div',
              null,
              row.title || row.productId ? h('p', { class: 'm-ord-line__title', text: row.title || 'Product ' + row.productId }) : null,
              row.price ? h('span', { class: 'ord-muted', text: (row.skuName || 'Default') + ' · Qty ' + (row.quantity === null ? '?' : row.quantity) + ' · ' + row.price }) : null,
              h('span', { class: 'ord-muted', text: row.channel + (row.contentId ? ' ' + row.contentId : '') }),
            ),
            h('div', { class: 'm-ord-line__who' }, h('span', { class: 'm-ord-line__nick', text: row.nick }), row.handle ? h('span', { text: '@' + row.handle }) : null),
            h(
              'div',
              { class: 'm-ord-line__pay' },
              h('span', { text: 'Rate ' + row.rate + (row.adsRate ? ' · Ads ' + row.adsRate : '') }),
              h('span', { text: 'Est. ' + row.estimated + ' · Actual ' + row.actual }),
              row.settlement ? settlementTag(row.settlement, row.refunded) : null,
              viewButton(order, row),
            ),
            h('div', { class: 'm-ord-line__agency' }, agencyCell(row)),
          ),
        );
      });
      return h(
        'article',
        { class: 'm-ord-card' },
        h('header', { class: 'm-ord-card__head' }, h('span', { class: 'm-ord-card__id', text: 'Order ' + (order.id || '—') }), h('span', { text: fmt.date(order.created) })),
        lines,
      );
    }

    // ----------------------------------------------------------------------------------------------------------
    // Page state and loading

    var state = { filter: filterFromUrl(), page: 1, loading: false, data: null, error: null, rows: null, el: null };
    var fetchList = ctx.listLoader(state, updateControls, function () {
      renderList(true);
    });

    function updateControls() {
      state.el.pageLabel.textContent = 'Page ' + state.page;
      state.el.prev.disabled = state.loading || state.page <= 1;
      state.el.next.disabled = state.loading || !(state.data && state.data.full);
      state.el.summary.textContent = state.data ? state.data.orders.length + (state.data.orders.length === 1 ? ' order' : ' orders') + ' on this page' : '';
      state.el.presetButtons.forEach(function (b) {
        b.setAttribute('aria-pressed', Number(b.getAttribute('data-days')) === state.filter.preset ? 'true' : 'false');
      });
      state.el.from.value = isoDay(state.filter.begin);
      state.el.to.value = isoDay(state.filter.end);
    }

    function showFilter(filter) {
      state.filter = filter;
      state.page = 1;
      load();
    }

    function choosePreset(days) {
      ctx.setQuery({ range: days, from: null, to: null });
      showFilter(filterFromUrl());
    }

    function applyCustom() {
      var from = dayMs(state.el.from.value);
      var to = dayMs(state.el.to.value);
      if (from === null || to === null || from > to) return;
      ctx.setQuery({ range: null, from: state.el.from.value, to: state.el.to.value });
      showFilter(filterFromUrl());
    }

    function goPage(delta) {
      if (state.loading) return;
      var p = state.page + delta;
      if (p < 1 || (delta > 0 && !(state.data && state.data.full))) return;
      state.page = p;
      load();
    }

    function load() {
      fetchList(function () {
        var body = {
          conditions: { time_period: { beginning_time: String(state.filter.begin), ending_time: String(state.filter.end) } },
          page: state.page,
          page_size: PAGE_SIZE,
        };
        return ctx.request('POST', LIST_PATH, body).then(readList);
      });
    }

    function renderList(fresh) {
      var host = state.el.listHost;
      if (state.error) {
        state.rows = null;
        ctx.showError(host, 'Something went wrong while loading orders (' + state.error + ').', load);
        return;
      }
      if (!state.data) return;
      if (state.data.orders.length === 0) {
        state.rows = null;
        ctx.showEmpty(host, 'No affiliate orders in this period');
        return;
      }
      var cards = ctx.markup() === 'cards';
      var cols = { product: state.data.withProduct, settlement: state.data.withSettlement };
      if (fresh || !state.rows || !host.contains(state.rows)) {
        if (cards) {
          state.rows = h('div', { class: 'ord-cards' });
          host.replaceChildren(state.rows);
        } else {
          state.rows = ctx.arcoTable(
            host,
            'arco-table arco-table-layout-fixed',
            [
              ['Order', '13%'],
              cols.product ? ['Product', '18%'] : null,
              ['Creator', '12%'],
              ['Channel', '9%'],
              ['Commission rate', '8%'],
              ['Est. commission', '9%'],
              ['Actual commission', '9%'],
              ['Agency', '13%'],
              cols.settlement ? ['Settlement', '9%'] : null,
              ['Action', '7%'],
            ].filter(Boolean),
          );
        }
      }
      var els = [];
      state.data.orders.forEach(function (order) {
        if (cards) els.push(card(order));
        else
          order.rows.forEach(function (row) {
            els.push(tableRow(order, row, cols));
          });
      });
      state.rows.replaceChildren.apply(state.rows, els);
      ctx.markReady();
    }

    // ----------------------------------------------------------------------------------------------------------
    // The page

    ctx.setTitle('Affiliate orders');
    var presetButtons = presets.map(function (days) {
      return h('button', {
        type: 'button',
        class: 'btn',
        'data-days': days,
        'aria-pressed': 'false',
        text: 'Last ' + days + ' days',
        onclick: function () {
          choosePreset(days);
        },
      });
    });
    var from = h('input', { type: 'date', name: 'from' });
    var to = h('input', { type: 'date', name: 'to' });
    var summary = h('span', { class: 'ord-summary', 'aria-live': 'polite' });
    var filter = h.apply(
      null,
      ['div', { class: 'ord-filter', role: 'group', 'aria-label': 'Order date' }].concat(presetButtons, [
        h('label', null, 'From', from),
        h('label', null, 'To', to),
        h('button', { type: 'button', class: 'btn', text: 'Apply', onclick: applyCustom }),
        summary,
      ]),
    );
    var body = h('div', { class: 'sim-body' });
    var loading = ctx.spinner();
    var listHost = h('div');
    body.appendChild(listHost);
    body.appendChild(loading);
    var pager = ctx.pager(
      function () {
        goPage(-1);
      },
      function () {
        goPage(1);
      },
    );
    main.replaceChildren(
      h('div', { class: 'page-head' }, h('h1', { text: 'Affiliate orders' }), h('p', { text: 'Orders creators drove to your shop, with their commission and settlement status.' })),
      h('section', { class: 'card' }, filter, body, pager.nav),
    );
    state.el = { summary: summary, body: body, loading: loading, listHost: listHost, prev: pager.prev, next: pager.next, pageLabel: pager.label, presetButtons: presetButtons, from: from, to: to };
    load();

    return {
      // Same page, different query (back/forward between filters, the nav link): follow the URL's filter.
      update: function () {
        var f = filterFromUrl();
        if (!sameFilter(f, state.filter)) showFilter(f);
      },
      // rerender=1: re-render the same rows, reusing the list container.
      rerender: function () {
        if (!state.loading && state.data && !state.error) renderList(false);
      },
    };
  });
})();
