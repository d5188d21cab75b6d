// `scripts/screenshots` (or `npx playwright test -c screenshots/playwright.config.mjs`
// from tests/, after `trunk build --release`): pictures of the card to look
// at, written to tests/screenshots/out/. Not a check: it asserts only that
// each card appears.
import base from '../e2e/playwright.config.mjs';

export default {
  ...base,
  testDir: '.',
  testMatch: 'screenshots.spec.mjs',
  projects: [{ name: 'screenshots' }],
  outputDir: '../e2e/test-results',
};
