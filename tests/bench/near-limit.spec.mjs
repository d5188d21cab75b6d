// Inputs just under the 10 MB limit, in the shapes that cost most, rendered
// through the embed; prints each one's long tasks (over 50 ms) from the
// render call until its first card is on screen and every skeleton is gone.
import { test, expect } from '@playwright/test';
import { longTasks, mountPage, observeLongTasks, renderInMount } from '../e2e/embed.mjs';
import { nearLimitShapes } from '../e2e/near-limit.mjs';

for (const [shape, make] of Object.entries(nearLimitShapes)) {
  test(shape, async ({ page }) => {
    test.setTimeout(120_000);
    await observeLongTasks(page);
    await mountPage(page);
    const text = make();
    const started = Date.now();
    await renderInMount(page, text, { lang: 'en' }, { forget: true });
    await expect(page.locator('#mount [data-testid=citation-card]').first()).toBeVisible({ timeout: 100_000 });
    await expect(page.locator('#mount [data-testid=card-skeleton]')).toHaveCount(0, { timeout: 100_000 });
    const tasks = (await longTasks(page)).map(Math.round);
    const size = Buffer.byteLength(text);
    console.log(`${shape} (${(size / 1e6).toFixed(1)} MB): cards in ${Date.now() - started} ms; long tasks (ms): ${tasks.join(', ') || 'none'}; longest ${Math.max(0, ...tasks)}`);
  });
}
