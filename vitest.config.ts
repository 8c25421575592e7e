import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'lib/**/*.test.tsx', 'entrypoints/**/*.test.ts', 'components/**/*.test.tsx', 'test/sim/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    mockReset: true,
    restoreMocks: true,
  },
});
