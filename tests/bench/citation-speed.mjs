// Parse and format the same 1,000 BibTeX records one card at a time with
// citecard (native, and as wasm in this Node process) and with citation.js
// (@citation-js/core + plugin-bibtex + plugin-csl, i.e. citeproc-js), side by
// side, with the same official CSL style.
//
//   node tests/bench/citation-speed.mjs [style]
//     style: apa (default), mla, chicago, harvard, ieee, vancouver
//
// The records are citecard's own BibTeX export of the fixture corpus, repeated
// with fresh keys up to 1,000 entries.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { STYLES } from '../oracle/citeproc.mjs';

// Load citation.js and its plugins through one module system, so that the
// plugins register with the same core instance.
const require = createRequire(import.meta.url);
const { Cite, plugins } = require('@citation-js/core');
require('@citation-js/plugin-bibtex');
require('@citation-js/plugin-csl');

const root = fileURLToPath(new URL('../..', import.meta.url));
const style = process.argv[2] ?? 'apa';
const cslFile = STYLES[style];
if (!cslFile) throw new Error(`no style ${style}`);

// 1. The records.
execFileSync('cargo', ['build', '--quiet', '--release', '-p', 'citecard-cli'], { cwd: root, stdio: 'inherit' });
execFileSync('cargo', ['build', '--quiet', '--release', '-p', 'citecard-core', '--example', 'cite_speed'], { cwd: root, stdio: 'inherit' });
// The citation module with its BibTeX reader, as wasm for Node.
execFileSync(
  'cargo',
  ['build', '--quiet', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'citecard-cite', '--features', 'bibtex'],
  { cwd: root, stdio: 'inherit' },
);
const wasmDir = join(root, 'target/bench/wasm');
execFileSync(
  'wasm-bindgen',
  ['--target', 'nodejs', '--out-dir', wasmDir, join(root, 'target/wasm32-unknown-unknown/release/citecard_cite.wasm')],
  { cwd: root, stdio: 'inherit' },
);
const cli = join(root, 'target/release/citecard');
const corpus = [join(root, 'static/records/seed-coproduction.txt')];
for (const format of ['bibtex', 'booksci', 'crossref', 'csl-json', 'ris', 'semantic-scholar']) {
  const dir = join(root, 'crates/citecard-core/tests/fixtures/valid', format);
  for (const name of execFileSync('ls', [dir], { encoding: 'utf8' }).split('\n').filter(Boolean)) {
    if (!name.endsWith('.expected')) corpus.push(join(dir, name));
  }
}
const base = corpus
  .map((path) => execFileSync(cli, ['convert', '--to', 'bibtex', path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))
  .join('\n')
  .split(/\n(?=@)/)
  .filter((entry) => entry.trim().startsWith('@'));
const entries = [];
for (let i = 0; entries.length < 1000; i++) {
  entries.push(base[i % base.length].replace(/^@(\w+)\{([^,]*),/, (_, type, key) => `@${type}{${key}x${i},`));
}
const dir = join(root, 'target/bench');
mkdirSync(dir, { recursive: true });
const file = join(dir, 'records.bib');
writeFileSync(file, entries.join('\n\n') + '\n');

// 2. citecard, native.
const ours = JSON.parse(execFileSync(join(root, 'target/release/examples/cite_speed'), [file, style], { encoding: 'utf8' }));

// 3. citecard as wasm in Node, one card at a time (median of 25 passes).
const wasm = require(join(wasmDir, 'citecard_cite.js'));
const runWasm = () => {
  let characters = 0;
  for (const entry of entries) characters += wasm.cite_bibtex(entry, style).length;
  return characters;
};
const median = (run, passes) => {
  run(); // warm-up
  const times = [];
  for (let i = 0; i < passes; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
};
const oursWasm = median(runWasm, 25);

// 4. citation.js, one card at a time.
const template = readFileSync(join(root, 'crates/citecard-core/csl/styles', cslFile), 'utf8');
plugins.config.get('@csl').styles.add(style, template);
const runCitationJs = () => {
  let characters = 0;
  for (const entry of entries) {
    characters += new Cite(entry).format('bibliography', { template: style, format: 'text', lang: 'en-US' }).length;
  }
  return characters;
};
const theirs = median(runCitationJs, 3);

console.log(`style: ${style}; ${entries.length} BibTeX entries, each parsed and formatted on its own`);
const perCard = (ms) => `${ms.toFixed(1)} ms  (${((ms / entries.length) * 1000).toFixed(1)} µs per card)`;
console.log(`citecard (native, release):        ${perCard(ours.median_ms)}`);
console.log(`citecard (wasm, Node ${process.versions.node}):      ${perCard(oursWasm)}`);
console.log(`citation.js 0.9 (Node ${process.versions.node}):     ${perCard(theirs)}`);
console.log(`ratio: citecard is ${(theirs / ours.median_ms).toFixed(0)}× faster natively, ${(theirs / oursWasm).toFixed(0)}× as wasm`);
