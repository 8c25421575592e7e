// Runs in the side panel (plain JS, evaluated as text): scrolls its list and records long tasks, collects the rows the
// virtual list renders, and builds the baseline: a static list of the same rows in the same page.
(function () {
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const atEnd = (el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1;

  /** Scroll `selector` from top to bottom, one screen per animation frame, recording the long tasks meanwhile. */
  async function scrollThrough(selector) {
    const el = document.querySelector(selector);
    el.scrollTop = 0;
    await new Promise((r) => setTimeout(r, 300));
    const longTasks = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push(e.duration);
    });
    observer.observe({ type: 'longtask' });
    const t0 = performance.now();
    let frames = 0;
    while (!atEnd(el)) {
      await frame();
      frames += 1;
      el.scrollTop += el.clientHeight;
    }
    await frame();
    const ms = performance.now() - t0;
    // Let the last frames' tasks finish and be reported.
    await new Promise((r) => setTimeout(r, 500));
    for (const e of observer.takeRecords()) longTasks.push(e.duration);
    observer.disconnect();
    return { longTasks, frames, ms };
  }

  /** Every row's markup by index, read by stepping the virtual list through a screen at a time (it renders a few rows beyond the screen). */
  async function collectRows() {
    const el = document.querySelector('[data-testid="scroller"]');
    const rows = new Map();
    el.scrollTop = 0;
    for (;;) {
      await frame();
      await frame();
      for (const li of el.querySelectorAll('li[data-apply-id]')) {
        const copy = li.cloneNode(true);
        copy.removeAttribute('style');
        rows.set(Number(li.dataset.index), copy.outerHTML);
      }
      if (atEnd(el)) break;
      el.scrollTop += el.clientHeight;
    }
    globalThis.benchRows = [...rows].sort(([a], [b]) => a - b).map(([, html]) => html);
    return globalThis.benchRows.length;
  }

  /** Replace the panel with a plain static list of the collected rows, in a scrolling box of the same size. */
  async function renderStatic() {
    const main = document.querySelector('main');
    const box = document.createElement('div');
    box.id = 'static-scroller';
    box.className = 'scroller';
    box.style.cssText = 'position: fixed; inset: 0; background: var(--bg); contain: strict;';
    const style = document.createElement('style');
    style.textContent = '#static-list { list-style: none; margin: 0; padding: 12px; } #static-list > li { margin-bottom: 8px; }';
    box.innerHTML = `<ol id="static-list">${globalThis.benchRows.join('')}</ol>`;
    document.head.append(style);
    main.remove();
    document.body.append(box);
    await frame();
    await frame();
  }

  globalThis.sidePanelBench = { scrollThrough, collectRows, renderStatic };
})();
