import * as z from 'zod/mini';
import { figuresQuery, revealQuery } from '../messaging/protocol';

/**
 * The creators view (`creators.html?shop=`) and one creator's page (`creator.html?shop=&handle=`): their paths, and
 * their parameters read back, validated like any message (a page opened with a forged address shows nothing).
 */

export const creatorsPath = (shopKey: string) => `/creators.html?${new URLSearchParams({ shop: shopKey })}`;
export const creatorPath = (shopKey: string, handle: string) => `/creator.html?${new URLSearchParams({ shop: shopKey, handle })}`;

export const creatorPage = z.object({ shopKey: figuresQuery.shape.shopKey, handle: revealQuery.shape.handle });
export type CreatorPageParams = z.infer<typeof creatorPage>;

/** The shop a creators view is about; undefined when the address names none or an invalid one. */
export function creatorsParams(search: string): { shopKey: string } | undefined {
  const shopKey = figuresQuery.shape.shopKey.safeParse(new URLSearchParams(search).get('shop'));
  return shopKey.success ? { shopKey: shopKey.data } : undefined;
}

/** The shop and creator a creator page is about; undefined when either is missing or invalid. */
export function creatorParams(search: string): CreatorPageParams | undefined {
  const params = new URLSearchParams(search);
  const parsed = creatorPage.safeParse({ shopKey: params.get('shop'), handle: params.get('handle')?.replace(/^@/, '').toLowerCase() });
  return parsed.success ? parsed.data : undefined;
}
