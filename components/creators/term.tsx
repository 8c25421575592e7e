import type { ComponentChildren } from 'preact';

/**
 * A figure's name with what it means (its term's formula, and where the figure came from) shown beside it on hover
 * and on keyboard focus, and read by screen readers as its description. Escape hides it (tips.ts).
 */
export function Term({ id, tip, children }: { id: string; tip: ComponentChildren; children: ComponentChildren }) {
  return (
    <span class="term">
      <span class="term-name" tabIndex={0} aria-describedby={id}>
        {children}
      </span>
      <span class="tip" role="tooltip" id={id}>
        {tip}
      </span>
    </span>
  );
}

/** A value the model does not know: a dash to see, "unknown" to hear. */
export function Unknown({ i18n }: { i18n: { t(key: 'creators.unknown'): string } }) {
  return (
    <span class="unknown">
      <span aria-hidden="true">—</span>
      <span class="sr-only">{i18n.t('creators.unknown')}</span>
    </span>
  );
}
