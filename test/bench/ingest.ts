import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../e2e/browser';
import type { IngestBenchResult } from './browser/ingest-entry';
import type { Figure } from './figures';

/** A page of our own in real Chromium runs the extension's ingest code; see browser/ingest-entry.ts. */
export async function benchIngest(orderRows = 100_000, creatorCount = 20_000): Promise<Figure[]> {
  const bundle = await build({
    entryPoints: [new URL('./browser/ingest-entry.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
    minify: true,
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage();
  await page.route('https://bench.collab-lens.test/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><meta charset="utf-8"><title>ingest bench</title><script>${script.replace(/<\/script/g, '<\\/script')}</script>` }),
  );
  await page.goto('https://bench.collab-lens.test/');
  const r = (await page.evaluate(`benchIngest(${orderRows}, ${creatorCount})`)) as IngestBenchResult;
  await browser.close();
  const rows = orderRows + creatorCount;
  const baseline = 'the same final rows put straight into IndexedDB in one transaction';
  return [
    { name: `ingest ${orderRows} order SKU rows + ${creatorCount} creators through adapters and Dexie`, value: r.ingestMs / 1000, unit: 's', ratio: r.ingestMs / r.rawMs, baseline },
    { name: 'ingest throughput', value: rows / (r.ingestMs / 1000), unit: 'rows/s', ratio: r.ingestMs / r.rawMs, baseline },
    { name: 'raw IndexedDB bulk put of the same rows', value: r.rawMs / 1000, unit: 's', ratio: 1, baseline },
  ];
}
