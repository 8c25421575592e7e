import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { AFFILIATE_MATCHES } from './lib/hosts';

// Manifest facts only; everything else lives in lib/.
export default defineConfig({
  // COLLAB_LENS_OUT_DIR lets several builds live side by side (test/e2e/browser.ts reads the same variable).
  outDir: process.env.COLLAB_LENS_OUT_DIR ?? '.output',
  imports: false,
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, mode }) => ({
    name: 'Collab Lens',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting: the page-world capture hook is registered at runtime; sidePanel: sample triage; notifications: deadline
    // alerts, only when the seller turns them on in the options page. unlimitedStorage: a capture is kept in
    // storage.local until the background has it (lib/capture/pending.ts), and one answer may exceed its 10 MB quota.
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'alarms', 'notifications', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: [...AFFILIATE_MATCHES],
    action: { default_title: 'Collab Lens' },
    // Local-first by construction: extension pages and the worker may not open any network connection.
    ...(mode === 'production'
      ? { content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'; connect-src 'none'" } }
      : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'collab-lens@collab-lens.local',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
