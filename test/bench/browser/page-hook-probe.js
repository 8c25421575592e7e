// Runs in an Affiliate Center page (plain JS, evaluated as text). Times the page's `fetch` (wrapped by the capture hook
// when the extension is installed) against the browser's own `fetch` taken from a fresh same-origin iframe (which the
// hook does not touch), in alternating rounds in the same page, for a request the hook does not read. An aborted
// signal keeps the network out: what is timed is the call path the page pays for. Microseconds per call.
(function probe(calls, rounds) {
  var frame = document.createElement('iframe');
  frame.style.display = 'none';
  document.body.appendChild(frame);
  var nativeFetch = frame.contentWindow.fetch.bind(frame.contentWindow);
  var pageFetch = window.fetch;
  var url = location.origin + '/static/js/bench-not-captured.js';
  var aborted = AbortSignal.abort();
  function time(f, n) {
    var t0 = performance.now();
    for (var i = 0; i < n; i++) f(url, { signal: aborted }).catch(function () {});
    return ((performance.now() - t0) * 1000) / n;
  }
  time(pageFetch, 2000);
  time(nativeFetch, 2000);
  var page = [];
  var native = [];
  for (var r = 0; r < rounds; r++) {
    page.push(time(pageFetch, calls));
    native.push(time(nativeFetch, calls));
  }
  frame.remove();
  function median(xs) {
    var s = xs.slice().sort(function (a, b) { return a - b; });
    return s[Math.floor(s.length / 2)];
  }
  return { page: median(page), native: median(native), wrapped: pageFetch !== nativeFetch && pageFetch.toString().indexOf('[native code]') === -1 };
})
