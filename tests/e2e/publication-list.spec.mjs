// <citation-list>: a whole .bib as a grouped, searchable, filterable list
// that highlights the page's owner and merges duplicates. The sample list is
// examples/publications/pubs.bib (14 records: one broken, one duplicate by
// DOI, one preprint of a published paper, so 11 entries).
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { hostOrigin, hostPage, inScript } from './embed.mjs';
import { axeViolations } from './audit.mjs';

const pubs = readFileSync(new URL('../../examples/publications/pubs.bib', import.meta.url), 'utf8');

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const list = (page) => page.locator('citation-list');
/** The list once its records are read. */
const ready = (page) => list(page).locator('[data-testid=publication-list]:not([aria-busy])');
const titles = (page) => list(page).getByTestId('entry-title');
const headings = (page) => list(page).getByTestId('list-heading');
const count = (page) => list(page).getByTestId('list-count');

/** A host page with one <citation-list> holding `text` inline. */
async function listPage(page, attributes = '', { text = pubs, type = 'application/x-bibtex', colorScheme } = {}) {
  if (colorScheme) await page.emulateMedia({ colorScheme });
  await hostPage(page, { body: `<main><h1>Publications</h1><citation-list ${attributes}><script type="${type}">${inScript(text)}</script></citation-list></main>` });
  await expect(ready(page)).toBeVisible({ timeout: 15_000 });
}

test('one script tag and a src: grouped by year (newest first), owner highlighted, duplicates merged and said', async ({ page }) => {
  await page.route(`${hostOrigin}/pubs.bib`, (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: pubs }));
  await hostPage(page, { body: '<citation-list src="pubs.bib" highlight="Knuth, Donald E."></citation-list>' });
  await expect(ready(page)).toBeVisible({ timeout: 15_000 });
  await expect(headings(page)).toHaveText(['2022', '2021', '2019', '2018', '2010', '1984', '1977', '1974', '1970', '1968', 'Undated']);
  await expect(count(page)).toHaveText('11 of 11 publications');
  // Every list item is in an <ol> under its group's heading.
  const structure = await list(page).evaluate((host) => [...host.shadowRoot.querySelectorAll('.citecard-list-group')].map((g) => [
    g.querySelector('h2').textContent, g.querySelector(':scope > ol') !== null, g.querySelectorAll(':scope > ol > li').length,
  ]));
  expect(structure[0]).toEqual(['2022', true, 1]);
  // Two merges, each said with its reason; the broken entry is said with its line.
  const merged = list(page).getByTestId('merged');
  await expect(merged.locator('summary')).toHaveText('2 duplicates merged');
  await merged.locator('summary').click();
  await expect(merged.locator('li')).toHaveText([
    '“Literate programming”: same DOI as “Literate Programming”',
    '“Sleep and memory in Müller\'s model”: preprint or published version of “Sleep and Memory in Müller\'s Model”',
  ]);
  await expect(list(page).getByTestId('unreadable').locator('summary')).toHaveText('1 record could not be read');
  await list(page).getByTestId('unreadable').locator('summary').click();
  await expect(list(page).getByTestId('unreadable').locator('li')).toContainText('Line 125, column 12');
  // The published version is the entry; its preprint is a link beside it.
  const sleep = list(page).locator('[data-testid=entry]', { has: page.getByText('Sleep and memory in Müller') });
  await expect(sleep).toHaveCount(1);
  await expect(sleep.getByTestId('entry-venue')).toHaveText('Journal of Sleep Research, 2021');
  await expect(sleep.getByTestId('preprint')).toHaveAttribute('href', 'https://doi.org/10.48550/arXiv.2001.00001');
  // Donald E. Knuth in all his forms, not Douglas Knuth; marks from author+an.
  await expect(sleep.getByTestId('highlight')).toHaveText('D. E. Knuth');
  await expect(sleep.getByTestId('highlight')).toHaveAttribute('part', 'highlight');
  const douglas = list(page).locator('[data-testid=entry]', { has: page.getByText('A Different Knuth') });
  await expect(douglas.getByTestId('highlight')).toHaveCount(0);
  const repper = list(page).locator('[data-testid=entry]', { has: page.getByText('Embedding Coproduction') });
  await expect(repper.getByTestId('entry-authors')).toHaveText('Julie Repper*, Julian Eve*, Donald E. Knuth†');
  await expect(repper.locator('sup').first()).toHaveAttribute('aria-label', '* equal contribution');
  await expect(repper.locator('sup').last()).toHaveAttribute('aria-label', '† corresponding author');
});

test('grouped by type or not at all, sorted by title or first author', async ({ page }) => {
  await listPage(page, 'group-by="type"');
  await expect(headings(page)).toHaveText(['Journal article', 'Book', 'Conference paper', 'Document']);
  await list(page).evaluate((el) => el.setAttribute('group-by', 'none'));
  await expect(headings(page)).toHaveCount(0);
  await list(page).getByTestId('list-sort').selectOption('title');
  await expect(titles(page)).toHaveText([
    'A Different Knuth Altogether',
    'Embedding Coproduction in Organisational Culture',
    'Fast Pattern Matching in Strings',
    'Graph Theory at Scale',
    'Literate Programming',
    'Notes on the TeX Project',
    'Simple Word Problems in Universal Algebras',
    'Sleep and memory in Müller\'s model',
    'Structured Programming with go to Statements',
    'The Art of Computer Programming, Volume 1: Fundamental Algorithms',
    '阅读研究的新方法',
  ]);
  await list(page).getByTestId('list-sort').selectOption('author');
  await expect(titles(page).last()).toHaveText('阅读研究的新方法');
  const firstAuthors = await list(page).getByTestId('entry-authors').evaluateAll((ps) => ps.map((p) => p.textContent.split(',')[0]));
  expect(firstAuthors.slice(-4)).toEqual(['Hans Mueller', 'Hans Müller', 'Julie Repper*', '张三']);
});

test('each filter: type, year range, JCR quartile, open access; and clearing them', async ({ page }) => {
  await listPage(page);
  await list(page).getByTestId('filter-type-book').click();
  await expect(list(page).getByTestId('filter-type-book')).toHaveAttribute('aria-pressed', 'true');
  await expect(count(page)).toHaveText('1 of 11 publications');
  await expect(titles(page)).toHaveText(['The Art of Computer Programming, Volume 1: Fundamental Algorithms']);
  await list(page).getByTestId('filter-type-book').click();
  await list(page).getByTestId('filter-from').selectOption('2018');
  await list(page).getByTestId('filter-to').selectOption('2021');
  await expect(headings(page)).toHaveText(['2021', '2019', '2018']);
  await expect(count(page)).toHaveText('3 of 11 publications');
  await list(page).getByTestId('filter-clear').click();
  await expect(count(page)).toHaveText('11 of 11 publications');

  // Metrics come from records that carry them (CSL-JSON with citecard's custom fields).
  const items = [
    { id: 'q1oa', type: 'article-journal', title: 'Q1 and open', issued: { 'date-parts': [[2020]] }, custom: { 'jcr-quartile': 'Q1', 'open-access': true } },
    { id: 'q2', type: 'article-journal', title: 'Q2 closed', issued: { 'date-parts': [[2020]] }, custom: { 'jcr-quartile': 'Q2' } },
    { id: 'q1', type: 'article-journal', title: 'Q1 closed', issued: { 'date-parts': [[2019]] }, custom: { 'jcr-quartile': 'Q1' } },
    { id: 'none', type: 'article-journal', title: 'No metrics', issued: { 'date-parts': [[2018]] } },
  ];
  await listPage(page, '', { text: JSON.stringify(items), type: 'application/json' });
  await list(page).getByTestId('filter-q1').click();
  await expect(titles(page)).toHaveText(['Q1 and open', 'Q1 closed']);
  await list(page).getByTestId('filter-q2').click();
  await expect(count(page)).toHaveText('3 of 4 publications');
  await list(page).getByTestId('filter-oa').click();
  await expect(titles(page)).toHaveText(['Q1 and open']);
});

test('search is case-, diacritic- and script-aware, marks what it found, and announces the count', async ({ page }) => {
  await listPage(page);
  const search = list(page).getByRole('searchbox', { name: 'Search publications' });
  await search.fill('MULLER');
  await expect(titles(page)).toHaveText(['Sleep and memory in Müller\'s model']);
  await expect(list(page).locator('mark').first()).toHaveText('Müller');
  await expect(count(page)).toHaveText('1 of 11 publications');
  await expect(count(page)).toHaveAttribute('aria-live', 'polite');
  await search.fill('müller 2021');
  await expect(count(page)).toHaveText('1 of 11 publications');
  await search.fill('阅读');
  await expect(titles(page)).toHaveText(['阅读研究的新方法']);
  await expect(list(page).locator('mark')).toHaveText(['阅读']);
  // The DOI and the venue are searched too.
  await search.fill('10.1137/0206024');
  await expect(titles(page)).toHaveText(['Fast Pattern Matching in Strings']);
  await search.fill('computing surveys');
  await expect(titles(page)).toHaveText(['Structured Programming with go to Statements']);
  await search.fill('no such paper');
  await expect(list(page).getByTestId('list-empty')).toBeVisible();
  await expect(count(page)).toHaveText('0 of 11 publications');
});

// Each highlight name against names that are the same person (highlighted)
// and names that are not; the pairs of the core's table
// (crates/citecard-core/src/list/highlight.rs), as a record writes them.
const people = [
  ['Repper, Julie', ['Repper, Julie', 'Repper, J.', 'J. Repper', 'REPPER, JULIE', 'Repper, Julie A.'], ['Repper, Julian', 'Repper, K.', 'Reper, Julie']],
  ['Knuth, Donald E.', ['Knuth, D. E.', 'Knuth, D.E.', 'Knuth, DE', 'Knuth, Donald Ervin', 'Donald Knuth'], ['Knuth, Douglas', 'Knuth, D. F.', 'Knuth, Donald F.']],
  ['Jean-Pierre Serre', ['Serre, J.-P.', 'Serre, Jean-Pierre', 'Serre, J. P.', 'Serre, JP'], ['Serre, Jean-Paul', 'Serre, J.-M.']],
  ['Anna van der Berg', ['van der Berg, Anna', 'Berg, A. van der', 'A. van der Berg'], ['Berg, Anna', 'Anna van Berg']],
  ['Müller, Hans', ['Muller, Hans', 'Mueller, Hans', 'MÜLLER, H.'], ['Miller, Hans', 'Müller, Heinz']],
  ['Zhang San', ['Zhang, San', 'San Zhang'], ['Zhang, Wei']],
  ['张三', ['张三', '张 三'], ['张四']],
];

test('highlight: one name matches every form of that person and nobody else', async ({ page }) => {
  for (const [owner, same, others] of people) {
    const names = [...same, ...others];
    // BibTeX reads both "Given Family" and "Family, Given", as records write them.
    const bib = names.map((name, i) => `@article{p${i}, author = {${name}}, title = {Paper ${i}}, year = {2020}}\n`).join('');
    await listPage(page, `highlight="${owner}" group-by="none" sort="title" page-size="100"`, { text: bib });
    const highlighted = await list(page).getByTestId('entry').evaluateAll((entries) =>
      entries.map((e) => [e.querySelector('[data-testid=entry-title]').textContent, e.querySelector('[part=highlight]') !== null]));
    const expected = names.map((_, i) => [`Paper ${i}`, i < same.length]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    expect(highlighted, `highlight="${owner}" against ${names.join(' | ')}`).toEqual(expected);
  }
});

test('selected entries are pinned first, by citation key or DOI, in the order given', async ({ page }) => {
  await listPage(page, 'selected="knuth1977fast 10.1093/COMJNL/27.2.97 nosuchkey"');
  const selected = list(page).getByTestId('list-selected');
  await expect(selected.locator('h2')).toHaveText('Selected publications');
  await expect(selected.getByTestId('entry-title')).toHaveText(['Fast Pattern Matching in Strings', 'Literate Programming']);
  // The anchors stay on the entries in their groups.
  await expect(selected.locator('li[id]')).toHaveCount(0);
  await expect(list(page).locator('li#knuth1977fast')).toHaveCount(1);
});

test('an entry opens in place into its full card, which cites; permalinks open and show their entry', async ({ page }) => {
  await listPage(page, 'page-size="3"');
  const entry = list(page).locator('li#knuth1984literate');
  await expect(entry).toHaveCount(0); // beyond the first page
  // A permalink: the entry is paged in, opened, scrolled to and focused.
  await page.goto(`${hostOrigin}/page.html#knuth1984literate`);
  await expect(entry.getByTestId('entry-card').getByTestId('citation-card')).toBeVisible();
  await expect(entry.getByTestId('entry-toggle')).toHaveAttribute('aria-expanded', 'true');
  await expect(entry).toBeFocused();
  await expect(entry).toBeInViewport();
  // The card has its abstract-less full view and its own Cite.
  await entry.getByTestId('cite-toggle').click();
  await expect(entry.getByTestId('cite-preview')).toContainText('Knuth, D. E. (1984). Literate Programming. The Computer Journal, 27(2), 97–111.');
  await entry.getByTestId('entry-toggle').click();
  await expect(entry.getByTestId('entry-card')).toHaveCount(0);
  await expect(entry.getByTestId('entry-title')).toHaveText('Literate Programming');
  // A merged duplicate's key finds the entry it joined; on a fresh load too.
  await page.goto('about:blank');
  await page.goto(`${hostOrigin}/page.html#literate1984copy`);
  await expect(list(page).locator('li#knuth1984literate').getByTestId('entry-card')).toBeVisible({ timeout: 15_000 });
});

test('sort and filters live in the URL fragment: a filtered view survives a reload', async ({ page }) => {
  await listPage(page);
  await list(page).getByTestId('filter-type-article-journal').click();
  await list(page).getByTestId('list-sort').selectOption('title');
  await list(page).getByTestId('list-search').fill('knuth');
  await expect(page).toHaveURL(/#q=knuth&sort=title&type=article-journal$/);
  const before = await titles(page).allTextContents();
  await page.reload();
  await expect(ready(page)).toBeVisible({ timeout: 15_000 });
  await expect(list(page).getByTestId('filter-type-article-journal')).toHaveAttribute('aria-pressed', 'true');
  await expect(list(page).getByTestId('list-search')).toHaveValue('knuth');
  await expect(list(page).getByTestId('list-sort')).toHaveValue('title');
  await expect(titles(page)).toHaveText(before);
  // Clearing everything clears the fragment.
  await list(page).getByTestId('filter-clear').click();
  await expect(page).toHaveURL(`${hostOrigin}/page.html`);
});

test('export writes the shown entries, or all, as BibTeX, RIS, CSL-JSON or a style, to copy or download', async ({ page }) => {
  await listPage(page);
  await list(page).getByTestId('filter-type-article-journal').click();
  await expect(count(page)).toHaveText('7 of 11 publications');
  await list(page).getByTestId('list-export').locator('summary').click();
  const download = async () => {
    const [file] = await Promise.all([page.waitForEvent('download'), list(page).getByTestId('export-download').click()]);
    return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
  };
  const bib = await download();
  expect(bib.name).toBe('publications.bib');
  expect(bib.text.match(/^@\w+\{/gm)).toHaveLength(7);
  expect(bib.text).toContain('@article{knuth1984literate,');
  expect(bib.text).not.toContain('knuth1968art');
  await list(page).getByTestId('export-all').check();
  const all = await download();
  expect(all.text.match(/^@\w+\{/gm)).toHaveLength(11);
  await list(page).getByTestId('export-format').selectOption('ris');
  expect((await download()).text.match(/^TY {2}- /gm)).toHaveLength(11);
  await list(page).getByTestId('export-format').selectOption('csl-json');
  const json = JSON.parse((await download()).text);
  expect(json.map((item) => item.id)).toContain('knuth1968art');
  // A style, one citation a line, copied: each line is the citation the
  // entry's own Cite gives (held to citeproc-js by the goldens).
  await list(page).getByTestId('export-shown').check();
  await list(page).getByTestId('list-search').fill('pattern');
  await list(page).getByTestId('export-format').selectOption('apa');
  await list(page).getByTestId('export-copy').click();
  await expect(list(page).getByTestId('export-status')).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('Knuth, D. E., Morris, J. H., Jr., & Pratt, V. R. (1977).');
  await list(page).getByTestId('entry-toggle').click();
  await list(page).getByTestId('cite-toggle').click();
  await expect(list(page).getByTestId('cite-preview')).toHaveText(copied);
});

test('keyboard only: search, filter, open an entry and reach its card', async ({ page }) => {
  await listPage(page);
  await page.keyboard.press('Tab');
  await expect(list(page).getByTestId('list-search')).toBeFocused();
  await page.keyboard.type('literate');
  await expect(titles(page)).toHaveText(['Literate Programming']);
  await page.keyboard.press('Tab');
  await expect(list(page).getByTestId('list-sort')).toBeFocused();
  // On through the chips (a toggle each) to the entry's toggle.
  await page.keyboard.press('Tab');
  await expect(list(page).getByTestId('filter-type-article-journal')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(list(page).getByTestId('filter-type-article-journal')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press(' ');
  await expect(list(page).getByTestId('filter-type-article-journal')).toHaveAttribute('aria-pressed', 'false');
  const toggle = list(page).getByTestId('entry-toggle');
  for (let i = 0; i < 30 && !(await toggle.evaluate((el) => el.getRootNode().activeElement === el)); i++) await page.keyboard.press('Tab');
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle).toHaveAttribute('aria-controls', /citecard-entry-knuth1984literate/);
  // Into the card: its title link, then on to its Cite.
  const cite = list(page).getByTestId('cite-toggle');
  for (let i = 0; i < 10 && !(await cite.evaluate((el) => el.getRootNode().activeElement === el)); i++) await page.keyboard.press('Tab');
  await expect(cite).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(list(page).getByTestId('cite-preview')).toContainText('Knuth');
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no WCAG 2.2 AA violation in the ${colorScheme} list (search, export and an entry open)`, async ({ page }) => {
    await listPage(page, 'highlight="Knuth, Donald E." selected="knuth1977fast"', { colorScheme });
    await list(page).getByTestId('list-search').fill('knuth');
    await list(page).getByTestId('list-export').locator('summary').click();
    await list(page).getByTestId('entry-toggle').nth(1).click();
    await list(page).getByTestId('merged').locator('summary').click();
    expect(await axeViolations(page, 'citation-list')).toEqual([]);
  });
}

test('search="off" leaves out the search and filters; page-size pages the entries with Show more', async ({ page }) => {
  await listPage(page, 'search="off" page-size="4" group-by="none"');
  await expect(list(page).getByTestId('list-search')).toHaveCount(0);
  await expect(list(page).getByTestId('entry')).toHaveCount(4);
  await expect(list(page).getByTestId('list-more')).toHaveText('Show 4 more (7 left)');
  await list(page).getByTestId('list-more').click();
  await expect(list(page).getByTestId('entry')).toHaveCount(8);
  await expect(list(page).getByTestId('list-more')).toHaveText('Show 3 more (3 left)');
  await list(page).getByTestId('list-more').click();
  await expect(list(page).getByTestId('entry')).toHaveCount(11);
  await expect(list(page).getByTestId('list-more')).toHaveCount(0);
});

test('Crossref records that name each other as preprint and published version are one entry, whatever their titles', async ({ page }) => {
  const work = (doi, type, title, year, relation) => ({
    DOI: doi, type, title: [title], author: [{ given: 'Matthew', family: 'Walker' }], issued: { 'date-parts': [[year]] }, relation,
  });
  const works = {
    status: 'ok', 'message-type': 'work-list', message: { items: [
      work('10.1101/2020.01.01.000001', 'posted-content', 'Sleep spindles and memory: a preprint', 2019, {}),
      work('10.1000/sleep.2021', 'journal-article', 'Sleep, spindles and the consolidation of memory', 2021,
        { 'has-preprint': [{ 'id-type': 'doi', id: '10.1101/2020.01.01.000001', 'asserted-by': 'subject' }] }),
    ] },
  };
  await listPage(page, '', { text: JSON.stringify(works), type: 'application/json' });
  await expect(list(page).getByTestId('entry-title')).toHaveText(['Sleep, spindles and the consolidation of memory']);
  await expect(list(page).getByTestId('preprint')).toHaveAttribute('href', 'https://doi.org/10.1101/2020.01.01.000001');
  await expect(list(page).getByTestId('merged').locator('summary')).toHaveText('1 duplicate merged');
});

test('the list speaks Chinese with lang="zh"', async ({ page }) => {
  await listPage(page, 'lang="zh"');
  await expect(list(page).getByRole('searchbox', { name: '搜索文献' })).toBeVisible();
  await expect(count(page)).toHaveText('显示 11 篇，共 11 篇');
  await expect(headings(page).last()).toHaveText('未注明年份');
  await expect(list(page).getByTestId('merged').locator('summary')).toHaveText('已合并 2 条重复记录');
});
