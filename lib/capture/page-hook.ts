import { isCapturedUrl } from './endpoints';
import { CAPTURE_EVENT, MAX_REQUEST_BODY_CHARS, MAX_RESPONSE_CHARS, type PageCaptureDetail } from './constants';

/**
 * Runs in the page's own world at document start. It wraps `fetch` and `XMLHttpRequest` so that, for the few endpoints
 * Collab Lens reads, a copy of the response text is handed to the isolated content script. The page gets back the very
 * promise, response and XHR behaviour it would have had: same objects, same errors, same timing. Every other request
 * costs one `includes` check. Nothing here may throw into the page.
 */

const MARK = Symbol.for('collab-lens.page-hook');

type HookWindow = Window & typeof globalThis & { [MARK]?: true };

export function installCaptureHook(win: HookWindow): void {
  if (win[MARK]) return;
  Object.defineProperty(win, MARK, { value: true });

  const emit = (detail: PageCaptureDetail) => {
    try {
      win.dispatchEvent(new CustomEvent(CAPTURE_EVENT, { detail: JSON.stringify(detail) }));
    } catch {
      // A detail we cannot serialise is simply not captured.
    }
  };

  const looksJson = (text: string) => text.length <= MAX_RESPONSE_CHARS && /^\s*[[{]/.test(text);
  const bodyText = (body: unknown) =>
    typeof body === 'string' && body.length <= MAX_REQUEST_BODY_CHARS ? body : undefined;

  const originalFetch = win.fetch;
  const fetch = function fetch(this: unknown, ...args: Parameters<typeof originalFetch>) {
    const promise = originalFetch.apply(this, args);
    try {
      const [input, init] = args;
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (isCapturedUrl(url)) {
        const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
        const requestBody: Promise<string | undefined> =
          init?.body !== undefined
            ? Promise.resolve(bodyText(init.body))
            : input instanceof Request
              ? input.clone().text().then(bodyText, () => undefined)
              : Promise.resolve(undefined);
        promise.then(
          (response) => {
            const copy = response.clone();
            void Promise.all([copy.text(), requestBody]).then(
              ([responseText, body]) => {
                if (looksJson(responseText)) {
                  emit({ v: 1, url: response.url || url, method, status: response.status, requestBody: body, responseText });
                }
              },
              () => undefined,
            );
          },
          () => undefined,
        );
      }
    } catch {
      // The page's request goes on untouched.
    }
    return promise;
  };
  Object.defineProperty(win, 'fetch', { ...Object.getOwnPropertyDescriptor(win, 'fetch'), value: fetch });

  const proto = win.XMLHttpRequest.prototype;
  const originalOpen = proto.open;
  const originalSend = proto.send;
  const opened = new WeakMap<XMLHttpRequest, { method: string; url: string }>();

  proto.open = function open(this: XMLHttpRequest, ...args: unknown[]) {
    try {
      const [method, url] = args;
      opened.set(this, { method: String(method).toUpperCase(), url: url instanceof URL ? url.href : String(url) });
    } catch {
      // Not recorded, not captured.
    }
    return (originalOpen as (...a: unknown[]) => void).apply(this, args);
  } as typeof proto.open;

  proto.send = function send(this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    try {
      const info = opened.get(this);
      if (info && isCapturedUrl(info.url)) {
        const requestBody = bodyText(body);
        this.addEventListener('loadend', () => {
          try {
            const type = this.responseType;
            const responseText =
              type === '' || type === 'text' ? this.responseText : type === 'json' && this.response !== null ? JSON.stringify(this.response) : '';
            if (this.status > 0 && looksJson(responseText)) {
              emit({ v: 1, url: this.responseURL || info.url, method: info.method, status: this.status, requestBody, responseText });
            }
          } catch {
            // Unreadable response: not captured.
          }
        });
      }
    } catch {
      // The page's request goes on untouched.
    }
    return originalSend.call(this, body);
  };
}
