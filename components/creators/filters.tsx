import type { SortKey } from '../../lib/creators/model';
import type { CreatorFilter } from '../../lib/creators/queries';
import type { I18n } from '../../lib/i18n';
import { COLUMNS, columnName, columnOf } from './format';

export interface FilterActions {
  setText(value: string): void;
  setTag(tag: string | undefined): void;
  setWatch(on: boolean): void;
  setBlocked(choice: CreatorFilter['blocked']): void;
  setZeroGmv(on: boolean): void;
  setMinimum(key: SortKey, input: string): void;
  clearFilters(): void;
}

export interface FiltersProps {
  i18n: I18n;
  filter: CreatorFilter;
  /** The search text as typed (the filter follows when typing pauses). */
  text: string;
  minimum: { key: SortKey; input: string };
  minimumValid: boolean;
  tags: readonly string[];
  currency?: string;
  actions: FilterActions;
}

/** The list's filters: a text search, the seller's marks, no GMV, and a minimum of any sortable figure. */
export function Filters({ i18n, filter, text, minimum, minimumValid, tags, currency, actions }: FiltersProps) {
  const { t } = i18n;
  const kind = columnOf(minimum.key).kind;
  const valueProps = {
    'aria-label': t('creators.minimumValue'),
    'aria-describedby': 'minimum-hint',
    'aria-invalid': minimumValid ? undefined : ('true' as const),
    value: minimum.input,
    onInput: (e: Event) => actions.setMinimum(minimum.key, (e.currentTarget as HTMLInputElement).value),
    'data-testid': 'minimum-value',
  };
  const hint = kind === 'money' ? t('creators.minimumHint.money', { currency: currency ?? '' }) : t(`creators.minimumHint.${kind}`);
  return (
    <fieldset class="filters" data-testid="filters">
      <legend>{t('creators.filters')}</legend>
      <label class="field">
        <span>{t('creators.search')}</span>
        <input type="search" value={text} onInput={(e) => actions.setText(e.currentTarget.value)} data-testid="search" />
      </label>
      <label class="field">
        <span>{t('creators.tag')}</span>
        <select value={filter.tag ?? ''} onChange={(e) => actions.setTag(e.currentTarget.value || undefined)} data-testid="tag">
          <option value="">{t('creators.tag.any')}</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('creators.blocked')}</span>
        <select value={filter.blocked ?? ''} onChange={(e) => actions.setBlocked((e.currentTarget.value || undefined) as CreatorFilter['blocked'])} data-testid="blocked">
          <option value="">{t('creators.blocked.show')}</option>
          <option value="hide">{t('creators.blocked.hide')}</option>
          <option value="only">{t('creators.blocked.only')}</option>
        </select>
      </label>
      <label class="check">
        <input type="checkbox" checked={filter.watch === true} onChange={(e) => actions.setWatch(e.currentTarget.checked)} data-testid="watch" />
        {t('creators.watch')}
      </label>
      <label class="check">
        <input type="checkbox" checked={filter.zeroGmv === true} onChange={(e) => actions.setZeroGmv(e.currentTarget.checked)} data-testid="zero-gmv" />
        {t('creators.zeroGmv')}
      </label>
      <div class="field minimum" role="group" aria-labelledby="minimum-label">
        <span id="minimum-label">{t('creators.minimum')}</span>
        <select aria-label={t('creators.minimumFigure')} value={minimum.key} onChange={(e) => actions.setMinimum(e.currentTarget.value as SortKey, minimum.input)} data-testid="minimum-key">
          {COLUMNS.map((c) => (
            <option key={c.key} value={c.key}>
              {columnName(i18n, c)}
            </option>
          ))}
        </select>
        {kind === 'time' ? <input type="date" {...valueProps} /> : <input type="text" inputMode="decimal" {...valueProps} />}
        <span id="minimum-hint" class="muted">
          {minimumValid ? hint : t('creators.minimumInvalid')}
        </span>
      </div>
      <button type="button" class="link" onClick={actions.clearFilters} data-testid="clear-filters">
        {t('creators.clear')}
      </button>
    </fieldset>
  );
}
