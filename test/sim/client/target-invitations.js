// Simulated Affiliate Center: Target collaboration (routes 'target-invitations' and 'target-invitation-detail';
// server side in test/sim/surfaces/target-invitations.ts). Loaded after client/core.js.
//
// List: status tabs (?tab=1..4, the codes the search API takes), two filter chips (Accepted invitations, With free
// samples), 20 a page. Markups: markup=table (an Arco table, one row per invitation) and markup=cards (one <article>).
// A row's status is the tab it is listed under: sources disagree on what a record's own `group_status` means
// (research real-shapes.md §5), so the page never reads it.
// Detail (?id=): settings, contacts, products with commissions, invited creators with their accept and posting state;
// its status from its start and end times.
// Edit / End / Remind only record into window.__simActions.
(function () {
  'use strict';

  var PAGE_SIZE = 20;
  var SEARCH_PATH = '/api/v1/oec/affiliate/seller/invitation_group/search';
  var DETAIL_PATH = '/api/v1/oec/affiliate/seller/invitation_group/detail';
  var SEARCH_GROUP_TYPES = [1, 5, 3, 2, 9, 7];
  var STATUS = { 1: ['Ongoing', 's-active'], 2: ['Expiring', 's-pending'], 3: ['Canceling', 's-cancelled'], 4: ['Completed', 's-done'] };
  var CHANNELS = { 6: 'WhatsApp', 7: 'Email', 41: 'LINE', 42: 'Zalo', 44: 'Facebook', 45: 'Telegram', 46: 'Phone' };
  var CONTENT = { 0: 'No preference', 1: 'Video', 2: 'LIVE' };

  /** An element with the given children (h() takes children as arguments, not as an array). */
  function withChildren(h, tag, attrs, children) {
    var el = h(tag, attrs);
    children.forEach(function (c) {
      if (c) el.appendChild(c);
    });
    return el;
  }

  function statusTag(h, code) {
    var s = STATUS[code] || ['Status ' + code, ''];
    return h('span', { class: 'status-tag ' + s[1], text: s[0] });
  }

  /** The detail's status, from its period: Not started, Ongoing, or Ended. */
  function periodTag(h, start, end) {
    var now = Date.now();
    var s = start !== null && now < start ? ['Not started', 's-pending'] : end !== null && now >= end ? ['Ended', 's-done'] : ['Ongoing', 's-active'];
    return h('span', { class: 'status-tag ' + s[1], text: s[0] });
  }

  function endsText(fmt, ms) {
    if (ms === null) return { text: '—', soon: false };
    var left = ms - Date.now();
    if (left <= 0) return { text: 'Ended ' + fmt.date(ms), soon: false };
    return { text: 'Ends ' + fmt.date(ms) + ' (' + fmt.duration(left) + ')', soon: left < 48 * 3600 * 1000 };
  }

  function freeSampleText(rule) {
    if (!rule || typeof rule !== 'object') return '—';
    if (!rule.has_free_sample) return 'No free samples';
    return rule.is_free_sample_auto_review ? 'Free samples, auto-approved' : 'Free samples, manual review';
  }

  // ------------------------------------------------------------------------------------------------------------
  // List

  SimApp.register('target-invitations', function render(main, ctx) {
    var h = ctx.h;
    var fmt = ctx.fmt;
    var tabs = (ctx.data && ctx.data.tabs) || [];

    function readItem(x, tab) {
      if (!x || typeof x !== 'object') return null;
      return {
        id: typeof x.id === 'string' && x.id ? x.id : null,
        name: fmt.str(x.name) || 'Untitled invitation',
        status: tab,
        end: fmt.num(x.end_time),
        invited: fmt.num(x.creator_cnt),
        accepted: fmt.num(x.creator_added_cnt),
        posted: fmt.num(x.creator_posted_cnt),
        products: fmt.num(x.product_cnt),
        rule: x.free_sample_rule,
      };
    }

    function readList(json, tab) {
      if (!json || typeof json !== 'object') throw new Error('Empty response');
      if (json.code !== 0) throw new Error(typeof json.message === 'string' ? json.message : 'Request failed');
      var d = json.data || {};
      var items = (Array.isArray(d.invitation_list) ? d.invitation_list : [])
        .map(function (x) {
          return readItem(x, tab);
        })
        .filter(Boolean);
      var total = fmt.num(d.total);
      return { items: items, total: total === null ? items.length : total };
    }

    function tabFromUrl() {
      var t = Number(ctx.params().get('tab'));
      return tabs.some(function (x) {
        return x.code === t;
      })
        ? t
        : 1;
    }

    var state = { tab: tabFromUrl(), page: 1, accepted: false, freeSample: false, loading: false, data: null, error: null, el: null };
    var fetchList = ctx.listLoader(state, updatePager, renderList);

    function num(v) {
      return v === null ? '—' : String(v);
    }

    function detailLink(item, cls, text) {
      if (!item.id) return h('span', { class: cls, text: text });
      return h('a', { class: cls, href: ctx.hrefFor('target-invitation-detail', { id: item.id }), 'data-spa': '', text: text });
    }

    function actions(item) {
      var wrap = h('div', { class: 'row-actions' });
      wrap.appendChild(detailLink(item, 'btn', 'View details'));
      if (item.status === 1 || item.status === 2) {
        wrap.appendChild(h('button', { type: 'button', class: 'btn', disabled: !item.id, text: 'Edit', onclick: function () { ctx.recordAction({ action: 'edit-invitation', id: item.id }); } }));
        wrap.appendChild(h('button', { type: 'button', class: 'btn', disabled: !item.id, text: 'End', onclick: function () { ctx.recordAction({ action: 'end-invitation', id: item.id }); } }));
      }
      return wrap;
    }

    function row(item) {
      var ends = endsText(fmt, item.end);
      return h(
        'tr',
        { class: 'arco-table-tr' },
        h('td', { class: 'arco-table-td' }, h('div', { class: 'ti-name', text: item.name }), h('div', { class: 'ti-id', text: 'ID: ' + (item.id || '—') })),
        h('td', { class: 'arco-table-td' }, statusTag(h, item.status), h('div', { class: ends.soon ? 'ti-soon' : 'ti-muted', text: ends.text })),
        h('td', { class: 'arco-table-td ti-num', text: num(item.products) }),
        h('td', { class: 'arco-table-td ti-num', text: num(item.invited) }),
        h('td', { class: 'arco-table-td ti-num', text: num(item.accepted) }),
        h('td', { class: 'arco-table-td ti-num', text: num(item.posted) }),
        h('td', { class: 'arco-table-td', text: freeSampleText(item.rule) }),
        h('td', { class: 'arco-table-td' }, actions(item)),
      );
    }

    function card(item) {
      var ends = endsText(fmt, item.end);
      function figure(label, v) {
        return h('div', null, h('b', { text: num(v) }), h('span', { class: 'x-invite__meta', text: label }));
      }
      return h(
        'article',
        { class: 'x-invite' },
        h('div', null, h('h3', { class: 'x-invite__title', text: item.name }), h('div', { class: 'x-invite__meta', text: 'Invitation ID ' + (item.id || '—') + ' · ' + freeSampleText(item.rule) })),
        h('div', null, statusTag(h, item.status), h('div', { class: ends.soon ? 'ti-soon' : 'x-invite__meta', text: ends.text })),
        h('div', { class: 'x-invite__figures' }, figure('Products', item.products), figure('Invited', item.invited), figure('Accepted', item.accepted), figure('Promoted', item.posted)),
        actions(item),
      );
    }

    function updatePager() {
      el.pager.update();
      el.summary.textContent = state.data ? state.data.total + (state.data.total === 1 ? ' invitation' : ' invitations') : '';
    }

    function renderList() {
      if (state.error) return ctx.showError(el.list, 'Could not load invitations (' + state.error + ').', load);
      if (!state.data) return;
      if (!state.data.items.length) return ctx.showEmpty(el.list, 'No invitations');
      if (ctx.markup() === 'cards') {
        el.list.replaceChildren(withChildren(h, 'div', { class: 'ti-cards' }, state.data.items.map(card)));
      } else {
        var headRow = h('tr', null);
        ['Invitation', 'Status', 'Products', 'Invited', 'Accepted', 'Promoted', 'Free samples', 'Action'].forEach(function (label, i) {
          headRow.appendChild(h('th', { text: label, style: i === 0 ? 'width:22%' : i === 1 ? 'width:16%' : null }));
        });
        var tbody = h('tbody', { class: 'arco-table-tbody' });
        state.data.items.forEach(function (item) {
          tbody.appendChild(row(item));
        });
        el.list.replaceChildren(h('div', { class: 'arco-table-container' }, h('table', { class: 'arco-table' }, h('thead', { class: 'arco-table-thead' }, headRow), tbody)));
      }
      ctx.markReady();
    }

    function load() {
      fetchList(function () {
        var params = { query_items: [], filter_accept_status: state.accepted ? 2 : 3, search_group_type: SEARCH_GROUP_TYPES };
        if (state.freeSample) params.free_sample_status = 1;
        var tab = state.tab;
        return ctx.request('POST', SEARCH_PATH, { invitation_group_status: tab, cur_page: state.page, page_size: PAGE_SIZE, search_params: params }).then(function (json) {
          return readList(json, tab);
        });
      });
    }

    function showTab(code) {
      state.tab = code;
      state.page = 1;
      el.tablist.querySelectorAll('[role=tab]').forEach(function (b) {
        b.setAttribute('aria-selected', Number(b.getAttribute('data-tab')) === code ? 'true' : 'false');
      });
      load();
    }

    function chip(label, key) {
      var b = h('button', {
        type: 'button',
        class: 'ti-chip',
        'aria-pressed': 'false',
        text: label,
        onclick: function () {
          state[key] = !state[key];
          b.setAttribute('aria-pressed', state[key] ? 'true' : 'false');
          state.page = 1;
          load();
        },
      });
      return b;
    }

    ctx.setTitle('Target collaboration');
    var tablist = h('div', { class: 'sim-tabs', role: 'tablist', 'aria-label': 'Invitation status' });
    tabs.forEach(function (t) {
      tablist.appendChild(
        h('button', {
          type: 'button',
          role: 'tab',
          'data-tab': t.code,
          'aria-selected': t.code === state.tab ? 'true' : 'false',
          text: t.label,
          onclick: function () {
            ctx.setQuery({ tab: t.code });
            showTab(t.code);
          },
        }),
      );
    });
    var el = {
      tablist: tablist,
      summary: h('span', { class: 'ti-muted', 'aria-live': 'polite' }),
      list: h('div', { class: 'ti-list' }),
      loading: ctx.spinner(),
      pager: ctx.totalPager(state, PAGE_SIZE, load),
    };
    state.el = el;
    main.replaceChildren(
      h('div', { class: 'page-head' }, h('h1', { text: 'Target collaboration' }), h('p', { text: 'Invite creators to promote your products with a higher commission.' })),
      h(
        'section',
        { class: 'card' },
        tablist,
        h('div', { class: 'sim-toolbar' }, h('div', { class: 'ti-filters' }, chip('Accepted invitations', 'accepted'), chip('With free samples', 'freeSample')), el.summary),
        h('div', { class: 'sim-body' }, el.list, el.loading),
        el.pager.nav,
      ),
    );
    updatePager();
    load();

    return {
      update: function () {
        var t = tabFromUrl();
        if (t !== state.tab) showTab(t);
      },
      rerender: function () {
        if (!state.loading && state.data) renderList();
      },
    };
  });

  // ------------------------------------------------------------------------------------------------------------
  // Detail

  SimApp.register('target-invitation-detail', function render(main, ctx) {
    var h = ctx.h;
    var fmt = ctx.fmt;
    var img = ctx.img;
    var id = ctx.params().get('id') || '';
    ctx.setTitle('Invitation details');

    function creatorState(c) {
      var posted = fmt.num(c.content_posted_cnt) || 0;
      var added = fmt.num(c.product_add_cnt) || 0;
      if (posted > 0) return ['Content posted', 's-done'];
      if (added > 0) return ['Accepted', 's-active'];
      return ['Pending', 's-pending'];
    }

    function bps(v) {
      var n = fmt.num(v);
      return n === null ? '—' : fmt.bps(n);
    }

    function priceText(p) {
      if (!p || typeof p !== 'object') return '—';
      var v = fmt.num(p.value);
      return v === null ? '—' : fmt.money(v, typeof p.symbol === 'string' ? p.symbol : undefined);
    }

    function renderDetail(inv) {
      var markup = ctx.markup();
      var contacts = (Array.isArray(inv.contacts_info) ? inv.contacts_info : []).filter(function (c) {
        return c && typeof c.value === 'string' && c.value;
      });
      var products = (Array.isArray(inv.product_list) ? inv.product_list : []).filter(function (p) {
        return p && typeof p === 'object';
      });
      var creators = (Array.isArray(inv.creator_id_list) ? inv.creator_id_list : []).filter(function (c) {
        return c && typeof c === 'object' && c.base_info && typeof c.base_info === 'object';
      });
      var end = fmt.num(inv.end_time);
      var ends = endsText(fmt, end);
      var content = inv.delivery_requirements && typeof inv.delivery_requirements === 'object' ? CONTENT[inv.delivery_requirements.content_option] : undefined;

      var head = h(
        'dl',
        { class: 'tid-head' },
        h('div', null, h('dt', { text: 'Status' }), h('dd', null, periodTag(h, fmt.num(inv.start_time), end))),
        h('div', null, h('dt', { text: 'Valid until' }), h('dd', { class: ends.soon ? 'ti-soon' : '', text: ends.text })),
        h('div', null, h('dt', { text: 'Free samples' }), h('dd', { text: freeSampleText(inv.free_sample_rule) })),
        h('div', null, h('dt', { text: 'Content type' }), h('dd', { text: content || '—' })),
        h(
          'div',
          null,
          h('dt', { text: 'Contact' }),
          h(
            'dd',
            null,
            contacts.length
              ? withChildren(
                  h,
                  'ul',
                  { class: 'tid-contacts' },
                  contacts.map(function (c) {
                    var cc = typeof c.country_code === 'string' && /#\d+$/.test(c.country_code) ? '+' + c.country_code.split('#')[1] + ' ' : '';
                    return h('li', { text: (CHANNELS[c.field] || 'Other') + ': ' + ((c.field === 6 || c.field === 46) ? cc : '') + c.value });
                  }),
                )
              : '—',
          ),
        ),
      );

      var productBlock;
      var creatorBlock;
      if (markup === 'cards') {
        productBlock = withChildren(
          h,
          'div',
          { class: 'y-grid' },
          products.map(function (p) {
            var imgUrl = p.image && Array.isArray(p.image.thumb_url_list) ? p.image.thumb_url_list[0] : undefined;
            return h(
              'div',
              { class: 'y-tile' },
              img('product-image', imgUrl),
              h('div', { class: 'y-tile__name', text: fmt.str(p.title) || 'Untitled product' }),
              h('div', { class: 'y-tile__sub', text: 'Product ID ' + fmt.str(p.product_id) }),
              h('div', { text: 'Price ' + priceText(p.price) + (p.promotion_price ? ' · Promo ' + priceText(p.promotion_price) : '') }),
              h('div', { text: 'Target commission ' + bps(p.target_commission) + ' · Ads ' + bps(p.target_ads_commission) + ' · Open ' + bps(p.open_commission) }),
            );
          }),
        );
        creatorBlock = withChildren(
          h,
          'div',
          { class: 'y-grid' },
          creators.map(function (c) {
            var s = creatorState(c);
            var avatar = c.base_info.avatar && Array.isArray(c.base_info.avatar.url_list) ? c.base_info.avatar.url_list[0] : undefined;
            return h(
              'div',
              { class: 'y-tile' },
              img('creator-avatar', avatar),
              h('div', { class: 'y-tile__name', text: fmt.str(c.base_info.nick_name) || 'TikTok creator' }),
              h('div', { class: 'y-tile__sub', text: fmt.str(c.base_info.user_name) }),
              h('span', { class: 'status-tag ' + s[1], text: s[0] }),
              h('div', { class: 'y-tile__sub', text: fmt.num(c.product_add_cnt) + ' added · ' + fmt.num(c.content_posted_cnt) + ' posted' }),
            );
          }),
        );
      } else {
        productBlock = h(
          'table',
          { class: 'arco-table' },
          h('thead', null, withChildren(h, 'tr', null, ['Product', 'Price', 'Target commission', 'Ads commission', 'Open commission', 'Stock', 'Sold'].map(function (l, i) { return h('th', { text: l, style: i === 0 ? 'width:30%' : null }); }))),
          withChildren(
            h,
            'tbody',
            null,
            products.map(function (p) {
              var imgUrl = p.image && Array.isArray(p.image.thumb_url_list) ? p.image.thumb_url_list[0] : undefined;
              return h(
                'tr',
                null,
                h('td', null, h('div', { class: 'product-cell' }, img('product-image', imgUrl), h('div', null, h('div', { class: 'product-title', text: fmt.str(p.title) }), h('div', { class: 'product-id', text: 'ID: ' + fmt.str(p.product_id) })))),
                h('td', { text: priceText(p.price) }),
                h('td', { text: bps(p.target_commission) }),
                h('td', { text: bps(p.target_ads_commission) }),
                h('td', { text: bps(p.open_commission) }),
                h('td', { text: fmt.str(p.stock) || '—' }),
                h('td', { text: fmt.str(p.item_sold) || '—' }),
              );
            }),
          ),
        );
        creatorBlock = h(
          'table',
          { class: 'arco-table' },
          h('thead', null, withChildren(h, 'tr', null, ['Creator', 'Status', 'Products added', 'Content posted', 'Action'].map(function (l, i) { return h('th', { text: l, style: i === 0 ? 'width:30%' : null }); }))),
          withChildren(
            h,
            'tbody',
            null,
            creators.map(function (c) {
              var s = creatorState(c);
              var handle = fmt.str(c.base_info.user_name);
              var avatar = c.base_info.avatar && Array.isArray(c.base_info.avatar.url_list) ? c.base_info.avatar.url_list[0] : undefined;
              return h(
                'tr',
                null,
                h('td', null, h('div', { class: 'creator-cell' }, img('creator-avatar', avatar), h('div', null, h('div', { class: 'creator-nick', text: fmt.str(c.base_info.nick_name) }), handle ? h('span', { class: 'creator-handle', text: '@' + handle }) : null))),
                h('td', null, h('span', { class: 'status-tag ' + s[1], text: s[0] })),
                h('td', { text: fmt.str(c.product_add_cnt) || '0' }),
                h('td', { text: fmt.str(c.content_posted_cnt) || '0' }),
                h('td', null, h('button', { type: 'button', class: 'btn', text: 'Send message', onclick: function () { ctx.recordAction({ action: 'message-creator', handle: handle }); } })),
              );
            }),
          ),
        );
      }

      main.replaceChildren(
        h('div', { class: 'page-head' }, h('a', { href: ctx.hrefFor('target-invitations', { tab: end !== null && end <= Date.now() ? 4 : 1 }), 'data-spa': '', class: 'ti-muted', text: '← Target collaboration' }), h('h1', { text: fmt.str(inv.name) || 'Invitation' }), h('p', { text: 'Invitation ID ' + fmt.str(inv.id) })),
        h('section', { class: 'card' }, head, h('div', { class: 'tid-message', text: fmt.str(inv.message) })),
        h('section', { class: 'card tid-section' }, h('h2', { text: 'Products (' + products.length + ')' }), productBlock),
        h('section', { class: 'card tid-section' }, h('h2', { text: 'Creators (' + creators.length + ')' }), creatorBlock),
      );
      ctx.markReady();
    }

    main.replaceChildren(h('div', { class: 'sim-loading', role: 'status' }, h('span', { class: 'sim-spinner', 'aria-hidden': 'true' }), 'Loading…'));
    ctx
      .request('POST', DETAIL_PATH, { invitation_group_id: id })
      .then(function (json) {
        if (!json || json.code !== 0 || !json.data || typeof json.data.invitation !== 'object' || !json.data.invitation) throw new Error(json && typeof json.message === 'string' ? json.message : 'Not found');
        return json.data.invitation;
      })
      .then(
        function (inv) {
          if (!ctx.alive()) return;
          renderDetail(inv);
        },
        function (err) {
          if (ctx.alive()) ctx.showError(main, 'Could not load this invitation (' + (err instanceof Error ? err.message : String(err)) + ').');
        },
      );
  });
})();
