// Malformed and oversized input in the card: located errors, bounded work,
// and one bad card never takes the others down.
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { hostPage } from './embed.mjs';

const invalid = new URL('../../crates/citecard-core/tests/fixtures/invalid/', import.meta.url);
const fixtures = readdirSync(invalid).flatMap((format) =>
  readdirSync(new URL(`${format}/`, invalid))
    .filter((name) => !name.endsWith('.expected'))
    .map((name) => {
      const text = readFileSync(new URL(`${format}/${name}`, invalid), 'utf8');
      const expected = readFileSync(new URL(`${format}/${name}.expected`, invalid), 'utf8');
      const [, line, column] = expected.match(/error: line (\d+), column (\d+)/);
      return { name: `${format}/${name}`, text, line, column };
    }),
);
const attribute = (text) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
const good = 'TY  - JOUR\nTI  - Still standing\nAU  - Lovelace, Ada\nPY  - 1843\nER  - \n';

test(`all ${fixtures.length} malformed fixtures give the CLI's located error in the card, and a good card beside them works`, async ({ page }) => {
  expect(fixtures.length).toBeGreaterThanOrEqual(30);
  await hostPage(page, { body: `<citation-card id="good" record="${attribute(good)}"></citation-card>` });
  // Set through the DOM, so that NUL bytes and the like reach the card as they are.
  await page.evaluate((texts) => {
    texts.forEach((text, i) => {
      const card = document.createElement('citation-card');
      card.id = `f${i}`;
      card.setAttribute('lang', 'en');
      card.setAttribute('record', text);
      document.body.append(card);
    });
  }, fixtures.map((f) => f.text));
  await expect(page.locator('#good [data-testid=title]')).toHaveText('Still standing');
  for (const [i, f] of fixtures.entries()) {
    await expect(page.locator(`#f${i} [data-testid=error-location]`).first(), f.name).toHaveText(`Line ${f.line}, column ${f.column}`);
  }
  // The module is alive after all of them: the good card still cites.
  await page.locator('#good [data-testid=cite-toggle]').click();
  await expect(page.locator('#good [data-testid=cite-preview]')).toContainText('Lovelace, A. (1843). Still standing.');
});

// How long the refusal blocks the page is checked in perf.spec.mjs.
test('an input over 10 MB is refused with a clear error card', async ({ page }) => {
  await hostPage(page, { body: '<div id="mount"></div>' });
  await page.waitForFunction(() => window.citecard);
  await page.evaluate(() => {
    const huge = `TY  - JOUR\nTI  - Huge\n${'AB  - x\n'.repeat(1_400_000)}ER  - \n`;
    return window.citecard.render(document.querySelector('#mount'), huge, { lang: 'en' });
  });
  await expect(page.locator('#mount [data-testid=error-message]')).toContainText('10 MB');
  await expect(page.locator('#mount [data-testid=error-location]')).toHaveText('Line 1, column 1');
});
