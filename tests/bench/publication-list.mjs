// A publication list of 1,000 BibTeX entries (tests/e2e/publications.mjs) in
// headless Chromium, from the release build:
//   - the time from navigation to the first group painted;
//   - the longest task while the list is read and built;
//   - for each keystroke typed in the search box, the time from the key
//     down to the updated list painted;
//   - the memory each entry costs: the wasm's linear memory and the JS heap
//     with 1,000 entries, less the same with 100, per entry.
//
//   node bench/publication-list.mjs [runs]   (from tests/, after
//                                            `trunk build --release`)
//
// The bundle and the page are served gzipped from this process, unthrottled
// (the list's work, not the network, is measured). Each run is a fresh
// browser context. "Painted" is the start of the animation frame after the
// one in which the first group's heading exists; a keystroke's list is
// painted at the start of the first task after the frame that follows its
// input event (rAF, then a task).
import { launch, serveEmbed, stats } from './browser.mjs';
import { publications } from '../e2e/publications.mjs';

const runs = Number(process.argv[2] ?? 5);
const page = (count) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>publications</title>
<script type="module" src="/embed/citecard.js"></script></head>
<body><main><h1>Publications</h1><citation-list highlight="Knuth, Donald E."><script type="application/x-bibtex">${publications(count)}</script></citation-list></main></body></html>`;
const { origin, server } = await serveEmbed({ '/1000': page(1000), '/100': page(100) });

// Runs before the page's scripts: long tasks, the first heading's frame,
// and each keystroke's time to paint.
const probe = () => {
  window.longTasks = [];
  new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
  const heading = () => document.querySelector('citation-list')?.shadowRoot?.querySelector('[data-testid=list-heading]');
  const frame = () => (heading() ? requestAnimationFrame((t) => (window.painted = t)) : requestAnimationFrame(frame));
  requestAnimationFrame(frame);
  window.keys = [];
  let down = 0;
  document.addEventListener('keydown', (e) => { down = e.timeStamp; }, true);
  document.addEventListener('input', (e) => {
    // A character typed without a key (Playwright inserts "ü" as text)
    // counts from its input event.
    const start = down || e.timeStamp;
    down = 0;
    requestAnimationFrame(() => setTimeout(() => window.keys.push(performance.now() - start), 0));
  }, true);
};

const browser = await launch();
const results = { painted: [], longest: [], keys: [], memory: [] };
/** Open `path` in a fresh context; resolves when the list shows all its entries. */
async function open(path) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.addInitScript(probe);
  await tab.goto(`${origin}${path}`);
  await tab.locator('citation-list [data-testid=list-count]').filter({ hasText: /^(\d+) of \1 publications$/ }).waitFor({ timeout: 60_000 });
  return { context, tab };
}
/** The wasm's linear memory and the JS heap, in bytes. */
async function memory(tab) {
  const cdp = await tab.context().newCDPSession(tab);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await tab.evaluate(async () => (await (await import('/embed/citecard-list.js')).default()).memory.buffer.byteLength);
  return wasm + usedSize;
}

for (let run = 0; run < runs; run++) {
  const { context, tab } = await open('/1000');
  results.painted.push(await tab.evaluate(() => window.painted));
  results.longest.push(Math.max(0, ...(await tab.evaluate(() => window.longTasks))));
  const big = await memory(tab);
  // Keystrokes, at a typist's pace.
  await tab.evaluate(() => { window.keys = []; });
  await tab.locator('citation-list [data-testid=list-search]').pressSequentially('graph müller 199', { delay: 120 });
  await tab.waitForTimeout(300);
  results.keys.push(...(await tab.evaluate(() => window.keys)));
  await context.close();
  const small = await open('/100');
  const little = await memory(small.tab);
  await small.context.close();
  results.memory.push((big - little) / 900);
}
await browser.close();
server.close();

const ms = (v) => `${v.toFixed(0)} ms`;
const s = (values) => stats(values);
console.log(`publication list, 1,000 BibTeX entries: ${runs} runs, Chromium, release build, unthrottled`);
console.log(`first group painted   median ${ms(s(results.painted).median)}, p90 ${ms(s(results.painted).p90)} (from navigation start)`);
console.log(`longest task          median ${ms(s(results.longest).median)}, max ${ms(Math.max(...results.longest))}`);
const keys = s(results.keys);
console.log(`keystroke to paint    median ${ms(keys.median)}, p90 ${ms(keys.p90)}, max ${ms(Math.max(...results.keys))} (${results.keys.length} keystrokes)`);
console.log(`memory per entry      median ${(s(results.memory).median / 1024).toFixed(1)} KB (wasm memory + JS heap, 1,000 less 100 entries, / 900)`);
