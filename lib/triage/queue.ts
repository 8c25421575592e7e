import type { Table } from 'dexie';
import type { CreatorMarks } from '../creators/model';
import type { AppDB } from '../db/app-db';
import { CONTENT_STATUSES } from '../domain/sample-status';
import type { Creator, Deadline, Observed, Product, SampleRequest, SourceRef, TikTokView, TriageMark } from '../domain/types';
import type { I18n } from '../i18n';
import { RULE_CATALOGUE as RULES } from '../rules/catalogue';
import type { RuleTexts as AnyRule, SubjectKind } from '../rules/types';
import { findingView, type FindingView } from '../rules/view';
import { costFor, costIndex, type CostIndex } from './costs';
import { scoreRequest, type Score, type ScoreInput } from './score';

/**
 * The side panel's triage queue: a shop's pending sample requests, each scored (lib/triage/score.ts) from what Collab
 * Lens has stored, ranked best first. Loading reads each table once (the shop's requests through its index, creators,
 * products and costs in bulk); ranking is pure, so the panel re-ranks as the clock moves without reading again.
 */

export type Mark = TriageMark['mark'];

/** This shop's samples to one creator, by outcome, counted from the statuses Collab Lens has seen. */
export interface CreatorHistory {
  /** Requests of any status. */
  seen: number;
  /** Samples whose content was posted. */
  posted: number;
  /** Samples sent whose outcome is known: content posted, or cancelled because none was. */
  concluded: number;
  /** Samples sent whose posting window is still open (shipped, content pending). */
  open: number;
  lastSeenAt?: number;
  source?: SourceRef;
}

export interface QueueData {
  shopKey: string;
  pending: SampleRequest[];
  history: Map<string, CreatorHistory>;
  creators: Map<string, Creator>;
  products: Map<string, Product>;
  costs: CostIndex;
  /** The seller's marks on the requests' creators (lib/creators/marks.ts), by handle. */
  marks: Map<string, CreatorMarks>;
  /** What was read, found or not: the changes that can alter the queue touch these (lib/triage/watch.ts). */
  keys: { applyIds: Set<string>; handles: Set<string>; productIds: Set<string> };
}

export interface TriageItem {
  applyId: string;
  handle: string;
  nickname?: string;
  productId: string;
  productTitle?: string;
  deadline?: Deadline;
  lastSeenAt: number;
  source: SourceRef;
  fulfilmentBps?: number;
  history: CreatorHistory;
  score: Score;
  /** The review deadline has passed: TikTok has most likely cancelled the request since it was last seen. */
  overdue: boolean;
  /** What TikTok itself says of the request (can it be approved, its predicted ROI): shown beside the score, not in it. */
  tiktok?: Observed<TikTokView>;
  /** The seller blocked the creator (lib/creators/marks.ts): flagged on the row, not in the score. */
  blocked?: true;
  /** The seller's tags on the creator. */
  tags?: string[];
}

const OPEN_STATUSES = new Set(['SHIPPED', 'CONTENT_PENDING']);

/** Pure: a creator's history from this shop's requests to them. */
export function historyOf(requests: readonly SampleRequest[]): CreatorHistory {
  let posted = 0;
  let unfulfilled = 0;
  let open = 0;
  let latest: SampleRequest | undefined;
  for (const r of requests) {
    if (CONTENT_STATUSES.has(r.status)) posted += 1;
    else if (r.status === 'UNFULFILL_CANCELLED') unfulfilled += 1;
    else if (OPEN_STATUSES.has(r.status)) open += 1;
    if (!latest || r.lastSeenAt > latest.lastSeenAt) latest = r;
  }
  return {
    seen: requests.length,
    posted,
    concluded: posted + unfulfilled,
    open,
    ...(latest ? { lastSeenAt: latest.lastSeenAt, source: latest.source } : {}),
  };
}

/**
 * Reading a whole table is one request; a look-up per key is one request each, and in Chromium 2,000 look-ups took
 * 2 to 7 times as long as reading 2,000 rows at once. So a table at most `WHOLE_TABLE_FACTOR` times the size of what
 * is needed is read whole.
 */
const WHOLE_TABLE_FACTOR = 4;

/** The rows of `keys` found in `table`, by key. */
async function readMany<T, I>(table: Table<T, string, I>, keys: ReadonlySet<string>, keyOf: (row: T) => string): Promise<Map<string, T>> {
  if (keys.size === 0) return new Map();
  const whole = (await table.count()) <= keys.size * WHOLE_TABLE_FACTOR;
  const rows = whole ? (await table.toArray()).filter((row) => keys.has(keyOf(row))) : await table.bulkGet([...keys]);
  return new Map(rows.flatMap((row) => (row ? [[keyOf(row), row] as const] : [])));
}

export async function loadQueue(db: AppDB, shopKey: string): Promise<QueueData> {
  const all = await db.sampleRequests.where('shopKey').equals(shopKey).toArray();
  const byCreator = new Map<string, SampleRequest[]>();
  for (const r of all) {
    const list = byCreator.get(r.creatorHandle);
    if (list) list.push(r);
    else byCreator.set(r.creatorHandle, [r]);
  }
  const pending = all.filter((r) => r.status === 'PENDING');
  const handles = new Set(pending.map((r) => r.creatorHandle));
  const productIds = new Set(pending.map((r) => r.productId));
  const [creators, products, costs, marks] = await Promise.all([
    readMany(db.creators, handles, (c) => c.handle),
    readMany(db.products, productIds, (p) => p.productId),
    db.costs.where('shopKey').equals(shopKey).toArray(),
    // The seller marks few creators: reading them all is one request.
    db.creatorMarks.toArray(),
  ]);
  return {
    shopKey,
    pending,
    history: new Map([...handles].map((h) => [h, historyOf(byCreator.get(h) ?? [])])),
    creators,
    products,
    costs: costIndex(costs),
    marks: new Map(marks.flatMap((m) => (handles.has(m.handle) ? [[m.handle, m] as const] : []))),
    keys: { applyIds: new Set(all.map((r) => r.applyId)), handles, productIds },
  };
}

/** Pure: the score input of one pending request from the loaded data. */
function scoreInputOf(data: QueueData, r: SampleRequest): ScoreInput {
  const creator = data.creators.get(r.creatorHandle);
  const product = data.products.get(r.productId);
  const h = data.history.get(r.creatorHandle) ?? historyOf([]);
  const cost = costFor(data.costs, r.productId, r.skuId);
  return {
    ...(r.deadline ? { deadline: r.deadline } : {}),
    ...(r.commissionBps === undefined ? {} : { commissionBps: r.commissionBps }),
    requestSeen: { seenAt: r.lastSeenAt, source: r.source },
    ...(creator?.fulfillmentBps ? { fulfilment: creator.fulfillmentBps } : {}),
    ...(creator?.metrics ? { metrics: creator.metrics } : {}),
    ...(creator?.metricSources ? { metricSources: creator.metricSources } : {}),
    history: { posted: h.posted, concluded: h.concluded, open: h.open, ...(h.lastSeenAt === undefined ? {} : { seen: { seenAt: h.lastSeenAt, source: h.source } }) },
    ...(product?.price ? { price: { value: product.price, seenAt: product.lastSeenAt, source: product.source } } : {}),
    ...(cost ? { cost } : {}),
  };
}

/**
 * Pure: the queue at `now`, best score first; ties go to the sooner deadline, then the request id. Requests past their
 * review deadline come last (they are most likely cancelled already), soonest first.
 */
export function rankQueue(data: QueueData, now: number): TriageItem[] {
  const items = data.pending.map((r): TriageItem => {
    const creator = data.creators.get(r.creatorHandle);
    const product = data.products.get(r.productId);
    const marks = data.marks.get(r.creatorHandle);
    return {
      applyId: r.applyId,
      handle: r.creatorHandle,
      ...(creator?.nickname ? { nickname: creator.nickname } : {}),
      productId: r.productId,
      ...(product?.title ? { productTitle: product.title } : {}),
      ...(r.deadline ? { deadline: r.deadline } : {}),
      lastSeenAt: r.lastSeenAt,
      source: r.source,
      ...(creator?.fulfillmentBps ? { fulfilmentBps: creator.fulfillmentBps.value } : {}),
      history: data.history.get(r.creatorHandle) ?? historyOf([]),
      score: scoreRequest(scoreInputOf(data, r), now),
      overdue: r.deadline?.kind === 'review' && r.deadline.at <= now,
      ...(r.tiktok && { tiktok: r.tiktok }),
      ...(marks?.blocked ? { blocked: true as const } : {}),
      ...(marks?.tags.length ? { tags: marks.tags } : {}),
    };
  });
  const deadlineOf = (i: TriageItem) => i.deadline?.at ?? Infinity;
  return items.sort(
    (a, b) =>
      Number(a.overdue) - Number(b.overdue) ||
      (a.overdue ? deadlineOf(a) - deadlineOf(b) : b.score.total - a.score.total) ||
      deadlineOf(a) - deadlineOf(b) ||
      a.applyId.localeCompare(b.applyId),
  );
}

/** The seller's marks on a shop's requests. */
export async function loadMarks(db: AppDB, shopKey: string): Promise<Map<string, Mark>> {
  const rows = await db.triageMarks.where('shopKey').equals(shopKey).toArray();
  return new Map(rows.map((m) => [m.applyId, m.mark]));
}

const FINDING_SUBJECTS: readonly SubjectKind[] = ['sampleRequest', 'creator'];

/**
 * The active findings (not dismissed, not snoozed) about a shop's sample requests and creators, in the reader's
 * language, most urgent first, by `sampleRequest|applyId` and `creator|handle` (see `findingsOf`).
 */
export async function loadFindings(db: AppDB, shopKey: string, i18n: I18n, now: number, rules: readonly AnyRule[] = RULES): Promise<Map<string, FindingView[]>> {
  const findings = await db.findings
    .where('[shopKey+subject]')
    .anyOf(FINDING_SUBJECTS.map((s) => [shopKey, s]))
    .toArray();
  const states = await db.findingStates.bulkGet(findings.map((f) => f.id));
  const byRule = new Map(rules.map((r) => [r.id, r]));
  const out = new Map<string, FindingView[]>();
  findings.forEach((f, i) => {
    const rule = byRule.get(f.ruleId);
    if (!rule) return;
    const view = findingView(f, rule, states[i], [], i18n, now);
    if (view.state !== 'active') return;
    const key = `${f.subject}|${f.subjectKey}`;
    const list = out.get(key);
    if (list) list.push(view);
    else out.set(key, [view]);
  });
  for (const list of out.values()) list.sort((a, b) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || a.id.localeCompare(b.id));
  return out;
}

/** The findings a queue row shows: about the request itself, then about its creator. */
export function findingsOf(findings: ReadonlyMap<string, readonly FindingView[]>, item: Pick<TriageItem, 'applyId' | 'handle'>): FindingView[] {
  return [...(findings.get(`sampleRequest|${item.applyId}`) ?? []), ...(findings.get(`creator|${item.handle}`) ?? [])];
}
