// How soon a card is painted when `citecard render` wrote it into the page,
// compared in the same run, served the same way, with: a plain HTML page of
// the same text, the same pre-rendered page with citecard.js (until the card
// is hydrated and its controls run), and the script-only embed; the
// pre-rendered page both with its stylesheet linked (the default) and inline
// (`--inline-css`).
//
//   node tests/bench/prerendered-paint.mjs [runs]   (from tests/, after
//                                                   `trunk build --release`)
//
// The pages are written by the CLI (built here, debug: the markup is the
// same in any profile); the bundle in dist/embed/ is served gzipped from a
// server in this process. Each run opens a fresh browser context (cold: empty
// HTTP cache) per page, the pages taking turns, so that a busy moment of this
// shared machine falls on all of them. "Painted" is the start of the first
// animation frame after the one in which the card's title exists (the frame
// that drew it); "interactive" is the same for the card taken over by
// citecard.js (its container's pre-render mark gone). Prints the median and 90th percentile of each, from
// navigation start, and each page's median as a ratio of the plain page's.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NETWORKS, coldTab, launch, plainCardPage, serveEmbed, stats } from './browser.mjs';

const runs = Number(process.argv[2] ?? 15);
const root = fileURLToPath(new URL('../../', import.meta.url));
const recordPath = join(root, 'static/records/seed-coproduction.txt');
const record = readFileSync(recordPath, 'utf8');

execFileSync('cargo', ['build', '--quiet', '--locked', '-p', 'citecard-cli'], { cwd: root, stdio: 'inherit' });
const citecard = (...args) => execFileSync(join(root, 'target/debug/citecard'), ['render', ...args, recordPath], { encoding: 'utf8' });

const prerendered = citecard('--full-page', '--css-href', '/embed/citecard.css');
const inlined = citecard('--full-page', '--inline-css');
const hydrating = citecard('--full-page', '--css-href', '/embed/citecard.css', '--script-src', '/embed/citecard.js');
const scriptOnly = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>script only</title>
<script type="module" src="/embed/citecard.js"></script></head>
<body><main><citation-card><script type="text/plain">${record.replaceAll('</script', '<\\/script')}</script></citation-card></main></body></html>`;
const { origin, files, server, html: htmlType } = await serveEmbed(
  Object.fromEntries(Object.entries({ prerendered, inlined, hydrating, scriptOnly }).map(([name, page]) => [`/${name}`, page])),
);

const browser = await launch();

// The plain page: the card's own text (as the pre-rendered card shows it),
// as paragraphs, with no stylesheet and no script.
files.set('/plain', { type: htmlType, page: true, body: Buffer.from(await plainCardPage(browser, `${origin}/prerendered`)) });

// Marks the frame in which the title first exists, and the next one; the
// same for the card marked live.
const probe = () => {
  const title = () => document.getElementById('title')
    ?? document.querySelector('citation-card')?.shadowRoot?.querySelector('[data-testid=title]');
  const watch = (found, mark) => {
    const frame = () => {
      if (found()) requestAnimationFrame((t) => (window[mark] = t));
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  };
  watch(() => title()?.textContent.includes('Embedding coproduction'), '__painted');
  // Interactive: the script has taken the card over (a pre-rendered card's
  // container loses its mark as the wasm hydrates it, in the same task).
  watch(() => {
    const root = document.querySelector('citation-card')?.shadowRoot;
    return document.querySelector('script[type=module]') && root?.querySelector('[data-testid=citation-card]') && !root.querySelector('[data-citecard-render]');
  }, '__live');
};

const networks = [NETWORKS.loopback, NETWORKS.fourG];

const ms = (v) => (v === undefined ? '      –' : `${v.toFixed(0)} ms`.padStart(7));

const order = ['plain', 'inlined', 'prerendered', 'hydrating', 'scriptOnly'];
console.log(`card painted: ${runs} cold runs per page and network, Chromium ${browser.version()}, served gzip -9`);
console.log('network                     page           painted (median / p90)   × plain   interactive (median / p90)');
for (const { name, conditions } of networks) {
  const results = Object.fromEntries(order.map((page) => [page, []]));
  for (let i = 0; i < runs; i++) {
    for (const page of order) {
      const { context, tab } = await coldTab(browser, probe, conditions);
      await tab.goto(`${origin}/${page}`);
      await tab.waitForFunction(() => window.__painted !== undefined, null, { timeout: 20_000 });
      if (page === 'hydrating' || page === 'scriptOnly') await tab.waitForFunction(() => window.__live !== undefined, null, { timeout: 20_000 });
      results[page].push(await tab.evaluate(() => ({ painted: window.__painted, live: window.__live })));
      await context.close();
    }
  }
  const plain = stats(results.plain.map((r) => r.painted)).median;
  for (const page of order) {
    const painted = stats(results[page].map((r) => r.painted));
    const live = stats(results[page].map((r) => r.live));
    console.log(
      `${name.padEnd(27)} ${page.padEnd(13)}  ${ms(painted.median)} / ${ms(painted.p90)}       ${(painted.median / plain).toFixed(2).padStart(5)}    ${ms(live.median)} / ${ms(live.p90)}`,
    );
  }
}
await browser.close();
server.close();
