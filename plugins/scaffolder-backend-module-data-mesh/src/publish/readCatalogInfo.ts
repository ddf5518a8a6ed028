import { InputError } from '@backstage/errors';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

const locationEntity = z.object({
  apiVersion: z.string(),
  kind: z.literal('Location'),
  metadata: z.object({ name: z.string(), namespace: z.string().optional() }),
  spec: z.object({ targets: z.array(z.string()).min(1) }),
});

/**
 * The ref of the Location a product repository registers through its catalog-info.yaml
 * (written by datamesh:descriptor:create), checked before anything is published.
 */
export async function readCatalogInfo(root: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(join(root, 'catalog-info.yaml'), 'utf8');
  } catch {
    throw new InputError(
      'sourcePath: no catalog-info.yaml in the repository: the catalog reads a published product through it (datamesh:descriptor:create writes one)',
    );
  }
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new InputError(`catalog-info.yaml: not valid YAML: ${error}`);
  }
  const parsed = locationEntity.safeParse(document);
  if (!parsed.success) {
    throw new InputError(
      `catalog-info.yaml: expected a Location listing the descriptor files: ${parsed.error.issues
        .map(i => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  }
  const { name, namespace = 'default' } = parsed.data.metadata;
  return `location:${namespace}/${name}`;
}
