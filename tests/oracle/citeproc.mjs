// citeproc-js (npm `citeproc`, the CSL processor Zotero uses) over the CSL
// files vendored in crates/citecard-core/csl, and `citecard convert`: shared
// by generate.mjs (the goldens) and compare.mjs (any record file).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import CSL from 'citeproc';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const cli = join(root, 'target/debug/citecard');
const csl = (path) => readFileSync(join(root, 'crates/citecard-core/csl', path), 'utf8');

/** The built-in styles by id, with their CSL files: csl/styles.tsv, the list build.rs reads too. */
export const STYLES = Object.fromEntries(
  csl('styles.tsv')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => line.split('\t'))
    .map(([, id, , file]) => [id, file]),
);

/** The CSL-JSON items `citecard convert` writes for the records in `path`. */
export function convert(path) {
  const out = execFileSync(cli, ['convert', '--to', 'csl-json', path], { encoding: 'utf8' });
  return JSON.parse(out);
}

// One engine per style, reused for every item: building an engine parses the
// style, which is most of the time for one entry. `updateItems` replaces the
// registry, but citeproc-js caches items by id, so each entry is formatted
// from a fresh copy under an id never used before.
const engines = new Map();
let current = {};
let formatted = 0;
function engineFor(style) {
  if (!engines.has(style)) {
    const sys = {
      retrieveLocale: (lang) => {
        try {
          return csl(`locales/locales-${lang}.xml`);
        } catch {
          return csl('locales/locales-en-US.xml');
        }
      },
      retrieveItem: (id) => current[id],
    };
    // Each style in its own default-locale (en-US when it names none), as
    // citecard formats it.
    engines.set(style, new CSL.Engine(sys, csl(`styles/${STYLES[style]}`)));
  }
  return engines.get(style);
}

/** The bibliography entry of one item alone, as citeproc-js writes it. */
export function format(style, item, outputFormat) {
  formatted += 1;
  const id = `entry-${formatted}`;
  current = { [id]: { ...structuredClone(item), id } };
  const engine = engineFor(style);
  engine.setOutputFormat(outputFormat);
  engine.updateItems([id]);
  const [, entries] = engine.makeBibliography();
  return entries.join('').trim();
}
