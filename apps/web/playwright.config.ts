import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './e2e/chromium';

/**
 * The browser tests: the real API + worker on a fresh database (e2e/stack.ts, one per Playwright
 * worker), the built app served by the API, Debian's Chromium. One worker: the machine has 2 cores
 * that the API, PostgreSQL and the browser share.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./e2e/summary-reporter.ts']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    viewport: { width: 390, height: 844 },
    serviceWorkers: 'block',
    trace: 'off',
  },
});
