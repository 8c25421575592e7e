// Runs in the simulated Find creators page, infinite-scroll variant (plain JS, evaluated as text). Scrolls the end of
// the list into view, which makes the page append 50 rows, and times from the scroll until every row is there and, when
// `hostSelector` is given, every row carries its annotation. Milliseconds, polled every animation frame.
(function append(rowSelector, hostSelector, rowsBefore, step, timeoutMs) {
  return new Promise(function (resolve, reject) {
    var want = rowsBefore + step;
    var t0 = performance.now();
    function done() {
      if (document.querySelectorAll(rowSelector).length < want) return false;
      if (!hostSelector) return true;
      return document.querySelectorAll(hostSelector).length >= want;
    }
    function tick() {
      if (done()) return resolve(performance.now() - t0);
      if (performance.now() - t0 > timeoutMs) return reject(new Error('timed out: ' + document.querySelectorAll(rowSelector).length + ' rows'));
      requestAnimationFrame(tick);
    }
    var sentinel = document.querySelector('.fc-sentinel');
    if (!sentinel) return reject(new Error('no sentinel'));
    sentinel.scrollIntoView({ block: 'end' });
    requestAnimationFrame(tick);
  });
})
