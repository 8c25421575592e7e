import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Request, type Worker } from 'playwright-core';

/** The slice of the extension API that test code evaluates inside the service worker. */
declare const chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } };

/** The Chrome build under test: `.output/chrome-mv3`, or under COLLAB_LENS_OUT_DIR when set (as for `wxt build`). */
export const EXTENSION_DIR = resolve(import.meta.dirname, '../..', process.env.COLLAB_LENS_OUT_DIR ?? '.output', 'chrome-mv3');

/** Debian's Chromium binary (not the /usr/bin wrapper); CHROMIUM_PATH overrides it on other machines. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('Chromium not found: install it (apt-get install chromium) or set CHROMIUM_PATH');
  return found;
}

/**
 * A proxy that answers nothing and writes down every connection attempt. The simulated Affiliate Center is served by
 * Playwright routing inside the browser, so anything that reaches this proxy is a request that tried to leave the machine.
 */
export interface Recorder {
  port: number;
  attempts: string[];
  close(): Promise<void>;
}

async function startRecorder(): Promise<Recorder> {
  const attempts: string[] = [];
  const server: Server = createServer((req, res) => {
    attempts.push(`${req.method} ${req.url}`);
    res.writeHead(403).end();
  });
  server.on('connect', (req, socket) => {
    attempts.push(`CONNECT ${req.url}`);
    // Chromium may reset a refused tunnel (a pre-connect) before reading the answer: that is no error of the test.
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('connection', (socket) => socket.on('error', () => undefined));
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    attempts,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export interface Session {
  context: BrowserContext;
  /** Empty when launched without the extension (a baseline run). */
  extensionId: string;
  recorder: Recorder;
  /** Every request any page or worker of the browser made, with who made it. */
  requests: { method: string; url: string; from: string }[];
  serviceWorker(): Promise<Worker>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  locale?: string;
  viewport?: { width: number; height: number };
  /** Launch without the extension, as the baseline a measurement or a network comparison is made against. */
  withoutExtension?: boolean;
}

export async function launch(options: LaunchOptions = {}): Promise<Session> {
  const withExtension = !options.withoutExtension;
  if (withExtension && !existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No built extension at ${EXTENSION_DIR}: run npm run build`);
  const recorder = await startRecorder();
  const profile = mkdtempSync(join(tmpdir(), 'collab-lens-profile-'));
  const headless = options.headless ?? true;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: false,
    locale: options.locale ?? 'en-US',
    viewport: options.viewport ?? { width: 1366, height: 900 },
    args: [
      ...(headless ? ['--headless=new'] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-domain-reliability',
      '--disable-client-side-phishing-detection',
      '--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication,NetworkTimeServiceQuerying',
      '--dns-prefetch-disable',
      ...(process.env.EXTRA_FLAGS ? process.env.EXTRA_FLAGS.split(' ') : []),
      '--no-pings',
      '--no-first-run',
      '--no-default-browser-check',
      `--proxy-server=http://127.0.0.1:${recorder.port}`,
      '--proxy-bypass-list=<-loopback>',
      ...(withExtension ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`] : []),
    ],
  });
  const requests: Session['requests'] = [];
  const track = (req: Request) => {
    let from = 'unknown';
    try {
      from = req.frame().url();
    } catch {
      from = req.serviceWorker()?.url() ?? 'worker';
    }
    requests.push({ method: req.method(), url: req.url(), from });
  };
  context.on('request', track);

  const serviceWorker = async () => context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? context.waitForEvent('serviceworker');
  let extensionId = '';
  if (withExtension) {
    extensionId = new URL((await serviceWorker()).url()).host;
    // The page-world hook is registered by the worker on start; pages opened before that would not be captured.
    await waitFor(async () => {
      const w = await serviceWorker();
      return w.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length > 0);
    }, 'page hook registration');
  }

  return {
    context,
    extensionId,
    recorder,
    requests,
    serviceWorker,
    async close() {
      await context.close();
      await recorder.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function waitFor<T>(fn: () => Promise<T | false | undefined | null>, what: string, timeoutMs = 15_000): Promise<T> {
  const start = Date.now();
  let lastError: unknown;
  while (Date.now() - start < timeoutMs) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      lastError = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}

/**
 * Resolves once the page's DOM has stopped changing for `quietMs`: its live queries have answered and its lazy chunks
 * have rendered. Extension pages make no network requests of their own, so this, not network idleness, is the signal.
 */
export async function domSettled(page: Page, quietMs = 300, timeoutMs = 20_000): Promise<void> {
  await page.evaluate(
    ([quiet, timeout]) =>
      new Promise<void>((resolve, reject) => {
        let timer = setTimeout(done, quiet);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, quiet);
        });
        const giveUp = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`the page's DOM was still changing after ${timeout} ms`));
        }, timeout);
        function done() {
          observer.disconnect();
          clearTimeout(giveUp);
          resolve();
        }
        observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      }),
    [quietMs, timeoutMs] as const,
  );
}

/**
 * Runs `action` (a visit, a reload, a click) and waits until the background has stored an answer of `endpoint` (of
 * any endpoint, if none is named) that came after it. The diagnostics keep when each endpoint last answered to the
 * moment even when the answer changed nothing else, so this is how a test knows a repeat visit was taken in.
 */
export async function capturedAfter(session: Session, endpoint: string | undefined, action: () => Promise<unknown>): Promise<void> {
  const answered = async () => {
    const stats = (await readDb(session)).endpointStats ?? [];
    return Math.max(0, ...stats.filter((s) => endpoint === undefined || s.endpoint === endpoint).map((s) => s.lastSeenAt as number));
  };
  const before = await answered();
  await action();
  await waitFor(async () => (await answered()) > before, `a new answer of ${endpoint ?? 'any endpoint'} to be stored`);
}

/**
 * Control of the extension's service worker through the DevTools protocol (ServiceWorker domain, attached to an
 * extension page): stop it the way Chrome stops an idle worker, and count how often it started again.
 */
export interface WorkerControl {
  /** Stop the worker; true if it was running (or starting) and is now stopped, false if it was already stopped. */
  stop(): Promise<boolean>;
  /** Times the worker went from stopped back to running since the control was created. */
  restarts(): number;
  close(): Promise<void>;
}

interface VersionInfo {
  versionId: string;
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

export async function controlWorker(session: Session): Promise<WorkerControl> {
  const page = await session.context.newPage();
  await page.goto(extensionUrl(session, 'options.html'));
  const cdp = await session.context.newCDPSession(page);
  const status = new Map<string, VersionInfo['runningStatus']>();
  let restarts = 0;
  let stops = 0;
  cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: VersionInfo[] }) => {
    for (const v of event.versions) {
      if (!v.scriptURL.startsWith(`chrome-extension://${session.extensionId}/`)) continue;
      const before = status.get(v.versionId);
      if (before === 'stopped' && v.runningStatus !== 'stopped') restarts += 1;
      if (before !== 'stopped' && v.runningStatus === 'stopped') stops += 1;
      status.set(v.versionId, v.runningStatus);
    }
  });
  await cdp.send('ServiceWorker.enable');
  await waitFor(async () => status.size > 0, 'the worker version');
  return {
    async stop() {
      const before = stops;
      const live = [...status].filter(([, s]) => s !== 'stopped');
      for (const [versionId] of live) await cdp.send('ServiceWorker.stopWorker', { versionId });
      if (live.length) await waitFor(async () => stops > before, 'the worker to stop', 5_000);
      return live.length > 0;
    },
    restarts: () => restarts,
    async close() {
      await cdp.detach();
      await page.close();
    },
  };
}

export const extensionUrl = (session: Session, path: string) => `chrome-extension://${session.extensionId}/${path}`;

const readers = new WeakMap<Session, Promise<Page>>();

/**
 * A page of the extension's origin (where its database lives) that runs none of its code: the extension's own
 * manifest, opened once per session. Opening an extension page for every read cost a third of a second each.
 */
function readerOf(session: Session): Promise<Page> {
  let reader = readers.get(session);
  if (!reader) {
    reader = session.context.newPage().then(async (page) => {
      await page.goto(extensionUrl(session, 'manifest.json'));
      page.once('close', () => readers.delete(session));
      return page;
    });
    readers.set(session, reader);
  }
  return reader;
}

/** Rows of every table of the extension's IndexedDB (none before the extension has created it). */
export async function readDb(session: Session): Promise<Record<string, Record<string, unknown>[]>> {
  const page = await readerOf(session);
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'collab-lens')) return {};
    return new Promise<Record<string, Record<string, unknown>[]>>((resolveDb, reject) => {
      const open = indexedDB.open('collab-lens');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const names = [...db.objectStoreNames];
        const tx = db.transaction(names, 'readonly');
        const out: Record<string, Record<string, unknown>[]> = {};
        for (const name of names) {
          const req = tx.objectStore(name).getAll();
          req.onsuccess = () => {
            out[name] = req.result as Record<string, unknown>[];
          };
        }
        tx.oncomplete = () => {
          db.close();
          resolveDb(out);
        };
        tx.onerror = () => reject(tx.error);
      };
    });
  });
}
