import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Playground } from './playground.mjs';

// citeproc-js's output for the reference record (tests/oracle/generate.mjs).
const golden = JSON.parse(
  readFileSync(new URL('../../crates/citecard-core/tests/golden/citations.json', import.meta.url), 'utf8'),
);
const seed = golden.entries.find((e) => e.fixture === 'static/records/seed-coproduction.txt');

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('the cite panel loads the citation module on demand, previews every style and copies it', async ({ page }) => {
  const loaded = [];
  page.on('request', (request) => loaded.push(new URL(request.url()).pathname));
  const playground = new Playground(page);
  await playground.open();
  const card = playground.card;
  // The first card does not fetch the citation module.
  expect(loaded.filter((p) => p.includes('citecard-cite'))).toEqual([]);

  const toggle = card.getByTestId('cite-toggle');
  await expect(card.getByTestId('cite')).toHaveJSProperty('open', false);
  await toggle.click();
  await expect(card.getByTestId('cite')).toHaveJSProperty('open', true);
  const preview = card.getByTestId('cite-preview');
  await expect(preview).toHaveText(seed.apa.text);
  await expect(preview.locator('em')).toHaveText('Leadership in Health Services');

  for (const style of ['mla', 'chicago', 'harvard', 'ieee', 'vancouver', 'apa']) {
    await card.getByTestId(`cite-style-${style}`).click();
    await expect(card.getByTestId(`cite-style-${style}`)).toHaveAttribute('aria-pressed', 'true');
    await expect(preview).toHaveText(seed[style].text);
  }

  await card.getByTestId('cite-copy').click();
  await expect(card.getByTestId('cite-status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(seed.apa.text);

  // Each export is one click away, and downloads at once.
  const exported = async (id) => {
    const [file] = await Promise.all([page.waitForEvent('download'), card.getByTestId(`export-${id}`).click()]);
    return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
  };
  const bibtex = await exported('bibtex');
  expect(bibtex.name).toBe('repper2022embedding.bib');
  expect(bibtex.text).toContain('@article{repper2022embedding,');
  expect((await exported('ris')).text).toContain('TY  - JOUR');
  const json = await exported('csl-json');
  expect(json.name).toBe('repper2022embedding.json');
  expect(JSON.parse(json.text)[0].DOI).toBe('10.1108/LHS-04-2022-0039');
  await page.screenshot({ path: test.info().outputPath('cite-panel.png'), fullPage: true });
});
