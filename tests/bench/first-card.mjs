// How long until the first <citation-card> is on screen, in headless
// Chromium, for a page that has nothing else: one script tag and one element
// with the reference record inside it.
//
//   node tests/bench/first-card.mjs [runs]        (after `trunk build --release`)
//
// The bundle in dist/embed/ is served gzipped (as a CDN would) from a server
// in this process. Each cold run opens a fresh browser context (empty HTTP
// cache); each warm run reloads a page whose bundle is already in the cache
// (and whose wasm Chromium has compiled and cached). Networks are emulated
// with the DevTools protocol. "On screen" is the start of the first animation
// frame after the one in which the card's title exists: the frame in which
// the card was first painted.
//
// Prints, per network: the median and 90th percentile of the time from
// navigation start to the first card, of the time from the embed wasm's last
// byte to the first card (the part citecard's own code decides), and the
// bytes transferred.
import { createServer } from 'node:http';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { NETWORKS, coldTab, launch, stats } from './browser.mjs';

const runs = Number(process.argv[2] ?? 15);
const dist = fileURLToPath(new URL('../../dist/embed/', import.meta.url));
const record = readFileSync(new URL('../../static/records/seed-coproduction.txt', import.meta.url), 'utf8');

// Every bundle file, gzipped once (gzip -9, as scripts/size-budget counts).
const types = { '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };
const files = new Map();
const collect = (dir, prefix) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, `${prefix}${name}/`);
    else if (types[extname(name)]) files.set(`/embed/${prefix}${name}`, { type: types[extname(name)], body: gzipSync(readFileSync(path), { level: 9 }) });
  }
};
collect(dist, '');
if (!files.has('/embed/citecard.js')) throw new Error('no dist/embed/citecard.js: run trunk build --release first');

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>first card</title>
<script type="module" src="/embed/citecard.js"></script></head>
<body><citation-card><script type="text/plain">${record.replaceAll('</script', '<\\/script')}</script></citation-card></body></html>`;

const server = createServer((request, response) => {
  const path = new URL(request.url, 'http://localhost').pathname;
  if (path === '/') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page);
    return;
  }
  const file = files.get(path);
  if (!file) {
    response.writeHead(404).end();
    return;
  }
  response
    .writeHead(200, { 'content-type': file.type, 'content-encoding': 'gzip', 'cache-control': 'public, max-age=3600' })
    .end(file.body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

// Marks the frame in which the card's title first exists, and the next one.
const probe = () => {
  const found = () => {
    const card = document.querySelector('citation-card')?.shadowRoot?.querySelector('[data-testid=citation-card]');
    return card && card.textContent.includes('Embedding coproduction');
  };
  const frame = () => {
    if (found()) requestAnimationFrame((t) => (window.__firstCard = t));
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};

const networks = [NETWORKS.loopback, NETWORKS.cable, NETWORKS.fourG];
const browser = await launch();

const measure = async (tab) => {
  await tab.waitForFunction(() => window.__firstCard !== undefined, null, { timeout: 20_000 });
  return tab.evaluate(() => {
    const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('citecard-embed_bg.wasm'));
    const bytes = performance.getEntriesByType('resource').reduce((sum, e) => sum + e.transferSize, 0);
    return { total: window.__firstCard, afterWasm: wasm ? window.__firstCard - wasm.responseEnd : NaN, bytes };
  });
};

const ms = (v) => `${v.toFixed(0)} ms`.padStart(7);

console.log(`first card on screen: ${runs} runs each, Chromium ${browser.version()}, bundle ${url}embed/ (gzip -9)`);
console.log('network                          visit  first card (median / p90)   after the wasm arrived   transferred');
for (const { name, conditions } of networks) {
  for (const warm of [false, true]) {
    const results = [];
    for (let i = 0; i < runs; i++) {
      const { context, tab } = await coldTab(browser, probe, conditions);
      await tab.goto(url);
      if (warm) {
        await measure(tab);
        await tab.reload();
      }
      results.push(await measure(tab));
      await context.close();
    }
    const total = stats(results.map((r) => r.total));
    const after = stats(results.map((r) => r.afterWasm));
    const bytes = stats(results.map((r) => r.bytes)).median;
    console.log(
      `${name.padEnd(32)} ${(warm ? 'warm' : 'cold').padEnd(5)}  ${ms(total.median)} / ${ms(total.p90)}          ${ms(after.median)} / ${ms(after.p90)}     ${(bytes / 1024).toFixed(1).padStart(6)} KB`,
    );
  }
}
await browser.close();
server.close();
