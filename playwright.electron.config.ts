import { defineConfig } from '@playwright/test';

/**
 * The Electron shell end to end (Playwright `_electron`). Runs only where an Electron binary is installed;
 * elsewhere the spec skips itself with a message. Needs `npm run build` first (it launches out/main).
 */
export default defineConfig({
  testDir: 'tests/electron',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/electron',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One Electron app per worker is plenty; several compete for the display and the tray.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
});
