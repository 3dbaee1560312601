import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3190);

// Debian's Chromium, never a downloaded browser. Root in CI: no sandbox; the network is closed.
export default defineConfig({
  // Browser specs: what a person does (e2e/) and the attacks a browser makes possible (security/).
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'security/**/*.spec.ts'],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://localhost:${port}`,
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
  // The platform as deployed by default (SCORM content on its own origin), and a second server in
  // SCORM same-origin mode on the next ports, for the specs that must pass in both modes.
  webServer: [
    {
      command: `node tests/e2e/serve.js`,
      url: `http://localhost:${port}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { E2E_PORT: String(port) },
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `node tests/e2e/serve.js`,
      url: `http://localhost:${port + 2}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { E2E_PORT: String(port + 2), SCORM_SERVING: 'same-origin' },
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
