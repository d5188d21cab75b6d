// The Vite example app, built from the packed npm tarball by tests/npm/check
// (its dist/ in CITECARD_APP_DIST), served on 127.0.0.1 and driven in
// Debian's Chromium like the other end-to-end tests.
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import base from '../e2e/playwright.config.mjs';

const port = Number(process.env.NPM_E2E_PORT ?? 4190);
const app = process.env.CITECARD_APP_DIST;
if (!app) throw new Error('CITECARD_APP_DIST: the built app (tests/npm/check sets it)');
const serve = fileURLToPath(new URL('../e2e/serve.mjs', import.meta.url));

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  outputDir: '../e2e/test-results/npm',
  timeout: 30_000,
  retries: 0,
  workers: 2,
  reporter: [['list']],
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}/` },
  webServer: {
    command: `node "${serve}" "${app}" ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 15_000,
  },
});
