import { Dexie } from 'dexie';
import { useMemo } from 'preact/hooks';
import type { AppDB } from '../../lib/db/app-db';
import type { I18n } from '../../lib/i18n';
import { isAffiliateCenter, pageKindOf } from '../../lib/page-detect';
import { RULE_CATALOGUE as RULES } from '../../lib/rules/catalogue';
import { findingViews, type FindingView } from '../../lib/rules/view';
import { liveQuerySignal } from '../../lib/state/live-query';

/**
 * The rule engine's findings for the shop, most urgent first (soonest deadline, then severity, then oldest: the order
 * `findingViews` gives), each linking to the Affiliate Center page its evidence was seen on and naming the item there.
 * Loaded only when the tab is opened (it brings every rule's texts).
 */

/** The page a finding is about: its subject's own evidence first, then any; only an Affiliate Center https page. */
export function findingPage(f: FindingView): string | undefined {
  const safe = (page: string | undefined) => {
    if (!page) return undefined;
    try {
      return isAffiliateCenter(new URL(page)) ? page : undefined;
    } catch {
      return undefined;
    }
  };
  return safe(f.evidence.find((e) => e.entity === f.subject && safe(e.page))?.page) ?? f.evidence.map((e) => safe(e.page)).find((p) => p !== undefined);
}

function Finding({ f, i18n, now }: { f: FindingView; i18n: I18n; now: number }) {
  const { t } = i18n;
  const page = findingPage(f);
  const pageName = page ? t(`page.${pageKindOf(page)}`) : undefined;
  return (
    <li class={`card finding ${f.severity}`} data-finding={f.id} data-severity={f.severity}>
      <p class="severity">{t(`popup.findings.severity.${f.severity}`)}</p>
      <h3>{f.title}</h3>
      <p>{f.message}</p>
      {f.dueAt !== undefined && (
        <p class={f.dueAt - now < 86_400_000 ? 'urgent' : 'muted'}>{t('popup.findings.due', { at: i18n.dateTime(f.dueAt), relative: i18n.relative(f.dueAt, now) })}</p>
      )}
      {page && pageName && (
        <a href={page} target="_blank" rel="noreferrer" data-testid="finding-link">
          {f.anchors.length ? t('popup.findings.open', { page: pageName, item: f.anchors.join(' · ') }) : t('popup.findings.openPage', { page: pageName })}
        </a>
      )}
    </li>
  );
}

export function FindingsView({ db, i18n, shopKey, now }: { db: AppDB; i18n: I18n; shopKey: string; now: number }) {
  const views = useMemo(
    () =>
      liveQuerySignal(async () => {
        const findings = await db.findings.where('[shopKey+subject]').between([shopKey, Dexie.minKey], [shopKey, Dexie.maxKey]).toArray();
        return findingViews(db, RULES, findings, i18n.locale, now);
      }),
    [db, shopKey, i18n.locale, now],
  ).value;
  const { t } = i18n;
  if (views === undefined) return <p class="muted">{t('popup.findings.loading')}</p>;
  const active = views.filter((v) => v.state === 'active');
  const hidden = views.length - active.length;
  return (
    <div>
      {active.length ? (
        <ul class="plain findings" data-testid="findings">
          {active.map((f) => (
            <Finding key={f.id} f={f} i18n={i18n} now={now} />
          ))}
        </ul>
      ) : (
        <p class="card" data-testid="findings-empty">
          {t('popup.findings.none')}
        </p>
      )}
      {hidden > 0 && <p class="muted">{t('popup.findings.hidden', { count: i18n.number(hidden) })}</p>}
    </div>
  );
}
