import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDb, waitFor } from '../e2e/browser';
import { expectOneBadgePerRow, open, openExtensionPage, startEnv } from '../e2e/pages';
import { creatorAnalysisExport, creatorTruths, LOCALES, type ExportLocale } from '../fixtures/exports';
import { simUrl } from '../sim/install';
import { shopByKey } from '../sim/world';
import type { Figure } from './figures';

/**
 * A 50,000-row creator analysis export (xlsx) imported through the options page of the real extension: the time from
 * the seller's click to the result, and the page's peak JS heap while it runs. Baselines, in the same run: putting the
 * stored rows into a fresh IndexedDB database in one transaction, and the same page's heap before the import.
 */

const RAW_PUT = readFileSync(new URL('./browser/raw-put-probe.js', import.meta.url), 'utf8');

export async function benchImport(rows = 50_000): Promise<Figure[]> {
  const env = await startEnv();
  const us = shopByKey(env.world, 'us');
  const page = await open(env, simUrl(us, 'sample-request', { tab: 10 }));
  await expectOneBadgePerRow(page, 'table', 50);
  await page.close();
  const shop = ((await readDb(env.session)).shops as { key: string; region: string }[]).find((s) => s.region === 'US');
  if (!shop) throw new Error('no US shop captured');
  const locale = { ...(LOCALES.US as ExportLocale), shopKey: shop.key };
  const names = Array.from({ length: rows }, (_, i) => `bench.creator.${String(i).padStart(5, '0')}`);
  const file = creatorAnalysisExport(creatorTruths(11, names, locale), locale, { format: 'xlsx' });

  const options = await openExtensionPage(env, 'options.html');
  const cdp = await env.session.context.newCDPSession(options);
  await cdp.send('Performance.enable');
  const heap = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  };
  // The file is chosen from disk, as a seller does: handed over as a buffer, Playwright builds it inside the page from
  // base64 text, hundreds of megabytes of the page's heap that are no part of the import.
  const path = join(mkdtempSync(join(tmpdir(), 'collab-lens-bench-')), 'creator-analysis.xlsx');
  writeFileSync(path, file);
  await options.setInputFiles('#import-file', path);
  await options.selectOption('#import-shop', shop.key);
  await options.fill('#import-from', '2025-05-01');
  await options.fill('#import-to', '2025-05-31');
  await cdp.send('HeapProfiler.collectGarbage');
  const idleHeap = await heap();
  let peak = idleHeap;
  let done = false;
  const sampler = (async () => {
    while (!done) {
      peak = Math.max(peak, await heap().catch(() => 0));
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const t0 = performance.now();
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await options.getByTestId('import-result').waitFor({ timeout: 300_000 });
  const importMs = performance.now() - t0;
  done = true;
  await sampler;
  const stored = await waitFor(async () => {
    const n = ((await readDb(env.session)).creatorPerformance ?? []).length;
    return n >= rows && n;
  }, 'the imported rows', 60_000);
  const raw = (await options.evaluate(`${RAW_PUT}('creatorPerformance', 'key')`)) as { ms: number; rows: number };
  await env.session.close();
  if (raw.rows !== stored) throw new Error(`baseline copied ${raw.rows} rows, ${stored} were stored`);
  return [
    {
      name: `import of a ${rows}-row creator analysis export (xlsx), click to result`,
      value: importMs / 1000,
      unit: 's',
      ratio: importMs / raw.ms,
      baseline: 'putting the stored rows into IndexedDB in one transaction',
    },
    {
      name: 'import peak JS heap of the options page',
      value: peak / 2 ** 20,
      unit: 'MiB',
      ratio: peak / idleHeap,
      baseline: 'the same page before the import',
    },
  ];
}
