// The card as site owners and readers meet it: host theming in every theme,
// right-to-left pages and mixed scripts, CJK typesetting, focus and target
// sizes on a phone, number formats and the page's language. Each check
// reads what Chromium computes for the card in a host page.
import { test, expect } from '@playwright/test';
import { hostPage, seedRecord, inScript } from './embed.mjs';

/** One <citation-card> with `attrs` around a BookSci `record` (an object or record text). */
const element = (record, attrs = '') =>
  `<citation-card format="booksci" ${attrs}><script type="text/plain">${inScript(typeof record === 'string' ? record : JSON.stringify(record))}</script></citation-card>`;

const card = (page, nth = 0) => page.locator('citation-card').nth(nth).locator('[data-testid=citation-card]');

const hostTheme =
  '--citecard-accent: rgb(122, 31, 92); --citecard-bg: rgb(250, 240, 230); --citecard-fg: rgb(20, 20, 60); ' +
  '--citecard-border: rgb(1, 2, 3); --citecard-radius: 3px; --citecard-font: Georgia, serif';

for (const theme of ['light', 'dark', 'auto']) {
  for (const scheme of ['light', 'dark']) {
    test(`host custom properties win in the ${theme} theme on a ${scheme} system`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await hostPage(page, { body: element(seedRecord, `theme="${theme}" style="${hostTheme}"`) });
      await expect(card(page)).toBeVisible();
      const computed = await card(page).evaluate((el) => {
        const s = getComputedStyle(el);
        const doi = el.querySelector('[data-testid=doi-link]');
        return {
          background: s.backgroundColor,
          color: s.color,
          border: s.borderTopColor,
          radius: s.borderTopLeftRadius,
          font: s.fontFamily,
          accent: getComputedStyle(doi).color,
        };
      });
      expect(computed).toEqual({
        background: 'rgb(250, 240, 230)',
        color: 'rgb(20, 20, 60)',
        border: 'rgb(1, 2, 3)',
        radius: '3px',
        font: 'Georgia, serif',
        accent: 'rgb(122, 31, 92)',
      });
    });
  }
}

test('without host properties each theme keeps its own colours', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await hostPage(page, { body: element(seedRecord, 'theme="light"') + element(seedRecord, 'theme="dark"') });
  const background = (nth) => card(page, nth).evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await background(0)).toBe('rgb(255, 255, 255)');
  expect(await background(1)).toBe('rgb(23, 27, 33)');
});

test('on a right-to-left page the English card reads left to right and record text finds its own direction', async ({ page }) => {
  const arabic = { title: 'دراسة في القراءة', authors: 'Ali Hassan', journal: 'مجلة', citationCount: 35, JCR: 'Q1' };
  await hostPage(page, { body: element(seedRecord, 'lang="en"') + element(arabic, 'lang="en"') });
  await page.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'));
  await expect(card(page, 1)).toBeVisible();
  expect(await card(page).evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
  // The venue line keeps its order: pages read 580–592, not 592–580.
  const venue = card(page).getByTestId('venue');
  expect(await venue.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
  const title = card(page, 1).getByTestId('title');
  await expect(title).toHaveAttribute('dir', 'auto');
  expect(await title.evaluate((el) => el.matches(':dir(rtl)'))).toBe(true);
  expect(await card(page).getByTestId('title').evaluate((el) => el.matches(':dir(ltr)'))).toBe(true);
});

test('Han text is tagged as Chinese and never slanted, and Chinese labels keep their colon', async ({ page }) => {
  const chinese = {
    title: '基于深度学习的文献计量分析研究',
    authors: '张伟, 李娜',
    journal: { name: '情报学报' },
    abstract: '目的：探讨文献计量。方法：深度学习。',
  };
  const english = { title: 'A study of reading', authors: 'Li Lei', journal: { name: 'Reading Research' } };
  await hostPage(page, { body: element(chinese, 'lang="en"') + element(english, 'lang="en"') });
  await expect(card(page, 1)).toBeVisible();
  await expect(card(page).getByTestId('title')).toHaveAttribute('lang', 'zh-Hans');
  expect(await card(page, 1).getByTestId('title').getAttribute('lang')).toBeNull();
  const journal = card(page).getByTestId('journal');
  await expect(journal).toHaveAttribute('lang', 'zh-Hans');
  expect(await journal.evaluate((el) => getComputedStyle(el).fontStyle)).toBe('normal');
  expect(await card(page, 1).getByTestId('journal').evaluate((el) => getComputedStyle(el).fontStyle)).toBe('italic');
  await expect(card(page).getByTestId('abstract-body')).toContainText('目的：探讨文献计量。');
  const font = await card(page).evaluate((el) => getComputedStyle(el).fontFamily);
  expect(font).toContain('Noto Sans CJK SC');
  expect(font).toContain('Source Han Sans SC');
  // A Latin journal in a Chinese interface keeps its italics.
  await hostPage(page, { body: element(english, 'lang="zh-CN"') });
  expect(await card(page).getByTestId('journal').evaluate((el) => getComputedStyle(el).fontStyle)).toBe('italic');
});

test('the 中文 switch shows its focus outline whole', async ({ page }) => {
  const bilingual = { title: 'A study of reading', TitleCN: '阅读研究', abstract: 'An abstract.', AbstractTextCN: '中文摘要。', authors: 'Li Lei' };
  await hostPage(page, { body: element(bilingual, 'lang="en"') });
  const option = card(page).getByTestId('lang-zh');
  await option.click();
  await option.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  const focus = await option.evaluate((el) => ({
    visible: el.matches(':focus-visible'),
    outline: getComputedStyle(el).outlineWidth,
    clipped: getComputedStyle(el.parentElement).overflow !== 'visible',
  }));
  expect(focus).toEqual({ visible: true, outline: '2px', clipped: false });
});

/** Every control of the card smaller than `min` px in either direction. */
const smallTargets = (page, min) =>
  card(page).evaluate((root, min) => {
    const targets = root.querySelectorAll('button, summary, select, [data-testid=open-access] a, [data-testid=doi-link]');
    return [...targets]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => ({ el, rect: el.getBoundingClientRect() }))
      .filter(({ rect }) => rect.width < min || rect.height < min)
      .map(({ el, rect }) => `${el.dataset.testid ?? el.textContent.trim()}: ${Math.round(rect.width)}×${Math.round(rect.height)}`);
  }, min);

const full = {
  title: 'A study of reading',
  TitleCN: '阅读研究',
  abstract: 'An abstract. '.repeat(60),
  authors: Array.from({ length: 12 }, (_, i) => `Author ${i}`).join(', '),
  doi: '10.1108/LHS-04-2022-0039',
  JCR: 'Q1',
  citationCount: 124538,
  isOpenAccess: true,
  openAccessPdf: 'https://example.org/paper.pdf',
};

test('on a 360 px phone every target is at least 24 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  for (const lang of ['en', 'zh-CN']) {
    await hostPage(page, { body: element(full, `lang="${lang}"`) });
    await expect(card(page)).toBeVisible();
    expect(await smallTargets(page, 24), lang).toEqual([]);
  }
});

test.describe('with a finger for a pointer', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 360, height: 800 } });
  test('every target is at least 44 px', async ({ page }) => {
    await hostPage(page, { body: element(full, 'lang="en"') });
    await expect(card(page)).toBeVisible();
    expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
    expect(await smallTargets(page, 44)).toEqual([]);
  });
});

test('counts are grouped as the interface language writes them', async ({ page }) => {
  await hostPage(page, { body: element(full, 'lang="en"') + element(full, 'lang="zh-CN"') });
  await expect(card(page).getByTestId('citations')).toHaveText('124,538 citations');
  await expect(card(page, 1).getByTestId('citations')).toHaveText('被引 124,538 次');
});

test("without its own lang the card follows the page's language, not the browser's", async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await hostPage(page, { body: element(full) });
  await expect(card(page)).toHaveAttribute('lang', 'en');
  await expect(card(page).getByTestId('citations')).toHaveText('124,538 citations');
  await context.close();
});

test('a record that cannot be read tells the reader, and folds the details for the author', async ({ page }) => {
  await hostPage(page, {
    body: '<citation-card id="en" lang="en"><script type="text/plain">{"title": "broken",, }</script></citation-card>' +
      '<citation-card id="zh" lang="zh-CN"><script type="text/plain">{"title": "broken",, }</script></citation-card>',
  });
  const en = page.locator('#en [data-testid=error-card]');
  await expect(en.getByTestId('error-heading')).toHaveText('Reference unavailable');
  await expect(page.locator('#zh [data-testid=error-heading]')).toHaveText('文献信息不可用');
  await expect(en.getByTestId('error-message')).toBeHidden();
  await en.getByTestId('error-details').locator('summary').click();
  await expect(en.getByTestId('error-message')).toBeVisible();
  await expect(en.getByTestId('error-location')).toHaveText('Line 1, column 20');
});

test('each badge is tied to its explanation, and the source is said once', async ({ page }) => {
  await hostPage(page, { body: element(full, 'lang="en"') + element(full, 'lang="zh-CN"') });
  for (const nth of [0, 1]) {
    const described = await card(page, nth).evaluate((root) =>
      [...root.querySelectorAll('.citecard-badge')].map((badge) => {
        const target = root.querySelector(`#${CSS.escape(badge.getAttribute('aria-describedby') ?? '')}`);
        return target ? target.textContent.trim().length > 0 : false;
      }),
    );
    expect(described.length).toBeGreaterThan(2);
    expect(described.every(Boolean)).toBe(true);
  }
  const legend = card(page).getByTestId('legend');
  await expect(legend.getByTestId('figures-source')).toHaveCount(1);
  expect((await legend.textContent()).match(/as provided by the record/g)).toHaveLength(1);
  // The Chinese legend keeps Chinese punctuation.
  expect(await card(page, 1).getByTestId('legend').textContent()).not.toMatch(/, |\(/);
});

test('the DOI reads as its https://doi.org link, as Crossref asks', async ({ page }) => {
  await hostPage(page, { body: element(full, 'lang="en"') });
  await expect(card(page).getByTestId('doi-link')).toHaveText('https://doi.org/10.1108/LHS-04-2022-0039');
});

test('on a phone the pills, the venue line and the DOI line wrap cleanly', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  const record = { ...full, JCRName: 'HEALTH POLICY & SERVICES AND A VERY LONG CATEGORY NAME', journal: { name: 'Leadership in Health Services and Other Long Journal Names', volume: '35', pages: '580-592' }, publicationDate: '2022-05-03' };
  await hostPage(page, { body: element(record, 'lang="en"') });
  await expect(card(page)).toBeVisible();
  // "JCR Q1" stays on one line inside its pill.
  expect(await card(page).locator('.citecard-badge-key').first().evaluate((el) => el.getClientRects().length)).toBe(1);
  // The dots end items, so no wrapped line starts with one.
  const dots = await card(page).getByTestId('venue').evaluate((dl) =>
    [...dl.children].map((item) => [getComputedStyle(item, '::before').content, getComputedStyle(item, '::after').content]),
  );
  expect(dots.every(([before]) => before === 'none')).toBe(true);
  expect(dots.slice(0, -1).every(([, after]) => after === '"·"')).toBe(true);
  // "Copy DOI" stays beside the DOI.
  const [link, copy] = await Promise.all(['doi-link', 'copy-doi'].map((id) => card(page).getByTestId(id).boundingBox()));
  expect(copy.y).toBeLessThan(link.y + link.height);
  expect(copy.x).toBeGreaterThan(link.x);
});

test('a book with several editors reads "(eds.)", with one "(ed.)"', async ({ page }) => {
  const book = (editors) =>
    `<citation-card lang="en" record='${JSON.stringify([{ type: 'book', title: 'Collected papers', editor: editors }])}'></citation-card>`;
  await hostPage(page, {
    body: book([{ family: 'Doe', given: 'Jane' }, { family: 'Roe', given: 'Ann' }]) + book([{ family: 'Doe', given: 'Jane' }]),
  });
  await expect(card(page).getByTestId('editors')).toHaveText('Jane Doe, Ann Roe (eds.)');
  await expect(card(page, 1).getByTestId('editors')).toHaveText('Jane Doe (ed.)');
});

test('a page of ten cards barely moves as they load (CLS under 0.1)', async ({ page }) => {
  await page.addInitScript(() => {
    window.cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const body = `<h1>Publications</h1>${Array.from({ length: 10 }, () => element(seedRecord, 'lang="en"')).join('')}<footer>The end</footer>`;
  await hostPage(page, { body });
  await expect(page.locator('citation-card [data-testid=citation-card]')).toHaveCount(10);
  await page.waitForTimeout(500);
  const cls = await page.evaluate(() => window.cls);
  test.info().annotations.push({ type: 'CLS', description: cls.toFixed(3) });
  expect(cls).toBeLessThan(0.1);
});

test('a compact card on a phone is four lines: two of title, the authors, the venue beside Cite', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  const record = { ...full, title: 'Embedding coproduction in organisational culture and practice: a case study of one mental health consultancy', TitleCN: undefined, AbstractTextCN: undefined, journal: { name: 'Leadership in Health Services', volume: '35', pages: '580-592' }, publicationDate: '2022-05-03' };
  await hostPage(page, { body: element(record, 'lang="en" variant="compact"') });
  const compact = card(page);
  await expect(compact).toBeVisible();
  const rows = await compact.evaluate((root) => {
    const top = (testid) => Math.round(root.querySelector(`[data-testid=${testid}]`).getBoundingClientRect().top);
    const title = root.querySelector('[data-testid=title]');
    const lineHeight = parseFloat(getComputedStyle(title).lineHeight);
    return {
      titleLines: Math.round(title.getBoundingClientRect().height / lineHeight),
      venueBesideCite: Math.abs(top('venue') - top('cite-toggle')) < 12,
      year: root.querySelector('[data-testid=venue] time')?.getBoundingClientRect().width > 0,
    };
  });
  expect(rows).toEqual({ titleLines: 2, venueBesideCite: true, year: true });
  // Opened, the Cite panel takes the whole width.
  await compact.getByTestId('cite-toggle').click();
  const widths = await compact.evaluate((root) => [root.clientWidth, root.querySelector('.citecard-cite-panel').getBoundingClientRect().width]);
  expect(widths[1]).toBeGreaterThan(widths[0] * 0.8);
});

test("while the wasm loads, the skeleton already shows the record's title and authors", async ({ page }) => {
  await hostPage(page, { body: element(full, 'lang="en"'), wasmDelay: 3000 });
  const skeleton = page.locator('citation-card [data-testid=card-skeleton]');
  await expect(skeleton).toContainText('A study of reading', { timeout: 2000 });
  await expect(skeleton).toContainText('Author 0, Author 1, Author 2');
  await expect(card(page)).toBeVisible({ timeout: 10_000 });
});
