// Any CSL style at run time, in Chromium: <citation-card csl-src>, the
// dependent styles it resolves, its errors, and the JS API. The expected
// citations are citeproc-js's, computed here from the same official files
// (../shared/csl, read at test time).
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import CSL from 'citeproc';
import { hostOrigin, hostPage, inScript, seedRecord } from './embed.mjs';

const shared = new URL('../../../shared/csl/', import.meta.url);
const read = (path) => readFileSync(new URL(path, shared), 'utf8');

// The seed record as CSL-JSON, as the card hands it to the citation module
// (crates/citecard-core/tests/golden/citations.json holds citecard convert's).
const golden = JSON.parse(
  readFileSync(new URL('../../crates/citecard-core/tests/golden/citations.json', import.meta.url), 'utf8'),
);
const seedItem = golden.entries.find((e) => e.fixture === 'static/records/seed-coproduction.txt').csl;

/** citeproc-js's text for the seed record in `styleXml` (its default locale). */
function citeproc(styleXml) {
  const sys = {
    retrieveLocale: (lang) => read(`locales/locales-${lang}.xml`),
    retrieveItem: () => ({ ...structuredClone(seedItem), id: 'seed' }),
  };
  const engine = new CSL.Engine(sys, styleXml);
  engine.setOutputFormat('text');
  engine.updateItems(['seed']);
  return engine.makeBibliography()[1].join('').trim();
}

/** Serve ../shared/csl at /csl/ on the host page's origin, counting
 * requests; /csl/NAME.csl is styles/NAME.csl, where the CSL styles
 * repository keeps the parents of dependent/ (`../NAME.csl`). */
async function serveCsl(page) {
  const requests = [];
  await page.route(`${hostOrigin}/csl/**`, (route) => {
    let path = new URL(route.request().url()).pathname.slice('/csl/'.length);
    requests.push(path);
    if (!path.includes('/') && path !== 'broken.csl') path = `styles/${path}`;
    if (path === 'broken.csl') {
      return route.fulfill({ status: 200, contentType: 'application/xml', body: '<style xmlns="http://purl.org/net/xbiblio/csl">\n  <bibliography>\n</style>' });
    }
    try {
      return route.fulfill({ status: 200, contentType: 'application/xml', body: read(path) });
    } catch {
      return route.fulfill({ status: 404, body: 'none' });
    }
  });
  return requests;
}

const card = (page, id) => page.locator(`#${id} [data-testid=citation-card]`);

test('csl-src: Cite lists the style by its title, opens on it and shows citeproc-js text; a dependent style brings its parent', async ({ page }) => {
  const requests = await serveCsl(page);
  await hostPage(page, {
    body: `
      <citation-card id="nature" csl-src="/csl/styles/nature.csl"><script type="text/plain">${inScript(seedRecord)}</script></citation-card>
      <citation-card id="again" csl-src="/csl/styles/nature.csl"><script type="text/plain">${inScript(seedRecord)}</script></citation-card>
      <citation-card id="journal" csl-src="/csl/dependent/nature-communications.csl"><script type="text/plain">${inScript(seedRecord)}</script></citation-card>`,
  });
  const expected = citeproc(read('styles/nature.csl'));
  for (const [id, title] of [['nature', 'Nature'], ['journal', 'Nature Communications']]) {
    await card(page, id).getByTestId('cite-toggle').click();
    const custom = card(page, id).getByTestId('cite-style-custom');
    await expect(custom).toHaveText(title);
    await expect(custom).toHaveAttribute('aria-pressed', 'true');
    await expect(card(page, id).locator('[data-testid^=cite-style-]').first()).toHaveAttribute('data-testid', 'cite-style-custom');
    await expect(card(page, id).getByTestId('cite-preview')).toHaveText(expected);
    // The built-in styles are still there, after it.
    await card(page, id).getByTestId('cite-style-apa').click();
    await expect(card(page, id).getByTestId('cite-preview')).toHaveText(golden.entries[0].apa.text);
  }
  // Each file was fetched once for the page, though two cards use
  // nature.csl; the dependent style's parent came from beside its folder.
  expect(requests.filter((p) => p === 'styles/nature.csl')).toHaveLength(1);
  expect(requests.filter((p) => p === 'dependent/nature-communications.csl')).toHaveLength(1);
  expect(requests.filter((p) => p === 'nature.csl')).toHaveLength(1);
});

test('csl-src that is not CSL, or not there, gives an error card saying where', async ({ page }) => {
  await serveCsl(page);
  await hostPage(page, {
    body: `
      <citation-card id="broken" csl-src="/csl/broken.csl"><script type="text/plain">${inScript(seedRecord)}</script></citation-card>
      <citation-card id="missing" csl-src="/csl/styles/no-such-style.csl"><script type="text/plain">${inScript(seedRecord)}</script></citation-card>`,
  });
  await expect(page.locator('#broken [data-testid=error-message]')).toContainText('/csl/broken.csl: the CSL style: line 3, column 1');
  await expect(page.locator('#missing [data-testid=error-message]')).toContainText('HTTP 404');
});

test('the JS API cites in any CSL style and a locale given as text, and names the style', async ({ page }) => {
  await hostPage(page, { body: '' });
  const apa = read('styles/apa.csl');
  const nature = read('styles/nature.csl');
  const deDe = read('locales/locales-de-DE.xml');
  const result = await page.evaluate(
    async ({ record, apa, nature, deDe }) => {
      const { cite, styleInfo } = window.citecard;
      const started = performance.now();
      const info = await styleInfo({ csl: apa });
      return {
        info,
        firstCompileMs: performance.now() - started,
        nature: await cite(record, { csl: nature }),
        german: await cite(record, { csl: nature, locale: deDe }),
        html: await cite(record, { csl: nature }, 'html'),
        bad: await cite(record, { csl: '<nope/>' }).catch((e) => e.message),
      };
    },
    { record: seedRecord, apa, nature, deDe },
  );
  // The title the file's <info> gives.
  expect(result.info.title).toBe(/<title>([^<]*)<\/title>/.exec(apa)[1]);
  expect(result.info.lang).toBe('en-US');
  expect(result.nature).toBe(citeproc(nature));
  // de-DE, given as a file: its terms and quotes (citeproc-js with the
  // same locale forced is the reference).
  const sys = {
    retrieveLocale: (lang) => read(`locales/locales-${lang}.xml`),
    retrieveItem: () => ({ ...structuredClone(seedItem), id: 'seed' }),
  };
  const engine = new CSL.Engine(sys, nature, 'de-DE', true);
  engine.setOutputFormat('text');
  engine.updateItems(['seed']);
  expect(result.german).toBe(engine.makeBibliography()[1].join('').trim());
  expect(result.html).toContain('<i>Leadership in Health Services</i>');
  expect(result.bad).toContain('not a CSL style');
});

test('<citation-list csl-src>: every entry opened offers the style first, with citeproc-js text', async ({ page }) => {
  const requests = await serveCsl(page);
  await hostPage(page, {
    body: `<citation-list csl-src="/csl/styles/nature.csl"><script type="text/plain">${inScript(seedRecord)}</script></citation-list>`,
  });
  const list = page.locator('citation-list');
  const entry = list.getByTestId('entry').first();
  await entry.getByTestId('entry-toggle').click();
  await entry.getByTestId('cite-toggle').click();
  const custom = entry.getByTestId('cite-style-custom');
  await expect(custom).toHaveText('Nature');
  await expect(custom).toHaveAttribute('aria-pressed', 'true');
  await expect(entry.getByTestId('cite-preview')).toHaveText(citeproc(read('styles/nature.csl')));
  // The attribute is observed: another style replaces it.
  await page.evaluate(() => document.querySelector('citation-list').setAttribute('csl-src', '/csl/styles/cell.csl'));
  // The open entry and its panel stay open, and the button names the new style.
  await expect(entry.getByTestId('cite-style-custom')).toHaveText('Cell');
  await entry.getByTestId('cite-style-custom').click();
  await expect(entry.getByTestId('cite-preview')).toHaveText(citeproc(read('styles/cell.csl')));
  expect(requests.filter((p) => p === 'styles/nature.csl')).toHaveLength(1);
});
