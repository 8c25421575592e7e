import { defineConfig } from 'vitest/config';

// Real-browser tests: Chromium with the built extension on the simulated Affiliate Center. Two files at a time, each
// with a browser of its own (a profile, a recording proxy and the simulator per browser).
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.test.ts'],
    maxWorkers: 2,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
