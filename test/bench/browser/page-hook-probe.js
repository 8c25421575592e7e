// Runs in the Affiliate Center page (plain JS, evaluated as text). Returns microseconds per call for a fetch() and an
// XHR open+send of a request the capture hook does not read. An aborted signal / immediate abort keeps the network out.
(function probe(calls) {
  var url = '/static/js/bench-not-captured.js';
  var aborted = AbortSignal.abort();
  function timeFetch(n) {
    var t0 = performance.now();
    for (var i = 0; i < n; i++) fetch(url, { signal: aborted }).catch(function () {});
    return ((performance.now() - t0) * 1000) / n;
  }
  function timeXhr(n) {
    var t0 = performance.now();
    for (var i = 0; i < n; i++) {
      var x = new XMLHttpRequest();
      x.open('GET', url);
      x.send();
      x.abort();
    }
    return ((performance.now() - t0) * 1000) / n;
  }
  timeFetch(2000);
  timeXhr(200);
  return { fetch: timeFetch(calls), xhr: timeXhr(calls / 10) };
})
