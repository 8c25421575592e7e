import { z } from 'zod';
import type { ShopAccount } from '../domain/types';
import { readsOf } from '../shapes/reads';
import { listEnvelope, listsIn, mountedAtLists, paging } from './list-locations';
import { add, type AdapterResult, type EndpointAdapter, type Records, type Rejection } from './types';
import { epochMs, handle, id, rejectionsOf, text } from './values';

/**
 * The TikTok accounts linked to the shop's showcase (seed 001): one official account per shop, at most four marketing
 * accounts, any number of affiliates. No endpoint for this is documented; ours is an assumption and its shape [unknown]
 * (real-shapes.md §6):
 *
 *   GET /api/v1/affiliate/seller/linked_accounts
 *   { account_list: [{ user_id, unique_id, nick_name, account_type: 1 | 2 | 3 | "OFFICIAL" | …, bind_time (ms) }], total },
 *   the list (`account_list` or `accounts`) under `data` or at the top level beside `code` and `msg`
 *
 * The role arrives as a number or a name (codes 1 official, 2 marketing, 3 affiliate are our reading); an unknown one
 * is kept as `unknown` with what was sent, so a limit check never miscounts it.
 */

export interface ShopAccountFact {
  accountId: string;
  handle?: string;
  nickname?: string;
  role: ShopAccount['role'];
  roleRaw: string;
  linkedAt?: number;
}

declare module './types' {
  interface RecordsMap {
    shopAccounts: ShopAccountFact;
  }
}

const ROLE: Record<string, ShopAccount['role']> = {
  '1': 'official',
  '2': 'marketing',
  '3': 'affiliate',
  OFFICIAL: 'official',
  OFFICIAL_ACCOUNT: 'official',
  MARKETING: 'marketing',
  MARKETING_ACCOUNT: 'marketing',
  AFFILIATE: 'affiliate',
  AFFILIATE_ACCOUNT: 'affiliate',
};

export function roleOf(raw: string | number): ShopAccount['role'] {
  return ROLE[String(raw).trim().toUpperCase().replace(/[\s-]+/g, '_')] ?? 'unknown';
}

const role = z.union([z.string().max(64), z.number().int()]);

const account = z
  .object({
    user_id: id.nullish(),
    account_id: id.nullish(),
    unique_id: handle.nullish(),
    handle: handle.nullish(),
    nick_name: text(200).nullish(),
    nickname: text(200).nullish(),
    account_type: role.nullish(),
    role: role.nullish(),
    bind_time: epochMs.nullish(),
  })
  .refine((a) => Boolean(a.user_id ?? a.account_id), { message: 'no account id', path: ['user_id'] })
  .refine((a) => (a.account_type ?? a.role) !== null && (a.account_type ?? a.role) !== undefined, { message: 'no role', path: ['account_type'] });

const ACCOUNT_LISTS = ['account_list', 'accounts'] as const;
const envelope = listEnvelope(ACCOUNT_LISTS, paging);

function parse(json: unknown): AdapterResult {
  const records: Records = {};
  const rejections: Rejection[] = [];
  const env = envelope.safeParse(json);
  if (!env.success) return { records, accepted: 0, rejections: rejectionsOf('', env.error) };
  if (env.data.code !== undefined && env.data.code !== 0) return { records, accepted: 0, rejections, skipped: true };
  let accepted = 0;
  for (const { path, items } of listsIn(env.data, ACCOUNT_LISTS)) {
    for (const el of items) {
      const parsed = account.safeParse(el);
      if (!parsed.success) {
        rejections.push(...rejectionsOf(`${path}[]`, parsed.error));
        continue;
      }
      const a = parsed.data;
      const raw = (a.account_type ?? a.role) as string | number;
      const fact: ShopAccountFact = {
        accountId: (a.user_id ?? a.account_id) as string,
        handle: a.unique_id ?? a.handle ?? undefined,
        nickname: a.nick_name ?? a.nickname ?? undefined,
        role: roleOf(raw),
        roleRaw: String(raw),
        linkedAt: a.bind_time ?? undefined,
      };
      accepted += 1;
      add(records, 'shopAccounts', fact);
      // An affiliate account is a creator promoting the shop: it joins the creators seen on other surfaces by handle.
      if (fact.role === 'affiliate' && fact.handle) add(records, 'creators', { handle: fact.handle, nickname: fact.nickname, aliases: [] });
    }
  }
  return { records, accepted, rejections };
}

export const linkedAccounts: EndpointAdapter = { parse, reads: readsOf({ '': envelope, ...mountedAtLists(ACCOUNT_LISTS, account) }) };
