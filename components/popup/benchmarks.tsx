import { useSignal } from '@preact/signals';
import { percentileRank } from '../../lib/aggregates/commission';
import { MIN_BENCHMARK_RATES, type BenchmarkAggregate, type Distribution, type Placement } from '../../lib/aggregates/model';
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

/** Categories where the seller has products placed first, then the best-documented ones (own rates and creators). */
const order = (a: BenchmarkAggregate, b: BenchmarkAggregate) =>
  Number(b.own.length > 0) - Number(a.own.length > 0) ||
  b.count + b.market.count - (a.count + a.market.count) ||
  (a.categoryName ?? a.categoryId).localeCompare(b.categoryName ?? b.categoryId);

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

function marketPlacementText(p: Placement, b: BenchmarkAggregate, i18n: I18n): string | undefined {
  if (p.marketRankBps === undefined || p.marketMedianBps === undefined) return undefined;
  return i18n.t('popup.benchmark.marketPlaced', {
    product: p.title,
    rate: i18n.percent(p.bps),
    rank: i18n.percent(p.marketRankBps, 'whole'),
    count: i18n.number(b.market.count),
    median: i18n.percent(p.marketMedianBps),
  });
}

/** Where a rate stands against the market, or why it cannot be said. */
function marketCompareText(bps: number, b: BenchmarkAggregate, i18n: I18n): string {
  const d = b.market.distribution;
  if (!d) return i18n.t('popup.benchmark.compareMarketTooFew', { count: i18n.number(b.market.count), category: nameOf(b), min: MIN_BENCHMARK_RATES });
  return i18n.t('popup.benchmark.compareMarket', { rank: i18n.percent(percentileRank(d.rates, bps) as number, 'whole'), count: i18n.number(b.market.count), median: i18n.percent(d.p50) });
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
  let market: string | undefined;
  const product = b.own.find((o) => o.productId === picked.value);
  if (product) {
    market = marketCompareText(product.bps, b, i18n);
    result =
      product.rankBps === undefined || product.medianBps === undefined
        ? t('popup.benchmark.compareTooFew', { count: i18n.number(product.others), category, min: MIN_BENCHMARK_RATES })
        : `${t('popup.benchmark.productResult', { product: product.title, rate: i18n.percent(product.bps), rank: i18n.percent(product.rankBps, 'whole'), count: i18n.number(product.others), category })} ${medianText(product.bps, product.medianBps, i18n)}`;
  } else if (typed.value.trim() !== '') {
    const bps = Math.round(Number(typed.value) * 100);
    if (!Number.isFinite(bps) || bps < 1 || bps > 10_000) result = t('popup.benchmark.compareInvalid');
    else {
      market = marketCompareText(bps, b, i18n);
      if (!b.distribution) result = t('popup.benchmark.compareTooFew', { count: i18n.number(b.count), category, min: MIN_BENCHMARK_RATES });
      else {
        const rank = percentileRank(b.distribution.rates, bps) as number;
        result = `${t('popup.benchmark.compareResult', { rate: i18n.percent(bps), rank: i18n.percent(rank, 'whole'), count: i18n.number(b.count), category })} ${medianText(bps, b.distribution.p50, i18n)}`;
      }
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
      <p role="status" aria-live="polite" data-testid="compare-market">
        {market ?? ''}
      </p>
    </section>
  );
}

function PercentileTable({ id, d, i18n }: { id: string; d: Distribution; i18n: I18n }) {
  const { t } = i18n;
  return (
    <table id={id} class="compact">
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
  );
}

/** The market side: the creators' median commissions, with their count, dates, forms and percentiles. */
function Market({ b, i18n }: { b: BenchmarkAggregate; i18n: I18n }) {
  const { t } = i18n;
  const category = nameOf(b);
  const m = b.market;
  const titleId = `market-title-${b.categoryId}`;
  const placed = b.own.flatMap((p) => {
    const text = marketPlacementText(p, b, i18n);
    return text ? [{ productId: p.productId, text }] : [];
  });
  return (
    <section class="card" aria-labelledby={titleId} data-testid="benchmark-market">
      <h3 id={titleId}>{t('popup.benchmark.marketTitle')}</h3>
      <p class="figure" data-testid="market-figure">
        {m.distribution
          ? t('popup.benchmark.marketMedian', { category, rate: i18n.percent(m.distribution.p50) })
          : m.count
            ? t('popup.benchmark.marketTooFew', { count: i18n.number(m.count), category, min: MIN_BENCHMARK_RATES })
            : t('popup.benchmark.marketNone', { category })}
      </p>
      {m.from !== undefined && m.to !== undefined && (
        <p class="muted" data-testid="market-basis">
          {t('popup.benchmark.marketBasis', { count: i18n.number(m.count), region: b.region, from: day(i18n, m.from), to: day(i18n, m.to) })}{' '}
          {t('popup.benchmark.marketForms', {
            exact: i18n.number(m.byForm.exact),
            label: i18n.number(m.byForm.label),
            bps: i18n.number(m.byForm.bps),
            id: i18n.number(m.byJoin.id),
            name: i18n.number(m.byJoin.name),
          })}
        </p>
      )}
      {m.distribution && (
        <figure class="table">
          <figcaption class="muted">{t('popup.benchmark.marketChart', { category })}</figcaption>
          <PercentileTable id={`market-percentiles-${b.categoryId}`} d={m.distribution} i18n={i18n} />
        </figure>
      )}
      {placed.length > 0 && (
        <ul class="plain" data-testid="own-products-market">
          {placed.map((p) => (
            <li key={p.productId}>{p.text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Category({ b, i18n }: { b: BenchmarkAggregate; i18n: I18n }) {
  const { t } = i18n;
  const category = nameOf(b);
  const d = b.distribution;
  const tableId = `percentiles-${b.categoryId}`;
  const ownTitleId = `own-title-${b.categoryId}`;
  return (
    <div data-category={b.categoryId}>
      <Market b={b} i18n={i18n} />
      <section class="card" aria-labelledby={ownTitleId} data-testid="benchmark-own">
        <h3 id={ownTitleId}>{t('popup.benchmark.ownTitle')}</h3>
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
            <PercentileTable id={tableId} d={d} i18n={i18n} />
          </>
        )}
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
      </section>
      <Compare key={b.categoryId} b={b} i18n={i18n} />
    </div>
  );
}

/**
 * Commission benchmark per category, two sources apart: the market (creators' median commissions) and the seller's own
 * pages, each with its basis (count and dates), the seller's products placed on each, and a quick compare against both.
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
              {i18n.t('popup.benchmark.option', { category: nameOf(b), market: i18n.number(b.market.count), count: i18n.number(b.count), own: i18n.number(b.own.length) })}
            </option>
          ))}
        </select>
      </label>
      <Category key={current.categoryId} b={current} i18n={i18n} />
    </div>
  );
}
