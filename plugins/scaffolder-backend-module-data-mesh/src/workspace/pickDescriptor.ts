import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { describeIssues } from '@datamesh/plugin-data-mesh-common';
import type { WorkspaceDescriptor } from './readWorkspaceDescriptors';

export type Standard = 'odps' | 'odcs' | 'dcs' | 'dpds';

/** The one descriptor of a kind in the workspace (or the one named), read and valid. */
export function pickDescriptor(options: {
  descriptors: WorkspaceDescriptor[];
  field: string;
  path?: string;
  standards: Standard[];
  label: string;
  isWanted: (entity: Entity) => boolean;
}): { descriptor: WorkspaceDescriptor; entity: Entity } | undefined {
  const { descriptors, field, path, label } = options;
  const wanted = path?.replace(/^\.\//, '');
  const candidates = descriptors.filter(d =>
    wanted
      ? d.file === wanted
      : options.standards.includes(d.result.detected?.standard as Standard),
  );
  if (wanted && candidates.length === 0) {
    throw new InputError(`${field}: no descriptor at ${path} in the workspace`);
  }
  if (candidates.length > 1) {
    throw new InputError(
      `${field}: the workspace holds ${
        candidates.length
      } ${label}s (${candidates
        .map(c => c.file)
        .join(', ')}); name the one to compare`,
    );
  }
  const [descriptor] = candidates;
  if (!descriptor) {
    return undefined;
  }
  if (descriptor.result.errors.length > 0) {
    throw new InputError(
      `${field}: ${descriptor.file} is not a valid descriptor: ${describeIssues(
        descriptor.result.errors,
      )}`,
    );
  }
  const entity = descriptor.result.entities.find(options.isWanted);
  if (!entity) {
    throw new InputError(`${field}: ${descriptor.file} is not a ${label}`);
  }
  return { descriptor, entity };
}
