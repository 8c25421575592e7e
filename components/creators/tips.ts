/**
 * Escape hides the tooltip shown on hover or focus (WCAG 1.4.13) until the pointer or the focus moves on. Returns the
 * stop, for an effect's cleanup.
 */
export function dismissableTips(doc: Document = document): () => void {
  const root = doc.documentElement;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') root.dataset.tips = 'off';
  };
  const show = () => delete root.dataset.tips;
  doc.addEventListener('keydown', onKey);
  doc.addEventListener('focusin', show);
  doc.addEventListener('pointerover', show);
  return () => {
    doc.removeEventListener('keydown', onKey);
    doc.removeEventListener('focusin', show);
    doc.removeEventListener('pointerover', show);
  };
}
