import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import {
  MIN_RATE_BASE,
  STAGES,
  TIERS,
  addFunnel,
  emptyFunnel,
  funnelRates,
  rateOf,
  recentWeeks,
  type ChannelFigures,
  type ChannelsAggregate,
  type Funnel,
  type InvitationAggregate,
  type MessageAggregate,
} from '../../lib/aggregates/model';
import { CHANNELS } from '../../lib/domain/order-line';
import { outreachItem, outreachSettingsFrom, QUOTA_BOUNDS, readOutreachSettings, type OutreachSettings } from '../../lib/aggregates/settings';
import type { AppDB } from '../../lib/db/app-db';
import type { I18n } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging/protocol';
import { axisFont, Chart, type ChartSpec } from './chart';
import { useAggregate, useAggregates } from './data';
import { day, RateText } from './format';

/** Weeks the funnel and the trend cover. */
const WEEKS = 12;

function funnelChart(f: Funnel, labels: string[], i18n: I18n): ChartSpec {
  return (U, _size, c) => ({
    options: {
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [-0.5, STAGES.length - 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [
        { stroke: c.muted, font: axisFont, grid: { show: false }, ticks: { show: false }, splits: () => STAGES.map((_, i) => i), values: (_u, v) => v.map((i) => labels[i] ?? '') },
        { stroke: c.muted, font: axisFont, grid: { stroke: c.line, width: 1 }, ticks: { show: false }, size: 40, values: (_u, v) => v.map((n) => i18n.number(n)) },
      ],
      series: [{}, { fill: c.series[0], stroke: c.series[0], paths: U.paths.bars?.({ size: [0.7, 48] }), points: { show: false } }],
    },
    data: [STAGES.map((_, i) => i), STAGES.map((s) => f[s])],
  });
}

function trendChart(weeks: { week: string; funnel: Funnel }[], i18n: I18n): ChartSpec {
  return (_U, _size, c) => ({
    options: {
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [
        {
          stroke: c.muted,
          font: axisFont,
          grid: { show: false },
          ticks: { show: false },
          splits: () => weeks.map((_, i) => i).filter((i) => i % 2 === weeks.length % 2 || i === weeks.length - 1),
          values: (_u, v) => v.map((i) => (weeks[i] ? i18n.t('popup.outreach.weekShort', { n: Number(weeks[i].week.slice(-2)) }) : '')),
        },
        { stroke: c.muted, font: axisFont, grid: { stroke: c.line, width: 1 }, ticks: { show: false }, size: 40, values: (_u, v) => v.map((n) => i18n.number(n)) },
      ],
      series: [
        {},
        { stroke: c.series[0], width: 2, points: { show: true, size: 5 } },
        { stroke: c.series[1], width: 2, points: { show: true, size: 5 } },
        { stroke: c.series[2], width: 2, points: { show: true, size: 5 } },
      ],
    },
    data: [weeks.map((_, i) => i), weeks.map((w) => w.funnel.invited), weeks.map((w) => w.funnel.accepted), weeks.map((w) => w.funnel.posted)],
  });
}

/** The stored settings, followed as they change (the popup saves through the background). */
function useOutreachSettings() {
  const settings = useSignal<OutreachSettings | undefined>(undefined);
  useEffect(() => {
    void readOutreachSettings().then((v) => (settings.value = v));
    return outreachItem.watch((v) => (settings.value = outreachSettingsFrom(v)));
  }, []);
  return settings.value;
}

function Quota({ invited, week, i18n }: { invited: number; week: string; i18n: I18n }) {
  const { t } = i18n;
  const settings = useOutreachSettings();
  const draft = useSignal<string | undefined>(undefined);
  const status = useSignal<string>('');
  if (!settings) return null;
  const quota = settings.weeklyQuota;
  const save = async (e: Event) => {
    e.preventDefault();
    const n = Number(draft.value ?? quota);
    const ack = Number.isInteger(n) ? await sendMessage('saveOutreachSettings', { weeklyQuota: n }).catch(() => ({ ok: false as const })) : { ok: false as const };
    status.value = ack.ok ? t('popup.outreach.quotaSaved') : t('popup.outreach.quotaInvalid', { min: QUOTA_BOUNDS.min, max: i18n.number(QUOTA_BOUNDS.max) });
    if (ack.ok) draft.value = undefined;
  };
  return (
    <section class="card" aria-labelledby="quota-title" data-testid="quota">
      <h3 id="quota-title">{t('popup.outreach.quota')}</h3>
      <progress max={quota} value={Math.min(invited, quota)} aria-label={t('popup.outreach.quotaBar')} class={invited > quota ? 'over' : undefined} />
      <p data-testid="quota-progress" class={invited > quota ? 'urgent' : undefined}>
        {invited > quota
          ? t('popup.outreach.quotaOver', { count: i18n.number(invited), week, over: i18n.number(invited - quota), quota: i18n.number(quota) })
          : t('popup.outreach.quotaProgress', { count: i18n.number(invited), quota: i18n.number(quota), week })}
      </p>
      <p class="muted source">{t('popup.outreach.quotaHint')}</p>
      <form class="row" onSubmit={save} noValidate>
        <label>
          {t('popup.outreach.quotaLabel')}
          <input
            id="weekly-quota"
            type="number"
            min={QUOTA_BOUNDS.min}
            max={QUOTA_BOUNDS.max}
            step="1"
            value={draft.value ?? String(quota)}
            onInput={(e) => {
              draft.value = (e.currentTarget as HTMLInputElement).value;
              status.value = '';
            }}
          />
        </label>
        <button type="submit">{t('popup.outreach.quotaSave')}</button>
      </form>
      <p role="status" class="muted">
        {status.value}
      </p>
    </section>
  );
}

/** The stages a row of the invitation and message tables shows, in its columns' order. */
const ROW_STAGES = ['invited', 'accepted', 'requested', 'posted', 'ordered'] as const;

/** A stage's count over its rate from the stage before. */
function CountAndRate({ count, rate, i18n }: { count: number; rate: Parameters<typeof RateText>[0]['rate']; i18n: I18n }) {
  return (
    <td class="num">
      {i18n.number(count)}
      <br />
      <RateText rate={rate} i18n={i18n} min={MIN_RATE_BASE} />
    </td>
  );
}

/** Counts of the stages a row of the invitation and message tables shows, with the accepted and posted rates. */
function FunnelCells({ f, i18n }: { f: Funnel; i18n: I18n }) {
  const r = funnelRates(f);
  return (
    <>
      <td class="num">{i18n.number(f.invited)}</td>
      <CountAndRate count={f.accepted} rate={r.accepted} i18n={i18n} />
      <td class="num">{i18n.number(f.requested)}</td>
      <CountAndRate count={f.posted} rate={r.posted} i18n={i18n} />
      <td class="num">{i18n.number(f.ordered)}</td>
    </>
  );
}

/** A table's head: its first column names the rows, every other one holds numbers. */
function TableHead({ first, numbers }: { first: string; numbers: readonly string[] }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {numbers.map((n) => (
          <th key={n} scope="col" class="num">
            {n}
          </th>
        ))}
      </tr>
    </thead>
  );
}

function Invitations({ rows, i18n }: { rows: InvitationAggregate[]; i18n: I18n }) {
  const { t } = i18n;
  const sorted = [...rows].sort((a, b) => b.week.localeCompare(a.week) || (b.startAt ?? 0) - (a.startAt ?? 0) || a.name.localeCompare(b.name));
  return (
    <details>
      <summary>{t('popup.outreach.byInvitation')}</summary>
      <table class="compact" data-testid="by-invitation">
        <TableHead first={t('popup.outreach.name')} numbers={ROW_STAGES.map((s) => t(`popup.stageShort.${s}`))} />
        <tbody>
          {sorted.map((r) => (
            <tr key={r.id} data-invitation={r.id}>
              <th scope="row">
                {r.name}
                <div class="muted source">{r.week}</div>
                {r.products === 0 && <div class="muted source">{t('popup.outreach.noProducts')}</div>}
              </th>
              <FunnelCells f={r.funnel} i18n={i18n} />
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function Messages({ rows, i18n }: { rows: MessageAggregate[]; i18n: I18n }) {
  const { t } = i18n;
  const sorted = [...rows].sort((a, b) => b.funnel.invited - a.funnel.invited || a.text.localeCompare(b.text));
  return (
    <details>
      <summary>{t('popup.outreach.byMessage')}</summary>
      <p class="muted source">{t('popup.outreach.byMessageHint')}</p>
      <table class="compact" data-testid="by-message">
        <TableHead first={t('popup.outreach.message')} numbers={ROW_STAGES.map((s) => t(`popup.stageShort.${s}`))} />
        <tbody>
          {sorted.map((r) => (
            <tr key={r.messageKey}>
              <th scope="row" class="message">
                {r.text || t('popup.outreach.noMessage')}
              </th>
              <FunnelCells f={r.funnel} i18n={i18n} />
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** One channel's figures summed over weeks. */
function addFigures(into: ChannelFigures, f: ChannelFigures): ChannelFigures {
  for (const k of Object.keys(into) as (keyof ChannelFigures)[]) into[k] += f[k];
  return into;
}

/**
 * The shop's affiliate orders of the last weeks by the channel that sold them, each figure with what it counts and,
 * below the table, where the lines were seen.
 */
function Channels({ rows, now, i18n }: { rows: readonly ChannelsAggregate[]; now: number; i18n: I18n }) {
  const { t } = i18n;
  const recentSet = new Set(recentWeeks(now, WEEKS).map((w) => w.week));
  const recent = rows.filter((r) => recentSet.has(r.week));
  const heading = <h3 id="channels-title">{t('popup.channels.title', { weeks: WEEKS })}</h3>;
  if (!recent.length) {
    return (
      <section aria-labelledby="channels-title" data-testid="channels-section">
        {heading}
        <p class="muted" data-testid="channels-empty">
          {t('popup.channels.none')}
        </p>
      </section>
    );
  }
  const zero = (): ChannelFigures => ({ skuOrders: 0, orders: 0, gmv: 0, gmvLines: 0, fromCommission: 0, actualGmv: 0, actualLines: 0 });
  const sums = Object.fromEntries(CHANNELS.map((c) => [c, recent.reduce((f, r) => addFigures(f, r.channels[c]), zero())])) as Record<(typeof CHANNELS)[number], ChannelFigures>;
  const currency = recent[recent.length - 1]?.currency;
  const money = (minor: number) => (currency ? i18n.money({ minor, currency }) : '—');
  const shown = CHANNELS.filter((c) => c === 'video' || c === 'live' || c === 'showcase' || sums[c].skuOrders > 0);
  const all = CHANNELS.reduce((f, c) => addFigures(f, sums[c]), zero());
  const otherCurrency = recent.reduce((n, r) => n + r.otherCurrency, 0);
  const imported = recent.reduce((n, r) => n + r.imported, 0);
  return (
    <section aria-labelledby="channels-title" data-testid="channels-section">
      {heading}
      <table class="compact" data-testid="channels">
        <TableHead
          first={t('popup.channels.channel')}
          numbers={[t('popup.channels.skuOrders'), t('popup.channels.orders'), t('popup.channels.gmv'), t('popup.channels.actualGmv')]}
        />
        <tbody>
          {shown.map((c) => {
            const f = sums[c];
            return (
              <tr key={c} data-channel={c}>
                <th scope="row">{t(`popup.channel.${c}`)}</th>
                <td class="num">{i18n.number(f.skuOrders)}</td>
                <td class="num">{i18n.number(f.orders)}</td>
                <td class="num">
                  {money(f.gmv)}
                  <div class="muted source">{t('popup.channels.over', { n: i18n.number(f.gmvLines) })}</div>
                </td>
                <td class="num">
                  {money(f.actualGmv)}
                  <div class="muted source">{t('popup.channels.over', { n: i18n.number(f.actualLines) })}</div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="muted source" data-testid="channels-note">
        {t('popup.channels.note')}
        {all.fromCommission > 0 && ` ${t('popup.channels.fromCommission', { n: i18n.number(all.fromCommission), lines: i18n.number(all.gmvLines) })}`}
        {otherCurrency > 0 && ` ${t('popup.channels.otherCurrency', { n: i18n.number(otherCurrency) })}`}
      </p>
      <p class="muted source" data-testid="channels-source">
        {t('popup.channels.source', {
          lines: i18n.number(all.skuOrders),
          from: day(i18n, Math.min(...recent.map((r) => r.from))),
          to: day(i18n, Math.max(...recent.map((r) => r.to))),
          seen: i18n.dateTime(Math.max(...recent.map((r) => r.seenAt))),
        })}
        {imported > 0 && ` ${t('popup.channels.imported', { n: i18n.number(imported) })}`}
      </p>
    </section>
  );
}

/**
 * The outreach funnel per week, invitation and message text, rates by creator tier, this week against the quota, and
 * the shop's affiliate orders by channel.
 */
export function OutreachView({ db, i18n, shopKey, now }: { db: AppDB; i18n: I18n; shopKey: string; now: number }) {
  const { t } = i18n;
  const weeks = useAggregates(db, shopKey, 'week').value;
  const invitations = useAggregates(db, shopKey, 'invitation').value;
  const messages = useAggregates(db, shopKey, 'message').value;
  const tiers = useAggregate(db, shopKey, 'tiers').value;
  const channels = useAggregates(db, shopKey, 'channels').value;
  if (weeks === undefined || invitations === undefined || messages === undefined || tiers === undefined || channels === undefined) return null;
  if (!invitations.length) {
    return (
      <div>
        <p class="card" data-testid="outreach-empty">
          {t('popup.outreach.none')}
        </p>
        <Channels rows={channels} now={now} i18n={i18n} />
      </div>
    );
  }

  const byWeek = new Map(weeks.map((w) => [w.week, w]));
  const recent = recentWeeks(now, WEEKS).map((w) => ({ ...w, row: byWeek.get(w.week), funnel: byWeek.get(w.week)?.funnel ?? emptyFunnel() }));
  const total = recent.reduce((f, w) => addFunnel(f, w.funnel), emptyFunnel());
  const totalRates = funnelRates(total);
  const thisWeek = recent[recent.length - 1] as (typeof recent)[number];
  const shortLabels = STAGES.map((s) => t(`popup.stageShort.${s}`));

  return (
    <div>
      <Quota invited={thisWeek.funnel.invited} week={thisWeek.week} i18n={i18n} />

      <h3>{t('popup.outreach.funnel', { weeks: WEEKS })}</h3>
      <Chart label={t('popup.outreach.funnelChart', { weeks: WEEKS })} describedBy="funnel-table" spec={funnelChart(total, shortLabels, i18n)} deps={[JSON.stringify(total), i18n.locale]} testId="funnel-chart" />
      <table id="funnel-table" class="compact" data-testid="funnel">
        <TableHead first={t('popup.outreach.stage')} numbers={[t('popup.outreach.creators'), t('popup.outreach.share')]} />
        <tbody>
          {STAGES.map((s) => (
            <tr key={s} data-stage={s}>
              <th scope="row">{t(`popup.stage.${s}`)}</th>
              <td class="num">{i18n.number(total[s])}</td>
              <td class="num">{s === 'invited' ? '' : <RateText rate={totalRates[s]} i18n={i18n} min={MIN_RATE_BASE} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted source">{t('popup.outreach.funnelNote', { skuOrders: i18n.number(total.skuOrders), min: MIN_RATE_BASE })}</p>

      <h3>{t('popup.outreach.weekly')}</h3>
      <Chart label={t('popup.outreach.trendChart', { weeks: WEEKS })} describedBy="weekly-table" spec={trendChart(recent, i18n)} deps={[JSON.stringify(recent.map((w) => w.funnel)), i18n.locale]} testId="trend-chart" />
      <ul class="legend" aria-hidden="true">
        {(['invited', 'accepted', 'posted'] as const).map((s, i) => (
          <li key={s}>
            <span class={`swatch s${i + 1}`} />
            {t(`popup.stage.${s}`)}
          </li>
        ))}
      </ul>
      <table id="weekly-table" class="compact" data-testid="weekly">
        <TableHead first={t('popup.outreach.week')} numbers={[t('popup.outreach.invitations'), ...shortLabels]} />
        <tbody>
          {[...recent].reverse().map((w) => (
            <tr key={w.week} data-week={w.week}>
              <th scope="row">
                <span class="nowrap">{w.week}</span>
                <div class="muted source">{t('popup.outreach.weekFrom', { date: day(i18n, w.start) })}</div>
              </th>
              <td class="num">{i18n.number(w.row?.invitations ?? 0)}</td>
              {STAGES.map((s) => (
                <td key={s} class="num">
                  {i18n.number(w.funnel[s])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>

      <Invitations rows={invitations} i18n={i18n} />
      <Messages rows={messages} i18n={i18n} />

      <h3>{t('popup.outreach.byTier')}</h3>
      <table class="compact" data-testid="by-tier">
        <TableHead first={t('popup.outreach.tier')} numbers={[t('popup.stageShort.invited'), t('popup.outreach.response'), t('popup.outreach.posting')]} />
        <tbody>
          {TIERS.map((tier) => {
            const s = tiers?.tiers[tier] ?? { funnel: emptyFunnel(), response: rateOf(0, 0), posting: rateOf(0, 0) };
            return (
              <tr key={tier} data-tier={tier}>
                <th scope="row">{t(`popup.tier.${tier}`)}</th>
                <td class="num">{i18n.number(s.funnel.invited)}</td>
                <td class="num">
                  <RateText rate={s.response} i18n={i18n} min={MIN_RATE_BASE} />
                </td>
                <td class="num">
                  <RateText rate={s.posting} i18n={i18n} min={MIN_RATE_BASE} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="muted source">{t('popup.outreach.tierNote', { min: MIN_RATE_BASE })}</p>

      <Channels rows={channels} now={now} i18n={i18n} />
    </div>
  );
}
