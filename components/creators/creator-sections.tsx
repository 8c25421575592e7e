import type { ComponentChildren } from 'preact';
import type { ChannelFigures, ImportedChannels, InvitationAnswer, SampleOutcome } from '../../lib/creators/detail';
import type { CreatorRow, PeriodInfo } from '../../lib/creators/model';
import type { Money } from '../../lib/domain/money';
import type { I18n } from '../../lib/i18n';
import type { FindingView } from '../../lib/rules/view';
import { pageKindOf } from '../../lib/page-detect';
import { day } from '../popup/format';
import { COLUMNS, columnFormula, columnName, formatValue, periodLabel, sourceLabel, termTip } from './format';
import { Term, Unknown } from './term';

/** The sections of one creator's page: data in, tables out. */

const moneyText = (i18n: I18n, m: Money | undefined) => (m ? i18n.money(m) : undefined);

function Value({ i18n, text }: { i18n: I18n; text: string | undefined }) {
  return text === undefined ? <Unknown i18n={i18n} /> : <>{text}</>;
}

/** The creator's row of the creators view for each period: the same figures, each with its source on hover. */
export function PeriodsTable({ i18n, rows, periods }: { i18n: I18n; rows: readonly CreatorRow[]; periods: ReadonlyMap<string, PeriodInfo> }) {
  const { t } = i18n;
  const order = [...periods.keys()];
  const sorted = [...rows].sort((a, b) => order.indexOf(a.period) - order.indexOf(b.period));
  const figures = COLUMNS.filter((c) => c.key !== 'lastSeen');
  return (
    <section aria-labelledby="periods-title" data-testid="periods">
      <h2 id="periods-title">{t('creator.periods')}</h2>
      {sorted.length === 0 ? (
        <p class="muted">{t('creator.periods.none')}</p>
      ) : (
        <div class="wide">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('creator.periods.col')}</th>
                {figures.map((c) => (
                  <th scope="col" class="num" key={c.key}>
                    <Term id={`period-tip-${c.key}`} tip={columnFormula(i18n, c)}>
                      {columnName(i18n, c)}
                    </Term>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sorted.map((r) => (
                <tr key={r.period} data-period={r.period}>
                  <th scope="row">{periodLabel(i18n, periods.get(r.period), r.period)}</th>
                  {figures.map((c) => (
                    <td class="num" key={c.key} title={c.source ? sourceLabel(i18n, r.sources[c.source], periods) : undefined} data-col={c.key}>
                      <Value i18n={i18n} text={formatValue(i18n, c.kind, r[c.field])} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function SamplesTable({ i18n, samples }: { i18n: I18n; samples: readonly SampleOutcome[] }) {
  const { t } = i18n;
  return (
    <section aria-labelledby="samples-title" data-testid="samples">
      <h2 id="samples-title">{t('creator.samples')}</h2>
      <p class="muted">{t('creator.samples.hint')}</p>
      {samples.length === 0 ? (
        <p class="muted">{t('creator.samples.none')}</p>
      ) : (
        <div class="wide">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('creator.samples.col.product')}</th>
                <th scope="col">{t('creator.samples.col.requested')}</th>
                <th scope="col">{t('creator.samples.col.status')}</th>
                <th scope="col">{t('creator.samples.col.content')}</th>
                <th scope="col">{t('creator.samples.col.after')}</th>
              </tr>
            </thead>
            <tbody>
              {samples.map((s) => (
                <tr key={s.applyId} data-apply-id={s.applyId}>
                  <td>
                    {s.productTitle ?? s.productId}
                    <div class="muted source">{t('tip.source', { page: t(`page.${pageKindOf(s.source.page)}`), when: i18n.dateTime(s.lastSeenAt) })}</div>
                  </td>
                  <td>{day(i18n, s.appliedAt ?? s.firstSeenAt)}</td>
                  <td>{t(`status.${s.status}`)}</td>
                  <td>
                    {t('creator.samples.content', { videos: i18n.number(s.content.videos), lives: i18n.number(s.content.lives) })}
                    {s.content.views !== undefined && <div class="muted">{t('creator.samples.views', { views: i18n.number(s.content.views) })}</div>}
                  </td>
                  <td>
                    {s.after.skuOrders === 0
                      ? t('creator.samples.afterNone')
                      : t('creator.samples.after', {
                          orders: i18n.number(s.after.orders),
                          gmv: moneyText(i18n, s.after.gmv) ?? t('creators.unknown'),
                          commission: moneyText(i18n, s.after.commission) ?? t('creators.unknown'),
                        })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** A column of figures: its header and each row's value as text (undefined: unknown). */
interface NumColumn<T> {
  key: string;
  header: ComponentChildren;
  text(row: T): string | undefined;
}

/** A table of rows named in their first cell, with a column per figure. */
function FiguresTable<T>(p: {
  i18n: I18n;
  head: string;
  columns: readonly NumColumn<T>[];
  rows: readonly T[];
  rowKey(row: T): string;
  rowName(row: T): string;
  rowData?(row: T): Record<string, string>;
  caption?: string;
  testId?: string;
}) {
  return (
    <div class="wide">
      <table data-testid={p.testId}>
        {p.caption && <caption>{p.caption}</caption>}
        <thead>
          <tr>
            <th scope="col">{p.head}</th>
            {p.columns.map((c) => (
              <th scope="col" class="num" key={c.key}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r) => (
            <tr key={p.rowKey(r)} {...p.rowData?.(r)}>
              <th scope="row">{p.rowName(r)}</th>
              {p.columns.map((c) => (
                <td class="num" key={c.key}>
                  <Value i18n={p.i18n} text={c.text(r)} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ChannelsTable({ i18n, channels, otherCurrency, imported }: { i18n: I18n; channels: readonly ChannelFigures[]; otherCurrency: number; imported: readonly ImportedChannels[] }) {
  const { t } = i18n;
  const name = (term: 'skuOrders' | 'orders' | 'gmv' | 'commission' | 'refunds') => (
    <Term id={`channel-tip-${term}`} tip={termTip(i18n, term)}>
      {t(`term.${term}.name`)}
    </Term>
  );
  const captured: NumColumn<ChannelFigures>[] = [
    { key: 'skuOrders', header: name('skuOrders'), text: (c) => i18n.number(c.skuOrders) },
    { key: 'orders', header: name('orders'), text: (c) => i18n.number(c.orders) },
    { key: 'gmv', header: name('gmv'), text: (c) => moneyText(i18n, c.gmv) },
    { key: 'commission', header: name('commission'), text: (c) => moneyText(i18n, c.commission) },
    { key: 'refunds', header: name('refunds'), text: (c) => moneyText(i18n, c.refunds) },
  ];
  const fromExports: NumColumn<ImportedChannels>[] = [
    { key: 'video', header: t('creator.channel.video'), text: (x) => moneyText(i18n, x.video) },
    { key: 'live', header: t('creator.channel.live'), text: (x) => moneyText(i18n, x.live) },
    { key: 'showcase', header: t('creator.channel.showcase'), text: (x) => moneyText(i18n, x.showcase) },
    { key: 'orders', header: t('term.orders.name'), text: (x) => (x.orders === undefined ? undefined : i18n.number(x.orders)) },
    { key: 'commission', header: t('term.commission.name'), text: (x) => moneyText(i18n, x.commission) },
  ];
  return (
    <section aria-labelledby="channels-title" data-testid="channels">
      <h2 id="channels-title">{t('creator.channels')}</h2>
      <p class="muted">{t('creator.channels.hint')}</p>
      {channels.length === 0 ? (
        <p class="muted">{t('creator.channels.none')}</p>
      ) : (
        <FiguresTable
          i18n={i18n}
          head={t('creator.channels.col')}
          columns={captured}
          rows={channels}
          rowKey={(c) => c.channel}
          rowName={(c) => t(`creator.channel.${c.channel}`)}
          rowData={(c) => ({ 'data-channel': c.channel })}
        />
      )}
      {otherCurrency > 0 && <p class="muted">{t('creator.channels.otherCurrency', { count: i18n.number(otherCurrency) })}</p>}
      {imported.length > 0 && (
        <FiguresTable
          i18n={i18n}
          head={t('creator.channels.col.export')}
          columns={fromExports}
          rows={imported}
          rowKey={(x) => x.importId}
          rowName={(x) => t('creators.period.importDated', { file: x.fileName ?? x.importId, from: day(i18n, x.period.start), to: day(i18n, x.period.end) })}
          caption={t('creator.channels.imported')}
          testId="imported-channels"
        />
      )}
    </section>
  );
}

const ANSWERS = ['INVITED', 'ACCEPTED', 'POSTED'] as const;
const answerText = (i18n: I18n, state: string) =>
  (ANSWERS as readonly string[]).includes(state) ? i18n.t(`creator.answer.${state as (typeof ANSWERS)[number]}`) : i18n.t('creator.answer.unknown', { raw: state });

export function InvitationsTable({ i18n, invitations }: { i18n: I18n; invitations: readonly InvitationAnswer[] }) {
  const { t } = i18n;
  return (
    <section aria-labelledby="invitations-title" data-testid="invitations">
      <h2 id="invitations-title">{t('creator.invitations')}</h2>
      {invitations.length === 0 ? (
        <p class="muted">{t('creator.invitations.none')}</p>
      ) : (
        <div class="wide">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('creator.invitations.col.name')}</th>
                <th scope="col">{t('creator.invitations.col.dates')}</th>
                <th scope="col">{t('creator.invitations.col.answer')}</th>
                <th scope="col" class="num">
                  {t('creator.invitations.col.products')}
                </th>
                <th scope="col" class="num">
                  {t('creator.invitations.col.content')}
                </th>
                <th scope="col">{t('creator.invitations.col.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((inv) => (
                <tr key={inv.invitationId} data-invitation={inv.invitationId}>
                  <td>{inv.name ?? inv.invitationId}</td>
                  <td>
                    {inv.startAt === undefined && inv.endAt === undefined ? (
                      <Unknown i18n={i18n} />
                    ) : (
                      t('creator.invitations.dates', { from: inv.startAt === undefined ? '' : day(i18n, inv.startAt), to: inv.endAt === undefined ? '' : day(i18n, inv.endAt) })
                    )}
                  </td>
                  <td>{answerText(i18n, inv.state ?? inv.statusRaw)}</td>
                  <td class="num">
                    <Value i18n={i18n} text={inv.productsAdded === undefined ? undefined : i18n.number(inv.productsAdded)} />
                  </td>
                  <td class="num">
                    <Value i18n={i18n} text={inv.contentPosted === undefined ? undefined : i18n.number(inv.contentPosted)} />
                  </td>
                  <td>
                    {inv.changes.length ? (
                      <ul class="plain">
                        {inv.changes.map((c) => (
                          <li key={`${c.to}.${c.seenAt}`}>{t('creator.answer.change', { to: answerText(i18n, c.to), when: i18n.dateTime(c.seenAt) })}</li>
                        ))}
                      </ul>
                    ) : (
                      t('tip.source', { page: t('page.target-invitations'), when: i18n.dateTime(inv.lastSeenAt) })
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function FindingsList({ i18n, findings, now }: { i18n: I18n; findings: readonly FindingView[]; now: number }) {
  const { t } = i18n;
  const active = findings.filter((f) => f.state === 'active');
  return (
    <section aria-labelledby="findings-title" data-testid="findings">
      <h2 id="findings-title">{t('creator.findings')}</h2>
      {active.length === 0 ? (
        <p class="muted">{t('creator.findings.none')}</p>
      ) : (
        <ul class="plain findings">
          {active.map((f) => (
            <li key={f.id} class={`card finding sev-${f.severity}`} data-finding={f.id}>
              <p class="severity">{t(`popup.findings.severity.${f.severity}`)}</p>
              <h3>{f.title}</h3>
              <p>{f.message}</p>
              {f.dueAt !== undefined && <p class={f.dueAt - now < 86_400_000 ? 'urgent' : 'muted'}>{t('popup.findings.due', { at: i18n.dateTime(f.dueAt), relative: i18n.relative(f.dueAt, now) })}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
