import { ANNOTATION_CSS, Annotation } from '../../components/annotation';
import type { PageLink } from '../../components/page-link';
import type { PageI18n } from '../i18n/page';
import type { CreatorCard } from '../queries/creator-card';
import type { CreatorFigures } from '../queries/figures';
import type { SubjectKind } from '../rules/types';
import type { FindingView } from '../rules/view';
import { placeByAnchors } from './anchors';
import type { FindingAction, FindingsFeed } from './findings';
import { TICK_MS, type Feature } from './manager';
import { anchorText } from './page-index';
import type { PageState } from './page-state';

/** What every page feature gets from the content script: the page's state and the background's data, by message. */
export interface FeatureDeps {
  state: PageState;
  i18n: PageI18n;
  findings: FindingsFeed;
  fetchFigures(shopKey: string, handles: string[]): Promise<CreatorFigures[]>;
  fetchCreatorCards(shopKey: string, handles: string[]): Promise<CreatorCard[]>;
  /** A creator's page of the creators view: its address, and opening it in a tab of its own (lib/creators/open.ts). */
  creatorPage: { url(shopKey: string, handle: string): string; open(shopKey: string, handle: string): Promise<unknown> };
  now?: () => number;
}

/** The link to a creator's page of the creators view, for the shop the page is about; none before the shop is known. */
export function creatorPageLink(deps: FeatureDeps, handle: string, feature: string): PageLink | undefined {
  const { shopKey } = deps.state;
  if (!shopKey) return undefined;
  return {
    href: deps.creatorPage.url(shopKey, handle),
    open: () => void deps.creatorPage.open(shopKey, handle).catch((error: unknown) => console.debug(`[collab-lens] ${feature}`, error)),
  };
}

/** The findings of one page item (one anchor) and what to call the item. */
interface Item {
  name: string;
  findings: FindingView[];
  onAction(f: FindingView, action: FindingAction): void;
}

/** An item's name as the page shows it (the anchor's own text), for the annotation's accessible name. */
export const nameOf = (anchor: Element) => {
  const text = (anchor.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
};

export interface FindingFeatureSpec {
  id: string;
  include: Feature['include'];
  /** The kinds of findings this page annotates. */
  subjects: readonly SubjectKind[];
}

/**
 * A feature that annotates the page's items with their findings: each finding is anchored by its `anchors` (the
 * texts that identify its subject), findings that land on the same element share one annotation, and an annotation
 * goes when its last finding does (dismissed, snoozed, or its cause gone).
 */
export function findingAnnotations(deps: FeatureDeps, spec: FindingFeatureSpec): Feature<Item> {
  const subjects = new Set(spec.subjects);
  const now = deps.now ?? Date.now;
  return {
    id: spec.id,
    include: spec.include,
    host: {
      kind: spec.id,
      css: ANNOTATION_CSS,
      render: (item) => (
        <Annotation i18n={deps.i18n} now={now()} name={item.name} parts={[]} figures={[]} findings={item.findings} onAction={item.onAction} />
      ),
    },
    start(page) {
      let findings: FindingView[] = [];
      const onAction = (f: FindingView, action: FindingAction) => {
        findings = findings.filter((x) => x.id !== f.id);
        page.redraw();
        deps.findings.act(f.id, action).catch((error: unknown) => console.debug(`[collab-lens] ${spec.id}`, error));
      };
      return {
        want: () => findings.flatMap((f) => f.anchors.map(anchorText)),
        async load() {
          findings = await deps.findings.active(subjects);
        },
        view() {
          const minute = Math.floor(now() / TICK_MS);
          const placed = placeByAnchors(page, findings);
          const hosts = [...placed].map(([anchor, list]) => ({
            anchor,
            data: { name: nameOf(anchor), findings: list, onAction },
            key: `${minute}|${list.map((f) => `${f.id}:${f.message}:${f.dueAt ?? ''}`).join('|')}`,
            dataset: { findings: list.map((f) => f.id).join(' ') },
          }));
          return { hosts, wanted: findings.length, placed: new Set([...placed.values()].flat()).size };
        },
      };
    },
  };
}
