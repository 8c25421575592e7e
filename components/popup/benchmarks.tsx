import { useSignal } from '@preact/signals';
import { percentileRank } from '../../lib/aggregates/commission';
import { MIN_BENCHMARK_RATES, type BenchmarkAggregate, type Placement } from '../../lib/aggregates/model';
import type { I18n } from '../../lib/i18n';
import { axisFont, Chart, type ChartSpec } from './chart';
import { useFirstMeaningfulRender } from './first-render';
import { day } from './format';

const PERCENTILES = [
  ['p10', 10],
  ['p25', 25],
  ['p50', 50],
  ['p75', 75],
  ['p90', 90],
] as const;

/** Categories where the seller has products placed first, then the best-documented ones. */
const order = (a: BenchmarkAggregate, b: BenchmarkAggregate) =>
  Number(b.own.length > 0) - Number(a.own.length > 0) || b.count - a.count || (a.categoryName ?? a.categoryId).localeCompare(b.categoryName ?? b.categoryId);

const nameOf = (b: BenchmarkAggregate) => b.categoryName ?? b.categoryId;

/** More of the seller's products than this in a category are listed folded. */
const OWN_SHOWN = 5;

/** The empirical distribution as a step line (share of rates at or below each rate), the seller's products as points on it. */
function distributionChart(b: BenchmarkAggregate, i18n: I18n): ChartSpec {
  return (U, _size, c) => {
    const rates = b.distribution?.rates ?? [];
    const xs = [...new Set([...rates, ...b.own.map((o) => o.bps)])].sort((x, y) => x - y);
    // Share (%) of the rates at or below each x: one pass, both lists ascending.
    let i = 0;
    const shares = xs.map((x) => {
      while (i < rates.length && (rates[i] as number) <= x) i++;
      return (i / rates.length) * 100;
    });
    const own = new Set(b.own.map((o) => o.bps));
    return {
      options: {
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false }, y: { range: [0, 100] } },
        axes: [
          { stroke: c.muted, font: axisFont, grid: { stroke: c.line, width: 1 }, ticks: { show: false }, values: (_u, v) => v.map((x) => i18n.percent(x)) },
          { stroke: c.muted, font: axisFont, grid: { stroke: c.line, width: 1 }, ticks: { show: false }, size: 40, values: (_u, v) => v.map((y) => i18n.percent(y * 100, 'whole')) },
        ],
        series: [
          {},
          { stroke: c.series[0], width: 2, paths: U.paths.stepped?.({ align: 1 }), points: { show: false } },
          { stroke: c.series[1], fill: c.series[1], width: 0, paths: () => null, points: { show: true, size: 9, fill: c.series[1], stroke: c.series[1] } },
        ],
      },
      data: [xs, shares, xs.map((x, k) => (own.has(x) ? (shares[k] as number) : null))],
    };
  };
}

function placementText(p: Placement, i18n: I18n): string {
  const { t } = i18n;
  if (p.rankBps === undefined || p.medianBps === undefined) {
    return t('popup.benchmark.placedTooFew', { product: p.title, rate: i18n.percent(p.bps), others: i18n.number(p.others), min: MIN_BENCHMARK_RATES });
  }
  return t('popup.benchmark.placed', {
    product: p.title,
    rate: i18n.percent(p.bps),
    rank: i18n.percent(p.rankBps, 'whole'),
    others: i18n.number(p.others),
    median: i18n.percent(p.medianBps),
  });
}

/** Where a rate stands against the median it is compared with. */
function medianText(bps: number, median: number, i18n: I18n): string {
  return bps >= median
    ? i18n.t('popup.benchmark.atMedian', { median: i18n.percent(median) })
    : i18n.t('popup.benchmark.reachMedian', { median: i18n.percent(median), gap: i18n.number((median - bps) / 100) });
}

/** Type a rate or pick one of the seller's products, and see where it stands and what reaches the median. */
function Compare({ b, i18n }: { b: BenchmarkAggregate; i18n: I18n }) {
  const { t } = i18n;
  const typed = useSignal('');
  const picked = useSignal('');
  const category = nameOf(b);
  let result: string | undefined;
  const product = b.own.find((o) => o.productId === picked.value);
  if (product) {
    result =
      product.rankBps === undefined || product.medianBps === undefined
        ? t('popup.benchmark.compareTooFew', { count: i18n.number(product.others), category, min: MIN_BENCHMARK_RATES })
        : `${t('popup.benchmark.productResult', { product: product.title, rate: i18n.percent(product.bps), rank: i18n.percent(product.rankBps, 'whole'), count: i18n.number(product.others), category })} ${medianText(product.bps, product.medianBps, i18n)}`;
  } else if (typed.value.trim() !== '') {
    const bps = Math.round(Number(typed.value) * 100);
    if (!Number.isFinite(bps) || bps < 1 || bps > 10_000) result = t('popup.benchmark.compareInvalid');
    else if (!b.distribution) result = t('popup.benchmark.compareTooFew', { count: i18n.number(b.count), category, min: MIN_BENCHMARK_RATES });
    else {
      const rank = percentileRank(b.distribution.rates, bps) as number;
      result = `${t('popup.benchmark.compareResult', { rate: i18n.percent(bps), rank: i18n.percent(rank, 'whole'), count: i18n.number(b.count), category })} ${medianText(bps, b.distribution.p50, i18n)}`;
    }
  }
  return (
    <section class="card compare" aria-labelledby="compare-title">
      <h3 id="compare-title">{t('popup.benchmark.compare')}</h3>
      <div class="row">
        <label>
          {t('popup.benchmark.compareRate')}
          <input
            id="compare-rate"
            type="number"
            inputMode="decimal"
            min="0.01"
            max="100"
            step="0.01"
            value={typed.value}
            onInput={(e) => {
              typed.value = (e.currentTarget as HTMLInputElement).value;
              picked.value = '';
            }}
          />
        </label>
        {b.own.length > 0 && (
          <label>
            {t('popup.benchmark.compareProduct')}
            <select
              id="compare-product"
              value={picked.value}
              onChange={(e) => {
                picked.value = (e.currentTarget as HTMLSelectElement).value;
                typed.value = '';
              }}
            >
              <option value="">{t('popup.benchmark.compareProductNone')}</option>
              {b.own.map((o) => (
                <option key={o.productId} value={o.productId}>
                  {o.title}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <p role="status" aria-live="polite" data-testid="compare-result">
        {result ?? ''}
      </p>
    </section>
  );
}

function Category({ b, i18n }: { b: BenchmarkAggregate; i18n: I18n }) {
  const { t } = i18n;
  const category = nameOf(b);
  const d = b.distribution;
  const tableId = `percentiles-${b.categoryId}`;
  return (
    <div data-category={b.categoryId}>
      <p class="figure" data-testid="benchmark-figure">
        {d
          ? t('popup.benchmark.median', { category, rate: i18n.percent(d.p50) })
          : t('popup.benchmark.tooFew', { count: i18n.number(b.count), category, min: MIN_BENCHMARK_RATES })}
      </p>
      {b.from !== undefined && b.to !== undefined && (
        <p class="muted" data-testid="benchmark-basis">
          {t('popup.benchmark.basis', { count: i18n.number(b.count), region: b.region, from: day(i18n, b.from), to: day(i18n, b.to) })}{' '}
          {t('popup.benchmark.sources', Object.fromEntries(Object.entries(b.bySource).map(([k, n]) => [k, i18n.number(n)])))}
        </p>
      )}
      {d && (
        <>
          <Chart label={t('popup.benchmark.chart', { category })} describedBy={tableId} spec={distributionChart(b, i18n)} deps={[b, i18n.locale]} testId="distribution-chart" />
          <table id={tableId} class="compact">
            <thead>
              <tr>
                <th scope="col">{t('popup.benchmark.percentile')}</th>
                <th scope="col" class="num">
                  {t('popup.benchmark.rate')}
                </th>
              </tr>
            </thead>
            <tbody>
              {PERCENTILES.map(([key, p]) => (
                <tr key={key}>
                  <th scope="row">{t('popup.benchmark.pth', { p })}</th>
                  <td class="num">{i18n.percent(d[key])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <Compare key={b.categoryId} b={b} i18n={i18n} />
      {b.own.length ? (
        <details open={b.own.length <= OWN_SHOWN}>
          <summary>{t('popup.benchmark.own', { count: i18n.number(b.own.length) })}</summary>
          <ul class="plain" data-testid="own-products">
            {b.own.map((p) => (
              <li key={p.productId}>{placementText(p, i18n)}</li>
            ))}
          </ul>
        </details>
      ) : (
        <p class="muted">{t('popup.benchmark.ownNone')}</p>
      )}
    </div>
  );
}

/**
 * Commission benchmark per category: the distribution with its basis, the seller's products on it, and a quick compare.
 * The rows come with the popup's first query (the default view is read together with the shop).
 */
export function BenchmarksView({ rows, i18n }: { rows: BenchmarkAggregate[]; i18n: I18n }) {
  const chosen = useSignal<string | undefined>(undefined);
  useFirstMeaningfulRender(true);
  if (!rows.length) {
    return (
      <p class="card" data-testid="benchmark-figure">
        {i18n.t('popup.benchmark.none')}
      </p>
    );
  }
  const sorted = [...rows].sort(order);
  const current = sorted.find((b) => b.categoryId === chosen.value) ?? (sorted[0] as BenchmarkAggregate);
  return (
    <div>
      <label class="field">
        {i18n.t('popup.benchmark.category')}
        <select
          id="benchmark-category"
          value={current.categoryId}
          onChange={(e) => {
            chosen.value = (e.currentTarget as HTMLSelectElement).value;
          }}
        >
          {sorted.map((b) => (
            <option key={b.categoryId} value={b.categoryId}>
              {i18n.t('popup.benchmark.option', { category: nameOf(b), count: i18n.number(b.count), own: i18n.number(b.own.length) })}
            </option>
          ))}
        </select>
      </label>
      <Category key={current.categoryId} b={current} i18n={i18n} />
    </div>
  );
}
