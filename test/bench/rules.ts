import type { RulesBenchResult } from './browser/rules-entry';
import { inBundledPage } from './bundled-page';
import { median, type Figure } from './figures';

/**
 * The rule engine with every built-in rule on a large model in real Chromium (see browser/rules-entry.ts): a full
 * evaluation, and the incremental re-evaluation after one changed sample request (median of 5), against the full one.
 */
export async function benchRules(orderRows = 100_000, creatorCount = 20_000, sampleCount = 10_000): Promise<Figure[]> {
  const r = await inBundledPage<RulesBenchResult>('./browser/rules-entry.ts', 'rules bench', `benchRules(${orderRows}, ${creatorCount}, ${sampleCount})`);
  const incremental = median(r.incrementalMs);
  const baseline = 'the full evaluation';
  return [
    {
      name: `rules: full evaluation of ${r.rules} rules on ${orderRows} order SKU rows, ${creatorCount} creators, ${sampleCount} sample requests (${r.findings} findings)`,
      value: r.fullMs / 1000,
      unit: 's',
      ratio: 1,
      baseline,
    },
    { name: 'rules: incremental re-evaluation after one changed sample request', value: incremental, unit: 'ms', ratio: incremental / r.fullMs, baseline },
  ];
}
