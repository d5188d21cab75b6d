// How long the citation module takes to compile a CSL style given at run
// time, in Chromium: apa.csl (the largest of the common styles), nature.csl
// and GB/T 7714 numeric, each in a fresh page RUNS times: the page's first
// style (the compiler's code still cold in the engine), the same style
// compiled after another one (warm), the first citation with it, a
// second compile of the same text (the page's cache), and ten compiles of
// new texts once five more have warmed the compiler's code (V8 compiles
// wasm functions lazily, with its baseline compiler first and its
// optimising one later), each timed.
//
//   trunk build --release && node tests/bench/csl-compile.mjs
//
// Reads the styles from ../shared/csl. Prints the median and 90th
// percentile of each timing (ms).
import { readFileSync } from 'node:fs';
import { launch, serveEmbed, stats } from './browser.mjs';

const RUNS = Number(process.env.RUNS ?? 20);
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
    const timings = { cold: [], warm: [], cite: [], cached: [], steady: [] };
    const other = readFileSync(new URL('china-national-standard-gb-t-7714-2015-author-date.csl', shared), 'utf8');
    for (let run = 0; run < RUNS; run += 1) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.goto(`${origin}/compile.html`);
      await tab.waitForFunction(() => window.ready);
      const t = await tab.evaluate(
        async ({ csl, other, record, warm }) => {
          // The module and the record's reading are loaded first: only
          // the style's own work is timed.
          await window.citecard.cite(record, 'apa');
          if (warm) await window.citecard.styleInfo({ csl: other });
          let start = performance.now();
          await window.citecard.styleInfo({ csl });
          const compile = performance.now() - start;
          start = performance.now();
          await window.citecard.cite(record, { csl });
          const cite = performance.now() - start;
          start = performance.now();
          await window.citecard.styleInfo({ csl });
          const cached = performance.now() - start;
          // The compiler's own code warmed up: five more compiles of the
          // style (each text new to the page's cache), then ten timed.
          const variant = (n) => csl.replace('<info>', `<info><!-- ${n} -->`);
          for (let n = 0; n < 5; n += 1) await window.citecard.styleInfo({ csl: variant(n) });
          const steady = [];
          for (let n = 5; n < 15; n += 1) {
            start = performance.now();
            await window.citecard.styleInfo({ csl: variant(n) });
            steady.push(performance.now() - start);
          }
          return { compile, cite, cached, steady };
        },
        { csl, other, record, warm: run % 2 === 1 },
      );
      timings[run % 2 === 1 ? 'warm' : 'cold'].push(t.compile);
      timings.cite.push(t.cite);
      timings.cached.push(t.cached);
      timings.steady.push(...t.steady);
      await context.close();
    }
    const show = (key) => {
      const { median, p90 } = stats(timings[key]);
      return `${median.toFixed(2)} ms (p90 ${p90.toFixed(2)})`;
    };
    console.log(`${name}.csl (${(csl.length / 1024).toFixed(0)} KB): first compile on the page ${show('cold')}; after another style ${show('warm')}; then cite ${show('cite')}; again (cached) ${show('cached')}; a new text once the compiler is warm ${show('steady')}`);
  }
} finally {
  await browser.close();
  server.close();
}
