import { expect, test } from '@playwright/test';
import {
  backendUrl,
  guestToken,
  keepScreenshot,
  signInAsGuest,
  waitForBackend,
} from './portal';

test.beforeAll(async ({ request }) => {
  await waitForBackend(request);
});

test('the demo mesh is ingested from its descriptor files, with lineage', async ({
  request,
}) => {
  const headers = { Authorization: `Bearer ${await guestToken(request)}` };
  await expect
    .poll(
      async () => {
        const response = await request.get(
          `${backendUrl}/api/catalog/entities?filter=kind=dataproduct&fields=metadata.name`,
          { headers },
        );
        const products: Array<{ metadata: { name: string } }> =
          await response.json();
        return products.map(p => p.metadata.name).sort();
      },
      { timeout: 90_000 },
    )
    // Other journeys may have created products of their own in the same portal.
    .toEqual(
      expect.arrayContaining([
        'credit-risk-dashboard',
        'entity-ratings',
        'property-portfolio',
        'rental-income-forecast',
        'tenancy-analytics',
      ]),
    );

  await expect
    .poll(
      async () => {
        const ratings = await (
          await request.get(
            `${backendUrl}/api/catalog/entities/by-name/dataproduct/default/entity-ratings`,
            { headers },
          )
        ).json();
        return (ratings.relations ?? []).map(
          (r: { type: string; targetRef: string }) =>
            `${r.type} ${r.targetRef}`,
        );
      },
      { timeout: 60_000 },
    )
    .toEqual(
      expect.arrayContaining([
        'dependsOn dataproduct:default/tenancy-analytics',
        'dependencyOf dataproduct:default/credit-risk-dashboard',
        'providesApi api:default/entity-ratings-contract',
        'partOf domain:default/brokerage',
      ]),
    );
});

test('a person opens Entity ratings from the catalog', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/catalog?filters[kind]=dataproduct&filters[user]=all');
  const ratings = page.getByRole('link', {
    name: 'Entity ratings',
    exact: true,
  });
  await expect(ratings).toBeVisible({ timeout: 60_000 });
  await keepScreenshot(page, 'catalog-data-products');

  await ratings.click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/dataproduct\/entity-ratings/,
  );
  await expect(
    page.getByText('The credit rating history').first(),
  ).toBeVisible();
  await keepScreenshot(page, 'entity-ratings');
});
