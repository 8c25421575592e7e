// Simulated Affiliate Center: Partner campaigns (route 'partner-campaigns'; server side in test/sim/surfaces/partner-campaigns.ts).
// Every view is a query of the same page, so back/forward and links work like the real app:
//   tab=marketplace&scope=all|target|local     Campaign marketplace (agency-initiated campaigns open for registration)
//   tab=my&kind=agency|seller                  My campaigns (joined agency campaigns / seller-initiated campaigns)
//   campaign_id=…                              campaign details (periods, commission requirement, partner contact)
//   campaign_id=…&view=products&status_tab=N   registered products of a campaign, by review state
// Markups: markup=table (default) and markup=cards, with different class names. Buttons only record actions.
// The page reads the answer in every form the server's wire variants send (the list under data.campaign,
// data.campaign_list or at the top level; msg or message; status names or codes; times in ms or seconds, as strings or
// numbers; the partner side's field names), as a tolerant app would.
(function () {
  'use strict';

  var SEARCH = '/api/v1/affiliate/campaign/search';
  var DETAIL = '/api/v1/affiliate/campaign/detail/get';
  var REGISTERED = '/api/v1/affiliate/campaign/registered_products/get';
  var HOUR = 3600000;

  var CAMPAIGN_STATUS = { 1: 'Ready', 2: 'Upcoming', 3: 'Ongoing', 4: 'Closed', READY: 'Ready', UPCOMING: 'Upcoming', ONGOING: 'Ongoing', CLOSED: 'Closed' };
  var REG_CODE = { PENDING: 1, APPROVED: 2, LIVE: 3, REJECTED: 4, REJECT_FOREVER: 5, PENDING_CLOSED: 6, CLOSED: 7 };
  var REG_STATUS = {
    1: ['Pending review', 's-pending'],
    2: ['Approved', 's-active'],
    3: ['Live', 's-done'],
    4: ['Rejected', 's-cancelled'],
    5: ['Rejected · cannot re-register', 's-cancelled'],
    6: ['Cancellation requested', 's-pending'],
    7: ['Cancelled', 's-cancelled'],
  };
  var SCOPES = [
    ['all', 'All campaigns', 0],
    ['target', 'Target campaigns', 2],
    ['local', 'Local agency campaigns', 3],
  ];
  var KINDS = [
    ['agency', 'Agency campaigns', 1],
    ['seller', 'Seller-initiated campaigns', 2],
  ];

  SimApp.register('partner-campaigns', function render(main, ctx) {
    var h = ctx.h;
    var fmt = ctx.fmt;
    var boot = ctx.data || { pageSize: 10, registeredPageSize: 20, statusTabs: [] };
    var settle = ctx.latest();
    var last = null; // { kind, json, fetchedAt } of the current view, for rerender

    function go(extra) {
      ctx.navigate(ctx.hrefFor('partner-campaigns', extra));
    }

    /** Epoch ms from ms or seconds, a string or a number. */
    function time(v) {
      var n = fmt.num(v);
      return n === null ? null : n < 1e11 ? n * 1000 : n;
    }

    function period(a, b) {
      var s = time(a);
      var e = time(b);
      return s === null || e === null ? '—' : fmt.date(s) + ' – ' + fmt.date(e);
    }

    function rate(v) {
      var n = fmt.num(v);
      return n === null ? '—' : fmt.bps(n);
    }

    /** A rate in bps (`*_rate`), else from a percent string (`*_percent`). */
    function rateOf(bps, percent) {
      var p = fmt.num(typeof percent === 'string' ? percent.replace('%', '') : percent);
      return fmt.num(bps) !== null ? rate(bps) : p === null ? '—' : fmt.bps(Math.round(p * 100));
    }

    function firstList(d, names) {
      for (var i = 0; i < names.length; i++) if (Array.isArray(d[names[i]])) return d[names[i]];
      return [];
    }

    function tabButton(label, selected, onclick) {
      return h('button', { type: 'button', role: 'tab', 'aria-selected': selected ? 'true' : 'false', onclick: onclick, text: label });
    }

    /** Requests one view's data into `host`: `show(data)` draws it; a failure shows in `host` with a Retry. */
    function fetchView(host, path, body, show) {
      function load() {
        settle(ctx.request('POST', path, body).then(envelope), show, function (message) {
          ctx.showError(host, 'Something went wrong (' + message + ').', load);
        });
      }
      load();
    }

    function envelope(json) {
      if (!json || typeof json !== 'object') throw new Error('Empty response');
      var message = typeof json.message === 'string' ? json.message : typeof json.msg === 'string' ? json.msg : 'Request failed';
      if (json.code !== 0) throw new Error(message);
      return json.data && typeof json.data === 'object' ? json.data : json;
    }

    // --------------------------------------------------------------------------------------------------------
    // Campaign lists

    function readCampaign(c) {
      if (!c || typeof c !== 'object') return null;
      var partner = c.partner_info && typeof c.partner_info === 'object' ? c.partner_info : null;
      var extra = c.seller_campaign_extra && typeof c.seller_campaign_extra === 'object' ? c.seller_campaign_extra : {};
      var stats = c.campaign_statistics && typeof c.campaign_statistics === 'object' ? c.campaign_statistics : {};
      return {
        id: fmt.str(c.campaign_id),
        name: fmt.str(c.name) || 'Untitled campaign',
        partner: partner ? fmt.str(partner.partner_name) : '',
        status: CAMPAIGN_STATUS[fmt.str(c.status)] || fmt.str(c.status) || '—',
        regStart: c.registration_start_time,
        regEnd: time(c.registration_end_time),
        start: c.campaign_start_time !== undefined ? c.campaign_start_time : c.promotion_start_time,
        end: c.campaign_end_time !== undefined ? c.campaign_end_time : c.promotion_end_time,
        commission: rate(c.commission_rate !== undefined ? c.commission_rate : extra.min_commission_rate),
        registered: fmt.num(c.registered_product_cnt !== undefined ? c.registered_product_cnt : stats.registered_product_num),
        joined: fmt.num(c.joined_partner_cnt),
        source: fmt.num(c.campaign_source),
      };
    }

    function closingNote(c, fetchedAt) {
      if (c.regEnd === null) return null;
      var left = c.regEnd - fetchedAt;
      return left > 0 && left < 48 * HOUR ? h('div', { class: 'pc-closing', text: 'Registration closes in ' + fmt.duration(left).replace(' left', '') }) : null;
    }

    function campaignActions(c, my) {
      var wrap = h('div', { class: 'row-actions' });
      if (c.id) {
        wrap.appendChild(h('a', { class: 'btn', href: ctx.hrefFor('partner-campaigns', { campaign_id: c.id }), 'data-spa': '', text: 'View details' }));
        if (my) wrap.appendChild(h('a', { class: 'btn', href: ctx.hrefFor('partner-campaigns', { campaign_id: c.id, view: 'products' }), 'data-spa': '', text: 'View data' }));
        else
          wrap.appendChild(
            h('button', {
              type: 'button',
              class: 'btn btn-primary',
              text: 'Register products',
              onclick: function () {
                ctx.recordAction({ action: 'register', campaignId: c.id });
              },
            }),
          );
      }
      return wrap;
    }

    function campaignTable(list, fetchedAt, my) {
      var tbody = h('tbody', { class: 'arco-table-tbody' });
      list.forEach(function (c) {
        tbody.appendChild(
          h(
            'tr',
            { class: 'arco-table-tr', 'data-campaign-id': c.id },
            h('td', { class: 'arco-table-td' }, h('div', { class: 'pc-name', text: c.name }), c.partner ? h('div', { class: 'pc-partner', text: c.partner }) : null, closingNote(c, fetchedAt)),
            h('td', { class: 'arco-table-td', text: c.commission }),
            h('td', { class: 'arco-table-td', text: period(c.regStart, c.regEnd) }),
            h('td', { class: 'arco-table-td', text: period(c.start, c.end) }),
            h('td', { class: 'arco-table-td' }, h('span', { class: 'status-tag', text: c.status }), my && c.registered !== null ? h('div', { class: 'pc-partner', text: c.registered + ' products registered' }) : null),
            h('td', { class: 'arco-table-td' }, campaignActions(c, my)),
          ),
        );
      });
      var head = h('tr', { class: 'arco-table-tr' });
      ['Campaign', 'Commission requirement', 'Registration period', 'Campaign period', 'Status', 'Action'].forEach(function (l) {
        head.appendChild(h('th', { class: 'arco-table-th', text: l }));
      });
      return h('div', { class: 'arco-table-container' }, h('table', { class: 'arco-table' }, h('thead', { class: 'arco-table-thead' }, head), tbody));
    }

    function campaignCards(list, fetchedAt, my) {
      var grid = h('div', { class: 'pc-grid' });
      list.forEach(function (c) {
        grid.appendChild(
          h(
            'article',
            { class: 'pc-card', 'data-campaign-id': c.id },
            h('h3', { text: c.name }),
            c.partner ? h('div', { class: 'pc-partner', text: 'by ' + c.partner }) : null,
            closingNote(c, fetchedAt),
            h(
              'dl',
              null,
              h('dt', { text: 'Commission' }),
              h('dd', { text: c.commission }),
              h('dt', { text: 'Register by' }),
              h('dd', { text: c.regEnd === null ? '—' : fmt.date(c.regEnd) }),
              h('dt', { text: 'Runs' }),
              h('dd', { text: period(c.start, c.end) }),
              h('dt', { text: 'Status' }),
              h('dd', { text: c.status + (my && c.registered !== null ? ' · ' + c.registered + ' registered' : '') }),
            ),
            campaignActions(c, my),
          ),
        );
      });
      return grid;
    }

    function pager(page, total, size, extra) {
      var pages = Math.max(1, Math.ceil(total / size));
      function to(p) {
        return function () {
          var q = {};
          for (var k in extra) q[k] = extra[k];
          q.page = p;
          go(q);
        };
      }
      var el = ctx.pager(to(page - 1), to(page + 1));
      el.prev.disabled = page <= 1;
      el.next.disabled = page >= pages;
      el.label.textContent = 'Page ' + page + ' of ' + pages;
      return el.nav;
    }

    function showList(p) {
      var tab = p.get('tab') === 'my' ? 'my' : 'marketplace';
      var scope = SCOPES.filter(function (s) {
        return s[0] === p.get('scope');
      })[0] || SCOPES[0];
      var kind = KINDS.filter(function (k) {
        return k[0] === p.get('kind');
      })[0] || KINDS[0];
      var page = Math.max(1, Number(p.get('page')) || 1);
      var my = tab === 'my';
      ctx.setTitle('Partner campaigns');

      var tabs = h(
        'div',
        { class: 'pc-tabs', role: 'tablist', 'aria-label': 'Partner campaigns' },
        tabButton('Campaign marketplace', !my, function () {
          go({ tab: 'marketplace' });
        }),
        tabButton('My campaigns', my, function () {
          go({ tab: 'my' });
        }),
      );
      var subtabs = h('div', { class: 'pc-subtabs', role: 'tablist', 'aria-label': my ? 'Campaign type' : 'Campaign filter' });
      (my ? KINDS : SCOPES).forEach(function (s) {
        subtabs.appendChild(
          tabButton(s[1], s === (my ? kind : scope), function () {
            go(my ? { tab: 'my', kind: s[0] } : { tab: 'marketplace', scope: s[0] });
          }),
        );
      });
      var host = h('div', { class: 'sim-body' }, h('div', { class: 'sim-loading', role: 'status' }, h('span', { class: 'sim-spinner', 'aria-hidden': 'true' }), 'Loading…'));
      main.replaceChildren(
        h('div', { class: 'page-head' }, h('h1', { text: 'Partner campaigns' }), h('p', { text: 'Work with affiliate partners (TAP): register products in agency campaigns or start your own.' })),
        h('section', { class: 'card' }, tabs, subtabs, host),
      );
      var body = { campaign_source: my ? kind[2] : 1, query_type: my ? 2 : 1, campaign_scope: my ? 0 : scope[2], cur_page: page, page_size: boot.pageSize };
      var extra = my ? { tab: 'my', kind: kind[0] } : { tab: 'marketplace', scope: scope[0] };
      fetchView(host, SEARCH, body, function (data) {
        last = { kind: 'list', data: data, fetchedAt: Date.now(), my: my, host: host, page: page, extra: extra };
        drawList();
      });
    }

    function drawList() {
      var d = last.data;
      var list = firstList(d, ['campaign', 'campaign_list', 'campaigns']).map(readCampaign).filter(Boolean);
      var total = fmt.num(d.total !== undefined ? d.total : d.total_num) || 0;
      if (list.length === 0) return ctx.showEmpty(last.host, last.my ? 'You have not joined any campaigns yet' : 'No campaigns match this filter');
      var rows = ctx.markup(['table', 'cards']) === 'cards' ? campaignCards(list, last.fetchedAt, last.my) : campaignTable(list, last.fetchedAt, last.my);
      last.host.replaceChildren(h('div', { class: 'sim-toolbar' }, h('span', { class: 'pc-partner', text: total + (total === 1 ? ' campaign' : ' campaigns') })), rows, pager(last.page, total, boot.pageSize, last.extra));
      ctx.markReady();
    }

    // --------------------------------------------------------------------------------------------------------
    // Campaign details

    function showDetail(id) {
      ctx.setTitle('Campaign details');
      var host = h('section', { class: 'card pc-detail' }, h('div', { class: 'sim-loading', role: 'status', text: 'Loading…' }));
      main.replaceChildren(h('div', { class: 'page-head' }, h('a', { class: 'pc-back', href: ctx.hrefFor('partner-campaigns', { tab: 'marketplace' }), 'data-spa': '', text: '← Partner campaigns' }), h('h1', { text: 'Campaign details' })), host);
      fetchView(host, DETAIL, { campaign_id: id }, function (data) {
        last = { kind: 'detail', data: data, host: host, id: id };
        drawDetail();
      });
    }

    function drawDetail() {
      var raw = Array.isArray(last.data.campaign) ? last.data.campaign[0] || {} : last.data.campaign || {};
      var c = readCampaign(raw);
      var contact = raw.contact_info && typeof raw.contact_info === 'object' ? raw.contact_info : {};
      var channels = [
        ['Email', contact.email],
        ['Phone', contact.phone],
        ['WhatsApp', contact.whatsapp],
        ['LINE', contact.line],
        ['Zalo', contact.zalo],
        ['Viber', contact.viber],
      ].filter(function (x) {
        return fmt.str(x[1]);
      });
      var cards = ctx.markup(['table', 'cards']) === 'cards';
      var facts = [
        ['Campaign name', c.name],
        ['Campaign detail', fmt.str(raw.description) || '—'],
        ['Registration period', period(c.regStart, c.regEnd)],
        ['Campaign period', period(c.start, c.end)],
        ['Commission requirement', c.commission + ' total (partner + creator)'],
        ['Status', c.status],
        [c.source === 2 ? 'Partners joined' : 'Affiliate partner', c.source === 2 ? String(c.joined === null ? 0 : c.joined) : c.partner || '—'],
      ];
      var list = cards ? h('div', { class: 'pc-grid' }) : h('dl', null);
      facts.forEach(function (f) {
        if (cards) list.appendChild(h('div', { class: 'pc-card' }, h('div', { class: 'pc-partner', text: f[0] }), h('div', { class: 'pc-name', text: f[1] })));
        else {
          list.appendChild(h('dt', { text: f[0] }));
          list.appendChild(h('dd', { text: f[1] }));
        }
      });
      var contactList = h('ul', { class: 'pc-contact' });
      channels.forEach(function (x) {
        contactList.appendChild(h('li', { text: x[0] + ': ' + fmt.str(x[1]) }));
      });
      last.host.replaceChildren(
        h('h2', { text: c.name }),
        list,
        fmt.str(raw.message) ? h('blockquote', { class: 'pc-message', text: fmt.str(raw.message) }) : null,
        channels.length ? h('div', null, h('h3', { text: 'Partner contact' }), contactList) : null,
        h(
          'div',
          { class: 'row-actions' },
          h('button', {
            type: 'button',
            class: 'btn btn-primary',
            text: 'Register products',
            onclick: function () {
              ctx.recordAction({ action: 'register', campaignId: last.id });
            },
          }),
          h('a', { class: 'btn', href: ctx.hrefFor('partner-campaigns', { campaign_id: last.id, view: 'products' }), 'data-spa': '', text: 'Registered products' }),
        ),
      );
      ctx.markReady();
    }

    // --------------------------------------------------------------------------------------------------------
    // Registered products

    function readRegistration(r) {
      if (!r || typeof r !== 'object') return null;
      var contact = r.contact_info && typeof r.contact_info === 'object' ? r.contact_info : {};
      var state = REG_CODE[fmt.str(r.status)] || fmt.num(r.status);
      return {
        productId: fmt.str(r.product_id),
        title: fmt.str(r.product_name) || 'Untitled product',
        image: r.main_image && Array.isArray(r.main_image.url_list) ? r.main_image.url_list[0] : null,
        state: state,
        canReRegister: r.can_re_register !== false,
        reason: fmt.str(r.reject_reason_text),
        total: rateOf(r.total_commission_rate, r.total_commission_percent),
        creator: rateOf(r.creator_commission_rate, r.creator_commission_percent),
        partner: rateOf(r.partner_commission_rate, r.partner_commission_percent),
        samples: fmt.num(r.sample_quantity),
        email: fmt.str(contact.email),
        whatsapp: fmt.str(contact.whatsapp),
      };
    }

    function regTag(r) {
      var s = REG_STATUS[r.state] || ['Unknown', ''];
      var label = r.state === 4 && !r.canReRegister ? REG_STATUS[5][0] : s[0];
      return h('span', { class: 'status-tag ' + s[1], text: label });
    }

    function regActions(r) {
      var wrap = h('div', { class: 'row-actions' });
      function act(action) {
        return function () {
          ctx.recordAction({ action: action, campaignId: last.id, productId: r.productId });
        };
      }
      if (r.state === 4 && r.canReRegister) wrap.appendChild(h('button', { type: 'button', class: 'btn', text: 'Re-register', onclick: act('reregister') }));
      if (r.state === 2 || r.state === 3) wrap.appendChild(h('button', { type: 'button', class: 'btn', text: 'Close', onclick: act('close') }));
      if (r.state === 1 || r.state === 2 || r.state === 3) wrap.appendChild(h('button', { type: 'button', class: 'btn', text: 'Edit', onclick: act('edit') }));
      return wrap;
    }

    function contactText(r) {
      return [r.email, r.whatsapp ? 'WhatsApp ' + r.whatsapp : ''].filter(Boolean).join(' · ') || '—';
    }

    function showProducts(id, p) {
      var statusTab = Number(p.get('status_tab')) || 0;
      var page = Math.max(1, Number(p.get('page')) || 1);
      ctx.setTitle('Registered products');
      var tabs = h('div', { class: 'pc-tabs', role: 'tablist', 'aria-label': 'Registration status' });
      boot.statusTabs.forEach(function (t) {
        tabs.appendChild(
          tabButton(t.label, t.code === statusTab, function () {
            go({ campaign_id: id, view: 'products', status_tab: t.code });
          }),
        );
      });
      var host = h('div', { class: 'sim-body' }, h('div', { class: 'sim-loading', role: 'status', text: 'Loading…' }));
      main.replaceChildren(
        h('div', { class: 'page-head' }, h('a', { class: 'pc-back', href: ctx.hrefFor('partner-campaigns', { campaign_id: id }), 'data-spa': '', text: '← Campaign details' }), h('h1', { text: 'Registered products' })),
        h('section', { class: 'card' }, tabs, host),
      );
      fetchView(host, REGISTERED, { campaign_id: id, status_tab: statusTab, cur_page: page, page_size: boot.registeredPageSize }, function (data) {
        last = { kind: 'products', data: data, host: host, id: id, page: page, extra: { campaign_id: id, view: 'products', status_tab: statusTab } };
        drawProducts();
      });
    }

    function drawProducts() {
      var d = last.data;
      var list = firstList(d, ['product_list', 'products']).map(readRegistration).filter(Boolean);
      var total = fmt.num(d.total) || 0;
      if (list.length === 0) return ctx.showEmpty(last.host, 'No registered products');
      var rows;
      if (ctx.markup(['table', 'cards']) === 'cards') {
        rows = h('div', { class: 'pc-reg-list' });
        list.forEach(function (r) {
          rows.appendChild(
            h(
              'article',
              { class: 'pc-reg', 'data-product-id': r.productId },
              ctx.img('product-image', r.image),
              h(
                'div',
                { class: 'pc-reg__body' },
                h('div', { class: 'product-title', text: r.title }),
                h('div', { class: 'product-id', text: 'ID: ' + r.productId }),
                h('div', { class: 'pc-reg__meta', text: 'Total commission ' + r.total + ' (creator ' + r.creator + ', partner ' + r.partner + ') · Samples ' + (r.samples === null ? '—' : r.samples) }),
                h('div', { class: 'pc-reg__meta', text: contactText(r) }),
                r.reason ? h('div', { class: 'pc-reason', text: 'Reason: ' + r.reason }) : null,
              ),
              h('div', null, regTag(r), regActions(r)),
            ),
          );
        });
      } else {
        var tbody = h('tbody', { class: 'arco-table-tbody' });
        list.forEach(function (r) {
          tbody.appendChild(
            h(
              'tr',
              { class: 'arco-table-tr', 'data-product-id': r.productId },
              h('td', { class: 'arco-table-td' }, h('div', { class: 'product-cell' }, ctx.img('product-image', r.image), h('div', { class: 'product-info' }, h('div', { class: 'product-title', text: r.title }), h('div', { class: 'product-id', text: 'ID: ' + r.productId })))),
              h('td', { class: 'arco-table-td', text: r.total }),
              h('td', { class: 'arco-table-td', text: r.samples === null ? '—' : String(r.samples) }),
              h('td', { class: 'arco-table-td pc-contact-cell', text: contactText(r) }),
              h('td', { class: 'arco-table-td' }, regTag(r), r.reason ? h('div', { class: 'pc-reason', text: r.reason }) : null),
              h('td', { class: 'arco-table-td' }, regActions(r)),
            ),
          );
        });
        var head = h('tr', { class: 'arco-table-tr' });
        ['Product', 'Total commission', 'Sample quantity', 'Contact', 'Status', 'Action'].forEach(function (l) {
          head.appendChild(h('th', { class: 'arco-table-th', text: l }));
        });
        rows = h('div', { class: 'arco-table-container' }, h('table', { class: 'arco-table' }, h('thead', { class: 'arco-table-thead' }, head), tbody));
      }
      last.host.replaceChildren(rows, pager(last.page, total, boot.registeredPageSize, last.extra));
      ctx.markReady();
    }

    // --------------------------------------------------------------------------------------------------------

    function show() {
      last = null;
      var p = ctx.params();
      var id = p.get('campaign_id');
      if (id && p.get('view') === 'products') showProducts(id, p);
      else if (id) showDetail(id);
      else showList(p);
    }

    show();
    return {
      update: show,
      rerender: function () {
        if (!last) return;
        if (last.kind === 'list') drawList();
        else if (last.kind === 'detail') drawDetail();
        else drawProducts();
      },
    };
  });
})();
