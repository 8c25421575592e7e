import { browser } from '#imports';
import { AFFILIATE_MATCHES } from '../hosts';

export const PAGE_HOOK_ID = 'collab-lens-page-hook';

/**
 * Register the unlisted page-world script to run at document start on Affiliate Center. A registered script runs before
 * the page's own scripts, so the first request the page makes is seen; an injected `<script src>` could load too late.
 */
export async function ensurePageHook(): Promise<void> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [PAGE_HOOK_ID] });
  if (existing.length) return;
  await browser.scripting.registerContentScripts([
    {
      id: PAGE_HOOK_ID,
      js: ['page-hook.js'],
      matches: [...AFFILIATE_MATCHES],
      runAt: 'document_start',
      world: 'MAIN',
      allFrames: false,
      persistAcrossSessions: true,
    },
  ]);
}
