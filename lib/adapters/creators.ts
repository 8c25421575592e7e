import { z } from 'zod';
import type { ContactChannel } from '../domain/types';
import { field, profileFields, profileObject, readProfile, type ProfileRead } from './creator-fields';
import { add, type AdapterResult, type CreatorFact, type EndpointAdapter, type Records, type Rejection } from './types';
import { handle, id, int, rejectionsOf, text } from './values';

/**
 * The creator marketplace (research/domain.md §3.1 "Find creators", "Creator detail"; §1.7 for the vocabulary):
 *
 *   POST /api/v1/oec/affiliate/creator/marketplace/{find,search,recommendation,ai/find}   [M] one response shape:
 *        `creator_profile_list[]` (top level, or under `data`) + `next_pagination{has_more, next_page, search_key}`
 *   POST /api/v1/oec/affiliate/cmp/creator/rank/list/get                                   [M] body `rank_list_meta`,
 *        `size`, `page`; [L] response `data{total, creator_rank_info_list[{rank_position, rank_score, follower_cnt,
 *        creator_handle}]}` (one public source)
 *   POST /api/v1/oec/affiliate/creator/marketplace/profile                                 [M] body
 *        `{creator_oec_id, profile_types: [N]}`; response `creator_profile` + `creator_connect_info`
 *   POST /api/v1/affiliate/lux/creator/auth_profiles                                       [M] body
 *        `{creator_oec_ids}` → `data[]{handle, nickname, follower_cnt, category | main_industry}`
 *
 * Which part of the detail each `profile_types` value carries is our reading [L] (the page asks for 1–6 one by one):
 * 1 sales (GMV or its range, units sold, video/LIVE GMV), 2 collaboration (commission, est. post rate, fulfilment),
 * 3 shoppable video (views, engagement, GPM, videos in 30 days), 4 LIVE (viewers, GPM, streams in 30 days),
 * 5 follower demographics (gender, age, location), 6 the profile itself (handle, nickname, bio, categories). The adapter
 * does not depend on that split: it reads whichever fields a part carries and merges them into the creator.
 *
 * Identity: the list's `creator_oecuid` becomes the alias `oecuid:`, the detail's `creator_oec_id` (the page's `cid`)
 * the alias `cid:`. Public automation code sends the list's `creator_oecuid` as the detail's `creator_oec_id`, so both
 * hold the same number; they are kept as separate aliases all the same, as each surface names them.
 *
 * Not stored: shop-relative flags (`has_collaborated`, `has_invited_before_90d`, `is_creator_blocked_by_shop`), top
 * videos, trend series, avatars.
 */

// ---------------------------------------------------------------------------------------------------------------
// Facts

/** A creator detail part: identity by handle when the part names one, else by `cid` (resolved in the sink). */
export interface CreatorDetailFact {
  handle?: string;
  cid?: string;
  /** The profile types the part answered (`"1"`, or `"1,2"` when asked for several): each part is its own sighting. */
  part: string;
  creator: Omit<CreatorFact, 'handle'>;
  /** Contact values from `creator_connect_info`: stored apart from the creator (`contacts`), never on it. */
  contacts: { channel: ContactChannel; value: string }[];
}

/** One page of a creator ranking, in rank order. */
export interface CreatorRankingFact {
  /** `<rank_type>|<rank_period>|<indus_cate>|<content_type>` */
  list: string;
  /** The ranking's date (`YYYY-MM-DD`) as the response or, failing that, the request names it. */
  date?: string;
  /** Rank of the first handle (pages after the first start further down). */
  firstRank: number;
  handles: string[];
}

declare module './types' {
  interface RecordsMap {
    creatorDetails: CreatorDetailFact;
    creatorRankings: CreatorRankingFact;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Shared pieces

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const skipped = (): AdapterResult => ({ records: {}, accepted: 0, rejections: [], skipped: true });
const errorCode = z.object({ code: int.optional() });

/** An error envelope (captcha, quota, bad parameters): nothing was shown, nothing is recorded. */
function isError(json: unknown): boolean {
  const env = errorCode.safeParse(json);
  return env.success && env.data.code !== undefined && env.data.code !== 0;
}

/** The payload, wherever this family puts it: at the top level or under `data`. */
function payloadOf(json: unknown, key: string): unknown {
  if (!isObject(json)) return undefined;
  if (key in json) return json[key];
  return isObject(json.data) ? json.data[key] : undefined;
}

function creatorFact(p: ProfileRead & { handle: string }, aliases: string[]): CreatorFact {
  return {
    handle: p.handle,
    nickname: p.nickname,
    aliases: [...new Set(aliases)].sort(),
    metrics: p.metrics,
    categories: p.categories,
    region: p.region,
  };
}

const withHandle = <T extends { handle?: string | undefined }>(o: T) => o.handle !== undefined;

// ---------------------------------------------------------------------------------------------------------------
// Find creators: find, search, recommendation, AI find

const listRecord = profileObject.refine(withHandle, { message: 'no handle', path: ['handle'] });
const listArray = z.array(z.unknown()).nullish();

function parseMarketplaceList(json: unknown): AdapterResult {
  if (isError(json)) return skipped();
  const list = listArray.safeParse(payloadOf(json, 'creator_profile_list'));
  if (!list.success) return { records: {}, accepted: 0, rejections: rejectionsOf('creator_profile_list', list.error) };
  const records: Records = {};
  const rejections: Rejection[] = [];
  let accepted = 0;
  for (const raw of list.data ?? []) {
    const parsed = listRecord.safeParse(raw);
    if (!parsed.success) {
      rejections.push(...rejectionsOf('creator_profile_list[]', parsed.error));
      continue;
    }
    const p = readProfile(parsed.data) as ProfileRead & { handle: string };
    accepted += 1;
    add(records, 'creators', creatorFact(p, p.oecuid ? [`oecuid:${p.oecuid}`] : []));
  }
  return { records, accepted, rejections };
}

export const creatorMarketplaceList: EndpointAdapter = { parse: (json) => parseMarketplaceList(json) };

// ---------------------------------------------------------------------------------------------------------------
// Creator rankings

const rankEntry = z
  .object({
    rank_position: field(int.pipe(z.number().int().min(1).max(1_000_000))),
    creator_handle: field(handle),
    handle: profileFields.handle,
    creator_nickname: field(text(200)),
    nickname: profileFields.nickname,
    creator_oecuid: profileFields.creator_oecuid,
    follower_cnt: profileFields.follower_cnt,
    selection_region: profileFields.selection_region,
  })
  .refine((e) => e.creator_handle !== undefined || e.handle !== undefined, { message: 'no handle', path: ['creator_handle'] })
  .refine((e) => e.rank_position !== undefined, { message: 'no rank', path: ['rank_position'] });

const metaPart = z.union([text(64), z.number().finite().transform(String)]);
const rankDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const rankBody = z.object({
  rank_list_meta: z.object({
    rank_type: metaPart,
    rank_period: metaPart,
    rank_date: rankDate.nullish(),
    indus_cate: metaPart,
    content_type: metaPart,
  }),
});
const rankResponseDate = z
  .object({ rank_date: rankDate.nullish(), rank_list_meta: z.object({ rank_date: rankDate.nullish() }).nullish() })
  .transform((o) => o.rank_date ?? o.rank_list_meta?.rank_date ?? undefined);

function parseRankList(json: unknown, requestBody: unknown): AdapterResult {
  if (isError(json)) return skipped();
  const list = listArray.safeParse(payloadOf(json, 'creator_rank_info_list'));
  if (!list.success) return { records: {}, accepted: 0, rejections: rejectionsOf('data.creator_rank_info_list', list.error) };
  const records: Records = {};
  const rejections: Rejection[] = [];
  const ranked: { rank: number; handle: string }[] = [];
  for (const raw of list.data ?? []) {
    const parsed = rankEntry.safeParse(raw);
    if (!parsed.success) {
      rejections.push(...rejectionsOf('data.creator_rank_info_list[]', parsed.error));
      continue;
    }
    const e = parsed.data;
    const creatorHandle = (e.creator_handle ?? e.handle) as string;
    ranked.push({ rank: e.rank_position as number, handle: creatorHandle });
    add(records, 'creators', {
      handle: creatorHandle,
      nickname: e.creator_nickname ?? e.nickname,
      aliases: e.creator_oecuid ? [`oecuid:${e.creator_oecuid}`] : [],
      metrics: e.follower_cnt === undefined ? undefined : { followers: e.follower_cnt },
      region: e.selection_region,
    });
  }
  // A list with a record we could not read is incomplete: its creators are kept, its order is not.
  const body = rankBody.safeParse(requestBody);
  if (body.success && ranked.length > 0 && rejections.length === 0) {
    const m = body.data.rank_list_meta;
    const fromResponse = rankResponseDate.safeParse(isObject(json) && isObject(json.data) ? json.data : json);
    ranked.sort((a, b) => a.rank - b.rank);
    add(records, 'creatorRankings', {
      list: [m.rank_type, m.rank_period, m.indus_cate, m.content_type].join('|'),
      date: (fromResponse.success ? fromResponse.data : undefined) ?? m.rank_date ?? undefined,
      firstRank: ranked[0]!.rank,
      handles: ranked.map((r) => r.handle),
    });
  }
  return { records, accepted: ranked.length, rejections };
}

export const creatorRankList: EndpointAdapter = { parse: parseRankList };

// ---------------------------------------------------------------------------------------------------------------
// Creator detail: marketplace/profile (one call per profile type)

/** Contact field codes, as the invitation detail numbers them (research/domain.md §3.1). */
const CONTACT_FIELD: Readonly<Record<number, ContactChannel>> = {
  6: 'whatsapp',
  7: 'email',
  41: 'line',
  42: 'zalo',
  44: 'facebook',
  45: 'telegram',
  46: 'phone',
};

const contactValue = z
  .string()
  .max(320)
  .transform((s) => s.trim());
const contactEntry = z.object({
  field: int,
  value: contactValue,
  country_code: z.string().max(8).nullish(),
});

const connectInfo = z.object({
  creator_id: field(id),
  creator_oec_id: field(id),
  email: field(contactValue),
  whatsapp: field(contactValue),
  phone: field(contactValue),
  phone_number: field(contactValue),
  line: field(contactValue),
  zalo: field(contactValue),
  telegram: field(contactValue),
  facebook: field(contactValue),
  viber: field(contactValue),
  contact_info: z.array(contactEntry).max(50).nullish(),
  contacts_info: z.array(contactEntry).max(50).nullish(),
});
type ConnectInfo = z.output<typeof connectInfo>;

function contactsOf(c: ConnectInfo): { channel: ContactChannel; value: string }[] {
  const named: [ContactChannel, string | undefined][] = [
    ['email', c.email],
    ['whatsapp', c.whatsapp],
    ['phone', c.phone ?? c.phone_number],
    ['line', c.line],
    ['zalo', c.zalo],
    ['telegram', c.telegram],
    ['facebook', c.facebook],
    ['viber', c.viber],
  ];
  const listed = [...(c.contact_info ?? []), ...(c.contacts_info ?? [])].flatMap((e): [ContactChannel, string][] => {
    const channel = CONTACT_FIELD[e.field];
    if (!channel) return [];
    const withCode = e.country_code && !e.value.startsWith('+') ? `${e.country_code.trim()} ${e.value}` : e.value;
    return [[channel, withCode]];
  });
  const byChannel = new Map<ContactChannel, string>();
  for (const [channel, value] of [...named, ...listed]) if (value && !byChannel.has(channel)) byChannel.set(channel, value);
  return [...byChannel].map(([channel, value]) => ({ channel, value }));
}

const profileBody = z.object({ creator_oec_id: id.optional(), profile_types: z.array(int).max(20).optional() });

function parseProfile(json: unknown, requestBody: unknown): AdapterResult {
  if (isError(json)) return skipped();
  const rawProfile = payloadOf(json, 'creator_profile');
  const parsed = profileObject.safeParse(rawProfile);
  if (!parsed.success) return { records: {}, accepted: 0, rejections: rejectionsOf('creator_profile', parsed.error) };
  const rawConnect = payloadOf(json, 'creator_connect_info');
  const connect = connectInfo.nullish().safeParse(rawConnect);
  if (!connect.success) return { records: {}, accepted: 0, rejections: rejectionsOf('creator_connect_info', connect.error) };
  const body = profileBody.safeParse(requestBody);
  const c = connect.data ?? undefined;
  const cid = (body.success ? body.data.creator_oec_id : undefined) ?? c?.creator_oec_id ?? c?.creator_id;
  const p = readProfile(parsed.data);
  if (p.handle === undefined && cid === undefined) {
    return { records: {}, accepted: 0, rejections: [{ path: 'creator_profile.handle', code: 'custom' }] };
  }
  const contacts = c ? contactsOf(c) : [];
  const aliases = [...(cid ? [`cid:${cid}`] : []), ...(p.oecuid ? [`oecuid:${p.oecuid}`] : [])];
  const records: Records = {};
  const types = body.success ? [...new Set(body.data.profile_types ?? [])].sort((a, b) => a - b) : [];
  add(records, 'creatorDetails', {
    handle: p.handle,
    cid,
    part: types.join(','),
    creator: {
      nickname: p.nickname,
      aliases: [...new Set(aliases)].sort(),
      metrics: p.metrics,
      categories: p.categories,
      region: p.region,
      contactChannels: c ? contacts.map((x) => x.channel) : undefined,
    },
    contacts,
  });
  return { records, accepted: 1, rejections: [] };
}

export const creatorProfile: EndpointAdapter = { parse: parseProfile };

// ---------------------------------------------------------------------------------------------------------------
// Authorised creators' profiles: lux/creator/auth_profiles

const authEntry = z
  .object({
    creator_oec_id: field(id),
    creator_id: field(id),
    creator_oecuid: field(id),
    handle: profileFields.handle,
    nickname: profileFields.nickname,
    follower_cnt: profileFields.follower_cnt,
    selection_region: profileFields.selection_region,
    category: profileFields.category,
    main_industry: profileFields.main_industry,
  })
  .refine(withHandle, { message: 'no handle', path: ['handle'] });

const authBody = z.object({ creator_oec_ids: z.array(id).max(500) });

function parseAuthProfiles(json: unknown, requestBody: unknown): AdapterResult {
  if (isError(json)) return skipped();
  const list = listArray.safeParse(isObject(json) ? json.data : undefined);
  if (!list.success) return { records: {}, accepted: 0, rejections: rejectionsOf('data', list.error) };
  const body = authBody.safeParse(requestBody);
  const entries = list.data ?? [];
  // Entries that do not name their creator id can be tied to it only when one creator was asked for.
  const onlyAsked = body.success && body.data.creator_oec_ids.length === 1 && entries.length === 1 ? body.data.creator_oec_ids[0] : undefined;
  const records: Records = {};
  const rejections: Rejection[] = [];
  let accepted = 0;
  for (const raw of entries) {
    const parsed = authEntry.safeParse(raw);
    if (!parsed.success) {
      rejections.push(...rejectionsOf('data[]', parsed.error));
      continue;
    }
    const e = parsed.data;
    const cid = e.creator_oec_id ?? e.creator_id ?? onlyAsked;
    const p = readProfile(e) as ProfileRead & { handle: string };
    accepted += 1;
    add(records, 'creators', creatorFact(p, [...(cid ? [`cid:${cid}`] : []), ...(e.creator_oecuid ? [`oecuid:${e.creator_oecuid}`] : [])]));
  }
  return { records, accepted, rejections };
}

export const creatorAuthProfiles: EndpointAdapter = { parse: parseAuthProfiles };
