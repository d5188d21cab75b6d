import CSL from 'citeproc';
import { readFileSync } from 'node:fs';
const locale = readFileSync('../crates/citecard-core/csl/locales/locales-en-US.xml', 'utf8');
const style = `<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><title>t</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>
<citation><layout><text variable="title"/></layout></citation>
<bibliography><layout><group delimiter="|"><text variable="volume"/><text variable="issue"/><number variable="volume"/></group></layout></bibliography></style>`;
const values = process.argv.slice(2);
for (const v of values) {
  const sys = { retrieveLocale: () => locale, retrieveItem: () => ({ id: 'a', type: 'article-journal', title: 't', volume: v, issue: v }) };
  const e = new CSL.Engine(sys, style);
  e.setOutputFormat('text'); e.updateItems(['a']);
  console.log(JSON.stringify(v), '→', JSON.stringify(e.makeBibliography()[1].join('').trim()));
}
