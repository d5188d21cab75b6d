// A publication list rendered ahead of time (`citecard render --list`):
// every entry readable with JavaScript off; with it, citecard.js reads the
// records and puts the live list in place of the static one, once, without
// a loading state between them.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { bundle, hostOrigin } from './embed.mjs';
import { buildCli, live, render, root, servePage } from './prerender.mjs';
import { auditPage } from './audit.mjs';

// The sample list without its broken entry (which `render` reports, with
// exit status 1).
const sample = readFileSync(`${root}examples/publications/pubs.bib`, 'utf8');
const pubs = sample.slice(0, sample.indexOf('@article{broken2001'));
const list = (page) => page.locator('citation-list');

test.beforeAll(buildCli);

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('every entry is there, grouped, the owner highlighted, the duplicates said; nothing needs script', async ({ page }) => {
    await servePage(page, render(['--list', '--highlight', 'Knuth, Donald E.', '--css-href', `${bundle}/citecard.css`], pubs));
    await page.goto(`${hostOrigin}/site/page.html`);
    await expect(list(page).getByTestId('entry')).toHaveCount(11);
    await expect(list(page).getByTestId('list-heading').first()).toHaveText('2022');
    await expect(list(page).getByTestId('highlight').first()).toBeVisible();
    // What needs script is not shown: the search, Export, the card toggles.
    await expect(list(page).getByTestId('list-search')).toBeHidden();
    await expect(list(page).getByTestId('list-export')).toBeHidden();
    await expect(list(page).getByTestId('entry-toggle').first()).toBeHidden();
    // The merges open without script; titles link to their DOIs.
    await list(page).getByTestId('merged').locator('summary').click();
    await expect(list(page).getByTestId('merged').locator('li')).toHaveCount(2);
    await expect(list(page).locator('li#knuth1984literate [data-testid=entry-title] a')).toHaveAttribute('href', 'https://doi.org/10.1093/comjnl/27.2.97');
    // For reference managers: a COinS span per record read.
    expect(await page.locator('citation-list > span.Z3988').count()).toBe(13);
    expect(await auditPage(page)).toEqual([]);
  });

  test('a permalink scrolls to its entry without script (an anchor in the page, slotted into the entry)', async ({ page }) => {
    await servePage(page, render(['--list', '--css-href', `${bundle}/citecard.css`], pubs));
    await page.goto(`${hostOrigin}/site/page.html#knuth1970simple`);
    const entry = list(page).locator('li#knuth1970simple');
    await expect(entry).toBeInViewport();
    await expect(list(page).locator('li#knuth2010other')).not.toBeInViewport();
  });
});

test('citecard.js puts the live list in place of the static one: no loading state, the same entries, search working', async ({ page }) => {
  let open;
  const gate = new Promise((resolve) => { open = resolve; });
  await servePage(page, render(['--list', '--highlight', 'Knuth, Donald E.', ...live], pubs), { gate });
  await page.goto(`${hostOrigin}/site/page.html`, { waitUntil: 'commit' });
  // Before the script: the static list, whole.
  await expect(list(page).getByTestId('entry')).toHaveCount(11);
  const before = await list(page).getByTestId('entry-title').allTextContents();
  await page.evaluate(() => {
    window.states = [];
    const root = document.querySelector('citation-list').shadowRoot;
    new MutationObserver(() => window.states.push([
      root.querySelectorAll('[data-testid=publication-list]').length,
      root.querySelector('[data-testid=list-loading]') !== null,
    ])).observe(root, { childList: true, subtree: true });
  });
  open();
  await expect(list(page).getByTestId('list-search')).toBeVisible({ timeout: 15_000 });
  await expect(list(page).locator('[data-citecard-render]')).toHaveCount(0);
  await expect(list(page).getByTestId('entry-title')).toHaveText(before);
  // Never two lists at once, never "Loading" in between.
  const states = await page.evaluate(() => window.states);
  expect(states.every(([lists, loading]) => lists <= 1 && !loading)).toBe(true);
  await list(page).getByTestId('list-search').fill('müller');
  await expect(list(page).getByTestId('entry-title')).toHaveText(['Sleep and memory in Müller\'s model']);
});
