// Breadth: the golden corpus (the fixtures and the 504 shared real records,
// as the CSL-JSON in the goldens) formatted in each of the 103 styles of
// ../shared/csl/breadth-styles.txt by citeproc-js and by `citecard cite
// --csl`, each style in its own default-locale. Reports, per style, how many
// entries are identical, in text and in HTML.
//
//   cargo build -p citecard-cli && node tests/oracle/breadth.mjs
//       every style; writes STYLES.md's table and tests/oracle/breadth.json
//   node tests/oracle/breadth.mjs --check
//       the fixed CI sample (SAMPLE below): fails when a style has fewer
//       identical entries than breadth.json records
//   node tests/oracle/breadth.mjs --table
//       STYLES.md's table again from breadth.json, without formatting
//
// The styles and locales are read from ../shared/csl at run time, never
// copied into the project.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import CSL from 'citeproc';
import { cli as builtCli, root } from './citeproc.mjs';

// CITECARD_CLI: a copy of the binary, so that a long run is not changed
// by a rebuild meanwhile.
const cli = process.env.CITECARD_CLI ?? builtCli;

const shared = join(root, '../shared/csl');
const tablePath = join(root, 'tests/oracle/breadth.json');
const stylesDoc = join(root, 'STYLES.md');
const check = process.argv.includes('--check');
const tableOnly = process.argv.includes('--table');

/** The CI sample: fixed, and spread over the kinds of style (author-date,
 * numeric, note-free humanities, en-GB and de/zh defaults). */
export const SAMPLE = [
  'apa',
  'elsevier-harvard',
  'elsevier-vancouver',
  'springer-basic-author-date',
  'american-medical-association',
  'taylor-and-francis-chicago-author-date',
  'multidisciplinary-digital-publishing-institute',
  'ieee',
  'nature',
  'nature-brackets',
  'american-chemical-society',
  'cell',
  'american-physics-society',
  'royal-society-of-chemistry',
  'annual-reviews-author-date',
  'chicago-author-date',
  'chicago-shortened-notes-bibliography',
  'thieme-german',
  'china-national-standard-gb-t-7714-2015-numeric',
  'china-national-standard-gb-t-7714-2015-author-date',
];

const all = readFileSync(join(shared, 'breadth-styles.txt'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
for (const id of SAMPLE) {
  if (!all.includes(id)) throw new Error(`the sample's ${id} is not in breadth-styles.txt`);
}
const styles = check ? SAMPLE : all;

/** The corpus: every record of the goldens. citeproc-js gets the CSL-JSON
 * the goldens hold, citecard reads the record files themselves (in the same
 * order), as it does for the goldens: the same references. */
const [fixtures, real] = ['citations.json', 'real-records.json'].map((name) =>
  JSON.parse(readFileSync(join(root, 'crates/citecard-core/tests/golden', name), 'utf8')),
);
const items = [...fixtures.entries, ...real.entries].map((e) => e.csl);
const files = [
  ...new Set([
    ...fixtures.entries.map((e) => join(root, e.fixture)),
    ...real.entries.map((e) => join(root, '../shared/records/real', e.source)),
  ]),
];

const locales = new Map();
function locale(lang) {
  const path = join(shared, 'locales', `locales-${lang}.xml`);
  if (!locales.has(lang)) locales.set(lang, existsSync(path) ? readFileSync(path, 'utf8') : false);
  return locales.get(lang) || readFileSync(join(shared, 'locales/locales-en-US.xml'), 'utf8');
}

/** citeproc-js: each item alone, text and HTML (one line, as the CLI writes it). */
function citeproc(xml) {
  let current = {};
  const sys = { retrieveLocale: locale, retrieveItem: (id) => current[id] };
  const engine = new CSL.Engine(sys, xml);
  let n = 0;
  const one = (item, format) => {
    n += 1;
    const id = `entry-${n}`;
    current = { [id]: { ...structuredClone(item), id } };
    engine.setOutputFormat(format);
    engine.updateItems([id]);
    try {
      const [, entries] = engine.makeBibliography();
      return entries.join('').trim();
    } catch (error) {
      // citeproc-js itself fails on a few style and item pairs: no
      // reference to compare with.
      return { failed: String(error) };
    }
  };
  return items.map((item) => ({
    text: one(item, 'text'),
    html: oneLine(one(item, 'html')),
  }));
}

function oneLine(html) {
  return typeof html === 'string' ? html.split('\n').map((l) => l.trimStart()).join('') : html;
}

/** citecard: every item through `citecard cite --csl`, one line each. */
function citecard(path) {
  const run = (extra) => {
    // A record file may hold a record that does not read (exit status 1):
    // it has no golden either, so the lines still pair up.
    const run = spawnSync(cli, ['cite', '--csl', path, ...extra, ...files], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    if (run.status === 2 || run.error) throw new Error(`${path}: ${run.error ?? run.stderr}`);
    const lines = run.stdout.split('\n');
    lines.pop();
    return lines;
  };
  const text = run([]);
  const html = run(['--html']);
  if (text.length !== items.length || html.length !== items.length) {
    throw new Error(`${path}: citecard wrote ${text.length} lines for ${items.length} items`);
  }
  return items.map((_, i) => ({ text: text[i], html: html[i] }));
}

let results = {};
// BREADTH_DIFFS=FILE: every differing entry, for finding their causes.
const diffs = [];
const started = Date.now();
for (const id of tableOnly ? [] : styles) {
  const path = join(shared, 'styles', `${id}.csl`);
  const xml = readFileSync(path, 'utf8');
  if (!/<bibliography[\s>]/.test(xml)) {
    // A note style without a bibliography: citeproc-js makes none either.
    results[id] = { compared: 0, text: 0, html: 0, both: 0 };
    console.log(`${id}: no <bibliography> (a note style): not compared`);
    continue;
  }
  const expected = citeproc(xml);
  const actual = citecard(path);
  let text = 0;
  let html = 0;
  let both = 0;
  let failed = 0;
  const first = [];
  expected.forEach((e, i) => {
    const a = actual[i];
    if (typeof e.text !== 'string' || typeof e.html !== 'string') {
      failed += 1;
      return;
    }
    text += e.text === a.text;
    html += e.html === a.html;
    both += e.text === a.text && e.html === a.html;
    if (e.text !== a.text && first.length < 3) first.push({ citeproc: e.text, citecard: a.text });
    if (e.text !== a.text || e.html !== a.html) diffs.push({ style: id, entry: i, expected: e, actual: a });
  });
  const compared = items.length - failed;
  results[id] = { compared, text, html, both };
  const pct = ((100 * both) / compared).toFixed(1);
  const note = failed ? ` (citeproc-js fails on ${failed})` : '';
  console.log(`${id}: ${both}/${compared} identical (${pct}%)${note}`);
  if (process.env.BREADTH_VERBOSE) for (const d of first) console.log('  ', JSON.stringify(d));
}
if (process.env.BREADTH_DIFFS) writeFileSync(process.env.BREADTH_DIFFS, JSON.stringify(diffs, null, 1));
console.log(`${styles.length} styles × ${items.length} entries in ${((Date.now() - started) / 1000).toFixed(0)} s`);

if (check) {
  const table = JSON.parse(readFileSync(tablePath, 'utf8'));
  if (table.entries !== items.length) {
    console.error(`breadth.json counts ${table.entries} entries, the corpus has ${items.length}: rerun node tests/oracle/breadth.mjs`);
    process.exit(1);
  }
  const worse = SAMPLE.filter((id) => results[id].both < table.styles[id].both);
  for (const id of worse) {
    console.error(`${id}: ${results[id].both} identical entries, breadth.json records ${table.styles[id].both}`);
  }
  process.exit(worse.length ? 1 : 0);
}

if (tableOnly) results = JSON.parse(readFileSync(tablePath, 'utf8')).styles;
else writeFileSync(tablePath, JSON.stringify({ entries: items.length, styles: results }, null, 1) + '\n');
const compared = Object.values(results).filter((r) => r.compared);
const perfect = compared.filter((r) => r.both === r.compared).length;
const atLeast = (share) => compared.filter((r) => r.both >= share * r.compared).length;
const entries = compared.reduce((n, r) => n + r.compared, 0);
const same = compared.reduce((n, r) => n + r.both, 0);
const rows = all.map((id) => {
  const r = results[id];
  if (!r.compared) return `| \`${id}\` | | | no \`<bibliography>\`: a note style, not compared |`;
  const pct = (n) => `${((100 * n) / r.compared).toFixed(1)}%`;
  const skipped = r.compared < items.length ? ` (citeproc-js fails on ${items.length - r.compared})` : '';
  return `| \`${id}\` | ${pct(r.text)} | ${pct(r.html)} | ${r.both === r.compared ? '✓' : ''}${skipped} |`;
});
const doc = readFileSync(stylesDoc, 'utf8');
const start = doc.indexOf('<!-- breadth:start -->');
const end = doc.indexOf('<!-- breadth:end -->');
const table = [
  '<!-- breadth:start -->',
  `${perfect} of ${all.length} styles format every one of the ${items.length} entries identically to citeproc-js, in text and HTML; ${atLeast(0.99)} do so for at least 99% of them and ${atLeast(0.95)} for at least 95%. Over all ${compared.length} compared styles, ${same.toLocaleString('en')} of ${entries.toLocaleString('en')} entries (${((100 * same) / entries).toFixed(1)}%) are identical.`,
  '',
  '| style | text identical | HTML identical | every entry |',
  '|---|---|---|---|',
  ...rows,
  '<!-- breadth:end -->',
].join('\n');
writeFileSync(stylesDoc, doc.slice(0, start) + table + doc.slice(end + '<!-- breadth:end -->'.length));
console.log(`${perfect}/${all.length} styles with every entry identical → ${relative(root, stylesDoc)}, ${relative(root, tablePath)}`);
