// The calibration of the perf checks (e2e/embed.mjs `calibrate`), in ten
// fresh pages: prints each and their median.
import { test } from '@playwright/test';
import { calibrate, mountPage } from '../e2e/embed.mjs';

test('calibration: citecard.parse of 512 KB of RIS', async ({ browser }) => {
  const runs = [];
  for (let i = 0; i < 10; i++) {
    const page = await browser.newPage();
    await mountPage(page);
    runs.push(await calibrate(page));
    await page.close();
  }
  const sorted = [...runs].sort((a, b) => a - b);
  console.log(`calibration (ms): ${runs.map((r) => r.toFixed(1)).join(', ')}; median ${((sorted[4] + sorted[5]) / 2).toFixed(1)}`);
});
