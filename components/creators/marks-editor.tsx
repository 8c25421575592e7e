import { useState } from 'preact/hooks';
import type { I18n } from '../../lib/i18n';
import type { MarksDraft, SaveStatus } from './detail-store';

export interface MarksActions {
  addTag(tag: string): void;
  removeTag(tag: string): void;
  setNote(note: string): void;
  setWatch(on: boolean): void;
  setBlocked(on: boolean): void;
  revert(): void;
  save(): Promise<boolean>;
}

export interface MarksEditorProps {
  i18n: I18n;
  draft: MarksDraft;
  dirty: boolean;
  status?: SaveStatus;
  actions: MarksActions;
}

/** The seller's own tags, note, watch and block on the creator, edited here and saved through the background. */
export function MarksEditor({ i18n, draft, dirty, status, actions }: MarksEditorProps) {
  const { t } = i18n;
  const [tag, setTag] = useState('');
  const add = () => {
    actions.addTag(tag);
    setTag('');
  };
  return (
    <section class="card marks" aria-labelledby="marks-title" data-testid="marks">
      <h2 id="marks-title">{t('creator.marks')}</h2>
      <p class="muted">{t('creator.marksHint')}</p>
      <h3 id="tags-title">{t('creator.tags')}</h3>
      {draft.tags.length ? (
        <ul class="tags" aria-labelledby="tags-title" data-testid="tags">
          {draft.tags.map((x) => (
            <li key={x} class="chip tag">
              {x}
              <button type="button" class="remove" aria-label={t('creator.removeTag', { tag: x })} onClick={() => actions.removeTag(x)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('creator.noTags')}</p>
      )}
      <form
        class="add-tag"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label class="field">
          <span>{t('creator.addTag')}</span>
          <input type="text" value={tag} maxLength={30} onInput={(e) => setTag(e.currentTarget.value)} data-testid="new-tag" />
        </label>
        <button type="submit" disabled={!tag.trim()} data-testid="add-tag">
          {t('creator.addTagButton')}
        </button>
      </form>
      <label class="field">
        <span>{t('creator.note')}</span>
        <textarea rows={3} maxLength={1000} value={draft.note} onInput={(e) => actions.setNote(e.currentTarget.value)} data-testid="note" />
      </label>
      <label class="check">
        <input type="checkbox" checked={draft.watch} onChange={(e) => actions.setWatch(e.currentTarget.checked)} data-testid="watch" />
        {t('creator.watch')}
      </label>
      <label class="check">
        <input type="checkbox" checked={draft.blocked} onChange={(e) => actions.setBlocked(e.currentTarget.checked)} data-testid="block" />
        {t('creator.block')}
      </label>
      <div class="actions">
        <button type="button" class="primary" disabled={!dirty || status?.kind === 'saving'} onClick={() => void actions.save()} data-testid="save-marks">
          {t('creator.save')}
        </button>
        <button type="button" disabled={!dirty || status?.kind === 'saving'} onClick={actions.revert}>
          {t('creator.revert')}
        </button>
        <span role="status" class={status?.kind === 'error' ? 'urgent' : 'muted'} data-testid="marks-status">
          {status?.kind === 'saving' ? t('creator.saving') : status?.kind === 'saved' ? t('creator.saved') : status?.kind === 'error' ? t(`creator.error.${status.reason}`) : ''}
        </span>
      </div>
    </section>
  );
}
