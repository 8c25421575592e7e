import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../e2e/browser';

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
    await page.goto('https://bench.collab-lens.test/');
    return (await page.evaluate(expression)) as T;
  } finally {
    await browser.close();
  }
}

/** A bench entry under browser/ bundled into one script. */
export async function bundled(entry: string): Promise<string> {
  const bundle = await build({ entryPoints: [new URL(entry, import.meta.url).pathname], bundle: true, format: 'iife', write: false, target: 'chrome120', minify: true });
  return bundle.outputFiles[0]?.text ?? '';
}
