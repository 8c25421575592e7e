// Simulated Affiliate Center: Open collaboration (routes 'open-collaboration' and 'creator-applications'; server side
// in test/sim/surfaces/open-collaboration.ts). Loaded after client/core.js.
//
// Products: 20 a page, each with its open commission; "Commission history" opens a dialog that loads the product's
// history. Creator applications: status tabs (?status=), 20 a page. Markups: markup=table and markup=cards.
// Edit commission / Remove / Approve / Reject only record into window.__simActions.
(function () {
  'use strict';

  var PAGE_SIZE = 20;
  var PLANS_PATH = '/api/v2/affiliate/open_plan/list';
  var HISTORY_PATH = '/api/v1/affiliate/open_collaboration/commission_history/list';
  var APPLICATIONS_PATH = '/api/v1/affiliate/open_collaboration/creator_application/search';

  function withChildren(h, tag, attrs, children) {
    var el = h(tag, attrs);
    children.forEach(function (c) {
      if (c) el.appendChild(c);
    });
    return el;
  }

  /** The answer's fields, under `data` or at the top level; its error text from `message` or `msg`. */
  function readEnvelope(json) {
    if (!json || typeof json !== 'object') throw new Error('Empty response');
    if (json.code !== 0) throw new Error(typeof json.message === 'string' ? json.message : typeof json.msg === 'string' ? json.msg : 'Request failed');
    return json.data && typeof json.data === 'object' ? json.data : json;
  }

  function rateText(fmt, v) {
    var n = fmt.num(v);
    return n === null ? '—' : fmt.bps(n);
  }

  function priceText(fmt, p) {
    if (!p || typeof p !== 'object') return '—';
    var v = fmt.num(p.minimum_amount !== undefined ? p.minimum_amount : p.amount);
    return v === null ? '—' : fmt.money(v, typeof p.currency === 'string' ? p.currency : undefined);
  }

  /** A paged list section: loading state, pager, error and empty states; `fetchPage(page)` returns {items, total}. */
  function pagedList(ctx, opts) {
    var h = ctx.h;
    var state = { page: 1, loading: false, data: null, error: null, el: null };
    var el = {
      list: h('div', null),
      loading: ctx.spinner(),
      summary: h('span', { class: 'oc-muted', 'aria-live': 'polite' }),
      pager: ctx.totalPager(state, PAGE_SIZE, load),
    };
    state.el = el;
    var fetchList = ctx.listLoader(state, pager, draw);
    function pager() {
      el.pager.update();
      el.summary.textContent = state.data ? state.data.total + ' ' + opts.noun : '';
    }
    function draw() {
      if (state.error) return ctx.showError(el.list, 'Could not load ' + opts.noun + ' (' + state.error + ').', load);
      if (!state.data) return;
      if (!state.data.items.length) return ctx.showEmpty(el.list, opts.empty);
      el.list.replaceChildren(opts.render(state.data.items));
      ctx.markReady();
    }
    function load() {
      fetchList(function () {
        return opts.fetchPage(state.page);
      });
    }
    pager();
    return {
      el: el,
      load: load,
      reset: function () {
        state.page = 1;
        load();
      },
      redraw: function () {
        if (!state.loading) draw();
      },
      body: h('div', { class: 'sim-body' }, el.list, el.loading),
      pager: el.pager.nav,
    };
  }

  // ------------------------------------------------------------------------------------------------------------
  // Products in open collaboration

  SimApp.register('open-collaboration', function render(main, ctx) {
    var h = ctx.h;
    var fmt = ctx.fmt;
    var img = ctx.img;
    var dialog = null;
    ctx.setTitle('Open collaboration');

    function readPlan(x) {
      if (!x || typeof x !== 'object' || !x.product || typeof x.product !== 'object') return null;
      var c = x.current_commission && typeof x.current_commission === 'object' ? x.current_commission : {};
      var productId = fmt.str(x.product.product_id) || fmt.str(x.product.id);
      return {
        productId: productId || null,
        title: fmt.str(x.product.title) || 'Untitled product',
        image: x.product.main_image_url,
        price: x.product.original_price,
        stock: fmt.num(x.product.inventory),
        rate: c.rate,
        end: fmt.num(c.end_time),
        removing: x.status === 'TERMINATING',
        showcase: fmt.num(x.showcase_creator_count),
        content: fmt.num(x.content_creator_count),
      };
    }

    function closeDialog() {
      if (dialog) dialog.remove();
      dialog = null;
    }

    function openHistory(item) {
      closeDialog();
      var list = h('ul', { class: 'oc-history' }, h('li', { text: 'Loading…' }));
      var box = h(
        'div',
        { class: 'oc-dialog__box', role: 'dialog', 'aria-modal': 'true', 'aria-label': 'Commission history' },
        h('h2', { text: 'Commission history' }),
        h('p', { class: 'oc-muted', text: item.title }),
        list,
        h('button', { type: 'button', class: 'btn', text: 'Close', onclick: closeDialog }),
      );
      dialog = h('div', { class: 'oc-dialog' }, box);
      document.body.appendChild(dialog);
      ctx
        .request('POST', HISTORY_PATH, { product_id: item.productId, cur_page: 1, page_size: 20 })
        .then(readEnvelope)
        .then(
          function (d) {
            if (!ctx.alive()) return;
            var rows = (Array.isArray(d.commission_history_list) ? d.commission_history_list : []).filter(function (e) {
              return e && typeof e === 'object';
            });
            list.replaceChildren.apply(
              list,
              rows.map(function (e) {
                var start = fmt.num(e.start_time);
                var end = fmt.num(e.end_time);
                return h('li', null, h('span', { class: 'oc-rate', text: rateText(fmt, e.commission_rate !== undefined ? e.commission_rate : e.rate) }), h('span', { class: 'oc-muted', text: (start ? fmt.date(start) : '?') + ' – ' + (end ? fmt.date(end) : 'now') }));
              }),
            );
            ctx.markReady();
          },
          function (err) {
            if (!ctx.alive()) return;
            list.replaceChildren(h('li', { class: 'sim-error', text: 'Could not load the history (' + (err instanceof Error ? err.message : String(err)) + ').' }));
            ctx.markReady();
          },
        );
    }

    function actions(item) {
      return h(
        'div',
        { class: 'row-actions' },
        h('button', { type: 'button', class: 'btn', disabled: !item.productId, text: 'Commission history', onclick: function () { openHistory(item); } }),
        h('button', { type: 'button', class: 'btn', disabled: !item.productId, text: 'Edit commission', onclick: function () { ctx.recordAction({ action: 'edit-commission', productId: item.productId }); } }),
        item.removing ? null : h('button', { type: 'button', class: 'btn', disabled: !item.productId, text: 'Remove', onclick: function () { ctx.recordAction({ action: 'remove-product', productId: item.productId }); } }),
      );
    }

    function statusLine(item) {
      if (!item.removing) return h('span', { class: 'status-tag s-active', text: 'Active' });
      return h('span', { class: 'oc-removing', text: 'Removing' + (item.end ? ' on ' + fmt.date(item.end) : '') });
    }

    function renderItems(items) {
      if (ctx.markup() === 'cards') {
        return withChildren(
          h,
          'div',
          { class: 'oc-cards' },
          items.map(function (item) {
            return h(
              'article',
              { class: 'z-offer' },
              h('div', { class: 'product-cell' }, img('product-image', item.image), h('h3', { class: 'z-offer__title', text: item.title })),
              h('div', { class: 'z-offer__line', text: 'Product ID ' + (item.productId || '—') + ' · ' + priceText(fmt, item.price) }),
              h('div', { class: 'z-offer__line' }, h('span', { class: 'oc-rate', text: rateText(fmt, item.rate) }), ' commission · ', statusLine(item)),
              h('div', { class: 'z-offer__line', text: (item.showcase === null ? '—' : item.showcase) + ' creators showcasing · ' + (item.content === null ? '—' : item.content) + ' posting' }),
              actions(item),
            );
          }),
        );
      }
      var tbody = withChildren(
        h,
        'tbody',
        { class: 'arco-table-tbody' },
        items.map(function (item) {
          return h(
            'tr',
            { class: 'arco-table-tr' },
            h('td', null, h('div', { class: 'product-cell' }, img('product-image', item.image), h('div', null, h('div', { class: 'product-title', text: item.title }), h('div', { class: 'product-id', text: 'ID: ' + (item.productId || '—') })))),
            h('td', { text: priceText(fmt, item.price) }),
            h('td', null, h('span', { class: 'oc-rate', text: rateText(fmt, item.rate) })),
            h('td', null, statusLine(item)),
            h('td', { text: item.showcase === null ? '—' : String(item.showcase) }),
            h('td', { text: item.content === null ? '—' : String(item.content) }),
            h('td', null, actions(item)),
          );
        }),
      );
      var head = withChildren(h, 'tr', null, ['Product', 'Price', 'Commission', 'Status', 'Showcasing', 'Posting', 'Action'].map(function (l, i) { return h('th', { text: l, style: i === 0 ? 'width:30%' : i === 6 ? 'width:20%' : null }); }));
      return h('div', { class: 'arco-table-container' }, h('table', { class: 'arco-table' }, h('thead', { class: 'arco-table-thead' }, head), tbody));
    }

    var list = pagedList(ctx, {
      noun: 'products',
      empty: 'No products in open collaboration',
      render: renderItems,
      fetchPage: function (page) {
        return ctx
          .request('POST', PLANS_PATH, { cur_page: page, page_size: PAGE_SIZE, search_params: {} })
          .then(readEnvelope)
          .then(function (d) {
            var items = (Array.isArray(d.open_plan_list) ? d.open_plan_list : []).map(readPlan).filter(Boolean);
            var total = fmt.num(d.total);
            return { items: items, total: total === null ? items.length : total };
          });
      },
    });

    main.replaceChildren(
      h(
        'div',
        { class: 'page-head' },
        h('h1', { text: 'Open collaboration' }),
        h('p', null, 'Every creator can promote these products at the commission you set. ', h('a', { href: ctx.hrefFor('creator-applications'), 'data-spa': '', class: 'home-link', text: 'Creator applications' })),
      ),
      h('section', { class: 'card' }, h('div', { class: 'sim-toolbar' }, h('span', { class: 'oc-muted', text: 'Products' }), list.el.summary), list.body, list.pager),
    );
    list.load();

    return {
      cleanup: closeDialog,
      rerender: list.redraw,
    };
  });

  // ------------------------------------------------------------------------------------------------------------
  // Creator applications

  SimApp.register('creator-applications', function render(main, ctx) {
    var h = ctx.h;
    var fmt = ctx.fmt;
    var img = ctx.img;
    var tabs = (ctx.data && ctx.data.tabs) || [];
    ctx.setTitle('Creator applications');

    function statusFromUrl() {
      var s = ctx.params().get('status');
      return tabs.some(function (t) {
        return t.status === s;
      })
        ? s
        : tabs.length
          ? tabs[0].status
          : 'PENDING';
    }
    var current = statusFromUrl();

    function readApplication(x) {
      if (!x || typeof x !== 'object') return null;
      var c = x.creator_info && typeof x.creator_info === 'object' ? x.creator_info : {};
      var p = x.product && typeof x.product === 'object' ? x.product : {};
      return {
        id: fmt.str(x.application_id) || null,
        status: fmt.str(x.status) || current,
        applied: fmt.num(x.apply_time),
        rate: x.commission_rate,
        handle: typeof c.user_name === 'string' ? c.user_name : '',
        nick: fmt.str(c.nick_name) || 'TikTok creator',
        avatar: c.avatar && Array.isArray(c.avatar.url_list) ? c.avatar.url_list[0] : undefined,
        followers: fmt.num(c.follower_cnt),
        title: fmt.str(p.title) || 'Untitled product',
        productId: fmt.str(p.product_id),
        image: p.main_image_url,
      };
    }

    function actions(item) {
      if (item.status !== 'PENDING') return h('span', { class: 'oc-muted', text: '—' });
      return h(
        'div',
        { class: 'row-actions' },
        h('button', { type: 'button', class: 'btn btn-primary', disabled: !item.id, text: 'Approve', onclick: function () { ctx.recordAction({ action: 'approve-application', id: item.id }); } }),
        h('button', { type: 'button', class: 'btn', disabled: !item.id, text: 'Reject', onclick: function () { ctx.recordAction({ action: 'reject-application', id: item.id }); } }),
      );
    }

    function renderItems(items) {
      if (ctx.markup() === 'cards') {
        return withChildren(
          h,
          'div',
          { class: 'ca-cards' },
          items.map(function (item) {
            return h(
              'article',
              { class: 'w-app' },
              img('creator-avatar', item.avatar),
              h(
                'div',
                { class: 'w-app__who' },
                h('div', { class: 'w-app__nick', text: item.nick }),
                item.handle ? h('div', { class: 'w-app__sub', text: item.handle }) : null,
                h('div', { class: 'w-app__sub', text: 'Applied for ' + item.title + ' at ' + rateText(fmt, item.rate) + ' · ' + fmt.date(item.applied) }),
              ),
              actions(item),
            );
          }),
        );
      }
      var tbody = withChildren(
        h,
        'tbody',
        { class: 'arco-table-tbody' },
        items.map(function (item) {
          return h(
            'tr',
            { class: 'arco-table-tr' },
            h('td', null, h('div', { class: 'creator-cell' }, img('creator-avatar', item.avatar), h('div', { class: 'creator-info' }, h('div', { class: 'creator-nick', text: item.nick }), item.handle ? h('span', { class: 'creator-handle', text: '@' + item.handle }) : null, h('div', { class: 'creator-stats', text: fmt.compact(item.followers) + ' followers' })))),
            h('td', null, h('div', { class: 'product-cell' }, img('product-image', item.image), h('div', null, h('div', { class: 'product-title', text: item.title }), h('div', { class: 'product-id', text: 'ID: ' + item.productId })))),
            h('td', { text: rateText(fmt, item.rate) }),
            h('td', { text: fmt.date(item.applied) }),
            h('td', null, actions(item)),
          );
        }),
      );
      var head = withChildren(h, 'tr', null, ['Creator', 'Product', 'Commission', 'Applied', 'Action'].map(function (l, i) { return h('th', { text: l, style: i < 2 ? 'width:28%' : null }); }));
      return h('div', { class: 'arco-table-container' }, h('table', { class: 'arco-table' }, h('thead', { class: 'arco-table-thead' }, head), tbody));
    }

    var list = pagedList(ctx, {
      noun: 'applications',
      empty: 'No applications',
      render: renderItems,
      fetchPage: function (page) {
        return ctx
          .request('POST', APPLICATIONS_PATH, { status: current, cur_page: page, page_size: PAGE_SIZE })
          .then(readEnvelope)
          .then(function (d) {
            var items = (Array.isArray(d.application_list) ? d.application_list : []).map(readApplication).filter(Boolean);
            var total = fmt.num(d.total);
            return { items: items, total: total === null ? items.length : total };
          });
      },
    });

    var tablist = h('div', { class: 'sim-tabs', role: 'tablist', 'aria-label': 'Application status' });
    function showTab(status) {
      current = status;
      tablist.querySelectorAll('[role=tab]').forEach(function (b) {
        b.setAttribute('aria-selected', b.getAttribute('data-status') === status ? 'true' : 'false');
      });
      list.reset();
    }
    tabs.forEach(function (t) {
      tablist.appendChild(
        h('button', {
          type: 'button',
          role: 'tab',
          'data-status': t.status,
          'aria-selected': t.status === current ? 'true' : 'false',
          text: t.label,
          onclick: function () {
            ctx.setQuery({ status: t.status });
            showTab(t.status);
          },
        }),
      );
    });

    main.replaceChildren(
      h('div', { class: 'page-head' }, h('a', { href: ctx.hrefFor('open-collaboration'), 'data-spa': '', class: 'oc-muted', text: '← Open collaboration' }), h('h1', { text: 'Creator applications' }), h('p', { text: 'Creators who asked to promote your open-collaboration products.' })),
      h('section', { class: 'card' }, tablist, h('div', { class: 'sim-toolbar' }, h('span', { class: 'oc-muted', text: 'Applications' }), list.el.summary), list.body, list.pager),
    );
    list.load();

    return {
      update: function () {
        var s = statusFromUrl();
        if (s !== current) showTab(s);
      },
      rerender: list.redraw,
    };
  });
})();
