// The whole benchmark table, run by scripts/bench after it has built the
// release bundle (dist/), the floor (target/bench/floor/: a minimal Yew app,
// same profile and tools) and copies of the wasm with names kept for twiggy
// (target/bench/names/).
//
//   node tests/bench/report.mjs [--runs N] [--write]
//
// Every comparison is made within this one run, side by side (pages take
// turns, run by run), because absolute times on a shared 2-core machine
// drift by 2× between runs. Each figure is the median with, in brackets,
// the fastest and slowest run. `--write` puts the table between the
// `scripts/bench` markers of BENCHMARKS.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { coldTab, launch, plainCardPage, serveEmbed } from './browser.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' }, write: { type: 'boolean' } } });
const runs = Number(values.runs);
const root = fileURLToPath(new URL('../../', import.meta.url));
const rows = [];
const details = [];
const row = (section, what, ours, peer, ratio) => rows.push({ section, what, ours, peer, ratio });

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (t) => `${t.median.toFixed(t.median < 10 ? 1 : 0)} ms (${t.min.toFixed(0)}–${t.max.toFixed(0)})`;
const spread = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1) };
};
const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

// 1. Size: the bundles as scripts/size-budget counts them (its per-file
// lines say which part each file is), gzip -9 and brotli.
{
  const budget = spawnSync(join(root, 'scripts/size-budget'), { encoding: 'utf8' });
  const parts = {};
  for (const line of budget.stderr.split('\n')) {
    const match = line.match(/^ {2}(\S+)\s+(\S+)\s+\d+ B raw\s+(\d+) B gzip -9$/);
    if (!match) continue;
    const [, part, file, gz] = match;
    const bytes = readFileSync(join(root, 'dist', file));
    parts[part] ??= { gzip: 0, brotli: 0 };
    parts[part].gzip += Number(gz);
    parts[part].brotli += brotli(bytes);
  }
  // (It exits 1 when a bundle is over budget, which is a figure to show;
  // with no bundle files at all there is nothing to measure.)
  if (Object.keys(parts).length === 0) throw new Error(`scripts/size-budget found no bundle: ${budget.stderr.trim()}`);
  const sum = (...names) => names.reduce((t, n) => ({ gzip: t.gzip + (parts[n]?.gzip ?? 0), brotli: t.brotli + (parts[n]?.brotli ?? 0) }), { gzip: 0, brotli: 0 });
  // The floor: its wasm and glue (a page of its own needs no more).
  const floorDir = join(root, 'target/bench/floor');
  const floor = { gzip: 0, brotli: 0 };
  for (const name of readdirSync(floorDir).filter((n) => /\.(js|wasm)$/.test(n))) {
    const bytes = readFileSync(join(floorDir, name));
    floor.gzip += gzipSync(bytes, { level: 9 }).length;
    floor.brotli += brotli(bytes);
  }
  const size = (s) => `${kb(s.gzip)} gzip, ${kb(s.brotli)} brotli`;
  // What each bundle is made of, as scripts/size-budget adds it up.
  const widget = sum('shared', 'embed');
  row('size', 'first card (widget: citecard.js, embed wasm and glue, CSS)', size(widget), `floor: minimal Yew app ${size(floor)}; goal 150 KB gzip`, `${(widget.gzip / floor.gzip).toFixed(1)}× floor`);
  row('size', 'hydrating widget (pre-rendered pages)', size(sum('shared', 'hydrate')), '', '');
  row('size', 'list widget (pages with a list)', size(sum('shared', 'list')), '', '');
  const cite = sum('cite');
  row('size', 'citation module (lazy: styles, processor, compiler)', size(cite), 'aim 100 KB gzip', `${(cite.gzip / 102400).toFixed(2)}× aim`);
  const bibtex = sum('bibtex');
  row('size', 'BibTeX module (lazy)', size(bibtex), 'aim 90 KB gzip', `${(bibtex.gzip / 92160).toFixed(2)}× aim`);
  row('size', 'reader module (lazy: RIS, Crossref, Semantic Scholar)', size(sum('readers')), '', '');
  // What each lazy module repeats of the first card: its functions whose
  // names (without the hash) are also in the embed's, by crate. Separately
  // instantiated wasm modules share no code, so each carries its own.
  const named = join(root, 'target/bench/names');
  const functions = (name) => {
    const sizes = new Map();
    const csv = execFileSync('twiggy', ['top', '-n', '1000000', '-f', 'csv', join(named, `${name}_bg.wasm`)], { encoding: 'utf8', maxBuffer: 1 << 28 });
    for (const line of csv.split('\n').slice(1)) {
      const match = line.match(/^"?(.*?)"?,(\d+),/);
      if (!match || /^(data|"function names"|\.\.\. and|Σ)/.test(match[1]) || match[1].includes('function names')) continue;
      const key = match[1].replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '');
      sizes.set(key, (sizes.get(key) ?? 0) + Number(match[2]));
    }
    return sizes;
  };
  const embed = functions('citecard-embed');
  for (const name of ['citecard-cite', 'citecard-bibtex', 'citecard-readers']) {
    const own = functions(name);
    let total = 0;
    const shared = new Map();
    for (const [fn, size] of own) {
      total += size;
      if (!embed.has(fn)) continue;
      const crate = fn.match(/^<?&?(?:mut )?([a-z_0-9]+)::/)?.[1] ?? 'other';
      shared.set(crate, (shared.get(crate) ?? 0) + size);
    }
    const sum = [...shared.values()].reduce((a, b) => a + b, 0);
    const top = [...shared].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([c, v]) => `${c} ${kb(v)}`).join(', ');
    row('size', `${name}: code also in the first card (raw, names kept)`, `${kb(sum)} of ${kb(total)} (${((100 * sum) / total).toFixed(0)}%)`, top, '');
  }
  // twiggy's 15 largest items of each wasm, from the copies with names,
  // leaving out the names themselves (which the bundle does not ship).
  for (const name of ['citecard-embed', 'citecard-list', 'citecard-cite', 'citecard-bibtex', 'citecard-readers']) {
    const top = execFileSync('twiggy', ['top', '-n', '16', join(named, `${name}_bg.wasm`)], { encoding: 'utf8' });
    const lines = top.trimEnd().split('\n').filter((line) => !line.includes('"function names" subsection'));
    details.push({ title: `twiggy top -n 15 ${name}_bg.wasm (raw bytes, before gzip; the shares and the total count the names section, which the bundle does not ship)`, text: [...lines.slice(0, 17), ...lines.slice(-2)].join('\n') });
  }
}

// 2. Throughput: parse + APA, one card at a time, against citation.js.
{
  const json = join(root, 'target/bench/speed.json');
  execFileSync('node', [join(root, 'tests/bench/citation-speed.mjs'), 'apa', '--json', json], { cwd: join(root, 'tests'), stdio: ['ignore', 'ignore', 'inherit'] });
  for (const r of JSON.parse(readFileSync(json, 'utf8'))) {
    const t = (x) => ({ median: x.median_ms, min: x.min_ms, max: x.max_ms });
    const peer = `citation.js 0.9 ${ms(t(r.citation_js))}`;
    row('throughput', `${r.cards} ${r.corpus === 'bibtex' ? 'BibTeX' : 'BookSci'} records, parse + APA, native`, ms(t(r.native)), peer, `${r.native_ratio.toFixed(1)}×`);
    row('throughput', `${r.cards} ${r.corpus === 'bibtex' ? 'BibTeX' : 'BookSci'} records, parse + APA, wasm in Node`, ms(t(r.wasm)), peer, `${r.wasm_ratio.toFixed(1)}×`);
  }
}

// 3. Pages in headless Chromium, served gzipped from this process.
{
  const record = readFileSync(join(root, 'static/records/seed-coproduction.txt'), 'utf8');
  const inScript = (text) => text.replaceAll('</script', '<\\/script');
  const page = (title, head, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>${head}</head><body>${body}</body></html>`;
  const card = `<citation-card><script type="text/plain">${inScript(record)}</script></citation-card>`;
  const embed = '<script type="module" src="/embed/citecard.js"></script>';
  const cards = (n) => page(`${n} cards`, embed, Array.from({ length: n }, () => card).join('\n'));
  execFileSync('cargo', ['build', '--quiet', '--locked', '-p', 'citecard-cli'], { cwd: root, stdio: 'inherit' });
  const render = (...args) => execFileSync(join(root, 'target/debug/citecard'), ['render', '--full-page', ...args, join(root, 'static/records/seed-coproduction.txt')], { encoding: 'utf8' });
  const floorPage = page('floor', `<script type="module">import init, { show } from '/floor/floor.js'; await init(); show();</script>`,
    `<div id="app"></div><script type="text/plain" id="record">${inScript(record)}</script>`);
  const pages = {
    '/floor': floorPage,
    '/card': cards(1),
    '/cards-100': cards(100),
    '/prerendered': render('--css-href', '/embed/citecard.css', '--script-src', '/embed/citecard.js'),
  };
  const { origin, files, server, html: htmlType } = await serveEmbed(pages);
  const floorDir = join(root, 'target/bench/floor');
  for (const name of readdirSync(floorDir)) {
    if (/\.(js|wasm)$/.test(name)) files.set(`/floor/${name}`, { type: name.endsWith('.js') ? 'text/javascript' : 'application/wasm', body: readFileSync(join(floorDir, name)) });
  }
  const browser = await launch();
  files.set('/plain', { type: htmlType, page: true, body: Buffer.from(await plainCardPage(browser, `${origin}/prerendered`)) });

  // Marks the frame after the one in which `count` titles exist (painted),
  // the same for a card taken over by the script (live), and every long task.
  const probe = () => {
    window.__long = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long = Math.max(window.__long, e.duration);
    }).observe({ type: 'longtask', buffered: true });
    const titles = () => {
      const inCards = [...document.querySelectorAll('citation-card')].filter((c) => c.shadowRoot?.querySelector('[data-testid=title]')?.textContent.includes('Embedding coproduction')).length;
      const plain = [...document.querySelectorAll('#title, h1.floor')].some((e) => e.textContent.includes('Embedding coproduction')) ? 1 : 0;
      return inCards || plain;
    };
    const want = () => Math.max(1, document.querySelectorAll('citation-card').length);
    const watch = (found, mark) => {
      const frame = () => {
        if (found()) requestAnimationFrame((t) => (window[mark] = t));
        else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    };
    watch(() => titles() >= want(), '__painted');
    watch(() => {
      const card = document.querySelector('citation-card')?.shadowRoot;
      return card?.querySelector('[data-testid=citation-card]') && !card.querySelector('[data-citecard-render]') && document.querySelector('script[type=module]');
    }, '__live');
  };

  // One load of `path`: cold (a fresh context) or warm (reloaded once its
  // bundle is cached); with `memory`, the JS heap and the wasm memory
  // (ArrayBuffer backing stores) after a collection.
  const load = async (path, { warm = false, live = false, memory = false } = {}) => {
    const { context, tab } = await coldTab(browser, probe, null);
    const cdp = await context.newCDPSession(tab);
    const wait = async () => {
      await tab.waitForFunction(() => window.__painted !== undefined, null, { timeout: 60_000 });
      if (live) await tab.waitForFunction(() => window.__live !== undefined, null, { timeout: 60_000 });
    };
    await tab.goto(`${origin}${path}`);
    if (warm) {
      await wait();
      await tab.reload();
    }
    await wait();
    const result = await tab.evaluate(() => ({ painted: window.__painted, live: window.__live, long: window.__long }));
    if (memory) {
      await tab.waitForTimeout(300);
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      result.memory = heap.usedSize + (heap.backingStorageSize ?? 0);
    }
    await context.close();
    return result;
  };

  const plan = {
    floorCold: ['/floor', {}],
    cardCold: ['/card', { memory: true }],
    floorWarm: ['/floor', { warm: true }],
    cardWarm: ['/card', { warm: true }],
    plain: ['/plain', {}],
    prerendered: ['/prerendered', { live: true }],
    cards100: ['/cards-100', { memory: true }],
    floorMemory: ['/floor', { memory: true }],
  };
  const results = Object.fromEntries(Object.keys(plan).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const [key, [path, options]] of Object.entries(plan)) results[key].push(await load(path, options));
  }
  const painted = (key) => spread(results[key].map((r) => r.painted));
  const ratio = (a, b) => `${(a.median / b.median).toFixed(2)}×`;
  const pairs = [['cold', 'cardCold', 'floorCold'], ['warm (cached, compiled)', 'cardWarm', 'floorWarm']];
  for (const [visit, ours, floor] of pairs) {
    row('page', `first card on screen, ${visit}, from navigation start`, ms(painted(ours)), `minimal Yew app ${ms(painted(floor))}`, ratio(painted(ours), painted(floor)));
  }
  row('page', 'pre-rendered card painted (citecard render), cold', ms(painted('prerendered')), `plain HTML ${ms(painted('plain'))}`, ratio(painted('prerendered'), painted('plain')));
  const live = spread(results.prerendered.map((r) => r.live));
  row('page', 'pre-rendered card hydrated (controls live), cold', ms(live), `script-drawn card ${ms(painted('cardCold'))}`, ratio(live, painted('cardCold')));
  row('page', '100 cards on screen, cold', ms(painted('cards100')), `1 card ${ms(painted('cardCold'))}`, ratio(painted('cards100'), painted('cardCold')));
  // The Long Tasks API reports only tasks of 50 ms and over.
  const longText = (key) => {
    const long = results[key].map((r) => r.long).filter((t) => t > 0);
    return long.length === 0 ? 'none over 50 ms' : `${long.length} of ${runs} runs had one; the longest ${Math.max(...long).toFixed(0)} ms`;
  };
  row('page', 'long tasks (50 ms and over), 100 cards', longText('cards100'), `1 card: ${longText('cardCold')}`, '');
  const memory = (key) => spread(results[key].map((r) => r.memory));
  const one = memory('cardCold');
  const hundred = memory('cards100');
  const perCard = (hundred.median - one.median) / 99;
  row('memory', 'JS heap + wasm memory, 100 cards', kb(hundred.median), `1 card ${kb(one.median)}; minimal Yew app ${kb(memory('floorMemory').median)}`, `${kb(perCard)} a card`);
  details.push({ title: 'browser', text: `Chromium ${browser.version()}, ${runs} runs per page, pages taking turns; served gzip -9 over loopback` });
  await browser.close();
  server.close();
}

// The table.
const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)} by \`scripts/bench --runs ${runs}\` (Node ${process.versions.node}). Times are medians (fastest–slowest run); each ratio compares two figures of this same run.`,
  '',
  '| | measured | citecard | peer or floor | ratio |',
  '| --- | --- | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.section} | ${r.what} | ${r.ours} | ${r.peer} | ${r.ratio} |`),
  '',
  ...details.flatMap((d) => [`${d.title}:`, '', '```', d.text, '```', '']),
];
const table = lines.join('\n');
console.log(table);
if (values.write) {
  const path = join(root, 'BENCHMARKS.md');
  const text = readFileSync(path, 'utf8');
  const begin = '<!-- scripts/bench: begin (generated; the history tables below are not) -->';
  const end = '<!-- scripts/bench: end -->';
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error('BENCHMARKS.md has no scripts/bench markers');
  writeFileSync(path, `${text.slice(0, from + begin.length)}\n${table}\n${text.slice(to)}`);
  console.error('BENCHMARKS.md: the scripts/bench table rewritten');
}
