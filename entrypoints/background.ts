import { defineBackground } from '#imports';
import { ingestBatch, registerHandlers } from '../lib/background/handlers';
import { registerMaintenance } from '../lib/background/maintenance';
import { ensurePageHook } from '../lib/background/page-hook-registration';
import { registerPendingCaptures } from '../lib/background/pending-captures';
import { getDb } from '../lib/db';

export default defineBackground({
  type: 'module',
  main() {
    registerHandlers(getDb());
    registerMaintenance(getDb());
    registerPendingCaptures((batch) => ingestBatch(getDb(), batch));
    ensurePageHook().catch((error: unknown) => console.error('[collab-lens] page hook registration failed', error));
  },
});
