// What the page-load benchmarks share: Debian's Chromium launched as the
// tests launch it, emulated networks, a cold tab on one, and the median and
// 90th percentile of a set of timings.
import { chromium } from '@playwright/test';

/** DevTools network conditions (throughput in bytes per second). */
export const NETWORKS = {
  loopback: { name: 'no throttling (loopback)', conditions: null },
  cable: { name: 'cable: 20 Mbit/s, 20 ms RTT', conditions: { latency: 20, downloadThroughput: 20e6 / 8, uploadThroughput: 5e6 / 8 } },
  fourG: { name: '4G: 9 Mbit/s, 85 ms RTT', conditions: { latency: 85, downloadThroughput: 9e6 / 8, uploadThroughput: 1.5e6 / 8 } },
};

export const launch = () => chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
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
