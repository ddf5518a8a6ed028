import { expect, test, type Browser, type Page } from '@playwright/test';
import { keepScreenshot, signInAs, waitForBackend } from './portal';

/**
 * The marketplace's checkout, with two people of the demo organisation in two browsers:
 * Kwame Mensah (Capital Markets, a consumer) finds Entity ratings and asks for access;
 * Marie Dubois (Brokerage data team, its owner) approves; the demo data platform delivers;
 * Kwame sees the request granted and himself among the product's consumers.
 */

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  await waitForBackend(request);
});

let requestUrl: string;

async function personPage(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, name);
  return page;
}

test('a consumer finds Entity ratings, reads its schema and licence, and asks for access', async ({
  browser,
}) => {
  const page = await personPage(browser, 'Kwame Mensah');
  await page.getByRole('link', { name: 'Marketplace' }).click();
  await expect(page).toHaveURL(/\/data-marketplace/);
  const products = page.getByRole('list', { name: 'Data products' });
  await expect(products.getByRole('article').first()).toBeVisible({
    timeout: 90_000,
  });

  await page.getByLabel('Search data products').fill('ratings');
  await expect(page).toHaveURL(/q=ratings/);
  await page
    .getByRole('group', { name: 'Domain' })
    .getByRole('checkbox', { name: /brokerage/i })
    .check();
  await expect(page).toHaveURL(/domain=/);
  const card = page.getByRole('article', { name: 'Entity ratings' });
  await expect(card).toBeVisible();
  await expect(products.getByRole('article')).toHaveCount(1);
  await keepScreenshot(page, 'marketplace-search-ratings-brokerage');

  await card.getByRole('link', { name: 'Entity ratings' }).click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/dataproduct\/entity-ratings/,
  );
  await expect(page.getByText(/internal use only/i).first()).toBeVisible();
  await keepScreenshot(page, 'product-page-entity-ratings');

  await page.getByRole('tab', { name: 'Schema' }).click();
  await expect(
    page.getByRole('cell', { name: 'lei', exact: true }).first(),
  ).toBeVisible();
  await keepScreenshot(page, 'product-schema-entity-ratings');
  await page.getByRole('tab', { name: 'Overview' }).click();

  await page.getByRole('button', { name: 'Request access' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const port = dialog.getByRole('combobox', { name: 'Output port' });
  const firstPort = await port
    .locator('option[value]:not([value=""])')
    .first()
    .getAttribute('value');
  await port.selectOption(firstPort!);
  const category = dialog.getByRole('combobox', { name: 'Purpose category' });
  const firstCategory = await category
    .locator('option[value]:not([value=""])')
    .first()
    .getAttribute('value');
  await category.selectOption(firstCategory!);
  await dialog
    .getByRole('textbox', { name: 'Purpose', exact: true })
    .fill('Credit risk of our tenants for the quarterly exposure report.');
  await keepScreenshot(page, 'request-access-dialog');
  await dialog.getByRole('button', { name: 'Submit request' }).click();

  await expect(page).toHaveURL(/\/data-access\/requests\/[^/]+$/);
  requestUrl = new URL(page.url()).pathname;
  await expect(page.getByText('Submitted').first()).toBeVisible();
  await keepScreenshot(page, 'request-submitted');
  await page.context().close();
});

test('the owner approves it from the inbox', async ({ browser }) => {
  const page = await personPage(browser, 'Marie Dubois');
  await page.getByRole('link', { name: 'Data access' }).click();
  await page.getByRole('tab', { name: 'To decide' }).click();
  const requestId = requestUrl.split('/').pop()!;
  const row = page.locator(`tr[data-request-id="${requestId}"]`);
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row).toContainText('Credit risk of our tenants');
  await keepScreenshot(page, 'owner-inbox');
  await row.getByRole('button', { name: 'Approve' }).click();
  await expect(row).toHaveCount(0, { timeout: 30_000 });
  await page.context().close();
});

test('the consumer sees the request granted and appears among the consumers', async ({
  browser,
}) => {
  const page = await personPage(browser, 'Kwame Mensah');
  // The demo data platform delivers on the next run of the delivery task (every 5 s).
  await expect
    .poll(
      async () => {
        await page.goto(requestUrl);
        // The State of the request's details (the timeline also names steps still to come).
        const state = page
          .locator('dt', { hasText: /^State$/ })
          .locator('xpath=following-sibling::dd[1]');
        return state
          .waitFor({ timeout: 10_000 })
          .then(() => state.textContent())
          .catch(() => '');
      },
      { timeout: 90_000, intervals: [3_000] },
    )
    .toBe('Granted');
  await keepScreenshot(page, 'request-granted-timeline');

  await page.goto('/catalog/default/dataproduct/entity-ratings');
  const consumers = page
    .locator('article, [class*="MuiCard"]')
    .filter({ hasText: 'Consumers' })
    .first();
  await expect(
    consumers.getByText(/Kwame Mensah|kwame\.mensah/).first(),
  ).toBeVisible({
    timeout: 30_000,
  });
  await keepScreenshot(page, 'product-consumers');
  await page.context().close();
});
