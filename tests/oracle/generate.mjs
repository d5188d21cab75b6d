// Regenerate the golden citations: citeproc-js (the CSL processor Zotero
// uses) formats every record with the official CSL styles in
// crates/citecard-core/csl, from the CSL-JSON that `citecard convert` produces.
//
//   cargo build -p citecard-cli && node tests/oracle/generate.mjs
//
// Writes two files, never to be edited by hand or written from citecard's own
// style output:
// - crates/citecard-core/tests/golden/citations.json: the fixture corpus;
// - crates/citecard-core/tests/golden/real-records.json: the real records in
//   ../shared/records/real (read from there at test time, never copied here).
import { existsSync, readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { STYLES, convert, format, root } from './citeproc.mjs';
const packageJson = JSON.parse(readFileSync(join(root, 'tests/node_modules/citeproc/package.json'), 'utf8'));

/** Every file under `dir`, recursively, in sorted order. */
function filesUnder(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/** Every valid fixture, plus the reference record. */
function fixtureFiles() {
  const valid = join(root, 'crates/citecard-core/tests/fixtures/valid');
  const fixtures = filesUnder(valid).filter((path) => !path.endsWith('.expected'));
  return [join(root, 'static/records/seed-coproduction.txt'), ...fixtures];
}

/** The shared real records: every record file, not the SOURCES.md beside them. */
export const realRoot = join(root, '../shared/records/real');
function realFiles() {
  return filesUnder(realRoot).filter((path) => !path.endsWith('.md'));
}

/** One entry per record: its CSL-JSON and every style's text and HTML. */
function entries(files, base, key) {
  return files.flatMap((path) =>
    convert(path).map((item, index) => {
      const entry = { [key]: relative(base, path), record: index, csl: item };
      for (const style of Object.keys(STYLES)) {
        entry[style] = { text: format(style, item, 'text'), html: format(style, item, 'html') };
      }
      return entry;
    }),
  );
}

function write(name, list) {
  const golden = {
    generator: `citeproc-js ${packageJson.version}`,
    styles: Object.fromEntries(Object.entries(STYLES).map(([k, v]) => [k, basename(v)])),
    locale: "each style's default-locale, else en-US",
    entries: list,
  };
  const out = join(root, 'crates/citecard-core/tests/golden', name);
  writeFileSync(out, JSON.stringify(golden, null, 1) + '\n');
  console.log(`${list.length} records × ${Object.keys(STYLES).length} styles × {text, html} → ${relative(root, out)}`);
}

write('citations.json', entries(fixtureFiles(), root, 'fixture'));
if (!existsSync(realRoot)) {
  console.error(`${realRoot} is missing: the real-record goldens were not regenerated`);
  process.exit(1);
}
write('real-records.json', entries(realFiles(), realRoot, 'source'));
