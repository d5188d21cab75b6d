// `npx playwright test -c bench/near-limit.config.mjs` (from tests/, after
// `trunk build --release`): the long tasks of inputs near the 10 MB limit,
// printed per shape (BENCHMARKS.md, "Inputs near the limit"). A benchmark,
// not a check: it asserts only that each card appears.
import base from '../e2e/playwright.config.mjs';

export default {
  ...base,
  testDir: '.',
  testMatch: 'near-limit.spec.mjs',
  projects: [{ name: 'bench' }],
  workers: 1,
  outputDir: '../e2e/test-results',
};
