// Simulated Affiliate Center: Creator rankings (route 'creator-rankings'; server side in
// test/sim/surfaces/creator-rankings.ts). Selectors for rank type, period, category, content type and date; each change
// asks cmp/creator/rank/list/get again from page 1. Markups: markup=table (default) and markup=list (ranked cards).
(function () {
  'use strict';

  var RANK_PATH = '/api/v1/oec/affiliate/cmp/creator/rank/list/get';

  SimApp.register('creator-rankings', function render(main, ctx) {
    var h = ctx.h;
    var img = ctx.img;
    var fmt = ctx.fmt;
    var d = ctx.data;
    var PAGE_SIZE = d.pageSize;
    var markup = ctx.markup(['table', 'list']);

    function numParam(name, list, fallback) {
      var v = Number(ctx.params().get(name));
      return list.some(function (x) {
        return x.code === v;
      })
        ? v
        : fallback;
    }
    function filtersFromUrl() {
      var cate = ctx.params().get('indus_cate');
      return {
        rankType: numParam('rank_type', d.types, 1),
        rankPeriod: numParam('rank_period', d.periods, 1),
        contentType: numParam('content_type', d.contentTypes, 1),
        indusCate: cate && d.categories.indexOf(cate) >= 0 ? cate : 'All',
        rankDate: d.latestDate,
      };
    }

    var state = { f: filtersFromUrl(), page: 1, loading: false, data: null, error: null, el: null };
    var fetchList = ctx.listLoader(state, updatePager, renderList);

    function readPage(json) {
      if (!json || typeof json !== 'object') throw new Error('Empty response');
      if (json.code !== 0) throw new Error(typeof json.message === 'string' ? json.message : 'Request failed');
      // The ranking under `data`, or at the top level (variant creator-rankings.list-top): no public evidence of either.
      var data = json.data && typeof json.data === 'object' ? json.data : json;
      var list = Array.isArray(data.creator_rank_info_list) ? data.creator_rank_info_list : [];
      var rows = [];
      list.forEach(function (e) {
        if (!e || typeof e !== 'object') return;
        var handle = fmt.str(e.creator_handle);
        if (!handle) return;
        rows.push({
          rank: fmt.num(e.rank_position),
          score: fmt.str(e.rank_score),
          followers: fmt.num(e.follower_cnt),
          handle: handle,
          nick: fmt.str(e.creator_nickname) || handle,
          cid: fmt.str(e.creator_oecuid),
          avatar: e.avatar && Array.isArray(e.avatar.url_list) ? e.avatar.url_list[0] : null,
        });
      });
      var meta = data.rank_list_meta && typeof data.rank_list_meta === 'object' ? data.rank_list_meta : {};
      return { rows: rows, total: fmt.num(data.total) || 0, date: fmt.str(meta.rank_date) };
    }

    function load() {
      fetchList(function () {
        var f = state.f;
        var body = {
          rank_list_meta: { rank_type: f.rankType, rank_period: f.rankPeriod, rank_date: f.rankDate, indus_cate: f.indusCate, content_type: f.contentType },
          size: PAGE_SIZE,
          page: state.page,
        };
        return ctx.request('POST', RANK_PATH, body).then(readPage);
      });
    }

    function updatePager() {
      state.el.pager.update();
    }

    function creatorLink(r) {
      return r.cid ? h('a', { class: 'btn', href: ctx.hrefFor('creator-detail', { cid: r.cid }), 'data-spa': '', text: 'View profile' }) : null;
    }

    function renderList() {
      var host = state.el.listHost;
      if (state.error) return ctx.showError(host, 'Could not load the ranking (' + state.error + ').', load);
      if (!state.data) return;
      state.el.date.textContent = state.data.date ? 'Ranking of ' + state.data.date : '';
      if (state.data.rows.length === 0) return ctx.showEmpty(host, 'No creators ranked for these filters');
      if (markup === 'list') {
        var ol = h('ol', { class: 'rk-list', style: 'list-style:none;margin:0;padding:0 20px' });
        state.data.rows.forEach(function (r) {
          ol.appendChild(
            h(
              'li',
              { class: 'rk-item creator-cell', style: 'padding:10px 0;border-bottom:1px solid #f2f3f5;align-items:center' },
              h('span', { class: 'rk-rank' + (r.rank !== null && r.rank <= 3 ? ' top' : ''), text: r.rank === null ? '—' : '#' + r.rank }),
              img('creator-avatar', r.avatar),
              h('div', { class: 'creator-info', style: 'flex:1' }, h('div', { class: 'creator-nick', text: r.nick }), h('span', { class: 'creator-handle', text: '@' + r.handle })),
              h('span', { class: 'creator-stats', text: fmt.compact(r.followers) + ' followers · score ' + (r.score || '—') }),
              creatorLink(r),
            ),
          );
        });
        host.replaceChildren(ol);
      } else {
        var tbody = h('tbody', { class: 'arco-table-tbody' });
        state.data.rows.forEach(function (r) {
          tbody.appendChild(
            h(
              'tr',
              { class: 'arco-table-tr' },
              h('td', { class: 'arco-table-td' }, h('span', { class: 'rk-rank' + (r.rank !== null && r.rank <= 3 ? ' top' : ''), text: r.rank === null ? '—' : String(r.rank) })),
              h(
                'td',
                { class: 'arco-table-td' },
                h('div', { class: 'creator-cell' }, img('creator-avatar', r.avatar), h('div', { class: 'creator-info' }, h('div', { class: 'creator-nick', text: r.nick }), h('span', { class: 'creator-handle', text: '@' + r.handle }))),
              ),
              h('td', { class: 'arco-table-td', text: r.score || '—' }),
              h('td', { class: 'arco-table-td', text: fmt.compact(r.followers) }),
              h('td', { class: 'arco-table-td' }, creatorLink(r)),
            ),
          );
        });
        var head = h('tr', { class: 'arco-table-tr' });
        ['Rank', 'Creator', 'Score', 'Followers', 'Action'].forEach(function (label) {
          head.appendChild(h('th', { class: 'arco-table-th', text: label }));
        });
        host.replaceChildren(h('div', { class: 'arco-table-container' }, h('table', { class: 'arco-table' }, h('thead', { class: 'arco-table-thead' }, head), tbody)));
      }
      ctx.markReady();
    }

    function select(label, name, options, value, onChange) {
      var s = h('select', { name: name, 'aria-label': label });
      options.forEach(function (o) {
        var opt = h('option', { value: String(o.code), text: o.label });
        if (o.code === value) opt.selected = true;
        s.appendChild(opt);
      });
      s.addEventListener('change', function () {
        onChange(s.value);
      });
      return h('label', null, label, s);
    }

    function change(key, value, param) {
      state.f[key] = value;
      var q = {};
      q[param] = value;
      ctx.setQuery(q);
      state.page = 1;
      load();
    }

    ctx.setTitle('Creator rankings');
    var cats = [{ code: 'All', label: 'All categories' }].concat(
      d.categories.map(function (c) {
        return { code: c, label: c };
      }),
    );
    var dateInput = h('input', { type: 'date', name: 'rank_date', 'aria-label': 'Date', value: state.f.rankDate, max: d.latestDate });
    dateInput.addEventListener('change', function () {
      if (/^\d{4}-\d{2}-\d{2}$/.test(dateInput.value)) change('rankDate', dateInput.value, 'rank_date');
    });
    var filters = h(
      'div',
      { class: 'rk-filters' },
      select('Rank type', 'rank_type', d.types, state.f.rankType, function (v) {
        change('rankType', Number(v), 'rank_type');
      }),
      select('Period', 'rank_period', d.periods, state.f.rankPeriod, function (v) {
        change('rankPeriod', Number(v), 'rank_period');
      }),
      select('Category', 'indus_cate', cats, state.f.indusCate, function (v) {
        change('indusCate', v, 'indus_cate');
      }),
      select('Content', 'content_type', d.contentTypes, state.f.contentType, function (v) {
        change('contentType', Number(v), 'content_type');
      }),
      h('label', null, 'Date', dateInput),
    );
    var loading = ctx.spinner();
    var listHost = h('div', { class: 'rk-list-host' });
    var date = h('div', { class: 'rk-date' });
    var pager = ctx.totalPager(state, PAGE_SIZE, load, 'rk-page-label');
    main.replaceChildren(
      h('div', { class: 'page-head' }, h('h1', { text: 'Creator rankings' }), h('p', { text: 'Top creators in the marketplace by period, category and content type.' })),
      h('section', { class: 'card rk-panel' }, filters, date, h('div', { class: 'rk-body' }, listHost, loading), pager.nav),
    );
    state.el = { loading: loading, listHost: listHost, date: date, pager: pager };
    updatePager();
    load();

    return {
      rerender: function () {
        if (!state.loading && state.data && !state.error) renderList();
      },
    };
  });
})();
