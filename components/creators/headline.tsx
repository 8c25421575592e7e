import type { FigureSource, Headline, PeriodInfo } from '../../lib/creators/model';
import type { Term as TermId } from '../../lib/creators/terms';
import type { I18n } from '../../lib/i18n';
import { formatValue, sourceLabel, termTip, type FigureKind } from './format';
import { Term, Unknown } from './term';

/** One figure of the headline: its term, its value (or none), a note under it and where it came from. */
export interface HeadlineFigure {
  id: TermId | 'creators';
  name: string;
  formula: string;
  value?: string;
  note?: string;
  /** A value that is not known only because it needs a cost the seller has not set. */
  needsCost?: true;
  source?: FigureSource;
}

/** The headline's figures in the order the seller reads them: the two ROIs first, then what they rest on. */
export function headlineFigures(i18n: I18n, h: Headline): HeadlineFigure[] {
  const term = (id: TermId, kind: FigureKind, value: unknown, source: FigureSource | undefined): HeadlineFigure => ({
    id,
    name: i18n.t(`term.${id}.name`),
    formula: termTip(i18n, id),
    ...(formatValue(i18n, kind, value) === undefined ? {} : { value: formatValue(i18n, kind, value) }),
    ...(source ? { source } : {}),
  });
  const full = term('fullCostRoi', 'ratio', h.fullCostRoi, h.sources.fullCostRoi);
  return [
    term('cashRoi', 'ratio', h.cashRoi, h.sources.cashRoi),
    h.needsSampleCost ? { ...full, needsCost: true, note: i18n.t('creators.headline.needsCostHint') } : full,
    term('zeroGmvShare', 'rate', h.zeroGmvShareBps, h.sources.zeroGmvShare),
    term('refunds', 'money', h.refunds, h.sources.refunds),
    term('gmv', 'money', h.gmv, h.sources.gmv),
    term('commission', 'money', h.commission, h.sources.commission),
    term('sampleCost', 'money', h.sampleCost, h.sources.sampleCost),
    {
      id: 'creators',
      name: i18n.t('creators.headline.creators'),
      formula: i18n.t('creators.termTip', { name: i18n.t('creators.headline.creators'), formula: i18n.t('creators.headline.creatorsFormula') }),
      value: i18n.number(h.creators),
      ...(h.engaged === undefined ? {} : { note: i18n.t('creators.headline.engaged', { count: i18n.number(h.engaged) }) }),
    },
  ];
}

export interface HeadlineProps {
  i18n: I18n;
  headline: Headline;
  periods: ReadonlyMap<string, PeriodInfo>;
  /** Where the seller sets a cost per sample (the options page). */
  costsUrl: string;
}

/** The shop's figures for the period above the list; each names its source and shows its formula on hover and focus. */
export function HeadlineView({ i18n, headline, periods, costsUrl }: HeadlineProps) {
  const figures = headlineFigures(i18n, headline);
  return (
    <section class="headline" aria-labelledby="headline-title" data-testid="headline">
      <h2 id="headline-title">{i18n.t('creators.headline')}</h2>
      <dl class="figures">
        {figures.map((f) => (
          <div class="figure card" key={f.id} data-figure={f.id}>
            <dt>
              <Term id={`tip-${f.id}`} tip={f.formula}>
                {f.name}
              </Term>
            </dt>
            <dd class="value" data-testid={`headline-${f.id}`}>
              {f.needsCost ? <strong class="needs">{i18n.t('creators.headline.needsCost')}</strong> : f.value === undefined ? <Unknown i18n={i18n} /> : f.value}
            </dd>
            {f.note && <dd class="note muted">{f.note}</dd>}
            {f.needsCost && (
              <dd>
                <a href={costsUrl} target="_blank" rel="noreferrer" data-testid="set-sample-cost">
                  {i18n.t('creators.headline.setCost')}
                </a>
              </dd>
            )}
            {f.id !== 'creators' && <dd class="source muted">{sourceLabel(i18n, f.source, periods)}</dd>}
          </div>
        ))}
      </dl>
      {headline.otherCurrency ? <p class="muted">{i18n.t('creators.headline.otherCurrency', { count: i18n.number(headline.otherCurrency) })}</p> : null}
    </section>
  );
}
