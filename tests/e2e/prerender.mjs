// Pages `citecard render` writes, for the specs and the screenshots: the CLI
// (built once, debug: the markup is the same in any profile), and the pages
// answered by Playwright on the host origin, the bundle passed through from
// its own server, as in embed.mjs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { bundle, hostOrigin } from './embed.mjs';

export const root = new URL('../../', import.meta.url).pathname;
const citecard = join(root, 'target/debug/citecard');

/** Build the CLI (call from `test.beforeAll`). */
export function buildCli() {
  execFileSync('cargo', ['build', '--quiet', '--locked', '-p', 'citecard-cli'], { cwd: root, stdio: 'inherit' });
}

/** Build examples/static-site into a fresh directory, with `args` for its renders; its path. */
export function buildSite(args = []) {
  const out = mkdtempSync(join(tmpdir(), 'citecard-site-'));
  execFileSync(join(root, 'examples/static-site/build'), [out, ...args], { env: { ...process.env, CITECARD: citecard }, stdio: 'ignore' });
  return out;
}

/** `citecard render ARGS -` over `input`: its standard output. */
export const render = (args, input) => execFileSync(citecard, ['render', ...args, '-'], { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] });

/** The pages' links to the bundle (its own origin, as a CDN's). */
export const live = ['--css-href', `${bundle}/citecard.css`, '--script-src', `${bundle}/citecard.js`];

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.bib': 'application/x-bibtex', '.ris': 'application/x-research-info-systems', '.json': 'application/json' };

/**
 * Answer `${hostOrigin}/site/…` from `dir` and pass the bundle through; a
 * request for citecard.js waits for `gate` when one is given.
 */
export async function serve(page, dir, { gate } = {}) {
  await page.route(`${hostOrigin}/site/**`, (route) => {
    const path = join(dir, decodeURIComponent(new URL(route.request().url()).pathname.slice('/site/'.length)) || 'index.html');
    if (!existsSync(path)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, contentType: TYPES[extname(path)] ?? 'application/octet-stream', body: readFileSync(path) });
  });
  await page.route(`${bundle}/**`, async (route) => {
    if (gate && route.request().url().endsWith('/citecard.js')) await gate;
    try {
      await route.fulfill({ response: await route.fetch() });
    } catch {
      // The test ended while a lazy module was still on its way.
    }
  });
}

/** A page of `body` (fragments) with `head`, answered at `${hostOrigin}/site/page.html`. */
export async function servePage(page, body, { gate, head = '' } = {}) {
  // Registered after `serve`'s routes, this one answers first.
  await serve(page, tmpdir(), { gate });
  await page.route(`${hostOrigin}/site/page.html`, (route) => route.fulfill({
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>page</title>${head}</head><body>${body}</body></html>`,
  }));
}

