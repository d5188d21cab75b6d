import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { Playground } from './playground.mjs';

const fixture = (path) =>
  readFile(new URL(`../../crates/citecard-core/tests/fixtures/${path}`, import.meta.url), 'utf8');

test('a pasted RIS record is detected and shown', async ({ page }) => {
  const playground = new Playground(page);
  await playground.open();
  await playground.paste(await fixture('valid/ris/citation-js journal article with a doi prefix.ris'));

  const card = playground.card;
  await expect(card.getByTestId('title')).toHaveText(/^The introduction of ‘No jab, No school’ policy/);
  await expect(card.getByTestId('authors')).toHaveText('Filippo Trentini, Piero Poletti, Alessia Melegaro, Stefano Merler');
  // "DO  - doi: 10.1186/…": the prefix is dropped and the resolver link built.
  await expect(card.getByTestId('doi-link')).toHaveAttribute('href', 'https://doi.org/10.1186/s12916-019-1318-5');
});

test('a pasted Crossref work shows its JATS abstract as labelled sections', async ({ page }) => {
  const playground = new Playground(page);
  await playground.open();
  await playground.paste(await fixture('valid/crossref/crossref work envelope with a JATS abstract.json'));

  const abstract = playground.card.getByTestId('abstract');
  await expect(abstract.locator('strong.citecard-label')).toHaveText(['Purpose:', 'Findings:']);
  await expect(abstract.locator('em')).toHaveText('coproduction');
  await expect(abstract.locator('sub')).toHaveText('2');
});

test('a CSL-JSON array renders one card per item', async ({ page }) => {
  const playground = new Playground(page);
  await playground.open();
  await playground.paste(await fixture('valid/csl-json/csl-json array of six item types.json'));

  await expect(playground.cards).toHaveCount(6);
  await expect(playground.cards.nth(2).getByTestId('title')).toHaveText('A Thesis');
});

test('choosing a format overrides detection', async ({ page }) => {
  const playground = new Playground(page);
  await playground.open();
  await page.getByTestId('format-select').selectOption('ris');

  // The BookSci record read as RIS has no TY line: a located error, no card.
  await expect(page.getByTestId('error-card')).toBeVisible();
  await expect(page.getByTestId('error-message')).toContainText('no record found');
  await expect(page.getByTestId('error-location')).toHaveText('Line 1, column 1');
  await expect(playground.cards).toHaveCount(0);
});

test('a pasted BibTeX entry is read by the BibTeX module, and a bad entry is located', async ({ page }) => {
  const playground = new Playground(page);
  await playground.open();
  await playground.paste('@article{lamport1978,\n  author = {Lamport, Leslie},\n  title = {Time, clocks, and the ordering of events in a distributed system},\n  journal = {Communications of the ACM},\n  volume = {21}, number = {7}, pages = {558--565}, year = {1978}\n}\n@article{broken,\n  title = {No end\n');
  await expect(playground.cards).toHaveCount(1);
  await expect(playground.card.getByTestId('title')).toHaveText('Time, clocks, and the ordering of events in a distributed system');
  await expect(playground.card.getByTestId('authors')).toHaveText('Leslie Lamport');
  await expect(page.getByTestId('error-card')).toHaveCount(1);
  // The error points at the brace left open, and the editor marks its line.
  await expect(page.getByTestId('error-location')).toHaveText('Line 8, column 11');
  await expect(page.getByTestId('error-line')).toHaveCount(1);
  await expect(page.getByTestId('error-line')).toHaveText('  title = {No end\u200b');
  const [mark, area] = await Promise.all([page.getByTestId('error-line').boundingBox(), page.getByTestId('record-input').boundingBox()]);
  expect(mark.y).toBeGreaterThan(area.y);
  expect(mark.y).toBeLessThan(area.y + area.height);
});
