// Cards rendered ahead of time by `citecard render`: read with JavaScript
// off, hydrated in place by citecard.js, and as safe as the live card
// (prerender.mjs builds and runs the CLI and serves the pages).
import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bundle, hostOrigin, seedRecord } from './embed.mjs';
import { buildCli, buildSite, live, render, root, serve, servePage } from './prerender.mjs';
import { auditPage, trapDialogs } from './audit.mjs';
import { formats, record, vectors } from '../xss/records.mjs';

const golden = JSON.parse(readFileSync(join(root, 'crates/citecard-core/tests/golden/citations.json'), 'utf8'));
const seed = golden.entries.find((e) => e.fixture === 'static/records/seed-coproduction.txt');
const bilingual = JSON.stringify({
  title: 'A study of reading', TitleCN: '阅读研究', abstract: 'An English abstract.', AbstractTextCN: '中文摘要。',
  authors: 'Li Lei, Han Meimei, Wang Fang, Zhao Lei, Sun Li', doi: '10.1000/reading', JCR: 'Q2',
});

test.beforeAll(buildCli);

const card = (page, i = 0) => page.locator('citation-card').nth(i).locator('[data-testid=citation-card]');

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the example site shows every card, whole, with its metadata', async ({ page }) => {
    const out = buildSite();
    await serve(page, out);
    const pages = readdirSync(join(out, 'papers')).filter((f) => f.endsWith('.html') && f !== 'index.html');
    expect(pages).toHaveLength(6);
    for (const file of pages) {
      await page.goto(`${hostOrigin}/site/papers/${file}`);
      const key = file.replace(/\.html$/, '');
      await expect(card(page)).toBeVisible();
      const title = (await card(page).getByTestId('title').textContent()).trim();
      // Google Scholar's tags: one article per page, its title the card's.
      await expect(page.locator('meta[name=citation_title]')).toHaveAttribute('content', title);
      expect(await page.locator('meta[name=citation_author]').count()).toBeGreaterThan(0);
      // JSON-LD that parses, naming the same work; a COinS span for it.
      const ld = JSON.parse(await page.locator('citation-card > script[type="application/ld+json"]').textContent());
      expect(ld['@context']).toBe('https://schema.org');
      expect(ld.name).toBe(title);
      const coins = new URLSearchParams(await page.locator('citation-card > span.Z3988').getAttribute('title'));
      expect(coins.get('ctx_ver')).toBe('Z39.88-2004');
      expect(coins.get('rft.atitle') ?? coins.get('rft.btitle')).toBe(title);
      // Cite: the built-in styles as text, and the record's files beside the page.
      await card(page).getByTestId('cite-toggle').click();
      await expect(card(page).locator('[data-testid=static-citations] dd')).toHaveCount(8);
      await expect(card(page).locator('[data-testid=static-citations] dt')).toHaveText([
        'APA', 'MLA', 'Chicago', 'Harvard', 'IEEE', 'Vancouver', 'GB/T 7714 (numeric)', 'GB/T 7714 (author-date)',
      ]);
      for (const [ext, start] of [['bib', '@'], ['ris', 'TY  - ']]) {
        await expect(card(page).locator(`a[href="${key}.${ext}"]`)).toBeVisible();
        expect(readFileSync(join(out, 'papers', `${key}.${ext}`), 'utf8').startsWith(start)).toBe(true);
      }
      expect(JSON.parse(readFileSync(join(out, 'papers', `${key}.json`), 'utf8'))[0].title).toBeTruthy();
      expect(await auditPage(page)).toEqual([]);
    }
    // The index lists them all; the home page holds the featured fragment.
    await page.goto(`${hostOrigin}/site/papers/index.html`);
    await expect(page.locator('citation-card [data-testid=citation-card]')).toHaveCount(6);
    expect(await page.locator('citation-card > span.Z3988').count()).toBe(6);
    expect(await page.locator('meta[name^=citation_]').count()).toBe(0);
    expect(await auditPage(page)).toEqual([]);
    await page.goto(`${hostOrigin}/site/index.html`);
    await expect(card(page).getByTestId('title')).toHaveText('Time, Clocks, and the Ordering of Events in a Distributed System');
    await expect(card(page).getByTestId('title-link')).toHaveAttribute('href', 'https://doi.org/10.1145/359545.359563');
  });

  test('every author, the abstract and the legend are there, and the folds open', async ({ page }) => {
    const css = ['--css-href', `${bundle}/citecard.css`];
    await servePage(page, render(css, bilingual) + render(css, seedRecord));
    await page.goto(`${hostOrigin}/site/page.html`);
    const first = card(page);
    const authors = first.getByTestId('authors');
    // Every name is in the HTML; three show until the fold opens.
    await expect(authors).toHaveText('Li Lei, Han Meimei, Wang Fang, Zhao Lei, Sun Li');
    await expect(authors).toHaveText('Li Lei, Han Meimei, Wang Fang', { useInnerText: true });
    await first.getByTestId('authors-toggle').click();
    await expect(authors).toHaveText('Li Lei, Han Meimei, Wang Fang, Zhao Lei, Sun Li', { useInnerText: true });
    await expect(first.getByTestId('authors-toggle')).toHaveText('Show fewer', { useInnerText: true });
    // The language switch needs script: its place is kept, but it is hidden.
    await expect(first.locator('.citecard-lang')).toBeHidden();
    const second = card(page, 1);
    await expect(second.getByTestId('title-link')).toHaveAttribute('href', 'https://doi.org/10.1108/LHS-04-2022-0039');
    const body = second.getByTestId('abstract-body');
    await expect(body).toContainText('Originality/value:');
    const folded = (await body.boundingBox()).height;
    await second.getByTestId('abstract-toggle').click();
    expect((await body.boundingBox()).height).toBeGreaterThan(folded * 2);
    await second.getByTestId('legend').locator('summary').click();
    await expect(second.getByTestId('legend')).toContainText('JCR quartile');
    await expect(second.getByTestId('copy-doi')).toBeHidden();
    await second.getByTestId('cite-toggle').click();
    await expect(second.locator('[data-testid=static-citations] dd').first()).toHaveText(seed.apa.text);
  });
});

test('citecard.js hydrates pre-rendered cards in place: the same nodes, no layout shift, working controls', async ({ page }) => {
  test.setTimeout(60_000);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript(() => {
    window.shifts = [];
    // Shifts a reader's own input caused (opening Cite) do not count.
    new PerformanceObserver((list) => window.shifts.push(...list.getEntries().filter((e) => !e.hadRecentInput).map((e) => ({ value: e.value, sources: e.sources.map((s) => s.node?.className ?? s.node?.nodeName) })))).observe({ type: 'layout-shift', buffered: true });
  });
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  // The second card holds its stylesheet (--inline-css) instead of linking it.
  const fragments = render(live, seedRecord) + render(['--inline-css', '--script-src', `${bundle}/citecard.js`], bilingual);
  await servePage(page, fragments.replace(/<script type="module"[^>]*><\/script>\n/g, ''), { gate, head: `<script type="module" src="${bundle}/citecard.js"></script>` });
  // Not waiting for the load event, which waits for the script held back.
  await page.goto(`${hostOrigin}/site/page.html`, { waitUntil: 'commit' });
  await expect(card(page, 1)).toBeVisible();
  // Before the script: every node of every card, but the static Cite panel.
  await page.evaluate(() => {
    window.before = [...document.querySelectorAll('citation-card')].map((host) =>
      [...host.shadowRoot.querySelectorAll('*')].filter((el) => !el.closest('[data-citecard-static]')));
  });
  release();
  // Live: Copy DOI (hidden until the card runs) shows.
  await expect(card(page).getByTestId('copy-doi')).toBeVisible();
  await expect(card(page, 1).locator('.citecard-lang')).toBeVisible();
  const identity = await page.evaluate(() => [...document.querySelectorAll('citation-card')].map((host, i) => {
    const after = [...host.shadowRoot.querySelectorAll('*')];
    const before = window.before[i];
    return { same: before.length === after.length && before.every((el, j) => el === after[j]), before: before.length, after: after.length };
  }));
  for (const { same, before, after } of identity) expect(same, `${before} nodes before, ${after} after`).toBe(true);
  // Nothing moved as the cards came to life.
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.shifts)).toEqual([]);
  expect(await page.locator('[data-citecard-static]').count()).toBe(0);
  // The build that hydrates was loaded, not the other.
  expect(requests.some((p) => p.endsWith('/citecard-hydrate_bg.wasm'))).toBe(true);
  expect(requests.some((p) => p.endsWith('/citecard-embed_bg.wasm'))).toBe(false);
  // Cite: the module formats the chosen style; copy puts it on the clipboard.
  await card(page).getByTestId('cite-toggle').click();
  await expect(card(page).getByTestId('cite-preview')).toHaveText(seed.apa.text);
  await card(page).getByTestId('cite-copy').click();
  await expect(card(page).getByTestId('cite-status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(seed.apa.text);
  // Language switch and folds.
  await card(page, 1).getByTestId('lang-zh').click();
  await expect(card(page, 1).getByTestId('title')).toHaveText('阅读研究');
  await card(page, 1).getByTestId('authors-toggle').click();
  await expect(card(page, 1).getByTestId('authors')).toHaveText('Li Lei, Han Meimei, Wang Fang, Zhao Lei, Sun Li', { useInnerText: true });
  expect(await page.evaluate(() => window.shifts)).toEqual([]);
});

test('a pre-rendered card whose record changed since is drawn again, never left wrong', async ({ page }) => {
  const fresh = JSON.stringify({ title: 'The record as it is now', authors: 'Ada Lovelace' });
  const stale = render([], seedRecord).replace(/<script type="text\/plain">[\s\S]*?<\/script>/, () => `<script type="text/plain">${fresh}</script>`);
  await servePage(page, stale + render([], bilingual), { head: `<script type="module" src="${bundle}/citecard.js"></script>` });
  await page.goto(`${hostOrigin}/site/page.html`);
  await expect(card(page).getByTestId('title')).toHaveText('The record as it is now');
  await expect(card(page).getByTestId('authors')).toHaveText('Ada Lovelace');
  // The other card on the page is hydrated as usual.
  await expect(card(page, 1).locator('.citecard-lang')).toBeVisible();
});

for (const format of formats) {
  test(`no XSS vector runs or leaves markup in a page citecard render wrote, in ${format}, before and after hydration`, async ({ browser }) => {
    test.setTimeout(120_000);
    let rendered = 0;
    const body = vectors.map((v) => {
      try {
        const html = render(live, record(format, v)).replace(/<script type="module"[^>]*><\/script>\n/g, '');
        rendered += 1;
        return html;
      } catch {
        return ''; // unreadable: no card, and the CLI says where
      }
    }).join('\n');
    expect(rendered).toBeGreaterThan(vectors.length / 2);
    for (const javaScriptEnabled of [false, true]) {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.addInitScript(trapDialogs);
      await servePage(page, body, { head: `<script type="module" src="${bundle}/citecard.js"></script>` });
      await page.goto(`${hostOrigin}/site/page.html`);
      await expect(page.locator('citation-card [data-testid=citation-card]')).toHaveCount(rendered, { timeout: 60_000 });
      if (javaScriptEnabled) {
        // Hydrated: every card is live.
        await expect(page.locator('citation-card [data-testid=cite-toggle]')).toHaveCount(rendered);
        await expect.poll(() => page.locator('citation-card [data-citecard-static]').count(), { timeout: 60_000 }).toBe(0);
      }
      for (const selector of ['[data-testid=authors-toggle]', '[data-testid=abstract-toggle]', '[data-testid=cite-toggle]', '.citecard-legend summary']) {
        for (const el of await page.locator(`citation-card ${selector}`).all()) await el.click();
      }
      expect(await auditPage(page), `JavaScript ${javaScriptEnabled ? 'on' : 'off'}`).toEqual([]);
      await page.waitForTimeout(200);
      expect(await page.evaluate(() => window.xssed ?? 0).catch(() => 0)).toBe(0);
      await context.close();
    }
  });
}
