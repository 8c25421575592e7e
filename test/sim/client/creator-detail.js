// Simulated Affiliate Center: Creator detail (route 'creator-detail'; server side in test/sim/surfaces/creator-detail.ts).
// Reads `cid` from the URL and asks marketplace/profile once per profile type (1–5, each its own request, in parallel)
// plus lux/creator/auth_profiles; renders once every request has settled. Each answer holds only its part: the overview
// (1) names the creator, the others do not; the trend (4) is `creator_profile_trend_data` only. A part that fails shows
// its own error.
// Markups: markup=sections (default: a header card and one card per part) and markup=rows (one table of every figure).
// (Not `table`: the markup switch is kept across pages, and Find creators' table markup must open the default here.)
(function () {
  'use strict';

  var PROFILE_PATH = '/api/v1/oec/affiliate/creator/marketplace/profile';
  var AUTH_PATH = '/api/v1/affiliate/lux/creator/auth_profiles';
  var PART_TITLES = { 1: 'Overview', 2: 'Performance', 3: 'Followers', 4: 'Trend', 5: 'Top videos' };

  SimApp.register('creator-detail', function render(main, ctx) {
    var h = ctx.h;
    var img = ctx.img;
    var fmt = ctx.fmt;
    var types = ctx.data.profileTypes;

    function unwrap(f) {
      if (f && typeof f === 'object' && !Array.isArray(f)) {
        if ('value' in f && !('symbol' in f) && !('currency' in f)) return f.value;
        if (!('value' in f) && ('is_authorized' in f || 'status' in f)) return null;
      }
      return f === undefined ? null : f;
    }
    function money(f) {
      var v = unwrap(f);
      if (v === null || typeof v !== 'object') return null;
      if (typeof v.format === 'string') return v.format;
      if (v.value && typeof v.value === 'object' && typeof v.value.format === 'string') return v.value.format;
      if (typeof v.minimal_format === 'string') return v.minimal === v.maximum ? v.minimal_format : v.minimal_format + ' – ' + (v.maximum_format || '');
      var amount = v.value && typeof v.value === 'object' ? v.value.value : v.value;
      var n = fmt.num(amount);
      if (n === null) return null;
      return /^[A-Z]{3}$/.test(v.symbol) ? fmt.money(n, v.symbol) : (fmt.str(v.symbol) || '') + n;
    }
    function count(f) {
      var n = fmt.num(unwrap(f));
      return n === null ? null : fmt.compact(n);
    }
    function rate(f) {
      var v = unwrap(f);
      if (typeof v === 'string' && /%$/.test(v)) return v;
      var n = fmt.num(v);
      return n === null ? null : fmt.bps(n);
    }
    function shares(f) {
      var v = unwrap(f);
      if (!Array.isArray(v)) return null;
      return v
        .map(function (s) {
          var n = fmt.num(s && s.value);
          return s && n !== null ? fmt.str(s.key) + ' ' + (n <= 1 ? Math.round(n * 1000) / 10 + '%' : fmt.compact(n)) : null;
        })
        .filter(Boolean)
        .join(' · ');
    }

    /** Figures shown for a part: [label, text] pairs; hidden or missing values show as "Not authorised" / "—". */
    function figures(type, part) {
      var p = part.profile;
      var or = function (v, hidden) {
        return v === null || v === undefined || v === '' ? hidden : v;
      };
      switch (type) {
        case 1:
          return [
            ['Bio', or(fmt.str(unwrap(p.bio)), '—')],
            ['GMV', or(money(p.med_gmv_revenue), or(fmt.str(unwrap(p.med_gmv_revenue_range)), 'Not authorised'))],
            ['Items sold', or(count(p.units_sold), or(fmt.str(unwrap(p.units_sold_range)), 'Not authorised'))],
            ['Video GMV', or(money(p.video_gmv), '—')],
            ['LIVE GMV', or(money(p.live_gmv), '—')],
            ['Median commission', or(rate(p.med_commission_rate), or(fmt.str(unwrap(p.med_commission_rate_range)), '—'))],
            ['Fulfilment (90d)', or(rate(p.creator_fulfillment_score_90d), 'Not authorised')],
            ['Brands', or(count(p.collaborated_brands_num), '—')],
          ];
        case 2:
          return [
            ['GPM', or(money(p.gpm), 'Not authorised')],
            ['Video GPM', or(money(p.ec_video_gpm), 'Not authorised')],
            ['LIVE GPM', or(money(p.ec_live_gpm), 'Not authorised')],
            ['Median video views', or(count(p.ec_video_med_view_cnt), '—')],
            ['Median LIVE views', or(count(p.ec_live_med_view_cnt), '—')],
            ['Video engagement', or(rate(p.ec_video_engagement), '—')],
            ['LIVE engagement', or(rate(p.ec_live_engagement), '—')],
            ['Est. post rate', or(rate(p.sample_fulfillment_rate), 'Not authorised')],
            ['Revenue per buyer', or(money(p.avg_revenue_per_buyer), 'Not authorised')],
          ];
        case 3:
          return [
            ['Gender', or(shares(p.follower_genders_v2), '—')],
            ['Age', or(shares(p.follower_ages_v2), '—')],
            ['Location', or(shares(p.follower_state_location), '—')],
          ];
        case 4: {
          var points = trendPoints(part.trend);
          var last = points[points.length - 1];
          return [
            ['Days', points.length ? String(points.length) : 'No trend shown'],
            ['Followers (last day)', last ? or(count(last.trend_follower), '—') : '—'],
            ['GMV (last day)', last ? or(money(last.trend_gmv), '—') : '—'],
          ];
        }
        default: {
          var videos = unwrap(p.ec_top_video_data);
          var list = Array.isArray(videos) ? videos : [];
          return [
            ['Videos', String(list.length)],
            ['Top views', list.length ? or(count(list[0] && list[0].play_cnt), '—') : '—'],
          ];
        }
      }
    }

    /** Trend points, in `{filter, stats[]}` blocks (a list or an object of them) or straight in the list. */
    function trendPoints(trend) {
      if (!trend || typeof trend !== 'object') return [];
      var items = Array.isArray(trend) ? trend : Object.keys(trend).map(function (k) {
        return trend[k];
      });
      var out = [];
      items.forEach(function (item) {
        if (item && Array.isArray(item.stats)) item.stats.forEach(function (x) {
          if (x && x.profile) out.push(x.profile);
        });
        else if (item && item.profile) out.push(item.profile);
      });
      return out;
    }

    function readPart(json) {
      if (!json || typeof json !== 'object') throw new Error('Empty response');
      if (json.code !== 0) throw new Error(typeof json.message === 'string' ? json.message : 'Request failed');
      var p = json.creator_profile && typeof json.creator_profile === 'object' ? json.creator_profile : {};
      var c = json.creator_connect_info && typeof json.creator_connect_info === 'object' ? json.creator_connect_info : {};
      return { profile: p, connect: c, trend: json.creator_profile_trend_data };
    }

    var markup = ctx.markup(['sections', 'rows']);

    /** markup=rows: every part as a group of rows in one table. */
    function partRows(type, result) {
      var body = h('tbody', { 'data-profile-type': String(type) }, h('tr', null, h('th', { colspan: '2', scope: 'rowgroup', text: PART_TITLES[type] || 'Part ' + type })));
      if (result.error) body.appendChild(h('tr', null, h('td', { colspan: '2', class: 'sim-error', role: 'alert', text: 'Could not load this section (' + result.error + ').' })));
      else
        figures(type, result.value).forEach(function (pair) {
          body.appendChild(h('tr', null, h('th', { scope: 'row', text: pair[0] }), h('td', { text: String(pair[1]) })));
        });
      return body;
    }

    function partCard(type, result) {
      var body;
      if (result.error) body = h('div', { class: 'sim-error', role: 'alert', text: 'Could not load this section (' + result.error + ').' });
      else {
        body = h('dl');
        figures(type, result.value).forEach(function (pair) {
          body.appendChild(h('dt', { text: pair[0] }));
          body.appendChild(h('dd', { text: String(pair[1]) }));
        });
      }
      return h('section', { class: 'card cd-part', 'data-profile-type': String(type) }, h('h2', { text: PART_TITLES[type] || 'Part ' + type }), body);
    }

    function header(profile, connect, authorised) {
      var avatar = unwrap(profile.avatar);
      var handle = fmt.str(unwrap(profile.handle));
      var contacts = Array.isArray(connect.contact_info) ? connect.contact_info : [];
      var contactText = contacts
        .map(function (c) {
          return c && fmt.str(c.value) ? (c.field === 7 ? 'E-mail ' : c.field === 6 ? 'WhatsApp ' : '') + (fmt.str(c.country_code) ? c.country_code + ' ' : '') + c.value : null;
        })
        .filter(Boolean)
        .join(' · ');
      return h(
        'section',
        { class: 'card cd-head' },
        img('cd-avatar', avatar && Array.isArray(avatar.url_list) ? avatar.url_list[0] : null),
        h(
          'div',
          null,
          h('h1', { class: 'cd-nick', text: fmt.str(unwrap(profile.nickname)) || handle || 'Creator' }),
          handle ? h('span', { class: 'cd-handle' }, h('span', { text: '@' + handle }), ' · ' + fmt.compact(fmt.num(unwrap(profile.follower_cnt))) + ' followers') : null,
          h('p', { class: 'cd-bio', text: authorised ? 'Shares precise data with sellers' : 'Shows ranges only (data not authorised)' }),
          contactText ? h('p', { class: 'cd-bio', text: 'Contact: ' + contactText }) : null,
        ),
        h(
          'div',
          { class: 'cd-actions' },
          h('button', {
            type: 'button',
            class: 'btn btn-primary',
            text: 'Invite to collaborate',
            onclick: function () {
              ctx.recordAction({ action: 'invite', cid: cid });
            },
          }),
          h('button', {
            type: 'button',
            class: 'btn',
            text: 'Send message',
            onclick: function () {
              ctx.recordAction({ action: 'message', cid: cid });
            },
          }),
        ),
      );
    }

    ctx.setTitle('Creator details');
    var cid = ctx.params().get('cid') || '';
    if (!/^\d{1,24}$/.test(cid)) {
      main.replaceChildren(h('div', { class: 'page-head' }, h('h1', { text: 'Creator details' })), h('div', { class: 'card sim-empty', text: 'No creator selected' }));
      ctx.markReady();
      return;
    }
    main.replaceChildren(h('div', { class: 'page-head' }, h('h1', { text: 'Creator details' })), h('div', { class: 'card sim-loading', role: 'status', style: 'position:static' }, 'Loading…'));

    function settle(promise) {
      return promise.then(
        function (value) {
          return { value: value };
        },
        function (err) {
          return { error: err instanceof Error ? err.message : String(err) };
        },
      );
    }
    var auth = settle(
      ctx.request('POST', AUTH_PATH, { creator_oec_ids: [cid] }).then(function (json) {
        if (!json || json.code !== 0) throw new Error('Request failed');
        return Array.isArray(json.data) && json.data.length > 0;
      }),
    );
    var parts = types.map(function (t) {
      return settle(ctx.request('POST', PROFILE_PATH, { creator_oec_id: cid, profile_types: [t] }).then(readPart));
    });

    Promise.all([auth].concat(parts)).then(function (results) {
      if (!ctx.alive()) return;
      var authorised = !!(results[0].value);
      var partResults = results.slice(1);
      // The overview names the creator; the other parts do not.
      var first = partResults.find(function (r) {
        return r.value && r.value.profile.handle;
      }) || partResults.find(function (r) {
        return r.value;
      });
      if (!first) {
        main.replaceChildren(h('div', { class: 'page-head' }, h('h1', { text: 'Creator details' })), h('div', { class: 'card sim-error', role: 'alert', text: 'Could not load this creator (' + partResults[0].error + ').' }));
        ctx.markReady();
        return;
      }
      var grid;
      if (markup === 'rows') {
        grid = h('table', { class: 'card cd-table' });
        types.forEach(function (t, i) {
          grid.appendChild(partRows(t, partResults[i]));
        });
      } else {
        grid = h('div', { class: 'cd-grid' });
        types.forEach(function (t, i) {
          grid.appendChild(partCard(t, partResults[i]));
        });
      }
      main.replaceChildren(
        h('div', { class: 'page-head' }, h('a', { href: ctx.hrefFor('find-creators'), 'data-spa': '', text: '← Find creators' })),
        header(first.value.profile, first.value.connect, authorised),
        grid,
      );
      ctx.markReady();
    });
  });
})();
