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

  // The page may replace built-ins later; keep the originals.
  const stringify = JSON.stringify;
  const dispatch = win.dispatchEvent.bind(win);
  const Custom = win.CustomEvent;
  const RequestClass = win.Request;

  const emit = (detail: PageCaptureDetail) => {
    try {
      dispatch(new Custom(CAPTURE_EVENT, { detail: stringify(detail) }));
    } catch {
      // A detail we cannot serialise is simply not captured.
    }
  };

  const looksJson = (text: string) => text.length <= MAX_RESPONSE_CHARS && /^\s*[[{]/.test(text);
  const bodyText = (body: unknown) =>
    typeof body === 'string' && body.length <= MAX_REQUEST_BODY_CHARS ? body : undefined;

  /** What to read of a captured fetch, taken before the page's request consumes its body. */
  const prepare = (input: RequestInfo | URL, init: RequestInit | undefined) => {
    // Most page requests are plain string URLs that are not captured: one `includes` and out.
    if (typeof input === 'string' && !isCapturedUrl(input)) return undefined;
    const isRequest = input instanceof RequestClass;
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : isRequest ? input.url : String(input);
    if (!isCapturedUrl(url)) return undefined;
    const method = (init?.method ?? (isRequest ? input.method : 'GET')).toUpperCase();
    const requestBody: Promise<string | undefined> =
      init?.body !== undefined
        ? Promise.resolve(bodyText(init.body))
        : isRequest && !input.bodyUsed
          ? input.clone().text().then(bodyText, () => undefined)
          : Promise.resolve(undefined);
    return { url, method, requestBody };
  };

  const originalFetch = win.fetch;
  // Declared with one parameter so that `fetch.length` stays 1, like the native function.
  const fetch = function fetch(this: unknown, input: RequestInfo | URL) {
    let prepared: ReturnType<typeof prepare>;
    try {
      prepared = prepare(input, arguments[1] as RequestInit | undefined);
    } catch {
      prepared = undefined;
    }
    const promise = originalFetch.apply(this, arguments as unknown as Parameters<typeof originalFetch>);
    if (prepared) {
      const { url, method, requestBody } = prepared;
      promise.then(
        (response) => {
          let copy: Response;
          try {
            copy = response.clone();
          } catch {
            return;
          }
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
    return promise;
  };
  Object.defineProperty(win, 'fetch', { ...Object.getOwnPropertyDescriptor(win, 'fetch'), value: fetch });

  const proto = win.XMLHttpRequest.prototype;
  const originalOpen = proto.open;
  const originalSend = proto.send;
  const opened = new WeakMap<XMLHttpRequest, { method: string; url: string }>();

  proto.open = function open(this: XMLHttpRequest, method: string, url: string | URL) {
    try {
      opened.set(this, { method: String(method).toUpperCase(), url: url instanceof URL ? url.href : String(url) });
    } catch {
      // Not recorded, not captured.
    }
    // open() takes 2 or 5 arguments: pass on exactly what the page passed.
    return (originalOpen as (...a: unknown[]) => void).apply(this, arguments as unknown as unknown[]);
  } as typeof proto.open;

  proto.send = function send(this: XMLHttpRequest) {
    const body = arguments[0] as Document | XMLHttpRequestBodyInit | null | undefined;
    try {
      const info = opened.get(this);
      if (info && isCapturedUrl(info.url)) {
        const requestBody = bodyText(body);
        const xhr = this;
        xhr.addEventListener(
          'loadend',
          () => {
            try {
              // The object may have been re-opened for another request meanwhile: only this request's response counts.
              if (opened.get(xhr) !== info) return;
              const type = xhr.responseType;
              const responseText =
                type === '' || type === 'text' ? xhr.responseText : type === 'json' && xhr.response !== null ? stringify(xhr.response) : '';
              if (xhr.status > 0 && looksJson(responseText)) {
                emit({ v: 1, url: xhr.responseURL || info.url, method: info.method, status: xhr.status, requestBody, responseText });
              }
            } catch {
              // Unreadable response: not captured.
            }
          },
          { once: true },
        );
      }
    } catch {
      // The page's request goes on untouched.
    }
    return originalSend.apply(this, arguments as unknown as [body?: Document | XMLHttpRequestBodyInit | null]);
  };
}
