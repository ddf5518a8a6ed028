import { expect, test } from '@playwright/test';
import {
  backendUrl,
  guestToken,
  keepScreenshot,
  signInAsGuest,
  waitForBackend,
} from './portal';

const demoDomains = ['asset', 'brokerage', 'capital-markets'];

test.beforeAll(async ({ request }) => {
  await waitForBackend(request);
});

test('the catalog API lists the three demo domains to a signed-in guest only', async ({
  request,
}) => {
  const url = `${backendUrl}/api/catalog/entities?filter=kind=domain`;

  const anonymous = await request.get(url);
  expect(anonymous.status()).toBe(401);

  const token = await guestToken(request);
  await expect
    .poll(
      async () => {
        const response = await request.get(url, {
          headers: { Authorization: `Bearer ${token}` },
        });
        const entities: Array<{ metadata: { name: string } }> =
          await response.json();
        return entities.map(e => e.metadata.name).sort();
      },
      { timeout: 60_000 },
    )
    .toEqual(demoDomains);
});

test('the permission policy refuses unregistering a domain to the guest', async ({
  request,
}) => {
  const headers = { Authorization: `Bearer ${await guestToken(request)}` };
  const [asset] = await (
    await request.get(
      `${backendUrl}/api/catalog/entities?filter=kind=domain,metadata.name=asset`,
      { headers },
    )
  ).json();
  const response = await request.delete(
    `${backendUrl}/api/catalog/entities/by-uid/${asset.metadata.uid}`,
    { headers },
  );
  expect(response.status()).toBe(403);
});

test('a person finds the Brokerage domain in the catalog', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/catalog?filters[kind]=domain&filters[user]=all');

  const brokerage = page.getByRole('link', { name: 'Brokerage', exact: true });
  await expect(brokerage).toBeVisible();
  await keepScreenshot(page, 'catalog-domains');

  await brokerage.click();
  await expect(page).toHaveURL(/\/catalog\/default\/domain\/brokerage/);
  await expect(page.getByText('Letting office space').first()).toBeVisible();
  await keepScreenshot(page, 'brokerage-domain');
});
