import { z } from 'zod';
import { readsOf } from '../shapes/reads';
import { listEnvelope, listsIn, mountedAtLists, paging, type FoundList } from './list-locations';
import { add, type AdapterResult, type EndpointAdapter, type Records, type Rejection } from './types';
import { bps, categoryOf, epochMs, epochMsOrNone, handle, id, idOrBlank, int, nonNegativeInt, priceValue, productCategory, rejectionsOf, text } from './values';

/**
 * Open collaboration (internal `open_plan` / `open_collaboration`), domain.md §3.1 and §1.2. Paths are from the
 * Affiliate Center bundles; the response shapes are [unknown] (real-shapes.md §6: no public evidence), so they follow
 * the open-API OpenCollaboration object in the internal style (snake_case, ids as strings, ms times often as strings,
 * rates in bps) and read a few spellings of each field. Each list is read under `data` or at the top level (as the
 * orders endpoint sends its list), so a moved list is still read; one found nowhere is reported by the shape watch.
 *   POST /api/v2/affiliate/open_plan/list                                      open plan products with their commission
 *     → open_plan_list[] (or plan_list[]) {id, status NORMAL|TERMINATING, current_commission{rate, start_time,
 *       end_time}, product{product_id (or id), title, main_image_url, inventory, status, original_price},
 *       showcase_creator_count, content_creator_count}
 *   POST /api/v1/affiliate/open_collaboration/creator_application/search       creators applying to promote a product
 *     → application_list[] {application_id (or id), status, apply_time, commission_rate,
 *       product{product_id, title, original_price}, creator_info{creator_oec_id, user_name (or handle), nick_name, follower_cnt}}
 *   POST /api/v1/affiliate/open_collaboration/commission_history/list {product_id}   a product's commission over time
 *     → product_id, commission_history_list[] {commission_rate (or rate), start_time, end_time}
 */

const PLAN_STATUSES = new Set(['NORMAL', 'TERMINATING']);
const APPLICATION_STATUSES = new Set(['PENDING', 'APPROVED', 'REJECTED', 'EXPIRED', 'CANCELLED']);

const code = z.union([int, z.string().max(32)]);
const raw = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
const known = (names: Set<string>, v: string) => (names.has(v.toUpperCase()) ? v.toUpperCase() : 'UNKNOWN');

const product = z
  .object({
    product_id: id.nullish(),
    id: id.nullish(),
    title: text(1000),
    original_price: priceValue.nullish(),
    price: priceValue.nullish(),
    ...productCategory,
  })
  .refine((p) => Boolean(p.product_id ?? p.id), { message: 'no product id', path: ['product_id'] });

const plan = z.object({
  id: idOrBlank.nullish(),
  status: code.nullish(),
  current_commission: z
    .object({ rate: bps, start_time: epochMsOrNone.nullish(), end_time: epochMsOrNone.nullish() })
    .nullish(),
  product,
  showcase_creator_count: nonNegativeInt.nullish(),
  content_creator_count: nonNegativeInt.nullish(),
});

const application = z
  .object({
    application_id: id.nullish(),
    id: id.nullish(),
    status: code.nullish(),
    apply_time: epochMs.nullish(),
    commission_rate: bps.nullish(),
    product,
    creator_info: z
      .object({
        creator_oec_id: idOrBlank.nullish(),
        user_name: handle.nullish(),
        handle: handle.nullish(),
        nick_name: text(200).nullish(),
        follower_cnt: nonNegativeInt.nullish(),
      })
      .refine((c) => Boolean(c.user_name ?? c.handle), { message: 'no handle', path: ['user_name'] }),
  })
  .refine((a) => Boolean(a.application_id ?? a.id), { message: 'no application id', path: ['application_id'] });

const historyEntry = z
  .object({ commission_rate: bps.nullish(), rate: bps.nullish(), start_time: epochMs, end_time: epochMsOrNone.nullish() })
  .refine((e) => (e.commission_rate ?? e.rate ?? undefined) !== undefined, { message: 'no rate', path: ['commission_rate'] });

const PLAN_LISTS = ['open_plan_list', 'plan_list'] as const;
const APPLICATION_LISTS = ['application_list'] as const;
const HISTORY_LISTS = ['commission_history_list'] as const;
const plansEnvelope = listEnvelope(PLAN_LISTS, paging);
const applicationsEnvelope = listEnvelope(APPLICATION_LISTS, paging);
const historyEnvelope = listEnvelope(HISTORY_LISTS, { ...paging, product_id: id.nullish() });

const skipped = (): AdapterResult => ({ records: {}, accepted: 0, rejections: [], skipped: true });

/** Reads the envelope; a result when there is nothing more to read (bad envelope, error envelope). */
function open<T extends { code?: number }>(schema: z.ZodType<T>, json: unknown): { env: T } | { done: AdapterResult } {
  const env = schema.safeParse(json);
  if (!env.success) return { done: { records: {}, accepted: 0, rejections: rejectionsOf('', env.error) } };
  if (env.data.code !== undefined && env.data.code !== 0) return { done: skipped() };
  return { env: env.data };
}

function eachValid<T extends z.ZodType>(lists: readonly FoundList[], schema: T, rejections: Rejection[], each: (item: z.output<T>) => void): number {
  let accepted = 0;
  for (const { path, items } of lists) {
    for (const item of items) {
      const parsed = schema.safeParse(item);
      if (!parsed.success) {
        rejections.push(...rejectionsOf(`${path}[]`, parsed.error));
        continue;
      }
      accepted += 1;
      each(parsed.data);
    }
  }
  return accepted;
}

function parsePlans(json: unknown): AdapterResult {
  const o = open(plansEnvelope, json);
  if ('done' in o) return o.done;
  const records: Records = {};
  const rejections: Rejection[] = [];
  const accepted = eachValid(listsIn(o.env, PLAN_LISTS), plan, rejections, (p) => {
    const productId = (p.product.product_id ?? p.product.id) as string;
    const statusRaw = raw(p.status);
    add(records, 'products', { productId, title: p.product.title, price: p.product.original_price ?? p.product.price ?? undefined, ...categoryOf(p.product) });
    add(records, 'openCollabs', {
      productId,
      collabId: p.id ?? undefined,
      status: known(PLAN_STATUSES, statusRaw),
      statusRaw,
      commissionBps: p.current_commission?.rate,
      commissionStartAt: p.current_commission?.start_time ?? undefined,
      commissionEndAt: p.current_commission?.end_time ?? undefined,
      showcaseCreators: p.showcase_creator_count ?? undefined,
      contentCreators: p.content_creator_count ?? undefined,
    });
  });
  return { records, accepted, rejections };
}

const applicationsBody = z.object({ status: z.string().max(32).optional() });

function parseApplications(json: unknown, requestBody: unknown): AdapterResult {
  const o = open(applicationsEnvelope, json);
  if ('done' in o) return o.done;
  const records: Records = {};
  const rejections: Rejection[] = [];
  const body = applicationsBody.safeParse(requestBody);
  // The view lists one status tab at a time: a record without its own status is in the tab's.
  const tabStatus = body.success && body.data.status ? known(APPLICATION_STATUSES, body.data.status) : 'UNKNOWN';
  const accepted = eachValid(listsIn(o.env, APPLICATION_LISTS), application, rejections, (a) => {
    const productId = (a.product.product_id ?? a.product.id) as string;
    const creatorHandle = (a.creator_info.user_name ?? a.creator_info.handle) as string;
    const statusRaw = raw(a.status);
    const status = statusRaw ? known(APPLICATION_STATUSES, statusRaw) : tabStatus;
    add(records, 'products', { productId, title: a.product.title, price: a.product.original_price ?? a.product.price ?? undefined, ...categoryOf(a.product) });
    add(records, 'creators', {
      handle: creatorHandle,
      nickname: a.creator_info.nick_name ?? undefined,
      aliases: a.creator_info.creator_oec_id ? [`cid:${a.creator_info.creator_oec_id}`] : [],
      followerCount: a.creator_info.follower_cnt ?? undefined,
    });
    add(records, 'creatorApplications', {
      id: (a.application_id ?? a.id) as string,
      productId,
      creatorHandle,
      status,
      statusRaw: statusRaw || (status !== 'UNKNOWN' ? `tab:${status}` : ''),
      appliedAt: a.apply_time ?? undefined,
      commissionBps: a.commission_rate ?? undefined,
    });
  });
  return { records, accepted, rejections };
}

const historyBody = z.object({ product_id: id.optional() });

function parseHistory(json: unknown, requestBody: unknown): AdapterResult {
  const o = open(historyEnvelope, json);
  if ('done' in o) return o.done;
  const records: Records = {};
  const rejections: Rejection[] = [];
  const lists = listsIn(o.env, HISTORY_LISTS);
  const body = historyBody.safeParse(requestBody);
  const productId = o.env.data?.product_id ?? o.env.product_id ?? (body.success ? body.data.product_id : undefined);
  if (!productId) {
    return { records, accepted: 0, rejections: lists.some((l) => l.items.length) ? [{ path: 'data.product_id', code: 'invalid_type' }] : [] };
  }
  const entries: { at: number; commissionBps: number; endAt?: number }[] = [];
  const accepted = eachValid(lists, historyEntry, rejections, (e) => {
    entries.push({ at: e.start_time, commissionBps: (e.commission_rate ?? e.rate) as number, endAt: e.end_time ?? undefined });
  });
  if (entries.length) add(records, 'openCollabCommissions', { productId, entries: entries.sort((a, b) => a.at - b.at) });
  return { records, accepted, rejections };
}

export const openPlanList: EndpointAdapter = {
  parse: parsePlans,
  reads: readsOf({ '': plansEnvelope, ...mountedAtLists(PLAN_LISTS, plan) }),
};
export const creatorApplicationSearch: EndpointAdapter = {
  parse: parseApplications,
  reads: readsOf({ '': applicationsEnvelope, ...mountedAtLists(APPLICATION_LISTS, application) }),
};
export const commissionHistoryList: EndpointAdapter = {
  parse: parseHistory,
  reads: readsOf({ '': historyEnvelope, ...mountedAtLists(HISTORY_LISTS, historyEntry) }),
};
