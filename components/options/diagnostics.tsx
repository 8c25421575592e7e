import { useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ADAPTERS } from '../../lib/adapters';
import type { EndpointId } from '../../lib/capture/endpoints';
import type { AppDB } from '../../lib/db/app-db';
import type { EndpointStat } from '../../lib/domain/types';
import type { I18n } from '../../lib/i18n';
import { shapeReport } from '../../lib/shapes/report';
import { typesOf } from '../../lib/shapes/shape';
import { analyseShape, MISSING_AFTER, type EndpointShape } from '../../lib/shapes/watch';
import { liveQuerySignal } from '../../lib/state/live-query';

const readsOf = (endpoint: string) => ADAPTERS[endpoint as EndpointId]?.reads;

/** Answers of an endpoint that carried data and gave no record (`no_record` failures). */
const unreadAnswers = (s: EndpointStat) =>
  Object.entries(s.failures).reduce((n, [k, count]) => (k.endsWith(': no_record') ? n + count : n), 0);

/** Capture diagnostics per endpoint, and the shape watch, so a changed TikTok response is visible at once. */
export function Diagnostics({ db, i18n }: { db: AppDB; i18n: I18n }) {
  const stats = useMemo(() => liveQuerySignal(() => db.endpointStats.toArray()), [db]);
  const { t } = i18n;
  const rows = stats.value;
  return (
    <section aria-labelledby="diag">
      <h2 id="diag">{t('options.diagnostics')}</h2>
      <p class="muted">{t('options.diagnosticsHint')}</p>
      {rows && rows.length === 0 && <p>{t('options.noDiagnostics')}</p>}
      {rows && rows.length > 0 && (
        <table data-testid="diagnostics">
          <thead>
            <tr>
              <th scope="col">{t('options.endpoint')}</th>
              <th scope="col" class="num">{t('options.accepted')}</th>
              <th scope="col" class="num">{t('options.rejected')}</th>
              <th scope="col" class="num">{t('diagnostics.unreadAnswers')}</th>
              <th scope="col">{t('options.lastSeen')}</th>
              <th scope="col">{t('diagnostics.lastRejected')}</th>
              <th scope="col">{t('options.failures')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.endpoint} data-endpoint={s.endpoint}>
                <td><code>{s.endpoint}</code></td>
                <td class="num">{i18n.number(s.accepted)}</td>
                <td class="num">{i18n.number(s.rejected)}</td>
                <td class="num" data-testid="unread-answers">{i18n.number(unreadAnswers(s))}</td>
                <td>{i18n.dateTime(s.lastSeenAt)}</td>
                <td data-testid="last-rejected">{s.lastRejectedAt === undefined ? t('diagnostics.never') : i18n.dateTime(s.lastRejectedAt)}</td>
                <td>
                  <ul style={{ margin: 0, paddingInlineStart: '16px' }}>
                    {Object.entries(s.failures).map(([path, n]) => (
                      <li key={path}>
                        <code>{path}</code> × {n}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ShapeWatch db={db} i18n={i18n} stats={rows ?? []} />
    </section>
  );
}

function ShapeWatch({ db, i18n, stats }: { db: AppDB; i18n: I18n; stats: readonly EndpointStat[] }) {
  const shapes = useMemo(() => liveQuerySignal(() => db.shapes.toArray()), [db]);
  const copied = useSignal<'idle' | 'copied' | 'failed'>('idle');
  const { t } = i18n;
  const list = shapes.value;
  if (!list?.length) return null;
  const report = () => JSON.stringify(shapeReport(list, stats, readsOf, browser.runtime.getManifest().version, Date.now()), null, 2);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(report());
      copied.value = 'copied';
    } catch {
      copied.value = 'failed';
    }
  };
  const sorted = [...list].sort((a, b) => a.key.localeCompare(b.key));
  return (
    <div aria-labelledby="shape-watch" data-testid="shape-watch">
      <h3 id="shape-watch">{t('diagnostics.shapeWatch')}</h3>
      <p class="muted">{t('diagnostics.shapeWatchHint', { n: MISSING_AFTER })}</p>
      <p>
        <button type="button" onClick={copy} data-testid="copy-shape-report">
          {t('diagnostics.copyReport')}
        </button>{' '}
        <span role="status" data-testid="copy-status">
          {copied.value === 'copied' ? t('diagnostics.copied') : copied.value === 'failed' ? t('diagnostics.copyFailed') : ''}
        </span>
      </p>
      <details>
        <summary>{t('diagnostics.reportPreview')}</summary>
        <pre data-testid="shape-report" style={{ maxHeight: '320px', overflow: 'auto', whiteSpace: 'pre-wrap' }}>
          {report()}
        </pre>
      </details>
      {sorted.map((s) => (
        <ShapeCard key={s.key} shape={s} i18n={i18n} />
      ))}
    </div>
  );
}

function ShapeCard({ shape, i18n }: { shape: EndpointShape; i18n: I18n }) {
  const { t } = i18n;
  const reads = readsOf(shape.endpoint);
  const { unread, missing } = reads ? analyseShape(shape, reads) : { unread: [], missing: [] };
  const types = (mask: number) => typesOf(mask).join(' | ');
  return (
    <article data-shape={shape.key} style={{ borderTop: '1px solid #e5e6eb', padding: '8px 0' }}>
      <h4 style={{ margin: '4px 0' }}>
        <code>{shape.endpoint}</code>
        {shape.variant && <> · <code>{shape.variant}</code></>}
      </h4>
      <p class="muted" style={{ margin: '2px 0' }}>
        {t('diagnostics.shapeSummary', {
          answers: i18n.number(shape.answers),
          fields: i18n.number(Object.keys(shape.paths).length),
          from: i18n.dateTime(shape.firstSeenAt),
          to: i18n.dateTime(shape.lastSeenAt),
        })}
        {shape.truncated > 0 && ` ${t('diagnostics.truncated', { n: i18n.number(shape.truncated) })}`}
      </p>
      {unread.length === 0 && missing.length === 0 && <p style={{ margin: '2px 0' }}>{t('diagnostics.allRead')}</p>}
      {unread.length > 0 && (
        <>
          <p style={{ margin: '6px 0 2px' }}>{t('diagnostics.unreadFields', { n: i18n.number(unread.length) })}</p>
          <ul data-testid="unread-fields">
            {unread.map((u) => (
              <li key={u.path} data-path={u.path}>
                <code>{u.path}</code> ({types(u.types)}) ·{' '}
                {t('diagnostics.unreadSince', { date: i18n.dateTime(u.first), seen: i18n.number(u.seen), answers: i18n.number(shape.answers) })}
                {u.inside > 0 && ` · ${t('diagnostics.inside', { n: i18n.number(u.inside) })}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {missing.length > 0 && (
        <>
          <p style={{ margin: '6px 0 2px' }}>{t('diagnostics.missingFields', { n: i18n.number(missing.length) })}</p>
          <ul data-testid="missing-fields">
            {missing.map((m) => (
              <li key={m.path} data-path={m.path}>
                <code>{m.path}</code> ({types(m.types)}) ·{' '}
                {t('diagnostics.missingSince', { date: i18n.dateTime(m.last), n: i18n.number(m.absentFor) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
