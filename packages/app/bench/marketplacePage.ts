/*
 * How fast the marketplace page becomes usable with many products, and what the suite's
 * frontend plugins add to the app bundle:
 *   yarn workspace app bench:marketplace [products=10000] [--no-build] [--stats] [--postgres]
 * It builds the app for production, generates the products into a fresh
 * SQLite portal, starts the demo backend (which serves the built app), waits until the
 * catalog holds every product, then loads /data-marketplace in Chromium several times and
 * prints the time to interactive: the product cards and facet counts shown and the search box
 * enabled. It also times a search and a facet click.
 */
import { chromium, type Page } from '@playwright/test';
import { spawnSync } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';
import { poll, repoRoot, startBenchPortal } from './benchPortal';
import { measureBundle } from './bundleSize';

const args = process.argv.slice(2);
const count = Number(args.find(a => /^\d+$/.test(a)) ?? 10000);
const build = !args.includes('--no-build');
// The bundler's stats of this app are hundreds of MB and slow to write: only on request.
const withStats = args.includes('--stats');
const postgres = args.includes('--postgres');

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The shown total ("10005 data products"), once the page has one. */
function shownTotal() {
  return [...document.querySelectorAll('[role="status"]')]
    .map(element => element.textContent ?? '')
    .find(text => /\d+ data products?/.test(text));
}

/** Milliseconds from navigation start until the page can be used. */
async function timeToInteractive(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(
    totalText => {
      const total = new Function(`return (${totalText})()`)();
      const cards = document.querySelectorAll(
        '[aria-label="Data products"] article',
      );
      const facetCounts = document.querySelectorAll(
        '[data-testid="facet-count"]',
      );
      const search = document.querySelector<HTMLInputElement>(
        'input[aria-label="Search data products"]',
      );
      return (
        Boolean(total) &&
        cards.length > 0 &&
        facetCounts.length > 0 &&
        Boolean(search) &&
        !search!.disabled
      );
    },
    shownTotal.toString(),
    { timeout: 120_000, polling: 50 },
  );
  return page.evaluate(() => performance.now());
}

/** Milliseconds from an action until the shown total changes. */
async function timeUntilResultsChange(page: Page, act: () => Promise<void>) {
  const totalOf = () =>
    page.evaluate(
      totalText => new Function(`return (${totalText})()`)(),
      shownTotal.toString(),
    );
  const before = await totalOf();
  const start = Date.now();
  await act();
  await page.waitForFunction(
    ([totalText, previous]) => {
      const total = new Function(`return (${totalText})()`)();
      return Boolean(total) && total !== previous;
    },
    [shownTotal.toString(), before] as const,
    { timeout: 60_000, polling: 20 },
  );
  return Date.now() - start;
}

async function main() {
  if (build) {
    console.log('building the app for production...');
    const built = spawnSync(
      'yarn',
      ['backstage-cli', 'package', 'build', ...(withStats ? ['--stats'] : [])],
      {
        cwd: join(repoRoot, 'packages/app'),
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    if (built.status !== 0) throw new Error('the app build failed');
  }
  if (!existsSync(join(repoRoot, 'packages/app/dist/index.html'))) {
    throw new Error('packages/app/dist is missing: run without --no-build');
  }
  const bundle = measureBundle(join(repoRoot, 'packages/app/dist'));

  const portal = await startBenchPortal({ products: count, postgres });
  try {
    console.log(
      `catalog holds the ${count} generated products after ${portal.ingestionSeconds.toFixed(
        0,
      )} s`,
    );
    // The page reads the marketplace index, which follows the catalog every 30 seconds.
    const token = await portal.token();
    await poll(
      'every product in the marketplace index',
      async () => {
        const response = await fetch(
          `${portal.baseUrl}/api/data-marketplace/marketplace/products?limit=1`,
          { headers: { Authorization: `Bearer ${token}` } },
        );
        const { totalItems } = await response.json();
        return totalItems >= count ? true : undefined;
      },
      600_000,
    );

    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
      ],
    });
    const context = await browser.newContext({ baseURL: portal.baseUrl });
    await context.addInitScript(name => {
      window.localStorage.setItem('datamesh.demo.signInAs', name);
    }, 'kwame.mensah');
    const page = await context.newPage();
    const loads: number[] = [];
    for (let run = 0; run < 6; run++) {
      loads.push(await timeToInteractive(page, '/data-marketplace'));
    }
    const search = await timeUntilResultsChange(page, () =>
      page.getByLabel('Search data products').fill('ratings'),
    );
    const facet = await timeUntilResultsChange(page, () =>
      page.locator('[data-facet="domain"]').first().check(),
    );
    await browser.close();

    console.log(
      `\nmarketplace page with ${count} generated products (+ the demo's)`,
    );
    console.log(
      `  time to interactive, first load (cold cache): ${loads[0].toFixed(
        0,
      )} ms`,
    );
    console.log(
      `  time to interactive, warm: median ${median(loads.slice(1)).toFixed(
        0,
      )} ms, max ${Math.max(...loads.slice(1)).toFixed(0)} ms (${
        loads.length - 1
      } loads)`,
    );
    console.log(`  search "ratings" to new results: ${search} ms`);
    console.log(`  facet click to new results: ${facet} ms`);
    console.log(`\nbundle: ${bundle.summary}`);
  } finally {
    await portal.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
