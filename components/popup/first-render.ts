import { useEffect } from 'preact/hooks';

/**
 * The popup's first meaningful render: the first frame painted with the default view's first figure (the selected
 * category's median or its "too few rates" message, or the benchmark's empty state) or, when nothing is stored, the
 * empty state. Marked once with `performance.mark`, after the frame is painted (an animation frame, then a task), so
 * `performance.getEntriesByName(FIRST_MEANINGFUL_RENDER)[0].startTime` is the time from navigation to that paint.
 */
export const FIRST_MEANINGFUL_RENDER = 'collab-lens:first-meaningful-render';

let marked = false;

export function useFirstMeaningfulRender(ready: boolean): void {
  useEffect(() => {
    if (!ready || marked) return;
    marked = true;
    requestAnimationFrame(() => setTimeout(() => performance.mark(FIRST_MEANINGFUL_RENDER), 0));
  }, [ready]);
}
