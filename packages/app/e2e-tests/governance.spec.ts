import { expect, test, type APIRequestContext } from '@playwright/test';
import { createHash } from 'crypto';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import {
  backendUrl,
  keepScreenshot,
  pageShows,
  personaToken,
  signInAs,
  waitForBackend,
} from './portal';

/**
 * Computational governance in the portal: the Data Office reads the demo mesh's compliance;
 * a team publishes a product whose descriptor breaks a mesh-wide rule, sees its badge
 * failing, fixes the descriptor, and sees the badge pass.
 */

test.beforeAll(async ({ request }) => {
  await waitForBackend(request);
});

test('the governance page shows the compliance of the demo mesh', async ({
  page,
}) => {
  await signInAs(page, 'Elena Petrova');
  await page.getByRole('link', { name: 'Governance' }).click();
  await expect(page).toHaveURL(/\/data-mesh\/governance/);
  // Evaluation runs once a minute: on a portal that just started, the first run may have
  // found an empty catalog. The page shows what the last run found, so reload until then.
  test.setTimeout(240_000);
  await expect
    .poll(
      () => pageShows(page, '/data-mesh/governance', 'Property portfolio'),
      { timeout: 180_000, intervals: [5_000] },
    )
    .toBe(true);
  for (const domain of ['Asset', 'Brokerage', 'Capital Markets']) {
    await expect(page.getByText(domain).first()).toBeVisible();
  }
  await expect(page.getByText('mesh/required-metadata').first()).toBeVisible();
  await keepScreenshot(page, 'governance-page');
});

/**
 * A product as the demo's publisher lays it out: a folder with a catalog-info.yaml Location,
 * an ODPS product descriptor (with or without its classification) and its ODCS contract.
 */
function writeOccupancyProduct(folder: string, classified: boolean) {
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, 'catalog-info.yaml'),
    `apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: occupancy-by-floor
spec:
  targets: [./occupancy.odps.yaml, ./occupancy.odcs.yaml]
`,
  );
  writeFileSync(
    join(folder, 'occupancy.odps.yaml'),
    `apiVersion: v1.0.0
kind: DataProduct
id: occupancy-by-floor
name: Occupancy by floor
version: 1.0.0
status: active
domain: asset
description:
  purpose: Occupied and free desks per floor of every building, for space planning.
outputPorts:
  - name: occupancy
    type: sql-view
    version: 1.0.0
    contractId: occupancy-by-floor-contract
support:
  - channel: asset-data
    url: https://chat.premium-offices.example/channels/asset-data
customProperties:
  - property: owner
    value: group:default/asset-data-team
  - property: updateFrequency
    value: daily
${classified ? '  - property: classification\n    value: internal\n' : ''}`,
  );
  writeFileSync(
    join(folder, 'occupancy.odcs.yaml'),
    `apiVersion: v3.1.0
kind: DataContract
id: occupancy-by-floor-contract
name: Occupancy by floor
version: 1.0.0
status: active
domain: asset
dataProduct: occupancy-by-floor
schema:
  - name: occupancy
    physicalType: view
    properties:
      - name: floor_id
        logicalType: string
        required: true
      - name: occupied_desks
        logicalType: integer
        required: true
    quality:
      - type: library
        metric: rowCount
        mustBeGreaterThan: 0
        description: Every floor has a row after the nightly load.
`,
  );
}

async function refresh(
  request: APIRequestContext,
  token: string,
  entityRef: string,
) {
  const response = await request.post(`${backendUrl}/api/catalog/refresh`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { entityRef },
  });
  expect(response.ok()).toBeTruthy();
}

test("fixing a descriptor turns its product's badge from failing to passing", async ({
  page,
  request,
}) => {
  // Two rounds of catalog processing and governance evaluation (once a minute).
  test.setTimeout(360_000);
  const dataDir = process.env.DATAMESH_E2E_DATA_DIR!;
  const token = await personaToken(request, 'sofia.rossi');
  const folder = join(dataDir, 'published', 'occupancy-by-floor');
  writeOccupancyProduct(folder, false);
  // The config location that reads published products, named as the catalog names config
  // locations; asking it to refresh reads the new folder now instead of at the next cycle.
  const publishedTarget = join(dataDir, 'published', '*', 'catalog-info.yaml');
  const publishedLocation = `location:default/generated-${createHash('sha1')
    .update(`file:${publishedTarget}`)
    .digest('hex')}`;
  const refreshed = await request.post(`${backendUrl}/api/catalog/refresh`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { entityRef: publishedLocation },
  });
  test.skip(
    !refreshed.ok(),
    'the running portal does not read this run’s data folder (a reused server)',
  );

  await signInAs(page, 'Sofia Rossi');
  const governanceTab =
    '/catalog/default/dataproduct/occupancy-by-floor/governance';
  await expect
    .poll(() => pageShows(page, governanceTab, 'Governance: Failing'), {
      timeout: 180_000,
      intervals: [5_000],
    })
    .toBe(true);
  await expect(page.getByText(/spec\.classification/).first()).toBeVisible();
  await keepScreenshot(page, 'governance-badge-failing');

  writeOccupancyProduct(folder, true);
  await refresh(request, token, 'dataproduct:default/occupancy-by-floor');
  await expect
    .poll(() => pageShows(page, governanceTab, 'Governance: Passing'), {
      timeout: 180_000,
      intervals: [5_000],
    })
    .toBe(true);
  await keepScreenshot(page, 'governance-badge-passing');
});
