import type { ShopAccount } from '../domain/types';
import type { FindingDraft, Param, Rule, SubjectInput } from './types';
import { HOUR_MS, seenRecord } from './util';

/**
 * Seed 001 ("TikTok Shop dan Showcase"): every TikTok Shop can have only one official TikTok account and at most four
 * marketing accounts; a TikTok account can be the official account of one shop only, and the marketing account of one
 * shop only (it may be an affiliate of others). Collab Lens sees the linked accounts of every shop the seller opens in
 * this browser, so it can tell when what it sees breaks these limits. The limits are thresholds because the seed says
 * the linking process depends on the country.
 *
 * Linked accounts are never deleted from the model when they disappear from the list, so only the accounts of the
 * latest look at a shop's list count: those seen within an hour of the shop's most recently seen account.
 */

/** How long before a shop's most recent account sighting an account still counts as listed in that same look. */
export const SAME_LOOK_MS = HOUR_MS;

export interface ShowcaseAccountsInput extends SubjectInput {
  /** The accounts listed in the latest look at this shop's linked accounts. */
  accounts: ShopAccount[];
  /** The same TikTok accounts as listed in the latest look at other shops' linked accounts. */
  elsewhere: ShopAccount[];
}

type Thresholds = { maxOfficial: number; maxMarketing: number };

/** The accounts of each shop's latest look at its list. */
export function latestLook(rows: readonly ShopAccount[]): Map<string, ShopAccount[]> {
  const byShop = new Map<string, ShopAccount[]>();
  for (const a of rows) byShop.set(a.shopKey, [...(byShop.get(a.shopKey) ?? []), a]);
  for (const [shopKey, list] of byShop) {
    const latest = Math.max(...list.map((a) => a.lastSeenAt));
    byShop.set(shopKey, list.filter((a) => a.lastSeenAt >= latest - SAME_LOOK_MS));
  }
  return byShop;
}

const label = (a: ShopAccount) => (a.handle ? `@${a.handle}` : a.accountId);
const joined = (xs: readonly string[]) => [...new Set(xs)].sort().join(', ');

export const showcaseAccountLimits: Rule<ShowcaseAccountsInput, Thresholds> = {
  id: 'showcase-account-limits',
  title: {
    en: 'Linked TikTok accounts over the showcase limits',
    id: 'Akun TikTok tertaut melebihi batas Showcase',
  },
  explanation: {
    en: 'A TikTok Shop can have one official TikTok account and at most four marketing accounts, and one TikTok account can be the official or marketing account of only one shop; it can promote other shops as an affiliate account. Collab Lens checks the accounts it last saw on the linked accounts page of each of your shops. If it finds more than the limits allow, check the linked accounts in Seller Center: a link over the limit can be refused, or an account may still be listed that you meant to remove.',
    id: 'Satu TikTok Shop hanya boleh punya satu akun TikTok resmi dan maksimal empat akun pemasaran, dan satu akun TikTok hanya boleh menjadi akun resmi atau akun pemasaran untuk satu toko; untuk toko lain, akun itu bisa berpromosi sebagai akun afiliasi. Collab Lens memeriksa akun yang terakhir terlihat di halaman akun tertaut setiap toko Anda. Jika jumlahnya melebihi batas, periksa akun tertaut di Seller Center: tautan yang melebihi batas bisa ditolak, atau masih ada akun yang sebenarnya ingin Anda lepas.',
  },
  message: {
    en: 'Check the TikTok accounts linked to this shop in Seller Center: what Collab Lens last saw breaks the showcase account limits.',
    id: 'Periksa akun TikTok yang tertaut ke toko ini di Seller Center: yang terakhir dilihat Collab Lens melanggar batas akun Showcase.',
  },
  variantMessages: {
    official: {
      en: 'This shop has {count} official TikTok accounts linked ({accounts}), but a shop can have only {max}. Check the linked accounts in Seller Center.',
      id: 'Toko ini punya {count} akun TikTok resmi yang tertaut ({accounts}), padahal satu toko hanya boleh punya {max}. Periksa akun tertaut di Seller Center.',
    },
    marketing: {
      en: 'This shop has {count} marketing accounts linked ({accounts}), but a shop can have at most {max}. Check the linked accounts in Seller Center.',
      id: 'Toko ini punya {count} akun pemasaran yang tertaut ({accounts}), padahal satu toko maksimal hanya boleh punya {max}. Periksa akun tertaut di Seller Center.',
    },
    'shared-official': {
      en: 'Also linked as the official account of {shops}: {accounts}. An official account can belong to only one shop, so keep it official for one shop only.',
      id: 'Juga tertaut sebagai akun resmi {shops}: {accounts}. Akun resmi hanya boleh dimiliki satu toko, jadi pertahankan sebagai akun resmi untuk satu toko saja.',
    },
    'shared-marketing': {
      en: 'Also linked as a marketing account of {shops}: {accounts}. A TikTok account can be the marketing account of only one shop, so link it to the other shop as an affiliate account instead.',
      id: 'Juga tertaut sebagai akun pemasaran {shops}: {accounts}. Satu akun TikTok hanya boleh menjadi akun pemasaran untuk satu toko, jadi tautkan ke toko lain itu sebagai akun afiliasi saja.',
    },
  },
  severity: 'medium',
  subject: 'shop',
  thresholds: {
    maxOfficial: {
      label: { en: 'Official accounts a shop may have', id: 'Jumlah akun resmi yang boleh dimiliki satu toko' },
      unit: 'count',
      default: 1,
      min: 1,
      max: 5,
    },
    maxMarketing: {
      label: { en: 'Marketing accounts a shop may have', id: 'Jumlah akun pemasaran yang boleh dimiliki satu toko' },
      unit: 'count',
      default: 4,
      min: 1,
      max: 20,
    },
  },
  input: 'shopAccounts',
  check(input, { thresholds }) {
    const out: FindingDraft[] = [];
    const add = (variant: string, involved: readonly ShopAccount[], params: Record<string, Param>) =>
      out.push({
        subject: 'shop',
        subjectKey: input.key,
        shopKey: input.key,
        variant,
        params,
        evidence: involved.map((a) => seenRecord('shopAccount', a.key, a)),
      });
    const limits = [
      ['official', thresholds.maxOfficial],
      ['marketing', thresholds.maxMarketing],
    ] as const;
    for (const [role, max] of limits) {
      const linked = input.accounts.filter((a) => a.role === role);
      if (linked.length > max) add(role, linked, { count: linked.length, max, accounts: joined(linked.map(label)) });
    }
    for (const role of ['official', 'marketing'] as const) {
      const mine = input.accounts.filter((a) => a.role === role);
      const shared = mine.flatMap((a) => {
        const others = input.elsewhere.filter((o) => o.accountId === a.accountId && o.role === role);
        return others.length ? [{ account: a, others }] : [];
      });
      if (!shared.length) continue;
      add(`shared-${role}`, shared.flatMap((s) => [s.account, ...s.others]), {
        accounts: joined(shared.map((s) => label(s.account))),
        shops: joined(shared.flatMap((s) => s.others.map((o) => o.shopKey))),
      });
    }
    return out;
  },
};
