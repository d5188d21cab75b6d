// `npx playwright test -c bench/calibration.config.mjs` (from tests/, after
// `trunk build --release`): the calibration the perf checks scale their time
// limits by (e2e/embed.mjs, IDLE_CALIBRATION_MS), on this machine now.
import base from '../e2e/playwright.config.mjs';

export default {
  ...base,
  testDir: '.',
  testMatch: 'calibration.spec.mjs',
  projects: [{ name: 'bench' }],
  workers: 1,
  outputDir: '../e2e/test-results',
};
