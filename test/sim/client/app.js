// Simulated TikTok Shop Affiliate Center: client app (plain DOM, no framework, no build step).
// Served by test/sim/install.ts at /static/js/sim-app.js. Every data string goes through textContent or
// setAttribute, never innerHTML, as in a React app.
//
// Test hooks: window.__simReady (render counter), window.__simActions (Approve/Reject clicks).
// URL switches: markup=table|cards, transport=fetch|xhr, fault=shape, rerender=1, tab=<code>.
(function () {
  'use strict';

  /** @type {{shop: null | {name: string, region: string, sellerId: string, currency: string}, prefixed: boolean,
   *   routes: Record<'legacy'|'migrated', Record<'sample-request'|'home', string>>,
   *   tabs: {code: number, label: string, deadline: string | null}[]}} */
  var boot = window.__SIM_BOOT__;
  window.__simReady = 0;
  window.__simActions = [];

  var main = document.getElementById('sim-main');
  var PAGE_SIZE = 50;
  var KEEP_PARAMS = ['shop_region', 'shop_id', 'markup', 'transport', 'fault', 'rerender', 'route_migration'];
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

  // ------------------------------------------------------------------------------------------------------------
  // DOM helper: h('div', {class: 'x', 'aria-label': 'y'}, child, 'text', …). Strings become text nodes.

  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) {
      for (var k in attrs) {
        var v = attrs[k];
        if (v === undefined || v === null || v === false) continue;
        if (k === 'text') el.textContent = String(v);
        else if (k === 'onclick') el.addEventListener('click', v);
        else if (k === 'disabled') el.disabled = !!v;
        else el.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === false) continue;
      el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return el;
  }

  function img(cls, src) {
    var el = h('img', { class: cls, alt: '', loading: 'lazy' });
    if (typeof src === 'string' && /^https:\/\//.test(src)) el.src = src;
    return el;
  }

  function markReady() {
    window.__simReady = (window.__simReady || 0) + 1;
    document.documentElement.setAttribute('data-sim-ready', String(window.__simReady));
  }

  // ------------------------------------------------------------------------------------------------------------
  // URL and routing

  function params() {
    return new URL(location.href).searchParams;
  }

  function currentRoute() {
    var p = location.pathname.replace(/\/+$/, '');
    if (/(^|\/)sample-request$/.test(p)) return 'sample-request';
    if (/(^|\/)homepage$/.test(p)) return 'home';
    return null;
  }

  function generation() {
    var p = location.pathname.replace(/\/+$/, '');
    if (params().get('route_migration') === '1') return 'migrated';
    return p === boot.routes.migrated['sample-request'] && p !== boot.routes.legacy['sample-request'] ? 'migrated' : 'legacy';
  }

  function hrefFor(route, extra) {
    var gen = generation();
    var q = new URLSearchParams();
    var cur = params();
    KEEP_PARAMS.forEach(function (k) {
      var v = cur.get(k);
      if (v !== null) q.set(k, v);
    });
    if (gen === 'migrated') q.set('route_migration', '1');
    if (extra) for (var k in extra) q.set(k, String(extra[k]));
    var s = q.toString();
    return boot.routes[gen][route] + (s ? '?' + s : '');
  }

  function navigate(href) {
    history.pushState(null, '', href);
    render();
  }

  window.addEventListener('popstate', render);

  function updateNav() {
    var route = currentRoute();
    document.querySelectorAll('.sim-nav a[data-route]').forEach(function (a) {
      var r = a.getAttribute('data-route');
      a.setAttribute('href', hrefFor(r));
      if (r === route) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
  }

  document.addEventListener('click', function (e) {
    var a = e.target instanceof Element ? e.target.closest('a[data-route], a[data-spa]') : null;
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(a.getAttribute('href'));
  });

  // ------------------------------------------------------------------------------------------------------------
  // API transport: fetch by default, XMLHttpRequest with responseType 'json' when transport=xhr

  function randomToken(len, alphabet) {
    var bytes = new Uint8Array(len);
    crypto.getRandomValues(bytes);
    var s = '';
    for (var i = 0; i < len; i++) s += alphabet[bytes[i] % alphabet.length];
    return s;
  }
  var B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

  function apiUrl(path) {
    var q = new URLSearchParams();
    q.set('user_language', 'en');
    q.set('aid', '4331');
    q.set('app_name', 'i18n_ecom_alliance');
    q.set('device_platform', 'web');
    if (boot.shop) {
      q.set('shop_region', boot.shop.region);
      q.set('oec_seller_id', boot.shop.sellerId);
    }
    if (params().get('fault') === 'shape') q.set('cl_fault', 'shape');
    q.set('msToken', randomToken(126, B64) + '==');
    q.set('X-Bogus', 'DFS' + randomToken(25, B64.slice(0, 62)));
    return path + '?' + q.toString();
  }

  function request(method, path, body) {
    var url = apiUrl(path);
    var payload = body === undefined ? undefined : JSON.stringify(body);
    if (params().get('transport') === 'xhr') {
      return new Promise(function (resolve, reject) {
        var xhr = new XMLHttpRequest();
        xhr.open(method, url);
        xhr.responseType = 'json';
        if (payload !== undefined) xhr.setRequestHeader('Content-Type', 'application/json');
        xhr.onload = function () {
          if (xhr.status >= 200 && xhr.status < 300) resolve(xhr.response);
          else reject(new Error('HTTP ' + xhr.status));
        };
        xhr.onerror = function () {
          reject(new Error('network error'));
        };
        xhr.send(payload === undefined ? null : payload);
      });
    }
    return fetch(url, {
      method: method,
      credentials: 'include',
      headers: payload === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: payload,
    }).then(function (res) {
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return res.json();
    });
  }

  // ------------------------------------------------------------------------------------------------------------
  // Reading the list response the way the real app does, tolerating shape changes

  function str(v) {
    return typeof v === 'string' ? v : typeof v === 'number' && isFinite(v) ? String(v) : '';
  }
  function num(v) {
    if (typeof v === 'number') return isFinite(v) ? v : null;
    if (typeof v === 'string' && v.trim() !== '' && isFinite(Number(v))) return Number(v);
    return null;
  }

  function readCreator(c) {
    if (!c || typeof c !== 'object') return null;
    var handle = typeof c.name === 'string' ? c.name : '';
    var avatar = c.avatar && Array.isArray(c.avatar.url_list) ? c.avatar.url_list[0] : undefined;
    return {
      id: str(c.creator_id),
      handle: handle,
      nick: str(c.nick_name) || handle || 'TikTok creator',
      avatar: avatar,
      followers: num(c.follower_cnt),
      fulfilment: str(c.fulfillment_percentage),
    };
  }

  function commissionText(v) {
    var n = num(v);
    if (n !== null) return String(Math.round(n) / 100) + '%';
    if (v && typeof v === 'object' && typeof v.value === 'string') return v.value;
    return '—';
  }

  function readApply(a, fetchedAt) {
    if (!a || typeof a !== 'object') return null;
    var expiredIn = num(a.expired_in);
    return {
      applyId: typeof a.apply_id === 'string' && a.apply_id ? a.apply_id : null,
      productId: str(a.product_id),
      title: str(a.product_title) || 'Untitled product',
      skuDesc: typeof a.sku_desc === 'string' ? a.sku_desc : '',
      skuImage: a.sku_image,
      stock: num(a.sku_stock),
      commission: commissionText(a.commission_rate),
      status: str(a.status),
      sampleType: str(a.sample_type),
      applyTime: num(a.apply_time),
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
          groupId = str(el.apply_group.group_id);
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
    var total = num(d.total_count);
    return { groups: groups, total: total === null ? 0 : total, hasMore: !!d.has_more };
  }

  // ------------------------------------------------------------------------------------------------------------
  // Formatting

  function compact(n) {
    if (n === null) return '—';
    if (n >= 1e6) return (n / 1e6).toFixed(n >= 1e7 ? 0 : 1).replace(/\.0$/, '') + 'M';
    if (n >= 1e3) return (n / 1e3).toFixed(n >= 1e5 ? 0 : 1).replace(/\.0$/, '') + 'K';
    return String(n);
  }

  function timeLeft(item) {
    if (!DEADLINE_STATUSES[item.status]) return { text: '—', urgent: false };
    if (!item.expiredKnown) return { text: '—', urgent: false };
    var ms = item.deadlineAt === null ? 0 : item.deadlineAt - Date.now();
    if (ms <= 0) return { text: 'Expired', urgent: true };
    var m = Math.floor(ms / 60000);
    var d = Math.floor(m / 1440);
    var hh = Math.floor((m % 1440) / 60);
    var mm = m % 60;
    var text = d > 0 ? d + 'd ' + hh + 'h left' : hh > 0 ? hh + 'h ' + mm + 'm left' : mm + 'm left';
    return { text: text, urgent: ms < 24 * 3600 * 1000 };
  }

  function dateText(ms) {
    if (ms === null) return '';
    return new Date(ms).toLocaleString('en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
  }

  function sampleTypeText(t) {
    return t === 'REFUNDABLE_SAMPLE' ? 'Refundable sample' : t === 'FREE_SAMPLE' ? 'Free sample' : t || '—';
  }

  function statusTag(status) {
    var s = STATUS_LABELS[status] || [status || 'Unknown', ''];
    return h('span', { class: 'status-tag ' + s[1], text: s[0] });
  }

  function deadlineHeader(tabCode) {
    var tab = boot.tabs.find(function (t) {
      return t.code === tabCode;
    });
    var kind = tab ? tab.deadline : null;
    return kind === 'review' ? 'Review within' : kind === 'ship' ? 'Ship within' : kind === 'post' ? 'Post within' : 'Time left';
  }

  function actionButtons(item) {
    var wrap = h('div', { class: 'row-actions' });
    function act(action) {
      return function () {
        window.__simActions.push({ action: action, applyId: item.applyId });
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

  // ------------------------------------------------------------------------------------------------------------
  // Sample requests page

  var sr = null; // page state, rebuilt when the route is entered

  function tabFromUrl() {
    var t = Number(params().get('tab'));
    return boot.tabs.some(function (x) {
      return x.code === t;
    })
      ? t
      : 10;
  }

  function markup() {
    return params().get('markup') === 'cards' ? 'cards' : 'table';
  }

  function renderSampleRequests() {
    document.title = 'Sample requests | TikTok Shop Affiliate Center';
    sr = { tab: tabFromUrl(), page: 1, seq: 0, loading: false, data: null, error: null, listHost: null, rows: null };
    var tablist = h('div', { class: 'sr-tabs', role: 'tablist', 'aria-label': 'Sample request status' });
    boot.tabs.forEach(function (t) {
      tablist.appendChild(
        h('button', {
          type: 'button',
          role: 'tab',
          'data-tab': t.code,
          'aria-selected': t.code === sr.tab ? 'true' : 'false',
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
    sr.el = { tablist: tablist, summary: summary, body: body, loading: loading, listHost: listHost, prev: prev, next: next, pageLabel: pageLabel };
    updatePager();
    load();
  }

  function selectTab(code) {
    if (!sr) return;
    var q = params();
    q.set('tab', String(code));
    history.pushState(null, '', location.pathname + '?' + q.toString());
    sr.tab = code;
    sr.page = 1;
    sr.el.tablist.querySelectorAll('[role=tab]').forEach(function (b) {
      b.setAttribute('aria-selected', Number(b.getAttribute('data-tab')) === code ? 'true' : 'false');
    });
    load();
  }

  function goPage(delta) {
    if (!sr || sr.loading) return;
    var pages = totalPages();
    var p = sr.page + delta;
    if (p < 1 || p > pages) return;
    sr.page = p;
    load();
  }

  function totalPages() {
    return sr && sr.data ? Math.max(1, Math.ceil(sr.data.total / PAGE_SIZE)) : 1;
  }

  function updatePager() {
    var pages = totalPages();
    sr.el.pageLabel.textContent = 'Page ' + sr.page + ' of ' + pages;
    sr.el.prev.disabled = sr.loading || sr.page <= 1;
    sr.el.next.disabled = sr.loading || sr.page >= pages;
    sr.el.summary.textContent = sr.data ? sr.data.total + (sr.data.total === 1 ? ' request' : ' requests') : '';
  }

  function load() {
    var state = sr;
    var seq = ++state.seq;
    state.loading = true;
    state.el.loading.hidden = false;
    state.el.body.setAttribute('aria-busy', 'true');
    updatePager();
    var body = { tab: state.tab, cur_page: state.page, page_size: PAGE_SIZE, search_params: [], order_params: [] };
    request('POST', '/api/v1/affiliate/sample/group/list', body)
      .then(function (json) {
        return readList(json, Date.now());
      })
      .then(
        function (data) {
          if (sr !== state || seq !== state.seq) return;
          state.data = data;
          state.error = null;
          finishLoad(state);
        },
        function (err) {
          if (sr !== state || seq !== state.seq) return;
          state.error = err instanceof Error ? err.message : String(err);
          finishLoad(state);
        },
      );
  }

  function finishLoad(state) {
    state.loading = false;
    state.el.loading.hidden = true;
    state.el.body.removeAttribute('aria-busy');
    updatePager();
    renderList(state, true);
  }

  /** Renders the list from state. fresh=true builds a new list container (after a fetch); otherwise only rows are recreated. */
  function renderList(state, fresh) {
    var host = state.el.listHost;
    if (state.error) {
      state.rows = null;
      host.replaceChildren(
        h('div', { class: 'sr-error', role: 'alert' }, 'Something went wrong while loading sample requests (' + state.error + ').', h('button', { type: 'button', class: 'btn', text: 'Retry', onclick: load })),
      );
      markReady();
      return;
    }
    if (!state.data) return;
    if (state.data.groups.length === 0) {
      state.rows = null;
      host.replaceChildren(h('div', { class: 'sr-empty', text: 'No sample requests' }));
      markReady();
      return;
    }
    if (fresh || !state.rows || !host.contains(state.rows)) {
      if (markup() === 'cards') {
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
      if (markup() === 'cards') rows.push(card(g));
      else
        g.items.forEach(function (item) {
          rows.push(tableRow(g.creator, item));
        });
    });
    state.rows.replaceChildren.apply(state.rows, rows);
    markReady();
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
        h('div', { class: 'creator-stats', text: compact(c.followers) + ' followers · Fulfilment ' + (c.fulfilment || 'not authorised') }),
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
      h('td', { class: 'arco-table-td' }, statusTag(item.status), h('div', { class: 'apply-time', text: dateText(item.applyTime) })),
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
          h('div', { text: compact(c.followers) + ' followers' }),
          h('div', { text: 'Fulfilment ' + (c.fulfilment || 'not authorised') }),
          h('div', { text: g.items.length + (g.items.length === 1 ? ' request' : ' requests') }),
        ),
      ),
      list,
    );
  }

  // rerender=1: re-render the same rows every 1.5 s, reusing the list container.
  if (params().get('rerender') === '1') {
    setInterval(function () {
      if (sr && !sr.loading && sr.data && !sr.error && currentRoute() === 'sample-request') renderList(sr, false);
    }, 1500);
  }

  // ------------------------------------------------------------------------------------------------------------
  // Home

  function seeded(n) {
    var s = boot.shop ? boot.shop.sellerId : '1';
    var x = 0;
    for (var i = 0; i < s.length; i++) x = (x * 31 + s.charCodeAt(i) + n * 7) % 1000003;
    return x / 1000003;
  }

  function money(v) {
    var cur = boot.shop ? boot.shop.currency : 'USD';
    try {
      return new Intl.NumberFormat('en-US', { style: 'currency', currency: cur, maximumFractionDigits: cur === 'IDR' ? 0 : 2 }).format(v);
    } catch (e) {
      return cur + ' ' + v.toFixed(2);
    }
  }

  function renderHome() {
    sr = null;
    document.title = 'Home | TikTok Shop Affiliate Center';
    var scale = boot.shop && boot.shop.currency === 'IDR' ? 15000 : 1;
    var stat = function (label, value, delta) {
      return h(
        'section',
        { class: 'card home-card' },
        h('h2', { text: label }),
        h('div', { class: 'value', text: value }),
        h('div', { class: 'delta' + (delta < 0 ? ' down' : ''), text: (delta < 0 ? '▼ ' : '▲ ') + Math.abs(delta).toFixed(1) + '% vs previous 28 days' }),
      );
    };
    main.replaceChildren(
      h('div', { class: 'page-head' }, h('h1', { text: 'Welcome back' + (boot.shop ? ', ' + boot.shop.name : '') }), h('p', { text: 'Affiliate performance for the last 28 days' })),
      h(
        'div',
        { class: 'home-grid' },
        stat('Affiliate GMV', money((8000 + seeded(1) * 40000) * scale), seeded(2) * 30 - 8),
        stat('Items sold', String(Math.round(400 + seeded(3) * 3000)), seeded(4) * 20 - 5),
        stat('Creators posting', String(Math.round(20 + seeded(5) * 120)), seeded(6) * 18 - 9),
        stat('Affiliate videos', String(Math.round(60 + seeded(7) * 400)), seeded(8) * 25 - 6),
      ),
      h(
        'section',
        { class: 'card home-wide' },
        h('h2', { text: 'To-do' }),
        h(
          'ul',
          null,
          h('li', null, 'Creators are waiting for your answer on their sample requests. ', h('a', { class: 'home-link', href: hrefFor('sample-request'), 'data-spa': '', text: 'Review now' })),
          h('li', { text: 'Keep open collaboration commission rates competitive for your category.' }),
          h('li', { text: 'Invite top creators from Find creators to a target collaboration.' }),
        ),
      ),
    );
    markReady();
  }

  function renderNotFound() {
    sr = null;
    document.title = '404 | TikTok Shop Affiliate Center';
    main.replaceChildren(
      h('div', { class: 'not-found' }, h('p', { class: 'code', text: '404' }), h('h1', { text: 'Sorry, the page you visited does not exist' }), h('a', { href: hrefFor('home'), 'data-spa': '', text: 'Back to Home' })),
    );
    markReady();
  }

  // ------------------------------------------------------------------------------------------------------------
  // Boot

  var lastRouteKey = null;
  function render() {
    updateNav();
    var route = currentRoute();
    var key = location.pathname;
    if (route === 'sample-request' && lastRouteKey === key && sr) {
      // Same page, different query (back/forward between tabs): follow the URL's tab.
      var t = tabFromUrl();
      if (t !== sr.tab) {
        sr.tab = t;
        sr.page = 1;
        sr.el.tablist.querySelectorAll('[role=tab]').forEach(function (b) {
          b.setAttribute('aria-selected', Number(b.getAttribute('data-tab')) === t ? 'true' : 'false');
        });
        load();
      }
      return;
    }
    lastRouteKey = key;
    if (route === 'sample-request') renderSampleRequests();
    else if (route === 'home') renderHome();
    else renderNotFound();
  }

  if (!boot.shop) {
    main.replaceChildren(h('div', { class: 'sr-error', role: 'alert', text: 'No shop is selected. Open the Affiliate Center from Seller Center.' }));
    markReady();
    return;
  }

  // The real app loads the menu and account info first; neither is sample data.
  request('GET', '/api/v1/affiliate/menu').catch(function () {});
  request('POST', '/api/v1/affiliate/account/info', {})
    .then(function (json) {
      var name = json && json.code === 0 && json.data && typeof json.data.shop_name === 'string' ? json.data.shop_name : null;
      var el = document.getElementById('sim-shop-name');
      if (name && el) el.textContent = name;
    })
    .catch(function () {});
  render();
})();
