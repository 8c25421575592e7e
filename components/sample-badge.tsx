import { useEffect, useRef } from 'preact/hooks';
import { metricOf } from '../lib/domain/creator-metrics';
import type { Sighted } from '../lib/domain/types';
import type { PageI18n } from '../lib/i18n/page';
import type { CreatorFigures, RequestFigure } from '../lib/queries/figures';
import { pageKindOf } from '../lib/page-detect';
import { marksText } from './creator-card';
import { ExtensionPageLink, type PageLink } from './page-link';

export const DAY_MS = 86_400_000;

export interface SampleBadgeProps {
  figures: CreatorFigures;
  /** The requests of the row the badge stands in (one for a request row, several for a creator card). */
  requests: RequestFigure[];
  i18n: PageI18n;
  now: number;
  highlighted: boolean;
  /**
   * The creator's page of the creators view: its address, and how to open it (a page may not navigate to an extension
   * page itself, so a click asks the background).
   */
  creatorLink?: PageLink;
}

/** TikTok's predicted ROI rounded for reading (`0.3`, `1.25`). */
const roi = (n: number, i18n: PageI18n) => i18n.number(Math.round(n * 100) / 100);

/**
 * TikTok's own word on a row's requests awaiting review: that one cannot be approved, else its predicted ROI (the range
 * when the row's requests differ).
 */
export function tiktokPart(requests: readonly RequestFigure[], i18n: PageI18n): string | undefined {
  const pending = requests.filter((r) => r.status === 'PENDING');
  if (pending.some((r) => r.tiktok?.value.canBeApproved === false)) return i18n.t('badge.tiktokBlocked');
  const rois = [...new Set(pending.flatMap((r) => (r.tiktok?.value.predictedRoi === undefined ? [] : [r.tiktok.value.predictedRoi])))].sort((a, b) => a - b);
  if (rois.length === 0) return undefined;
  const text = rois.length === 1 ? roi(rois[0]!, i18n) : `${roi(rois[0]!, i18n)}–${roi(rois.at(-1)!, i18n)}`;
  return i18n.t('badge.tiktokRoi', { roi: text });
}

/**
 * The creator's figures as TikTok shows them (followers, GMV, items sold), grouped by the page and time each was seen
 * on (pages show different figures at different times): one text per sighting, newest first.
 */
export function creatorFiguresText(f: CreatorFigures, i18n: PageI18n): { text: string; seen: Sighted }[] {
  const figures = [
    metricOf(f, 'followers'),
    metricOf(f, 'gmv'),
    metricOf(f, 'unitsSold'),
  ] as const;
  const texts = [
    figures[0] && i18n.t('tip.followers', { count: i18n.number(figures[0].value) }),
    figures[1] && i18n.t('tip.gmv', { amount: i18n.money(figures[1].value) }),
    figures[2] && i18n.t('tip.sold', { count: i18n.number(figures[2].value) }),
  ];
  const groups = new Map<string, { texts: string[]; seen: Sighted }>();
  figures.forEach((o, i) => {
    const text = texts[i];
    if (!o || !text) return;
    const key = `${o.seenAt}|${o.source.page}`;
    const g = groups.get(key) ?? { texts: [], seen: { seenAt: o.seenAt, source: o.source } };
    g.texts.push(text);
    groups.set(key, g);
  });
  return [...groups.values()].sort((a, b) => b.seen.seenAt - a.seen.seenAt).map((g) => ({ text: g.texts.join(' · '), seen: g.seen }));
}

/** The review deadline that matters for a row: the soonest among its pending requests. */
export function soonestReview(requests: readonly RequestFigure[]) {
  return requests
    .filter((r) => r.status === 'PENDING' && r.deadline?.kind === 'review')
    .sort((a, b) => (a.deadline?.at ?? 0) - (b.deadline?.at ?? 0))[0];
}

export function badgeParts(p: Omit<SampleBadgeProps, 'highlighted'>) {
  const { figures: f, i18n, now } = p;
  const fulfil = f.fulfillment
    ? i18n.t('badge.fulfilment', { rate: i18n.percent(f.fulfillment.value, 'whole') })
    : i18n.t('badge.fulfilmentUnknown');
  const history =
    f.history.sent === 0 ? i18n.t('badge.noneSent') : i18n.t('badge.history', { sent: f.history.sent, content: f.history.withContent });
  const review = soonestReview(p.requests);
  const left = review?.deadline ? review.deadline.at - now : undefined;
  const deadline =
    left === undefined ? undefined : left <= 0 ? i18n.t('badge.expired') : i18n.t('badge.left', { time: i18n.duration(left) });
  // The seller's own triage mark (side panel) on the row's request.
  const marked = p.requests.find((r) => r.mark)?.mark;
  const mark = marked && i18n.t(`triage.marked.${marked}`);
  const tiktok = tiktokPart(p.requests, i18n);
  const gmvSeen = metricOf(f, 'gmv');
  const gmv = gmvSeen ? i18n.t('badge.gmv', { amount: i18n.money(gmvSeen.value) }) : undefined;
  // The seller's own marks on the creator (blocked, watching, tags), first on the badge.
  const marks = marksText(f.marks, i18n);
  return { fulfil, history, review, left, deadline, mark, tiktok, gmv, marks, urgent: left !== undefined && left < DAY_MS };
}

const pageName = (i18n: PageI18n, page: string) => i18n.t(`page.${pageKindOf(page)}`);

export function SampleBadge(props: SampleBadgeProps) {
  const { figures: f, i18n, now } = props;
  const parts = badgeParts(props);
  const tip = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const summary = [parts.marks, parts.fulfil, parts.history, parts.deadline, parts.mark, parts.tiktok, parts.gmv].filter(Boolean).join(' · ');
  const figures = creatorFiguresText(f, i18n);
  const withTikTok = props.requests.filter((r) => r.tiktok);
  const link = props.creatorLink;

  const show = () => {
    const el = tip.current;
    const anchor = button.current;
    if (!el || !anchor || !el.isConnected) return;
    const r = anchor.getBoundingClientRect();
    el.style.left = `${Math.max(8, Math.min(r.left, innerWidth - 340))}px`;
    el.style.top = `${r.bottom + 6 + 200 > innerHeight ? Math.max(8, r.top - 6 - 200) : r.bottom + 6}px`;
    if (!el.matches(':popover-open')) el.showPopover();
  };
  const hideTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const hide = () => {
    clearTimeout(hideTimer.current);
    const el = tip.current;
    if (el?.matches(':popover-open')) el.hidePopover();
  };
  // The tooltip stays open while the pointer moves onto it, and Escape closes it wherever focus is (WCAG 1.4.13).
  const hideSoon = () => {
    clearTimeout(hideTimer.current);
    hideTimer.current = setTimeout(hide, 150);
  };
  const keep = () => clearTimeout(hideTimer.current);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') hide();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      clearTimeout(hideTimer.current);
    };
  }, []);

  const latest = f.requests.reduce<RequestFigure | undefined>((a, r) => (!a || r.lastSeenAt > a.lastSeenAt ? r : a), undefined);

  return (
    <span class={`badge${parts.urgent ? ' urgent' : ''}${props.highlighted ? ' highlighted' : ''}`}>
      <button
        ref={button}
        type="button"
        aria-label={i18n.t('badge.label', { summary })}
        aria-describedby="tip"
        onMouseEnter={show}
        onMouseLeave={hideSoon}
        onFocus={show}
        onBlur={hideSoon}
        onClick={(e) => {
          e.stopPropagation();
          show();
        }}
      >
        {parts.marks && <span class={`marks${f.marks?.blocked ? ' blocked' : ''}`}>{parts.marks}</span>}
        <span class="fulfil">{parts.fulfil}</span>
        <span class="history">{parts.history}</span>
        {parts.deadline && <span class="deadline">{parts.deadline}</span>}
        {parts.mark && <span class="mark">{parts.mark}</span>}
        {parts.tiktok && <span class="tiktok">{parts.tiktok}</span>}
        {parts.gmv && <span class="gmv">{parts.gmv}</span>}
      </button>
      {link && <ExtensionPageLink link={link} class="open" label={i18n.t('badge.open', { handle: f.handle })} text="↗" />}
      <div ref={tip} id="tip" role="tooltip" popover="manual" class="tip" onMouseEnter={keep} onMouseLeave={hideSoon}>
        <p class="title">{i18n.t('tip.title', { handle: f.handle })}</p>
        {(parts.marks || f.marks?.note) && (
          <p class="marks-tip">
            {i18n.t('marks.yours', { marks: parts.marks ?? '' })}
            {f.marks?.note && <span class="note"> {i18n.t('marks.note', { note: f.marks.note })}</span>}
          </p>
        )}
        <p>
          {f.fulfillment
            ? i18n.t('tip.fulfilment', { rate: i18n.percent(f.fulfillment.value) })
            : i18n.t('tip.fulfilmentUnknown')}
          {f.fulfillment && (
            <span class="src">
              {' '}
              {i18n.t('tip.source', {
                page: pageName(i18n, f.fulfillment.source.page),
                when: i18n.dateTime(f.fulfillment.seenAt),
              })}
            </span>
          )}
        </p>
        <p>
          {i18n.t('tip.history', { sent: f.history.sent, seen: f.history.seen, content: f.history.withContent })}
          {latest && (
            <span class="src">
              {' '}
              {i18n.t('tip.source', { page: pageName(i18n, latest.source.page), when: i18n.dateTime(latest.lastSeenAt) })}
            </span>
          )}
        </p>
        {figures.map((g) => (
          <p class="figures" key={`${g.seen.seenAt}|${g.seen.source.page}`}>
            {i18n.t('tip.creatorFigures', { figures: g.text })}
            <span class="src"> {i18n.t('tip.source', { page: pageName(i18n, g.seen.source.page), when: i18n.dateTime(g.seen.seenAt) })}</span>
          </p>
        ))}
        {withTikTok.map((r) => (
          <p key={r.applyId} class="tiktok-view" data-apply-id={r.applyId}>
            {withTikTok.length > 1 && `${r.productTitle ?? r.productId}: `}
            {[
              r.tiktok?.value.canBeApproved === undefined ? undefined : i18n.t(r.tiktok.value.canBeApproved ? 'tip.tiktokCan' : 'tip.tiktokCannot'),
              r.tiktok?.value.predictedRoi === undefined ? undefined : i18n.t('tip.tiktokRoi', { roi: roi(r.tiktok.value.predictedRoi, i18n) }),
            ]
              .filter(Boolean)
              .join(' ')}
            {r.tiktok && <span class="src"> {i18n.t('tip.source', { page: pageName(i18n, r.tiktok.source.page), when: i18n.dateTime(r.tiktok.seenAt) })}</span>}
          </p>
        ))}
        {parts.review?.deadline && (
          <p>
            {i18n.t('tip.deadline', {
              at: i18n.dateTime(parts.review.deadline.at),
              relative: i18n.relative(parts.review.deadline.at, now),
            })}
            <span class="src">
              {' '}
              {i18n.t('tip.source', {
                page: pageName(i18n, parts.review.source.page),
                when: i18n.dateTime(parts.review.deadline.seenAt),
              })}
            </span>
          </p>
        )}
      </div>
    </span>
  );
}

export const BADGE_CSS = `
:host { all: initial; display: inline-block; vertical-align: middle; margin-inline-start: 6px; max-width: 100%; }
.badge button {
  all: unset; box-sizing: border-box; display: inline-flex; flex-wrap: wrap; align-items: center; gap: 0 8px; cursor: help;
  max-width: 100%; font: 500 11px/16px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2937;
  background: #eef6ff; border: 1px solid #bfdbfe; border-radius: 10px; padding: 1px 8px;
}
.badge button > span { white-space: nowrap; }
.badge button:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
.badge .open {
  display: inline-block; margin-inline-start: 4px; padding: 0 6px; border-radius: 10px; border: 1px solid #bfdbfe;
  font: 500 11px/16px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d4ed8; background: #eef6ff; text-decoration: none;
}
.badge .open:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
.urgent .deadline { color: #b91c1c; font-weight: 700; }
.mark { color: #1d4ed8; font-weight: 600; }
.marks { color: #92400e; font-weight: 600; }
.marks.blocked { color: #b91c1c; }
.tip .note { white-space: pre-line; }
.tiktok { color: #6d28d9; }
.urgent button { border-color: #fca5a5; background: #fff1f2; }
.highlighted button { box-shadow: 0 0 0 3px #f59e0b; }
.tip {
  position: fixed; inset: auto; margin: 0; width: 320px; box-sizing: border-box; padding: 10px 12px; white-space: normal;
  font: 12px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111827;
  background: #fff; border: 1px solid #d1d5db; border-radius: 8px; box-shadow: 0 8px 24px rgb(0 0 0 / 0.15);
}
.tip p { margin: 0 0 6px; }
.tip p:last-child { margin: 0; }
.tip .title { font-weight: 700; overflow-wrap: anywhere; }
.tip .src { color: #6b7280; }
@media (prefers-color-scheme: dark) {
  .badge button { color: #e5e7eb; background: #1e293b; border-color: #334155; }
  .badge .open { color: #93c5fd; background: #1e293b; border-color: #334155; }
  .urgent button { background: #3f1d1d; border-color: #7f1d1d; }
  .urgent .deadline { color: #fca5a5; }
  .mark { color: #93c5fd; }
  .marks { color: #fcd34d; }
  .marks.blocked { color: #fca5a5; }
  .tiktok { color: #c4b5fd; }
  .tip { color: #e5e7eb; background: #111827; border-color: #374151; }
  .tip .src { color: #9ca3af; }
}
`;
