import { useSignal } from '@preact/signals';
import { useMemo, useRef } from 'preact/hooks';
import type { AppDB } from '../../lib/db/app-db';
import type { ImportRecord } from '../../lib/domain/types';
import type { I18n } from '../../lib/i18n';
import { periodOf } from '../../lib/import/dates';
import type { ImportRequest } from '../../lib/import/message';
import type { Prepared } from '../../lib/import/pipeline';
import { shopLocale } from '../../lib/import/region';
import type { FileProblem, ImportIssue, ImportKind } from '../../lib/import/types';
import { sendMessage } from '../../lib/messaging/protocol';
import { liveQuerySignal } from '../../lib/state/live-query';

/** How many problems the list shows; the rest are counted. */
const SHOWN_ISSUES = 100;

type Checked = Extract<Prepared, { status: 'checked' }>;

type State =
  | { step: 'idle' }
  | { step: 'reading' | 'checking'; fraction: number; done?: number; total?: number }
  | { step: 'saving'; id: string }
  | { step: 'review'; checked: Checked }
  | { step: 'done'; lines: string[] }
  | { step: 'message'; kind: 'ok' | 'error'; text: string };

const busy = (s: State): s is Extract<State, { step: 'reading' | 'checking' | 'saving' }> =>
  s.step === 'reading' || s.step === 'checking' || s.step === 'saving';

/** Imports of the exports sellers download from Affiliate Center: parsed and validated here, stored by the background. */
export function ImportsSection({ db, i18n }: { db: AppDB; i18n: I18n }) {
  const { t } = i18n;
  const shops = useMemo(() => liveQuerySignal(() => db.shops.orderBy('lastSeenAt').reverse().toArray()), [db]);
  const history = useMemo(() => liveQuerySignal(() => db.imports.orderBy('importedAt').reverse().limit(50).toArray()), [db]);
  const state = useSignal<State>({ step: 'idle' });
  const formError = useSignal<string | undefined>(undefined);
  const fileInput = useRef<HTMLInputElement>(null);
  const shopSelect = useRef<HTMLSelectElement>(null);
  const fromInput = useRef<HTMLInputElement>(null);
  const toInput = useRef<HTMLInputElement>(null);
  const controller = useRef<AbortController | undefined>(undefined);
  /** Set when the seller pressed Cancel while saving: a save that still completes says it came too late. */
  const cancelRequested = useRef(false);

  const kindName = (kind: ImportKind) => t(`imports.kind.${kind}`);
  const list = (items: readonly string[]) => items.map((c) => `“${c}”`).join(', ');
  const problemText = (p: FileProblem): string => {
    switch (p.problem) {
      case 'unrecognised':
        return t('imports.file.unrecognised', { columns: list(p.columns) });
      case 'missingColumns':
        return t('imports.file.missingColumns', { kind: kindName(p.kind), columns: list(p.columns) });
      case 'noRows':
        return t('imports.file.noRows', { kind: kindName(p.kind) });
      case 'tooManyRows':
        return t('imports.file.tooManyRows', { rows: i18n.number(p.rows), max: i18n.number(p.max) });
      default:
        return t(`imports.file.${p.problem}`);
    }
  };
  const issueText = (i: ImportIssue) =>
    t(`imports.problem.${i.problem}`, { row: i.row, column: i.column, value: i.value, firstRow: i.firstRow ?? '' });
  const alreadyText = (r: ImportRecord) => t('imports.already', { file: r.fileName, when: i18n.dateTime(r.importedAt), rows: i18n.number(r.rows) });

  const save = async (checked: Checked, request: ImportRequest) => {
    state.value = { step: 'saving', id: request.id };
    try {
      const response = await sendMessage('importRows', request);
      if (response.ok && response.status === 'already') {
        state.value = { step: 'message', kind: 'ok', text: alreadyText(response.record) };
      } else if (response.ok) {
        const lines = [t('imports.done', { rows: i18n.number(response.record.rows), kind: kindName(checked.kind), file: response.record.fileName })];
        if (checked.orders !== undefined) lines.push(t('imports.doneOrders', { orders: i18n.number(checked.orders) }));
        if (response.record.skippedRows) lines.push(t('imports.doneSkipped', { skipped: i18n.number(response.record.skippedRows) }));
        const m = checked.matches;
        if (m) {
          const n = i18n.number;
          lines.push(
            t('imports.matches', { handle: n(m.byHandle), alias: n(m.byAlias), nickname: n(m.byNickname), added: n(m.added), none: n(m.unmatched + m.ambiguous) }),
          );
        }
        if (m?.ambiguous) lines.push(t('imports.ambiguous', { count: i18n.number(m.ambiguous) }));
        for (const form of ['percent', 'fraction'] as const) {
          const columns = checked.rates.filter((r) => r.form === form).map((r) => r.column);
          if (columns.length) lines.push(t(`imports.rates.${form}`, { columns: list(columns) }));
        }
        if (checked.unused.length) lines.push(t('imports.unused', { columns: list(checked.unused) }));
        if (cancelRequested.current) lines.unshift(t('imports.tooLate'));
        state.value = { step: 'done', lines };
      } else if (response.status === 'cancelled') {
        state.value = { step: 'message', kind: 'ok', text: t('imports.cancelled') };
      } else {
        state.value = { step: 'message', kind: 'error', text: t('imports.failed', { reason: response.reason }) };
      }
    } catch (error) {
      console.error('[collab-lens] import failed', error);
      state.value = { step: 'message', kind: 'error', text: t('imports.failed', { reason: error instanceof Error ? error.message : 'error' }) };
    }
  };
  const start = async (event: Event) => {
    event.preventDefault();
    const before = state.peek();
    if (busy(before)) return;
    const file = fileInput.current?.files?.[0];
    const shopKey = shopSelect.current?.value ?? '';
    const shop = shopKey ? shopLocale(shopKey) : undefined;
    const period = shop && periodOf(fromInput.current?.value ?? '', toInput.current?.value ?? '', shop.zone);
    formError.value = !file ? t('imports.needFile') : !shop ? t('imports.needShop') : !period ? t('imports.needPeriod') : undefined;
    if (!file || !shop || !period) return;
    if (before.step === 'review' && before.checked.request.rowCount) dropStage(before.checked.request.stage);
    const abort = new AbortController();
    controller.current = abort;
    cancelRequested.current = false;
    state.value = { step: 'reading', fraction: 0 };
    try {
      const { prepareImport } = await import('../../lib/import/pipeline');
      const bytes = new Uint8Array(await file.arrayBuffer());
      const prepared = await prepareImport(
        { name: file.name, bytes },
        {
          shop,
          period,
          signal: abort.signal,
          findImport: (id) => db.imports.get(id),
          knownCreators: async () => (await db.creators.toArray()).map((c) => ({ handle: c.handle, nickname: c.nickname, aliases: c.aliases })),
          stage: async (chunk) => {
            const staged = await sendMessage('stageImportRows', chunk);
            if (!staged.ok) throw new Error(staged.reason);
          },
          drop: (stage) => sendMessage('dropStagedImport', { stage }),
          onProgress: (p) => {
            state.value = { step: p.phase, fraction: p.fraction, done: p.done, total: p.total };
          },
        },
      );
      if (prepared.status === 'already') state.value = { step: 'message', kind: 'ok', text: alreadyText(prepared.record) };
      else if (prepared.status === 'problem') state.value = { step: 'message', kind: 'error', text: problemText(prepared.problem) };
      else if (prepared.issues.length) state.value = { step: 'review', checked: prepared };
      else await save(prepared, prepared.request);
    } catch (error) {
      if (abort.signal.aborted) state.value = { step: 'message', kind: 'ok', text: t('imports.cancelled') };
      else {
        console.error('[collab-lens] import failed', error);
        state.value = { step: 'message', kind: 'error', text: t('imports.failed', { reason: error instanceof Error ? error.message : 'error' }) };
      }
    }
  };

  /** The seller leaves the review without importing: the staged rows go. */
  const discard = (checked: Checked) => {
    state.value = { step: 'idle' };
    if (checked.request.rowCount) dropStage(checked.request.stage);
  };
  const dropStage = (stage: string) => {
    sendMessage('dropStagedImport', { stage }).catch((error: unknown) => console.error('[collab-lens] dropping a staged import failed', error));
  };

  const cancel = () => {
    const s = state.peek();
    if (s.step === 'saving') {
      cancelRequested.current = true;
      sendMessage('cancelImport', { id: s.id }).catch((error: unknown) => console.error('[collab-lens] cancel failed', error));
    } else controller.current?.abort();
  };

  const s = state.value;
  const shopList = shops.value;
  const past = history.value;
  return (
    <section aria-labelledby="imports" data-testid="imports">
      <h2 id="imports">{t('imports.title')}</h2>
      <p class="muted">{t('imports.hint')}</p>
      {shopList && shopList.length === 0 && <p>{t('imports.noShops')}</p>}
      <form onSubmit={start} noValidate aria-describedby={formError.value ? 'import-form-error' : undefined}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '12px', alignItems: 'flex-end' }}>
          <div>
            <label for="import-file" style={{ display: 'block', fontWeight: 600 }}>
              {t('imports.file')}
            </label>
            <input id="import-file" ref={fileInput} type="file" accept=".xlsx,.xls,.csv,.txt,text/csv" disabled={busy(s)} />
          </div>
          <div>
            <label for="import-shop" style={{ display: 'block', fontWeight: 600 }}>
              {t('imports.shop')}
            </label>
            <select id="import-shop" ref={shopSelect} disabled={busy(s) || !shopList?.length}>
              {(shopList ?? []).map((shop) => (
                <option key={shop.key} value={shop.key}>
                  {t('imports.shopOption', { region: shop.region, seller: shop.sellerId ?? t('imports.sellerUnknown'), host: shop.host })}
                </option>
              ))}
            </select>
          </div>
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontWeight: 600, padding: 0 }}>{t('imports.period')}</legend>
            <label for="import-from">{t('imports.from')}</label> <input id="import-from" ref={fromInput} type="date" disabled={busy(s)} />{' '}
            <label for="import-to">{t('imports.to')}</label> <input id="import-to" ref={toInput} type="date" disabled={busy(s)} />
          </fieldset>
          <button type="submit" class="primary" disabled={busy(s) || !shopList?.length}>
            {t('imports.start')}
          </button>
        </div>
        {formError.value && (
          <p id="import-form-error" role="alert" class="urgent">
            {formError.value}
          </p>
        )}
      </form>

      {busy(s) && (
        <div data-testid="import-running" style={{ margin: '10px 0' }}>
          <label for="import-progress" style={{ display: 'block' }}>
            {s.step === 'checking' && s.total !== undefined
              ? t('imports.checking', { done: i18n.number(s.done ?? 0), total: i18n.number(s.total) })
              : s.step === 'saving'
                ? t('imports.saving')
                : t('imports.reading')}
          </label>
          {s.step === 'saving' ? (
            <progress key="indeterminate" id="import-progress" data-step="saving" />
          ) : (
            <progress key="determinate" id="import-progress" data-step={s.step} max={1} value={s.fraction} />
          )}{' '}
          <button type="button" onClick={cancel}>
            {t('imports.cancel')}
          </button>
        </div>
      )}

      {s.step === 'review' && (
        <div role="alert" data-testid="import-errors">
          <p class="urgent">
            {t('imports.errors', {
              count: i18n.number(s.checked.issues.length),
              rows: i18n.number(s.checked.request.skippedRows),
              total: i18n.number(s.checked.dataRows),
            })}
          </p>
          <ul>
            {s.checked.issues.slice(0, SHOWN_ISSUES).map((issue, i) => (
              <li key={i}>{issueText(issue)}</li>
            ))}
          </ul>
          {s.checked.issues.length > SHOWN_ISSUES && <p>{t('imports.moreErrors', { count: i18n.number(s.checked.issues.length - SHOWN_ISSUES) })}</p>}
          {s.checked.request.rowCount > 0 && (
            <button type="button" class="primary" onClick={() => save(s.checked, s.checked.request)}>
              {t('imports.importValid', { count: i18n.number(s.checked.request.rowCount), skipped: i18n.number(s.checked.request.skippedRows) })}
            </button>
          )}{' '}
          <button type="button" onClick={() => discard(s.checked)}>
            {t('imports.discard')}
          </button>
        </div>
      )}

      {s.step === 'done' && (
        <div role="status" data-testid="import-result">
          {s.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
      {s.step === 'message' && (
        <p role={s.kind === 'error' ? 'alert' : 'status'} data-testid="import-result" class={s.kind === 'error' ? 'urgent' : undefined}>
          {s.text}
        </p>
      )}

      <h3 style={{ fontSize: '13px', margin: '12px 0 6px' }}>{t('imports.history')}</h3>
      {past && past.length === 0 && <p class="muted">{t('imports.none')}</p>}
      {past && past.length > 0 && (
        <table data-testid="import-history">
          <thead>
            <tr>
              <th scope="col">{t('imports.col.file')}</th>
              <th scope="col">{t('imports.col.kind')}</th>
              <th scope="col">{t('imports.col.shop')}</th>
              <th scope="col">{t('imports.col.period')}</th>
              <th scope="col" class="num">
                {t('imports.col.rows')}
              </th>
              <th scope="col">{t('imports.col.when')}</th>
            </tr>
          </thead>
          <tbody>
            {past.map((r) => (
              <tr key={r.id} data-import-id={r.id}>
                <td>{r.fileName}</td>
                <td>{kindName(r.kind)}</td>
                <td>{r.shopKey}</td>
                <td>{periodText(r, i18n)}</td>
                <td class="num">{i18n.number(r.rows)}</td>
                <td>{i18n.dateTime(r.importedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The period as the seller gave it: first and last day, in the shop's zone (the stored end is the start of the next day). */
function periodText(r: ImportRecord, i18n: I18n): string {
  const day = new Intl.DateTimeFormat(i18n.locale, { timeZone: shopLocale(r.shopKey).zone, day: 'numeric', month: 'short', year: 'numeric' });
  return i18n.t('imports.range', { from: day.format(r.period.start), to: day.format(r.period.end - 1) });
}
