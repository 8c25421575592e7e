import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PageI18n } from '../lib/i18n/page';
import type { FindingAction } from '../lib/overlay/findings';
import { pageKindOf } from '../lib/page-detect';
import type { FindingView } from '../lib/rules/view';
import { ExtensionPageLink, type PageLink } from './page-link';

/**
 * One Collab Lens annotation on an Affiliate Center page: a small chip after the item it is about, and a popover with
 * the figures (each with the page and time it was seen) and the findings, each with Dismiss and Snooze. The popover
 * opens on hover and focus (so keyboard users read it too) and stays open on click; Escape closes it. The chip is one
 * line as wide as the room its host was given: the alert count first, then the figures that fit whole (the host layer
 * measures them). Each figure carries its short form too: where not even the first fits, the host layer marks the host
 * compact and the chip shows that one short instead of cutting it off mid-word.
 */

/** A figure on the chip: its text, and a shorter one for when the room beside the item is narrow. */
export interface ChipPart {
  text: string;
  short: string;
}

/** A figure with where it came from. */
export interface Figure {
  text: string;
  /** The page it was seen on and when (epoch ms); absent for what the seller entered. */
  seen?: { page: string; at: number };
  /** A note after the figure (how it is computed, what it counts). */
  note?: string;
}

export interface AnnotationProps {
  i18n: PageI18n;
  now: number;
  /** What the annotation is about (`@handle`, an order id, a campaign name), for its accessible name and title. */
  name: string;
  /** The figures the chip shows. */
  parts: readonly ChipPart[];
  figures: readonly Figure[];
  findings: readonly FindingView[];
  onAction(finding: FindingView, action: FindingAction): void;
  /** A link to Collab Lens's own page about the subject (a creator's page), shown under the popover's title. */
  page?: { link: PageLink; label: string };
}

const RANK = { high: 3, medium: 2, low: 1 } as const;

export const pageName = (i18n: PageI18n, page: string) => i18n.t(`page.${pageKindOf(page)}`);

/** "Source: Affiliate orders, seen 2 Jun, 10:15." */
export const sourceText = (i18n: PageI18n, page: string, at: number) => i18n.t('tip.source', { page: pageName(i18n, page), when: i18n.dateTime(at) });

/** The visible chip text and the accessible name of an annotation. */
export function annotationText(p: Pick<AnnotationProps, 'i18n' | 'name' | 'parts' | 'findings'>) {
  const { i18n, findings } = p;
  const count = findings.length;
  const alerts = count ? { text: i18n.t(count === 1 ? 'annotation.oneAlert' : 'annotation.alerts', { count }), short: i18n.t('annotation.alertsShort', { count }) } : undefined;
  const chip: ChipPart[] = [...(alerts ? [alerts] : []), ...p.parts];
  const titles = findings.map((f) => f.title).join('; ');
  const summary = [...p.parts.map((part) => part.text), ...(alerts ? [i18n.t('annotation.alertTitles', { alerts: alerts.text, titles })] : [])].join(' · ');
  return { chip, label: i18n.t('annotation.label', { name: p.name, summary }) };
}

/** The distinct pages and times the evidence of a finding was seen on, latest first. */
function evidenceSources(f: FindingView): { page: string; at: number }[] {
  const seen = new Map<string, { page: string; at: number }>();
  for (const e of f.evidence) {
    if (!e.page || e.seenAt === undefined) continue;
    const key = pageKindOf(e.page);
    const prev = seen.get(key);
    if (!prev || e.seenAt > prev.at) seen.set(key, { page: e.page, at: e.seenAt });
  }
  return [...seen.values()].sort((a, b) => b.at - a.at);
}

export function Annotation(props: AnnotationProps) {
  const { i18n, now, findings } = props;
  const [open, setOpen] = useState(false);
  const pinned = useRef(false);
  const pop = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLSpanElement>(null);
  const hideTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const text = annotationText(props);
  const severity = findings.reduce<FindingView['severity'] | undefined>((s, f) => (!s || RANK[f.severity] > RANK[s] ? f.severity : s), undefined);

  const place = () => {
    const el = pop.current;
    const anchor = button.current;
    if (!el || !anchor?.isConnected) return;
    const r = anchor.getBoundingClientRect();
    const height = el.offsetHeight;
    el.style.left = `${Math.max(8, Math.min(r.left, innerWidth - el.offsetWidth - 8))}px`;
    el.style.top = `${r.bottom + 6 + height > innerHeight ? Math.max(8, r.top - 6 - height) : r.bottom + 6}px`;
  };
  const show = () => {
    clearTimeout(hideTimer.current);
    setOpen(true);
  };
  const hide = () => {
    clearTimeout(hideTimer.current);
    pinned.current = false;
    setOpen(false);
  };
  // The popover stays while the pointer moves onto it or focus is inside it (WCAG 1.4.13).
  const hideSoon = () => {
    clearTimeout(hideTimer.current);
    hideTimer.current = setTimeout(() => {
      const root = button.current?.getRootNode() as ShadowRoot | undefined;
      if (!pinned.current && !root?.activeElement) setOpen(false);
    }, 150);
  };

  useLayoutEffect(() => {
    const el = pop.current;
    if (!el) return;
    if (open && !el.matches(':popover-open')) el.showPopover();
    if (!open && el.matches(':popover-open')) el.hidePopover();
    if (open) place();
  }, [open, findings]);

  // Listening from the layout effect, not a later one: an Escape pressed as soon as the popover shows must close it.
  useLayoutEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      hide();
      const root = button.current?.getRootNode() as ShadowRoot | undefined;
      if (root?.activeElement) button.current?.focus();
    };
    const onScroll = () => place();
    // A click elsewhere on the page closes it, as a menu would.
    const onPointer = (e: PointerEvent) => {
      const host = (button.current?.getRootNode() as ShadowRoot | undefined)?.host;
      if (host && !e.composedPath().includes(host)) hide();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer, true);
    addEventListener('scroll', onScroll, { passive: true, capture: true });
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer, true);
      removeEventListener('scroll', onScroll, { capture: true });
    };
  }, [open]);
  useEffect(() => () => clearTimeout(hideTimer.current), []);

  /** A click or Enter pins the popover open (it stays when the pointer or focus leaves); again, it closes. */
  const toggle = () => {
    pinned.current = !pinned.current || !open;
    if (pinned.current) show();
    else hide();
  };

  const act = (f: FindingView, action: FindingAction) => {
    props.onAction(f, action);
    button.current?.focus();
  };

  return (
    <span class={`annotation${severity ? ` ${severity}` : ''}`} onFocusOut={hideSoon}>
      {/* The button role on a span, not a <button>: an annotation may share its host with the sample badge, and the
          badge stays the host's one native button (the side panel's reveal and the badge's tests address it). */}
      <span
        ref={button}
        role="button"
        tabIndex={0}
        class="chip"
        aria-label={text.label}
        aria-expanded={open}
        aria-controls="pop"
        aria-haspopup="dialog"
        onMouseEnter={show}
        onMouseLeave={hideSoon}
        onFocus={show}
        onClick={(e) => {
          e.stopPropagation();
          toggle();
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' && e.key !== ' ') return;
          e.preventDefault();
          e.stopPropagation();
          toggle();
        }}
      >
        {text.chip.map((part, i) => (
          <span key={i} data-part class={i === 0 && findings.length ? 'alerts' : undefined}>
            <span class="full">{part.text}</span>
            <span class="short">{part.short}</span>
          </span>
        ))}
      </span>
      <div
        ref={pop}
        id="pop"
        role="dialog"
        aria-label={i18n.t('annotation.title', { name: props.name })}
        popover="manual"
        class="pop"
        onMouseEnter={show}
        onMouseLeave={hideSoon}
        onClick={(e) => e.stopPropagation()}
      >
        {open && (
          <>
            <p class="title">{i18n.t('annotation.title', { name: props.name })}</p>
            {props.page && (
              <p class="page">
                <ExtensionPageLink link={props.page.link} class="page-link" label={props.page.label} text={`${props.page.label} ↗`} />
              </p>
            )}
            {props.figures.map((f, i) => (
              <p key={i} class="figure">
                {f.text}
                {f.note && <span class="note"> {f.note}</span>}
                {f.seen && <span class="src"> {sourceText(i18n, f.seen.page, f.seen.at)}</span>}
              </p>
            ))}
            {findings.map((f) => (
              <section key={f.id} class={`finding ${f.severity}`} aria-label={f.title}>
                <h3>{f.title}</h3>
                <p>{f.message}</p>
                {f.dueAt !== undefined && (
                  <p class="due">{i18n.t('annotation.due', { at: i18n.dateTime(f.dueAt), relative: i18n.relative(f.dueAt, now) })}</p>
                )}
                {evidenceSources(f).map((s) => (
                  <p key={s.page} class="src">
                    {sourceText(i18n, s.page, s.at)}
                  </p>
                ))}
                <details>
                  <summary>{i18n.t('annotation.why')}</summary>
                  <p>{f.explanation}</p>
                </details>
                <div class="actions">
                  <button type="button" aria-label={i18n.t('annotation.dismissLabel', { title: f.title })} onClick={() => act(f, 'dismiss')}>
                    {i18n.t('annotation.dismiss')}
                  </button>
                  <button type="button" aria-label={i18n.t('annotation.snoozeLabel', { title: f.title })} onClick={() => act(f, 'snooze')}>
                    {i18n.t('annotation.snooze')}
                  </button>
                </div>
              </section>
            ))}
          </>
        )}
      </div>
    </span>
  );
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export const ANNOTATION_CSS = `
.annotation { display: inline-block; vertical-align: middle; }
.annotation > .chip {
  all: unset; box-sizing: border-box; display: inline-flex; flex-wrap: wrap; align-items: center; gap: 0 6px; cursor: pointer;
  max-width: 100%; height: 18px; overflow: hidden; white-space: nowrap;
  font: 500 11px/16px ${FONT}; color: #1f2937; background: #f3f4f6; border: 1px solid #d1d5db; border-radius: 10px; padding: 0 7px;
}
.annotation > .chip .short, :host([data-compact]) .annotation > .chip .full { display: none; }
:host([data-compact]) .annotation > .chip .short { display: inline; }
:host([data-compact]) .annotation > .chip { padding: 0 5px; }
.annotation > .chip > span { min-width: 0; max-width: 100%; overflow: hidden; text-overflow: ellipsis; }
.annotation > .chip:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
.annotation.low > .chip { background: #eef6ff; border-color: #bfdbfe; }
.annotation.medium > .chip { background: #fffbeb; border-color: #fcd34d; }
.annotation.high > .chip { background: #fff1f2; border-color: #fca5a5; }
.annotation.high .alerts { color: #b91c1c; font-weight: 700; }
.annotation.medium .alerts { color: #92400e; font-weight: 700; }
.pop {
  position: fixed; inset: auto; margin: 0; width: 340px; max-height: min(420px, calc(100vh - 16px)); overflow: auto;
  box-sizing: border-box; padding: 10px 12px; font: 12px/1.45 ${FONT}; color: #111827; white-space: normal; text-align: start;
  background: #fff; border: 1px solid #d1d5db; border-radius: 8px; box-shadow: 0 8px 24px rgb(0 0 0 / 0.15);
}
.pop p { margin: 0 0 6px; overflow-wrap: anywhere; }
.pop .title { font-weight: 700; }
.pop .src, .pop .note { color: #6b7280; }
.pop .finding { border-top: 1px solid #e5e7eb; padding-top: 6px; margin-top: 6px; }
.pop h3 { margin: 0 0 4px; font-size: 12px; }
.pop .finding.high h3 { color: #b91c1c; }
.pop .finding.medium h3 { color: #92400e; }
.pop .due { font-weight: 600; }
.pop details { margin: 0 0 6px; }
.pop summary { cursor: pointer; color: #2563eb; }
.pop .actions { display: flex; gap: 8px; }
.pop .actions button {
  font: 500 12px/18px ${FONT}; color: #1f2937; background: #fff; border: 1px solid #d1d5db; border-radius: 6px; padding: 1px 10px; cursor: pointer;
}
.pop .page-link { color: #1d4ed8; }
.pop button:focus-visible, .pop summary:focus-visible, .pop .page-link:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .annotation > .chip { color: #e5e7eb; background: #1f2937; border-color: #374151; }
  .annotation.low > .chip { background: #1e293b; border-color: #334155; }
  .annotation.medium > .chip { background: #3b2f10; border-color: #92400e; }
  .annotation.high > .chip { background: #3f1d1d; border-color: #7f1d1d; }
  .annotation.high .alerts { color: #fca5a5; }
  .annotation.medium .alerts { color: #fcd34d; }
  .pop { color: #e5e7eb; background: #111827; border-color: #374151; }
  .pop .src, .pop .note { color: #9ca3af; }
  .pop .page-link { color: #93c5fd; }
  .pop .finding { border-color: #374151; }
  .pop .actions button { color: #e5e7eb; background: #1f2937; border-color: #374151; }
}
`;
