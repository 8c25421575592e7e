import { browser } from '#imports';
import { signal, type ReadonlySignal } from '@preact/signals';

export interface TabRef {
  id: number;
  windowId: number;
  url?: string;
}

/**
 * The tab an extension page is about. `?tabId=` pins it (tests open the popup and side panel as ordinary tabs);
 * otherwise the active tab of the current window, followed as the seller switches tabs or navigates.
 */
export function activeTab(search: string = location.search): ReadonlySignal<TabRef | undefined> {
  const pinned = Number(new URLSearchParams(search).get('tabId'));
  const s = signal<TabRef | undefined>(undefined);
  const load = async () => {
    const tab = Number.isInteger(pinned) && pinned > 0
      ? await browser.tabs.get(pinned).catch(() => undefined)
      : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    s.value = tab?.id === undefined ? undefined : { id: tab.id, windowId: tab.windowId, url: tab.url };
  };
  void load();
  if (!pinned) {
    browser.tabs.onActivated.addListener(() => void load());
    browser.tabs.onUpdated.addListener((_id, info) => {
      if (info.url !== undefined || info.status === 'complete') void load();
    });
  }
  return s;
}

interface PanelApis {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/**
 * Open the sample-triage panel: Chrome's side panel, Firefox's sidebar. Must be called straight from a click handler
 * (both browsers require the user's gesture), so the window id comes from the already-known tab.
 */
export function openTriagePanel(tab: TabRef): Promise<void> {
  const apis = browser as unknown as PanelApis;
  if (apis.sidePanel) return apis.sidePanel.open({ windowId: tab.windowId });
  return apis.sidebarAction?.open() ?? Promise.resolve();
}
