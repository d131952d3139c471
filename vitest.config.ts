import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // Builds dist/ for the tests that run the real bin (only when src/ is newer).
    globalSetup: ['test/global-setup.ts'],
  },
});
