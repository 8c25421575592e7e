import { useState } from 'preact/hooks';
import { parseCostInput } from '../../lib/costs/input';
import type { Money } from '../../lib/domain/money';
import type { I18n, MessageKey } from '../../lib/i18n';
import { autoApprovalRule, type AutoApprovalRule, type Criterion, type DryRunResult } from '../../lib/triage/dry-run';

const DAY_MS = 86_400_000;
/** The rule's approvals listed one by one, at most this many (the totals count them all). */
const LISTED = 200;
const PERIODS = [30, 60, 90, 0] as const;

type Field = 'minFollowers' | 'minGmv' | 'minFulfilment' | 'maxPrice' | 'dailyQuota';
type Draft = Record<Field, string>;
type Errors = Partial<Record<Field, string>>;

export interface DryRunViewProps {
  i18n: I18n;
  /** The shop's currency (GMV and price criteria are in it); unknown for a region Collab Lens has no currency for. */
  currency: string | undefined;
  now: number;
  run(rule: AutoApprovalRule, period: { from: number; to: number }): Promise<DryRunResult>;
}

const INT_BOUNDS: Record<'minFollowers' | 'minFulfilment' | 'dailyQuota', [number, number]> = {
  minFollowers: [0, 1_000_000_000],
  minFulfilment: [0, 100],
  dailyQuota: [1, 100],
};

/** Pure: the rule the seller typed, or what is wrong with each field. */
function parseRule(draft: Draft, currency: string | undefined, i18n: I18n): { rule: AutoApprovalRule } | { errors: Errors } {
  const errors: Errors = {};
  const decimal = i18n.locale === 'id' ? ',' : '.';
  const int = (field: keyof typeof INT_BOUNDS): number | undefined => {
    const text = draft[field].trim();
    if (text === '' && field !== 'dailyQuota') return undefined;
    const [min, max] = INT_BOUNDS[field];
    const n = /^\d{1,10}$/.test(text) ? Number(text) : NaN;
    if (!(n >= min && n <= max)) errors[field] = i18n.t('dry.invalidNumber', { min: i18n.number(min), max: i18n.number(max) });
    return n;
  };
  const amount = (field: 'minGmv' | 'maxPrice'): Money | undefined => {
    if (draft[field].trim() === '') return undefined;
    const parsed = currency ? parseCostInput(draft[field], currency, decimal) : ({ ok: false } as const);
    if (!parsed.ok || !parsed.value) {
      errors[field] = i18n.t('dry.invalidMoney', { example: decimal === ',' ? '1.000,50' : '1,000.50' });
      return undefined;
    }
    return parsed.value;
  };
  const minFollowers = int('minFollowers');
  const minGmv = amount('minGmv');
  const minFulfilment = int('minFulfilment');
  const maxPrice = amount('maxPrice');
  const dailyQuota = int('dailyQuota');
  const parsed = autoApprovalRule.safeParse({
    ...(minFollowers === undefined ? {} : { minFollowers }),
    ...(minGmv ? { minGmv } : {}),
    ...(minFulfilment === undefined ? {} : { minFulfilmentBps: minFulfilment * 100 }),
    ...(maxPrice ? { maxPrice } : {}),
    dailyQuota,
  });
  if (Object.keys(errors).length || !parsed.success) return { errors };
  return { rule: parsed.data };
}

/** Amounts of one or more currencies, as `$12.00 + £3.00`; none is zero in the shop's currency. */
function moneyText(list: readonly Money[], currency: string | undefined, i18n: I18n): string {
  if (list.length === 0) return currency ? i18n.money({ minor: 0, currency }) : i18n.number(0);
  return list.map((m) => i18n.money(m)).join(' + ');
}

const CRITERIA: readonly [Criterion, keyof AutoApprovalRule][] = [
  ['followers', 'minFollowers'],
  ['gmv', 'minGmv'],
  ['fulfilment', 'minFulfilmentBps'],
  ['price', 'maxPrice'],
];

function Result({ r, rule, i18n, currency }: { r: DryRunResult; rule: AutoApprovalRule; i18n: I18n; currency: string | undefined }) {
  const { t } = i18n;
  const n = (x: number) => i18n.number(x);
  const used = CRITERIA.filter(([, key]) => rule[key] !== undefined);
  const approvals = r.decisions.filter((d) => d.outcome === 'approved');
  const d = r.delivered;
  return (
    <section class="dry-result" data-testid="dry-result" aria-live="polite">
      <p data-testid="dry-summary">{t('dry.summary', { considered: n(r.considered), approved: n(r.approved), overQuota: n(r.overQuota) })}</p>
      {r.withoutTime > 0 && <p class="muted">{t('dry.withoutTime', { count: n(r.withoutTime) })}</p>}
      {used.length > 0 && (
        <table data-testid="dry-not-met">
          <caption>{t('dry.notMet')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dry.criterion')}</th>
              <th scope="col" class="num">
                {t('dry.col.failed')}
              </th>
              <th scope="col" class="num">
                {t('dry.col.unknown')}
              </th>
            </tr>
          </thead>
          <tbody>
            {used.map(([c]) => (
              <tr key={c} data-criterion={c}>
                <th scope="row">{t(`dry.criterion.${c}`)}</th>
                <td class="num">{n(r.notMet[c].failed)}</td>
                <td class="num">{n(r.notMet[c].unknown)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="muted">{t('dry.figuresNote')}</p>
      {r.laterFigures > 0 && <p data-testid="dry-later">{t('dry.later', { count: n(r.laterFigures) })}</p>}
      <p data-testid="dry-seller">
        {t('dry.seller', { total: n(r.approved), approved: n(r.seller.approved), rejected: n(r.seller.rejected), other: n(r.seller.other), sellerOnly: n(r.sellerOnly) })}
      </p>
      <h3>{t('dry.delivered')}</h3>
      <p data-testid="dry-sent">{t('dry.sent', { sent: n(d.sent), posted: n(d.posted), videos: n(d.videos), lives: n(d.lives) })}</p>
      <p data-testid="dry-orders">
        {d.skuOrders === 0
          ? t('dry.noOrders')
          : t('dry.orders', {
              skuOrders: n(d.skuOrders),
              gmv: moneyText(d.gmv, currency, i18n),
              estimated: moneyText(d.estimatedCommission, currency, i18n),
              actual: moneyText(d.actualCommission, currency, i18n),
              withActual: n(d.withActual),
            })}
      </p>
      <h3>{t('dry.cost')}</h3>
      {r.cost.withCost > 0 && <p data-testid="dry-cost">{t('dry.costTotal', { withCost: n(r.cost.withCost), total: moneyText(r.cost.total, currency, i18n) })}</p>}
      {r.cost.missing > 0 && <p data-testid="dry-cost-missing">{t('dry.costMissing', { missing: n(r.cost.missing), skus: n(r.cost.missingSkus.length) })}</p>}
      {r.days.length > 0 && (
        <details>
          <summary>{t('dry.days')}</summary>
          <p class="muted">{t('dry.dayNote')}</p>
          <table data-testid="dry-days">
            <thead>
              <tr>
                <th scope="col">{t('dry.col.day')}</th>
                <th scope="col" class="num">
                  {t('dry.col.qualified')}
                </th>
                <th scope="col" class="num">
                  {t('dry.col.approved')}
                </th>
              </tr>
            </thead>
            <tbody>
              {r.days.map((day) => (
                <tr key={day.day}>
                  <th scope="row">{day.day}</th>
                  <td class="num">{n(day.qualified)}</td>
                  <td class="num">{n(day.approved)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {approvals.length > 0 && (
        <details>
          <summary>{t('dry.list')}</summary>
          {approvals.length > LISTED && <p class="muted">{t('dry.listCapped', { shown: n(LISTED), total: n(approvals.length) })}</p>}
          <table data-testid="dry-approvals">
            <thead>
              <tr>
                <th scope="col">{t('dry.col.applied')}</th>
                <th scope="col">{t('dry.col.creator')}</th>
                <th scope="col">{t('dry.col.status')}</th>
                <th scope="col">{t('dry.col.content')}</th>
                <th scope="col" class="num">
                  {t('dry.col.cost')}
                </th>
              </tr>
            </thead>
            <tbody>
              {approvals.slice(0, LISTED).map((a) => (
                <tr key={a.applyId} data-apply-id={a.applyId}>
                  <td>{i18n.dateTime(a.appliedAt)}</td>
                  <td>@{a.handle}</td>
                  <td>{t(`status.${a.status}`)}</td>
                  <td>{!a.sent ? t('dry.content.notSent') : a.posted ? t('dry.content.posted') : t('dry.content.none')}</td>
                  <td class="num">{a.cost ? i18n.money(a.cost) : t('dry.cost.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}

const FIELD_LABELS: Record<Field, MessageKey> = {
  minFollowers: 'dry.minFollowers',
  minGmv: 'dry.minGmv',
  minFulfilment: 'dry.minFulfilment',
  maxPrice: 'dry.maxPrice',
  dailyQuota: 'dry.quota',
};

/** The dry-run form: the rule, the period, and what the rule would have done over the stored requests. */
export function DryRunView({ i18n, currency, now, run }: DryRunViewProps) {
  const { t } = i18n;
  const [draft, setDraft] = useState<Draft>({ minFollowers: '', minGmv: '', minFulfilment: '', maxPrice: '', dailyQuota: '10' });
  const [days, setDays] = useState<(typeof PERIODS)[number]>(90);
  const [errors, setErrors] = useState<Errors>({});
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'running' } | { kind: 'done'; result: DryRunResult; rule: AutoApprovalRule }>({ kind: 'idle' });

  const submit = async (e: Event) => {
    e.preventDefault();
    const parsed = parseRule(draft, currency, i18n);
    if ('errors' in parsed) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setState({ kind: 'running' });
    const result = await run(parsed.rule, { from: days ? now - days * DAY_MS : 0, to: now + 1 });
    setState({ kind: 'done', result, rule: parsed.rule });
  };

  const field = (name: Field, money: boolean) => {
    const error = errors[name];
    const id = `dry-${name}`;
    const noCurrency = money && !currency;
    return (
      <div class="field" key={name}>
        <label for={id}>{t(FIELD_LABELS[name], { currency: currency ?? '' })}</label>
        <input
          id={id}
          name={name}
          inputMode={money ? 'decimal' : 'numeric'}
          value={draft[name]}
          disabled={noCurrency}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(e) => setDraft({ ...draft, [name]: e.currentTarget.value })}
        />
        {error && (
          <p id={`${id}-error`} class="error">
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <section class="dry-run">
      <h2>{t('dry.title')}</h2>
      <p class="muted">{t('dry.intro')}</p>
      <form onSubmit={(e) => void submit(e)} data-testid="dry-form" noValidate>
        <p class="muted">{t('dry.optional')}</p>
        {!currency && <p class="muted">{t('dry.noCurrency')}</p>}
        {field('minFollowers', false)}
        {field('minGmv', true)}
        {field('minFulfilment', false)}
        {field('maxPrice', true)}
        {field('dailyQuota', false)}
        <div class="field">
          <label for="dry-period">{t('dry.period')}</label>
          <select id="dry-period" value={String(days)} onChange={(e) => setDays(Number(e.currentTarget.value) as (typeof PERIODS)[number])}>
            {PERIODS.map((p) => (
              <option key={p} value={String(p)}>
                {p ? t('dry.period.days', { days: p }) : t('dry.period.all')}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="primary" disabled={state.kind === 'running'}>
          {t('dry.run')}
        </button>
      </form>
      {state.kind === 'running' && <p role="status">{t('dry.running')}</p>}
      {state.kind === 'done' && <Result r={state.result} rule={state.rule} i18n={i18n} currency={currency} />}
    </section>
  );
}
