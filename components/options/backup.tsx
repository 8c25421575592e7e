import { useSignal } from '@preact/signals';
import type { AppDB } from '../../lib/db/app-db';
import { EXPORT_FILE, EXPORT_TABLES, readExportTable, type ExportTableName } from '../../lib/backup/csv';
import { buildBackup, parseBackupText, rowCount, type Backup, type BackupProblem } from '../../lib/backup/format';
import { readAllTables } from '../../lib/backup/restore';
import { splitBackup, type RestoreAck } from '../../lib/backup/transfer';
import type { I18n } from '../../lib/i18n';
import { downloadTable, EXPORT_FORMATS, saveFile, stamp, type ExportFormat } from '../../lib/export/download';
import { sendMessage } from '../../lib/messaging/protocol';

async function countAll(db: AppDB): Promise<number> {
  const counts = await Promise.all(db.tables.map((t) => t.count()));
  return counts.reduce((a, b) => a + b, 0);
}

/** Send a backup to the background part by part; the last part's answer says whether it was restored. */
async function sendBackup(backup: Backup, onProgress: (done: number, total: number) => void): Promise<RestoreAck> {
  const parts = splitBackup(backup);
  const restoreId = crypto.randomUUID();
  let ack: RestoreAck = { ok: false, problem: { code: 'incomplete' } };
  for (const [index, part] of parts.entries()) {
    ack = await sendMessage('restoreBackup', { restoreId, index, count: parts.length, part });
    if (!ack.ok) return ack;
    onProgress(index + 1, parts.length);
  }
  return ack;
}

type Pending = { kind: 'restore'; backup: Backup; rows: number; current: number } | { kind: 'delete'; current: number };

/** Full backup and restore, deleting everything, and exports of the main tables as xlsx or CSV. */
export function BackupSection({ db, i18n }: { db: AppDB; i18n: I18n }) {
  const { t } = i18n;
  const status = useSignal<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);
  const pending = useSignal<Pending | undefined>(undefined);
  const busy = useSignal(false);

  const longDate = (iso: string) =>
    new Intl.DateTimeFormat(i18n.locale === 'id' ? 'id-ID' : (navigator.languages.find((l) => /^en-[A-Z]{2}$/i.test(l)) ?? 'en-US'), {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(iso));
  const ok = (text: string) => (status.value = { kind: 'ok', text });
  const problem = ({ code, ...vars }: BackupProblem) => (status.value = { kind: 'error', text: t(`backup.error.${code}`, vars) });

  const run = async (task: () => Promise<void>, failed: () => void = () => problem({ code: 'failed' })) => {
    busy.value = true;
    try {
      await task();
    } catch (error) {
      console.error('[collab-lens] backup task failed', error);
      failed();
    } finally {
      busy.value = false;
    }
  };

  const downloadBackup = () =>
    run(async () => {
      const now = Date.now();
      const backup = buildBackup(await readAllTables(db), db.verno, now);
      saveFile(`collab-lens-backup-${stamp(now)}.json`, new Blob([JSON.stringify(backup)], { type: 'application/json' }));
      ok(t('backup.downloaded', { rows: i18n.number(rowCount(backup.tables)) }));
    });

  const chooseFile = (input: HTMLInputElement) =>
    run(async () => {
      const file = input.files?.[0];
      input.value = '';
      if (!file) return;
      const checked = parseBackupText(await file.text(), db.verno);
      if (!checked.ok) {
        problem(checked.problem);
        return;
      }
      status.value = undefined;
      pending.value = { kind: 'restore', backup: checked.backup, rows: rowCount(checked.backup.tables), current: await countAll(db) };
    });

  const askDelete = () =>
    run(async () => {
      status.value = undefined;
      pending.value = { kind: 'delete', current: await countAll(db) };
    });

  const confirm = (p: Pending) =>
    run(async () => {
      pending.value = undefined;
      const backup = p.kind === 'restore' ? p.backup : buildBackup(Object.fromEntries(db.tables.map((tb) => [tb.name, []])), db.verno, Date.now());
      const ack = await sendBackup(backup, (done, total) => ok(t('backup.restoring', { done, total })));
      if (!ack.ok) problem(ack.problem);
      else if (p.kind === 'delete') ok(t('backup.deleted'));
      else ok(t('backup.restored', { rows: i18n.number(p.rows), when: longDate(p.backup.exportedAt) }));
    });

  const exportTable = (name: ExportTableName, format: ExportFormat) =>
    run(async () => {
      const table = await readExportTable(db, name);
      const file = await downloadTable(table, format, EXPORT_FILE[name]);
      ok(t('backup.exportDone', { file, rows: i18n.number(table.rows.length) }));
    }, () => (status.value = { kind: 'error', text: t('backup.exportFailed') }));

  const p = pending.value;
  return (
    <section aria-labelledby="backup" data-testid="backup">
      <h2 id="backup">{t('backup.title')}</h2>
      <p class="muted">{t('backup.intro')}</p>
      <p style={{ display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' }}>
        <button type="button" class="primary" onClick={downloadBackup} disabled={busy.value}>
          {t('backup.download')}
        </button>
        <button type="button" onClick={askDelete} disabled={busy.value}>
          {t('backup.deleteAll')}
        </button>
      </p>
      <p>
        <label for="restore-file" style={{ display: 'block', fontWeight: 600 }}>
          {t('backup.restoreLabel')}
        </label>
        <input
          id="restore-file"
          type="file"
          accept="application/json,.json"
          disabled={busy.value}
          aria-describedby="restore-hint"
          onChange={(e) => chooseFile(e.currentTarget)}
        />
      </p>
      <p id="restore-hint" class="muted">
        {t('backup.restoreHint')}
      </p>
      {p && (
        <div role="alertdialog" aria-labelledby="backup-confirm" class="card" data-testid="backup-confirm">
          <p id="backup-confirm">
            {p.kind === 'restore'
              ? t('backup.confirmRestore', { current: i18n.number(p.current), rows: i18n.number(p.rows), when: longDate(p.backup.exportedAt) })
              : t('backup.confirmDelete', { current: i18n.number(p.current) })}
          </p>
          <p style={{ display: 'flex', gap: '8px' }}>
            <button type="button" class="primary" style={p.kind === 'delete' ? { background: 'var(--urgent)' } : undefined} onClick={() => confirm(p)}>
              {p.kind === 'restore' ? t('backup.restore') : t('backup.deleteConfirm')}
            </button>
            <button type="button" onClick={() => (pending.value = undefined)}>
              {t('backup.cancel')}
            </button>
          </p>
        </div>
      )}
      <p role="status" class={status.value?.kind === 'error' ? 'urgent' : undefined} data-testid="backup-status">
        {status.value?.text}
      </p>
      <h2>{t('backup.exportTitle')}</h2>
      <p class="muted">{t('backup.exportHint')}</p>
      <ul style={{ margin: 0, paddingInlineStart: '16px' }}>
        {EXPORT_TABLES.map((name) => (
          <li key={name} data-export={name}>
            <span style={{ display: 'inline-flex', gap: '8px', flexWrap: 'wrap', alignItems: 'baseline' }}>
              <span>{t(`backup.table.${name}`)}</span>
              {EXPORT_FORMATS.map((format) => (
                <button
                  key={format}
                  type="button"
                  class="link"
                  data-format={format}
                  aria-label={t('backup.exportAs', { table: t(`backup.table.${name}`), format: t(`backup.format.${format}`) })}
                  onClick={() => exportTable(name, format)}
                  disabled={busy.value}
                >
                  {t(`backup.format.${format}`)}
                </button>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
