// Simulated TikTok Shop Affiliate Center: client core (plain DOM, no framework, no build step).
// Served by test/sim/install.ts at /static/js/sim/core.js, before every surface's client script. It owns the boot
// data, the left nav, SPA routing, the API transport and the test hooks; each route's script registers a renderer:
//
//   SimApp.register('sample-request', function render(main, ctx) {
//     …build the page into `main` with ctx.h(), load data with ctx.request(), call ctx.markReady() after each render…
//     return function cleanup() {}            // or { cleanup, update, rerender }, or nothing
//   });
//
// The returned handle: `cleanup()` runs when the route is left; `update()`, if given, is called instead of a fresh
// render when the URL changes but the path stays (back/forward between tabs, a nav click on the current page);
// `rerender()`, if given, is called every 1.5 s under `rerender=1` (re-render the same rows, as React does).
//
// Every data string goes through textContent or setAttribute (h() does that), never innerHTML, as in a React app.
// Test hooks: window.__simReady / <html data-sim-ready> (render counter), window.__simActions (action clicks).
// URL switches kept across SPA navigation: markup, transport=fetch|xhr, fault=shape, variant=<wire variant>,
// probe=<shape change>, rerender=1, route_migration=1.
(function () {
  'use strict';

  /** @type {{shop: null | {name: string, region: string, sellerId: string, currency: string}, prefixed: boolean,
   *   surfaces: {route: string, nav: null | {label: string, group: string | null, icon: string | null},
   *     paths: {legacy: string, migrated: string}, client: boolean, data: any}[]}} */
  var boot = window.__SIM_BOOT__;
  window.__simReady = 0;
  window.__simActions = [];

  var KEEP_PARAMS = ['shop_region', 'shop_id', 'markup', 'transport', 'fault', 'variant', 'probe', 'rerender', 'route_migration'];
  var SITE = 'TikTok Shop Affiliate Center';
  var renderers = {};
  var started = false;
  var main = null;
  var current = null; // { route, path, handle, state, placeholder }

  // ------------------------------------------------------------------------------------------------------------
  // DOM helper: h('div', {class: 'x', 'aria-label': 'y', text: 'z', onclick: fn}, child, 'text', …).
  // Strings become text nodes; attribute values are set with setAttribute.

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

  /**
   * An <img> that only ever loads https URLs (anything else stays blank). Loaded eagerly: with loading=lazy, which
   * images a page requests would depend on its layout (and so on what an extension adds to it), and the network test
   * compares the page's requests with and without the extension.
   */
  function img(cls, src) {
    var el = h('img', { class: cls, alt: '' });
    if (typeof src === 'string' && /^https:\/\//.test(src)) el.src = src;
    return el;
  }

  /** Counts a finished render: tests wait for `data-sim-ready` to grow. Call it after every render of the main area. */
  function markReady() {
    window.__simReady = (window.__simReady || 0) + 1;
    document.documentElement.setAttribute('data-sim-ready', String(window.__simReady));
  }

  /** The overlay a list shows while it loads (hidden until then). */
  function spinner() {
    return h('div', { class: 'sim-loading', role: 'status', hidden: true }, h('span', { class: 'sim-spinner', 'aria-hidden': 'true' }), 'Loading…');
  }

  /** A list's pager: Previous and Next (named for screen readers) around the page label (`labelClass`), in a nav. */
  function pager(onPrev, onNext, labelClass) {
    var el = {
      prev: h('button', { type: 'button', class: 'btn', 'aria-label': 'Previous page', text: 'Previous', onclick: onPrev }),
      label: h('span', { class: labelClass }),
      next: h('button', { type: 'button', class: 'btn', 'aria-label': 'Next page', text: 'Next', onclick: onNext }),
    };
    el.nav = h('nav', { class: 'sim-pager', 'aria-label': 'Pagination' }, el.prev, el.label, el.next);
    return el;
  }

  /**
   * A pager over `list.data.total` items, `pageSize` a page: Previous and Next turn `list.page` and call `load()`, not
   * while `list.loading`; `update()` writes the page label and disables what cannot be used now.
   */
  function totalPager(list, pageSize, load, labelClass) {
    function pages() {
      return list.data ? Math.max(1, Math.ceil(list.data.total / pageSize)) : 1;
    }
    function turn(by) {
      return function () {
        var to = list.page + by;
        if (list.loading || to < 1 || to > pages()) return;
        list.page = to;
        load();
      };
    }
    var el = pager(turn(-1), turn(1), labelClass);
    el.update = function () {
      el.label.textContent = 'Page ' + list.page + ' of ' + pages();
      el.prev.disabled = list.loading || list.page <= 1;
      el.next.disabled = list.loading || list.page >= pages();
    };
    return el;
  }

  /**
   * Puts a fixed-layout Arco table (`tableClass`) in `host`, its head made of `columns` (`[label, width]` pairs), and
   * returns its empty body for the rows.
   */
  function arcoTable(host, tableClass, columns) {
    var headRow = h('tr', { class: 'arco-table-tr' });
    columns.forEach(function (c) {
      headRow.appendChild(h('th', { class: 'arco-table-th', style: 'width:' + c[1], text: c[0] }));
    });
    var tbody = h('tbody', { class: 'arco-table-tbody' });
    host.replaceChildren(h('div', { class: 'arco-table-container' }, h('table', { class: tableClass }, h('thead', { class: 'arco-table-thead' }, headRow), tbody)));
    return tbody;
  }

  /** Shows a load failure in `host`, as an alert with a Retry button when `retry` is given, and counts the render. */
  function showError(host, text, retry) {
    host.replaceChildren(h('div', { class: 'sim-error', role: 'alert' }, text, retry ? h('button', { type: 'button', class: 'btn', text: 'Retry', onclick: retry }) : null));
    markReady();
  }

  /** Shows that a list has nothing to show in `host`, and counts the render. */
  function showEmpty(host, text) {
    host.replaceChildren(h('div', { class: 'sim-empty', text: text }));
    markReady();
  }

  /**
   * A guard for one stream of requests of a route (`route` is its state): `settle(promise, ok, fail)` calls `ok(value)`
   * or `fail(message)` only while that request is the latest one started through this guard and the route has not
   * been left. The real pages drop the answers they no longer want the same way.
   */
  function latest(route) {
    var seq = 0;
    return function settle(promise, ok, fail) {
      var mine = ++seq;
      promise.then(
        function (value) {
          if (route.alive && mine === seq) ok(value);
        },
        function (err) {
          if (route.alive && mine === seq) fail(err instanceof Error ? err.message : String(err));
        },
      );
    };
  }

  /**
   * The loader the simulated list pages share. `load(start)` marks the list loading (`list.loading`, the spinner
   * `list.el.loading` shown, `list.el.body` aria-busy when the page has one, then `update()` so pagers disable),
   * calls `start()` for the request's promise, keeps its answer in `list.data` or its failure in `list.error`, ends
   * the loading state the same way and calls `render()`.
   */
  function listLoader(route, list, update, render) {
    var settle = latest(route);
    function busy(on) {
      list.loading = on;
      list.el.loading.hidden = !on;
      if (list.el.body && on) list.el.body.setAttribute('aria-busy', 'true');
      else if (list.el.body) list.el.body.removeAttribute('aria-busy');
      update();
    }
    function done() {
      busy(false);
      render();
    }
    return function load(start) {
      busy(true);
      settle(
        start(),
        function (data) {
          list.data = data;
          list.error = null;
          done();
        },
        function (message) {
          list.error = message;
          done();
        },
      );
    };
  }

  /** Records an action button click (Approve, Reject, Invite…) for tests; the simulator never changes data. */
  function recordAction(entry) {
    window.__simActions.push(entry);
  }

  function setTitle(title) {
    document.title = title ? title + ' | ' + SITE : SITE;
  }

  // ------------------------------------------------------------------------------------------------------------
  // URL and routing

  function params() {
    return new URL(location.href).searchParams;
  }

  /** The markup variant from `?markup=`, one of `allowed` (default ['table', 'cards']); the first is the default. */
  function markup(allowed) {
    var list = allowed && allowed.length ? allowed : ['table', 'cards'];
    var m = params().get('markup');
    return list.indexOf(m) >= 0 ? m : list[0];
  }

  function surfaceOf(route) {
    for (var i = 0; i < boot.surfaces.length; i++) if (boot.surfaces[i].route === route) return boot.surfaces[i];
    return null;
  }

  /** The registered surface and generation the current path shows (same rule as the server's matchRoute). */
  function locationMatch() {
    var p = location.pathname.length > 1 ? location.pathname.replace(/\/+$/, '') : location.pathname;
    var flag = params().get('route_migration') === '1';
    for (var i = 0; i < boot.surfaces.length; i++) {
      var s = boot.surfaces[i];
      if (p === s.paths.migrated && (s.paths.legacy !== s.paths.migrated || flag)) return { surface: s, generation: 'migrated' };
      if (p === s.paths.legacy) return { surface: s, generation: 'legacy' };
    }
    return null;
  }

  function generation() {
    if (params().get('route_migration') === '1') return 'migrated';
    var m = locationMatch();
    return m ? m.generation : 'legacy';
  }

  /** Link to a registered route in the current generation, keeping the shop and the simulator switches. */
  function hrefFor(route, extra) {
    var s = surfaceOf(route);
    if (!s) throw new Error('unknown route ' + route);
    var gen = generation();
    var q = new URLSearchParams();
    var cur = params();
    KEEP_PARAMS.forEach(function (k) {
      var v = cur.get(k);
      if (v !== null) q.set(k, v);
    });
    if (gen === 'migrated') q.set('route_migration', '1');
    if (extra) for (var k in extra) if (extra[k] !== undefined && extra[k] !== null) q.set(k, String(extra[k]));
    var str = q.toString();
    return s.paths[gen] + (str ? '?' + str : '');
  }

  /** SPA navigation: pushState, then render (or update) the page for the new URL. */
  function navigate(href) {
    history.pushState(null, '', href);
    render();
  }

  /** Changes query parameters on the current path with pushState, without rendering (a page's own tabs, filters…). */
  function setQuery(updates) {
    var q = params();
    for (var k in updates) {
      if (updates[k] === null || updates[k] === undefined) q.delete(k);
      else q.set(k, String(updates[k]));
    }
    var s = q.toString();
    history.pushState(null, '', location.pathname + (s ? '?' + s : ''));
  }

  document.addEventListener('click', function (e) {
    var a = e.target instanceof Element ? e.target.closest('a[data-route], a[data-spa]') : null;
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    var href = a.getAttribute('href');
    if (!href) return;
    e.preventDefault();
    navigate(href);
  });

  // ------------------------------------------------------------------------------------------------------------
  // API transport: fetch by default, XMLHttpRequest with responseType 'json' when transport=xhr. The query string
  // carries what the real app sends (research/domain.md §3); fault=shape on the page adds cl_fault=shape, and
  // variant=<name> adds cl_variant=<name> (which of the plausible wire forms a surface serves; see surface.ts), and
  // probe=<change> adds cl_probe=<change> (a field added to or dropped from every answer; see api.ts).

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
    if (params().get('variant')) q.set('cl_variant', params().get('variant'));
    if (params().get('probe')) q.set('cl_probe', params().get('probe'));
    if (params().get('scroll') === 'infinite') q.set('cl_scroll', 'infinite');
    q.set('msToken', randomToken(126, B64) + '==');
    q.set('X-Bogus', 'DFS' + randomToken(25, B64.slice(0, 62)));
    return path + '?' + q.toString();
  }

  /** request('POST', '/api/v1/…', body) → Promise of the parsed JSON envelope; rejects on HTTP errors. */
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
  // Formatting (tolerant readers first: wire values may be strings or numbers)

  var fmt = {
    /** A string, a finite number as a string, else ''. */
    str: function (v) {
      return typeof v === 'string' ? v : typeof v === 'number' && isFinite(v) ? String(v) : '';
    },
    /** A finite number from a number or a numeric string, else null. */
    num: function (v) {
      if (typeof v === 'number') return isFinite(v) ? v : null;
      if (typeof v === 'string' && v.trim() !== '' && isFinite(Number(v))) return Number(v);
      return null;
    },
    /** 1234 → '1.2K', 5600000 → '5.6M', null → '—'. */
    compact: function (n) {
      if (n === null || n === undefined) return '—';
      if (n >= 1e6) return (n / 1e6).toFixed(n >= 1e7 ? 0 : 1).replace(/\.0$/, '') + 'M';
      if (n >= 1e3) return (n / 1e3).toFixed(n >= 1e5 ? 0 : 1).replace(/\.0$/, '') + 'K';
      return String(n);
    },
    /** Money in the shop currency (or `currency`), e.g. '$1,234.50'; IDR without decimals. */
    money: function (v, currency) {
      var cur = currency || (boot.shop ? boot.shop.currency : 'USD');
      try {
        return new Intl.NumberFormat('en-US', { style: 'currency', currency: cur, maximumFractionDigits: cur === 'IDR' ? 0 : 2 }).format(v);
      } catch (e) {
        return cur + ' ' + Number(v).toFixed(2);
      }
    },
    /** Basis points (hundredths of a percent) as the UI shows them: 1550 → '15.5%'. */
    bps: function (n) {
      return String(Math.round(n) / 100) + '%';
    },
    /** Epoch ms → 'Nov 20, 09:30'; null → ''. */
    date: function (ms) {
      if (ms === null || ms === undefined) return '';
      return new Date(ms).toLocaleString('en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
    },
    /** Milliseconds remaining → '3d 4h left' / '5h 12m left' / '7m left' / 'Expired'. */
    duration: function (ms) {
      if (ms <= 0) return 'Expired';
      var m = Math.floor(ms / 60000);
      var d = Math.floor(m / 1440);
      var hh = Math.floor((m % 1440) / 60);
      var mm = m % 60;
      return d > 0 ? d + 'd ' + hh + 'h left' : hh > 0 ? hh + 'h ' + mm + 'm left' : mm + 'm left';
    },
  };

  // ------------------------------------------------------------------------------------------------------------
  // Nav, built from the boot data: entries without a group at the top, then one section per group

  var navLinks = [];

  function buildNav() {
    var navEl = document.querySelector('.sim-nav');
    if (!navEl) return;
    var blocks = [];
    var byGroup = {};
    boot.surfaces.forEach(function (s) {
      if (!s.nav) return;
      var key = s.nav.group === null ? '' : 'g:' + s.nav.group;
      var block = byGroup[key];
      if (!block) {
        block = byGroup[key] = { group: s.nav.group, items: [] };
        blocks.push(block);
      }
      block.items.push(s);
    });
    var children = [];
    blocks.forEach(function (block, i) {
      var links = block.items.map(function (s) {
        var a = h('a', { href: '#', 'data-route': s.route }, h('span', { class: 'nav-ico', 'aria-hidden': 'true', text: s.nav.icon || '•' }), s.nav.label);
        navLinks.push(a);
        return a;
      });
      if (block.group === null) {
        children.push.apply(children, links);
      } else {
        var id = 'sim-nav-section-' + i;
        var group = h('div', { class: 'nav-group', role: 'group', 'aria-labelledby': id }, h('div', { class: 'nav-section', id: id, text: block.group }));
        links.forEach(function (a) {
          group.appendChild(a);
        });
        children.push(group);
      }
    });
    navEl.replaceChildren.apply(navEl, children);
  }

  function updateNav(route) {
    navLinks.forEach(function (a) {
      var r = a.getAttribute('data-route');
      a.setAttribute('href', hrefFor(r));
      if (r === route) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
  }

  // ------------------------------------------------------------------------------------------------------------
  // Rendering a route

  function makeCtx(surface, gen, state) {
    return {
      route: surface.route,
      generation: gen,
      /** The shop of the page (never null inside a renderer). */
      shop: boot.shop,
      /** `SimSurface.boot()` for this shop. */
      data: surface.data,
      boot: boot,
      h: h,
      img: img,
      request: request,
      params: params,
      markup: markup,
      hrefFor: hrefFor,
      navigate: navigate,
      setQuery: setQuery,
      setTitle: setTitle,
      markReady: markReady,
      spinner: spinner,
      arcoTable: arcoTable,
      pager: pager,
      totalPager: totalPager,
      showError: showError,
      showEmpty: showEmpty,
      /** A new request guard for this route (see `latest`). */
      latest: function () {
        return latest(state);
      },
      /** A list loader for this route (see `listLoader`). */
      listLoader: function (list, update, render) {
        return listLoader(state, list, update, render);
      },
      recordAction: recordAction,
      fmt: fmt,
      /** False once the route has been left: ignore late responses. */
      alive: function () {
        return state.alive;
      },
    };
  }

  function normalizeHandle(ret) {
    if (typeof ret === 'function') return { cleanup: ret };
    if (ret && typeof ret === 'object') return ret;
    return {};
  }

  function teardown() {
    if (!current) return;
    current.state.alive = false;
    var cleanup = current.handle.cleanup;
    current = null;
    if (typeof cleanup === 'function') {
      try {
        cleanup();
      } catch (err) {
        console.error('[sim] cleanup failed', err);
      }
    }
  }

  function renderPlaceholder(surface) {
    var label = surface.nav ? surface.nav.label : surface.route;
    setTitle(label);
    main.replaceChildren(
      h('div', { class: 'page-head' }, h('h1', { text: label })),
      h('section', { class: 'card sim-placeholder', role: 'status' }, h('h1', { text: 'This page is not simulated yet' }), h('p', { text: 'The simulator knows the route, but no client script renders it.' })),
    );
    markReady();
  }

  function renderNotFound() {
    setTitle('404');
    var home = surfaceOf('home');
    main.replaceChildren(
      h(
        'div',
        { class: 'not-found' },
        h('p', { class: 'code', text: '404' }),
        h('h1', { text: 'Sorry, the page you visited does not exist' }),
        home ? h('a', { href: hrefFor('home'), 'data-spa': '', text: 'Back to Home' }) : null,
      ),
    );
    markReady();
  }

  function render() {
    if (!boot.shop) return; // start() has shown the "no shop" message; nothing routes without a shop
    var m = locationMatch();
    updateNav(m ? m.surface.route : null);
    var path = location.pathname;
    if (m && current && current.route === m.surface.route && current.path === path && !current.placeholder && typeof current.handle.update === 'function') {
      // Same page, different query (back/forward, a link to the page itself): the page follows the URL.
      current.handle.update();
      return;
    }
    teardown();
    if (!m) {
      current = { route: null, path: path, handle: {}, state: { alive: true }, placeholder: true };
      renderNotFound();
      return;
    }
    var surface = m.surface;
    var renderer = renderers[surface.route];
    var state = { alive: true };
    if (!renderer) {
      current = { route: surface.route, path: path, handle: {}, state: state, placeholder: true };
      renderPlaceholder(surface);
      return;
    }
    current = { route: surface.route, path: path, handle: {}, state: state, placeholder: false };
    main.replaceChildren();
    try {
      current.handle = normalizeHandle(renderer(main, makeCtx(surface, m.generation, state)));
    } catch (err) {
      console.error('[sim] render of ' + surface.route + ' failed', err);
      main.replaceChildren(h('div', { class: 'sim-error', role: 'alert', text: 'Something went wrong while rendering this page.' }));
      markReady();
    }
  }

  window.addEventListener('popstate', function () {
    if (started) render();
  });

  // ------------------------------------------------------------------------------------------------------------
  // Public API and boot

  /** Registers the renderer of a route. A script that registers after boot takes over its route if it is showing. */
  function register(route, renderer) {
    if (typeof renderer !== 'function') throw new Error('SimApp.register(' + route + '): renderer must be a function');
    renderers[route] = renderer;
    if (started && current && current.placeholder && current.route === route) render();
  }

  window.SimApp = { register: register, h: h, fmt: fmt };

  function start() {
    if (started) return;
    started = true;
    main = document.getElementById('sim-main');
    buildNav();
    if (!boot.shop) {
      updateNav(null);
      main.replaceChildren(h('div', { class: 'sim-error', role: 'alert', text: 'No shop is selected. Open the Affiliate Center from Seller Center.' }));
      markReady();
      return;
    }
    // The real app loads the menu and account info first; neither is page data.
    request('GET', '/api/v1/affiliate/menu').catch(function () {});
    request('POST', '/api/v1/affiliate/account/info', {})
      .then(function (json) {
        var name = json && json.code === 0 && json.data && typeof json.data.shop_name === 'string' ? json.data.shop_name : null;
        var el = document.getElementById('sim-shop-name');
        if (name && el) el.textContent = name;
      })
      .catch(function () {});
    // rerender=1: ask the current page to re-render its rows every 1.5 s.
    if (params().get('rerender') === '1') {
      setInterval(function () {
        if (current && typeof current.handle.rerender === 'function') current.handle.rerender();
      }, 1500);
    }
    render();
  }

  // Deferred surface scripts run after this one and before DOMContentLoaded, so every renderer is registered by then.
  // (readyState is already 'interactive' while deferred scripts run, so it cannot tell us whether DOMContentLoaded
  // has fired; only a script added after the load event starts at once.)
  if (document.readyState === 'complete') setTimeout(start, 0);
  else document.addEventListener('DOMContentLoaded', start);
})();
