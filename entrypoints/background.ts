import { defineBackground } from '#imports';
import { registerHandlers } from '../lib/background/handlers';
import { registerMaintenance } from '../lib/background/maintenance';
import { ensurePageHook } from '../lib/background/page-hook-registration';
import { getDb } from '../lib/db';

export default defineBackground({
  type: 'module',
  main() {
    registerHandlers(getDb());
    registerMaintenance(getDb());
    ensurePageHook().catch((error: unknown) => console.error('[collab-lens] page hook registration failed', error));
  },
});
