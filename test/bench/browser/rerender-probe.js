// Runs in a simulated Affiliate Center list page (plain JS, evaluated as text). Replaces every row of the list with a
// fresh copy of itself every `everyMs` for `forMs` (what a page that re-renders from its state does: new elements, the
// same text), copies made without Collab Lens' own elements, and samples at every animation frame how many rows show
// an annotation. Resolves with the share of row-frames that showed one (1 without `hostSelector`).
(function rerender(listSelector, rowSelector, hostSelector, everyMs, forMs) {
  return new Promise(function (resolve, reject) {
    var list = document.querySelector(listSelector);
    if (!list) return reject(new Error('no list ' + listSelector));
    var rows = [].slice.call(list.querySelectorAll(rowSelector)).map(function (row) {
      var copy = row.cloneNode(true);
      [].forEach.call(copy.querySelectorAll('[data-collab-lens]'), function (el) { el.remove(); });
      return copy;
    });
    if (rows.length === 0) return reject(new Error('no rows'));
    var shown = 0;
    var seen = 0;
    var t0 = performance.now();
    var timer = setInterval(function () {
      list.replaceChildren.apply(list, rows.map(function (row) { return row.cloneNode(true); }));
    }, everyMs);
    function sample() {
      if (performance.now() - t0 >= forMs) {
        clearInterval(timer);
        return resolve(hostSelector ? shown / seen : 1);
      }
      if (hostSelector) {
        var current = list.querySelectorAll(rowSelector);
        for (var i = 0; i < current.length; i++) {
          seen += 1;
          if (current[i].querySelector(hostSelector)) shown += 1;
        }
      }
      requestAnimationFrame(sample);
    }
    requestAnimationFrame(sample);
  });
})
