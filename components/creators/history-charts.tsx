import { useMemo } from 'preact/hooks';
import type uPlot from 'uplot';
import { HISTORY_FIGURES, type HistoryFigure, type HistorySeries } from '../../lib/creators/detail';
import { minorDigits } from '../../lib/domain/money';
import type { I18n, MessageKey } from '../../lib/i18n';
import { pageKindOf } from '../../lib/page-detect';
import { axisFont, Chart, type ChartSpec } from '../popup/chart';
import { day } from '../popup/format';

const DAY_S = 86_400;

/** Each stored series' name: what its points are. */
const SERIES_NAMES = {
  'seen.followers': 'creator.series.seen.followers',
  'trend.followers': 'creator.series.trend.followers',
  'seen.gmv': 'creator.series.seen.gmv',
  'trend.gmv': 'creator.series.trend.gmv',
  'seen.avgVideoViews': 'creator.series.seen.avgVideoViews',
  'seen.medianVideoViews': 'creator.series.seen.medianVideoViews',
  'trend.videoViews': 'creator.series.trend.videoViews',
  'trend.allVideoViews': 'creator.series.trend.allVideoViews',
  'seen.fulfillmentBps': 'creator.series.seen.fulfillmentBps',
} as const satisfies Record<string, MessageKey>;

export function seriesName(i18n: I18n, s: HistorySeries): string {
  const key = SERIES_NAMES[`${s.kind}.${s.field}` as keyof typeof SERIES_NAMES];
  const name = key ? i18n.t(key) : s.field;
  return s.series === undefined ? name : i18n.t('creator.series.filtered', { series: name, filter: s.series });
}

/** A point's value as the reader reads it: money in its currency, a rate as a percentage, a count. */
export function pointText(i18n: I18n, s: HistorySeries, value: number): string {
  if (s.currency) return i18n.money({ minor: value, currency: s.currency });
  if (s.figure === 'fulfilment') return i18n.percent(value);
  return i18n.number(value);
}

/** The value a chart plots: money in whole units of its currency, a rate in percent, a count as is. */
const plotted = (s: HistorySeries, value: number) => (s.currency ? value / 10 ** minorDigits(s.currency) : s.figure === 'fulfilment' ? value / 100 : value);

function spec(i18n: I18n, series: readonly HistorySeries[]): ChartSpec {
  return (_U, size, c) => {
    const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.at)))].sort((a, b) => a - b);
    const at = new Map(xs.map((x, i) => [x, i]));
    const data: uPlot.AlignedData = [
      xs.map((x) => x / 1000),
      ...series.map((s) => {
        const ys: (number | null)[] = xs.map(() => null);
        for (const p of s.points) ys[at.get(p.at) as number] = plotted(s, p.value);
        return ys;
      }),
    ];
    /** The time of the only point, when there is one (seconds). */
    const one = xs.length === 1 ? (xs[0] as number) / 1000 : undefined;
    const axis = { stroke: c.muted, font: axisFont, grid: { stroke: c.line }, ticks: { stroke: c.line } };
    return {
      data,
      options: {
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        // A figure seen once is one point: a day either side of it (uPlot would give it 1,000 days after).
        scales: { x: { time: true, ...(one === undefined ? {} : { range: (): uPlot.Range.MinMax => [one - DAY_S, one + DAY_S] }) } },
        axes: [
          { ...axis, values: (_u, ticks) => ticks.map((t) => day(i18n, t * 1000)), ...(one === undefined ? {} : { splits: () => [one] }) },
          { ...axis, size: 60, values: (_u, ticks) => ticks.map((t) => i18n.number(t)) },
        ],
        series: [
          {},
          ...series.map((s, i) => ({
            label: seriesName(i18n, s),
            stroke: c.series[i % c.series.length],
            width: 2,
            spanGaps: true,
            points: { show: true, size: 5 },
            ...(s.kind === 'trend' ? { dash: [6, 4] } : {}),
          })),
        ],
      },
    };
  };
}

function FigureHistory({ i18n, figure, series }: { i18n: I18n; figure: HistoryFigure; series: readonly HistorySeries[] }) {
  const { t } = i18n;
  const count = series.reduce((n, s) => n + s.points.length, 0);
  const name = t(`creator.figure.${figure}`);
  const tableId = `history-${figure}`;
  return (
    <section class="history-figure card" aria-labelledby={`${tableId}-title`} data-testid={`history-${figure}`}>
      <h3 id={`${tableId}-title`}>{name}</h3>
      {count === 0 ? (
        <p class="muted">{t('creator.history.none')}</p>
      ) : (
        <>
          <ul class="legend">
            {series.map((s, i) => (
              <li key={`${s.kind}.${s.field}.${s.series ?? ''}`}>
                <span class={`swatch s${(i % 3) + 1}${s.kind === 'trend' ? ' dashed' : ''}`} aria-hidden="true" />
                {seriesName(i18n, s)}
              </li>
            ))}
          </ul>
          <Chart label={t('creator.history.chart', { figure: name, count: i18n.number(count) })} describedBy={tableId} spec={spec(i18n, series)} deps={[series, i18n.locale]} height={180} testId={`chart-${figure}`} />
          <details>
            <summary>{t('creator.history.points', { count: i18n.number(count) })}</summary>
            <table id={tableId}>
              <thead>
                <tr>
                  <th scope="col">{t('creator.history.col.series')}</th>
                  <th scope="col">{t('creator.history.col.at')}</th>
                  <th scope="col" class="num">
                    {t('creator.history.col.value')}
                  </th>
                  <th scope="col">{t('creator.history.col.seen')}</th>
                  <th scope="col">{t('creator.history.col.page')}</th>
                </tr>
              </thead>
              <tbody>
                {series.flatMap((s) =>
                  s.points.map((p) => (
                    <tr key={`${s.kind}.${s.field}.${s.series ?? ''}.${p.at}.${p.seenAt}`}>
                      <td>{seriesName(i18n, s)}</td>
                      <td>{s.kind === 'trend' ? day(i18n, p.at) : i18n.dateTime(p.at)}</td>
                      <td class="num">{pointText(i18n, s, p.value)}</td>
                      <td>{i18n.dateTime(p.seenAt)}</td>
                      <td>{t(`page.${pageKindOf(p.page)}`)}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}

/** The creator's history, one chart per figure (followers, GMV, views, fulfilment), each with its points as a table. */
export function HistoryCharts({ i18n, history }: { i18n: I18n; history: readonly HistorySeries[] }) {
  // One list per figure for as long as the history is the same: a chart draws again only when its points change.
  const byFigure = useMemo(() => new Map(HISTORY_FIGURES.map((f) => [f, history.filter((s) => s.figure === f)])), [history]);
  return (
    <section class="history" aria-labelledby="history-title" data-testid="history">
      <h2 id="history-title">{i18n.t('creator.history')}</h2>
      <p class="muted">{i18n.t('creator.history.hint')}</p>
      <div class="history-grid">
        {HISTORY_FIGURES.map((figure) => (
          <FigureHistory key={figure} i18n={i18n} figure={figure} series={byFigure.get(figure) ?? []} />
        ))}
      </div>
    </section>
  );
}
