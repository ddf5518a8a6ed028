import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/**
 * Browser journeys against the real demo portal: `scripts/start-portal.sh` on a fresh SQLite
 * folder, driven in Debian's Chromium (Playwright cannot download its own browser here).
 * Journeys live in packages/app/e2e-tests; screenshots go to e2e-artifacts/.
 */
// Made once, in the runner: its workers load this file again and inherit the variable, so
// journeys that write into the portal's data folder (a new descriptor) find the same one.
process.env.DATAMESH_E2E_DATA_DIR ??= mkdtempSync(
  join(tmpdir(), 'datamesh-e2e-'),
);
const dataDir = process.env.DATAMESH_E2E_DATA_DIR;

export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [
    ['list'],
    ['json', { outputFile: 'e2e-artifacts/reports/playwright.json' }],
    ['html', { open: 'never', outputFolder: 'e2e-artifacts/report' }],
  ],
  outputDir: 'e2e-artifacts/results',
  webServer: {
    command: 'bash scripts/start-portal.sh',
    // The frontend dev server; the journeys wait for the backend's readiness themselves.
    url: 'http://localhost:3000',
    env: { DATAMESH_DATA_DIR: dataDir },
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  use: {
    baseURL: 'http://localhost:3000',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
      ],
    },
  },
});
