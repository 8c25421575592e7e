import { z } from 'zod';
import type { ContactChannel, InvitationCreatorState, InvitationStatus } from '../domain/types';
import type { InvitationFact } from './collaboration-facts';
import { readsOf } from '../shapes/reads';
import { enumCode } from './list-locations';
import { add, type AdapterResult, type EndpointAdapter, type Records, type Rejection } from './types';
import { bps, categoryOf, epochMs, epochMsOrNone, flag, handle, id, idOrBlank, int, nonNegativeInt, priceValue, productCategory, rejectionsOf, text } from './values';

/**
 * Target collaborations (UI "Target invitation", internal `invitation_group`), research real-shapes.md §5 [parser]
 * (several independent parsers of live calls) over domain.md §3.1:
 *   POST /api/v1/oec/affiliate/seller/invitation_group/search   body {invitation_group_status, cur_page, page_size, search_params}
 *     → data.invitation_list[] {id, name, group_status, creator_cnt, creator_added_cnt, creator_posted_cnt, start_time,
 *       end_time (ms), …}, data.total, data.has_more
 *   POST /api/v1/oec/affiliate/seller/invitation_group/detail   body {invitation_group_id}
 *     → data.invitation {…, product_list[], creator_id_list[], contacts_info[], free_sample_rule, delivery_requirements}
 * The detail's `creator_id_list` and `product_list` are read inside `invitation` (as the parsers read them) or beside it
 * (as domain.md lists them). Counts, statuses and commissions may arrive as numbers or numeric strings.
 *
 * [conflict] A record's `group_status`: domain.md reads it with the tab codes (1 Ongoing, 2 Expiring, 3 Canceling,
 * 4 Completed); one live-verified source reads it as 1 not started, 2 ongoing, 3 ended, 4 terminated. It is never
 * mapped: the state is the status tab the list was asked for (`invitation_group_status`), and the sink makes an
 * invitation whose end has passed over whatever the tab; the record's code is kept as sent (`groupStatusRaw`) and
 * shown as TikTok's code.
 * `group_creator_status` is kept raw too (only 0 = not yet accepted is known); a creator's state is derived from what
 * Affiliate Center counts: content posted → POSTED, products added to the showcase → ACCEPTED, else INVITED.
 */

/** The search body's `invitation_group_status`: the page's status tabs. The enum is open (other codes are UNKNOWN). */
const TAB_STATUS: Record<number, InvitationStatus> = { 1: 'ONGOING', 2: 'EXPIRING', 3: 'CANCELING', 4: 'COMPLETED' };

/** `contacts_info[].field`: which channel a contact value is. */
const CONTACT_FIELDS: Record<number, ContactChannel> = { 6: 'whatsapp', 7: 'email', 41: 'line', 42: 'zalo', 44: 'facebook', 45: 'telegram', 46: 'phone' };
const PHONE_LIKE = new Set<ContactChannel>(['whatsapp', 'phone']);

/** `delivery_requirements.content_option`: 0 no preference, 1 video, 2 LIVE. */
const CONTENT_OPTIONS: Record<number, InvitationFact['contentPreference']> = { 0: 'any', 1: 'video', 2: 'live' };

const code = z.union([int, z.string().max(32)]);

const freeSampleRule = z.object({
  has_free_sample: flag.nullish(),
  is_free_sample_auto_review: flag.nullish(),
  /** 0 none, 1 manual review, 2 auto-approve [L]. */
  sample_setting_type: int.nullish(),
});

const invitation = z.object({
  id,
  name: text(200),
  message: text(2000).nullish(),
  start_time: epochMs.nullish(),
  end_time: epochMs.nullish(),
  group_status: code.nullish(),
  group_type: code.nullish(),
  creator_cnt: nonNegativeInt.nullish(),
  creator_added_cnt: nonNegativeInt.nullish(),
  creator_posted_cnt: nonNegativeInt.nullish(),
  product_cnt: nonNegativeInt.nullish(),
  free_sample_rule: freeSampleRule.nullish(),
  contacts_info: z.array(z.unknown()).nullish(),
  delivery_requirements: z.object({ content_option: int.nullish() }).nullish(),
  product_list: z.array(z.unknown()).nullish(),
  creator_id_list: z.array(z.unknown()).nullish(),
});

const contact = z.object({
  field: int,
  value: z.string().max(320).nullish(),
  /** `"ID#62"`, `"US#1"`, or bare digits. */
  country_code: z.string().max(16).nullish(),
});

const product = z.object({
  product_id: id,
  title: text(1000).nullish(),
  price: priceValue.nullish(),
  target_commission: bps.nullish(),
  target_ads_commission: bps.nullish(),
  open_commission: bps.nullish(),
  commission_effective_time: epochMsOrNone.nullish(),
  ...productCategory,
});

const invitedCreator = z.object({
  base_info: z.object({
    creator_oec_id: idOrBlank.nullish(),
    user_name: handle,
    nick_name: text(200).nullish(),
    selection_region: z.string().max(8).nullish(),
  }),
  group_creator_status: code.nullish(),
  product_add_cnt: nonNegativeInt.nullish(),
  content_posted_cnt: nonNegativeInt.nullish(),
  effective_status: code.nullish(),
});

const searchEnvelope = z.object({
  code: int.optional(),
  data: z.object({ invitation_list: z.array(z.unknown()).nullish(), total: z.unknown().optional(), has_more: z.unknown().optional() }).nullish(),
});

const lists = { product_list: z.array(z.unknown()).nullish(), creator_id_list: z.array(z.unknown()).nullish() };
const detailEnvelope = z.object({
  code: int.optional(),
  // Taken as it comes, then read by `invitation` below: only the fields that schema names count as read.
  data: z.object({ invitation: z.unknown().optional(), ...lists }).nullish(),
});

const searchBody = z.object({ invitation_group_status: int.optional() });
const detailBody = z.object({ invitation_group_id: id.optional() });

const raw = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** The state a search answer's records are in: the status tab it was asked for (`tab:<n>`); unknown for a detail. */
function tabStatus(tab: number | undefined): Pick<InvitationFact, 'status' | 'statusRaw'> {
  if (tab === undefined) return { status: 'UNKNOWN', statusRaw: '' };
  return { status: TAB_STATUS[tab] ?? 'UNKNOWN', statusRaw: `tab:${tab}` };
}

/** `"ID#62"` → `+62`; `"62"` → `+62`. */
function dialPrefix(countryCode: string | null | undefined): string | undefined {
  const digits = countryCode ? /(\d{1,4})$/.exec(countryCode)?.[1] : undefined;
  return digits ? `+${digits}` : undefined;
}

function contactsOf(list: unknown[], prefix: string, rejections: Rejection[]): InvitationFact['contacts'] {
  const out = new Map<ContactChannel, string>();
  for (const entry of list) {
    const parsed = contact.safeParse(entry);
    if (!parsed.success) {
      rejections.push(...rejectionsOf(`${prefix}.contacts_info[]`, parsed.error));
      continue;
    }
    const value = parsed.data.value?.trim();
    // The create page sends required channels blank: a blank value is not a channel the seller offers.
    if (!value) continue;
    const channel = CONTACT_FIELDS[parsed.data.field] ?? 'other';
    const dial = PHONE_LIKE.has(channel) && !value.startsWith('+') ? dialPrefix(parsed.data.country_code) : undefined;
    out.set(channel, dial ? `${dial} ${value}` : value);
  }
  return [...out].map(([channel, value]) => ({ channel, value }));
}

function creatorState(added: number | undefined, posted: number | undefined): InvitationCreatorState {
  if ((posted ?? 0) > 0) return 'POSTED';
  if ((added ?? 0) > 0) return 'ACCEPTED';
  return 'INVITED';
}

interface Parsed {
  records: Records;
  rejections: Rejection[];
  accepted: number;
}

/**
 * One invitation with whatever it carries (products, creators, contacts). A broken invitation is rejected whole: its
 * products and creators cannot be tied to it. A broken product, creator or contact is rejected alone.
 */
function readInvitation(value: unknown, prefix: string, tab: number | undefined, out: Parsed, lists: { products?: unknown[]; creators?: unknown[] } = {}): void {
  const parsed = invitation.safeParse(value);
  if (!parsed.success) {
    out.rejections.push(...rejectionsOf(prefix, parsed.error));
    return;
  }
  const inv = parsed.data;
  const rule = inv.free_sample_rule;
  const setting = rule?.sample_setting_type ?? undefined;
  const offered = rule?.has_free_sample ?? (setting === undefined ? undefined : setting > 0);
  const autoApproved = rule?.is_free_sample_auto_review ?? (setting === undefined ? undefined : setting === 2);
  const contentOption = inv.delivery_requirements?.content_option ?? undefined;
  out.accepted += 1;
  add(out.records, 'invitations', {
    id: inv.id,
    name: inv.name,
    message: inv.message ?? undefined,
    ...tabStatus(tab),
    groupStatusRaw: raw(inv.group_status) || undefined,
    startAt: inv.start_time ?? undefined,
    endAt: inv.end_time ?? undefined,
    groupType: inv.group_type === null || inv.group_type === undefined ? undefined : String(inv.group_type),
    freeSample: offered === undefined ? undefined : { offered, autoApproved: offered ? autoApproved : undefined },
    counts: {
      creators: inv.creator_cnt ?? undefined,
      accepted: inv.creator_added_cnt ?? undefined,
      posted: inv.creator_posted_cnt ?? undefined,
      products: inv.product_cnt ?? undefined,
    },
    contacts: inv.contacts_info ? contactsOf(inv.contacts_info, prefix, out.rejections) : undefined,
    contentPreference: contentOption === undefined ? undefined : CONTENT_OPTIONS[contentOption],
  });

  const productPrefix = lists.products ? 'data.product_list[]' : `${prefix}.product_list[]`;
  for (const p of lists.products ?? inv.product_list ?? []) {
    const pp = product.safeParse(p);
    if (!pp.success) {
      out.rejections.push(...rejectionsOf(productPrefix, pp.error));
      continue;
    }
    const x = pp.data;
    out.accepted += 1;
    if (x.title) add(out.records, 'products', { productId: x.product_id, title: x.title, price: x.price ?? undefined, ...categoryOf(x) });
    add(out.records, 'invitationProducts', {
      invitationId: inv.id,
      productId: x.product_id,
      targetCommissionBps: x.target_commission ?? undefined,
      adsCommissionBps: x.target_ads_commission ?? undefined,
      openCommissionBps: x.open_commission ?? undefined,
      commissionEffectiveAt: x.commission_effective_time ?? undefined,
    });
  }

  const creatorPrefix = lists.creators ? 'data.creator_id_list[]' : `${prefix}.creator_id_list[]`;
  for (const c of lists.creators ?? inv.creator_id_list ?? []) {
    const pc = invitedCreator.safeParse(c);
    if (!pc.success) {
      out.rejections.push(...rejectionsOf(creatorPrefix, pc.error));
      continue;
    }
    const x = pc.data;
    out.accepted += 1;
    add(out.records, 'creators', {
      handle: x.base_info.user_name,
      nickname: x.base_info.nick_name ?? undefined,
      aliases: x.base_info.creator_oec_id ? [`cid:${x.base_info.creator_oec_id}`] : [],
      region: x.base_info.selection_region ?? undefined,
    });
    add(out.records, 'invitationCreators', {
      invitationId: inv.id,
      handle: x.base_info.user_name,
      state: creatorState(x.product_add_cnt ?? undefined, x.content_posted_cnt ?? undefined),
      statusRaw: raw(x.group_creator_status),
      productsAdded: x.product_add_cnt ?? undefined,
      contentPosted: x.content_posted_cnt ?? undefined,
      effectiveStatusRaw: x.effective_status === null || x.effective_status === undefined ? undefined : String(x.effective_status),
    });
  }
}

const skipped = (): AdapterResult => ({ records: {}, accepted: 0, rejections: [], skipped: true });

function parseSearch(json: unknown, requestBody: unknown): AdapterResult {
  const env = searchEnvelope.safeParse(json);
  if (!env.success) return { records: {}, accepted: 0, rejections: rejectionsOf('', env.error) };
  if (env.data.code !== undefined && env.data.code !== 0) return skipped();
  const body = searchBody.safeParse(requestBody);
  const tab = body.success ? body.data.invitation_group_status : undefined;
  const out: Parsed = { records: {}, rejections: [], accepted: 0 };
  for (const item of env.data.data?.invitation_list ?? []) readInvitation(item, 'invitation_list[]', tab, out);
  return out;
}

function parseDetail(json: unknown, requestBody: unknown): AdapterResult {
  const env = detailEnvelope.safeParse(json);
  if (!env.success) return { records: {}, accepted: 0, rejections: rejectionsOf('', env.error) };
  if (env.data.code !== undefined && env.data.code !== 0) return skipped();
  const data = env.data.data;
  // Without an invitation there is nothing to read; what the answer carried instead is the shape watch's to report.
  if (data?.invitation === undefined || data.invitation === null) return { records: {}, accepted: 0, rejections: [] };
  if (typeof data.invitation !== 'object' || Array.isArray(data.invitation)) return { records: {}, accepted: 0, rejections: [{ path: 'data.invitation', code: 'invalid_type' }] };
  const body = detailBody.safeParse(requestBody);
  const askedFor = body.success ? body.data.invitation_group_id : undefined;
  const inv = data.invitation as Record<string, unknown>;
  // The detail is asked for by id; an invitation that leaves its own id out is still that one.
  const value = inv.id === undefined && askedFor ? { ...inv, id: askedFor } : inv;
  const out: Parsed = { records: {}, rejections: [], accepted: 0 };
  readInvitation(value, 'invitation', undefined, out, {
    products: Array.isArray(inv.product_list) ? undefined : (data.product_list ?? undefined),
    creators: Array.isArray(inv.creator_id_list) ? undefined : (data.creator_id_list ?? undefined),
  });
  return out;
}

/** Every part of an invitation record, mounted under `at` (a search item or the detail's invitation). */
const invitationParts = (at: string) => ({
  [at]: invitation,
  [`${at}.contacts_info[]`]: contact,
  [`${at}.product_list[]`]: product,
  [`${at}.creator_id_list[]`]: invitedCreator,
});

export const invitationsSearch: EndpointAdapter = {
  parse: parseSearch,
  reads: readsOf({ '': searchEnvelope, ...invitationParts('data.invitation_list[]') }),
  // Each status tab is its own form of answer: a record's fields (and the meaning of its code) may differ by tab.
  variantOf: (body) => enumCode(body, 'invitation_group_status', 'status'),
};

export const invitationsDetail: EndpointAdapter = {
  parse: parseDetail,
  reads: readsOf({ '': detailEnvelope, ...invitationParts('data.invitation'), 'data.product_list[]': product, 'data.creator_id_list[]': invitedCreator }),
};
