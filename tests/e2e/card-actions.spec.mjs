// One spec per reader action on the card.
import { test, expect } from '@playwright/test';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { Playground } from './playground.mjs';

const require = createRequire(import.meta.url);
const golden = JSON.parse(
  readFileSync(new URL('../../crates/citecard-core/tests/golden/citations.json', import.meta.url), 'utf8'),
);
const seed = golden.entries.find((e) => e.fixture === 'static/records/seed-coproduction.txt');
const bilingual =
  '{"title":"A study of reading","TitleCN":"阅读研究","abstract":"An English abstract.","AbstractTextCN":"中文摘要。","authors":"Li Lei","JCR":"Q2"}';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('copying APA puts exactly the citeproc-js text, and its HTML, on the clipboard', async ({ page }) => {
  const playground = new Playground(page);
  await playground.open();
  const card = playground.card;
  await card.getByTestId('cite-toggle').click();
  await expect(card.getByTestId('cite-preview')).toHaveText(seed.apa.text);
  await card.getByTestId('cite-copy').click();
  await expect(card.getByTestId('cite-status')).toHaveText('Copied');
  const clipboard = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const text = await (await item.getType('text/plain')).text();
    const html = await (await item.getType('text/html')).text();
    return { types: item.types, text, html };
  });
  expect(clipboard.text).toBe(seed.apa.text);
  expect(clipboard.html).toContain('<i>Leadership in Health Services</i>');
});

test('the downloaded .bib parses (citation.js) and holds the record, its abstract only when asked', async ({ page }) => {
  const playground = new Playground(page);
  await playground.open();
  const card = playground.card;
  await card.getByTestId('cite-toggle').click();
  const download = async () => {
    const [file] = await Promise.all([page.waitForEvent('download'), card.getByTestId('export-bibtex').click()]);
    return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
  };
  const plain = await download();
  expect(plain.name).toBe('repper2022embedding.bib');
  const { Cite } = require('@citation-js/core');
  require('@citation-js/plugin-bibtex');
  const [item] = new Cite(plain.text).data;
  expect(item.title).toBe('Embedding coproduction in organisational culture and practice: a case study');
  expect(item.DOI).toBe('10.1108/LHS-04-2022-0039');
  expect(item.author.map((a) => a.family)).toEqual(['Repper', 'Eve']);
  expect(item.abstract).toBeUndefined();
  await card.getByTestId('include-abstract').check();
  const [withAbstract] = new Cite((await download()).text).data;
  expect(withAbstract.abstract).toContain('coproduction');
});

test('the chosen style is remembered', async ({ page }) => {
  const playground = new Playground(page);
  await playground.open();
  await playground.card.getByTestId('cite-toggle').click();
  await playground.card.getByTestId('cite-style-ieee').click();
  await expect(playground.card.getByTestId('cite-preview')).toHaveText(seed.ieee.text);
  await page.reload();
  await expect(playground.card).toBeVisible();
  await playground.card.getByTestId('cite-toggle').click();
  await expect(playground.card.getByTestId('cite-style-ieee')).toHaveAttribute('aria-pressed', 'true');
  await expect(playground.card.getByTestId('cite-preview')).toHaveText(seed.ieee.text);
});

test('the language switch shows the Chinese title and abstract, and the interface follows lang', async ({ page }) => {
  const playground = new Playground(page);
  await playground.open();
  await playground.paste(bilingual);
  const card = playground.card;
  await expect(card.getByTestId('title')).toHaveText('A study of reading');
  await card.getByTestId('lang-zh').click();
  await expect(card.getByTestId('title')).toHaveText('阅读研究');
  await expect(card.getByTestId('abstract-body')).toHaveText('中文摘要。');
  await expect(card.getByTestId('lang-zh')).toHaveAttribute('aria-pressed', 'true');
  await card.getByTestId('lang-en').click();
  await expect(card.getByTestId('title')).toHaveText('A study of reading');
  // Interface strings follow the lang option.
  await page.getByTestId('lang-select').selectOption('zh-CN');
  await expect(card.getByTestId('cite-toggle')).toHaveText('引用');
  await expect(card).toHaveAttribute('lang', 'zh-CN');
});

test("in 中文 the Cite panel offers GB/T 7714 first and previews citeproc-js's GB/T text", async ({ page }) => {
  const playground = new Playground(page);
  await playground.open();
  await page.getByTestId('lang-select').selectOption('zh-CN');
  const card = playground.card;
  await card.getByTestId('cite-toggle').click();
  const styles = card.locator('[data-testid^=cite-style-]');
  await expect(styles.first()).toHaveAttribute('data-testid', 'cite-style-gb-t-7714-numeric');
  await expect(styles.nth(1)).toHaveAttribute('data-testid', 'cite-style-gb-t-7714-author-date');
  // Named as GB/T 7714-2015 itself names its two systems.
  await expect(styles.first()).toHaveText('GB/T 7714（顺序编码制）');
  await expect(styles.nth(1)).toHaveText('GB/T 7714（著者-出版年制）');
  await expect(card.getByTestId('cite-style-gb-t-7714-numeric')).toHaveAttribute('aria-pressed', 'true');
  await expect(card.getByTestId('cite-preview')).toHaveText(seed['gb-t-7714-numeric'].text);
  await card.getByTestId('cite-style-gb-t-7714-author-date').click();
  await expect(card.getByTestId('cite-preview')).toHaveText(seed['gb-t-7714-author-date'].text);
});

test('expanding the abstract shows all of it', async ({ page }) => {
  const playground = new Playground(page);
  await playground.open();
  const card = playground.card;
  const body = card.getByTestId('abstract-body');
  const toggle = card.getByTestId('abstract-toggle');
  const collapsed = (await body.boundingBox()).height;
  // A <details> fold: its summary is the toggle, and the state is `open`.
  await expect(toggle.locator('xpath=..')).toHaveJSProperty('open', false);
  await expect(toggle).toHaveText('Show more', { useInnerText: true });
  await toggle.click();
  await expect(toggle.locator('xpath=..')).toHaveJSProperty('open', true);
  await expect(toggle).toHaveText('Show less', { useInnerText: true });
  expect((await body.boundingBox()).height).toBeGreaterThan(collapsed * 2);
  await toggle.click();
  await expect(toggle).toHaveText('Show more', { useInnerText: true });
});

test('a keyboard-only reader can open Cite, choose a style and copy it', async ({ page }) => {
  const playground = new Playground(page);
  await playground.open();
  const card = playground.card;
  await card.getByTestId('title-link').focus();
  // Tab through the card to the Cite button, with a visible focus ring on the way.
  for (let i = 0; i < 12; i++) {
    const id = await page.evaluate(() => document.activeElement?.dataset.testid);
    if (id === 'cite-toggle') break;
    await page.keyboard.press('Tab');
  }
  await expect(card.getByTestId('cite-toggle')).toBeFocused();
  const outline = await card.getByTestId('cite-toggle').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
  await page.keyboard.press('Enter');
  await expect(card.getByTestId('cite')).toHaveJSProperty('open', true);
  // The styles are one tab stop each: APA, then MLA.
  await page.keyboard.press('Tab');
  await expect(card.getByTestId('cite-style-apa')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(card.getByTestId('cite-style-mla')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(card.getByTestId('cite-preview')).toHaveText(seed.mla.text);
  for (let i = 0; i < 10; i++) {
    if ((await page.evaluate(() => document.activeElement?.dataset.testid)) === 'cite-copy') break;
    await page.keyboard.press('Tab');
  }
  await expect(card.getByTestId('cite-copy')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(card.getByTestId('cite-status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(seed.mla.text);
  // Escape closes the panel and gives focus back to Cite.
  await page.keyboard.press('Escape');
  await expect(card.getByTestId('cite')).toHaveJSProperty('open', false);
  await expect(card.getByTestId('cite-toggle')).toBeFocused();
});
