import { test, expect } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { bundle, cards, hostOrigin, hostPage, inScript, seedRecord } from './embed.mjs';
import { format } from '../oracle/citeproc.mjs';

const ris = 'TY  - JOUR\nAU  - Lovelace, Ada\nTI  - Notes on the analytical engine\nT2  - Scientific Memoirs\nPY  - 1843\nER  - \n';

test('one script tag and one element render the card, from another origin, with no other requests', async ({ page }) => {
  const requests = [];
  page.on('request', (request) => requests.push(new URL(request.url()).origin));
  await hostPage(page, { body: `<citation-card><script type="text/plain">${inScript(seedRecord)}</script></citation-card>` });
  const card = cards(page).first();
  await expect(card.getByTestId('title')).toHaveText(
    'Embedding coproduction in organisational culture and practice: a case study',
  );
  // Open shadow root, its own stylesheet.
  expect(await page.evaluate(() => document.querySelector('citation-card').shadowRoot.mode)).toBe('open');
  expect(new Set(requests)).toEqual(new Set([hostOrigin, bundle]));
});

test('record sources: attribute, JSON script, src (fetched) and a failing src', async ({ page }) => {
  await page.route(`${hostOrigin}/records/**`, (route) =>
    route.request().url().endsWith('ok.ris')
      ? route.fulfill({ status: 200, contentType: 'text/plain', body: ris })
      : route.fulfill({ status: 404, body: 'gone' }),
  );
  const json = JSON.stringify({ type: 'book', title: 'A CSL-JSON book', author: [{ family: 'Knuth', given: 'Donald' }] });
  await hostPage(page, {
    body: `
      <citation-card id="attr" record="${ris.replaceAll('\n', '&#10;')}"></citation-card>
      <citation-card id="json"><script type="application/json">${json}</script></citation-card>
      <citation-card id="src" src="/records/ok.ris"></citation-card>
      <citation-card id="missing" src="/records/missing.ris"></citation-card>
      <citation-card id="bib"><script type="application/x-bibtex">@book{knuth1997,
  author = {Knuth, Donald E.}, title = {The Art of Computer Programming},
  publisher = {Addison-Wesley}, year = {1997}}</script></citation-card>`,
  });
  // BibTeX comes through the BibTeX module, loaded for it.
  await expect(page.locator('#bib [data-testid=title]')).toHaveText('The Art of Computer Programming');
  await expect(page.locator('#attr [data-testid=title]')).toHaveText('Notes on the analytical engine');
  await expect(page.locator('#json [data-testid=title]')).toHaveText('A CSL-JSON book');
  await expect(page.locator('#src [data-testid=title]')).toHaveText('Notes on the analytical engine');
  await expect(page.locator('#missing [data-testid=error-message]')).toContainText('HTTP 404');
});

test('attributes re-render, later elements upgrade, removal destroys the app', async ({ page }) => {
  await hostPage(page, { body: `<citation-card id="a" theme="light" record="${ris.replaceAll('\n', '&#10;')}"></citation-card>` });
  const article = page.locator('#a article');
  await expect(article).toHaveAttribute('data-theme', 'light');
  await page.evaluate(() => document.querySelector('#a').setAttribute('theme', 'dark'));
  await expect(article).toHaveAttribute('data-theme', 'dark');
  await page.evaluate(() => document.querySelector('#a').setAttribute('variant', 'compact'));
  await expect(article).toHaveAttribute('data-variant', 'compact');

  // Added after load (a single-page app).
  await page.evaluate((record) => {
    const card = document.createElement('citation-card');
    card.id = 'later';
    card.setAttribute('record', record);
    document.body.append(card);
  }, ris);
  await expect(page.locator('#later [data-testid=title]')).toHaveText('Notes on the analytical engine');

  // Removed: the app is destroyed and its shadow root emptied.
  await page.evaluate(() => {
    window.removed = document.querySelector('#a');
    window.removed.remove();
  });
  await expect.poll(() => page.evaluate(() => window.removed.shadowRoot.querySelector('[data-citecard-root]').childElementCount)).toBe(0);
  // Moving an element (remove + append in one task) keeps it alive.
  await page.evaluate(() => document.body.append(document.querySelector('#later')));
  await page.waitForTimeout(50);
  await expect(page.locator('#later [data-testid=title]')).toHaveText('Notes on the analytical engine');
  await expect(page.locator('citation-card')).toHaveCount(1);
});

test('a bad record in one card leaves the other cards working', async ({ page }) => {
  await hostPage(page, {
    body: `
      <citation-card id="bad"><script type="text/plain">{"title": "broken",, }</script></citation-card>
      <citation-card id="good" record="${ris.replaceAll('\n', '&#10;')}"></citation-card>`,
  });
  await expect(page.locator('#bad [data-testid=error-location]')).toHaveText('Line 1, column 20');
  await expect(page.locator('#good [data-testid=title]')).toHaveText('Notes on the analytical engine');
  // The good card still works after the bad one rendered: open its cite panel.
  await page.locator('#good [data-testid=cite-toggle]').click();
  await expect(page.locator('#good [data-testid=cite-preview]')).toContainText('Lovelace, A. (1843).');
});

test('under a strict CSP the card renders and cites', async ({ page }) => {
  const violations = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
  });
  await hostPage(page, {
    csp: `default-src 'none'; script-src ${bundle} 'wasm-unsafe-eval'; style-src ${bundle}; connect-src ${bundle}; img-src 'none'`,
    body: `<citation-card><script type="text/plain">${inScript(seedRecord)}</script></citation-card>`,
  });
  const card = cards(page).first();
  await expect(card.getByTestId('title')).toContainText('Embedding coproduction');
  await card.getByTestId('cite-toggle').click();
  await expect(card.getByTestId('cite-preview')).toContainText('Repper, J., & Eve, J. (2022).');
  expect(violations).toEqual([]);
});

test('hostile host CSS does not change the card', async ({ page }, testInfo) => {
  const body = `<citation-card theme="light"><script type="text/plain">${inScript(seedRecord)}</script></citation-card>`;
  await page.setViewportSize({ width: 900, height: 1200 });
  await hostPage(page, { body });
  const clean = page.locator('citation-card [data-testid=citation-card]');
  await expect(clean.getByTestId('title')).toBeVisible();
  const expected = await clean.screenshot({ animations: 'disabled' });

  const hostile = await page.context().newPage();
  await hostile.setViewportSize({ width: 900, height: 1200 });
  await hostPage(hostile, {
    body,
    head: `<style>
      * { all: unset !important; }
      div { display: none !important; }
      html { font-size: 40px !important; } body { font: 900 italic 31px/4 serif !important; color: red !important; letter-spacing: 9px !important; }
      article, h2, p { color: lime !important; font-size: 60px !important; }
      citation-card { display: block !important; }
    </style>`,
  });
  const card = hostile.locator('citation-card [data-testid=citation-card]');
  await expect(card.getByTestId('title')).toBeVisible();
  const actual = await card.screenshot({ animations: 'disabled' });
  await testInfo.attach('clean host', { body: expected, contentType: 'image/png', path: undefined });
  await testInfo.attach('hostile host', { body: actual, contentType: 'image/png' });
  writeFileSync(testInfo.outputPath('clean-host.png'), expected);
  writeFileSync(testInfo.outputPath('hostile-host.png'), actual);
  // Compare pixel by pixel in a blank page's canvas.
  const blank = await page.context().newPage();
  const diff = await blank.evaluate(async ([a, b]) => {
    const load = (src) => new Promise((resolve, reject) => {
      const image = new Image();
      image.onload = () => resolve(image);
      image.onerror = reject;
      image.src = `data:image/png;base64,${src}`;
    });
    const [x, y] = await Promise.all([load(a), load(b)]);
    if (x.width !== y.width || x.height !== y.height) return { size: [x.width, x.height, y.width, y.height] };
    const pixels = (image) => {
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      return context.getImageData(0, 0, image.width, image.height).data;
    };
    const [p, q] = [pixels(x), pixels(y)];
    // The outer 3 px (the rounded border and its shadow) blend with the
    // host page's own background, so only the inside must be identical.
    const frame = 3;
    let differing = 0;
    const where = [];
    for (let i = 0; i < p.length; i += 4) {
      const n = i / 4;
      const [px, py] = [n % x.width, Math.floor(n / x.width)];
      if (px < frame || py < frame || px >= x.width - frame || py >= x.height - frame) continue;
      if (p[i] !== q[i] || p[i + 1] !== q[i + 1] || p[i + 2] !== q[i + 2]) {
        differing += 1;
        where.push([px, py]);
      }
    }
    return { differing, where: where.slice(0, 10) };
  }, [expected.toString('base64'), actual.toString('base64')]);
  expect(diff.size).toBeUndefined();
  expect(diff).toEqual({ differing: 0, where: [] });
  // The card's CSS does not leak out either.
  expect(await hostile.evaluate(() => document.querySelectorAll('.citecard').length)).toBe(0);
});

test('the JS API: parse, cite and render', async ({ page }) => {
  await hostPage(page, { body: '<div id="mount"></div>' });
  await page.waitForFunction(() => window.citecard);
  const items = await page.evaluate((text) => window.citecard.parse(text), ris);
  expect(items[0].title).toBe('Notes on the analytical engine');
  expect(items[0].author[0]).toEqual({ family: 'Lovelace', given: 'Ada' });
  const apa = await page.evaluate((text) => window.citecard.cite(text, 'apa', 'text'), ris);
  expect(apa).toBe('Lovelace, A. (1843). Notes on the analytical engine. Scientific Memoirs.');
  const html = await page.evaluate((text) => window.citecard.cite(text, 'apa', 'html'), ris);
  expect(html).toContain('<i>Scientific Memoirs</i>');
  await page.evaluate((text) => window.citecard.render(document.querySelector('#mount'), text, { theme: 'dark' }), ris);
  await expect(page.locator('#mount [data-testid=title]')).toHaveText('Notes on the analytical engine');
  await expect(page.locator('#mount article')).toHaveAttribute('data-theme', 'dark');
  const error = await page.evaluate(() => window.citecard.parse('{"broken",').catch((e) => e.message));
  expect(error).toMatch(/line 1, column/);

  // BibTeX through the BibTeX module, cited as citeproc-js cites its items.
  const bib = '@article{lovelace1843,\n  author = {Ada Lovelace},\n  title = {Notes on the analytical engine},\n  journal = {Scientific Memoirs},\n  year = {1843}\n}\n@misc{broken,';
  const fromBib = await page.evaluate((text) => window.citecard.parse(text), bib);
  expect(fromBib.map((item) => item.id)).toEqual(['lovelace1843']);
  expect(fromBib[0].author).toEqual([{ family: 'Lovelace', given: 'Ada' }]);
  expect(await page.evaluate((text) => window.citecard.cite(text, 'ieee'), bib)).toBe(format('ieee', fromBib[0], 'text'));
  const bibError = await page.evaluate(() => window.citecard.parse('@article{x,\n  title = {unclosed').catch((e) => e.message));
  expect(bibError).toMatch(/^line \d+, column \d+: /);
});

test('the playground writes a snippet that renders the same card on another site', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await page.getByTestId('theme-select').selectOption('dark');
  await page.getByTestId('style-select').selectOption('ieee');
  const snippet = await page.getByTestId('snippet').inputValue();
  expect(snippet).toContain('<citation-card style="ieee" theme="dark">');
  await page.getByTestId('snippet-copy').click();
  await expect(page.getByTestId('snippet-status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);

  const host = await context.newPage();
  const [script, ...element] = snippet.trim().split('\n');
  expect(script).toBe('<script type="module" src="https://your.host/citecard/citecard.js"></script>');
  await hostPage(host, { body: element.join('\n') });
  const card = cards(host).first();
  await expect(card.getByTestId('title')).toHaveText(
    'Embedding coproduction in organisational culture and practice: a case study',
  );
  await expect(card).toHaveAttribute('data-theme', 'dark');
  await card.getByTestId('cite-toggle').click();
  await expect(card.getByTestId('cite-style-ieee')).toHaveAttribute('aria-pressed', 'true');
});

test('examples/embed.html renders its three cards from the bundle alone', async ({ page }) => {
  const requests = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto('/examples/embed.html');
  await expect(page.locator('citation-card [data-testid=title]')).toHaveCount(3);
  await expect(page.locator('citation-card [data-testid=title]').nth(1)).toHaveText('Notes on the analytical engine');
  expect(requests.filter((p) => !p.startsWith('/embed/') && p !== '/examples/embed.html' && p !== '/favicon.ico')).toEqual([]);
});
