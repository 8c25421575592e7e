// Runs in an Affiliate Center page (plain JS, evaluated as text). Prepares an answer of about `chars` characters shaped
// like a list answer (many small objects), and two actions the bench times by the page's main-thread time:
// `__benchCapture()` hands the content script a capture of it, as the page hook does (a `collab-lens:capture` event);
// `__benchParse()` is the page's own JSON.parse of the same answer, the baseline.
(function prepare(chars) {
  var rows = [];
  var size = 0;
  for (var i = 0; size < chars; i++) {
    var row = { apply_id: String(7300000000000000000 + i), creator: { handle: 'creator_' + i, nickname: 'Creator ' + i, follower_count: 1000 + i }, product: { id: String(1729000000000000000 + i), title: 'Product title number ' + i, price: { amount: '12.34', currency: 'USD' } }, status: i % 7, apply_time: 1763700000 + i };
    rows.push(row);
    size += JSON.stringify(row).length + 1;
  }
  var text = JSON.stringify({ code: 0, data: { list: rows } });
  var detail = JSON.stringify({ v: 1, url: location.origin + '/api/v1/affiliate/sample/group/list?bench=capture', method: 'POST', status: 200, responseText: text });
  window.__benchCapture = function () {
    window.dispatchEvent(new CustomEvent('collab-lens:capture', { detail: detail }));
  };
  window.__benchParse = function () {
    JSON.parse(text);
  };
  return text.length;
})
