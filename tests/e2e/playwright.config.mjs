// End-to-end tests: Playwright drives Debian's Chromium (never a downloaded
// browser) against the `trunk build --release` output in dist/, served on
// 127.0.0.1.
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const port = Number(process.env.E2E_PORT ?? 4173);
const dist = fileURLToPath(new URL('../../dist', import.meta.url));
const serve = fileURLToPath(new URL('./serve.mjs', import.meta.url));

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  projects: [
    { name: 'chromium', testIgnore: /perf\.spec\.mjs/ },
    // Long-task measurements run last and alone. One retry: on a shared
    // machine a stray pause can stretch a single task; a real regression
    // (a task that is long every time) still fails.
    { name: 'perf', testMatch: /perf\.spec\.mjs/, dependencies: ['chromium'], retries: 1 },
  ],
  outputDir: './test-results',
  timeout: 30_000,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      command: `node "${serve}" "${dist}" ${port}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 15_000,
    },
    {
      // The embed bundle on its own origin, as a CDN would serve it.
      command: `node "${serve}" "${dist}/embed" ${port + 1} --cors`,
      url: `http://127.0.0.1:${port + 1}/citecard.js`,
      reuseExistingServer: false,
      timeout: 15_000,
    },
  ],
});
