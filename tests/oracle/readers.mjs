// What a reader extracts, against citation.js 0.9: every reader fixture
// borrowed from citation.js, biber or bibtex-tidy, and every shared real
// BibTeX, RIS and CSL-JSON file (../shared/records/real, read from there),
// is read by citation.js (@citation-js/plugin-bibtex, plugin-ris; CSL-JSON as
// it is) and by `citecard convert --to csl-json`, and the CSL-JSON fields both
// tools fill are compared.
//
// Every difference needs a verdict in tests/oracle/reader-verdicts.json:
// who is right and why, for one difference (`verdicts`) or for every
// difference one cause explains (`causes`). A difference without one, or a
// verdict whose difference is gone or changed, fails the check.
//
//   node tests/oracle/readers.mjs           print the differences
//   node tests/oracle/readers.mjs --check   fail on an unexamined or stale one
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
  // ISSN and ISBN hold lists: compare the numbers, not how they are joined.
  for (const field of ['ISSN', 'ISBN']) {
    if (out[field]) out[field] = [...new Set(out[field].split(/[,;]/).map((n) => n.trim()).filter(Boolean))].join(', ');
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

/** The files compared, each with the name its differences are keyed by. */
function sources() {
  const list = [];
  for (const format of readdirSync(fixtures).sort()) {
    for (const file of readdirSync(join(fixtures, format)).sort()) {
      if (BORROWED.test(file) && !file.endsWith('.expected')) list.push([`${format}/${file}`, join(fixtures, format, file)]);
    }
  }
  const real = join(root, '../shared/records/real');
  if (!existsSync(real)) {
    console.error(`${real} is missing: the shared real records are compared too`);
    process.exit(2);
  }
  for (const format of ['bibtex', 'ris', 'csl-json']) {
    for (const file of readdirSync(join(real, format)).sort()) list.push([`real/${format}/${file}`, join(real, format, file)]);
  }
  return list;
}

const differences = {};
let files = 0;
for (const [label, path] of sources()) {
  {
    files += 1;
    const text = readFileSync(path, 'utf8');
    const theirs = citationJs(label.startsWith('real/csl-json/') ? JSON.parse(text) : text);
    const ours = citecard(path);
    const key = (index, field) => `${label} #${index} ${field}`;
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

const examined = JSON.parse(readFileSync(verdictsPath, 'utf8'));
// One verdict per difference: those given alone, and those of each cause.
const verdicts = { ...examined.verdicts };
for (const cause of examined.causes ?? []) {
  for (const [k, values] of Object.entries(cause.entries)) verdicts[k] = { right: cause.right, why: cause.why, values };
}
const unexamined = Object.keys(differences).filter((k) => !verdicts[k]);
const stale = Object.keys(verdicts).filter((k) => !differences[k]);
const changed = Object.keys(verdicts).filter(
  (k) => differences[k] && JSON.stringify(verdicts[k].values) !== JSON.stringify(differences[k]),
);
console.log(`${files} files, ${Object.keys(differences).length} differences from citation.js, ${Object.keys(verdicts).length} verdicts`);
for (const k of unexamined) console.log(`no verdict: ${k}\n  ${JSON.stringify(differences[k])}`);
for (const k of changed) console.log(`changed since its verdict: ${k}\n  now ${JSON.stringify(differences[k])}`);
for (const k of stale) console.log(`no longer differs (remove its verdict): ${k}`);
if (check && (unexamined.length || stale.length || changed.length)) process.exit(1);
