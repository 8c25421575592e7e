import { z } from 'zod';
import { CURR_STATUS, normaliseStatus, TAB_STATUS, type SampleStatus } from '../domain/sample-status';
import type { AudienceShare, CreatorMetrics, SampleType, TikTokView } from '../domain/types';
import { readsOf, unionReads, type ReadSet } from '../shapes/reads';
import { readCount, readMoney, readPercent, readScore, readShare, type DisplayRead } from './display';
import { add, type AdapterResult, type CreatorFact, type ParseContext, type Records, type Rejection, type SampleRequestFact } from './types';
import { bps, epochMs, flag, handle, id, idOrBlank, int, nonNegativeInt, percentBps, rejectionsOf, text } from './values';

/**
 * The element parsing every sample-request list shares: the group list (`sample/group/list`) and the refundable list
 * (`sample/refundable/apply/list`), and the creator block the content list (`sample/performance`) sends too.
 *
 * research/real-shapes.md §1 [raw][fixture][parser]: every `agg_info[]` element carries BOTH `apply_group` (the group's
 * id, its request ids and the creator) AND `apply_deatil` (TikTok's spelling: the request shown on the row in
 * `apply_info`, every request of the group in `apply_infos`, often only ids there, and the creator again). A request
 * is read from every place that names it, merged by `apply_id`. Still accepted, as domain.md §3.1 described them:
 * `apply_detail`, and `apply_infos` beside or inside `apply_group`. An element from which no request can be read is
 * rejected with its path, never dropped.
 *
 * The creator's figures are display strings in the shop's locale (`"4726"`, `"Rp130.973.930"`, `"100.00%"`), read by
 * display.ts in the region the answer was seen in. Each figure stands alone: one that cannot be read is not stored and
 * never costs the request.
 */

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// ---------------------------------------------------------------------------------------------------------------
// The creator

/** Who the creator is. `name` is the handle [raw]; `user_name`/`handle` are accepted should a page send them. */
const creatorIdentity = z
  .object({
    creator_id: id.nullish(),
    name: handle.nullish(),
    user_name: handle.nullish(),
    handle: handle.nullish(),
    nick_name: text(200).nullish(),
    nickname: text(200).nullish(),
  })
  .refine((c) => Boolean(c.user_name ?? c.handle ?? c.name), { message: 'no handle', path: ['name'] });

const countText = z.union([z.string().max(32), z.number()]);
const displayText = z.string().max(48);
const shareList = z
  .array(z.object({ key: z.union([text(64), z.number().finite().transform(String)]), value: z.union([z.string().max(16), z.number()]) }))
  .max(100);

/** The creator's figures, each validated alone: `follower_cnt` and `fulfillment_percentage` are domain.md's older names. */
const creatorFigures = {
  follower_num: countText,
  item_sold: countText,
  content_video_views: countText,
  gmv: displayText,
  fulfillment_rate: displayText,
  categories: z.array(z.union([text(100), z.object({ name: text(100) })])).max(50),
  top_follower_gender: shareList,
  top_follower_ages: shareList,
  region: z.string().regex(/^[A-Za-z]{2}$/),
  follower_cnt: nonNegativeInt,
  fulfillment_percentage: percentBps,
};
type FigureKey = keyof typeof creatorFigures;
const FIGURE_KEYS = Object.keys(creatorFigures) as FigureKey[];
const IDENTITY_KEYS = Object.keys(creatorIdentity.shape);

/** The creator block as read: identity and figures (for `reads`). */
export const creatorInfoSchema = z.object({
  ...creatorIdentity.shape,
  ...Object.fromEntries(FIGURE_KEYS.map((k) => [k, creatorFigures[k].nullish()])),
});
const CREATOR_KEYS = Object.keys(creatorInfoSchema.shape);

type Figures = { [K in FigureKey]?: z.output<(typeof creatorFigures)[K]> };

function definedOnly<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
const nonEmpty = <T extends object>(o: T): T | undefined => {
  const d = definedOnly(o);
  return Object.keys(d).length ? d : undefined;
};

/** A read figure, or undefined; a text that is not a figure at all is a rejection of its path (a blank one is not). */
function figure<T>(r: DisplayRead<T>, path: string, rejections: Rejection[]): T | undefined {
  if (r.ok) return r.value;
  if (r.why === 'malformed') rejections.push({ path, code: 'unreadable' });
  return undefined;
}

function shares(list: z.output<typeof shareList> | undefined, path: string, region: string | undefined, rejections: Rejection[]): AudienceShare[] | undefined {
  if (!list) return undefined;
  const out = list.flatMap((s) => {
    const bpsValue = figure(readShare(s.value, region), `${path}[].value`, rejections);
    return bpsValue === undefined ? [] : [{ key: s.key, bps: bpsValue }];
  });
  return out.length ? out : undefined;
}

/**
 * A creator block (`creator_info`) to a creator fact: undefined, with the rejection, when it names no handle. Each
 * figure that broke is a rejection of its own path only.
 */
export function readCreator(raw: unknown, prefix: string, region: string | undefined): { fact?: CreatorFact; rejections: Rejection[] } {
  const picked = isObject(raw) ? pick(raw, IDENTITY_KEYS) : raw;
  const identity = creatorIdentity.safeParse(picked);
  if (!identity.success) return { rejections: rejectionsOf(prefix, identity.error) };
  const rejections: Rejection[] = [];
  const f: Figures = {};
  for (const k of FIGURE_KEYS) {
    const v = (raw as Record<string, unknown>)[k];
    if (v === undefined || v === null) continue;
    const parsed = creatorFigures[k].safeParse(v);
    if (parsed.success) (f as Record<string, unknown>)[k] = parsed.data;
    else rejections.push(...rejectionsOf(`${prefix}.${k}`, parsed.error));
  }
  const at = (k: string) => `${prefix}.${k}`;
  const followers = f.follower_num === undefined ? undefined : figure(readCount(f.follower_num, region), at('follower_num'), rejections);
  const fulfilment = f.fulfillment_rate === undefined ? undefined : figure(readPercent(f.fulfillment_rate, region), at('fulfillment_rate'), rejections);
  const metrics = nonEmpty<CreatorMetrics>({
    followers,
    gmv: f.gmv === undefined ? undefined : figure(readMoney(f.gmv, region), at('gmv'), rejections),
    unitsSold: f.item_sold === undefined ? undefined : figure(readCount(f.item_sold, region), at('item_sold'), rejections),
    fulfillmentBps: fulfilment,
    contentVideoViews: f.content_video_views === undefined ? undefined : figure(readCount(f.content_video_views, region), at('content_video_views'), rejections),
    audience: nonEmpty({
      gender: shares(f.top_follower_gender, at('top_follower_gender'), region, rejections),
      age: shares(f.top_follower_ages, at('top_follower_ages'), region, rejections),
    }),
  });
  const c = identity.data;
  const categories = f.categories?.map((x) => (typeof x === 'string' ? x : x.name).trim()).filter(Boolean);
  return {
    rejections,
    fact: {
      handle: (c.user_name ?? c.handle ?? c.name) as string,
      nickname: c.nick_name ?? c.nickname ?? undefined,
      aliases: c.creator_id ? [`cid:${c.creator_id}`] : [],
      followerCount: followers ?? f.follower_cnt,
      fulfillmentBps: fulfilment ?? f.fulfillment_percentage,
      ...(metrics && { metrics }),
      ...(categories?.length && { categories }),
      ...(f.region && { region: f.region.toUpperCase() }),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The request

const score = z.union([z.string().max(24), z.number()]);

/**
 * One request (`ApplyInfo`, research/real-shapes.md §1). The state is `curr_status` [raw], its time `create_time`
 * [raw]; `status` (a name), `apply_time` and `sample_type` are domain.md's forms, still read. Only `apply_id` and
 * `product_id` are sure to come: `apply_infos` may list a request by its ids alone [fixture].
 */
export const applyInfo = z.object({
  apply_id: id,
  product_id: id,
  product_title: text(1000).nullish(),
  sku_id: id.nullish(),
  sku_desc: text(500).nullish(),
  sku_stock: int.nullish(),
  sku_price: z.object({ formatted_price: displayText.nullish() }).nullish(),
  commission_rate: bps.nullish(),
  standard_commission: z.object({ fixed_commission_rate: bps.nullish() }).nullish(),
  curr_status: int.nullish(),
  review_status: z.union([int, z.string().max(32)]).nullish(),
  create_time: epochMs.nullish(),
  /** Milliseconds left; a deadline already past can arrive negative, which means none left. */
  expired_in: int.transform((ms) => Math.max(0, ms)).nullish(),
  can_be_approved: flag.nullish(),
  operable: flag.nullish(),
  main_order_id: idOrBlank.nullish(),
  predict_roi: score.nullish(),
  final_score: score.nullish(),
  exposure_score: score.nullish(),
  status: z.union([z.string().max(64), z.number().int()]).nullish(),
  sample_type: z.union([z.string().max(64), z.number().int()]).nullish(),
  apply_time: epochMs.nullish(),
});

type ApplyInfo = z.output<typeof applyInfo>;

const SAMPLE_TYPES = new Set<string>(['FREE_SAMPLE', 'REFUNDABLE_SAMPLE', 'SAMPLE_COUPON', 'SAMPLE_CAMPAIGN', 'PLATFORM_FREE_SAMPLE']);

function sampleType(raw: string | number | null | undefined): SampleType | undefined {
  if (raw === null || raw === undefined) return undefined;
  const s = String(raw).toUpperCase();
  return SAMPLE_TYPES.has(s) ? (s as SampleType) : 'OTHER';
}

/**
 * The request's status: its own `curr_status` where we know the code, else a status name sent in `status` (domain.md),
 * else what the tab it was listed under means, else `UNKNOWN`. `statusRaw` keeps the codes exactly as sent
 * (`curr_status:30`, a name as is), or the tab when the record sent none.
 */
function status(a: Pick<ApplyInfo, 'curr_status' | 'status'>, tab: number | undefined): { status: SampleStatus; statusRaw: string } {
  const raw: string[] = [];
  if (a.curr_status !== null && a.curr_status !== undefined) raw.push(`curr_status:${a.curr_status}`);
  if (a.status !== null && a.status !== undefined) raw.push(String(a.status));
  const statusRaw = raw.join(' ') || (tab === undefined ? '' : `tab:${tab}`);
  const fromCode = a.curr_status === null || a.curr_status === undefined ? undefined : CURR_STATUS[a.curr_status];
  const fromName = typeof a.status === 'string' ? normaliseStatus(a.status) : 'UNKNOWN';
  const fromTab = tab === undefined ? undefined : TAB_STATUS[tab];
  return { status: fromCode ?? (fromName !== 'UNKNOWN' ? fromName : undefined) ?? fromTab ?? 'UNKNOWN', statusRaw };
}

// ---------------------------------------------------------------------------------------------------------------
// The elements

function pick(raw: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (raw[k] !== undefined) out[k] = raw[k];
  return out;
}

/** `into` with the keys it lacks (or holds null) filled from `from`; only `keys` are read. */
function fill(into: Record<string, unknown>, from: Record<string, unknown>, keys: readonly string[]): void {
  for (const k of keys) if ((into[k] === undefined || into[k] === null) && from[k] !== undefined) into[k] = from[k];
}

interface Request {
  prefix: string;
  value: unknown;
}

interface Element {
  creator: { prefix: string; value: unknown };
  groupId?: unknown;
  requests: Request[];
  /** Request ids the group names that none of its request lists carried. */
  unlisted: number;
}

/**
 * An `agg_info` element's requests (merged by `apply_id`, in the group's order) and its creator, or the rejection of an
 * element none can be read from.
 */
function elementOf(el: unknown, keys: readonly string[]): Element | Rejection {
  if (!isObject(el)) return { path: 'agg_info[]', code: 'unrecognised_element' };
  const group = isObject(el.apply_group) ? el.apply_group : undefined;
  const key = 'apply_deatil' in el ? 'apply_deatil' : 'apply_detail' in el ? 'apply_detail' : undefined;
  const detail = key && isObject(el[key]) ? el[key] : undefined;
  if (!group && !detail) return { path: 'agg_info[]', code: 'unrecognised_element' };

  const lists: [string, unknown][] = [
    [`agg_info[].${key}.apply_infos[]`, detail?.apply_infos],
    ['agg_info[].apply_infos[]', el.apply_infos],
    ['agg_info[].apply_group.apply_infos[]', group?.apply_infos],
  ];
  const sources: Request[] = lists.flatMap(([prefix, list]) => (Array.isArray(list) ? list.map((value) => ({ prefix, value })) : []));
  // The row's own request comes last in order but first in precedence: it is the fullest record of its request.
  const row = detail && detail.apply_info !== undefined && detail.apply_info !== null ? { prefix: `agg_info[].${key}.apply_info`, value: detail.apply_info } : undefined;
  if (!row && sources.length === 0) return { path: detail ? `agg_info[].${key}.apply_info` : 'agg_info[].apply_deatil', code: 'missing' };

  const idOf = (v: unknown) => (isObject(v) && (typeof v.apply_id === 'string' || typeof v.apply_id === 'number') ? String(v.apply_id) : undefined);
  const requests: Request[] = [];
  const byId = new Map<string, Request & { value: Record<string, unknown> }>();
  const rowId = row ? idOf(row.value) : undefined;
  const rowValue = row && isObject(row.value) ? pick(row.value, keys) : undefined;
  for (const s of row ? [...sources, row] : sources) {
    const sid = idOf(s.value);
    if (sid === undefined) {
      requests.push(s);
      continue;
    }
    const seen = byId.get(sid);
    if (seen) {
      if (s !== row) fill(seen.value, s.value as Record<string, unknown>, keys);
      continue;
    }
    const value = sid === rowId && rowValue ? { ...rowValue } : {};
    fill(value, s.value as Record<string, unknown>, keys);
    const merged = { prefix: sid === rowId && row ? row.prefix : s.prefix, value };
    byId.set(sid, merged);
    requests.push(merged);
  }

  const creatorAt = group && isObject(group.creator_info) ? 'agg_info[].apply_group.creator_info' : `agg_info[].${key ?? 'apply_deatil'}.creator_info`;
  let creator: unknown = undefined;
  for (const c of [group?.creator_info, detail?.creator_info]) {
    if (!isObject(c)) continue;
    if (creator === undefined) creator = {};
    fill(creator as Record<string, unknown>, c, CREATOR_KEYS);
  }
  if (creator === undefined) creator = group?.creator_info ?? detail?.creator_info;

  // The group names its requests' ids: one that no list carried (and no more are to load) could not be read.
  const ids = group && Array.isArray(group.apply_ids) && detail?.has_more !== true ? group.apply_ids : [];
  const unlisted = ids.filter((x) => (typeof x === 'string' || typeof x === 'number') && !byId.has(String(x))).length;
  return { creator: { prefix: creatorAt, value: creator }, groupId: group?.group_id, requests, unlisted };
}

/** How one list reads its requests: their schema (the common fields plus its own) and what they add to the fact. */
export interface ApplyListSpec<S extends z.ZodObject<typeof applyInfo.shape>> {
  schema: S;
  /** The fields this list adds to (or fixes on) each sample-request fact. */
  extra?(info: z.output<S>): Partial<SampleRequestFact>;
}

const envelope = z.object({
  code: int.optional(),
  // An empty tab may send `agg_info: null` or leave it out. The real list sends it at the top level [raw]; domain.md
  // put it under `data`.
  agg_info: z.array(z.unknown()).nullish(),
  data: z.object({ agg_info: z.array(z.unknown()).nullish(), total_count: z.unknown().optional(), has_more: z.unknown().optional() }).nullish(),
  // Paging and display settings: they describe the page, never a record.
  total_count: z.unknown().optional(),
  has_more: z.unknown().optional(),
  view_type: z.unknown().optional(),
  is_predict_fulfillment_rate: z.unknown().optional(),
});

const body = z.object({ tab: int.optional() });

/** The form of answer a list request asks for: its tab. */
export function tabVariant(requestBody: unknown): string | undefined {
  const b = body.safeParse(requestBody);
  return b.success && b.data.tab !== undefined ? `tab:${b.data.tab}` : undefined;
}

/** What a list adapter reads, wherever the list sits (top level or under `data`) and whichever element form it has. */
export function listReads(info: z.ZodType): ReadSet {
  const detail = z.object({ apply_info: info, apply_infos: z.array(info), creator_info: creatorInfoSchema, has_more: z.unknown() });
  const group = z.object({ group_id: id, apply_ids: z.array(id), creator_info: creatorInfoSchema, apply_infos: z.array(info) });
  const at = (base: string) =>
    readsOf({
      [`${base}.apply_group`]: group,
      [`${base}.apply_deatil`]: detail,
      [`${base}.apply_detail`]: detail,
      [`${base}.apply_infos`]: z.array(info),
    });
  return unionReads(readsOf({ '': envelope }), at('agg_info[]'), at('data.agg_info[]'));
}

/** TikTok's flags and scores, as sent; a score that is not a decimal is a rejection of its path. */
function tiktokOf(a: ApplyInfo, prefix: string, rejections: Rejection[]): TikTokView | undefined {
  const read = (v: string | number | null | undefined, key: string) => (v === null || v === undefined ? undefined : figure(readScore(v), `${prefix}.${key}`, rejections));
  return nonEmpty<TikTokView>({
    canBeApproved: a.can_be_approved ?? undefined,
    operable: a.operable ?? undefined,
    predictedRoi: read(a.predict_roi, 'predict_roi'),
    finalScore: read(a.final_score, 'final_score'),
    exposureScore: read(a.exposure_score, 'exposure_score'),
  });
}

/**
 * Validate a sample-request list response per request and map it to facts: requests, their creators, products and
 * SKUs. A broken request is rejected with its path and the rest kept; an error envelope is skipped.
 */
export function parseApplyList<S extends z.ZodObject<typeof applyInfo.shape>>(
  json: unknown,
  requestBody: unknown,
  context: ParseContext | undefined,
  spec: ApplyListSpec<S>,
): AdapterResult {
  const records: Records = {};
  const rejections: Rejection[] = [];
  const env = envelope.safeParse(json);
  if (!env.success) return { records, accepted: 0, rejections: rejectionsOf('', env.error) };
  // An error envelope (captcha, quota, bad parameters) is the page's business, not a changed shape.
  if (env.data.code !== undefined && env.data.code !== 0) return { records, accepted: 0, rejections, skipped: true };
  const list = env.data.data?.agg_info ?? env.data.agg_info ?? [];
  const parsedBody = body.safeParse(requestBody);
  const tab = parsedBody.success ? parsedBody.data.tab : undefined;
  const region = context?.region;
  const keys = Object.keys(spec.schema.shape);

  let accepted = 0;
  for (const el of list) {
    const element = elementOf(el, keys);
    if ('code' in element) {
      rejections.push(element);
      continue;
    }
    for (let i = 0; i < element.unlisted; i++) rejections.push({ path: 'agg_info[].apply_group.apply_ids[]', code: 'not_listed' });
    const creator = readCreator(element.creator.value, element.creator.prefix, region);
    rejections.push(...creator.rejections);
    if (!creator.fact) continue;
    const groupId = id.safeParse(element.groupId);
    let any = false;
    for (const request of element.requests) {
      const parsed = spec.schema.safeParse(request.value);
      if (!parsed.success) {
        rejections.push(...rejectionsOf(request.prefix, parsed.error));
        continue;
      }
      const a = parsed.data as ApplyInfo;
      any = true;
      accepted += 1;
      const priceText = a.sku_price?.formatted_price;
      const price = priceText ? figure(readMoney(priceText, region), `${request.prefix}.sku_price.formatted_price`, rejections) : undefined;
      // A request listed by its ids alone names no title: its product keeps the title it was last seen with.
      if (a.product_title) add(records, 'products', { productId: a.product_id, title: a.product_title, ...(price && { price }) });
      if (a.sku_id) {
        add(records, 'skus', {
          skuId: a.sku_id,
          productId: a.product_id,
          description: a.sku_desc ?? undefined,
          stock: a.sku_stock ?? undefined,
        });
      }
      const tiktok = tiktokOf(a, request.prefix, rejections);
      add(records, 'sampleRequests', {
        applyId: a.apply_id,
        creatorHandle: creator.fact.handle,
        productId: a.product_id,
        skuId: a.sku_id ?? undefined,
        groupId: groupId.success ? groupId.data : undefined,
        ...status(a, tab),
        sampleType: sampleType(a.sample_type),
        commissionBps: a.commission_rate ?? a.standard_commission?.fixed_commission_rate ?? undefined,
        appliedAt: a.create_time ?? a.apply_time ?? undefined,
        expiresInMs: a.expired_in ?? undefined,
        ...(tiktok && { tiktok }),
        ...(a.main_order_id && { mainOrderId: a.main_order_id }),
        ...(a.review_status !== null && a.review_status !== undefined && { reviewStatusRaw: String(a.review_status) }),
        ...spec.extra?.(parsed.data),
      });
    }
    if (any) add(records, 'creators', creator.fact);
  }
  return { records, accepted, rejections };
}
