import { defineUnlistedScript } from '#imports';
import { installCaptureHook } from '../lib/capture/page-hook';

// Registered by the background into the page's own world at document start (lib/background/page-hook-registration.ts).
export default defineUnlistedScript(() => installCaptureHook(window));
