import { APIRequestContext, expect, Page } from '@playwright/test';

/** Where the journeys find the portal's backend. */
export const backendUrl = process.env.BACKEND_URL ?? 'http://localhost:7007';

/** Waits until every backend plugin has started (readiness turns from 503 to 200). */
export async function waitForBackend(request: APIRequestContext) {
  await expect
    .poll(
      async () => {
        try {
          return (
            await request.get(`${backendUrl}/.backstage/health/v1/readiness`)
          ).status();
        } catch {
          return 0; // not listening yet
        }
      },
      { timeout: 180_000, intervals: [1_000] },
    )
    .toBe(200);
}

/** A bearer token for the guest user, as the README shows with curl. */
export async function guestToken(request: APIRequestContext): Promise<string> {
  const response = await request.get(`${backendUrl}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(response.ok()).toBeTruthy();
  const body = await response.json();
  return body.backstageIdentity.token;
}

/** Signs in through the sign-in page, as a person would, and waits for the catalog. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter as guest' }).click();
  await expect(page).toHaveURL(/\/catalog/);
}

/** Signs in as one of the demo organisation's people, picked on the sign-in page. */
export async function signInAs(page: Page, displayName: string) {
  await page.goto('/');
  await page.getByRole('button', { name: `Sign in as ${displayName}` }).click();
  await expect(page).toHaveURL(/\/catalog/);
}

/** A bearer token for one of the demo's people, as the demo sign-in page gets it. */
export async function personaToken(
  request: APIRequestContext,
  userName: string,
): Promise<string> {
  const response = await request.get(
    `${backendUrl}/api/auth/demo-personas/refresh`,
    {
      headers: {
        'X-Requested-With': 'XMLHttpRequest',
        'x-datamesh-persona': userName,
      },
    },
  );
  expect(response.ok()).toBeTruthy();
  return (await response.json()).backstageIdentity.token;
}

/** Keeps a screenshot of the page as an artifact of the run. */
export async function keepScreenshot(page: Page, name: string) {
  await page.screenshot({
    path: `e2e-artifacts/screenshots/${name}.png`,
    fullPage: true,
  });
}

/** Loads the page and tells whether the text shows up on it within a few seconds. */
export async function pageShows(page: Page, path: string, text: string) {
  await page.goto(path);
  return page
    .getByText(text)
    .first()
    .waitFor({ timeout: 10_000 })
    .then(
      () => true,
      () => false,
    );
}
