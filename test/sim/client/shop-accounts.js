// Simulated Affiliate Center: Linked accounts (route 'shop-accounts'; server side in test/sim/surfaces/shop-accounts.ts).
// The shop's TikTok accounts by role (official, marketing, affiliate), with the limits the seller centre states.
// Markups: markup=table (default) and markup=cards, with different class names.
(function () {
  'use strict';

  var ROLES = { 1: 'Official account', 2: 'Marketing account', 3: 'Affiliate account', OFFICIAL_ACCOUNT: 'Official account', MARKETING_ACCOUNT: 'Marketing account', AFFILIATE_ACCOUNT: 'Affiliate account' };
  var ROLE_KEY = { 'Official account': 'official', 'Marketing account': 'marketing', 'Affiliate account': 'affiliate' };

  SimApp.register('shop-accounts', function render(main, ctx) {
    var h = ctx.h;
    var fmt = ctx.fmt;
    var last = null;
    ctx.setTitle('Linked accounts');

    function read(a) {
      if (!a || typeof a !== 'object') return null;
      var role = ROLES[fmt.str(a.account_type)] || 'Other';
      return {
        id: fmt.str(a.user_id),
        handle: fmt.str(a.unique_id),
        nick: fmt.str(a.nick_name) || fmt.str(a.unique_id),
        role: role,
        avatar: a.avatar && Array.isArray(a.avatar.url_list) ? a.avatar.url_list[0] : null,
        linked: fmt.num(a.bind_time),
      };
    }

    function draw() {
      var list = (Array.isArray(last.account_list) ? last.account_list : []).map(read).filter(Boolean);
      var count = { official: 0, marketing: 0, affiliate: 0 };
      list.forEach(function (a) {
        var k = ROLE_KEY[a.role];
        if (k) count[k] += 1;
      });
      var limits = h(
        'div',
        { class: 'sa-limits' },
        h('span', { class: count.official > 1 ? 'over' : null, text: 'Official: ' + count.official + ' / 1' }),
        h('span', { class: count.marketing > 4 ? 'over' : null, text: 'Marketing: ' + count.marketing + ' / 4' }),
        h('span', { text: 'Affiliate: ' + count.affiliate }),
      );
      var body;
      if (ctx.markup(['table', 'cards']) === 'cards') {
        body = h('div', { class: 'sa-list' });
        list.forEach(function (a) {
          body.appendChild(
            h(
              'article',
              { class: 'sa-item', 'data-account-id': a.id },
              ctx.img('creator-avatar', a.avatar),
              h('div', { class: 'sa-item__who' }, h('div', { class: 'sa-item__nick', text: a.nick }), h('div', { class: 'sa-item__meta', text: '@' + a.handle + ' · ' + a.role }), h('div', { class: 'sa-item__meta', text: a.linked === null ? '' : 'Linked ' + fmt.date(a.linked) })),
            ),
          );
        });
      } else {
        var tbody = h('tbody', { class: 'arco-table-tbody' });
        list.forEach(function (a) {
          tbody.appendChild(
            h(
              'tr',
              { class: 'arco-table-tr', 'data-account-id': a.id },
              h('td', { class: 'arco-table-td' }, h('div', { class: 'creator-cell' }, ctx.img('creator-avatar', a.avatar), h('div', null, h('div', { class: 'creator-nick', text: a.nick }), h('span', { class: 'creator-handle', text: '@' + a.handle })))),
              h('td', { class: 'arco-table-td' }, h('span', { class: 'sa-role', text: a.role })),
              h('td', { class: 'arco-table-td', text: a.linked === null ? '—' : fmt.date(a.linked) }),
              h(
                'td',
                { class: 'arco-table-td' },
                h('button', {
                  type: 'button',
                  class: 'btn',
                  text: 'Unlink',
                  onclick: function () {
                    ctx.recordAction({ action: 'unlink', accountId: a.id });
                  },
                }),
              ),
            ),
          );
        });
        body = h('div', { class: 'arco-table-container' }, h('table', { class: 'arco-table' }, h('thead', { class: 'arco-table-thead' }, h('tr', null, h('th', { text: 'Account' }), h('th', { text: 'Role' }), h('th', { text: 'Linked' }), h('th', { text: 'Action' }))), tbody));
      }
      last.host.replaceChildren(limits, list.length ? body : h('div', { class: 'sim-empty', text: 'No linked accounts' }));
      ctx.markReady();
    }

    var host = h('div', { class: 'sim-body' }, h('div', { class: 'sim-loading', role: 'status', text: 'Loading…' }));
    main.replaceChildren(
      h('div', { class: 'page-head' }, h('h1', { text: 'Linked accounts' }), h('p', { text: 'TikTok accounts that show your products in their showcase: one official account, up to four marketing accounts, and any number of affiliates.' })),
      h('section', { class: 'card' }, host),
    );
    var settle = ctx.latest();
    function load() {
      settle(
        ctx.request('GET', '/api/v1/affiliate/seller/linked_accounts'),
        function (json) {
          if (!json || json.code !== 0) return ctx.showError(host, 'Could not load linked accounts.');
          // The list under `data`, or at the top level beside `code`.
          last = { account_list: (json.data && typeof json.data === 'object' ? json.data : json).account_list, host: host };
          draw();
        },
        function (message) {
          ctx.showError(host, 'Something went wrong (' + message + ').', load);
        },
      );
    }
    load();
    return {
      rerender: function () {
        if (last) draw();
      },
    };
  });
})();
