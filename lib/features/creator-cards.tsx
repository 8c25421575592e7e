import { Annotation, ANNOTATION_CSS } from '../../components/annotation';
import { creatorCardText } from '../../components/creator-card';
import { creatorPageLink, type FeatureDeps } from '../overlay/annotations';
import type { FindingAction } from '../overlay/findings';
import { TICK_MS, type Feature } from '../overlay/manager';
import { onePerItem } from '../overlay/placement';
import { isCreatorDetail, isCreatorRankings, isFindCreators, isOpenCollaboration, isTargetInvitations } from '../page-detect';
import type { CreatorCard } from '../queries/creator-card';
import type { FindingView } from '../rules/view';

/**
 * Creator rows (Find creators, Creator rankings, the creators of a target invitation, creator applications) and the
 * creator detail page: a reliability card after each creator handle, with what this shop's samples to the creator
 * produced, the GMV their orders brought in, the cash and full-cost ROI (lib/creators/terms.ts), the seller's own marks
 * (blocked, watching, tags, note) and the creator's findings. Cards are asked only for creators the page shows and Collab Lens has not answered for yet, or
 * whose records a capture just changed, so an appended page of rows costs one small request.
 */

const SUBJECTS = new Set(['creator'] as const);
/** The most handles one request asks for (the message's own limit). */
const CHUNK = 1000;

interface Card {
  card: CreatorCard;
  findings: FindingView[];
  onAction(f: FindingView, action: FindingAction): void;
}

export function creatorCards(deps: FeatureDeps): Feature<Card> {
  const now = deps.now ?? Date.now;
  const pageOf = (handle: string) => {
    const link = creatorPageLink(deps, handle, 'creator-cards');
    return link && { link, label: deps.i18n.t('badge.open', { handle }) };
  };
  return {
    id: 'creator-cards',
    include: [isFindCreators, isCreatorRankings, isCreatorDetail, isTargetInvitations, isOpenCollaboration],
    host: {
      kind: 'creator-card',
      css: ANNOTATION_CSS,
      render: ({ card, findings, onAction }) => {
        const { parts, figures } = creatorCardText(card, deps.i18n);
        return (
          <Annotation
            i18n={deps.i18n}
            now={now()}
            name={deps.i18n.t('card.name', { handle: card.handle })}
            parts={parts}
            figures={figures}
            findings={findings}
            onAction={onAction}
            page={pageOf(card.handle)}
          />
        );
      },
    },
    start(page) {
      const cards = new Map<string, CreatorCard>();
      /** Each card as its hosts' key: a redraw compares strings made once per answer. */
      const cardKeys = new Map<string, string>();
      /** Each known creator's nickname, to tell a name line from a handle (placement.ts). */
      const names = new Map<string, string>();
      /** Handles asked for since their last capture: a creator Collab Lens does not know is not asked again and again. */
      const asked = new Set<string>();
      let findings = new Map<string, FindingView[]>();
      const onAction = (f: FindingView, action: FindingAction) => {
        const left = (findings.get(f.subjectKey) ?? []).filter((x) => x.id !== f.id);
        findings = new Map(findings).set(f.subjectKey, left);
        page.redraw();
        deps.findings.act(f.id, action).catch((error: unknown) => console.debug('[collab-lens] creator-cards', error));
      };
      return {
        want: () => deps.state.handles,
        // Rows the page adds (the next page, infinite scroll) are drawn from the cards already known at once, and the
        // creators not known yet are asked for.
        missing: () => [...page.shown(deps.state.handles)].some((h) => !cards.has(h) && !asked.has(h)),
        /** Ask for the cards the page lacks, and again for creators a capture just changed; findings are shared. */
        async load(changes) {
          const shopKey = deps.state.shopKey;
          if (!shopKey) return;
          const shown = page.shown(deps.state.handles);
          // Something derived changed in the background (findings, the seller's marks on creators): every shown card is asked again.
          const changed = new Set(changes.flatMap((c) => (c.kind === 'captured' ? c.handles : c.kind === 'derived' ? [...shown] : [])));
          const wanted = [...shown].filter((h) => changed.has(h) || (!cards.has(h) && !asked.has(h)));
          for (const h of wanted) asked.add(h);
          const chunks = Array.from({ length: Math.ceil(wanted.length / CHUNK) }, (_, i) => wanted.slice(i * CHUNK, (i + 1) * CHUNK));
          const [answers, active] = await Promise.all([
            Promise.all(chunks.map((c) => deps.fetchCreatorCards(shopKey, c))),
            deps.findings.active(SUBJECTS),
          ]);
          for (const card of answers.flat()) {
            cards.set(card.handle, card);
            cardKeys.set(card.handle, JSON.stringify(card));
            names.set(card.handle, card.nickname ?? '');
          }
          const byHandle = new Map<string, FindingView[]>();
          for (const f of active) byHandle.set(f.subjectKey, [...(byHandle.get(f.subjectKey) ?? []), f]);
          findings = byHandle;
        },
        view() {
          const minute = Math.floor(now() / TICK_MS);
          const shown = page.anchors(cards.keys());
          const anchors = onePerItem(shown, { names });
          const hosts = [...anchors].map(([anchor, handle]) => {
            const card = cards.get(handle) as CreatorCard;
            const list = findings.get(handle) ?? [];
            return {
              anchor,
              data: { card, findings: list, onAction },
              key: `${minute}|${cardKeys.get(handle)}|${list.map((f) => `${f.id}:${f.message}`).join('|')}`,
              dataset: { handle, findings: list.map((f) => f.id).join(' ') },
            };
          });
          return { hosts, wanted: new Set(shown.values()).size, placed: new Set(anchors.values()).size };
        },
      };
    },
  };
}

/* Test pages: test/sim (Find creators `grid`/`table` and its infinite-scroll variant, Creator rankings `table`/`list`, Creator detail `sections`/`rows`, target invitation details, creator applications); test/e2e/annotations.test.ts */
