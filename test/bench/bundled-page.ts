import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../e2e/browser';

/** Far above any bench's own time on the slowest machine seen. */
const BENCH_TIMEOUT_MS = 15 * 60_000;

/**
 * Runs the extension's own code, bundled from `entry` (a file under browser/ that puts its bench on `globalThis`), in a
 * plain https page of real Chromium with no extension: real IndexedDB, real main thread. Returns what `expression`
 * evaluates to in that page.
 */
export async function inBundledPage<T>(entry: string, title: string, expression: string): Promise<T> {
  const script = await bundled(entry);
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.route('https://bench.collab-lens.test/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><meta charset="utf-8"><title>${title}</title><script>${script.replace(/<\/script/g, '<\\/script')}</script>` }),
    );
    // A bench that breaks or stalls says so, rather than leaving `npm run bench` waiting without a word.
    page.on('pageerror', (e) => console.error(`[${title}] page error: ${e.message}`));
    page.on('crash', () => console.error(`[${title}] the page crashed`));
    page.on('console', (m) => console.error(`[${title}] ${m.text()}`));
    await page.goto('https://bench.collab-lens.test/');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${title} did not finish within ${BENCH_TIMEOUT_MS / 60_000} minutes`)), BENCH_TIMEOUT_MS);
    });
    try {
      return (await Promise.race([page.evaluate(expression), stalled])) as T;
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await browser.close();
  }
}

/** A bench entry under browser/ bundled into one script. */
export async function bundled(entry: string): Promise<string> {
  const bundle = await build({ entryPoints: [new URL(entry, import.meta.url).pathname], bundle: true, format: 'iife', write: false, target: 'chrome120', minify: true });
  return bundle.outputFiles[0]?.text ?? '';
}
