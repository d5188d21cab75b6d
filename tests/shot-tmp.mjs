import { chromium } from '@playwright/test';
const [url, out, scheme = 'light', width = '1000'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ colorScheme: scheme, viewport: { width: Number(width), height: 900 } });
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(url);
await page.waitForTimeout(2500);
if (process.env.ACT) { await eval(`(async () => { ${process.env.ACT} })()`); await page.waitForTimeout(800); }
await page.screenshot({ path: out, fullPage: true });
await browser.close();
