import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { z } from 'zod';

const entityStatus = z
  .object({
    items: z
      .array(
        z.object({
          error: z.object({ message: z.string() }).partial().optional(),
        }),
      )
      .optional(),
  })
  .optional();

/** The processing errors the catalog recorded on an entity (e.g. a descriptor it refused). */
export async function processingErrors(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  entityRef: string,
): Promise<string[]> {
  const entity = await catalog.getEntityByRef(entityRef, { credentials });
  const status = entityStatus.safeParse(
    (entity as { status?: unknown } | undefined)?.status,
  );
  if (!status.success) {
    return [];
  }
  return (status.data?.items ?? [])
    .map(item => item.error?.message)
    .filter((m): m is string => Boolean(m));
}

const POLL_MS = 250;

/**
 * Waits until the catalog shows the entity (at the expected version, if given), as the
 * person who ran the template sees it. With `locationRef`, stops early when that Location
 * records a processing error: the product would then never appear. (For a change to a
 * published product, pass none: its Location may still show the last run's errors until
 * the catalog reads it again; they are read once the wait is over.)
 */
export async function waitUntilVisible(options: {
  catalog: CatalogService;
  credentials: BackstageCredentials;
  entityRef: string;
  expectedVersion?: string;
  locationRef?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}): Promise<{ visible: boolean; elapsedMs: number; errors: string[] }> {
  const started = Date.now();
  const { catalog, credentials } = options;
  for (;;) {
    const entity = await catalog.getEntityByRef(options.entityRef, {
      credentials,
    });
    const elapsedMs = Date.now() - started;
    if (
      entity &&
      (!options.expectedVersion ||
        entity.spec?.version === options.expectedVersion)
    ) {
      return { visible: true, elapsedMs, errors: [] };
    }
    const errors = options.locationRef
      ? await processingErrors(catalog, credentials, options.locationRef)
      : [];
    if (
      errors.length > 0 ||
      elapsedMs >= options.timeoutMs ||
      options.signal?.aborted
    ) {
      return { visible: false, elapsedMs, errors };
    }
    await new Promise(r => setTimeout(r, POLL_MS));
  }
}
