// Inputs just under the 10 MB limit, in the shapes that cost most, rendered
// through the embed; prints each one's long tasks (over 50 ms) from the
// render call until its first card is on screen and every skeleton is gone.
import { test, expect } from '@playwright/test';
import { hostPage, seedRecord } from '../e2e/embed.mjs';

const N = 9_900_000;
const seed = () => JSON.parse(seedRecord.split('\n')[0]);
const tagDense = (chars) => `<p>${'lorem <b>ipsum</b> '.repeat(Math.floor(chars / 19))}</p>`;
const shapes = {
  'RIS, one record of 1.2 million lines': () => `TY  - JOUR\nTI  - Big\n${'AB  - x\n'.repeat(Math.floor((N - 40) / 8))}ER  - \n`,
  'RIS, 1,000 records with 9.6 KB abstracts': () => {
    const r = `TY  - JOUR\nTI  - Record\nAU  - Lovelace, Ada\nAB  - ${'lorem ipsum '.repeat(800)}\nER  - \n`;
    return r.repeat(Math.min(1_000, Math.floor(N / r.length)));
  },
  'BookSci, one record with a 10 MB tag-dense abstract': () => JSON.stringify({ ...seed(), abstract: tagDense(N - 3_000) }),
  'BookSci, 9,999 authors': () => JSON.stringify({ ...seed(), authors: Array.from({ length: 9_999 }, (_, i) => `Author Number${i}`).join(', ') }),
  'BookSci, 1,000 records with tag-dense 9.5 KB abstracts': () => {
    const line = `${JSON.stringify({ ...seed(), abstract: tagDense(9_500) })}\n`;
    return line.repeat(Math.min(1_000, Math.floor(N / line.length)));
  },
  'BookSci, one record with four 2.5 MB tag-dense fields': () => {
    const d = tagDense(N / 4 - 1_000);
    return JSON.stringify({ ...seed(), title: d, journal: d, abstract: d, AbstractTextCN: d });
  },
  'CSL-JSON, 1,000 items with 9.6 KB abstracts, on one line': () => {
    const item = { type: 'article-journal', title: 'T', author: [{ family: 'A', given: 'B' }], abstract: 'lorem ipsum '.repeat(800) };
    return JSON.stringify(Array.from({ length: 1_000 }, () => item));
  },
};

for (const [shape, make] of Object.entries(shapes)) {
  test(shape, async ({ page }) => {
    test.setTimeout(120_000);
    await page.addInitScript(() => {
      window.longTasks = [];
      new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
    });
    await hostPage(page, { body: '<div id="mount"></div>' });
    await page.waitForFunction(() => window.citecard);
    await page.evaluate((t) => { window.input = t; }, make());
    await page.evaluate(() => { window.longTasks = []; });
    const started = Date.now();
    await page.evaluate(() => window.citecard.render(document.querySelector('#mount'), window.input, { lang: 'en' }));
    await expect(page.locator('#mount [data-testid=citation-card]').first()).toBeVisible({ timeout: 100_000 });
    await expect(page.locator('#mount [data-testid=card-skeleton]')).toHaveCount(0, { timeout: 100_000 });
    const tasks = await page.evaluate(() => window.longTasks.map(Math.round));
    const size = await page.evaluate(() => new TextEncoder().encode(window.input).length);
    console.log(`${shape} (${(size / 1e6).toFixed(1)} MB): cards in ${Date.now() - started} ms; long tasks (ms): ${tasks.join(', ') || 'none'}; longest ${Math.max(0, ...tasks)}`);
  });
}
