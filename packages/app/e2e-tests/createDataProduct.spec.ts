import { expect, Page, test } from '@playwright/test';
import { keepScreenshot, signInAsGuest, waitForBackend } from './portal';

/**
 * Cycle 1 in the browser: a developer signs in, opens Create, fills the source-aligned
 * template's form, runs it, and lands on the new product's page. Needs the suite's
 * scaffolder module in the backend and the local publisher's catalog location in
 * app-config.yaml (plugins/scaffolder-backend-module-data-mesh/README.md).
 */

test.beforeAll(async ({ request }) => {
  await waitForBackend(request);
});

/** Picks an entity in an EntityPicker field by typing part of its title. */
async function pickEntity(page: Page, label: string, title: string) {
  await page.getByLabel(label, { exact: false }).first().click();
  await page.getByLabel(label, { exact: false }).first().fill(title);
  await page
    .getByRole('option', { name: new RegExp(title, 'i') })
    .first()
    .click();
}

test('a developer creates a source-aligned data product and lands on its page', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // A name of its own, so the journey runs again on a portal that keeps its data.
  const suffix = Date.now().toString(36);
  const name = `offers-${suffix}`;
  const title = `Offers ${suffix}`;

  await signInAsGuest(page);
  await page.goto('/create');
  const card = page
    .locator('[data-testid="template-card-source-aligned-data-product"]')
    .or(
      page
        .getByText('Source-aligned data product', { exact: true })
        .locator('xpath=ancestor::*[.//button[normalize-space()="Choose"]][1]'),
    )
    .first();
  await expect(card).toBeVisible({ timeout: 60_000 });
  await card.getByRole('button', { name: 'Choose' }).click();

  // Step 1: the product. The form refuses a name that breaks the naming rules.
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Name').fill('Offers_Bad');
  await pickEntity(page, 'Domain', 'Brokerage');
  await pickEntity(page, 'Owner', 'Brokerage data team');
  await page
    .getByLabel('Purpose')
    .fill('Open lease offers per building, so that brokers see the pipeline.');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText(/must match pattern/i).first()).toBeVisible();
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Next' }).click();

  // Step 2: classification and terms (internal and daily by default).
  await page.getByLabel('Licence').fill('Internal use only');
  await page.getByRole('button', { name: 'Next' }).click();

  // Step 3: one output port; its first column is filled in by default.
  await page.getByLabel('Port name').fill('open-offers');
  await page.getByLabel('Address').fill(`warehouse.brokerage.offers_${suffix}`);
  await page.getByRole('button', { name: 'Next' }).click();

  // Step 4: the local publisher (the default), then review and create.
  await page.getByRole('button', { name: 'Review' }).click();
  await keepScreenshot(page, 'create-data-product-review');
  const clickedCreate = Date.now();
  await page.getByRole('button', { name: 'Create' }).click();

  const open = page.getByRole('link', { name: 'Open the data product' });
  await expect(open).toBeVisible({ timeout: 120_000 });
  const taskEnded = Date.now();
  await keepScreenshot(page, 'create-data-product-done');
  await open.click();

  await expect(page).toHaveURL(
    new RegExp(`/catalog/default/dataproduct/${name}`),
  );
  await expect(page.getByText(title).first()).toBeVisible({ timeout: 30_000 });
  await expect(
    page.getByText('Open lease offers per building').first(),
  ).toBeVisible();
  const productShown = Date.now();
  await keepScreenshot(page, 'create-data-product-page');

  test.info().annotations.push({
    type: 'timing',
    description: `Create clicked → task done ${
      taskEnded - clickedCreate
    } ms; → product page shows the product ${productShown - clickedCreate} ms`,
  });
});
