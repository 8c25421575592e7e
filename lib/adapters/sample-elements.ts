import { z } from 'zod';
import { normaliseStatus, TAB_STATUS, type SampleStatus } from '../domain/sample-status';
import type { SampleType } from '../domain/types';
import { bps, epochMs, handle, id, int, nonNegativeInt, percentBps, rejectionsOf, text } from './values';
import { add, type AdapterResult, type Records, type Rejection, type SampleRequestFact } from './types';

/**
 * The element parsing every sample-request list shares: the group list (`sample/group/list`) and the refundable list
 * (`sample/refundable/apply/list`). Each `agg_info` element is either `apply_group` (+ `apply_infos`, beside it or
 * inside it) or a single request under `apply_deatil` (TikTok's spelling) or `apply_detail` (domain.md §3.1).
 * [L] `creator_info.name` is read as the handle; `user_name`/`handle` are accepted too should the page send them.
 */

export const creatorInfo = z
  .object({
    creator_id: id.nullish(),
    name: handle.nullish(),
    user_name: handle.nullish(),
    handle: handle.nullish(),
    nick_name: text(200).nullish(),
    nickname: text(200).nullish(),
    follower_cnt: nonNegativeInt.nullish(),
    fulfillment_percentage: percentBps.nullish(),
  })
  .refine((c) => Boolean(c.user_name ?? c.handle ?? c.name), { message: 'no handle', path: ['name'] });

export type CreatorInfo = z.output<typeof creatorInfo>;

/** The handle a creator block names, whichever key carries it (the schema guarantees one). */
export const handleOf = (c: CreatorInfo): string => (c.user_name ?? c.handle ?? c.name) as string;

export const applyInfo = z.object({
  apply_id: id,
  product_id: id,
  product_title: text(1000),
  sku_id: id.nullish(),
  sku_desc: text(500).nullish(),
  sku_stock: int.nullish(),
  commission_rate: bps.nullish(),
  status: z.union([z.string().max(64), z.number().int()]).nullish(),
  sample_type: z.union([z.string().max(64), z.number().int()]).nullish(),
  apply_time: epochMs.nullish(),
  /** Milliseconds left; a deadline already past can arrive negative, which means none left. */
  expired_in: int.transform((ms) => Math.max(0, ms)).nullish(),
});

export type ApplyInfo = z.output<typeof applyInfo>;

export const envelope = z.object({
  code: int.optional(),
  // An empty tab may send `agg_info: null` or leave it out.
  data: z.object({ agg_info: z.array(z.unknown()).nullish() }).nullish(),
  agg_info: z.array(z.unknown()).nullish(),
});

const body = z.object({ tab: int.optional() });

const SAMPLE_TYPES = new Set<string>(['FREE_SAMPLE', 'REFUNDABLE_SAMPLE', 'SAMPLE_COUPON', 'SAMPLE_CAMPAIGN', 'PLATFORM_FREE_SAMPLE']);

export function sampleType(raw: string | number | null | undefined): SampleType | undefined {
  if (raw === null || raw === undefined) return undefined;
  const s = String(raw).toUpperCase();
  return SAMPLE_TYPES.has(s) ? (s as SampleType) : 'OTHER';
}

/**
 * The request's status: the value sent when we know it, else what the tab it was listed under means (domain.md does not
 * confirm that the internal list carries a status at all). `statusRaw` keeps exactly what was sent, or the tab when
 * nothing was (the Cancelled tab holds several endings, so it gives no status of its own, only `tab:60`).
 */
export function status(raw: string | number | null | undefined, tab: number | undefined): { status: SampleStatus; statusRaw: string } {
  const statusRaw = raw === null || raw === undefined ? '' : String(raw);
  const known = typeof raw === 'string' ? normaliseStatus(raw) : 'UNKNOWN';
  if (known !== 'UNKNOWN') return { status: known, statusRaw };
  const fromTab = tab === undefined ? undefined : TAB_STATUS[tab];
  return { status: fromTab ?? 'UNKNOWN', statusRaw: statusRaw || (tab === undefined ? '' : `tab:${tab}`) };
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Group {
  prefix: string;
  creator: unknown;
  groupId?: unknown;
  infos: { prefix: string; value: unknown }[];
}

function groupOf(el: unknown): Group | undefined {
  if (!isObject(el)) return undefined;
  if (isObject(el.apply_group)) {
    const g = el.apply_group;
    const beside = Array.isArray(el.apply_infos);
    const infos = beside ? el.apply_infos : g.apply_infos;
    if (!Array.isArray(infos)) return { prefix: 'agg_info[].apply_group', creator: g.creator_info, infos: [] };
    const infoPrefix = beside ? 'agg_info[].apply_infos[]' : 'agg_info[].apply_group.apply_infos[]';
    return {
      prefix: 'agg_info[].apply_group',
      creator: g.creator_info,
      groupId: g.group_id,
      infos: infos.map((value) => ({ prefix: infoPrefix, value })),
    };
  }
  const key = 'apply_deatil' in el ? 'apply_deatil' : 'apply_detail' in el ? 'apply_detail' : undefined;
  const detail = key ? el[key] : undefined;
  if (!key || !isObject(detail)) return undefined;
  return {
    prefix: `agg_info[].${key}`,
    creator: detail.creator_info,
    infos: [{ prefix: `agg_info[].${key}.apply_info`, value: detail.apply_info }],
  };
}

/** How one list reads its `apply_info` records: their schema (the common fields plus its own) and what they add to the fact. */
export interface ApplyListSpec<A extends ApplyInfo> {
  schema: z.ZodType<A>;
  /** The fields this list adds to (or fixes on) each sample-request fact. */
  extra?(info: A): Partial<SampleRequestFact>;
}

/**
 * Validate a sample-request list response per record and map it to facts: requests, their creators, products and
 * SKUs. A broken record is rejected with its path and the rest kept; an error envelope is skipped.
 */
export function parseApplyList<A extends ApplyInfo>(json: unknown, requestBody: unknown, spec: ApplyListSpec<A>): AdapterResult {
  const records: Records = {};
  const rejections: Rejection[] = [];
  const env = envelope.safeParse(json);
  if (!env.success) return { records, accepted: 0, rejections: rejectionsOf('', env.error) };
  // An error envelope (captcha, quota, bad parameters) is the page's business, not a changed shape.
  if (env.data.code !== undefined && env.data.code !== 0) return { records, accepted: 0, rejections, skipped: true };
  const list = env.data.data?.agg_info ?? env.data.agg_info ?? [];
  const parsedBody = body.safeParse(requestBody);
  const tab = parsedBody.success ? parsedBody.data.tab : undefined;

  let accepted = 0;
  for (const el of list) {
    const group = groupOf(el);
    if (!group) {
      rejections.push({ path: 'agg_info[]', code: 'unrecognised_element' });
      continue;
    }
    const creator = creatorInfo.safeParse(group.creator);
    if (!creator.success) {
      rejections.push(...rejectionsOf(`${group.prefix}.creator_info`, creator.error));
      continue;
    }
    const c = creator.data;
    const creatorHandle = handleOf(c);
    const groupId = id.safeParse(group.groupId);
    let any = false;
    for (const info of group.infos) {
      const parsed = spec.schema.safeParse(info.value);
      if (!parsed.success) {
        rejections.push(...rejectionsOf(info.prefix, parsed.error));
        continue;
      }
      const a = parsed.data;
      any = true;
      accepted += 1;
      add(records, 'products', { productId: a.product_id, title: a.product_title });
      if (a.sku_id) {
        add(records, 'skus', {
          skuId: a.sku_id,
          productId: a.product_id,
          description: a.sku_desc ?? undefined,
          stock: a.sku_stock ?? undefined,
        });
      }
      add(records, 'sampleRequests', {
        applyId: a.apply_id,
        creatorHandle,
        productId: a.product_id,
        skuId: a.sku_id ?? undefined,
        groupId: groupId.success ? groupId.data : undefined,
        ...status(a.status, tab),
        sampleType: sampleType(a.sample_type),
        commissionBps: a.commission_rate ?? undefined,
        appliedAt: a.apply_time ?? undefined,
        expiresInMs: a.expired_in ?? undefined,
        ...spec.extra?.(a),
      });
    }
    if (any) {
      add(records, 'creators', {
        handle: creatorHandle,
        nickname: c.nick_name ?? c.nickname ?? undefined,
        aliases: c.creator_id ? [`cid:${c.creator_id}`] : [],
        followerCount: c.follower_cnt ?? undefined,
        fulfillmentBps: c.fulfillment_percentage ?? undefined,
      });
    }
  }
  return { records, accepted, rejections };
}
