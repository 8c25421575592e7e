// Simulated Affiliate Center: the Sample requests page (route 'sample-request'; server side in
// test/sim/surfaces/sample-requests.ts). Loaded after client/core.js, which calls the renderer registered below.
//
// Markups: markup=table (an Arco-style table, one row per request) and markup=cards (one <article> per creator); for
// the overlay's placement tests (test/e2e/placement.test.ts; placement-markups.js, our own versions resting on no
// evidence of TikTok's exact DOM): markup=aria-grid (role=grid rows, hashed class names, fixed clipping columns, the
// handle split over spans in a link) and markup=namesake (the table, with names that equal a handle: the creator's own,
// or the next creator's).
// Tabs come from the boot data (ctx.data.tabs), as do the codes of request states (ctx.data.statusByCode). The answers
// are read in their real shape (research/real-shapes.md §1): the list at the top level or under data, each element's
// requests in apply_deatil (or apply_detail) apply_info and apply_infos, merged by apply_id, the creator in
// apply_group or the detail, figures as display strings shown as sent. A "Free samples / Refundable samples" switch (sample_type=refundable in
// the URL) picks the list: POST /api/v1/affiliate/sample/group/list, or the refundable view's
// POST /api/v1/affiliate/sample/refundable/tab/list (tab counts) and /refundable/apply/list, 50 a page.
// "View content" on in-progress and completed rows opens a panel with the creator's posts for that request
// (POST /api/v1/affiliate/sample/performance, content_type 2 = videos, 1 = LIVE).
// Approve / Reject / View details / View content only record into window.__simActions (View content also opens the panel).
(function () {
  'use strict';

  var PAGE_SIZE = 50;
  var CONTENT_PAGE_SIZE = 10;
  var LIST_PATH = '/api/v1/affiliate/sample/group/list';
  var REFUNDABLE_LIST_PATH = '/api/v1/affiliate/sample/refundable/apply/list';
  var REFUNDABLE_TABS_PATH = '/api/v1/affiliate/sample/refundable/tab/list';
  var PERFORMANCE_PATH = '/api/v1/affiliate/sample/performance';
  var CONTENT_STATUSES = { CONTENT_PENDING: true, COMPLETED: true, OPS_COMPLETED: true };
  var CONTENT_FORMATS = [
    { code: 2, label: 'Videos', empty: 'No videos posted for this sample yet' },
    { code: 1, label: 'LIVE', empty: 'No LIVE streams for this sample yet' },
  ];
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
    CANCELLED: ['Cancelled', 's-cancelled'],
  };

  SimApp.register('sample-request', function render(main, ctx) {
    var h = ctx.h;
    var img = ctx.img;
    var fmt = ctx.fmt;
    var P = SimApp.placement;
    var tabs = (ctx.data && ctx.data.tabs) || [];
    var statusByCode = (ctx.data && ctx.data.statusByCode) || {};
    var variants = (ctx.params().get('variant') || '').split(',');
    // Under this variant the Completed and Cancelled tabs are asked under other codes.
    var endTabCodes = variants.indexOf('sample-request.end-tab-codes') >= 0 ? (ctx.data && ctx.data.endTabCodes) || {} : {};

    // ----------------------------------------------------------------------------------------------------------
    // Reading the list response the way the real app does, tolerating shape changes

    function readCreator(c) {
      if (!c || typeof c !== 'object') return null;
      var handle = typeof c.name === 'string' ? c.name : '';
      return {
        id: fmt.str(c.creator_id),
        handle: handle,
        nick: fmt.str(c.nick_name) || handle || 'TikTok creator',
        avatar: typeof c.avatar_url === 'string' ? c.avatar_url : undefined,
        followers: fmt.str(c.follower_num) || '—',
        fulfilment: fmt.str(c.fulfillment_rate),
        gmv: fmt.str(c.gmv),
        sold: fmt.str(c.item_sold),
      };
    }

    function commissionText(a) {
      var v = a.commission_rate !== undefined ? a.commission_rate : a.standard_commission && a.standard_commission.fixed_commission_rate;
      var n = fmt.num(v);
      if (n !== null) return fmt.bps(n);
      if (v && typeof v === 'object' && typeof v.value === 'string') return v.value;
      return '—';
    }

    /** A request's state: the name sent, else its code, else what the tab lists. */
    function statusOf(a) {
      if (typeof a.status === 'string' && a.status) return a.status;
      var code = fmt.num(a.curr_status);
      if (code !== null && statusByCode[code]) return statusByCode[code];
      return statusByCode[state.tab] || '';
    }

    function depositText(d) {
      if (!d || typeof d !== 'object') return '';
      var amount = fmt.num(d.value !== undefined ? d.value : d.amount);
      var currency = typeof d.currency === 'string' ? d.currency : typeof d.symbol === 'string' && /^[A-Z]{3}$/.test(d.symbol) ? d.symbol : '';
      if (amount === null) return '';
      return currency ? fmt.money(amount, currency) : fmt.str(d.symbol) + fmt.str(amount);
    }

    function readRefundable(r) {
      if (!r || typeof r !== 'object') return null;
      var end = fmt.num(r.end_time);
      return { goal: fmt.num(r.sales_target), sold: fmt.num(r.sales_count), endAt: end && end > 0 ? end : null, deposit: depositText(r.deposit) };
    }

    function readApply(a, fetchedAt) {
      if (!a || typeof a !== 'object') return null;
      var expiredIn = fmt.num(a.expired_in);
      var roi = fmt.num(a.predict_roi);
      return {
        applyId: typeof a.apply_id === 'string' && a.apply_id ? a.apply_id : null,
        productId: fmt.str(a.product_id),
        title: fmt.str(a.product_title) || 'Untitled product',
        skuDesc: typeof a.sku_desc === 'string' ? a.sku_desc : '',
        skuImage: a.sku_image,
        price: a.sku_price && typeof a.sku_price === 'object' ? fmt.str(a.sku_price.formatted_price) : '',
        stock: fmt.num(a.sku_stock),
        commission: commissionText(a),
        status: statusOf(a),
        sampleType: state.kind === 'refundable' ? 'REFUNDABLE_SAMPLE' : fmt.str(a.sample_type),
        applyTime: fmt.num(a.create_time !== undefined ? a.create_time : a.apply_time),
        canApprove: a.can_be_approved !== false,
        roi: roi,
        deadlineAt: expiredIn !== null && expiredIn > 0 ? fetchedAt + expiredIn : null,
        expiredKnown: expiredIn !== null,
        refundable: readRefundable(a.refundable_info),
      };
    }

    /** The element's requests: every one apply_infos names, merged with the row's fuller apply_info, in list order. */
    function requestsOf(detail) {
      var out = [];
      var byId = {};
      var row = detail.apply_info && typeof detail.apply_info === 'object' ? detail.apply_info : null;
      (Array.isArray(detail.apply_infos) ? detail.apply_infos : []).concat(row ? [row] : []).forEach(function (a) {
        if (!a || typeof a !== 'object') return;
        var id = fmt.str(a.apply_id);
        if (id && byId[id]) {
          if (a === row) Object.assign(byId[id], a);
          return;
        }
        var merged = Object.assign({}, a, row && id && fmt.str(row.apply_id) === id ? row : null);
        if (id) byId[id] = merged;
        out.push(merged);
      });
      return out;
    }

    function readList(json, fetchedAt) {
      if (!json || typeof json !== 'object') throw new Error('Empty response');
      if (json.code !== 0) throw new Error(typeof json.message === 'string' ? json.message : 'Request failed');
      var d = json.data && typeof json.data === 'object' ? json.data : json;
      var list = Array.isArray(d.agg_info) ? d.agg_info : [];
      var groups = [];
      list.forEach(function (el) {
        try {
          if (!el || typeof el !== 'object') return;
          var group = el.apply_group && typeof el.apply_group === 'object' ? el.apply_group : {};
          var detail = el.apply_deatil || el.apply_detail;
          if (!detail || typeof detail !== 'object') return;
          var creator = group.creator_info || detail.creator_info;
          var infos = requestsOf(detail);
          var groupId = fmt.str(group.group_id);
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

    /** The refundable terms under the sample type: units sold toward the goal, the window and the deposit. */
    function refundLines(item, cls) {
      var r = item.refundable;
      if (!r) return [];
      var lines = [];
      if (r.goal !== null) lines.push(h('div', { class: cls, text: (r.sold === null ? '?' : r.sold) + ' / ' + r.goal + ' sold to refund' }));
      if (r.endAt !== null) lines.push(h('div', { class: cls, text: 'Window ends ' + fmt.date(r.endAt) }));
      if (r.deposit) lines.push(h('div', { class: cls, text: 'Deposit ' + r.deposit }));
      return lines;
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

    function actionButtons(item, creator) {
      var wrap = h('div', { class: 'row-actions' });
      function act(action) {
        return function () {
          ctx.recordAction({ action: action, applyId: item.applyId });
        };
      }
      if (item.status === 'PENDING') {
        wrap.appendChild(h('button', { type: 'button', class: 'btn btn-primary', disabled: !item.applyId || !item.canApprove, onclick: act('approve'), text: 'Approve' }));
        wrap.appendChild(h('button', { type: 'button', class: 'btn', disabled: !item.applyId, onclick: act('reject'), text: 'Reject' }));
      } else {
        wrap.appendChild(h('button', { type: 'button', class: 'btn', disabled: !item.applyId, onclick: act('view'), text: 'View details' }));
      }
      if (CONTENT_STATUSES[item.status]) {
        wrap.appendChild(
          h('button', {
            type: 'button',
            class: 'btn',
            disabled: !item.applyId,
            text: 'View content',
            onclick: function () {
              ctx.recordAction({ action: 'view-content', applyId: item.applyId });
              openContent(item, creator);
            },
          }),
        );
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
          h('div', { class: 'creator-stats', text: c.followers + ' followers · Fulfilment ' + (c.fulfilment || 'not authorised') }),
          c.gmv ? h('div', { class: 'creator-stats', text: 'GMV ' + c.gmv + (c.sold ? ' · ' + c.sold + ' sold' : '') }) : null,
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
              item.price ? h('div', { class: 'sku-desc', text: 'Price: ' + item.price }) : null,
              item.stock !== null ? h('div', { class: 'sku-desc', text: 'Stock: ' + item.stock }) : null,
              item.roi !== null ? h('div', { class: 'sku-desc', text: 'Estimated ROI ' + item.roi }) : null,
            ),
          ),
        ),
        h('td', { class: 'arco-table-td commission', text: item.commission }),
        h.apply(null, ['td', { class: 'arco-table-td' }, h('div', { text: sampleTypeText(item.sampleType) })].concat(refundLines(item, 'sr-refund'))),
        h('td', { class: 'arco-table-td' }, statusTag(item.status), h('div', { class: 'apply-time', text: fmt.date(item.applyTime) })),
        h('td', { class: 'arco-table-td' }, h('span', { class: 'time-left' + (tl.urgent ? ' urgent' : ''), text: tl.text })),
        h('td', { class: 'arco-table-td' }, actionButtons(item, c)),
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
            h.apply(
              null,
              ['div', { class: 'm-sr-item__meta' }, h('span', { text: item.commission + ' commission · ' + sampleTypeText(item.sampleType) })].concat(
                refundLines(item, 'm-sr-item__refund'),
                [h('span', null, statusTag(item.status)), h('span', { class: 'time-left' + (tl.urgent ? ' urgent' : ''), text: tl.text })],
              ),
            ),
            h('div', { class: 'm-sr-item__actions' }, actionButtons(item, c)),
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
            h('div', { text: c.followers + ' followers' }),
            c.gmv ? h('div', { text: 'GMV ' + c.gmv }) : null,
            h('div', { text: 'Fulfilment ' + (c.fulfilment || 'not authorised') }),
            h('div', { text: g.items.length + (g.items.length === 1 ? ' request' : ' requests') }),
          ),
        ),
        list,
      );
    }

    /** markup=aria-grid: one row per request in an ARIA grid with hashed class names and fixed clipping columns. */
    function ariaGridOf(groups) {
      var rows = [];
      groups.forEach(function (g) {
        var c = g.creator;
        g.items.forEach(function (item) {
          var tl = timeLeft(item);
          rows.push([
            h('div', { class: P.cls('who') }, img(P.cls('avatar'), c.avatar), h('div', { style: 'min-width:0' }, h('div', { class: P.cls('name'), text: c.nick }), c.handle ? P.handleLink(c.handle, null) : null)),
            [h('div', { class: P.cls('title'), text: item.title }), h('div', { class: P.cls('label'), text: 'ID: ' + item.productId })],
            item.commission,
            statusTag(item.status),
            h('span', { class: 'time-left' + (tl.urgent ? ' urgent' : ''), text: tl.text }),
            actionButtons(item, c),
          ]);
        });
      });
      return P.ariaGrid(
        'Sample requests',
        [
          ['Creator', '220px'],
          ['Product', '240px'],
          ['Commission', '100px'],
          ['Status', '130px'],
          [deadlineHeader(state.tab), '110px'],
          ['Action', '1fr'],
        ],
        rows,
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

    function kindFromUrl() {
      return ctx.params().get('sample_type') === 'refundable' ? 'refundable' : 'free';
    }

    var state = { kind: kindFromUrl(), tab: tabFromUrl(), page: 1, loading: false, data: null, error: null, rows: null, el: null, panel: null };
    var fetchList = ctx.listLoader(state, updatePager, function () {
      renderList(true);
    });
    var settleTabCounts = ctx.latest();

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

    /** Free or refundable samples: the switch, the tab counts (refundable view only), then the list of the current tab. */
    function showKind(kind, tab) {
      state.kind = kind;
      state.el.kinds.querySelectorAll('[role=radio]').forEach(function (b) {
        b.setAttribute('aria-checked', b.getAttribute('data-kind') === kind ? 'true' : 'false');
      });
      loadTabCounts();
      showTab(tab);
    }

    function selectKind(kind) {
      if (kind === state.kind) return;
      ctx.setQuery({ sample_type: kind === 'refundable' ? 'refundable' : null, tab: 10 });
      showKind(kind, 10);
    }

    function setTabCounts(counts) {
      state.el.tablist.querySelectorAll('[role=tab]').forEach(function (b) {
        var n = counts ? counts[Number(b.getAttribute('data-tab'))] : undefined;
        b.querySelector('.sr-tab-count').textContent = n === undefined ? '' : ' ' + n;
      });
    }

    function loadTabCounts() {
      setTabCounts(null);
      var request = state.kind === 'refundable' ? ctx.request('POST', REFUNDABLE_TABS_PATH, {}) : Promise.resolve(null);
      settleTabCounts(
        request,
        function (json) {
          if (!json) return;
          var list = json && json.code === 0 && json.data && Array.isArray(json.data.tab_list) ? json.data.tab_list : [];
          var counts = {};
          list.forEach(function (t) {
            var code = t && typeof t === 'object' ? fmt.num(t.tab) : null;
            var n = t && typeof t === 'object' ? fmt.num(t.count) : null;
            if (code !== null && n !== null) counts[code] = n;
          });
          setTabCounts(counts);
        },
        function () {},
      );
    }

    function goPage(delta) {
      if (state.loading) return;
      var p = state.page + delta;
      if (p < 1 || p > totalPages()) return;
      state.page = p;
      load();
    }

    function load() {
      fetchList(function () {
        closeContent();
        var body = { tab: endTabCodes[state.tab] || state.tab, cur_page: state.page, page_size: PAGE_SIZE, search_params: [], order_params: [] };
        return ctx.request('POST', state.kind === 'refundable' ? REFUNDABLE_LIST_PATH : LIST_PATH, body).then(function (json) {
          return readList(json, Date.now());
        });
      });
    }

    /** Renders the list from state. fresh=true builds a new list container (after a fetch); otherwise only rows are recreated. */
    function renderList(fresh) {
      var host = state.el.listHost;
      if (state.error) {
        state.rows = null;
        ctx.showError(host, 'Something went wrong while loading sample requests (' + state.error + ').', load);
        return;
      }
      if (!state.data) return;
      if (state.data.groups.length === 0) {
        state.rows = null;
        ctx.showEmpty(host, 'No sample requests');
        return;
      }
      var markup = ctx.markup(['table', 'cards', 'aria-grid', 'namesake']);
      var cards = markup === 'cards';
      if (markup === 'aria-grid') {
        state.rows = ariaGridOf(state.data.groups);
        host.replaceChildren(state.rows);
        ctx.markReady();
        return;
      }
      var names = markup === 'namesake' ? P.namesakes(state.data.groups.map(function (g) { return g.creator; })) : null;
      if (fresh || !state.rows || !host.contains(state.rows)) {
        if (cards) {
          state.rows = h('div', { class: 'sr-card-list' });
          host.replaceChildren(state.rows);
        } else {
          state.rows = ctx.arcoTable(host, 'arco-table arco-table-size-default arco-table-layout-fixed', [
            ['Creator', '21%'],
            ['Product', '27%'],
            ['Commission', '8%'],
            ['Sample type', '10%'],
            ['Status', '12%'],
            [deadlineHeader(state.tab), '10%'],
            ['Action', '12%'],
          ]);
        }
      }
      var rows = [];
      state.data.groups.forEach(function (g, i) {
        var creator = names ? Object.assign({}, g.creator, { nick: names[i] }) : g.creator;
        if (cards) rows.push(card(g));
        else
          g.items.forEach(function (item) {
            rows.push(tableRow(creator, item));
          });
      });
      state.rows.replaceChildren.apply(state.rows, rows);
      ctx.markReady();
    }

    // ----------------------------------------------------------------------------------------------------------
    // The content panel: what the creator posted for one request, videos and LIVE streams on separate tabs

    function httpsUrl(v) {
      return typeof v === 'string' && /^https:\/\//.test(v) ? v : null;
    }

    function readContent(json) {
      if (!json || typeof json !== 'object') throw new Error('Empty response');
      if (json.code !== 0) throw new Error(typeof json.message === 'string' ? json.message : 'Request failed');
      var d = json.data && typeof json.data === 'object' ? json.data : json;
      var items = [];
      (Array.isArray(d.content_list) ? d.content_list : []).forEach(function (el) {
        var c = el && typeof el === 'object' ? el.content : null;
        if (!c || typeof c !== 'object' || !fmt.str(c.id)) return;
        var format = c.format === 1 || c.format === 'LIVE' ? 'LIVE' : 'VIDEO';
        var liveEnd = fmt.num(c.live_end_time);
        items.push({
          id: fmt.str(c.id),
          format: format,
          description: fmt.str(c.description),
          url: httpsUrl(c.url) || httpsUrl(c.page_link),
          createTime: fmt.num(c.create_time),
          liveEnd: liveEnd && liveEnd > 0 ? liveEnd : null,
          views: fmt.num(c.view_count),
          likes: fmt.num(c.like_count),
          comments: fmt.num(c.comment_count),
          orders: fmt.num(c.paid_order_count),
        });
      });
      var total = fmt.num(d.total_count);
      return { items: items, total: total === null ? items.length : total };
    }

    function contentItem(c) {
      var stats = [fmt.compact(c.views) + ' views', fmt.compact(c.likes) + ' likes', fmt.compact(c.comments) + ' comments', fmt.compact(c.orders) + ' orders'];
      return h(
        'li',
        { class: 'sr-content', 'data-content-id': c.id },
        h(
          'div',
          { class: 'sr-content-meta' },
          h('span', { class: 'status-tag', text: c.format === 'LIVE' ? 'LIVE' : 'Video' }),
          h('span', { text: fmt.date(c.createTime) + (c.liveEnd ? ' – ' + fmt.date(c.liveEnd) : '') }),
        ),
        h('p', { class: 'sr-content-desc', text: c.description || 'No caption' }),
        h('div', { class: 'sr-content-stats', text: stats.join(' · ') }),
        c.url ? h('a', { class: 'sr-content-link', href: c.url, target: '_blank', rel: 'noopener noreferrer', text: 'Open on TikTok' }) : null,
      );
    }

    function renderContent(panel, data, error) {
      var list = panel.el.list;
      var format = CONTENT_FORMATS.find(function (f) {
        return f.code === panel.format;
      });
      if (error) return ctx.showError(list, 'Could not load content (' + error + ').');
      if (!data.items.length) return ctx.showEmpty(list, format.empty);
      var ul = h('ul', { class: 'sr-content-list' });
      data.items.forEach(function (c) {
        ul.appendChild(contentItem(c));
      });
      list.replaceChildren(h('div', { class: 'sr-content-total', text: data.total + (data.total === 1 ? ' post' : ' posts') }), ul);
      ctx.markReady();
    }

    function loadContent() {
      var panel = state.panel;
      panel.el.tabs.querySelectorAll('[role=tab]').forEach(function (b) {
        b.setAttribute('aria-selected', Number(b.getAttribute('data-format')) === panel.format ? 'true' : 'false');
      });
      panel.el.list.replaceChildren(h('div', { class: 'sr-content-loading', role: 'status', text: 'Loading…' }));
      panel.settle(
        ctx.request('POST', PERFORMANCE_PATH, { apply_id: panel.applyId, content_type: panel.format, cur_page: 1, page_size: CONTENT_PAGE_SIZE }).then(readContent),
        function (data) {
          if (state.panel === panel) renderContent(panel, data, null);
        },
        function (message) {
          if (state.panel === panel) renderContent(panel, null, message);
        },
      );
    }

    function onPanelKey(e) {
      if (e.key === 'Escape') closeContent();
    }

    function closeContent() {
      if (!state.panel) return;
      state.panel.el.dialog.remove();
      document.removeEventListener('keydown', onPanelKey);
      state.panel = null;
    }

    function openContent(item, creator) {
      closeContent();
      var tabsEl = h('div', { class: 'sr-content-tabs', role: 'tablist', 'aria-label': 'Content format' });
      var listEl = h('div', { class: 'sr-content-body' });
      var close = h('button', { type: 'button', class: 'btn', text: 'Close', onclick: closeContent });
      var dialog = h(
        'div',
        { class: 'sr-content-panel', role: 'dialog', 'aria-label': 'Sample content', 'data-apply-id': item.applyId },
        h('div', { class: 'sr-content-head' }, h('div', null, h('h2', { text: 'Sample content' }), h('div', { class: 'sr-content-sub', text: creator.nick + ' · ' + item.title })), close),
        tabsEl,
        listEl,
      );
      var panel = { applyId: item.applyId, format: CONTENT_FORMATS[0].code, settle: ctx.latest(), el: { dialog: dialog, tabs: tabsEl, list: listEl } };
      CONTENT_FORMATS.forEach(function (f) {
        tabsEl.appendChild(
          h('button', {
            type: 'button',
            role: 'tab',
            'data-format': f.code,
            text: f.label,
            onclick: function () {
              if (state.panel !== panel || panel.format === f.code) return;
              panel.format = f.code;
              loadContent();
            },
          }),
        );
      });
      state.panel = panel;
      main.appendChild(dialog);
      document.addEventListener('keydown', onPanelKey);
      close.focus();
      loadContent();
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
        }, h('span', { class: 'sr-tab-count' })),
      );
    });
    var kinds = h('div', { class: 'sr-kinds', role: 'radiogroup', 'aria-label': 'Sample type' });
    [
      ['free', 'Free samples'],
      ['refundable', 'Refundable samples'],
    ].forEach(function (k) {
      kinds.appendChild(
        h('button', {
          type: 'button',
          role: 'radio',
          'data-kind': k[0],
          'aria-checked': k[0] === state.kind ? 'true' : 'false',
          onclick: function () {
            selectKind(k[0]);
          },
          text: k[1],
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
        kinds,
        tablist,
        h('div', { class: 'sr-toolbar' }, h('input', { class: 'sr-search', type: 'search', placeholder: 'Search by creator username or product ID', 'aria-label': 'Search' }), summary),
        body,
        pager,
      ),
    );
    state.el = { kinds: kinds, tablist: tablist, summary: summary, body: body, loading: loading, listHost: listHost, prev: prev, next: next, pageLabel: pageLabel };
    updatePager();
    loadTabCounts();
    load();

    return {
      cleanup: closeContent,
      // Same page, different query (back/forward between tabs or views, the nav link): follow the URL's view and tab.
      update: function () {
        var k = kindFromUrl();
        var t = tabFromUrl();
        if (k !== state.kind) showKind(k, t);
        else if (t !== state.tab) showTab(t);
      },
      // rerender=1: re-render the same rows, reusing the list container.
      rerender: function () {
        if (!state.loading && state.data && !state.error) renderList(false);
      },
    };
  });
})();
