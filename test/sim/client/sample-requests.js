// Simulated Affiliate Center: the Sample requests page (route 'sample-request'; server side in
// test/sim/surfaces/sample-requests.ts). Loaded after client/core.js, which calls the renderer registered below.
//
// Markups: markup=table (an Arco-style table, one row per request) and markup=cards (one <article> per creator).
// Tabs come from the boot data (ctx.data.tabs); the list is POST /api/v1/affiliate/sample/group/list, 50 a page.
// Approve / Reject / View details only record into window.__simActions.
(function () {
  'use strict';

  var PAGE_SIZE = 50;
  var LIST_PATH = '/api/v1/affiliate/sample/group/list';
  var DEADLINE_STATUSES = { PENDING: 'review', AWAITING_SHIPMENT: 'ship', CONTENT_PENDING: 'post' };
  var STATUS_LABELS = {
    PENDING: ['To review', 's-pending'],
    AWAITING_SHIPMENT: ['Ready to ship', 's-active'],
    SHIPPED: ['Shipped', 's-active'],
    CONTENT_PENDING: ['Awaiting content', 's-active'],
    COMPLETED: ['Completed', 's-done'],
    OPS_COMPLETED: ['Completed by TikTok Shop', 's-done'],
    REJECT_CANCELLED: ['Rejected', 's-cancelled'],
    OVERDUE_CANCELLED: ['Expired', 's-cancelled'],
    SELLER_NOT_SHIP_CANCELLED: ['Not shipped in time', 's-cancelled'],
    WITHDRAW_CANCELLED: ['Withdrawn by creator', 's-cancelled'],
    UNFULFILL_CANCELLED: ['Content not posted', 's-cancelled'],
    UNFULFILLABLE_CANCELLED: ['Unfulfillable', 's-cancelled'],
    DEL_OPEN_COLLAB: ['Collaboration deleted', 's-cancelled'],
    OPS_CANCELLED: ['Cancelled by TikTok Shop', 's-cancelled'],
    OPS_FAILED: ['Failed', 's-cancelled'],
  };

  SimApp.register('sample-request', function render(main, ctx) {
    var h = ctx.h;
    var img = ctx.img;
    var fmt = ctx.fmt;
    var tabs = (ctx.data && ctx.data.tabs) || [];

    // ----------------------------------------------------------------------------------------------------------
    // Reading the list response the way the real app does, tolerating shape changes

    function readCreator(c) {
      if (!c || typeof c !== 'object') return null;
      var handle = typeof c.name === 'string' ? c.name : '';
      var avatar = c.avatar && Array.isArray(c.avatar.url_list) ? c.avatar.url_list[0] : undefined;
      return {
        id: fmt.str(c.creator_id),
        handle: handle,
        nick: fmt.str(c.nick_name) || handle || 'TikTok creator',
        avatar: avatar,
        followers: fmt.num(c.follower_cnt),
        fulfilment: fmt.str(c.fulfillment_percentage),
      };
    }

    function commissionText(v) {
      var n = fmt.num(v);
      if (n !== null) return fmt.bps(n);
      if (v && typeof v === 'object' && typeof v.value === 'string') return v.value;
      return '—';
    }

    function readApply(a, fetchedAt) {
      if (!a || typeof a !== 'object') return null;
      var expiredIn = fmt.num(a.expired_in);
      return {
        applyId: typeof a.apply_id === 'string' && a.apply_id ? a.apply_id : null,
        productId: fmt.str(a.product_id),
        title: fmt.str(a.product_title) || 'Untitled product',
        skuDesc: typeof a.sku_desc === 'string' ? a.sku_desc : '',
        skuImage: a.sku_image,
        stock: fmt.num(a.sku_stock),
        commission: commissionText(a.commission_rate),
        status: fmt.str(a.status),
        sampleType: fmt.str(a.sample_type),
        applyTime: fmt.num(a.apply_time),
        deadlineAt: expiredIn !== null && expiredIn > 0 ? fetchedAt + expiredIn : null,
        expiredKnown: expiredIn !== null,
      };
    }

    function readList(json, fetchedAt) {
      if (!json || typeof json !== 'object') throw new Error('Empty response');
      if (json.code !== 0) throw new Error(typeof json.message === 'string' ? json.message : 'Request failed');
      var d = json.data || {};
      var list = Array.isArray(d.agg_info) ? d.agg_info : [];
      var groups = [];
      list.forEach(function (el) {
        try {
          if (!el || typeof el !== 'object') return;
          var creator, infos, groupId;
          if (el.apply_group && typeof el.apply_group === 'object') {
            creator = el.apply_group.creator_info;
            infos = el.apply_infos || el.apply_group.apply_infos;
            groupId = fmt.str(el.apply_group.group_id);
          } else {
            var detail = el.apply_deatil || el.apply_detail;
            if (!detail || typeof detail !== 'object') return;
            creator = detail.creator_info;
            infos = [detail.apply_info];
          }
          var c = readCreator(creator);
          if (!c) return;
          var items = (Array.isArray(infos) ? infos : [])
            .map(function (a) {
              return readApply(a, fetchedAt);
            })
            .filter(Boolean);
          if (items.length) groups.push({ creator: c, items: items, groupId: groupId || null });
        } catch (err) {
          console.warn('[affiliate] skipped a sample request element', err);
        }
      });
      var total = fmt.num(d.total_count);
      return { groups: groups, total: total === null ? 0 : total, hasMore: !!d.has_more };
    }

    // ----------------------------------------------------------------------------------------------------------
    // Cells

    function timeLeft(item) {
      if (!DEADLINE_STATUSES[item.status]) return { text: '—', urgent: false };
      if (!item.expiredKnown) return { text: '—', urgent: false };
      var ms = item.deadlineAt === null ? 0 : item.deadlineAt - Date.now();
      if (ms <= 0) return { text: 'Expired', urgent: true };
      return { text: fmt.duration(ms), urgent: ms < 24 * 3600 * 1000 };
    }

    function sampleTypeText(t) {
      return t === 'REFUNDABLE_SAMPLE' ? 'Refundable sample' : t === 'FREE_SAMPLE' ? 'Free sample' : t || '—';
    }

    function statusTag(status) {
      var s = STATUS_LABELS[status] || [status || 'Unknown', ''];
      return h('span', { class: 'status-tag ' + s[1], text: s[0] });
    }

    function deadlineHeader(tabCode) {
      var tab = tabs.find(function (t) {
        return t.code === tabCode;
      });
      var kind = tab ? tab.deadline : null;
      return kind === 'review' ? 'Review within' : kind === 'ship' ? 'Ship within' : kind === 'post' ? 'Post within' : 'Time left';
    }

    function actionButtons(item) {
      var wrap = h('div', { class: 'row-actions' });
      function act(action) {
        return function () {
          ctx.recordAction({ action: action, applyId: item.applyId });
        };
      }
      if (item.status === 'PENDING') {
        wrap.appendChild(h('button', { type: 'button', class: 'btn btn-primary', disabled: !item.applyId, onclick: act('approve'), text: 'Approve' }));
        wrap.appendChild(h('button', { type: 'button', class: 'btn', disabled: !item.applyId, onclick: act('reject'), text: 'Reject' }));
      } else {
        wrap.appendChild(h('button', { type: 'button', class: 'btn', disabled: !item.applyId, onclick: act('view'), text: 'View details' }));
      }
      return wrap;
    }

    function creatorBlock(c, handleClass, handleText) {
      return h(
        'div',
        { class: 'creator-cell' },
        img('creator-avatar', c.avatar),
        h(
          'div',
          { class: 'creator-info' },
          h('div', { class: 'creator-nick', text: c.nick }),
          c.handle ? h('span', { class: handleClass, text: handleText }) : null,
          h('div', { class: 'creator-stats', text: fmt.compact(c.followers) + ' followers · Fulfilment ' + (c.fulfilment || 'not authorised') }),
        ),
      );
    }

    function tableRow(c, item) {
      var tl = timeLeft(item);
      return h(
        'tr',
        { class: 'arco-table-tr' },
        h('td', { class: 'arco-table-td' }, creatorBlock(c, 'creator-handle', '@' + c.handle)),
        h(
          'td',
          { class: 'arco-table-td' },
          h(
            'div',
            { class: 'product-cell' },
            img('product-image', item.skuImage),
            h(
              'div',
              { class: 'product-info' },
              h('div', { class: 'product-title', text: item.title }),
              h('div', { class: 'product-id', text: 'ID: ' + item.productId }),
              item.skuDesc ? h('div', { class: 'sku-desc', text: item.skuDesc }) : null,
              item.stock !== null ? h('div', { class: 'sku-desc', text: 'Stock: ' + item.stock }) : null,
            ),
          ),
        ),
        h('td', { class: 'arco-table-td commission', text: item.commission }),
        h('td', { class: 'arco-table-td', text: sampleTypeText(item.sampleType) }),
        h('td', { class: 'arco-table-td' }, statusTag(item.status), h('div', { class: 'apply-time', text: fmt.date(item.applyTime) })),
        h('td', { class: 'arco-table-td' }, h('span', { class: 'time-left' + (tl.urgent ? ' urgent' : ''), text: tl.text })),
        h('td', { class: 'arco-table-td' }, actionButtons(item)),
      );
    }

    function card(g) {
      var c = g.creator;
      var list = h('ul', { class: 'm-sr-card__items' });
      g.items.forEach(function (item) {
        var tl = timeLeft(item);
        list.appendChild(
          h(
            'li',
            { class: 'm-sr-item' },
            img('m-sr-item__img', item.skuImage),
            h(
              'div',
              { class: 'm-sr-item__info' },
              h('p', { class: 'm-sr-item__title', text: item.title }),
              h('span', { class: 'm-sr-item__pid', text: 'Product ID ' + item.productId }),
              h('span', { class: 'm-sr-item__sku', text: 'SKU: ' + (item.skuDesc || 'Default') }),
            ),
            h(
              'div',
              { class: 'm-sr-item__meta' },
              h('span', { text: item.commission + ' commission · ' + sampleTypeText(item.sampleType) }),
              h('span', null, statusTag(item.status)),
              h('span', { class: 'time-left' + (tl.urgent ? ' urgent' : ''), text: tl.text }),
            ),
            h('div', { class: 'm-sr-item__actions' }, actionButtons(item)),
          ),
        );
      });
      return h(
        'article',
        { class: 'm-sr-card' },
        h(
          'header',
          { class: 'm-sr-card__head' },
          img('m-sr-card__avatar', c.avatar),
          h('div', { class: 'm-sr-card__who' }, h('h3', { class: 'm-sr-card__nick', text: c.nick }), c.handle ? h('span', { class: 'm-sr-card__handle', text: c.handle }) : null),
          h(
            'div',
            { class: 'm-sr-card__stats' },
            h('div', { text: fmt.compact(c.followers) + ' followers' }),
            h('div', { text: 'Fulfilment ' + (c.fulfilment || 'not authorised') }),
            h('div', { text: g.items.length + (g.items.length === 1 ? ' request' : ' requests') }),
          ),
        ),
        list,
      );
    }

    // ----------------------------------------------------------------------------------------------------------
    // Page state and loading

    function tabFromUrl() {
      var t = Number(ctx.params().get('tab'));
      return tabs.some(function (x) {
        return x.code === t;
      })
        ? t
        : 10;
    }

    var state = { tab: tabFromUrl(), page: 1, seq: 0, loading: false, data: null, error: null, rows: null, el: null };

    function totalPages() {
      return state.data ? Math.max(1, Math.ceil(state.data.total / PAGE_SIZE)) : 1;
    }

    function updatePager() {
      var pages = totalPages();
      state.el.pageLabel.textContent = 'Page ' + state.page + ' of ' + pages;
      state.el.prev.disabled = state.loading || state.page <= 1;
      state.el.next.disabled = state.loading || state.page >= pages;
      state.el.summary.textContent = state.data ? state.data.total + (state.data.total === 1 ? ' request' : ' requests') : '';
    }

    function showTab(code) {
      state.tab = code;
      state.page = 1;
      state.el.tablist.querySelectorAll('[role=tab]').forEach(function (b) {
        b.setAttribute('aria-selected', Number(b.getAttribute('data-tab')) === code ? 'true' : 'false');
      });
      load();
    }

    function selectTab(code) {
      ctx.setQuery({ tab: code });
      showTab(code);
    }

    function goPage(delta) {
      if (state.loading) return;
      var p = state.page + delta;
      if (p < 1 || p > totalPages()) return;
      state.page = p;
      load();
    }

    function load() {
      var seq = ++state.seq;
      state.loading = true;
      state.el.loading.hidden = false;
      state.el.body.setAttribute('aria-busy', 'true');
      updatePager();
      var body = { tab: state.tab, cur_page: state.page, page_size: PAGE_SIZE, search_params: [], order_params: [] };
      ctx
        .request('POST', LIST_PATH, body)
        .then(function (json) {
          return readList(json, Date.now());
        })
        .then(
          function (data) {
            if (!ctx.alive() || seq !== state.seq) return;
            state.data = data;
            state.error = null;
            finishLoad();
          },
          function (err) {
            if (!ctx.alive() || seq !== state.seq) return;
            state.error = err instanceof Error ? err.message : String(err);
            finishLoad();
          },
        );
    }

    function finishLoad() {
      state.loading = false;
      state.el.loading.hidden = true;
      state.el.body.removeAttribute('aria-busy');
      updatePager();
      renderList(true);
    }

    /** Renders the list from state. fresh=true builds a new list container (after a fetch); otherwise only rows are recreated. */
    function renderList(fresh) {
      var host = state.el.listHost;
      if (state.error) {
        state.rows = null;
        host.replaceChildren(
          h('div', { class: 'sr-error', role: 'alert' }, 'Something went wrong while loading sample requests (' + state.error + ').', h('button', { type: 'button', class: 'btn', text: 'Retry', onclick: load })),
        );
        ctx.markReady();
        return;
      }
      if (!state.data) return;
      if (state.data.groups.length === 0) {
        state.rows = null;
        host.replaceChildren(h('div', { class: 'sr-empty', text: 'No sample requests' }));
        ctx.markReady();
        return;
      }
      var cards = ctx.markup() === 'cards';
      if (fresh || !state.rows || !host.contains(state.rows)) {
        if (cards) {
          state.rows = h('div', { class: 'sr-card-list' });
          host.replaceChildren(state.rows);
        } else {
          var tbody = h('tbody', { class: 'arco-table-tbody' });
          var headRow = h('tr', { class: 'arco-table-tr' });
          var widths = ['21%', '27%', '8%', '10%', '12%', '10%', '12%'];
          ['Creator', 'Product', 'Commission', 'Sample type', 'Status', deadlineHeader(state.tab), 'Action'].forEach(function (label, i) {
            headRow.appendChild(h('th', { class: 'arco-table-th', style: 'width:' + widths[i], text: label }));
          });
          var table = h('table', { class: 'arco-table arco-table-size-default arco-table-layout-fixed' }, h('thead', { class: 'arco-table-thead' }, headRow), tbody);
          host.replaceChildren(h('div', { class: 'arco-table-container' }, table));
          state.rows = tbody;
        }
      }
      var rows = [];
      state.data.groups.forEach(function (g) {
        if (cards) rows.push(card(g));
        else
          g.items.forEach(function (item) {
            rows.push(tableRow(g.creator, item));
          });
      });
      state.rows.replaceChildren.apply(state.rows, rows);
      ctx.markReady();
    }

    // ----------------------------------------------------------------------------------------------------------
    // The page

    ctx.setTitle('Sample requests');
    var tablist = h('div', { class: 'sr-tabs', role: 'tablist', 'aria-label': 'Sample request status' });
    tabs.forEach(function (t) {
      tablist.appendChild(
        h('button', {
          type: 'button',
          role: 'tab',
          'data-tab': t.code,
          'aria-selected': t.code === state.tab ? 'true' : 'false',
          onclick: function () {
            selectTab(t.code);
          },
          text: t.label,
        }),
      );
    });
    var summary = h('span', { class: 'sr-summary', 'aria-live': 'polite' });
    var body = h('div', { class: 'sr-body' });
    var loading = h('div', { class: 'sr-loading', role: 'status', hidden: true }, h('span', { class: 'sr-spinner', 'aria-hidden': 'true' }), 'Loading…');
    var listHost = h('div', { class: 'sr-list-host' });
    body.appendChild(listHost);
    body.appendChild(loading);
    var prev = h('button', { type: 'button', class: 'btn', 'aria-label': 'Previous page', text: 'Previous', onclick: function () { goPage(-1); } });
    var next = h('button', { type: 'button', class: 'btn', 'aria-label': 'Next page', text: 'Next', onclick: function () { goPage(1); } });
    var pageLabel = h('span', { class: 'sr-page-label' });
    var pager = h('nav', { class: 'sr-pager', 'aria-label': 'Pagination' }, prev, pageLabel, next);

    main.replaceChildren(
      h('div', { class: 'page-head' }, h('h1', { text: 'Sample requests' }), h('p', { text: 'Review free and refundable sample requests from creators, ship approved samples and track their content.' })),
      h(
        'section',
        { class: 'card sr-panel' },
        tablist,
        h('div', { class: 'sr-toolbar' }, h('input', { class: 'sr-search', type: 'search', placeholder: 'Search by creator username or product ID', 'aria-label': 'Search' }), summary),
        body,
        pager,
      ),
    );
    state.el = { tablist: tablist, summary: summary, body: body, loading: loading, listHost: listHost, prev: prev, next: next, pageLabel: pageLabel };
    updatePager();
    load();

    return {
      // Same page, different query (back/forward between tabs, the nav link): follow the URL's tab.
      update: function () {
        var t = tabFromUrl();
        if (t !== state.tab) showTab(t);
      },
      // rerender=1: re-render the same rows, reusing the list container.
      rerender: function () {
        if (!state.loading && state.data && !state.error) renderList(false);
      },
    };
  });
})();
