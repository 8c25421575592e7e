import { creatorsPath } from '../../lib/creators/pages';
import type { I18n } from '../../lib/i18n';

/** The link from the popup and the side panel to the shop's creators view, opened in a tab of its own. */
export function OpenCreatorsLink({ i18n, shopKey }: { i18n: I18n; shopKey: string }) {
  return (
    <p class="open-creators">
      <a href={creatorsPath(shopKey)} target="_blank" rel="noreferrer" data-testid="open-creators">
        {i18n.t('creators.open')}
      </a>{' '}
      <span class="muted">{i18n.t('creators.openHint')}</span>
    </p>
  );
}
