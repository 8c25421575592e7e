import { useMemo } from 'preact/hooks';
import type { AppDB } from '../../lib/db/app-db';
import type { I18n } from '../../lib/i18n';
import { liveQuerySignal } from '../../lib/state/live-query';

/** Capture diagnostics per endpoint, so a changed TikTok response is visible at once. */
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
    </section>
  );
}
