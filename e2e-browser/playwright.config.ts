import { defineConfig } from '@playwright/test';

/**
 * The console's browser tests: Debian's Chromium (Playwright's own browser download is not used) against the real
 * system that the global setup starts on free ports. One worker: the system and the machine are shared.
 * A failed test keeps its trace and screenshot in e2e-browser/test-results/ (git-ignored).
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.browser.ts',
  globalSetup: './support/global-setup.ts',
  outputDir: './test-results',
  reporter: [['list'], ['html', { open: 'never', outputFolder: './playwright-report' }]],
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 300_000,
  expect: { timeout: 30_000 },
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
  },
});
