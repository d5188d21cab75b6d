// The style engine's unit-test cases (crates/citecard-core/tests/style-fragments/*.json):
// each case names a layout, a few style attributes and one CSL-JSON item;
// this script wraps the layout in a whole CSL style and writes the style and
// what citeproc-js makes of the item (`csl`, `text`, `html`) into the case.
//
//   node tests/oracle/fragments.mjs           rewrite every file
//   node tests/oracle/fragments.mjs --check   fail if any file is out of date
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import CSL from 'citeproc';
import { root } from './citeproc.mjs';

const dir = join(root, 'crates/citecard-core/tests/style-fragments');
const enUS = readFileSync(join(root, 'crates/citecard-core/csl/locales/locales-en-US.xml'), 'utf8');
const check = process.argv.includes('--check');

const attrs = (object = {}) =>
  Object.entries(object)
    .map(([name, value]) => ` ${name}="${value}"`)
    .join('');

/** The whole style for a case: its attributes, macros and bibliography layout. */
function style(c) {
  return [
    `<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"${attrs(c.style)}>`,
    '<info><title>fragment</title><id>fragment</id><updated>2024-01-01T00:00:00+00:00</updated></info>',
    c.locale ?? '',
    c.macros ?? '',
    `<citation${attrs(c.citation)}><layout><text variable="title"/></layout></citation>`,
    `<bibliography${attrs(c.bibliography)}><layout${attrs(c.layoutAttrs)}>${c.layout}</layout></bibliography>`,
    '</style>',
  ].join('');
}

function format(csl, item, outputFormat) {
  const engine = new CSL.Engine({ retrieveLocale: () => enUS, retrieveItem: () => item }, csl, 'en-US', true);
  engine.setOutputFormat(outputFormat);
  engine.updateItems([item.id]);
  const [, entries] = engine.makeBibliography();
  return entries.join('').trim();
}

let stale = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const data = JSON.parse(before);
  for (const c of data.cases) {
    c.item = { id: 'item', type: 'book', ...c.item };
    c.csl = style(c);
    c.text = format(c.csl, c.item, 'text');
    c.html = format(c.csl, c.item, 'html');
  }
  const after = `${JSON.stringify(data, null, 1)}\n`;
  if (after !== before) {
    stale += 1;
    if (check) console.error(`${file}: out of date`);
    else writeFileSync(path, after);
  }
  console.log(`${file}: ${data.cases.length} cases`);
}
if (check && stale) process.exit(1);
