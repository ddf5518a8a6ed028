import { parseEntityRef } from '@backstage/catalog-model';
import {
  DataProductEntityV1alpha1,
  isDataProductEntity,
} from '@datamesh/plugin-data-mesh-common';
import type { WorkspaceDescriptor } from '../workspace/readWorkspaceDescriptors';
import type { DescriptorPolicy, PolicyIssue } from './policies';

// What the structural policies read of a repository's product descriptors.

/** A product descriptor of the repository and the DataProduct the catalog makes of it. */
export interface ProductFile {
  descriptor: WorkspaceDescriptor;
  product: DataProductEntityV1alpha1;
}

export function productsOf(descriptors: WorkspaceDescriptor[]): ProductFile[] {
  return descriptors.flatMap(descriptor =>
    descriptor.result.entities
      .filter(isDataProductEntity)
      .map(product => ({ descriptor, product })),
  );
}

/**
 * Where a field of the product lives in its descriptor: ODPS keeps what it has no field for
 * in customProperties (the suite's conventions); for the other standards the kind's field
 * is named.
 */
export function fieldPath(
  descriptor: WorkspaceDescriptor,
  field: string,
): string {
  if (descriptor.result.detected?.standard !== 'odps') {
    return `(DataProduct) spec.${field}`;
  }
  const odps: Record<string, string> = {
    owner: 'customProperties[owner]',
    classification: 'customProperties[classification]',
    accessPolicy: 'customProperties[accessPolicy]',
    domain: 'domain',
    name: 'name',
    purpose: 'description.purpose',
    outputPorts: 'outputPorts',
  };
  return odps[field] ?? field;
}

export function kindOf(ref: string): string | undefined {
  try {
    return parseEntityRef(ref, { defaultKind: 'group' }).kind.toLocaleLowerCase(
      'en-US',
    );
  } catch {
    return undefined;
  }
}

export function customProperty(document: unknown, name: string): unknown {
  const list = (document as { customProperties?: unknown })?.customProperties;
  return Array.isArray(list)
    ? list.find(p => p?.property === name)?.value
    : undefined;
}

export function issuesFor(
  policy: string,
  check: (
    file: ProductFile,
    issue: (field: string, message: string) => void,
  ) => void,
): DescriptorPolicy['check'] {
  return descriptors => {
    const issues: PolicyIssue[] = [];
    for (const file of productsOf(descriptors)) {
      check(file, (field, message) =>
        issues.push({
          file: file.descriptor.file,
          path: fieldPath(file.descriptor, field),
          message,
          policy,
        }),
      );
    }
    return issues;
  };
}
