import { Annotation, ANNOTATION_CSS } from '../../components/annotation';
import { BADGE_CSS, SampleBadge } from '../../components/sample-badge';
import type { RevealQuery } from '../messaging/protocol';
import { creatorPageLink, type FeatureDeps } from '../overlay/annotations';
import { flashHighlight, rowOf } from '../overlay/dom';
import type { FindingAction } from '../overlay/findings';
import { onePerItem } from '../overlay/placement';
import type { Host } from '../overlay/hosts';
import { TICK_MS, type Feature } from '../overlay/manager';
import { isSampleRequests } from '../page-detect';
import type { CreatorFigures, RequestFigure } from '../queries/figures';
import type { FindingView } from '../rules/view';

/**
 * Sample requests: a badge beside each creator handle with the seller's own marks on the creator (blocked, watching,
 * tags; the note on hover), the creator's fulfilment rate, this shop's sample history with them and the review
 * countdown, and, in the same annotation, the findings about the row's requests (deadlines, duplicate samples, the
 * creator's reliability…) with Dismiss and Snooze. Anchored by the handle's text and the product ids around it, never
 * by class names.
 */

const KIND = 'sample-badge';

/** The badge on one line within its room: alerts first, then the seller's marks, the review countdown, then the figures that fit. */
const FIT_CSS = `
.cl-room > .badge { display: block; min-width: 64px; }
.badge button { max-width: 100%; height: 20px; overflow: hidden; }
.badge .deadline, .badge .tiktok { order: -1; }
.badge .marks { order: -2; }
.annotation { order: -1; flex: none; }
`;
const SUBJECTS = new Set(['sampleRequest', 'creator'] as const);

interface Badge {
  figures: CreatorFigures;
  requests: RequestFigure[];
  row?: Element;
  findings: FindingView[];
  highlighted: boolean;
  onAction(f: FindingView, action: FindingAction): void;
}

/** The requests a row is about: those whose product id (or title) the row shows; else the creator's pending ones. */
function rowRequests(anchor: Element, anchors: Iterable<Element>, figures: CreatorFigures) {
  const needles = figures.requests.flatMap((r) => [r.productId, ...(r.productTitle ? [r.productTitle] : [])]);
  const row = rowOf(anchor, anchors, needles);
  if (row) {
    const matched = new Set(row.matched);
    const byId = figures.requests.filter((r) => matched.has(r.productId));
    const requests = byId.length ? byId : figures.requests.filter((r) => r.productTitle && matched.has(r.productTitle));
    return { row: row.row, requests };
  }
  return { row: undefined, requests: figures.requests.filter((r) => r.status === 'PENDING') };
}

/** The findings of a row: about one of its requests, or about its creator. */
const rowFindings = (findings: readonly FindingView[], handle: string, requests: readonly RequestFigure[]) => {
  const ids = new Set(requests.map((r) => r.applyId));
  return findings.filter((f) => (f.subject === 'sampleRequest' && ids.has(f.subjectKey)) || (f.subject === 'creator' && f.subjectKey === handle));
};

export function sampleRequestBadges(deps: FeatureDeps): Feature<Badge> {
  const now = deps.now ?? Date.now;
  return {
    id: 'sample-request-badges',
    include: [isSampleRequests],
    host: {
      kind: KIND,
      css: `${BADGE_CSS}${ANNOTATION_CSS}${FIT_CSS}`,
      render: (b) => (
        <>
          <SampleBadge
            figures={b.figures}
            requests={b.requests}
            i18n={deps.i18n}
            now={now()}
            highlighted={b.highlighted}
            creatorLink={creatorPageLink(deps, b.figures.handle, KIND)}
          />
          {b.findings.length > 0 && (
            <Annotation i18n={deps.i18n} now={now()} name={`@${b.figures.handle}`} parts={[]} figures={[]} findings={b.findings} onAction={b.onAction} />
          )}
        </>
      ),
    },
    start(page) {
      let figures = new Map<string, CreatorFigures>();
      /** Each creator's nickname, to tell a name line from a handle (placement.ts); made once per answer. */
      let names = new Map<string, string>();
      let findings: FindingView[] = [];
      let highlighted: string | undefined;
      const onAction = (f: FindingView, action: FindingAction) => {
        findings = findings.filter((x) => x.id !== f.id);
        page.redraw();
        deps.findings.act(f.id, action).catch((error: unknown) => console.debug(`[collab-lens] ${KIND}`, error));
      };

      const reveal = (q: RevealQuery) => {
        const entries = [...page.hosts()].filter(([, h]) => h.data.figures.handle === q.handle);
        const hit: [Element, Host<Badge>] | undefined = entries.find(([, h]) => h.data.requests.some((r) => r.applyId === q.applyId)) ?? entries[0];
        if (!hit) return false;
        const [anchor, host] = hit;
        highlighted = q.applyId;
        const row = host.data.row ?? anchor;
        row.scrollIntoView({ block: 'center' });
        flashHighlight(row, page.signal);
        page.redraw();
        host.el.shadowRoot?.querySelector<HTMLElement>('.badge > button')?.focus({ preventScroll: true });
        return true;
      };
      deps.state.setRevealer(reveal, page.signal);

      return {
        // The handles, and the products of their requests: a recycled row that shows another product of the same
        // creator is drawn again.
        want: () => [...deps.state.handles, ...[...figures.values()].flatMap((f) => f.requests.map((r) => r.productId))],
        // A re-render may show creators whose figures were never asked for (a new page of the list).
        missing: () => [...page.shown(deps.state.handles)].some((h) => !figures.has(h)),
        // Figures are asked for the handles the page shows now, and only the latest answer counts; findings are the
        // shop's, shared with the page's other features.
        async load() {
          const { shopKey } = deps.state;
          if (!shopKey || deps.state.handles.size === 0) return;
          const onPage = [...page.shown(deps.state.handles)];
          if (onPage.length === 0) return;
          const [list, active] = await Promise.all([deps.fetchFigures(shopKey, onPage), deps.findings.active(SUBJECTS)]);
          figures = new Map(list.map((f) => [f.handle, f]));
          names = new Map(list.map((f) => [f.handle, f.nickname ?? '']));
          findings = active;
        },
        view() {
          const anchors = onePerItem(page.anchors(figures.keys()), { names });
          const minute = Math.floor(now() / TICK_MS);
          const hosts = [...anchors].flatMap(([anchor, handle]) => {
            const f = figures.get(handle);
            if (!f) return [];
            const { row, requests } = rowRequests(anchor, anchors.keys(), f);
            const isHighlighted = highlighted !== undefined && requests.some((r) => r.applyId === highlighted);
            const mine = rowFindings(findings, handle, requests);
            return [
              {
                anchor,
                data: { figures: f, requests, row, findings: mine, highlighted: isHighlighted, onAction },
                key: JSON.stringify([f, requests, isHighlighted, minute, mine.map((x) => [x.id, x.message, x.dueAt])]),
                dataset: { handle, applyIds: requests.map((r) => r.applyId).join(' '), findings: mine.map((x) => x.id).join(' ') },
              },
            ];
          });
          return { hosts, wanted: new Set(anchors.values()).size, placed: new Set(hosts.map((h) => h.dataset.handle)).size };
        },
      };
    },
  };
}

/* Test pages: test/sim (Sample requests, markups `table` and `cards`, both route generations); test/e2e/sample-requests.test.ts, test/e2e/annotations.test.ts */
