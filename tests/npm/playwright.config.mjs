// The Vite example app (built, and under `vite dev`) and the webpack and
// esbuild bundles, built from the packed npm tarball by tests/npm/check
// (CITECARD_APP_DIR, CITECARD_APP_DIST, CITECARD_WEBPACK_DIST,
// CITECARD_ESBUILD_DIST), each served on 127.0.0.1 and driven in Debian's
// Chromium like the other end-to-end tests.
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import base from '../e2e/playwright.config.mjs';

const port = Number(process.env.NPM_E2E_PORT ?? 4190);
const built = (name) => {
  if (!process.env[name]) throw new Error(`${name}: a built app (tests/npm/check sets it)`);
  return process.env[name];
};
const server = (dir, at) => ({
  command: `node "${serve}" "${dir}" ${at}`,
  url: `http://127.0.0.1:${at}/`,
  reuseExistingServer: false,
  timeout: 15_000,
});
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
  // bundlers.spec.mjs names the two bundles' ports.
  webServer: [
    server(built('CITECARD_APP_DIST'), port),
    server(built('CITECARD_WEBPACK_DIST'), 4191),
    server(built('CITECARD_ESBUILD_DIST'), 4192),
    // `vite dev` on the example's sources, as README.md configures it.
    {
      command: `npx vite --port 4193 --strictPort --host 127.0.0.1`,
      cwd: built('CITECARD_APP_DIR'),
      url: 'http://127.0.0.1:4193/',
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
