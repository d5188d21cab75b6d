// What the page-load benchmarks share: Debian's Chromium launched as the
// tests launch it, emulated networks, a cold tab on one, and the median and
// 90th percentile of a set of timings.
import { chromium } from '@playwright/test';
import { createServer } from 'node:http';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** DevTools network conditions (throughput in bytes per second). */
export const NETWORKS = {
  loopback: { name: 'no throttling (loopback)', conditions: null },
  cable: { name: 'cable: 20 Mbit/s, 20 ms RTT', conditions: { latency: 20, downloadThroughput: 20e6 / 8, uploadThroughput: 5e6 / 8 } },
  fourG: { name: '4G: 9 Mbit/s, 85 ms RTT', conditions: { latency: 85, downloadThroughput: 9e6 / 8, uploadThroughput: 1.5e6 / 8 } },
};

// JSFLAGS passes V8 flags (`--js-flags`), to see what the engine's own
// choices cost: `JSFLAGS=--no-wasm-tier-up node tests/bench/csl-compile.mjs`.
export const launch = () => chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ...(process.env.JSFLAGS ? [`--js-flags=${process.env.JSFLAGS}`] : []),
  ],
});

/**
 * A tab in a fresh context (empty HTTP cache) of `browser`, with `probe`
 * run in every page before its own scripts, on a network with `conditions`
 * (none: unthrottled). Close its `context` when done.
 */
export async function coldTab(browser, probe, conditions) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.addInitScript(probe);
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  if (conditions) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...conditions });
  return { context, tab };
}

/** The median and 90th percentile of `values` (undefined ones left out). */
export function stats(values) {
  const sorted = values.filter((v) => v !== undefined).sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p90: at(0.9) };
}

const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.html': 'text/html; charset=utf-8' };

/**
 * Serve the release bundle (dist/embed/, under /embed/) and `pages` (path →
 * HTML, never cached) gzipped from a server in this process, as a site
 * would. Returns the origin, the file map (to add pages to) and the server.
 */
export async function serveEmbed(pages = {}) {
  const dist = fileURLToPath(new URL('../../dist/embed/', import.meta.url));
  const files = new Map();
  const collect = (dir, prefix) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) collect(path, `${prefix}${name}/`);
      else if (TYPES[extname(name)]) files.set(`/embed/${prefix}${name}`, { type: TYPES[extname(name)], body: readFileSync(path) });
    }
  };
  collect(dist, '');
  if (!files.has('/embed/citecard-hydrate_bg.wasm')) throw new Error('no dist/embed/: run trunk build --release first');
  for (const [path, html] of Object.entries(pages)) files.set(path, { type: TYPES['.html'], body: Buffer.from(html), page: true });
  const server = createServer((request, response) => {
    const file = files.get(new URL(request.url, 'http://localhost').pathname);
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': file.type, 'content-encoding': 'gzip', 'cache-control': file.page ? 'no-store' : 'public, max-age=3600' })
      .end(gzipSync(file.body, { level: 9 }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, files, server, html: TYPES['.html'] };
}

/**
 * The plain page the pre-rendered card is compared with: the card's own
 * text, read from the pre-rendered page at `url` in `browser`, as a heading
 * (`#title`) and paragraphs, with no stylesheet and no script.
 */
export async function plainCardPage(browser, url) {
  const tab = await browser.newPage();
  await tab.goto(url);
  const [text, title] = await tab.evaluate(() => {
    const card = document.querySelector('citation-card').shadowRoot;
    return [card.querySelector('article').innerText, card.querySelector('[data-testid=title]').innerText];
  });
  await tab.close();
  const escape = (s) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  const rest = text.split('\n').filter((line) => line.trim() && line !== title);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>plain</title></head>
<body><main><article><h2 id="title">${escape(title)}</h2>${rest.map((line) => `<p>${escape(line)}</p>`).join('')}</article></main></body></html>`;
}
