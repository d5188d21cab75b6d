// Malformed and oversized input in the card: located errors, bounded work,
// and one bad card never takes the others down.
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { hostPage, mountPage, renderInMount } from './embed.mjs';

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
  await mountPage(page);
  await renderInMount(page, `TY  - JOUR\nTI  - Huge\n${'AB  - x\n'.repeat(1_400_000)}ER  - \n`);
  await expect(page.locator('#mount [data-testid=error-message]')).toContainText('10 MB');
  await expect(page.locator('#mount [data-testid=error-location]')).toHaveText('Line 1, column 1');
});

test('10,000 authors: the card lists 3, then at most 100 expanded, and says how many more the exports have', async ({ page }) => {
  const names = Array.from({ length: 10_000 }, (_, i) => `AU  - Author${i}, Ann`).join('\n');
  const ris = `TY  - JOUR\nTI  - Many hands\n${names}\nER  - \n`;
  await mountPage(page);
  await renderInMount(page, ris);
  const authors = page.locator('#mount [data-testid=authors]');
  await expect(authors).toHaveText('Ann Author0, Ann Author1, Ann Author2', { useInnerText: true });
  const toggle = page.locator('#mount [data-testid=authors-toggle]');
  await expect(toggle).toHaveText('+ 9997 more', { useInnerText: true });
  await toggle.click();
  await expect(toggle).toHaveText('Show fewer', { useInnerText: true });
  const expanded = await authors.evaluate((el) => el.innerText);
  const listed = expanded.split(', … ')[0].split(', ');
  expect(listed).toHaveLength(100);
  expect(listed.at(-1)).toBe('Ann Author99');
  expect(expanded).toMatch(/, … and 9900 more, listed in the exports$/);
  // The record keeps all of them.
  const [item] = await page.evaluate((text) => window.citecard.parse(text), ris);
  expect(item.author).toHaveLength(10_000);
});

test('a long abstract shows about 20,000 characters and says it is shortened; the record keeps it whole', async ({ page }) => {
  // 36,000 characters of text in 50 KB of HTML: over the card's cap, within
  // the 64 KB field limit.
  const words = 'lorem <b>ipsum</b> dolor '.repeat(2_000);
  const record = JSON.stringify({ title: 'Long', JCR: 'Q1', abstract: `<p><strong>Aim:</strong> ${words}</p>` });
  await mountPage(page);
  await renderInMount(page, record);
  const body = page.locator('#mount [data-testid=abstract-body]');
  await expect(body).toContainText('Aim: lorem ipsum dolor');
  const note = page.locator('#mount [data-testid=abstract-shortened]');
  await expect(note).toBeHidden(); // collapsed: the fade says there is more
  await page.locator('#mount [data-testid=abstract-toggle]').click();
  await expect(note).toBeVisible();
  await expect(note).toHaveText('Shortened here: the exports under Cite have the whole abstract.');
  const shown = (await body.textContent()).replace(/^Aim: /, '');
  expect(shown.length).toBeLessThanOrEqual(20_001);
  expect(shown.length).toBeGreaterThan(19_950);
  expect(shown.endsWith('…')).toBe(true);
  expect(words.replaceAll(/<\/?b>/g, '').startsWith(shown.slice(0, -1))).toBe(true);
  const [item] = await page.evaluate((text) => window.citecard.parse(text), record);
  expect(item.abstract.replaceAll(/<[^>]+>/g, '').length).toBeGreaterThan(36_000);
});

test('a count beyond JavaScript\'s safe integers reaches the citation module and the export exactly', async ({ page }) => {
  // 2^64 - 1 citations: more than a JS number holds exactly. The card hands
  // the reference to its citation module as bytes, not as a JS object, and
  // the export writes the digits the record has (RFC 8259 leaves a number's
  // range to the reader).
  const record = '{"title": "Counted", "authors": "Ada Lovelace", "publicationDate": "1843", "citationCount": 18446744073709551615}';
  await mountPage(page);
  await renderInMount(page, record, { lang: 'en' });
  await page.locator('#mount [data-testid=cite-toggle]').click();
  await expect(page.locator('#mount [data-testid=cite-preview]')).toContainText('Lovelace, A. (1843). Counted.');
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator('#mount [data-testid=export-csl-json]').click()]);
  const text = readFileSync(await file.path(), 'utf8');
  expect(text).toMatch(/"citation-count": 18446744073709551615\b/);
});
