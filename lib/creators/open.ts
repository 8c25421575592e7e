import { browser } from '#imports';
import { creatorPage, creatorPath } from './pages';

/**
 * Open one creator's page in a tab of its own, asked by a badge on an Affiliate Center page: a page cannot link to the
 * extension's pages itself (they are not web-accessible, so Affiliate Center cannot load or detect them).
 */
export async function openCreatorPage(data: unknown): Promise<{ ok: boolean }> {
  const parsed = creatorPage.safeParse(data);
  if (!parsed.success) return { ok: false };
  await browser.tabs.create({ url: browser.runtime.getURL(creatorPath(parsed.data.shopKey, parsed.data.handle) as `/creator.html`) });
  return { ok: true };
}
