import type { WorkspaceDescriptor } from '../workspace/readWorkspaceDescriptors';
import { nameProblem } from '../product/namingRules';
import type { DescriptorPolicy } from './policies';
import { customProperty, issuesFor, kindOf, productsOf } from './productFiles';

const oneProduct: DescriptorPolicy = {
  id: 'one-product-per-repository',
  description:
    'A product repository holds exactly one product descriptor (ODPS or DPDS).',
  check(descriptors) {
    const products = productsOf(descriptors);
    if (products.length === 1) {
      return [];
    }
    return [
      {
        file: '',
        path: '',
        policy: this.id,
        message:
          products.length === 0
            ? 'no valid data product descriptor (ODPS or DPDS) in the repository'
            : `one product descriptor per repository, found ${
                products.length
              }: ${products.map(p => p.descriptor.file).join(', ')}`,
      },
    ];
  },
};

const naming: DescriptorPolicy = {
  id: 'naming',
  description:
    'Products and their output ports are named in lowercase words joined by dashes.',
  check: issuesFor('naming', ({ product }, issue) => {
    const problem = nameProblem(product.metadata.name);
    if (problem) {
      issue('name', `the product's catalog name ${problem}`);
    }
    (product.spec.outputPorts ?? []).forEach((port, i) => {
      const portProblem = nameProblem(port.name);
      if (portProblem && port.details?.portKind !== 'management') {
        issue(`outputPorts[${i}].name`, `port name ${portProblem}`);
      }
    });
  }),
};

const ownership: DescriptorPolicy = {
  id: 'ownership',
  description: 'Every product names its domain and an owning group.',
  check: issuesFor('ownership', ({ product }, issue) => {
    const { owner, domain } = product.spec;
    if (!owner || owner === 'unknown') {
      issue(
        'owner',
        'required: the owning group, e.g. group:default/brokerage-data-team',
      );
    } else if (kindOf(owner) !== 'group') {
      issue(
        'owner',
        `must be a group, got ${owner}: a team owns a product, not a person`,
      );
    }
    if (!domain || domain === 'unknown') {
      issue('domain', 'required: the domain the product belongs to');
    }
  }),
};

const description: DescriptorPolicy = {
  id: 'self-describing',
  description: 'Every product states its purpose and its classification.',
  check: issuesFor('self-describing', ({ product }, issue) => {
    if (!product.spec.description?.purpose?.trim()) {
      issue(
        'purpose',
        'required: what the product is for, in a sentence or two',
      );
    }
    if (!product.spec.classification) {
      issue(
        'classification',
        'required: one of public, internal, confidential, restricted',
      );
    }
  }),
};

function contractIds(descriptors: WorkspaceDescriptor[]): Set<string> {
  const ids = new Set<string>();
  for (const { result } of descriptors) {
    for (const entity of result.entities) {
      const id = entity.metadata.annotations?.['datamesh/descriptor-id'];
      if (entity.kind === 'API' && id) {
        ids.add(id);
      }
    }
  }
  return ids;
}

const restrictedAccess: DescriptorPolicy = {
  id: 'restricted-needs-access-policy',
  description:
    'A restricted product says who may be granted access and who approves: an accessPolicy, or roles in its contract.',
  check(descriptors) {
    const contractsWithRoles = new Set(
      descriptors
        .filter(d => d.result.detected?.standard === 'odcs')
        .filter(d => Array.isArray((d.document as { roles?: unknown })?.roles))
        .map(d => String((d.document as { id?: unknown }).id)),
    );
    return issuesFor(this.id, ({ product, descriptor }, issue) => {
      if (product.spec.classification !== 'restricted') {
        return;
      }
      const policy = customProperty(descriptor.document, 'accessPolicy');
      const rolesInContract = (product.spec.outputPorts ?? []).some(
        port => port.contractId && contractsWithRoles.has(port.contractId),
      );
      if (!(typeof policy === 'string' && policy.trim()) && !rolesInContract) {
        issue(
          'accessPolicy',
          'required for a restricted product: who may be granted access and who approves it (or roles in its contract)',
        );
      }
    })(descriptors);
  },
};

const addressablePorts: DescriptorPolicy = {
  id: 'addressable-output-ports',
  description:
    'Every output port has an address and a contract, and the contract is in the repository.',
  check(descriptors) {
    const contracts = contractIds(descriptors);
    return issuesFor(this.id, ({ product }, issue) => {
      const ports = (product.spec.outputPorts ?? []).filter(
        port => port.details?.portKind !== 'management',
      );
      if (ports.length === 0) {
        issue(
          'outputPorts',
          'required: at least one output port to consume the product',
        );
      }
      ports.forEach((port, i) => {
        if (!port.address) {
          issue(
            `outputPorts[${i}].address`,
            `port ${port.name} has no address: where consumers read it (a view, table, URL or topic)`,
          );
        }
        if (!port.contractId) {
          issue(
            `outputPorts[${i}].contractId`,
            `port ${port.name} has no contract`,
          );
        } else if (!contracts.has(port.contractId)) {
          issue(
            `outputPorts[${i}].contractId`,
            `port ${port.name} names contract ${port.contractId}, which no contract in the repository has as its id`,
          );
        }
      });
    })(descriptors);
  },
};

/**
 * The mesh's structural rules: what every product needs to be discoverable, addressable,
 * owned and governed. They run in the templates (datamesh:descriptor:validate) before a
 * product is published.
 */
export const structuralPolicies: DescriptorPolicy[] = [
  oneProduct,
  naming,
  ownership,
  description,
  restrictedAccess,
  addressablePorts,
];
