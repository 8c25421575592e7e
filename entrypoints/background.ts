import { defineBackground } from '#imports';
import { registerHandlers } from '../lib/background/handlers';
import { ensurePageHook } from '../lib/background/page-hook-registration';
import { getDb } from '../lib/db';

export default defineBackground({
  type: 'module',
  main() {
    registerHandlers(getDb());
    ensurePageHook().catch((error: unknown) => console.error('[collab-lens] page hook registration failed', error));
  },
});
