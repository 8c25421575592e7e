import { vi } from 'vitest';
import { createI18n } from '../i18n';
import type { CreatorCard } from '../queries/creator-card';
import type { CreatorFigures } from '../queries/figures';
import type { FindingView } from '../rules/view';
import type { FeatureDeps } from './annotations';
import { FindingsFeed } from './findings';
import { createManager, type Feature } from './manager';
import { PageState } from './page-state';

/** Test helpers for the page features (unit tests only): finding views, and features' dependencies with spies. */

export const TEST_SHOP = 'US:7400000000000000001';
export const TEST_NOW = Date.UTC(2025, 5, 1, 12);

export function findingView(id: string, over: Partial<FindingView> = {}): FindingView {
  return {
    id,
    ruleId: id.split('|')[0] as string,
    subject: 'orderSku',
    subjectKey: id.split('|').slice(1).join('|'),
    shopKey: TEST_SHOP,
    severity: 'medium',
    title: `Title of ${id}`,
    message: `Message of ${id}`,
    explanation: 'Why it matters.',
    firstSeenAt: TEST_NOW,
    evidence: [],
    state: 'active',
    anchors: [],
    ...over,
  };
}

/** happy-dom has no popover API; annotations only open and close one. */
export function stubPopover(): void {
  HTMLElement.prototype.showPopover = function showPopover() {
    this.dataset.open = '';
  };
  HTMLElement.prototype.hidePopover = function hidePopover() {
    delete this.dataset.open;
  };
}

/** A page state for the test shop, and features' dependencies answering from the given lists. */
export function testDeps(answers: { findings?: FindingView[][]; figures?: CreatorFigures[]; cards?: CreatorCard[] } = {}) {
  const state = new PageState();
  const lists = [...(answers.findings ?? [])];
  const fetchFindings = vi.fn(async () => lists.shift() ?? []);
  const setState = vi.fn(async () => ({ ok: true }));
  const fetchFigures = vi.fn(async (_shop: string, handles: string[]) => (answers.figures ?? []).filter((f) => handles.includes(f.handle)));
  const fetchCreatorCards = vi.fn(async (_shop: string, handles: string[]) => (answers.cards ?? []).filter((c) => handles.includes(c.handle)));
  const openCreator = vi.fn(async (_shop: string, _handle: string) => ({ ok: true }));
  const creatorPage = { url: (shopKey: string, handle: string) => `chrome-extension://test/creator.html?shop=${shopKey}&handle=${handle}`, open: openCreator };
  const deps: FeatureDeps = {
    state,
    i18n: createI18n('en'),
    findings: new FindingsFeed(state, { fetch: fetchFindings, setState }, () => TEST_NOW),
    fetchFigures,
    fetchCreatorCards,
    creatorPage,
    now: () => TEST_NOW,
  };
  return { deps, state, fetchFindings, setState, fetchFigures, fetchCreatorCards, openCreator };
}

/** The hosts of one kind, in document order. */
export const hostsOf = (kind: string) => [...document.querySelectorAll(`[data-collab-lens="${kind}"]`)] as HTMLElement[];

/** An annotation's chip (its button). */
export const chipOf = (host: HTMLElement) => host.shadowRoot?.querySelector('.annotation > [role="button"]') as HTMLElement;

/** Run one feature under a feature manager, as the content script does, until `signal` aborts; resolves once its first load is drawn. */
export function startFeature(feature: Feature, state: PageState, signal: AbortSignal, url: URL | string) {
  const manager = createManager({ state, log: (id, error) => console.error(`[collab-lens] ${id}`, error) });
  manager.add(feature);
  return manager.start(signal, () => undefined, new URL(url)).then(() => manager);
}
