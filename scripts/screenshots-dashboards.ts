/**
 * One-off: a screenshot of the dashboards on a fresh demo server (eight weeks of history) for
 * docs/screenshots/. Run `npx vite build` first, then `npx tsx scripts/screenshots-dashboards.ts`.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../test/helpers/browser.js';
import { runCli } from '../test/helpers/process.js';

const out = path.resolve('docs/screenshots');

async function main(): Promise<void> {
  const server = runCli(['serve', '--demo'], { DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'lw-shots-')), PORT: '0' });
  const url = await server.ready(150_000);
  const browser = await launchBrowser({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${url}/login`);
    await page.getByLabel('Email').fill('recruiter@acme.test');
    await page.getByRole('textbox', { name: 'Password' }).fill('loopwise-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${url}/dashboards?days=90`);
    for (const name of ['time-to-schedule', 'reschedule-rate', 'no-show-rate', 'coordinator-load', 'pipeline-aging']) {
      await page.getByTestId(`metric-${name}`).getByTestId('metric-table').waitFor();
    }
    await page.screenshot({ path: `${out}/dashboards.png`, fullPage: true });
    console.log(`Screenshot written to ${out}/dashboards.png`);
  } finally {
    await browser.close();
    server.kill();
  }
}

await main();
