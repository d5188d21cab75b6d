// Hostile input: every XSS vector in every text and link field, in every
// input format, rendered through the embed in real Chromium.
import { test, expect } from '@playwright/test';
import { hostPage } from './embed.mjs';
import { audit, trapDialogs } from './audit.mjs';
import { formats, record, vectors } from '../xss/records.mjs';

const attribute = (text) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

for (const format of formats) {
  test(`no XSS vector runs or leaves markup, in ${format}`, async ({ page }) => {
    // 62 cards, each with every fold and its Cite panel (eight styles)
    // opened: about 80 s on the two-core CI machines, so room above that.
    test.setTimeout(150_000);
    await page.addInitScript(trapDialogs);
    const body = vectors
      .map((v, i) => `<citation-card id="v${i}" record="${attribute(record(format, v))}" lang="en"></citation-card>`)
      .join('\n');
    await hostPage(page, { body });
    // Every element renders a card or a located error card.
    await expect(page.locator('citation-card article:not([data-testid=card-skeleton])')).toHaveCount(vectors.length, { timeout: 60_000 });
    // Interact the way a reader would: hover and focus everything, open the
    // legend, expand every toggle.
    for (const selector of ['[data-testid=authors-toggle]', '[data-testid=abstract-toggle]', 'summary']) {
      for (const el of await page.locator(`citation-card ${selector}`).all()) await el.click();
    }
    for (const el of (await page.locator('citation-card a, citation-card button').all()).slice(0, 200)) {
      await el.hover({ trial: false }).catch(() => {});
    }
    expect(await audit(page)).toEqual([]);

    // The HTML citations the card copies are as clean.
    const cited = await page.evaluate(async (texts) => {
      const problems = [];
      for (const text of texts) {
        for (const style of ['apa', 'mla', 'chicago', 'harvard', 'ieee', 'vancouver']) {
          let html;
          try {
            html = await window.citecard.cite(text, style, 'html');
          } catch {
            continue; // an unreadable record is an error, not a citation
          }
          const doc = new DOMParser().parseFromString(html, 'text/html');
          for (const el of doc.body.querySelectorAll('*')) {
            // citeproc-js's own markup: a title's italics, bold, sub- and
            // superscripts, and italics turned upright inside italics.
            if (!['div', 'i', 'b', 'span', 'sup', 'sub'].includes(el.localName)) problems.push(`${style}: <${el.localName}>`);
            for (const attr of el.attributes) {
              const upright = attr.name === 'style' && ['font-style:normal;', 'font-weight:normal;'].includes(attr.value);
              if (attr.name !== 'class' && !upright) problems.push(`${style}: [${attr.name}=${attr.value}]`);
            }
          }
        }
      }
      return problems;
    }, vectors.map((v) => record(format, v)));
    expect(cited).toEqual([]);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.xssed)).toBeUndefined();
  });
}

test('the audit itself finds scripts, handlers, styles and bad links', async ({ page }) => {
  await hostPage(page, { body: '<citation-card record="TY  - JOUR&#10;TI  - Fine&#10;ER  - &#10;"></citation-card>' });
  await expect(page.locator('citation-card [data-testid=title]')).toHaveText('Fine');
  await page.evaluate(() => {
    const root = document.querySelector('citation-card').shadowRoot;
    root.querySelector('article').insertAdjacentHTML(
      'beforeend',
      '<img src=x onerror="1"><p style="x"></p><a href="javascript:void 0">x</a><a href="https://e.org">y</a>',
    );
  });
  expect((await audit(page)).sort()).toEqual(
    ['<img>', 'a[href=javascript:void 0]', 'a[href=javascript:void 0]', 'a[rel=null]', 'a[rel=null]', 'img[onerror]', 'p[style]'].sort(),
  );
});

// Records from elsewhere (CITECARD_HOSTILE_DIR=/path/to/records): every file,
// in any format citecard reads, through the same audit.
const hostileDir = process.env.CITECARD_HOSTILE_DIR;
if (hostileDir) {
  const { readdirSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const files = readdirSync(hostileDir).filter((name) => !name.startsWith('.'));
  test(`records in ${hostileDir} (${files.length} files) leave no trace`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.addInitScript(trapDialogs);
    await hostPage(page, { body: '' });
    await page.evaluate((texts) => {
      texts.forEach((text) => {
        const card = document.createElement('citation-card');
        card.setAttribute('record', text);
        document.body.append(card);
      });
    }, files.map((name) => readFileSync(join(hostileDir, name), 'utf8')));
    await expect(page.locator('citation-card article:not([data-testid=card-skeleton])').first()).toBeVisible({ timeout: 60_000 });
    await expect.poll(() => page.locator('citation-card [data-testid=card-skeleton]').count(), { timeout: 60_000 }).toBe(0);
    for (const selector of ['[data-testid=authors-toggle]', '[data-testid=abstract-toggle]', '[data-testid=cite-toggle]', 'summary']) {
      for (const el of await page.locator(`citation-card ${selector}`).all()) await el.click();
    }
    await page.waitForTimeout(500);
    expect(await audit(page)).toEqual([]);
    expect(await page.evaluate(() => window.xssed)).toBeUndefined();
  });
}

// A list of every vector at once, in each format: its rows (with the search
// marking what it finds), its notes, and a card opened from it.
/** Every vector's record in one input of `format`, as its exports hold many. */
function many(format) {
  const each = vectors.map((v) => record(format, v));
  switch (format) {
    case 'csl-json': return JSON.stringify(each.flatMap((text) => JSON.parse(text)));
    case 'crossref': return JSON.stringify({ status: 'ok', 'message-type': 'work-list', message: { items: each.map((text) => JSON.parse(text).message) } });
    case 'semantic-scholar': return JSON.stringify({ data: each.map((text) => JSON.parse(text)) });
    case 'booksci': return each.join('\n'); // a JSON object a line
    default: return each.join('\n\n');
  }
}

for (const format of formats) {
  test(`no XSS vector runs or leaves markup in a publication list, in ${format}`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.addInitScript(trapDialogs);
    await hostPage(page, { body: `<citation-list lang="en" page-size="1000" highlight="&lt;img src=x onerror=alert(1)&gt;" record="${attribute(many(format))}"></citation-list>` });
    const list = page.locator('citation-list');
    await expect(list.locator('[data-testid=publication-list]:not([aria-busy])')).toBeVisible({ timeout: 60_000 });
    expect(await list.getByTestId('entry').count()).toBeGreaterThan(vectors.length / 2);
    await list.getByTestId('list-search').fill('script');
    await list.getByTestId('list-search').fill('');
    for (const summary of await list.locator('summary').all()) await summary.click();
    await list.getByTestId('entry-toggle').first().click();
    expect(await audit(page)).toEqual([]);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.xssed)).toBeUndefined();
  });
}
