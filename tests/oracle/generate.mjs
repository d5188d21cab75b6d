// Regenerate the golden citations: citeproc-js (the CSL processor Zotero
// uses) formats every record of the fixture corpus with the official CSL
// styles in crates/citecard-core/csl, from the CSL-JSON that `citecard convert` produces.
//
//   cargo build -p citecard-cli && node tests/oracle/generate.mjs
//
// Writes crates/citecard-core/tests/golden/citations.json. Never edit that
// file by hand, and never write it from citecard's own style output.
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { STYLES, convert, format, root } from './citeproc.mjs';
const packageJson = JSON.parse(readFileSync(join(root, 'tests/node_modules/citeproc/package.json'), 'utf8'));

/** Every valid fixture, plus the reference record. */
function corpusFiles() {
  const valid = join(root, 'crates/citecard-core/tests/fixtures/valid');
  const files = [join(root, 'static/records/seed-coproduction.txt')];
  for (const format of readdirSync(valid).sort()) {
    for (const name of readdirSync(join(valid, format)).sort()) {
      const path = join(valid, format, name);
      if (!name.endsWith('.expected') && statSync(path).isFile()) files.push(path);
    }
  }
  return files;
}

const entries = [];
for (const path of corpusFiles()) {
  const items = convert(path);
  items.forEach((item, index) => {
    const entry = { fixture: relative(root, path), record: index, csl: item };
    for (const style of Object.keys(STYLES)) {
      entry[style] = { text: format(style, item, 'text'), html: format(style, item, 'html') };
    }
    entries.push(entry);
  });
}

const golden = {
  generator: `citeproc-js ${packageJson.version}`,
  styles: Object.fromEntries(Object.entries(STYLES).map(([k, v]) => [k, basename(v)])),
  locale: 'en-US',
  entries,
};
const out = join(root, 'crates/citecard-core/tests/golden/citations.json');
writeFileSync(out, JSON.stringify(golden, null, 1) + '\n');
console.log(`${entries.length} records × ${Object.keys(STYLES).length} styles × {text, html} → ${relative(root, out)}`);
