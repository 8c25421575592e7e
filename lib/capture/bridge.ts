import { CAPTURE_EVENT } from './constants';
import { pageCapture, type Capture } from './schema';

/**
 * The isolated-world end of the page hook: validates each event and turns it into a capture with its page and time.
 * Anything that is not a well-formed capture is dropped here; the page's own events are never touched.
 */
export function listenForCaptures(win: Window, onCapture: (c: Capture) => void, signal: AbortSignal): void {
  win.addEventListener(
    CAPTURE_EVENT,
    (event) => {
      const detail = (event as CustomEvent<unknown>).detail;
      if (typeof detail !== 'string') return;
      let value: unknown;
      try {
        value = JSON.parse(detail);
      } catch {
        return;
      }
      const parsed = pageCapture.safeParse(value);
      if (!parsed.success) return;
      let url: string;
      try {
        const resolved = new URL(parsed.data.url, win.location.href);
        // The page's own API lives on its own origin; anything else is not Affiliate Center's data.
        if (resolved.origin !== win.location.origin) return;
        url = resolved.href;
      } catch {
        return;
      }
      onCapture({ ...parsed.data, url, id: crypto.randomUUID(), pageUrl: win.location.href, seenAt: Date.now() });
    },
    { signal },
  );
}
