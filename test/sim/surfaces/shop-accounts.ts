/**
 * Shop and showcase accounts (seed 001): the TikTok accounts linked to the shop, as official (one per shop), marketing
 * (at most four per shop) or affiliate (any number). domain.md names no page or endpoint for this; both are our
 * assumption, the shape [unknown] (research real-shapes.md §6). The wire variants (`ACCOUNT_VARIANTS`) put the list at
 * the top level, or send `msg` instead of `message`:
 *
 *   legacy   /platform/linked-accounts        (global selling: /affiliate/platform/linked-accounts)
 *   migrated /affiliate/platform/linked-accounts?route_migration=1
 *   GET /api/v1/affiliate/seller/linked_accounts
 *   data: { account_list: [{ user_id, unique_id, nick_name, avatar, account_type, bind_time (ms string) }], total }
 *
 * `account_type` is sent the way the real site might: a code (1 official, 2 marketing, 3 affiliate) or a name
 * (`OFFICIAL_ACCOUNT`…), varying by record. The GB shop breaks the marketing limit (five), the cross-border shop the
 * official one (two), so rules over the stored accounts have something to find; one US marketing account is also an
 * affiliate of the GB shop (allowed). Affiliates are world creators, so their handles join the creators table.
 * `cl_fault=shape` breaks one record (see `ACCOUNT_FAULT`). The client is `client/shop-accounts.js`.
 */
import { CODE_OK, invalid, methodNotAllowed, wireVariants, type ApiRequest, type ApiResponse, type SimSurface } from '../surface';
import { HOSTILE, resolveShop, seededRandom, shopByKey, type SimShop, type World } from '../world';

export const LINKED_ACCOUNTS_PATH = '/api/v1/affiliate/seller/linked_accounts';

export type AccountRole = 'official' | 'marketing' | 'affiliate';
export const ROLE_CODE: Readonly<Record<AccountRole, number>> = { official: 1, marketing: 2, affiliate: 3 };
const ROLE_NAME: Readonly<Record<AccountRole, string>> = { official: 'OFFICIAL_ACCOUNT', marketing: 'MARKETING_ACCOUNT', affiliate: 'AFFILIATE_ACCOUNT' };

export interface SimAccount {
  userId: string;
  handle: string;
  nickname: string;
  role: AccountRole;
  linkedAt: number;
  wire: { roleAsName: boolean };
}

/** Accounts per role, per shop: GB has one marketing account too many, the cross-border shop one official too many. */
export const ACCOUNT_PLAN: Readonly<Record<string, Readonly<Record<AccountRole, number>>>> = {
  us: { official: 1, marketing: 3, affiliate: 6 },
  gb: { official: 1, marketing: 5, affiliate: 4 },
  id: { official: 1, marketing: 2, affiliate: 5 },
  global: { official: 2, marketing: 1, affiliate: 3 },
};

/** The record `cl_fault=shape` breaks (its `account_type` becomes an object). */
export const ACCOUNT_FAULT = { record: 1 } as const;

const DAY = 86_400_000;
const cache = new WeakMap<SimShop, SimAccount[]>();

const slugOf = (shop: SimShop) => shop.name.toLowerCase().replace(/[^a-z]+/g, '').slice(0, 18);

function userId(world: World, salt: string): string {
  const rand = seededRandom(world.seed, `accounts:id:${salt}`);
  let s = '68';
  while (s.length < 19) s += String(Math.floor(rand() * 10));
  return s;
}

/** The US shop's second marketing account: also an affiliate of the GB shop. */
function sharedMarketing(world: World): SimAccount {
  return shopAccounts(world, shopByKey(world, 'us')).filter((a) => a.role === 'marketing')[1]!;
}

export function shopAccounts(world: World, shop: SimShop): SimAccount[] {
  let list = cache.get(shop);
  if (list) return list;
  const rand = seededRandom(world.seed, `accounts:${shop.sellerId}`);
  const plan = ACCOUNT_PLAN[shop.key]!;
  const slug = slugOf(shop);
  const linkedAt = () => world.now - Math.floor((20 + rand() * 700) * DAY);
  list = [];
  const suffixes = ['official', 'deals', 'live', 'beauty', 'home', 'outlet'];
  for (const role of ['official', 'marketing'] as const) {
    for (let i = 0; i < plan[role]; i++) {
      const suffix = role === 'official' ? (i === 0 ? 'official' : 'official2') : suffixes[1 + i]!;
      list.push({
        userId: userId(world, `${shop.sellerId}:${role}:${i}`),
        handle: `${slug}.${suffix}`,
        nickname: `${shop.name} ${role === 'official' ? '' : suffix.toUpperCase()}`.trim(),
        role,
        linkedAt: linkedAt(),
        wire: { roleAsName: rand() < 0.5 },
      });
    }
  }
  const creators = shop.creators.filter((c) => c.creatorId !== HOSTILE.creatorId);
  const affiliates = plan.affiliate - (shop.key === 'us' ? 1 : 0) - (shop.key === 'gb' ? 1 : 0);
  for (let i = 0; i < affiliates; i++) {
    const c = creators[(i * 7) % creators.length]!;
    list.push({ userId: userId(world, `${shop.sellerId}:creator:${c.creatorId}`), handle: c.handle, nickname: c.nickname, role: 'affiliate', linkedAt: linkedAt(), wire: { roleAsName: rand() < 0.5 } });
  }
  if (shop.key === 'us') {
    const hostile = shop.creators.find((c) => c.creatorId === HOSTILE.creatorId)!;
    list.push({ userId: userId(world, 'hostile'), handle: hostile.handle, nickname: hostile.nickname, role: 'affiliate', linkedAt: linkedAt(), wire: { roleAsName: false } });
  }
  if (shop.key === 'gb') list.push({ ...sharedMarketing(world), role: 'affiliate', linkedAt: linkedAt(), wire: { roleAsName: true } });
  cache.set(shop, list);
  return list;
}

function accountJson(a: SimAccount, shop: SimShop): Record<string, unknown> {
  return {
    user_id: a.userId,
    unique_id: a.handle,
    nick_name: a.nickname,
    avatar: { url_list: [`https://p16-sign-${shop.region === 'US' || shop.region === 'GB' ? 'va' : 'sg'}.tiktokcdn.com/tos-avt/${a.userId}.jpeg`] },
    account_type: a.wire.roleAsName ? ROLE_NAME[a.role] : ROLE_CODE[a.role],
    bind_time: String(a.linkedAt),
  };
}

function accountsApi(world: World, req: ApiRequest): ApiResponse | undefined {
  if (req.url.pathname !== LINKED_ACCOUNTS_PATH) return undefined;
  if (req.method !== 'GET') return methodNotAllowed();
  const shop = resolveShop(world, req.url);
  if (!shop) return invalid();
  const list = shopAccounts(world, shop).map((a) => accountJson(a, shop));
  if (req.url.searchParams.get('cl_fault') === 'shape' && list[ACCOUNT_FAULT.record]) list[ACCOUNT_FAULT.record]!.account_type = { type: 2 };
  const v = wireVariants(req);
  const fields = { account_list: list, total: list.length };
  const messages = v.has('shop-accounts.msg') ? { msg: 'success' } : { message: 'success' };
  return { status: 200, json: { code: CODE_OK, ...messages, ...(v.has('shop-accounts.list-top-level') ? fields : { data: fields }) } };
}

/** The wire variants of the linked-accounts answer, each with the evidence it rests on. */
export const ACCOUNT_VARIANTS = {
  'shop-accounts.list-top-level': '[unknown] The account list at the top level beside code, as the affiliate orders endpoint sends orders[] (real-shapes.md §2).',
  'shop-accounts.msg': '[unknown] The partner side of the same backend sends msg instead of message (real-shapes.md §6).',
} as const;

export const shopAccountsSurface: SimSurface = {
  route: 'shop-accounts',
  nav: { label: 'Linked accounts', group: 'Account', icon: '◎' },
  paths: { legacy: '/platform/linked-accounts', migrated: '/affiliate/platform/linked-accounts' },
  client: 'shop-accounts.js',
  api: accountsApi,
  variants: ACCOUNT_VARIANTS,
  css: `
.sa-limits{display:flex;gap:16px;padding:14px 20px;color:#4e5969;font-size:13px}
.sa-limits .over{color:#cb2634;font-weight:600}
.sa-role{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;background:#f2f3f5}
.sa-list{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:12px;padding:4px 20px 20px}
.sa-item{border:1px solid #e5e6eb;border-radius:8px;padding:12px 14px;display:flex;gap:10px;align-items:center}
.sa-item__who{min-width:0}
.sa-item__nick{font-weight:600;overflow-wrap:anywhere}
.sa-item__meta{color:#86909c;font-size:12px}
`,
};
