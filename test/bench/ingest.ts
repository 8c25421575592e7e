import type { IngestBenchResult } from './browser/ingest-entry';
import { inBundledPage } from './bundled-page';
import type { Figure } from './figures';

/** A page of our own in real Chromium runs the extension's ingest code; see browser/ingest-entry.ts. */
export async function benchIngest(orderRows = 100_000, creatorCount = 20_000): Promise<Figure[]> {
  const r = await inBundledPage<IngestBenchResult>('./browser/ingest-entry.ts', 'ingest bench', `benchIngest(${orderRows}, ${creatorCount})`);
  const rows = orderRows + creatorCount;
  const baseline = 'the same final rows put straight into IndexedDB, same stores and indexes, in one transaction';
  const bare = 'the same final rows put straight into IndexedDB object stores without indexes, in one transaction';
  return [
    { name: `ingest ${orderRows} order SKU rows + ${creatorCount} creators through adapters and Dexie`, value: r.ingestMs / 1000, unit: 's', ratio: r.ingestMs / r.rawMs, baseline },
    { name: 'ingest throughput', value: rows / (r.ingestMs / 1000), unit: 'rows/s', ratio: r.ingestMs / r.rawMs, baseline },
    { name: 'raw IndexedDB bulk put of the same rows, same indexes', value: r.rawMs / 1000, unit: 's', ratio: 1, baseline },
    { name: `ingest ${orderRows} order SKU rows + ${creatorCount} creators, against stores without indexes`, value: r.ingestMs / 1000, unit: 's', ratio: r.ingestMs / r.bareMs, baseline: bare },
  ];
}
