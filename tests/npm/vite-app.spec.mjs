// The Vite example (examples/vite), built by `vite build` from the packed
// tarball installed in node_modules: the card and the list render and cite
// from the files Vite copied and renamed, and nothing comes from elsewhere.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from '../oracle/citeproc.mjs';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a card and a list render and cite from the bundled app', async ({ page, baseURL }) => {
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');

  const card = page.locator('citation-card#card');
  await expect(card.getByTestId('title')).toHaveText('Literate Programming');
  // src/main.ts set the typed property.
  await expect(card.locator('[part~=card]')).toHaveAttribute('data-variant', 'compact');

  // The JS API, typed in src/main.ts: the record read and cited in APA as
  // citeproc-js cites the item citecard read.
  const apa = page.locator('#apa');
  await expect(apa).toHaveAttribute('data-items', '1');
  const items = await page.evaluate(async (text) => window.citecard.parse(text), await card.locator('script').textContent());
  await expect(apa).toHaveText(format('apa', items[0], 'text'));

  // Cite opens on `cite-style="ieee"`: the lazily loaded citation module.
  await card.getByTestId('cite-toggle').click();
  await expect(card.getByTestId('cite-preview')).toHaveText(format('ieee', items[0], 'text'));

  // The list, from public/pubs.ris, read by the lazily loaded reader module.
  const list = page.locator('citation-list');
  await expect(list.getByTestId('entry-title')).toHaveText([
    'Literate Programming',
    'The TeXbook',
    'Breaking paragraphs into lines',
  ]);
  await expect(list.getByTestId('list-count')).toContainText('3');

  // Every file came from the app's own origin, hashed by Vite (the wasm and
  // the lazy modules among them); none was left behind.
  const own = new URL(baseURL).origin;
  expect(requests.filter((url) => new URL(url).origin !== own)).toEqual([]);
  const assets = requests.map((url) => new URL(url).pathname).filter((path) => path.startsWith('/assets/'));
  // A page with a list loads the build with lists, for its card too.
  const wasm = (name) => assets.some((path) => new RegExp(`^/assets/${name}_bg-[\\w-]+\\.wasm$`).test(path));
  expect(wasm('citecard-list'), 'the list build').toBe(true);
  expect(wasm('citecard-cite'), 'the citation module').toBe(true);
  expect(wasm('citecard-bibtex'), 'the BibTeX module').toBe(true);
  expect(wasm('citecard-readers'), 'the reader module (RIS)').toBe(true);
  expect(wasm('citecard-embed'), 'the card-only build').toBe(false);
  expect(assets.some((path) => /^\/assets\/citecard-[\w-]+\.css$/.test(path)), 'citecard.css').toBe(true);
  expect(errors).toEqual([]);
});

// custom-elements.json, as installed, describes the elements that run: the
// attributes they observe, the parts they render, the custom properties
// their stylesheets read.
test('the installed manifest names what the elements do', async ({ page }) => {
  const installed = join(process.env.CITECARD_APP_DIST, '../node_modules/citecard');
  const manifest = JSON.parse(readFileSync(join(installed, 'custom-elements.json'), 'utf8'));
  const declaration = (tag) => manifest.modules[0].declarations.find((d) => d.tagName === tag);
  await page.goto('/');
  const card = page.locator('citation-card#card');
  await expect(card.getByTestId('title')).toHaveText('Literate Programming');
  await card.getByTestId('cite-toggle').click();
  await expect(page.locator('citation-list').getByTestId('entry-title')).toHaveCount(3);

  const observed = await page.evaluate(() => ({
    card: customElements.get('citation-card').observedAttributes,
    list: customElements.get('citation-list').observedAttributes,
    parts: [...document.querySelectorAll('citation-card, citation-list')].map((host) => [
      host.localName,
      [...host.shadowRoot.querySelectorAll('[part]')].flatMap((el) => el.getAttribute('part').split(/\s+/)),
    ]),
  }));
  // `loading` is read once, on connection, rather than observed.
  expect([...observed.card, 'loading'].sort()).toEqual(declaration('citation-card').attributes.map((a) => a.name).sort());
  expect([...observed.list].sort()).toEqual(declaration('citation-list').attributes.map((a) => a.name).sort());
  for (const [tag, parts] of observed.parts) {
    const declared = declaration(tag).cssParts.map((p) => p.name);
    expect(parts.filter((part) => !declared.includes(part)), `<${tag}>'s undeclared parts`).toEqual([]);
  }

  for (const [tag, sheets] of [['citation-card', ['citecard.css']], ['citation-list', ['citecard.css', 'citecard-list.css']]]) {
    const read = new Set(sheets.flatMap((sheet) => [...readFileSync(join(installed, sheet), 'utf8').matchAll(/var\((--citecard-[\w-]+)/g)].map((m) => m[1])));
    expect([...read].sort()).toEqual(declaration(tag).cssProperties.map((p) => p.name).sort());
  }
});

// `vite dev` serves the package from node_modules, with citecard kept out
// of dependency pre-bundling (vite.config.ts), which would move the module
// away from its wasm and stylesheets.
test('vite dev renders and cites too', async ({ page }) => {
  const failures = [];
  page.on('pageerror', (error) => failures.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });
  await page.goto('http://127.0.0.1:4193/');
  const card = page.locator('citation-card#card');
  await expect(card.getByTestId('title')).toHaveText('Literate Programming');
  const items = await page.evaluate(async (text) => window.citecard.parse(text), await card.locator('script').textContent());
  await card.getByTestId('cite-toggle').click();
  await expect(card.getByTestId('cite-preview')).toHaveText(format('ieee', items[0], 'text'));
  await expect(page.locator('citation-list').getByTestId('entry-title')).toHaveCount(3);
  expect(failures).toEqual([]);
});
