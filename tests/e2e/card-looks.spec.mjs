// Accessibility (axe-core, WCAG 2.2 AA) in light and dark, and the card on a
// narrow screen. (Screenshots to look at: scripts/screenshots.)
import { test, expect } from '@playwright/test';
import { Playground } from './playground.mjs';
import { axeViolations } from './audit.mjs';

for (const scheme of ['light', 'dark']) {
  test(`axe finds no WCAG 2.2 AA violation in the ${scheme} card (cite panel open)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const playground = new Playground(page);
    await playground.open();
    await playground.card.getByTestId('cite-toggle').click();
    await expect(playground.card.getByTestId('cite-preview')).toContainText('Repper');
    await playground.card.getByTestId('legend').locator('summary').click();
    expect(await axeViolations(page, '.playground-preview')).toEqual([]);
  });
}

test('the card fits a 320 px wide screen', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  const playground = new Playground(page);
  await playground.open();
  const width = await playground.card.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(width).toBeLessThanOrEqual(0);
  const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(pageOverflow).toBeLessThanOrEqual(0);
});
