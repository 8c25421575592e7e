import { z } from 'zod';
import { readsOf } from '../shapes/reads';
import { creatorInfoSchema, isObject, readCreator } from './sample-elements';
import { add, type AdapterResult, type EndpointAdapter, type ParseContext, type Records, type Rejection } from './types';
import { epochMsOrNone, id, int, nonNegativeInt, rejectionsOf, text } from './values';

/**
 * POST /api/v1/affiliate/sample/performance: the content a creator posted for one sample request, one format per call
 * (body `content_type` 1 = LIVE, 2 = video; domain.md §3.1). The response shape is unknown (research/real-shapes.md
 * §6) [unknown]: our assumption is modelled on the open API's fulfilment content (domain.md §1.5) the way the internal
 * APIs differ from it: ids as strings, times as ms strings, counts as numbers or numeric strings. The list is read
 * under `data` or at the top level (where the real sample list keeps its own), and the creator block as the sample
 * list sends it (sample-elements.ts).
 *
 *   body: { apply_id: "…", content_type: 2, cur_page: 1, page_size: 10 }
 *   data: { apply_id, creator_info: {creator_id, name, nick_name, follower_num…}, total_count, has_more,
 *           content_list: [{ content: {id, format, description, url, page_link, create_time, live_end_time,
 *                                      view_count, like_count, comment_count, paid_order_count},
 *                            product: {id, main_image_url} }] }
 *
 * URLs are the creator's public posts: kept (https only) so the seller can open them, never fetched.
 */

export type ContentFormat = 'VIDEO' | 'LIVE';

export interface SampleContentFact {
  contentId: string;
  applyId?: string;
  creatorHandle: string;
  productId?: string;
  format: ContentFormat;
  postedAt?: number;
  liveEndAt?: number;
  description?: string;
  url?: string;
  views?: number;
  likes?: number;
  comments?: number;
  paidOrders?: number;
}

declare module './types' {
  interface RecordsMap {
    sampleContents: SampleContentFact;
  }
}

/** `content_type` / `format`: 1 or "LIVE", 2 or "VIDEO" (any case). */
const format = z.union([
  z.union([z.literal(1), z.literal('1')]).transform((): ContentFormat => 'LIVE'),
  z.union([z.literal(2), z.literal('2')]).transform((): ContentFormat => 'VIDEO'),
  z
    .string()
    .transform((s) => s.trim().toUpperCase())
    .pipe(z.enum(['LIVE', 'VIDEO'])),
]);

/** A public https link, or blank (`""`) for none. Anything else (another scheme, not a URL) is a changed shape. */
const publicUrl = z.union([
  z.literal('').transform(() => undefined),
  z
    .string()
    .max(2048)
    .refine((s) => {
      try {
        return new URL(s).protocol === 'https:';
      } catch {
        return false;
      }
    }, 'not an https URL'),
]);

const content = z.object({
  id,
  format: format.nullish(),
  description: text(5000).nullish(),
  url: publicUrl.nullish(),
  page_link: publicUrl.nullish(),
  create_time: epochMsOrNone.nullish(),
  live_end_time: epochMsOrNone.nullish(),
  view_count: nonNegativeInt.nullish(),
  like_count: nonNegativeInt.nullish(),
  comment_count: nonNegativeInt.nullish(),
  paid_order_count: nonNegativeInt.nullish(),
});

const item = z.object({
  content,
  product: z.object({ id: id.nullish() }).nullish(),
});

const part = {
  apply_id: id.nullish(),
  creator_info: z.unknown().optional(),
  content_list: z.array(z.unknown()).nullish(),
  // Paging: it describes the page, never a record.
  total_count: z.unknown().optional(),
  has_more: z.unknown().optional(),
};

const envelope = z.object({ code: int.optional(), ...part, data: z.object(part).nullish() });

const body = z.object({ apply_id: id.nullish().catch(undefined), content_type: format.nullish().catch(undefined) });

function parse(json: unknown, requestBody: unknown, context?: ParseContext): AdapterResult {
  const records: Records = {};
  const rejections: Rejection[] = [];
  const env = envelope.safeParse(json);
  if (!env.success) return { records, accepted: 0, rejections: rejectionsOf('', env.error) };
  if (env.data.code !== undefined && env.data.code !== 0) return { records, accepted: 0, rejections, skipped: true };
  const [data, base] = env.data.data?.content_list ? [env.data.data, 'data.'] : [env.data, ''];
  const list = data.content_list ?? [];
  if (list.length === 0) return { records, accepted: 0, rejections };

  const creator = readCreator(data.creator_info, `${base}creator_info`, context?.region);
  if (!creator.fact) return { records, accepted: 0, rejections: creator.rejections };
  rejections.push(...creator.rejections);
  const creatorHandle = creator.fact.handle;
  const asked = body.safeParse(isObject(requestBody) ? requestBody : {});
  const applyId = data.apply_id ?? (asked.success ? asked.data.apply_id : undefined) ?? undefined;
  const askedFormat = asked.success ? (asked.data.content_type ?? undefined) : undefined;

  let accepted = 0;
  for (const el of list) {
    const parsed = item.safeParse(el);
    if (!parsed.success) {
      rejections.push(...rejectionsOf(`${base}content_list[]`, parsed.error));
      continue;
    }
    const c = parsed.data.content;
    const contentFormat = c.format ?? askedFormat;
    if (!contentFormat) {
      rejections.push({ path: `${base}content_list[].content.format`, code: 'missing' });
      continue;
    }
    accepted += 1;
    add(records, 'sampleContents', {
      contentId: c.id,
      applyId,
      creatorHandle,
      productId: parsed.data.product?.id ?? undefined,
      format: contentFormat,
      postedAt: c.create_time ?? undefined,
      liveEndAt: c.live_end_time ?? undefined,
      description: c.description ?? undefined,
      url: c.url ?? c.page_link ?? undefined,
      views: c.view_count ?? undefined,
      likes: c.like_count ?? undefined,
      comments: c.comment_count ?? undefined,
      paidOrders: c.paid_order_count ?? undefined,
    });
  }
  if (accepted > 0) add(records, 'creators', creator.fact);
  return { records, accepted, rejections };
}

const mounts = (base: string) => ({ [`${base}content_list[]`]: item, [`${base}creator_info`]: creatorInfoSchema });

export const samplePerformance: EndpointAdapter = {
  parse,
  reads: readsOf({ '': envelope, ...mounts(''), ...mounts('data.') }),
  variantOf: (requestBody) => {
    const asked = body.safeParse(isObject(requestBody) ? requestBody : {});
    const format = asked.success ? asked.data.content_type : undefined;
    return format ? `content_type:${format === 'LIVE' ? 1 : 2}` : undefined;
  },
};
