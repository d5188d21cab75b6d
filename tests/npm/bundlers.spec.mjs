// The package bundled by webpack 5 (nothing configured) and by esbuild
// (which leaves `new URL(…, import.meta.url)` as it is, evanw/esbuild#795:
// the wasm and the stylesheets copied beside the bundle, as README.md says).
// Each app renders the card, cites through the lazily loaded module, and
// fetches nothing that is not there.
import { test, expect } from '@playwright/test';
import { format } from '../oracle/citeproc.mjs';

for (const [bundler, port] of [['webpack', 4191], ['esbuild', 4192]]) {
  test(`${bundler}: the card renders and cites`, async ({ page }) => {
    const failures = [];
    page.on('pageerror', (error) => failures.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`http://127.0.0.1:${port}/`);
    const card = page.locator('citation-card');
    await expect(card.getByTestId('title')).toHaveText('Notes on the analytical engine');
    const record = await card.locator('script').textContent();
    const item = await page.evaluate((text) => window.citecard.parse(text), record).then((all) => all[0]);
    await expect(page.locator('#apa')).toHaveText(format('apa', item, 'text'));
    await card.getByTestId('cite-toggle').click();
    await expect(card.getByTestId('cite-preview')).toHaveText(format('apa', item, 'text'));
    expect(failures).toEqual([]);
  });
}
