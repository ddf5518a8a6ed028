import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { locationSpecToMetadataName } from '@backstage/plugin-catalog-node';
import { isAbsolute, join, relative, resolve } from 'node:path';

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * The catalog Locations that read the publish folder: the `file` entries of
 * `catalog.locations` whose target lies inside it (typically one,
 * `<folder>/*\/catalog-info.yaml`). They are found in config, not in the catalog's
 * entities, because such a location has no entity to show while the folder is still empty
 * (its glob matches nothing, which the catalog records as an error). Each is named as the
 * catalog names config locations: `generated-` and a hash of its resolved target.
 * Without one, published repositories would never reach the catalog: the message says
 * what to add.
 */
export function publishLocationRefs(
  config: Config,
  directory: string,
  cwd = process.cwd(),
): string[] {
  const refs = (config.getOptionalConfigArray('catalog.locations') ?? [])
    .filter(location => location.getString('type') === 'file')
    .map(location => resolve(cwd, location.getString('target')))
    .filter(target => isInside(directory, target))
    .map(
      target =>
        `location:default/${locationSpecToMetadataName({
          type: 'file',
          target,
        })}`,
    );
  if (refs.length === 0) {
    throw new InputError(
      `The catalog has no location that reads the local publisher's folder ${directory}. Add it to app-config.yaml:\n` +
        `catalog:\n  locations:\n    - type: file\n      target: ${join(
          directory,
          '*',
          'catalog-info.yaml',
        )}`,
    );
  }
  return refs;
}
