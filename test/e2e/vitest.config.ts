import { defineConfig } from 'vitest/config';

// Real-browser tests: Chromium with the built extension on the simulated Affiliate Center. One browser at a time.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
