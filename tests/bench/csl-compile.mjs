// How long the citation module takes to compile a CSL style given at run
// time, in Chromium: apa.csl (the largest of the common styles), nature.csl
// and GB/T 7714 numeric, each compiled fresh (a new page) RUNS times, then
// the first citation with the compiled style, and a second compile of the
// same text (the page's cache).
//
//   trunk build --release && node tests/bench/csl-compile.mjs
//
// Reads the styles from ../shared/csl. Prints the median and 90th
// percentile of each timing (ms).
import { readFileSync } from 'node:fs';
import { launch, serveEmbed, stats } from './browser.mjs';

const RUNS = Number(process.env.RUNS ?? 15);
const shared = new URL('../../../shared/csl/styles/', import.meta.url);
const STYLES = ['apa', 'nature', 'china-national-standard-gb-t-7714-2015-numeric'];
const record = readFileSync(new URL('../../static/records/seed-coproduction.txt', import.meta.url), 'utf8');

const page = `<!doctype html><meta charset="utf-8"><title>compile</title>
<script type="module">
import * as citecard from '/embed/citecard.js';
window.citecard = citecard;
window.ready = true;
</script>`;
const { origin, server } = await serveEmbed({ '/compile.html': page });
const browser = await launch();
try {
  for (const name of STYLES) {
    const csl = readFileSync(new URL(`${name}.csl`, shared), 'utf8');
    const timings = { compile: [], cite: [], cached: [] };
    for (let run = 0; run < RUNS; run += 1) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.goto(`${origin}/compile.html`);
      await tab.waitForFunction(() => window.ready);
      const t = await tab.evaluate(
        async ({ csl, record }) => {
          // The module and the record's reading are loaded first: only
          // the style's own work is timed.
          await window.citecard.cite(record, 'apa');
          let start = performance.now();
          await window.citecard.styleInfo({ csl });
          const compile = performance.now() - start;
          start = performance.now();
          await window.citecard.cite(record, { csl });
          const cite = performance.now() - start;
          start = performance.now();
          await window.citecard.styleInfo({ csl });
          return { compile, cite, cached: performance.now() - start };
        },
        { csl, record },
      );
      for (const key of Object.keys(timings)) timings[key].push(t[key]);
      await context.close();
    }
    const show = (key) => {
      const { median, p90 } = stats(timings[key]);
      return `${median.toFixed(2)} ms (p90 ${p90.toFixed(2)})`;
    };
    console.log(`${name}.csl (${(csl.length / 1024).toFixed(0)} KB): compile ${show('compile')}; then cite ${show('cite')}; compile again (cached) ${show('cached')}`);
  }
} finally {
  await browser.close();
  server.close();
}
