// Host pages for the embed tests. The bundle is served from its own origin
// (playwright.config.mjs, port + 1, with CORS as a CDN would); host pages are
// answered by Playwright itself on a third origin, so every test is
// cross-origin, and a page can carry any Content-Security-Policy.
import { readFileSync } from 'node:fs';

const port = Number(process.env.E2E_PORT ?? 4173);
export const bundle = `http://127.0.0.1:${port + 1}`;
export const hostOrigin = 'http://127.0.0.1:4199';

export const seedRecord = readFileSync(new URL('../../static/records/seed-coproduction.txt', import.meta.url), 'utf8');

/** HTML-escape record text for a <script type="text/plain"> body. */
export const inScript = (text) => text.replaceAll('</script', '<\\/script');

/**
 * Open a host page with `body` (and `head`), optionally under a CSP, and with
 * the card's wasm held back `wasmDelay` ms.
 */
export async function hostPage(page, { body, head = '', csp, wasmDelay = 0 } = {}) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>host</title>${head}
<script type="module" src="${bundle}/citecard.js"></script></head><body>${body}</body></html>`;
  await page.route(`${hostOrigin}/page.html`, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: csp ? { 'content-security-policy': csp } : {},
      body: html,
    }),
  );
  // Chromium's local-network rules would block a page Playwright answers
  // (a "public" page) from loading the bundle on loopback; passing the bundle
  // through Playwright too keeps both on one footing. The answers, CORS
  // headers included, still come from the bundle's own server.
  await page.route(`${bundle}/**`, async (route) => {
    // A slow network for the card's wasm, when a test asks for one.
    if (wasmDelay && route.request().url().endsWith('citecard-embed_bg.wasm')) {
      await new Promise((resolve) => setTimeout(resolve, wasmDelay));
    }
    try {
      await route.fulfill({ response: await route.fetch() });
    } catch {
      // The test ended while a lazy module was still on its way.
    }
  });
  await page.goto(`${hostOrigin}/page.html`);
}

/** The <citation-card> elements' rendered cards (inside their shadow roots). */
export const cards = (page) => page.locator('citation-card').locator('[data-testid=citation-card]');

/** Collect the page's long tasks (their durations, ms) from its first load on. Call before `hostPage`. */
export const observeLongTasks = (page) =>
  page.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
  });

/**
 * How long, in ms, this page takes right now for a fixed piece of the work a
 * card's task does: `citecard.parse` of 64 KB of RIS (the most one task
 * reads), the median of five runs after a warm-up. A busy machine slows it
 * as it slows the card, so time limits scale with it (`scaledLimit`).
 */
export async function calibrate(page) {
  return page.evaluate(async () => {
    const record = `TY  - JOUR\nTI  - A calibration record\nAU  - Lovelace, Ada\nAB  - ${'lorem ipsum '.repeat(100)}\nER  - \n`;
    const text = record.repeat(Math.floor(512 * 1024 / record.length));
    await window.citecard.parse(text);
    const times = [];
    for (let i = 0; i < 7; i++) {
      const start = performance.now();
      await window.citecard.parse(text);
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[3];
  });
}

/**
 * `calibrate` on an idle machine of CI's kind (2 cores): the median of ten
 * pages, measured by `npx playwright test -c bench/calibration.config.mjs`
 * (from tests/, after `trunk build --release`; BENCHMARKS.md).
 */
export const IDLE_CALIBRATION_MS = 34;

/**
 * `limitMs` (a limit that holds on an idle machine) scaled by how much
 * slower this page is now than the idle calibration, never below `limitMs`:
 * the check asks the same question on a busy machine.
 */
export function scaledLimit(limitMs, calibrationMs, idleMs) {
  return limitMs * Math.max(1, calibrationMs / idleMs);
}

/** Forget the long tasks so far (after `observeLongTasks`). */
export const forgetLongTasks = (page) => page.evaluate(() => { window.longTasks = []; });

/** The long tasks since `observeLongTasks` or the last `forgetLongTasks`. */
export const longTasks = (page) => page.evaluate(() => window.longTasks);

/** Open a host page with an empty `#mount` and wait for `window.citecard`. */
export async function mountPage(page) {
  await hostPage(page, { body: '<div id="mount"></div>' });
  await page.waitForFunction(() => window.citecard);
}

/**
 * `citecard.render` `text` into `#mount`. The text is handed to the page
 * first, so that a long text's transfer is not part of the render; with
 * `{ forget: true }` the long tasks so far are forgotten in between.
 */
export async function renderInMount(page, text, options = { lang: 'en' }, { forget = false } = {}) {
  await page.evaluate((t) => { window.input = t; }, text);
  if (forget) await forgetLongTasks(page);
  await page.evaluate((o) => window.citecard.render(document.querySelector('#mount'), window.input, o), options);
}
