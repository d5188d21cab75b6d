// Parse and format the same records one card at a time with citecard (native,
// and as wasm in this Node process) and with citation.js (@citation-js/core +
// plugin-bibtex + plugin-csl, i.e. citeproc-js), side by side in one run, with
// the same official CSL style.
//
//   node tests/bench/citation-speed.mjs [STYLE] [--corpus bibtex|booksci|both]
//                                       [--json FILE] [--check RATIO]
//                                       [--check-wasm RATIO]
//     STYLE: apa (default), mla, chicago, harvard, ieee, vancouver
//     --json FILE: also write the figures as JSON (scripts/bench reads them)
//     --check RATIO: fail when citecard natively is less than RATIO times as
//       fast as citation.js on any corpus (CI: 20)
//     --check-wasm RATIO: the same for citecard as wasm (CI: 10; BookSci as
//       wasm is about 15×, BENCHMARKS.md)
//
// Corpora, 1,000 cards each:
// - bibtex: citecard's own BibTeX export of the fixture corpus, repeated with
//   fresh keys; citation.js reads the same BibTeX.
// - booksci: the BookSci fixtures and the reference record, each file one
//   card (one or more records), repeated; citation.js gets the CSL-JSON
//   citecard converts each card to, as it has no BookSci reader.
//
// Times are medians of repeated passes (25 for citecard, 5 for citation.js)
// with their spread (fastest and slowest pass); the ratios compare medians
// taken in this same run, as absolute times on a shared machine drift.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { STYLES } from '../oracle/citeproc.mjs';

// Load citation.js and its plugins through one module system, so that the
// plugins register with the same core instance.
const require = createRequire(import.meta.url);
const { Cite, plugins } = require('@citation-js/core');
require('@citation-js/plugin-bibtex');
require('@citation-js/plugin-csl');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { corpus: { type: 'string', default: 'both' }, json: { type: 'string' }, check: { type: 'string' }, 'check-wasm': { type: 'string' } },
});
const root = fileURLToPath(new URL('../..', import.meta.url));
const style = positionals[0] ?? 'apa';
const cslFile = STYLES[style];
if (!cslFile) throw new Error(`no style ${style}`);
const corpora = values.corpus === 'both' ? ['bibtex', 'booksci'] : [values.corpus];
const CARDS = 1000;

// 1. citecard: the CLI (to make the records), the native example, and the
// citation module with its readers as wasm for Node.
const cargo = (args) => execFileSync('cargo', args, { cwd: root, stdio: 'inherit' });
cargo(['build', '--quiet', '--release', '-p', 'citecard-cli']);
cargo(['build', '--quiet', '--release', '-p', 'citecard-core', '--example', 'cite_speed']);
cargo(['build', '--quiet', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'citecard-cite', '--features', 'bench']);
const wasmDir = join(root, 'target/bench/wasm');
execFileSync(
  'wasm-bindgen',
  ['--target', 'nodejs', '--out-dir', wasmDir, join(root, 'target/wasm32-unknown-unknown/release/citecard_cite.wasm')],
  { cwd: root, stdio: 'inherit' },
);
const wasm = require(join(wasmDir, 'citecard_cite.js'));
const cli = join(root, 'target/release/citecard');
const run = (args) => execFileSync(cli, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
const fixtures = (format) => {
  const dir = join(root, 'crates/citecard-core/tests/fixtures/valid', format);
  return readdirSync(dir)
    .filter((name) => !name.endsWith('.expected'))
    .sort()
    .map((name) => join(dir, name));
};
const outDir = join(root, 'target/bench');
mkdirSync(outDir, { recursive: true });

/** The corpus's cards: what citecard reads, and what citation.js reads. */
function cards(corpus) {
  if (corpus === 'bibtex') {
    const files = [join(root, 'static/records/seed-coproduction.txt')];
    for (const format of ['bibtex', 'booksci', 'crossref', 'csl-json', 'ris', 'semantic-scholar']) files.push(...fixtures(format));
    const base = files
      .map((path) => run(['convert', '--to', 'bibtex', path]))
      .join('\n')
      .split(/\n(?=@)/)
      .filter((entry) => entry.trim().startsWith('@'));
    const entries = [];
    for (let i = 0; entries.length < CARDS; i++) {
      entries.push(base[i % base.length].replace(/^@(\w+)\{([^,]*),/, (_, type, key) => `@${type}{${key}x${i},`));
    }
    const file = join(outDir, 'records.bib');
    writeFileSync(file, entries.join('\n\n') + '\n');
    return { file, format: 'bibtex', ours: entries, theirs: entries };
  }
  const files = [join(root, 'static/records/seed-coproduction.txt'), ...fixtures('booksci')];
  const texts = files.map((path) => readFileSync(path, 'utf8'));
  const items = files.map((path) => JSON.parse(run(['convert', '--to', 'csl-json', path])));
  const ours = [];
  const theirs = [];
  for (let i = 0; ours.length < CARDS; i++) {
    ours.push(texts[i % texts.length]);
    theirs.push(items[i % items.length]);
  }
  const file = join(outDir, 'records-booksci.json');
  writeFileSync(file, JSON.stringify(ours));
  return { file, format: 'booksci', ours, theirs };
}

/** The median, fastest and slowest of `passes` timed runs, after a warm-up. */
function timed(pass, passes) {
  pass();
  const times = [];
  for (let i = 0; i < passes; i++) {
    const start = performance.now();
    pass();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median_ms: times[Math.floor(times.length / 2)], min_ms: times[0], max_ms: times.at(-1) };
}

const template = readFileSync(join(root, 'crates/citecard-core/csl/styles', cslFile), 'utf8');
plugins.config.get('@csl').styles.add(style, template);

const results = [];
for (const corpus of corpora) {
  const { file, format, ours, theirs } = cards(corpus);
  const native = JSON.parse(execFileSync(join(root, 'target/release/examples/cite_speed'), [file, style, format], { encoding: 'utf8' }));
  const asWasm = timed(() => {
    let characters = 0;
    for (const text of ours) characters += wasm.cite_text(text, format, style);
    return characters;
  }, 25);
  const citationJs = timed(() => {
    let characters = 0;
    for (const input of theirs) {
      characters += new Cite(input).format('bibliography', { template: style, format: 'text', lang: 'en-US' }).length;
    }
    return characters;
  }, 5);
  results.push({
    corpus,
    style,
    cards: ours.length,
    native,
    wasm: asWasm,
    citation_js: citationJs,
    native_ratio: citationJs.median_ms / native.median_ms,
    wasm_ratio: citationJs.median_ms / asWasm.median_ms,
  });
}

const figure = (t) => `${t.median_ms.toFixed(1)} ms (${t.min_ms.toFixed(1)}–${t.max_ms.toFixed(1)})`;
console.log(`style: ${style}; each card parsed and formatted on its own; Node ${process.versions.node}`);
for (const r of results) {
  console.log(`${r.corpus}, ${r.cards} cards:`);
  console.log(`  citecard (native, release):  ${figure(r.native)}`);
  console.log(`  citecard (wasm, Node):       ${figure(r.wasm)}`);
  console.log(`  citation.js 0.9 (Node):      ${figure(r.citation_js)}`);
  console.log(`  ratio: ${r.native_ratio.toFixed(1)}× natively, ${r.wasm_ratio.toFixed(1)}× as wasm`);
}
if (values.json) writeFileSync(values.json, JSON.stringify(results, null, 2));
const floors = [['native', values.check], ['wasm', values['check-wasm']]].filter(([, floor]) => floor !== undefined);
const slow = floors.flatMap(([kind, floor]) => results
  .filter((r) => r[`${kind}_ratio`] < Number(floor))
  .map((r) => `${r.corpus} ${kind} ${r[`${kind}_ratio`].toFixed(1)}× (floor ${floor}×)`));
if (slow.length) {
  console.error(`citecard is under its floor against citation.js: ${slow.join(', ')}`);
  process.exit(1);
}
