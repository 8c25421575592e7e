// Simulated Affiliate Center: Find creators (route 'find-creators'; server side in test/sim/surfaces/find-creators.ts).
// Tabs: "Find creators" (marketplace/find, or marketplace/search while a search term is set) and "Recommended"
// (marketplace/recommendation); the AI box asks marketplace/ai/find. Paging follows next_pagination: the next page sends
// next_page with the listing's search_key. Markups: markup=grid (default, cards) and markup=table; for the overlay's
// placement tests (test/e2e/placement.test.ts; building blocks in placement-markups.js, our own versions resting on no
// evidence of TikTok's exact DOM): markup=aria-grid (role=grid rows, hashed class names, fixed clipping columns, the
// handle split over spans inside a link), markup=virtual (a pool of 8 row elements recycled on scroll), markup=repeated
// (a recommended strip repeating creators of the results), markup=namesake (names that equal a handle: the creator's
// own, or the next creator's), markup=rerender (the cards replaced every 500 ms), markup=id (Indonesian labels, the
// handle in a tooltip shown on hover only, the username shown bare).
// scroll=infinite (simulator only, for the overlay bench): 1,000 creators at once, then 50 more appended each time the
// end of the list scrolls into view (pagination.cursor = the offset), without re-rendering the rows already shown.
(function () {
  'use strict';

  SimApp.register('find-creators', function render(main, ctx) {
    var h = ctx.h;
    var img = ctx.img;
    var fmt = ctx.fmt;
    var paths = ctx.data.paths;
    var PAGE_SIZE = ctx.data.pageSize;
    var markup = ctx.markup(['grid', 'table', 'aria-grid', 'virtual', 'repeated', 'namesake', 'rerender', 'id']);
    var P = SimApp.placement;
    var L =
      markup === 'id'
        ? { followers: 'Pengikut', items: 'Terjual', engagement: 'Interaksi', view: 'Lihat profil', invite: 'Undang', creator: 'Kreator', action: 'Tindakan' }
        : { followers: 'Followers', items: 'Items sold', engagement: 'Engagement', view: 'View profile', invite: 'Invite', creator: 'Creator', action: 'Action' };

    // ------------------------------------------------------------------------------------------------------------
    // Tolerant readers: every field may be wrapped ({value}), a placeholder ({is_authorized:false}), or bare.

    function unwrap(f) {
      if (f && typeof f === 'object' && !Array.isArray(f)) {
        if ('value' in f && !('symbol' in f) && !('currency' in f)) return f.value;
        if (!('value' in f) && ('is_authorized' in f || 'status' in f)) return null;
      }
      return f === undefined ? null : f;
    }

    // Money comes wrapped twice ({value: {value, format}, symbol}); a GPM as {minimal, minimal_format, maximum, …}.
    function moneyText(f) {
      var v = unwrap(f);
      if (v === null || typeof v !== 'object') return null;
      if (typeof v.format === 'string') return v.format;
      if (v.value && typeof v.value === 'object' && typeof v.value.format === 'string') return v.value.format;
      if (typeof v.minimal_format === 'string') return v.minimal === v.maximum ? v.minimal_format : v.minimal_format + ' – ' + (v.maximum_format || '');
      var amount = v.value && typeof v.value === 'object' ? v.value.value : v.value;
      var n = fmt.num(amount);
      if (n === null) return null;
      var unit = typeof v.symbol === 'string' ? v.symbol : '';
      return /^[A-Z]{3}$/.test(unit) ? fmt.money(n, unit) : unit + n;
    }

    function readCreator(raw) {
      if (!raw || typeof raw !== 'object') return null;
      var handle = fmt.str(unwrap(raw.handle));
      var nick = fmt.str(unwrap(raw.nickname));
      if (!handle && !nick) return null;
      var avatar = unwrap(raw.avatar);
      var cats = unwrap(raw.category);
      var engagement = fmt.num(unwrap(raw.ec_video_engagement));
      var commission = unwrap(raw.med_commission_rate_range);
      var flag = function (f) {
        return unwrap(f) === true;
      };
      return {
        cid: fmt.str(unwrap(raw.creator_oecuid)),
        handle: handle,
        nick: nick || handle,
        avatar: avatar && Array.isArray(avatar.url_list) ? avatar.url_list[0] : null,
        followers: fmt.num(unwrap(raw.follower_cnt)),
        gmv: moneyText(raw.med_gmv_revenue),
        gmvRange: fmt.str(unwrap(raw.med_gmv_revenue_range)),
        units: fmt.num(unwrap(raw.units_sold)),
        unitsRange: fmt.str(unwrap(raw.units_sold_range)),
        commission: typeof commission === 'number' ? fmt.bps(commission) : fmt.str(commission),
        priceRange: fmt.str(unwrap(raw.product_price_range)),
        collaborated: flag(raw.has_collaborated),
        invited: flag(raw.has_invited_before_90d),
        fastSamples: flag(raw.is_high_sample_dispatch_rate),
        videoGpm: moneyText(raw.ec_video_gpm),
        views: fmt.num(unwrap(raw.ec_video_avg_view_cnt)),
        engagement: engagement === null ? null : fmt.bps(engagement),
        fulfilment: fmt.str(unwrap(raw.creator_fulfillment_score_90d)),
        categories: Array.isArray(cats)
          ? cats
              .map(function (c) {
                return fmt.str(c && typeof c === 'object' ? c.name : c);
              })
              .filter(Boolean)
          : [],
      };
    }

    function readList(json) {
      if (!json || typeof json !== 'object') throw new Error('Empty response');
      if (json.code !== 0) throw new Error(typeof json.message === 'string' ? json.message : 'Request failed');
      var list = Array.isArray(json.creator_profile_list) ? json.creator_profile_list : [];
      var np = json.next_pagination && typeof json.next_pagination === 'object' ? json.next_pagination : {};
      var creators = [];
      list.forEach(function (raw) {
        try {
          var c = readCreator(raw);
          if (c) creators.push(c);
        } catch (err) {
          console.warn('[affiliate] skipped a creator card', err);
        }
      });
      return { creators: creators, hasMore: !!np.has_more, nextPage: fmt.num(np.next_page), searchKey: fmt.str(np.search_key) };
    }

    // ------------------------------------------------------------------------------------------------------------
    // Cells

    function gmvCell(c) {
      if (c.gmv) return h('span', { text: c.gmv });
      if (c.gmvRange) return h('span', { class: 'fc-range', text: c.gmvRange });
      return h('span', { text: '—' });
    }
    function unitsCell(c) {
      if (c.units !== null) return h('span', { text: fmt.compact(c.units) });
      if (c.unitsRange) return h('span', { class: 'fc-range', text: c.unitsRange });
      return h('span', { text: '—' });
    }
    function actions(c) {
      return h(
        'div',
        { class: 'row-actions' },
        c.cid ? h('a', { class: 'btn', href: ctx.hrefFor('creator-detail', { cid: c.cid }), 'data-spa': '', text: L.view }) : null,
        h('button', {
          type: 'button',
          class: 'btn btn-primary',
          text: L.invite,
          onclick: function () {
            ctx.recordAction({ action: 'invite', cid: c.cid });
          },
        }),
      );
    }

    /** The shop-relative flags as the marketplace shows them. */
    function flagTags(c) {
      return [c.collaborated ? 'Collaborated' : null, c.invited ? 'Invited in 90 days' : null, c.fastSamples ? 'Ships samples fast' : null].filter(Boolean);
    }

    function card(c) {
      var stat = function (label, value) {
        return [h('dt', { text: label }), h('dd', null, value)];
      };
      var dl = h('dl', { class: 'fc-card__stats' });
      [
        stat(L.followers, fmt.compact(c.followers)),
        stat('GMV', gmvCell(c)),
        stat(L.items, unitsCell(c)),
        stat('Video GPM', c.videoGpm || '—'),
        stat('Avg. video views', fmt.compact(c.views)),
        stat('Engagement', c.engagement || '—'),
        stat('Fulfilment (90d)', c.fulfilment || 'Not authorised'),
        stat('Commission', c.commission || '—'),
        stat('Product prices', c.priceRange || '—'),
      ].forEach(function (pair) {
        dl.appendChild(pair[0]);
        dl.appendChild(pair[1]);
      });
      var tags = h('div', { class: 'fc-card__tags' });
      c.categories.forEach(function (t) {
        tags.appendChild(h('span', { class: 'fc-tag', text: t }));
      });
      flagTags(c).forEach(function (t) {
        tags.appendChild(h('span', { class: 'fc-tag fc-flag', text: t }));
      });
      return h(
        'article',
        { class: 'fc-card' },
        h(
          'div',
          { class: 'fc-card__who' },
          img('fc-card__avatar', c.avatar),
          markup === 'id'
            ? h(
                'div',
                null,
                h('div', { class: P.cls('tip-wrap') }, h('h3', { class: 'fc-card__nick', text: c.nick }), h('span', { class: P.cls('tip'), role: 'tooltip', text: '@' + c.handle })),
                h('span', { class: P.cls('username'), text: c.handle }),
              )
            : h('div', null, h('h3', { class: 'fc-card__nick', text: c.nick }), c.handle ? h('span', { class: 'fc-card__handle', text: '@' + c.handle }) : null),
        ),
        tags,
        dl,
        actions(c),
      );
    }

    function row(c) {
      return h(
        'tr',
        { class: 'arco-table-tr' },
        h(
          'td',
          { class: 'arco-table-td' },
          h(
            'div',
            { class: 'creator-cell' },
            img('creator-avatar', c.avatar),
            h('div', { class: 'creator-info' }, h('div', { class: 'creator-nick', text: c.nick }), c.handle ? h('span', { class: 'creator-handle', text: '@' + c.handle }) : null),
          ),
        ),
        h('td', { class: 'arco-table-td', text: fmt.compact(c.followers) }),
        h('td', { class: 'arco-table-td' }, gmvCell(c)),
        h('td', { class: 'arco-table-td' }, unitsCell(c)),
        h('td', { class: 'arco-table-td', text: fmt.compact(c.views) }),
        h('td', { class: 'arco-table-td', text: c.engagement || '—' }),
        h('td', { class: 'arco-table-td', text: c.fulfilment || 'Not authorised' }),
        h('td', { class: 'arco-table-td', text: c.commission || '—' }),
        h('td', { class: 'arco-table-td', text: flagTags(c).join(' · ') }),
        h('td', { class: 'arco-table-td' }, actions(c)),
      );
    }

    // ------------------------------------------------------------------------------------------------------------
    // Placement markups

    function profileHref(c) {
      return c.cid ? ctx.hrefFor('creator-detail', { cid: c.cid }) : null;
    }

    function ariaGridOf(creators) {
      return P.ariaGrid(
        'Creators',
        [
          [L.creator, '240px'],
          [L.followers, '90px'],
          ['GMV', '120px'],
          [L.items, '90px'],
          [L.engagement, '100px'],
          [L.action, '1fr'],
        ],
        creators.map(function (c) {
          return [
            h('div', { class: P.cls('who') }, img(P.cls('avatar'), c.avatar), h('div', { style: 'min-width:0' }, h('div', { class: P.cls('name'), text: c.nick }), P.handleLink(c.handle, profileHref(c)))),
            fmt.compact(c.followers),
            gmvCell(c),
            unitsCell(c),
            c.engagement || '—',
            actions(c),
          ];
        }),
      );
    }

    function virtualOf(creators) {
      return P.virtualList({
        count: creators.length,
        rowHeight: 56,
        pool: 8,
        viewRows: 5,
        make: function () {
          var nick = h('div', { class: P.cls('name') });
          var handle = h('span', { class: P.cls('handle') });
          var link = h('a', { class: P.cls('handle-link'), href: '#' }, h('span', { class: P.cls('at') }, '@'), handle);
          var stats = h('span', { class: P.cls('slot-stats') });
          var avatar = img(P.cls('avatar'), null);
          return {
            el: h('div', { class: P.cls('slot') }, avatar, h('div', { style: 'min-width:0' }, nick, link), stats),
            fill: function (i) {
              var c = creators[i];
              nick.textContent = c.nick;
              handle.textContent = c.handle;
              link.setAttribute('href', profileHref(c) || '#');
              if (c.avatar) avatar.src = c.avatar;
              stats.textContent = fmt.compact(c.followers) + ' ' + L.followers.toLowerCase() + ' · ' + (c.engagement || '—');
            },
          };
        },
      });
    }

    /** The recommended strip: four creators of the results, shown again above them. */
    function stripOf(creators) {
      var row = h('div', { class: P.cls('strip-row') });
      [1, 3, 5, 7].forEach(function (i) {
        var c = creators[i];
        if (c) row.appendChild(h('article', { class: P.cls('mini') }, h('div', { class: P.cls('name'), text: c.nick }), h('span', { class: 'fc-card__handle', text: '@' + c.handle })));
      });
      return h('section', { class: P.cls('strip'), 'aria-label': 'Recommended for you' }, h('h2', { text: 'Recommended for you' }), row);
    }

    // ------------------------------------------------------------------------------------------------------------
    // State and loading

    // ------------------------------------------------------------------------------------------------------------
    // Infinite scroll (scroll=infinite): one long list, appended to at its end.

    function infiniteList() {
      var FIRST = 1000;
      var STEP = 50;
      var list = markup === 'table' ? h('tbody', { class: 'arco-table-tbody' }) : h('div', { class: 'fc-grid' });
      var sentinel = h('div', { class: 'fc-sentinel', 'aria-hidden': 'true', style: 'height:1px' });
      var status = h('div', { class: 'sim-loading', role: 'status', hidden: true }, 'Loading more creators…');
      var cursor = '0';
      var hasMore = true;
      var loading = false;
      function append(creators) {
        var frag = document.createDocumentFragment();
        creators.forEach(function (c) {
          frag.appendChild(markup === 'table' ? row(c) : card(c));
        });
        list.appendChild(frag);
      }
      function more(size) {
        if (loading || !hasMore) return;
        loading = true;
        status.hidden = false;
        ctx
          .request('POST', paths.find, { query: '', query_type: 1, pagination: { size: size, page: 1, cursor: cursor }, filter_params: {}, algorithm: 1 })
          .then(function (json) {
            if (!ctx.alive()) return;
            var np = json && json.next_pagination ? json.next_pagination : {};
            append(readList(json).creators);
            cursor = fmt.str(np.next_item_cursor) || cursor;
            hasMore = !!np.has_more;
            loading = false;
            status.hidden = true;
            ctx.markReady();
          })
          .catch(function (err) {
            if (!ctx.alive()) return;
            loading = false;
            status.hidden = true;
            list.after(h('div', { class: 'sim-error', role: 'alert', text: 'Could not load creators (' + (err instanceof Error ? err.message : String(err)) + ').' }));
            ctx.markReady();
          });
      }
      var body =
        markup === 'table'
          ? h('div', { class: 'arco-table-container' }, h('table', { class: 'arco-table' }, h('thead', { class: 'arco-table-thead' }, tableHead()), list))
          : list;
      main.replaceChildren(
        h('div', { class: 'page-head' }, h('h1', { text: 'Find creators' }), h('p', { text: 'Discover creators in the marketplace and invite them to promote your products.' })),
        h('section', { class: 'card fc-panel' }, body, sentinel, status),
      );
      var observer = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; }) && cursor !== '0') more(STEP);
      });
      observer.observe(sentinel);
      more(FIRST);
      return function cleanup() {
        observer.disconnect();
      };
    }

    function tableHead() {
      var head = h('tr', { class: 'arco-table-tr' });
      ['Creator', 'Followers', 'GMV', 'Items sold', 'Avg. video views', 'Engagement', 'Fulfilment', 'Commission', 'With your shop', 'Action'].forEach(function (label) {
        head.appendChild(h('th', { class: 'arco-table-th', text: label }));
      });
      return head;
    }

    if (ctx.params().get('scroll') === 'infinite') {
      ctx.setTitle('Find creators');
      return infiniteList();
    }

    function tabFromUrl() {
      return ctx.params().get('tab') === 'recommended' ? 'recommended' : 'find';
    }

    var state = { tab: tabFromUrl(), query: '', ai: '', page: 1, searchKey: '', loading: false, data: null, error: null, el: null };
    var fetchList = ctx.listLoader(state, updatePager, renderList);

    function kind() {
      if (state.tab === 'recommended') return 'recommendation';
      if (state.ai) return 'ai';
      return state.query ? 'search' : 'find';
    }

    function load() {
      fetchList(function () {
        var pagination = { size: PAGE_SIZE, page: state.page };
        if (state.page > 1) pagination.search_key = state.searchKey;
        var k = kind();
        var body = { query: k === 'ai' ? state.ai : state.query, query_type: 1, pagination: pagination, filter_params: {}, algorithm: 1 };
        return ctx.request('POST', paths[k], body).then(readList);
      });
    }

    function updatePager() {
      state.el.pageLabel.textContent = 'Page ' + state.page;
      state.el.prev.disabled = state.loading || state.page <= 1;
      state.el.next.disabled = state.loading || !state.data || !state.data.hasMore;
    }

    function renderList() {
      var host = state.el.listHost;
      if (state.error) return ctx.showError(host, 'Could not load creators (' + state.error + ').', load);
      if (!state.data) return;
      if (state.data.searchKey) state.searchKey = state.data.searchKey;
      if (state.data.creators.length === 0) return ctx.showEmpty(host, 'No creators match');
      var creators = state.data.creators;
      if (markup === 'table' || markup === 'namesake') {
        var names = markup === 'namesake' ? P.namesakes(creators) : null;
        var tbody = h('tbody', { class: 'arco-table-tbody' });
        creators.forEach(function (c, i) {
          tbody.appendChild(row(names ? Object.assign({}, c, { nick: names[i] }) : c));
        });
        host.replaceChildren(h('div', { class: 'arco-table-container' }, h('table', { class: 'arco-table' }, h('thead', { class: 'arco-table-thead' }, tableHead()), tbody)));
      } else if (markup === 'aria-grid') {
        host.replaceChildren(ariaGridOf(creators));
      } else if (markup === 'virtual') {
        host.replaceChildren(virtualOf(creators));
      } else {
        var grid = h('div', { class: 'fc-grid' });
        creators.forEach(function (c) {
          grid.appendChild(card(c));
        });
        if (markup === 'repeated') host.replaceChildren(stripOf(creators), grid);
        else host.replaceChildren(grid);
      }
      ctx.markReady();
    }

    function restart() {
      state.page = 1;
      state.searchKey = '';
      state.data = null;
      load();
    }

    function showTab(tab) {
      state.tab = tab;
      state.el.tablist.querySelectorAll('[role=tab]').forEach(function (b) {
        b.setAttribute('aria-selected', b.getAttribute('data-tab') === tab ? 'true' : 'false');
      });
      restart();
    }

    // ------------------------------------------------------------------------------------------------------------
    // The page

    ctx.setTitle('Find creators');
    var tablist = h('div', { class: 'fc-tabs', role: 'tablist', 'aria-label': 'Creator lists' });
    [
      ['find', 'Find creators'],
      ['recommended', 'Recommended'],
    ].forEach(function (t) {
      tablist.appendChild(
        h('button', {
          type: 'button',
          role: 'tab',
          'data-tab': t[0],
          'aria-selected': t[0] === state.tab ? 'true' : 'false',
          text: t[1],
          onclick: function () {
            ctx.setQuery({ tab: t[0] === 'find' ? null : t[0] });
            showTab(t[0]);
          },
        }),
      );
    });
    var search = h('input', { class: 'fc-search', type: 'search', placeholder: 'Search by username or nickname', 'aria-label': 'Search creators' });
    var searchBtn = h('button', {
      type: 'button',
      class: 'btn',
      text: 'Search',
      onclick: function () {
        state.query = search.value.trim();
        state.ai = '';
        if (state.tab !== 'find') {
          ctx.setQuery({ tab: null });
          showTab('find');
        } else restart();
      },
    });
    var ai = h('textarea', { class: 'fc-ai', placeholder: "Describe the creators you're looking for", 'aria-label': 'AI search' });
    var aiBtn = h('button', {
      type: 'button',
      class: 'btn btn-primary',
      text: 'AI search',
      onclick: function () {
        state.ai = ai.value.trim();
        state.query = '';
        if (state.tab !== 'find') {
          ctx.setQuery({ tab: null });
          showTab('find');
        } else restart();
      },
    });
    var loading = ctx.spinner();
    var listHost = h('div', { class: 'fc-list-host' });
    var pager = ctx.pager(
      function () {
        if (state.loading || state.page <= 1) return;
        state.page -= 1;
        load();
      },
      function () {
        if (state.loading || !state.data || !state.data.hasMore) return;
        state.page = state.data.nextPage || state.page + 1;
        load();
      },
      'fc-page-label',
    );

    main.replaceChildren(
      h('div', { class: 'page-head' }, h('h1', { text: 'Find creators' }), h('p', { text: 'Discover creators in the marketplace and invite them to promote your products.' })),
      h(
        'section',
        { class: 'card fc-panel' },
        tablist,
        h('div', { class: 'fc-toolbar' }, search, searchBtn, ai, aiBtn),
        h('div', { class: 'fc-body' }, listHost, loading),
        pager.nav,
      ),
    );
    state.el = { tablist: tablist, loading: loading, listHost: listHost, prev: pager.prev, next: pager.next, pageLabel: pager.label };
    updatePager();
    load();

    // markup=rerender: the page replaces its rows twice a second.
    var stop =
      markup === 'rerender'
        ? P.every(500, function () {
            if (!state.loading && state.data && !state.error) renderList();
          })
        : null;

    return {
      cleanup: function () {
        if (stop) stop();
      },
      update: function () {
        var t = tabFromUrl();
        if (t !== state.tab) showTab(t);
      },
      rerender: function () {
        if (!state.loading && state.data && !state.error) renderList();
      },
    };
  });
})();
