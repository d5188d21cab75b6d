// The card as a reader sees it, light and dark, full and compact, and the
// error card, and the card for a record that cannot be fetched (in
// Chinese), pages `citecard render` wrote, and publication lists, written to
// tests/screenshots/out/card-NAME.png.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Playground } from '../e2e/playground.mjs';
import { bundle, hostOrigin, hostPage } from '../e2e/embed.mjs';
import { buildCli, buildSite, live, render, serve, servePage } from '../e2e/prerender.mjs';

const out = (name) => fileURLToPath(new URL(`./out/card-${name}.png`, import.meta.url));

const shots = [
  { name: 'light', scheme: 'light' },
  { name: 'dark', scheme: 'dark' },
  { name: 'compact', scheme: 'light', variant: 'compact' },
  { name: 'error', scheme: 'light', record: '{"title": "A broken record",, "JCR": "Q1"}' },
];
for (const shot of shots) {
  test(`screenshot: ${shot.name} card`, async ({ page }) => {
    await page.setViewportSize({ width: 760, height: 1000 });
    await page.emulateMedia({ colorScheme: shot.scheme });
    const playground = new Playground(page);
    await playground.open();
    if (shot.variant) await page.getByTestId('variant-select').selectOption(shot.variant);
    if (shot.record) await playground.paste(shot.record);
    const card = page.locator(shot.record ? '[data-testid=error-card]' : '[data-testid=citation-card]').first();
    await expect(card).toBeVisible();
    await card.screenshot({ path: out(shot.name), animations: 'disabled' });
  });
}

test('screenshot: a record that cannot be fetched, in Chinese', async ({ page }) => {
  await page.setViewportSize({ width: 760, height: 400 });
  await hostPage(page, { body: '<citation-card src="/missing.txt" lang="zh-CN"></citation-card>' });
  const card = page.locator('citation-card [data-testid=error-card]');
  await expect(card).toContainText('无法读取此记录');
  await card.screenshot({ path: out('load-error-zh'), animations: 'disabled' });
});

// The gallery (examples/gallery.html): every cell, 360 and 800 px, light and
// dark, en and zh-CN, left-to-right and right-to-left.
test('screenshots: every gallery cell', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 1000 });
  await page.goto('/examples/gallery.html');
  const cells = page.locator('section.cell');
  await expect(cells).toHaveCount(18);
  await expect(page.locator('citation-card [data-testid=citation-card]')).toHaveCount(18);
  for (const cell of await cells.all()) {
    const id = await cell.getAttribute('id');
    await cell.screenshot({ path: out(`gallery-${id}`), animations: 'disabled' });
  }
});

test('screenshot: the playground marks the line of a record that cannot be read', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 700 });
  const playground = new Playground(page);
  await playground.open();
  await playground.paste('@article{lamport1978,\n  author = {Lamport, Leslie},\n  title = {Time, clocks, and the ordering of events},\n  year = {1978}\n}\n@article{broken,\n  title = {No end\n  year = 2020\n');
  await expect(page.getByTestId('error-line')).toHaveCount(1);
  await page.getByTestId('error-details').locator('summary').click();
  await page.screenshot({ path: out('playground-error'), animations: 'disabled' });
});

// Pages `citecard render` wrote (examples/static-site): a paper's page and
// the list of them all, with JavaScript off (the static card, its Cite
// panel open) and on (hydrated), light and dark, 800 and 360 px.
test.describe('pre-rendered pages', () => {
  test.beforeAll(buildCli);
  for (const js of [false, true]) {
    test.describe(`JavaScript ${js ? 'on' : 'off'}`, () => {
      test.use({ javaScriptEnabled: js });
      for (const scheme of ['light', 'dark']) {
        test(`screenshots: pre-rendered, JavaScript ${js ? 'on' : 'off'}, ${scheme}`, async ({ page }) => {
          test.setTimeout(60_000);
          const site = buildSite(js ? live : ['--css-href', `${bundle}/citecard.css`]);
          await serve(page, site);
          await page.emulateMedia({ colorScheme: scheme });
          const name = `prerendered-${js ? 'js' : 'nojs'}-${scheme}`;
          for (const width of [800, 360]) {
            await page.setViewportSize({ width, height: 900 });
            await page.goto(`${hostOrigin}/site/papers/lamport1978time.html`);
            const card = page.locator('citation-card [data-testid=citation-card]');
            if (js) await expect(card.getByTestId('copy-doi')).toBeVisible();
            await card.getByTestId('cite-toggle').click();
            if (js) await expect(card.getByTestId('cite-preview')).toContainText('Lamport');
            await page.screenshot({ path: out(`${name}-page-${width}`), fullPage: true, animations: 'disabled' });
            await page.goto(`${hostOrigin}/site/papers/index.html`);
            if (js) await expect(page.locator('citation-card [data-citecard-render]')).toHaveCount(0);
            await page.getByTestId('authors-toggle').first().click();
            await page.screenshot({ path: out(`${name}-list-${width}`), fullPage: true, animations: 'disabled' });
          }
        });
      }
    });
  }
});

// A publication list (examples/publications/pubs.bib, its broken entry left
// out for `citecard render`), drawn by the script and rendered ahead of time
// with JavaScript off and on, light and dark, 800 and 360 px; with the script,
// searched for "knuth", an entry open and Export open.
test.describe('publication lists', () => {
  test.beforeAll(buildCli);
  const sample = readFileSync(fileURLToPath(new URL('../../examples/publications/pubs.bib', import.meta.url)), 'utf8');
  const pubs = sample.slice(0, sample.indexOf('@article{broken2001'));
  for (const js of [false, true]) {
    test.describe(`JavaScript ${js ? 'on' : 'off'}`, () => {
      test.use({ javaScriptEnabled: js });
      for (const scheme of ['light', 'dark']) {
        test(`screenshots: publication list, JavaScript ${js ? 'on' : 'off'}, ${scheme}`, async ({ page }) => {
          test.setTimeout(60_000);
          await page.emulateMedia({ colorScheme: scheme });
          const args = ['--list', '--highlight', 'Knuth, Donald E.; 高德纳', '--selected', 'knuth1977fast'];
          await servePage(page, render(js ? [...args, ...live] : [...args, '--css-href', `${bundle}/citecard.css`], pubs));
          const list = page.locator('citation-list');
          for (const width of [800, 360]) {
            await page.setViewportSize({ width, height: 900 });
            await page.goto(`${hostOrigin}/site/page.html`);
            await expect(list.getByTestId('entry').first()).toBeVisible();
            if (js) {
              await expect(list.locator('[data-citecard-render]')).toHaveCount(0, { timeout: 15_000 });
              await list.getByTestId('list-search').fill('knuth');
              await list.getByTestId('entry-toggle').nth(1).click();
              await list.getByTestId('list-export').locator('summary').click();
            }
            await page.screenshot({ path: out(`publications-${js ? 'js' : 'nojs'}-${scheme}-${width}`), fullPage: true, animations: 'disabled' });
          }
        });
      }
    });
  }
});
