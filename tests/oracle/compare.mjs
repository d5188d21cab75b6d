// Check `citecard cite` against citeproc-js on any record files: each file
// is converted with `citecard convert --to csl-json`, formatted by citeproc-js
// with the official CSL style, and compared with `citecard cite` (text and
// HTML), record by record, for all six styles. Use it on records citecard has
// never seen.
//
//   cargo build -p citecard-cli && node tests/oracle/compare.mjs FILE...
//
// Prints the match rate per style and every mismatch; exits 1 on any.
import { execFileSync } from 'node:child_process';
import { STYLES, cli, convert, format } from './citeproc.mjs';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node tests/oracle/compare.mjs FILE...');
  process.exit(2);
}
const cite = (style, path, html) =>
  execFileSync(cli, ['cite', '--style', style, ...(html ? ['--html'] : []), path], { encoding: 'utf8' })
    .split('\n')
    .slice(0, -1);
// The CLI writes each HTML entry on one line, without citeproc-js's indentation.
const oneLine = (html) => html.split('\n').map((line) => line.trimStart()).join('');

let mismatches = 0;
const counts = Object.fromEntries(Object.keys(STYLES).map((s) => [s, [0, 0]]));
for (const path of files) {
  const items = convert(path);
  for (const style of Object.keys(STYLES)) {
    const text = cite(style, path, false);
    const html = cite(style, path, true);
    items.forEach((item, i) => {
      const want = { text: format(style, item, 'text'), html: oneLine(format(style, item, 'html')) };
      counts[style][1] += 1;
      if (text[i] === want.text && html[i] === want.html) {
        counts[style][0] += 1;
        return;
      }
      mismatches += 1;
      console.log(`✗ ${style} ${path} #${i}`);
      if (text[i] !== want.text) console.log(`  citeproc-js ${JSON.stringify(want.text)}\n  citecard    ${JSON.stringify(text[i])}`);
      else console.log(`  citeproc-js ${JSON.stringify(want.html)}\n  citecard    ${JSON.stringify(html[i])}`);
    });
  }
}
for (const [style, [ok, all]] of Object.entries(counts)) {
  console.log(`${style}: ${ok} of ${all} records match citeproc-js (${((100 * ok) / Math.max(all, 1)).toFixed(1)}%)`);
}
process.exit(mismatches ? 1 : 0);
