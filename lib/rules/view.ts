import type { AppDB } from '../db/app-db';
import { createI18n, type I18n, type Locale } from '../i18n';
import type { Evidence, Finding, FindingState, Param, RuleTexts, Severity, SubjectKind } from './types';

/**
 * A finding as the page, popup and side panel show it: its texts in the reader's language, with every placeholder
 * filled and formatted (rates as percentages, money in its currency, times as dates and durations). Every value is
 * plain text: the UI inserts it as text, never as HTML.
 */
export interface FindingView {
  id: string;
  ruleId: string;
  subject: SubjectKind;
  subjectKey: string;
  shopKey: string;
  severity: Severity;
  title: string;
  message: string;
  explanation: string;
  dueAt?: number;
  firstSeenAt: number;
  evidence: EvidenceView[];
  /** The seller's decision: `snoozed` only while `snoozedUntil` is ahead. */
  state: 'active' | 'dismissed' | 'snoozed';
  snoozedUntil?: number;
  /** Texts that identify the subject on the page (handles, product ids and titles, names, order ids), to anchor by content. */
  anchors: string[];
}

export interface EvidenceView {
  entity: string;
  key: string;
  seenAt?: number;
  /** The page the record was seen on. */
  page?: string;
  basis?: Evidence['basis'];
}

/** A finding's placeholder value as text for the reader: numbers, rates, money, times and durations in their format. */
export function formatParam(p: Param, i18n: I18n): string {
  if (typeof p === 'string') return p;
  if (typeof p === 'number') return i18n.number(p);
  if ('bps' in p) return i18n.percent(p.bps);
  if ('money' in p) return i18n.money(p.money);
  if ('at' in p) return i18n.dateTime(p.at);
  if ('text' in p) return p.text[i18n.locale];
  return i18n.duration(p.duration);
}

/** Fill a sentence's `{name}` placeholders from params; a placeholder without a param stays as written. */
export function fillText(text: string, params: Readonly<Record<string, Param>>, i18n: I18n): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => {
    const p = Object.hasOwn(params, name) ? params[name] : undefined;
    return p === undefined ? m : formatParam(p, i18n);
  });
}

function stateOf(state: FindingState | undefined, now: number): Pick<FindingView, 'state' | 'snoozedUntil'> {
  if (state?.dismissedAt !== undefined) return { state: 'dismissed' };
  if (state?.snoozedUntil !== undefined && state.snoozedUntil > now) return { state: 'snoozed', snoozedUntil: state.snoozedUntil };
  return { state: 'active' };
}

/** Pure: one finding of `rule` for a reader of `i18n`'s language. */
export function findingView(f: Finding, rule: RuleTexts, state: FindingState | undefined, anchors: readonly string[], i18n: I18n, now: number): FindingView {
  const lang = i18n.locale;
  return {
    id: f.id,
    ruleId: f.ruleId,
    subject: f.subject,
    subjectKey: f.subjectKey,
    shopKey: f.shopKey,
    severity: f.severity,
    title: rule.title[lang],
    message: fillText(((f.variant !== undefined && rule.variantMessages?.[f.variant]) || rule.message)[lang], f.params, i18n),
    explanation: rule.explanation[lang],
    ...(f.dueAt === undefined ? {} : { dueAt: f.dueAt }),
    firstSeenAt: f.firstSeenAt,
    evidence: f.evidence.map((e) => ({
      entity: e.entity,
      key: e.key,
      ...(e.seenAt === undefined ? {} : { seenAt: e.seenAt }),
      ...(e.source ? { page: e.source.page } : {}),
      ...(e.basis ? { basis: e.basis } : {}),
    })),
    ...stateOf(state, now),
    anchors: [...anchors],
  };
}

const pair = (key: string) => {
  const i = key.indexOf('|');
  return i < 0 ? [key, ''] : [key.slice(0, i), key.slice(i + 1)];
};
const present = (...texts: (string | undefined)[]) => [...new Set(texts.filter((t): t is string => !!t))];

/**
 * The texts identifying each finding's subject on the page, looked up in bulk: a sample request's creator handle and
 * product id; a creator's handle; a product's id and title; a campaign's name and id; a registration's product id and
 * campaign name; an order SKU's order id and SKU id; an invitation's name and id; a linked account's handle.
 */
export async function anchorsOf(db: AppDB, findings: readonly Finding[]): Promise<Map<string, string[]>> {
  const keys = (kind: SubjectKind) => [...new Set(findings.filter((f) => f.subject === kind).map((f) => f.subjectKey))];
  const requests = new Map((await db.sampleRequests.bulkGet(keys('sampleRequest'))).flatMap((r) => (r ? [[r.applyId, r] as const] : [])));
  const skuRows = new Map((await db.orderSkus.bulkGet(keys('orderSku'))).flatMap((r) => (r ? [[r.key, r] as const] : [])));
  const productIdOf = (f: Finding): string | undefined => {
    if (f.subject === 'product') return f.subjectKey;
    if (f.subject === 'openCollab' || f.subject === 'invitationProduct' || f.subject === 'registration') return pair(f.subjectKey)[1];
    if (f.subject === 'sampleRequest') return requests.get(f.subjectKey)?.productId;
    return undefined;
  };
  const productIds = [...new Set(findings.map(productIdOf).filter((id): id is string => !!id))];
  const products = new Map((await db.products.bulkGet(productIds)).flatMap((p) => (p ? [[p.productId, p] as const] : [])));
  const campaignIds = [...new Set([...keys('campaign'), ...keys('registration').map((k) => pair(k)[0] as string)])];
  const campaigns = new Map((await db.campaigns.bulkGet(campaignIds)).flatMap((c) => (c ? [[c.id, c] as const] : [])));
  const invitations = new Map((await db.invitations.bulkGet(keys('invitation'))).flatMap((i) => (i ? [[i.id, i] as const] : [])));
  const accounts = new Map((await db.accounts.bulkGet(keys('shopAccount'))).flatMap((a) => (a ? [[a.key, a] as const] : [])));

  const out = new Map<string, string[]>();
  for (const f of findings) {
    const productId = productIdOf(f);
    const title = productId ? products.get(productId)?.title : undefined;
    const [first, second] = pair(f.subjectKey);
    let anchors: string[];
    switch (f.subject) {
      case 'sampleRequest':
        anchors = present(requests.get(f.subjectKey)?.creatorHandle, productId);
        break;
      case 'creator':
        anchors = present(f.subjectKey);
        break;
      case 'product':
      case 'openCollab':
      case 'invitationProduct':
        anchors = present(productId, title);
        break;
      case 'campaign':
        anchors = present(campaigns.get(f.subjectKey)?.name, f.subjectKey);
        break;
      case 'registration':
        anchors = present(second, campaigns.get(first as string)?.name);
        break;
      case 'orderSku': {
        // Pages rarely show SKU ids; the product id or name tells the order's lines apart. A line keyed by its
        // position (`#n`) has no SKU id to show.
        const row = skuRows.get(f.subjectKey);
        anchors = present(first, second?.startsWith('#') ? undefined : second, row?.productId, row?.productTitle);
        break;
      }
      case 'invitation':
        anchors = present(invitations.get(f.subjectKey)?.name, f.subjectKey);
        break;
      case 'shopAccount':
        anchors = present(accounts.get(f.subjectKey)?.handle);
        break;
      case 'shop':
        anchors = [];
        break;
    }
    out.set(f.id, anchors);
  }
  return out;
}

const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/**
 * Views of stored findings in `locale`, most urgent first (soonest deadline, then severity, then oldest). Findings of
 * rules not in `rules` are left out.
 */
export async function findingViews(db: AppDB, rules: readonly RuleTexts[], findings: readonly Finding[], locale: Locale, now: number): Promise<FindingView[]> {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const known = findings.filter((f) => byId.has(f.ruleId));
  const [anchors, states] = await Promise.all([anchorsOf(db, known), db.findingStates.bulkGet(known.map((f) => f.id))]);
  const i18n = createI18n(locale);
  return known
    .map((f, i) => findingView(f, byId.get(f.ruleId) as RuleTexts, states[i], anchors.get(f.id) ?? [], i18n, now))
    .sort(
      (a, b) =>
        (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) ||
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        a.firstSeenAt - b.firstSeenAt ||
        a.id.localeCompare(b.id),
    );
}
