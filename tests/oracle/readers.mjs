// What a reader extracts, against citation.js 0.9: every reader fixture
// borrowed from citation.js, biber or bibtex-tidy is read by citation.js
// (@citation-js/plugin-bibtex, plugin-ris) and by `citecard convert --to
// csl-json`, and the CSL-JSON fields both tools fill are compared.
//
// Every difference needs a verdict in tests/oracle/reader-verdicts.json:
// who is right and why. A difference without one, or a verdict whose
// difference is gone, fails the check.
//
//   node tests/oracle/readers.mjs           print the differences
//   node tests/oracle/readers.mjs --check   fail on an unexamined or stale one
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { cli, root } from './citeproc.mjs';

const require = createRequire(import.meta.url);
const { Cite } = require('@citation-js/core');
require('@citation-js/plugin-bibtex');
require('@citation-js/plugin-ris');

const check = process.argv.includes('--check');
const fixtures = join(root, 'crates/citecard-core/tests/fixtures/valid');
const verdictsPath = join(root, 'tests/oracle/reader-verdicts.json');
const BORROWED = /^(citation-js|biber|bibtex-tidy) /;

const TEXT_FIELDS = [
  'type', 'title', 'container-title', 'collection-title', 'publisher', 'publisher-place',
  'volume', 'issue', 'page', 'edition', 'number', 'DOI', 'URL', 'ISBN', 'ISSN', 'language',
];
const NAME_FIELDS = ['author', 'editor', 'translator'];

const name = (n) =>
  n.literal ?? [[n['non-dropping-particle'], n.family].filter(Boolean).join(' '), [n.given, n['dropping-particle']].filter(Boolean).join(' '), n.suffix]
    .filter(Boolean)
    .join(', ');
const date = (d) => d?.['date-parts']?.map((parts) => parts.join('-')).join('/') ?? d?.raw ?? d?.literal;

/** The fields compared, as strings; absent fields are left out. */
function project(item) {
  const out = {};
  for (const field of TEXT_FIELDS) {
    if (item[field] != null && String(item[field]).trim() !== '') out[field] = String(item[field]).trim();
  }
  for (const field of NAME_FIELDS) {
    if (item[field]?.length) out[field] = item[field].map(name).join('; ');
  }
  const issued = date(item.issued);
  if (issued) out.issued = issued;
  return out;
}

function citationJs(text) {
  try {
    return new Cite(text).data;
  } catch (error) {
    return { error: String(error.message || error) };
  }
}

function citecard(path) {
  try {
    return JSON.parse(execFileSync(cli, ['convert', '--to', 'csl-json', path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch (error) {
    return { error: String(error.message || error).split('\n')[0] };
  }
}

const differences = {};
let files = 0;
for (const format of readdirSync(fixtures).sort()) {
  for (const file of readdirSync(join(fixtures, format)).sort()) {
    if (!BORROWED.test(file) || file.endsWith('.expected')) continue;
    files += 1;
    const path = join(fixtures, format, file);
    const theirs = citationJs(readFileSync(path, 'utf8'));
    const ours = citecard(path);
    const key = (index, field) => `${format}/${file} #${index} ${field}`;
    if (theirs.error || ours.error) {
      if (theirs.error !== ours.error) differences[key(0, 'read')] = { 'citation.js': theirs.error ?? 'read', citecard: ours.error ?? 'read' };
      continue;
    }
    if (theirs.length !== ours.length) {
      differences[key(0, 'records')] = { 'citation.js': theirs.length, citecard: ours.length };
    }
    for (let i = 0; i < Math.min(theirs.length, ours.length); i++) {
      const [a, b] = [project(theirs[i]), project(ours[i])];
      for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (a[field] !== b[field]) differences[key(i + 1, field)] = { 'citation.js': a[field] ?? null, citecard: b[field] ?? null };
      }
    }
  }
}

const verdicts = JSON.parse(readFileSync(verdictsPath, 'utf8')).verdicts;
const unexamined = Object.keys(differences).filter((k) => !verdicts[k]);
const stale = Object.keys(verdicts).filter((k) => !differences[k]);
const changed = Object.keys(verdicts).filter(
  (k) => differences[k] && JSON.stringify(verdicts[k].values) !== JSON.stringify(differences[k]),
);
console.log(`${files} fixtures, ${Object.keys(differences).length} differences from citation.js, ${Object.keys(verdicts).length} verdicts`);
for (const k of unexamined) console.log(`no verdict: ${k}\n  ${JSON.stringify(differences[k])}`);
for (const k of changed) console.log(`changed since its verdict: ${k}\n  now ${JSON.stringify(differences[k])}`);
for (const k of stale) console.log(`no longer differs (remove its verdict): ${k}`);
if (check && (unexamined.length || stale.length || changed.length)) process.exit(1);
