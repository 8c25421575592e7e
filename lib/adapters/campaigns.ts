import { z } from 'zod';
import type { Campaign, ContactChannel, RegistrationState } from '../domain/types';
import { readsOf } from '../shapes/reads';
import { enumCode, listEnvelope, listsIn, mountedAtLists, paging } from './list-locations';
import { add, type AdapterResult, type EndpointAdapter, type Records, type Rejection } from './types';
import { bps, categoryOf, epochMs, flag, id, int, nonNegativeInt, productCategory, rejectionsOf, text } from './values';

/**
 * Partner (TAP) campaigns, seller side (domain.md §1.8 and §3.1). The internal paths are known; their shapes are
 * [unknown] (real-shapes.md §6: no public evidence). What the partner side of the same backend sends hints at the
 * vocabulary: `data.campaign[]` (not `campaign_list`), `data.total_num`, `msg` beside or instead of `message`,
 * `campaign_id` strings, numeric `status` / `campaign_type`, `registration_*_time` / `promotion_*_time` strings,
 * `seller_campaign_extra{min_commission_rate, max_commission_rate}`, `campaign_statistics{…_product_num}` and
 * `*_commission_percent` strings. So the adapters read every plausible form and report what they cannot:
 *
 *   POST /api/v1/affiliate/campaign/search                    the list at `campaign`, `campaign_list` or `campaigns`, under
 *                                                             `data` or at the top level; body `{campaign_source, query_type, campaign_scope, …}`
 *   POST /api/v1/affiliate/campaign/detail/get                `campaign` (an object, or a list of one) or `campaign_info`,
 *                                                             under `data` or at the top level; body `{campaign_id}`
 *   POST /api/v1/affiliate/campaign/registered_products/get   the list at `product_list` or `products`, likewise; body
 *                                                             `{campaign_id, status_tab, cur_page, page_size}`
 *
 * Statuses: the open API's names (READY / UPCOMING / ONGOING / CLOSED; PENDING / APPROVED / REJECTED / REJECT_FOREVER /
 * PENDING_CLOSED / CLOSED) are mapped; a numeric code is kept raw as UNKNOWN, since nobody has published what the
 * numbers mean. Times are epoch ms, or epoch seconds as the open API sends them; rates are bps (`*_rate`) or percent
 * (`*_commission_percent`).
 */

export interface ContactValue {
  channel: ContactChannel;
  value: string;
}

export interface CampaignFact {
  id: string;
  name: string;
  kind: Campaign['kind'];
  scope?: NonNullable<Campaign['scope']>;
  status: string;
  statusRaw: string;
  description?: string;
  region?: string;
  partnerId?: string;
  partnerName?: string;
  registrationStartAt?: number;
  registrationEndAt?: number;
  campaignStartAt?: number;
  campaignEndAt?: number;
  commissionRequirementBps?: number;
  registeredProducts?: number;
  /** The partner's contact values; undefined when this view does not carry `contact_info` at all. */
  contacts?: ContactValue[];
}

export interface RegistrationFact {
  campaignId: string;
  productId: string;
  state: RegistrationState;
  stateRaw: string;
  rejectReason?: string;
  rejectCodes?: string[];
  totalCommissionBps?: number;
  creatorCommissionBps?: number;
  partnerCommissionBps?: number;
  sampleQuantity?: number;
  registeredAt?: number;
  /** The seller's contact for this product (e-mail, WhatsApp); undefined when not sent. */
  contacts?: ContactValue[];
}

declare module './types' {
  interface RecordsMap {
    campaigns: CampaignFact;
    registrations: RegistrationFact;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Enums: numbers [L] or names, both accepted

const enumValue = z.union([z.string().max(64), z.number().int()]);

/** Campaign status: the open API's names [unknown on this side]. A numeric code is not mapped. */
const CAMPAIGN_STATUS: Record<string, string> = {
  READY: 'READY',
  UPCOMING: 'UPCOMING',
  ONGOING: 'ONGOING',
  CLOSED: 'CLOSED',
  ENDED: 'CLOSED',
};

/**
 * Registration (review) state: the partner side's names PENDING / APPROVED / REJECTED / PENDING_CLOSED / CLOSED and the
 * review result REJECT_FOREVER (open API), and the names the seller sees (a product goes live when the campaign period
 * starts). A numeric code is not mapped.
 */
const REGISTRATION_STATE: Record<string, RegistrationState> = {
  PENDING: 'PENDING',
  PENDING_REVIEW: 'PENDING',
  APPROVED: 'APPROVED',
  APPROVE: 'APPROVED',
  LIVE: 'LIVE',
  ONGOING: 'LIVE',
  PROMOTING: 'LIVE',
  REJECTED: 'REJECTED',
  REJECT: 'REJECTED',
  REJECT_FOREVER: 'REJECTED_BLOCKED',
  REJECTED_FOREVER: 'REJECTED_BLOCKED',
  BLOCKED: 'REJECTED_BLOCKED',
  PENDING_CLOSED: 'CANCEL_REQUESTED',
  CLOSING: 'CANCEL_REQUESTED',
  CLOSED: 'CANCELLED',
  CANCELLED: 'CANCELLED',
  CANCELED: 'CANCELLED',
};

const SOURCE: Record<string, Campaign['kind']> = { '1': 'agency', '2': 'seller', AGENCY: 'agency', PARTNER: 'agency', SELLER: 'seller' };
const SCOPE: Record<string, NonNullable<Campaign['scope']>> = {
  '1': 'all',
  '2': 'targeted',
  '3': 'local',
  ALL: 'all',
  TARGET: 'targeted',
  TARGETED: 'targeted',
  LOCAL: 'local',
  LOCAL_AGENCY: 'local',
};

const lookup = <T>(table: Record<string, T>, raw: string | number | null | undefined): T | undefined =>
  raw === null || raw === undefined ? undefined : table[String(raw).trim().toUpperCase()];

// ---------------------------------------------------------------------------------------------------------------
// Contacts: kept apart from the facts by the sink; here only read

const contactText = z.union([z.string().max(300), z.number().int().nonnegative().transform(String)]).nullish();

const contactInfo = z.object({
  email: contactText,
  phone: contactText,
  phone_number: contactText,
  whatsapp: contactText,
  line: contactText,
  zalo: contactText,
  viber: contactText,
  telegram: contactText,
});

const CONTACT_KEYS: [keyof z.output<typeof contactInfo>, ContactChannel][] = [
  ['email', 'email'],
  ['phone', 'phone'],
  ['phone_number', 'phone'],
  ['whatsapp', 'whatsapp'],
  ['line', 'line'],
  ['zalo', 'zalo'],
  ['viber', 'viber'],
  ['telegram', 'telegram'],
];

function contactsOf(info: z.output<typeof contactInfo> | null | undefined): ContactValue[] | undefined {
  if (!info) return undefined;
  const out: ContactValue[] = [];
  for (const [key, channel] of CONTACT_KEYS) {
    const value = info[key]?.trim();
    if (value && !out.some((c) => c.channel === channel)) out.push({ channel, value });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Schemas

const partnerInfo = z.object({
  partner_id: id.nullish(),
  partner_name: text(300).nullish(),
  name: text(300).nullish(),
});

/** Epoch milliseconds, or epoch seconds as the open API sends them (10 digits), as a number or a string. */
const time = z.union([epochMs, int.pipe(z.number().int().min(1e9).max(1e10)).transform((s) => s * 1000)]);

/** A percent (`"22"`, `"22.50"`, `"22%"`, `22.5`), as the partner side's `*_commission_percent`, to bps. */
const percentToBps = z
  .union([z.string().regex(/^\d{1,3}(\.\d{1,4})?%?$/).transform((v) => Number.parseFloat(v)), z.number().finite()])
  .transform((n) => Math.round(n * 100))
  .pipe(z.number().int().min(0).max(10_000));

const campaignObject = z
  .object({
    campaign_id: id.nullish(),
    id: id.nullish(),
    name: text(500).nullish(),
    campaign_name: text(500).nullish(),
    description: text(5000).nullish(),
    campaign_desc: text(5000).nullish(),
    region: z.string().regex(/^[A-Za-z]{2}$/).nullish(),
    status: enumValue.nullish(),
    campaign_source: enumValue.nullish(),
    campaign_scope: enumValue.nullish(),
    registration_start_time: time.nullish(),
    registration_end_time: time.nullish(),
    campaign_start_time: time.nullish(),
    campaign_end_time: time.nullish(),
    promotion_start_time: time.nullish(),
    promotion_end_time: time.nullish(),
    commission_rate: bps.nullish(),
    seller_campaign_extra: z.object({ min_commission_rate: bps.nullish() }).nullish(),
    partner_info: partnerInfo.nullish(),
    partner_name: text(300).nullish(),
    registered_product_cnt: nonNegativeInt.nullish(),
    campaign_statistics: z.object({ registered_product_num: nonNegativeInt.nullish() }).nullish(),
    contact_info: contactInfo.nullish(),
  })
  .refine((c) => Boolean(c.campaign_id ?? c.id), { message: 'no campaign id', path: ['campaign_id'] })
  .refine((c) => Boolean(c.name ?? c.campaign_name), { message: 'no name', path: ['name'] });

type CampaignJson = z.output<typeof campaignObject>;

const registrationObject = z.object({
  campaign_id: id.nullish(),
  product_id: id,
  product_name: text(1000).nullish(),
  title: text(1000).nullish(),
  status: enumValue,
  can_re_register: flag.nullish(),
  reject_reasons: z.array(enumValue.transform(String)).max(20).nullish(),
  reject_reason: text(2000).nullish(),
  reject_reason_text: text(2000).nullish(),
  total_commission_rate: bps.nullish(),
  creator_commission_rate: bps.nullish(),
  partner_commission_rate: bps.nullish(),
  total_commission_percent: percentToBps.nullish(),
  creator_commission_percent: percentToBps.nullish(),
  partner_commission_percent: percentToBps.nullish(),
  sample_quantity: nonNegativeInt.nullish(),
  sample_quota: nonNegativeInt.nullish(),
  register_time: time.nullish(),
  contact_info: contactInfo.nullish(),
  ...productCategory,
});

const CAMPAIGN_LISTS = ['campaign', 'campaign_list', 'campaigns'] as const;
const REGISTRATION_LISTS = ['product_list', 'products'] as const;
const searchEnvelope = listEnvelope(CAMPAIGN_LISTS, paging);
const registeredEnvelope = listEnvelope(REGISTRATION_LISTS, { ...paging, campaign_id: id.nullish() });

const searchBody = z.object({ campaign_source: enumValue.optional(), campaign_scope: enumValue.optional() });
const campaignIdBody = z.object({ campaign_id: id.optional() });

// ---------------------------------------------------------------------------------------------------------------
// Mapping

const rawOf = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

function campaignFact(c: CampaignJson, kind: Campaign['kind'], bodyScope: Campaign['scope']): CampaignFact {
  const scope = lookup(SCOPE, c.campaign_scope) ?? bodyScope;
  return {
    id: (c.campaign_id ?? c.id) as string,
    name: (c.name ?? c.campaign_name) as string,
    kind,
    scope,
    status: lookup(CAMPAIGN_STATUS, c.status) ?? 'UNKNOWN',
    statusRaw: rawOf(c.status),
    description: c.description ?? c.campaign_desc ?? undefined,
    region: c.region?.toUpperCase(),
    partnerId: c.partner_info?.partner_id ?? undefined,
    partnerName: c.partner_info?.partner_name ?? c.partner_info?.name ?? c.partner_name ?? undefined,
    registrationStartAt: c.registration_start_time ?? undefined,
    registrationEndAt: c.registration_end_time ?? undefined,
    campaignStartAt: c.campaign_start_time ?? c.promotion_start_time ?? undefined,
    campaignEndAt: c.campaign_end_time ?? c.promotion_end_time ?? undefined,
    // The least commission the campaign takes: its requirement.
    commissionRequirementBps: c.commission_rate ?? c.seller_campaign_extra?.min_commission_rate ?? undefined,
    registeredProducts: c.registered_product_cnt ?? c.campaign_statistics?.registered_product_num ?? undefined,
    contacts: contactsOf(c.contact_info),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The campaign's kind from the record, else from what the list was asked for; a campaign of unknown kind is rejected. */
function kindOf(raw: unknown, fallback: Campaign['kind'] | undefined): Campaign['kind'] | undefined {
  const v = enumValue.safeParse(raw);
  return (v.success ? lookup(SOURCE, v.data) : undefined) ?? fallback;
}

function readCampaign(el: unknown, prefix: string, kindFallback: Campaign['kind'] | undefined, scope: Campaign['scope'], rejections: Rejection[]): CampaignFact | undefined {
  const parsed = campaignObject.safeParse(el);
  if (!parsed.success) {
    rejections.push(...rejectionsOf(prefix, parsed.error));
    return undefined;
  }
  const kind = kindOf(parsed.data.campaign_source, kindFallback);
  if (!kind) {
    rejections.push({ path: `${prefix}.campaign_source`, code: 'unknown_kind' });
    return undefined;
  }
  return campaignFact(parsed.data, kind, scope);
}

const skipped = (): AdapterResult => ({ records: {}, accepted: 0, rejections: [], skipped: true });

function parseSearch(json: unknown, requestBody: unknown): AdapterResult {
  const records: Records = {};
  const rejections: Rejection[] = [];
  const env = searchEnvelope.safeParse(json);
  if (!env.success) return { records, accepted: 0, rejections: rejectionsOf('', env.error) };
  if (env.data.code !== undefined && env.data.code !== 0) return skipped();
  const body = searchBody.safeParse(requestBody);
  const kindFallback = body.success ? lookup(SOURCE, body.data.campaign_source) : undefined;
  // Only a Target / Local agency filter says something about every campaign listed; "All" says nothing.
  const bodyScope = body.success ? lookup(SCOPE, body.data.campaign_scope) : undefined;
  const scope = bodyScope === 'all' ? undefined : bodyScope;
  let accepted = 0;
  for (const { path, items } of listsIn(env.data, CAMPAIGN_LISTS)) {
    for (const el of items) {
      const fact = readCampaign(el, `${path}[]`, kindFallback, scope, rejections);
      if (!fact) continue;
      accepted += 1;
      add(records, 'campaigns', fact);
    }
  }
  return { records, accepted, rejections };
}

const DETAIL_KEYS = ['campaign', 'campaign_info'] as const;
const detailAt = { campaign: z.unknown().optional(), campaign_info: z.unknown().optional() };
const detailEnvelope = z.object({ code: int.optional(), data: z.object(detailAt).nullish(), ...detailAt });

function parseDetail(json: unknown): AdapterResult {
  const records: Records = {};
  const rejections: Rejection[] = [];
  const env = detailEnvelope.safeParse(json);
  if (!env.success) return { records, accepted: 0, rejections: rejectionsOf('', env.error) };
  if (env.data.code !== undefined && env.data.code !== 0) return skipped();
  let accepted = 0;
  for (const holder of [env.data.data, env.data]) {
    for (const key of DETAIL_KEYS) {
      const at = holder?.[key];
      // The partner side lists campaigns under `campaign`: a detail may be a list of one.
      const found = Array.isArray(at) ? at.map((el) => [el, `${key}[]`] as const) : at === undefined || at === null ? [] : [[at, key] as const];
      for (const [el, prefix] of found) {
        if (!isObject(el)) {
          rejections.push({ path: prefix, code: 'invalid_type' });
          continue;
        }
        const fact = readCampaign(el, prefix, undefined, undefined, rejections);
        if (!fact) continue;
        accepted += 1;
        add(records, 'campaigns', fact);
      }
    }
  }
  return { records, accepted, rejections };
}

function stateOf(raw: string | number, canReRegister: boolean | null | undefined): RegistrationState {
  const state = lookup(REGISTRATION_STATE, raw) ?? 'UNKNOWN';
  // A plain rejection the seller may not answer with a new registration is the "blocked" ending (REJECT_FOREVER).
  if (state === 'REJECTED' && canReRegister === false) return 'REJECTED_BLOCKED';
  return state;
}

function parseRegistered(json: unknown, requestBody: unknown): AdapterResult {
  const records: Records = {};
  const rejections: Rejection[] = [];
  const env = registeredEnvelope.safeParse(json);
  if (!env.success) return { records, accepted: 0, rejections: rejectionsOf('', env.error) };
  if (env.data.code !== undefined && env.data.code !== 0) return skipped();
  const body = campaignIdBody.safeParse(requestBody);
  const listCampaign = env.data.data?.campaign_id ?? env.data.campaign_id ?? (body.success ? body.data.campaign_id : undefined);
  let accepted = 0;
  for (const { path, items } of listsIn(env.data, REGISTRATION_LISTS)) {
    for (const el of items) {
      const parsed = registrationObject.safeParse(el);
      if (!parsed.success) {
        rejections.push(...rejectionsOf(`${path}[]`, parsed.error));
        continue;
      }
      const r = parsed.data;
      const campaignId = r.campaign_id ?? listCampaign;
      if (!campaignId) {
        rejections.push({ path: `${path}[].campaign_id`, code: 'no_campaign' });
        continue;
      }
      accepted += 1;
      const title = r.product_name ?? r.title;
      if (title) add(records, 'products', { productId: r.product_id, title, ...categoryOf(r) });
      add(records, 'registrations', {
        campaignId,
        productId: r.product_id,
        state: stateOf(r.status, r.can_re_register),
        stateRaw: String(r.status),
        rejectReason: r.reject_reason_text ?? r.reject_reason ?? undefined,
        rejectCodes: r.reject_reasons?.length ? r.reject_reasons : undefined,
        totalCommissionBps: r.total_commission_rate ?? r.total_commission_percent ?? undefined,
        creatorCommissionBps: r.creator_commission_rate ?? r.creator_commission_percent ?? undefined,
        partnerCommissionBps: r.partner_commission_rate ?? r.partner_commission_percent ?? undefined,
        sampleQuantity: r.sample_quantity ?? r.sample_quota ?? undefined,
        registeredAt: r.register_time ?? undefined,
        contacts: contactsOf(r.contact_info),
      });
    }
  }
  return { records, accepted, rejections };
}

export const campaignSearch: EndpointAdapter = {
  parse: parseSearch,
  reads: readsOf({ '': searchEnvelope, ...mountedAtLists(CAMPAIGN_LISTS, campaignObject) }),
  // The marketplace and My campaigns may answer in different forms (joined campaigns carry what was registered).
  variantOf: (body) => enumCode(body, 'query_type', 'query'),
};

export const campaignDetail: EndpointAdapter = {
  parse: (json) => parseDetail(json),
  reads: readsOf(
    Object.fromEntries(
      [['', detailEnvelope] as const, ...DETAIL_KEYS.flatMap((k) => [`data.${k}`, k, `data.${k}[]`, `${k}[]`].map((p) => [p, campaignObject] as const))],
    ),
  ),
};

export const campaignRegistered: EndpointAdapter = {
  parse: parseRegistered,
  reads: readsOf({ '': registeredEnvelope, ...mountedAtLists(REGISTRATION_LISTS, registrationObject) }),
};
